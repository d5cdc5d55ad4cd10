"""The PDF report, drawn by Qt: the HTML report laid out in pages, with page numbers."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from ..core.files import WriteError, replace_from
from ..core.report import Report, render_html

RESOLUTION_DPI = 300
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
PAGE_MARGINS_MM = QMarginsF(18, 15, 18, 12)  # left, top, right, bottom


def ensure_gui_application() -> None:
    """Qt needs an application object to lay out text; headless use gets the offscreen platform."""
    if QGuiApplication.instance() is None:
        # No window here (the desktop app made its application first): no display is needed, and
        # on Linux a display that cannot be reached (an SSH session's stale DISPLAY) made Qt abort.
        if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        elif not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication([])


def write_pdf(report: Report, path: Path) -> int:
    """Write the report as a paginated PDF; return its page count. Safe to call from a worker thread."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent if path.parent.exists() else None, suffix=".pdf")
    os.close(handle)
    try:
        pages = _draw(report, Path(temporary))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    replace_from(Path(temporary), path)
    return pages


def _draw(report: Report, path: Path) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(QPageSize(PAGE_SIZES[report.paper]))
    writer.setPageMargins(PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setTitle(f"Review report: {report.title}")
    writer.setCreator(f"reviewapp {report.tool_version}")
    painter = QPainter()
    if not painter.begin(writer):
        raise WriteError(f"{path}: cannot write the PDF")
    try:
        return paint_report(report, writer, painter)
    finally:
        painter.end()


def paint_report(
    report: Report, device: QPagedPaintDevice, painter: QPainter, only: range | None = None
) -> int:
    """Lay the report out on `device`'s pages (a PDF file, a printer) and paint them with
    `painter`, begun on it, `only` those pages (from 0) if given; the number painted. Each
    keeps its number ("Page 2 of 5")."""
    dpi = device.logicalDpiY()
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)  # lay out in the device's units, not the screen's
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.5)
    # No ligatures: "ﬁ" and "ﬀ" glyphs turn "verifies" and "off" into other characters
    # when the text is copied or searched in the PDF.
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    document.setDefaultFont(font)
    document.setHtml(render_html(report, for_print=True))
    footer_height = dpi * 0.3  # inches → pixels: room for the page number line
    page = QSizeF(device.width(), device.height() - footer_height)
    pages = paginate(document, page)

    footer_font = QFont("DejaVu Sans")
    footer_font.setPointSizeF(7.5)
    painted = [number for number in only or range(pages) if number < pages]
    for number in painted:
        if number != painted[0]:
            device.newPage()
        painter.save()
        painter.translate(0, -number * page.height())
        document.drawContents(painter, QRectF(0, number * page.height(), page.width(), page.height()))
        painter.restore()
        painter.setFont(footer_font)
        painter.setPen(Qt.GlobalColor.darkGray)
        footer = QRectF(0, page.height(), page.width(), footer_height)
        painter.drawText(
            footer,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            f"{report.title[:80]} · sha256 {report.sha256[:12]}",
        )
        painter.drawText(
            footer,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            f"Page {number + 1} of {pages}",
        )
    return len(painted)


def paginate(document: QTextDocument, page: QSizeF) -> int:
    """Lay `document` out in pages of this size, each heading kept with the text under it; the
    number of pages."""
    # Each block keeps its shaped text once laid out: by default Qt throws it away and shapes
    # every line again as it draws it (a 1,200-page report: 5.3 s → 4.6 s, the same pages and
    # the same peak memory).
    block = document.begin()
    while block.isValid():
        block.layout().setCacheEnabled(True)
        block = block.next()
    document.setPageSize(page)
    moved = keep_headings_with_next(document, page.height())
    if moved is not None:
        # Laid out again from the first heading moved to the end: after a page break was set
        # mid-document, Qt's layout (done lazily, block by block) left the blocks after it unlaid
        # and unpainted. At a printer's 1,200 dpi the report lost the draft's text, at 600 dpi
        # half of everything. What is above that heading stays where it was: laying all of it out
        # again took 0.9 s of a 1,200-page report, whose heading moved was one of its last.
        document.markContentsDirty(moved, document.characterCount() - moved)
    return document.pageCount()


KEPT_LINES = 3  # of the block after a heading, on the heading's page (or all of a shorter block)


def keep_headings_with_next(document: QTextDocument, page_height: float) -> int | None:
    """A heading that would end a page, its text starting on the next, starts that page instead
    (Qt's layout knows no "keep with next": the "Text" heading and half its legend sat at the
    foot of a page, the draft on the next). Where the first heading it moved is, or None."""
    layout = document.documentLayout()
    moved: int | None = None
    block = document.begin()
    while block.isValid():
        after = block.next()
        if block.blockFormat().headingLevel() and after.isValid():
            top = layout.blockBoundingRect(block).top()
            following = layout.blockBoundingRect(after)
            lines = after.layout().lineCount()
            kept = following.height() * min(1.0, KEPT_LINES / lines) if lines else following.height()
            if int(top // page_height) != int((following.top() + kept - 1) // page_height):
                breaking = QTextBlockFormat()
                breaking.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(breaking)
                if moved is None:
                    moved = block.position()
        block = after
    return moved
