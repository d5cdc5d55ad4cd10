"""File > Export Report: choose a file, write the report in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QFileDialog

from ..core import ReviewAppError
from ..core.report import SUFFIXES, build_report
from .document_tab import DocumentTab
from .window_parts import WindowParts
from .worker import ExportWorker

REPORT_FILTERS = {"html": "HTML report", "pdf": "PDF report", "md": "Markdown report", "json": "JSON report"}


def report_target(name: str, chosen_filter: str) -> tuple[str, Path]:
    """The format from the file's suffix, else from the filter chosen; the suffix added if missing."""
    path = Path(name)
    by_suffix = {suffix: fmt for fmt, suffix in SUFFIXES.items()}
    if path.suffix.lower() in by_suffix:
        return by_suffix[path.suffix.lower()], path
    fmt = next((f for f, label in REPORT_FILTERS.items() if chosen_filter.startswith(label)), "html")
    return fmt, path.with_name(path.name + SUFFIXES[fmt])


class ReportActions(WindowParts):
    """Mixed into MainWindow; uses its store, policy, settings and tabs."""

    def export_dialog(self) -> None:
        tab = self.current()
        if tab is None:
            return
        base = tab.path.with_name(f"{tab.path.stem}-review") if tab.path else self._last_folder() / "review"
        filters = ";;".join(f"{label} (*{SUFFIXES[fmt]})" for fmt, label in REPORT_FILTERS.items())
        name, chosen = QFileDialog.getSaveFileName(
            self, "Export review report", str(base.with_suffix(".html")), filters
        )
        if name:
            self.export_report(tab, *report_target(name, chosen))

    def export_report(self, tab: DocumentTab, fmt: str, path: Path) -> ExportWorker | None:
        """Gather the report here (the database lives in this thread), write it in the pool."""
        if not tab.up_to_date or tab.result is None:
            self.show_error("Cannot export yet", "Wait for the analysis of the latest edit to finish.")
            return None
        try:
            report = build_report(tab.result, self.store, self.policy, tab.key)
        except ReviewAppError as exc:
            self.show_error("Cannot export the report", str(exc))
            return None
        worker = ExportWorker(report, fmt, path)
        worker.signals.finished.connect(self._exported)
        worker.signals.failed.connect(self._export_failed)
        self.exports += 1
        self._show_busy()
        QThreadPool.globalInstance().start(worker)
        return worker

    def _exported(self, written: list[Path], seconds: float) -> None:
        self.exports -= 1
        self._show_busy()
        names = " and ".join(str(p) for p in written)
        self.statusBar().showMessage(f"Report saved: {names} ({seconds:.1f} s)", 10000)

    def _export_failed(self, message: str) -> None:
        self.exports -= 1
        self._show_busy()
        self.show_error("Cannot export the report", message)

    def _show_busy(self) -> None:
        self.progress.setVisible(self.exports > 0)
        if self.exports:
            self.statusBar().showMessage("Exporting the report…")
