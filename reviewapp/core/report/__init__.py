"""Review reports: one model, rendered as JSON, Markdown and HTML here; PDF is drawn by Qt in the GUI."""

from __future__ import annotations

from .files import jsonld_path, render_text, write_text_report
from .html import render_html
from .json_report import disclosure_jsonld, render_json, report_json
from .markdown import render_markdown
from .model import Report, build_report

FORMATS = ("html", "pdf", "md", "json")
SUFFIXES = {"html": ".html", "pdf": ".pdf", "md": ".md", "json": ".json"}

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "Report",
    "build_report",
    "disclosure_jsonld",
    "jsonld_path",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
    "report_json",
    "write_text_report",
]
