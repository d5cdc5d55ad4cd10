"""The PDF report, drawn by Qt: pages, page numbers, text, embedded fonts, colours."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtGui import QColor, QImage

from reviewapp.core import load_path, load_policy
from reviewapp.core.categories import CATEGORY
from reviewapp.core.report import build_report
from reviewapp.core.report.html import MARK_STRENGTH
from reviewapp.core.review import Reviewer
from reviewapp.core.store import ReviewStore
from reviewapp.gui.pdf_report import write_pdf

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")


def _poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def _report(tmp_path, data_dir, policy_text: str | None = None):
    policy_file = None
    if policy_text:
        policy_file = tmp_path / "policy.toml"
        policy_file.write_text(policy_text, encoding="utf-8")
    policy = load_policy(policy_file)
    with ReviewStore(tmp_path / "r.sqlite3") as store:
        review = Reviewer(policy).review(load_path(data_dir / "openai-foxconn.txt"), store=store)
        return build_report(review, store, policy), review


def test_pdf_has_numbered_pages_the_text_and_embedded_fonts(qapp, tmp_path, data_dir):
    report, _ = _report(tmp_path, data_dir)
    out = tmp_path / "report.pdf"
    pages = write_pdf(report, out)
    info = _poppler("pdfinfo", str(out))
    assert re.search(rf"^Pages:\s+{pages}$", info, re.M) and pages >= 3
    assert "595 x 842 pts (A4)" in info
    text = " ".join(_poppler("pdftotext", str(out), "-").split())
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in text
    assert "Review report: A Landmark Alliance" in text
    assert report.sha256 in text.replace(" ", "")
    assert "Sam Altman, the CEO over at" in text  # the article itself
    assert "The AI disclosure is cut off" in text  # a finding's message
    assert not [f.id for f in report.findings if f.id not in text]  # every finding is on paper
    fonts = _poppler("pdffonts", str(out)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # "emb" column


def test_pdf_paper_size_comes_from_the_policy(qapp, tmp_path, data_dir):
    report, _ = _report(tmp_path, data_dir, '[report]\npaper = "Letter"\n')
    out = tmp_path / "letter.pdf"
    write_pdf(report, out)
    assert "612 x 792 pts (letter)" in _poppler("pdfinfo", str(out))


def test_pdf_pages_show_the_highlight_colours(qapp, tmp_path, data_dir):
    if not shutil.which("pdftoppm"):
        pytest.skip("needs pdftoppm")
    report, _ = _report(tmp_path, data_dir)
    out = tmp_path / "report.pdf"
    write_pdf(report, out)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "2", "-l", "2", "-png", str(out), str(tmp_path / "p")], check=True
    )
    image = QImage(str(next(tmp_path.glob("p-*.png"))))
    seen = {
        image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    }

    def near(color: str) -> bool:
        want = QColor(color)
        return any(
            abs(QColor(c).red() - want.red())
            + abs(QColor(c).green() - want.green())
            + abs(QColor(c).blue() - want.blue())
            < 12
            for c in seen
        )

    for category in ("hedge", "peacock", "ai_tell"):
        assert near(CATEGORY[category].tint(MARK_STRENGTH)), category


def test_a_failed_pdf_write_leaves_what_was_there(qapp, tmp_path, data_dir):
    from reviewapp.core.files import WriteError

    report, _ = _report(tmp_path, data_dir)
    target = tmp_path / "report.pdf"
    target.mkdir()  # a folder where the file should go: the final rename fails
    (target / "keep.txt").write_text("mine")
    with pytest.raises(WriteError, match=r"report\.pdf"):
        write_pdf(report, target)
    assert (target / "keep.txt").read_text() == "mine"
    assert (
        not list(tmp_path.glob("*.pdf.tmp")) and not [p for p in tmp_path.iterdir() if p.suffix == ".pdf"][1:]
    )


@pytest.mark.subprocess
def test_text_qt_cannot_break_is_printed_in_time(tmp_path):
    """A headline of 70,000 spaces before its last word (kept as they are in the disclosure's
    JSON) was never laid out, and a run of 200,000 full stops took Qt time growing as its square.
    On paper a long run gets an invisible place to break every 200 characters, and a long run
    of spaces becomes one. Run as a command with a time limit: the first fault hangs."""
    import os
    import sys

    draft = tmp_path / "draft.txt"
    draft.write_text("x" + " " * 70_000 + "y\nStart" + "." * 200_000 + "\n", encoding="utf-8")
    out = tmp_path / "report.pdf"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    command = [sys.executable, "-m", "reviewapp", "report", "--db", str(tmp_path / "r.sqlite3"), "--init"]
    proc = subprocess.run(
        [*command, "-o", str(out), str(draft)], capture_output=True, text=True, timeout=90, env=env
    )
    assert proc.returncode == 0, proc.stderr
    text = _poppler("pdftotext", str(out), "-")
    assert "Review report: x y" in " ".join(text.split())
    assert text.count(".") >= 200_000  # the run is printed whole, not cut at the page's edge


def test_a_heading_that_would_end_a_page_starts_the_next_with_its_text(qapp):
    """Qt's layout knows no "keep with next": the "Text" heading and half its legend sat at the
    foot of page 1, the draft on page 2. Such a heading now starts the page its text is on; one
    with room for its text under it stays where it is."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from reviewapp.gui.pdf_report import keep_headings_with_next

    page = 300.0
    legend = " ".join(["Unverified claim Hedge Peacock wording AI disclosure"] * 12)

    def laid_out(filler: int) -> QTextDocument:
        document = QTextDocument()
        facts = "".join(f"<p>Line {n} of the facts.</p>" for n in range(filler))
        document.setHtml(f"{facts}<h2>Text</h2><p>{legend}</p><p>The draft itself.</p>")
        document.setTextWidth(300)
        document.setPageSize(QSizeF(300, page))
        return document

    def pages(document: QTextDocument) -> tuple[int, int]:
        """The page of the heading, and of the third line of the text under it."""
        layout = document.documentLayout()
        block = document.begin()
        while not block.blockFormat().headingLevel():
            block = block.next()
        text = block.next()
        third = text.layout().lineAt(2).rect().bottom() + layout.blockBoundingRect(text).top()
        return int(layout.blockBoundingRect(block).top() // page), int(third // page)

    at_foot = [n for n in range(1, 30) if pages(laid_out(n)) == (0, 1)]
    assert at_foot  # some number of lines above puts the heading at the foot of page 1
    for filler in at_foot:
        document = laid_out(filler)
        keep_headings_with_next(document, page)
        assert pages(document) == (1, 1)
    with_room = laid_out(1)
    keep_headings_with_next(with_room, page)
    assert pages(with_room) == (0, 0)


@pytest.mark.parametrize("dpi", [300, 1200])
def test_what_follows_a_heading_moved_mid_document_is_all_on_paper(qapp, tmp_path, dpi):
    """Only what follows the first heading moved is laid out again (paginate): a heading at the
    foot of a page in the middle of a long document starts the next page, and every line after it
    is still painted (Qt's lazy layout once left them unpainted after such a move)."""
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    from reviewapp.gui.pdf_report import paginate

    def document_on(device: QPdfWriter, filler: int) -> tuple[QTextDocument, QSizeF]:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(device)
        facts = "".join(f"<p>Fact {n} of part one.</p>" for n in range(filler))
        after = "".join(f"<p>After the heading, line {n}.</p>" for n in range(400))
        document.setHtml(f"<h2>First</h2>{facts}<h2>Middle</h2>{after}")
        return document, QSizeF(device.width(), device.height())

    def heading_page(document: QTextDocument, page: QSizeF) -> tuple[int, int]:
        """The page of the "Middle" heading, and of the line under it."""
        layout = document.documentLayout()
        block = document.begin()
        while block.text() != "Middle":
            block = block.next()
        top = layout.blockBoundingRect(block).top()
        under = layout.blockBoundingRect(block.next()).bottom() - 1
        return int(top // page.height()), int(under // page.height())

    out = tmp_path / "moved.pdf"
    writer = QPdfWriter(str(out))
    writer.setResolution(dpi)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)
    at_foot = None
    for filler in range(40, 200):  # the heading ends a page, its text on the next (page 2 or later)
        document, page = document_on(writer, filler)
        document.setPageSize(page)
        first, under = heading_page(document, page)
        if first >= 1 and under == first + 1:
            at_foot = filler
            break
    assert at_foot is not None
    document, page = document_on(writer, at_foot)
    pages = paginate(document, page)
    first, under = heading_page(document, page)
    assert first == under  # moved to the page its text is on
    painter = QPainter()
    assert painter.begin(writer)
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        painter.translate(0, -number * page.height())
        document.drawContents(painter, QRectF(0, number * page.height(), page.width(), page.height()))
        painter.restore()
    painter.end()
    text = _poppler("pdftotext", str(out), "-")
    painted = set(map(int, re.findall(r"After the heading, line (\d+)\.", text)))
    assert painted == set(range(400))
    assert len(re.findall(r"Fact \d+ of part one\.", text)) == at_foot
