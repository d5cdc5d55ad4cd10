"""Review reports: one model, in the formats of formats.REPORT_FORMATS.

The names below are imported when first used (PEP 562): `reviewapp report`
registers its options from the formats table without loading every writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lazy import lazy_exports

_EXPORTS = {
    "REPORT_FORMATS": "formats",
    "ReportError": "formats",
    "ReportFormat": "formats",
    "Written": "formats",
    "format_for_path": "formats",
    "jsonld_path": "formats",
    "render_html": "html",
    "disclosure_jsonld": "json_report",
    "render_json": "json_report",
    "report_json": "json_report",
    "render_markdown": "markdown",
    "Report": "model",
    "build_report": "model",
}

if TYPE_CHECKING:
    from .formats import REPORT_FORMATS, ReportError, ReportFormat, Written, format_for_path, jsonld_path
    from .html import render_html
    from .json_report import disclosure_jsonld, render_json, report_json
    from .markdown import render_markdown
    from .model import Report, build_report


__getattr__ = lazy_exports(__name__, _EXPORTS)


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
