"""The report formats: one table read by `reviewapp report`, File > Export Report and the writers.

HTML, Markdown and JSON are rendered here as text. PDF is drawn by Qt; its
writer is imported only when a PDF is asked for (the one place the core
reaches into the GUI package), so the core never needs Qt to load.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import ReviewAppError
from ..files import write_atomic

if TYPE_CHECKING:
    from .model import Report


class ReportError(ReviewAppError):
    """A report cannot be made in the format asked for."""


class Written(NamedTuple):
    """A file a report was written to, and a note for the user ("12 pages")."""

    path: Path
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.path} ({self.detail})" if self.detail else str(self.path)


@dataclass(frozen=True, slots=True)
class ReportFormat:
    id: str
    label: str  # as a file dialog lists it
    suffixes: tuple[str, ...]  # the first is what a new file gets
    renderer: str | None  # "module:function" of a text format, imported when used; None for PDF

    @property
    def render(self) -> Callable[[Report], str] | None:
        if self.renderer is None:
            return None
        module, _, function = self.renderer.partition(":")
        render: Callable[[Report], str] = getattr(import_module(module, __package__), function)
        return render

    @property
    def suffix(self) -> str:
        return self.suffixes[0]

    @property
    def is_text(self) -> bool:
        return self.renderer is not None

    def write(self, report: Report, path: Path) -> list[Written]:
        """Write the report (and, for JSON, its disclosure beside it); return the files written."""
        if self.renderer is None:
            pages = _pdf_writer()(report, path)
            return [Written(path, f"{pages} page{'s' if pages != 1 else ''}")]
        render = self.render
        assert render is not None
        write_atomic(path, render(report))
        if self.id != "json":
            return [Written(path)]
        from .json_report import render_disclosure

        beside = jsonld_path(path)
        write_atomic(beside, render_disclosure(report) + "\n")
        return [Written(path), Written(beside, "the disclosure as JSON-LD")]


REPORT_FORMAT_TABLE: tuple[ReportFormat, ...] = (
    ReportFormat("html", "HTML report", (".html", ".htm"), ".html:render_html"),
    ReportFormat("pdf", "PDF report", (".pdf",), None),
    ReportFormat("md", "Markdown report", (".md", ".markdown"), ".markdown:render_markdown"),
    ReportFormat("json", "JSON report", (".json",), ".json_report:render_json"),
)
REPORT_FORMATS: dict[str, ReportFormat] = {f.id: f for f in REPORT_FORMAT_TABLE}


def format_for_path(path: str | Path) -> ReportFormat | None:
    """The format a file name asks for by its suffix, if any."""
    suffix = Path(path).suffix.lower()
    return next((f for f in REPORT_FORMAT_TABLE if suffix in f.suffixes), None)


def jsonld_path(json_path: Path) -> Path:
    beside = json_path.with_suffix(".jsonld")
    return beside if beside != json_path else json_path.with_suffix(".disclosure.jsonld")


PDF_WRITER = "reviewapp.gui.pdf_report"


def _pdf_writer() -> Callable[[Report, Path], int]:
    try:
        module = import_module(PDF_WRITER)
    except ImportError as exc:
        raise ReportError(
            f"PDF reports need PySide6 ({exc}); install it with: pip install 'reviewapp[gui]'"
        ) from None
    module.ensure_gui_application()
    return module.write_pdf
