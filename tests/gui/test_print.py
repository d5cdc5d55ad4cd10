"""File > Print Report: the system's print dialog, then the PDF report's pages on the chosen printer.

No printer is installed here, so the printer prints to a PDF file (what "Print to
File" in the dialog does), and the file is read back with poppler.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication

from reviewapp.gui.pdf_report import write_pdf

from .conftest import wait_analysed

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")


def _poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def _to_file(printer: QPrinter, path) -> QPrinter:
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _gathered(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    report = window.reports._gathered(tab, "print")
    assert report is not None
    return report


def test_print_report_is_in_the_file_menu_on_ctrl_p(window):
    file_menu = window.menus.actions()[0].menu()
    found = [a for a in file_menu.actions() if a.text() == "Pr&int Report…"]
    assert found and found[0].shortcut().toString() == "Ctrl+P"


def test_the_report_prints_every_page_numbered_in_the_background(window, qtbot, foxconn_copy, tmp_path):
    from reviewapp.gui.printing import report_printer

    report = _gathered(window, qtbot, foxconn_copy)
    out = tmp_path / "printed.pdf"
    worker = window.reports.print_report(report, _to_file(report_printer(report), out))
    assert worker is not None and window.status.progress.isVisible()
    qtbot.waitUntil(lambda: window.reports.exports == 0, timeout=20000)
    message = window.statusBar().currentMessage()
    pages = int(re.search(r"Report printed to printed.pdf: (\d+) pages", message).group(1))
    info = _poppler("pdfinfo", str(out))
    assert re.search(rf"^Pages:\s+{pages}$", info, re.M) and pages >= 3
    assert "595 x 842 pts (A4)" in info  # the policy's paper, as the PDF report
    text = " ".join(_poppler("pdftotext", str(out), "-").split())
    assert "Review report: A Landmark Alliance" in text and "Sam Altman, the CEO over at" in text
    assert f"Page {pages} of {pages}" in text
    assert not window.status.progress.isVisible()
    # All of it is on paper, as in the PDF export (300 dpi): at a printer's 1,200 dpi Qt's
    # layout once dropped the draft's text after the "Text" heading was moved to a new page.
    assert not [f.id for f in report.findings if f.id not in text]
    exported = tmp_path / "exported.pdf"
    write_pdf(report, exported)
    words = len(_poppler("pdftotext", str(exported), "-").split())
    assert abs(len(text.split()) - words) < words * 0.02


def test_a_page_range_prints_those_pages_with_their_own_numbers(window, qtbot, foxconn_copy, tmp_path):
    from reviewapp.gui.printing import report_printer

    report = _gathered(window, qtbot, foxconn_copy)
    out = tmp_path / "page2.pdf"
    printer = _to_file(report_printer(report), out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    window.reports.print_report(report, printer)
    qtbot.waitUntil(lambda: window.reports.exports == 0, timeout=20000)
    assert "Report printed to page2.pdf: 1 page " in window.statusBar().currentMessage()
    assert re.search(r"^Pages:\s+1$", _poppler("pdfinfo", str(out)), re.M)
    text = " ".join(_poppler("pdftotext", str(out), "-").split())
    assert re.search(r"Page 2 of \d+", text) and "Page 1 of" not in text


def test_the_dialog_starts_from_the_policy_paper_and_cancelling_prints_nothing(
    window, qtbot, foxconn_copy, tmp_path
):
    from reviewapp.gui.printing import chosen_printer

    report = _gathered(window, qtbot, foxconn_copy)
    seen: list[tuple[str, str, str]] = []
    files: list[str] = []

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            printer = dialog.printer()
            seen.append((dialog.windowTitle(), printer.pageLayout().pageSize().id().name, printer.docName()))
            files.append(printer.outputFileName())
            dialog.reject()
        else:
            QTimer.singleShot(20, cancel)

    QTimer.singleShot(20, cancel)
    assert chosen_printer(report, window, tmp_path / "draft-review.pdf") is None
    assert seen == [("Print review report", "A4", f"Review report: {report.title}")]
    assert report.title.startswith("A Landmark Alliance")
    if not QPrinterInfo.availablePrinterNames():  # as here: only a file, named as Export names it
        assert files == [str(tmp_path / "draft-review.pdf")]


def test_printing_waits_for_the_analysis_of_an_edit(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    qtbot.keyClicks(tab.editor, "x")
    window.reports.print_dialog()  # says why, and opens no dialog (which would wait here)
    assert any("Wait for the analysis" in box.text() for box in window.messages)


def test_a_printer_that_refuses_the_job_is_one_clear_message(window, qtbot, foxconn_copy, tmp_path):
    from reviewapp.gui.printing import report_printer

    report = _gathered(window, qtbot, foxconn_copy)
    blocked = tmp_path / "no-such-folder" / "out.pdf"
    window.reports.print_report(report, _to_file(report_printer(report), blocked))
    qtbot.waitUntil(lambda: window.reports.exports == 0, timeout=20000)
    assert any("Cannot print to out.pdf: it refused the job." in box.text() for box in window.messages)
    assert not window.status.progress.isVisible()


def test_opening_the_window_does_not_load_print_support():
    """Qt's print support takes 75 ms to load: the window loads it when asked to print."""
    import sys

    code = (
        "import sys; import reviewapp.gui.main_window, reviewapp.gui.actions.reports; "
        "print('PySide6.QtPrintSupport' in sys.modules, 'reviewapp.gui.printing' in sys.modules)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert shown.stdout.split() == ["False", "False"]
