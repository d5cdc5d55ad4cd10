"""File > Export Report: choose a file, write the report in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QFileDialog

from ...core import ReviewAppError
from ...core.report import REPORT_FORMATS, ReportFormat, Written, build_report, format_for_path
from ..document.tab import DocumentTab
from ..workers import ExportWorker
from . import make_action
from .host import Host, widget


def report_filters() -> list[str]:
    return [f"{fmt.label} ({' '.join('*' + s for s in fmt.suffixes)})" for fmt in REPORT_FORMATS.values()]


def report_target(name: str, chosen_filter: str) -> tuple[ReportFormat, Path]:
    """The format from the file's suffix, else from the filter chosen; the suffix added if missing."""
    path = Path(name)
    by_suffix = format_for_path(path)
    if by_suffix is not None:
        return by_suffix, path
    fmt = next(
        (f for f in REPORT_FORMATS.values() if chosen_filter.startswith(f.label)), REPORT_FORMATS["html"]
    )
    return fmt, path.with_name(path.name + fmt.suffix)


class ReportActions(QObject):
    def __init__(self, window: Host) -> None:
        super().__init__(widget(window))
        self.window = window
        self.exports = 0  # reports being written in the pool
        self.export = make_action(self, "&Export Report…", self.export_dialog, "Ctrl+E")

    def export_dialog(self) -> None:
        tab = self.window.current()
        if tab is None:
            return
        base = (
            tab.path.with_name(f"{tab.path.stem}-review")
            if tab.path
            else self.window.last_folder() / "review"
        )
        name, chosen = QFileDialog.getSaveFileName(
            widget(self.window),
            "Export review report",
            str(base.with_suffix(".html")),
            ";;".join(report_filters()),
        )
        if name:
            self.export_report(tab, *report_target(name, chosen))

    def export_report(self, tab: DocumentTab, fmt: ReportFormat, path: Path) -> ExportWorker | None:
        """Gather the report here (the database lives in this thread), write it in the pool."""
        if not tab.up_to_date or tab.review is None:
            self.window.show_error("Cannot export yet", "Wait for the analysis of the latest edit to finish.")
            return None
        tab.judge()
        try:
            report = build_report(tab.review, self.window.store, self.window.reviewer.policy)
        except (ReviewAppError, ValueError) as exc:
            self.window.show_error("Cannot export the report", str(exc))
            return None
        worker = ExportWorker(report, fmt, path)
        worker.signals.finished.connect(self._exported)
        worker.signals.failed.connect(self._export_failed)
        self.exports += 1
        self.window.status.show_busy(self.exports, "Exporting the report…")
        QThreadPool.globalInstance().start(worker)
        return worker

    def _exported(self, written: list[Written], seconds: float) -> None:
        self.exports -= 1
        self.window.status.show_busy(self.exports, "")
        names = " and ".join(str(w) for w in written)
        self.window.status.showMessage(f"Report saved: {names} ({seconds:.1f} s)", 10000)

    def _export_failed(self, message: str) -> None:
        self.exports -= 1
        self.window.status.show_busy(self.exports, "")
        self.window.show_error("Cannot export the report", message)
