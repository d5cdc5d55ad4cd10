"""File > Export Report and Print Report: choose a file or a printer, make the report in the background."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QFileDialog

from ...core import ReviewAppError
from ...core.report import REPORT_FORMATS, Report, ReportFormat, Written, build_report, format_for_path
from ...core.wording import counted
from ..document.tab import DocumentTab
from ..workers import ExportWorker, ReportJob
from . import make_action
from .host import Host, widget

if TYPE_CHECKING:  # loaded when first asked to print (75 ms)
    from PySide6.QtPrintSupport import QPrinter


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
        self.exports = 0  # reports being written or printed in the pool
        self.export = make_action(self, "&Export Report…", self.export_dialog, "Ctrl+E")
        self.print = make_action(self, "Pr&int Report…", self.print_dialog, "Ctrl+P")

    def export_dialog(self) -> None:
        tab = self.window.current()
        if tab is None:
            return
        base = self._report_base(tab)
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
        report = self._gathered(tab, "export")
        if report is None:
            return None
        worker = ExportWorker(report, fmt, path)
        worker.signals.finished.connect(self._exported)
        self._start(worker, "Exporting the report…")
        return worker

    def print_dialog(self) -> None:
        tab = self.window.current()
        report = self._gathered(tab, "print") if tab is not None else None
        if tab is None or report is None:
            return
        from ..printing import chosen_printer  # Qt's print support: loaded when first asked for

        printer = chosen_printer(report, widget(self.window), self._report_base(tab).with_suffix(".pdf"))
        if printer is not None:
            self.print_report(report, printer)

    def print_report(self, report: Report, printer: QPrinter) -> ReportJob:
        """Paint the gathered report on the chosen printer, in the pool."""
        from ..printing import PrintWorker

        worker = PrintWorker(report, printer)
        worker.signals.finished.connect(self._printed)
        self._start(worker, "Printing the report…")
        return worker

    def _report_base(self, tab: DocumentTab) -> Path:
        """Where a report of the tab's draft goes unless the editor says otherwise (no suffix)."""
        return (
            tab.path.with_name(f"{tab.path.stem}-review")
            if tab.path
            else self.window.last_folder() / "review"
        )

    def _gathered(self, tab: DocumentTab, verb: str) -> Report | None:
        """The report of the tab's current review, or None after saying why there is none yet."""
        if not tab.up_to_date or tab.review is None:
            self.window.show_error(
                f"Cannot {verb} yet", "Wait for the analysis of the latest edit to finish."
            )
            return None
        tab.judge()
        try:
            return build_report(
                tab.review, self.window.store, self.window.reviewer.policy, how_read=tab.read_notes
            )
        except (ReviewAppError, ValueError) as exc:
            self.window.show_error(f"Cannot {verb} the report", str(exc))
            return None

    def _start(self, worker: ReportJob, busy: str) -> None:
        worker.signals.failed.connect(self._failed)
        self.exports += 1
        self.window.status.show_busy(self.exports, busy)
        QThreadPool.globalInstance().start(worker)

    def _one_done(self) -> None:
        self.exports -= 1
        self.window.status.show_busy(self.exports, "")

    def _printed(self, printed: tuple[int, str], seconds: float) -> None:
        self._one_done()
        pages, where = printed
        sent = f"Report printed to {where}: {counted(pages, 'page')} ({seconds:.1f} s)"
        self.window.status.showMessage(sent, 10000)

    def _exported(self, written: list[Written], seconds: float) -> None:
        self._one_done()
        names = " and ".join(str(w) for w in written)
        self.window.status.showMessage(f"Report saved: {names} ({seconds:.1f} s)", 10000)

    def _failed(self, title: str, message: str) -> None:
        self._one_done()
        self.window.show_error(title, message)
