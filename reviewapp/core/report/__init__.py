"""Review reports: one model, in the formats of formats.REPORT_FORMATS."""

from __future__ import annotations

from .formats import REPORT_FORMATS, ReportError, ReportFormat, Written, format_for_path, jsonld_path
from .html import render_html
from .json_report import disclosure_jsonld, render_json, report_json
from .markdown import render_markdown
from .model import Report, build_report

__all__ = [
    "REPORT_FORMATS",
    "Report",
    "ReportError",
    "ReportFormat",
    "Written",
    "build_report",
    "disclosure_jsonld",
    "format_for_path",
    "jsonld_path",
    "render_html",
    "render_json",
    "render_markdown",
    "report_json",
]
