"""Word documents (.docx), read as a stream: the limits are checked while reading, never after.

The body's XML is parsed one paragraph at a time with lxml (`iterparse`,
entities not expanded, nothing fetched): each paragraph's text is taken and
the paragraph dropped, so memory stays bounded, and the paragraph count and
the text's size are checked as they grow. Paragraphs come in body order,
table cells' paragraphs where the table stands: a table of data (each cell
one paragraph at most, no table inside it) as its rows, one line each
between bars under its ruled heading row ("| Q1 2025 | 4.1 |"), as a
Markdown table reads; any other table as its cells' paragraphs. The title
and author come from the package's core properties.

Tracked changes not yet accepted or rejected are read as accepted (the text
Word shows with "No Markup", the text that will be published): insertions
and moves' new places are in, deletions and moves' old places out (a moved
sentence was read twice). The draft then says so in a warning: rejecting a
change later is an edit, and the approval of this text no longer holds.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from . import errors
from .document import Document
from .intake import read_bytes
from .limits import InputLimits
from .packages import Body, body_lines, package_document, properties, read_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_TAGS = (f"{W}t", f"{W}tab", f"{W}br", f"{W}cr")
# What a tracked change leaves out once accepted: a deletion's runs (Word writes their text as
# w:delText, which is no text tag, but other writers use w:t) and the old place of moved text.
_WITHDRAWN = (f"{W}del", f"{W}moveFrom")
_TRACKED = (f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc
BODY = "word/document.xml"
CORE = "docProps/core.xml"


def load_docx(path: Path, limits: InputLimits) -> Document:
    """Paragraph and table text of a Word document, in body order."""
    if read_bytes(path, limits.package_bytes, limits, head=len(_OLE_MAGIC)).startswith(_OLE_MAGIC):
        raise errors.CorruptDocumentError(
            path, "the document is password-protected or an old .doc; save it as .docx without a password"
        )

    def read(package: zipfile.ZipFile) -> Body:
        with package.open(BODY) as stream:
            lines, tracked = body_lines(path, _paragraphs(path, stream), limits, ".docx")
        return Body(lines, tracked, *_core_properties(package))

    return package_document(path, "docx", read_package(path, ".docx", BODY, limits, read), limits)


def _paragraphs(path: Path, stream: IO[bytes]) -> Iterator[tuple[str, bool]]:
    """Each w:p's text as it ends (a text box's paragraphs before the one that holds it), its
    tracked changes accepted, and whether it had any."""
    from lxml import etree

    events = etree.iterparse(
        stream,
        events=("end",),
        tag=(f"{W}p", f"{W}tc", f"{W}tr", f"{W}tbl"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    table = _Table()
    try:
        for _, element in events:
            if element.tag != f"{W}p":
                yield from table.ended(element.tag, _tables_around(element))
                continue
            paragraph = element
            changed = next(paragraph.iter(*_TRACKED), None) is not None
            if changed:
                for withdrawn in list(paragraph.iter(*_WITHDRAWN)):
                    withdrawn.getparent().remove(withdrawn)
            text = "".join(_piece(node) for node in paragraph.iter(*_TEXT_TAGS))
            yield from table.paragraph(text, changed, _tables_around(paragraph))
            paragraph.clear(keep_tail=False)  # a text box's paragraphs go too: read once, not twice
            parent = paragraph.getparent()
            while parent is not None and paragraph.getprevious() is not None:
                del parent[0]  # what was read goes: memory stays flat however long the body
    except etree.XMLSyntaxError as exc:
        raise errors.CorruptDocumentError(path, f"the .docx is damaged ({str(exc)[:120]})") from None


def _tables_around(element: Any) -> int:
    """How many tables hold this element (0 in the body; 1 in a table's cell; 2 in a table in one)."""
    return len(list(element.iterancestors(f"{W}tbl")))


Line = tuple[str, bool]  # a paragraph's text, and whether it had tracked changes


class _Table:
    """The paragraphs of the table being read, held until it ends: then its rows, if it is a table
    of data, else its paragraphs as they came. At most MAX_HELD are held (a table of millions
    of paragraphs in a hostile file): past that, the table reads as paragraphs, as they come."""

    MAX_HELD = 20_000

    def __init__(self) -> None:
        self.held: list[tuple[Line, int, int]] = []  # each paragraph, its row and its cell
        self.widths: list[int] = []  # each row's cells, empty ones too
        self.row = self.cell = 0
        self.of_data = True
        self.streaming = False  # past MAX_HELD: the rest of this table is passed on

    def _reset(self) -> None:
        self.held, self.widths, self.row, self.cell = [], [], 0, 0
        self.of_data, self.streaming = True, False

    def paragraph(self, text: str, changed: bool, depth: int) -> Iterator[Line]:
        if depth == 0 or self.streaming:
            yield text, changed
            return
        self.of_data = self.of_data and depth == 1  # a table inside a cell: one laying out the page
        self.held.append(((text, changed), self.row, self.cell))
        if len(self.held) > self.MAX_HELD:
            self.streaming = True
            yield from (line for line, _, _ in self.held)
            self.held = []

    def ended(self, tag: str, depth: int) -> Iterator[Line]:
        """A cell, a row or a table ends (`depth`: the tables around it)."""
        if tag == f"{W}tbl":
            if depth == 0:  # the outermost: its lines, now that all of it is read
                yield from (line for line, _, _ in self.held) if self.streaming else self._lines()
                self._reset()
        elif depth == 1:  # a cell or a row of the outermost table, not of one inside it
            if tag == f"{W}tc":
                self.cell += 1
            else:
                self.widths.append(self.cell)
                self.row, self.cell = self.row + 1, 0

    def _lines(self) -> Iterator[Line]:
        cells: dict[tuple[int, int], list[Line]] = {}
        for line, row, cell in self.held:
            if line[0].strip():
                cells.setdefault((row, cell), []).append(line)
        if not self.of_data or any(len(lines) > 1 for lines in cells.values()):
            yield from (line for line, _, _ in self.held)
            return
        rows: dict[int, dict[int, Line]] = {}
        for (row, cell), (line,) in cells.items():
            rows.setdefault(row, {})[cell] = line
        for number, index in enumerate(sorted(rows)):
            in_row = rows[index]
            width = max(self.widths[index] if index < len(self.widths) else 0, max(in_row) + 1)
            texts = [" ".join(in_row[cell][0].split()) if cell in in_row else "" for cell in range(width)]
            line = "|" + "|".join(f" {text} " if text else " " for text in texts) + "|"
            yield line, any(changed for _, changed in in_row.values())
            if number == 0 and len(rows) > 1:  # a heading over rows (one row alone is data)
                yield "|" + "---|" * width, False


def _piece(node: object) -> str:
    tag = node.tag  # type: ignore[attr-defined]
    if tag == f"{W}t":
        return node.text or ""  # type: ignore[attr-defined]
    return "\t" if tag == f"{W}tab" else "\n"


def _core_properties(package: zipfile.ZipFile) -> tuple[str | None, str | None]:
    """Title and author, from the core properties."""
    values = properties(package, CORE)
    return values.get("title"), values.get("creator")
