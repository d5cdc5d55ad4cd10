"""File > Print Report: the PDF report's pages, on a printer the system's print dialog chose.

Imported when the editor asks to print: Qt's print support takes 75 ms to load,
which no one opening a draft should wait for.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from ..core import ReviewAppError
from ..core.report import Report
from .pdf_report import PAGE_MARGINS_MM, PAGE_SIZES, paint_report
from .workers import ReportJob


class PrintError(ReviewAppError):
    """The printer the editor chose cannot be drawn on (gone, or refused the job)."""


def report_printer(report: Report) -> QPrinter:
    """A printer set up as the PDF report is (the policy's paper, the same margins), for the
    print dialog to start from."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_SIZES[report.paper]))
    printer.setPageMargins(PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter)
    printer.setDocName(f"Review report: {report.title}")  # what the print queue shows
    printer.setCreator(f"reviewapp {report.tool_version}")
    return printer


def chosen_printer(report: Report, parent: QWidget, file: Path) -> QPrinter | None:
    """The system's print dialog, started from report_printer; None when the editor cancels.

    With no printer installed the dialog offers only printing to a PDF `file` (beside the
    draft, as Export Report names it; Qt's own choice was the report's title, colons and
    all, in the home folder).
    """
    printer = report_printer(report)
    if not QPrinterInfo.availablePrinterNames():
        printer.setOutputFileName(str(file))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print review report")
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def destination(printer: QPrinter) -> str:
    """The file printed to (its name), or the printer's name."""
    if printer.outputFileName():
        return Path(printer.outputFileName()).name
    return printer.printerName() or "the printer"


def chosen_pages(printer: QPrinter) -> range | None:
    """The pages (from 0) the print dialog's range chose; None for all of them."""
    if printer.printRange() != QPrinter.PrintRange.PageRange or printer.fromPage() < 1:
        return None
    return range(printer.fromPage() - 1, max(printer.fromPage(), printer.toPage()))


class PrintWorker(ReportJob):
    """Paint the report on a printer (Qt paints on printers from any thread): finished with the
    number of pages printed and where they went."""

    failure = "Cannot print the report"

    def __init__(self, report: Report, printer: QPrinter) -> None:
        super().__init__(report)
        self.printer = printer

    def work(self) -> object:
        painter = QPainter()
        if not painter.begin(self.printer):
            raise PrintError(f"Cannot print to {destination(self.printer)}: it refused the job.")
        try:
            pages = paint_report(self.report, self.printer, painter, chosen_pages(self.printer))
        finally:
            painter.end()
        return pages, destination(self.printer)
