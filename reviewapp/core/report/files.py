"""Write a report in a text format; the JSON one gets its JSON-LD disclosure file beside it."""

from __future__ import annotations

from pathlib import Path

from ..files import write_atomic
from .html import render_html
from .json_report import render_disclosure, render_json
from .markdown import render_markdown
from .model import Report

RENDERERS = {"html": render_html, "md": render_markdown, "json": render_json}


def render_text(report: Report, fmt: str) -> str:
    return RENDERERS[fmt](report)


def jsonld_path(json_path: Path) -> Path:
    beside = json_path.with_suffix(".jsonld")
    return beside if beside != json_path else json_path.with_suffix(".disclosure.jsonld")


def write_text_report(report: Report, fmt: str, path: Path) -> list[Path]:
    """Write the report (and, for JSON, the disclosure beside it); return the files written."""
    write_atomic(path, render_text(report, fmt))
    if fmt != "json":
        return [path]
    beside = jsonld_path(path)
    write_atomic(beside, render_disclosure(report) + "\n")
    return [path, beside]
