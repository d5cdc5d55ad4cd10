"""Office packages (.docx, .odt): zip files of XML parts, read within the size limit.

What the Word and OpenDocument readers share: the zip opened and checked for
a bomb before any part is unpacked, the body's paragraphs gathered while the
paragraph count and the text's size are checked, the Document made with what
the reader must know (tracked changes taken as accepted), the file's hash.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from . import errors
from .decoding import as_text
from .document import DECLARED_IN_MARGINS, Document
from .hidden import IN_DOCUMENT, HiddenLine, hidden_text, mark_hidden, passage_start
from .intake import finish
from .limits import InputLimits
from .roles import is_disclosure
from .text import table_rule

T = TypeVar("T")

MAX_COMPRESSION_RATIO = 200  # deflate rarely beats ~20 on XML; far above that is a bomb
TRACKED_CHANGES = "tracked changes not yet accepted or rejected: read as if all were accepted"


def read_package(
    path: Path, kind: str, body: str, limits: InputLimits, read: Callable[[zipfile.ZipFile], T]
) -> T:
    """read(package) of the zip at `path` (a `kind`, ".docx" or ".odt", whose text is in the part
    `body`), once the package is checked; each way it can fail as one clear error."""
    try:
        with zipfile.ZipFile(path) as package:
            _check_package(path, package, limits, kind)
            return read(package)
    except zipfile.BadZipFile:
        raise errors.CorruptDocumentError(
            path, f"not a {kind} (the file is not a valid zip package)"
        ) from None
    except KeyError:
        raise errors.CorruptDocumentError(path, f"not a readable {kind} (it has no {body})") from None
    except (zlib.error, EOFError, NotImplementedError, UnicodeDecodeError) as exc:
        # A part that does not unpack: damaged bytes, a cut-off file, a compression zipfile lacks.
        raise errors.CorruptDocumentError(
            path, f"the {kind} is damaged ({str(exc)[:120] or 'cut off'})"
        ) from None
    except OSError as exc:
        raise errors.UnreadableFileError(path, exc.strerror or str(exc)) from None


def _check_package(path: Path, package: zipfile.ZipFile, limits: InputLimits, kind: str) -> None:
    """Refuse a package whose parts unpack too large or compress suspiciously well (a zip bomb)."""
    infos = package.infolist()
    total = sum(info.file_size for info in infos)
    if total > limits.unpacked_bytes:
        over = limits.over(f"the unpacked {kind}", total, limits.unpacked_bytes)
        raise errors.FileTooLargeError(path, over + " (a zip bomb?)")
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            bomb = f"{info.filename} is compressed suspiciously well (a zip bomb?)"
            raise errors.FileTooLargeError(path, bomb)


def body_lines(
    path: Path,
    paragraphs: Iterable[tuple[str, bool]],
    limits: InputLimits,
    kind: str,
    lines: list[str] | None = None,
) -> tuple[list[str], bool]:
    """The paragraphs with text (added to `lines`, where given: the reader sees them come), and
    whether any had tracked changes; refused as soon as there are more paragraphs or more text
    than the limit allows (empty paragraphs count too)."""
    lines = [] if lines is None else lines
    size = 0
    tracked = False
    for count, (text, changed) in enumerate(paragraphs, 1):
        tracked = tracked or changed
        if count > limits.paragraphs:
            most = f"the {kind} has over {limits.paragraphs:,} paragraphs (the most {limits.label()} allows)"
            raise errors.FileTooLargeError(path, most)
        if text.strip():
            lines.append(text)
            size += len(text) + 1
            if size > limits.text_chars:
                raise errors.FileTooLargeError(path, f"the text is over {limits.label()}")
    return lines, tracked


class Body(NamedTuple):
    """What a reader took from a package: its paragraphs with text, and its properties."""

    lines: list[str]
    tracked: bool  # tracked changes were taken as accepted
    title: str | None
    author: str | None
    hidden: tuple[str, ...] = ()  # text formatted as hidden (Word's, OpenDocument's), by paragraph
    placed: tuple[HiddenLine, ...] = ()  # which of alike paragraphs are the hidden ones (hidden.py)
    margins: tuple[str, ...] = ()  # what page headers and footers say, by line (not read as the article)
    unread: tuple[str, ...] = ()  # parts beside the body too big to read (their names)


def package_document(path: Path, fmt: str, body: Body, limits: InputLimits) -> Document:
    """The Document of a package's paragraphs, its title and author from the package's properties."""
    warnings = [f"{path}: {TRACKED_CHANGES}."] if body.tracked else []
    if body.hidden:
        warnings.append(f"{path}: {hidden_text(body.hidden, IN_DOCUMENT)}")
    # Told: what says something, and any disclosure however short ("AI-assisted; edited by J. Doe").
    disclosing = [is_disclosure(text) for text in body.margins]
    margins = tuple(
        text for text, told in zip(body.margins, disclosing, strict=True) if told or says_something(text)
    )
    if margins:
        warnings.append(f"{path}: {margin_text(margins)}")
    if body.unread:
        warnings.append(
            f"{path}: notes, headers or footers too big to read were left out: {', '.join(body.unread)}"
        )
    text, _ = as_text("\n".join(body.lines), path, warnings)
    document = finish(text, path, fmt, warnings, limits, {}, body.title)
    mark_hidden(document, body.hidden, body.placed)
    if not document.metadata.declared_ai_use and any(disclosing):
        document.metadata.declared_ai_use = DECLARED_IN_MARGINS  # the article must say so itself
    if body.author and not document.metadata.byline:
        document.metadata.byline = body.author
    document.file_sha256 = file_sha256(path)
    return document


# A page header or footer is told only when it says something, as a sentence does: not "Page 3
# of 7", a slug, nor a template's running head ("Riverside Herald | Metro | Draft") on every draft.
_MOST_WORDS_UNTOLD = 5


def says_something(text: str) -> bool:
    """Has a header's or footer's line more words than a page number, a slug or a running head?"""
    return sum(1 for word in text.split() if any(c.isalpha() for c in word)) > _MOST_WORDS_UNTOLD


def margin_text(margins: tuple[str, ...]) -> str:
    """What a warning says of text in page headers and footers: not reviewed, and where it starts
    (a disclosure put there is not read as one)."""
    first = passage_start(margins[0])
    return (
        f"the page headers and footers are not reviewed, and hold text: “{first}”; "
        "what readers should see goes in the article"
    )


def small_part(package: zipfile.ZipFile, name: str, most: int = 1_000_000) -> bytes | None:
    """A part that holds properties, or None when it is missing or too big to be one."""
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    return package.read(name) if info.file_size <= most else None


def small_xml(package: zipfile.ZipFile, name: str, most: int = 1_000_000) -> Any | None:
    """A small part's XML, parsed whole (entities not expanded, nothing fetched): its root, or None
    when the part is missing, too big or no XML."""
    from lxml import etree

    data = small_part(package, name, most)
    if data is None:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def properties(package: zipfile.ZipFile, name: str) -> dict[str, str]:
    """The values in a small part of properties, by their tags' local names ("title", "creator"),
    the first of each name; none when the part is missing, too big or no XML."""
    root = small_xml(package, name)
    if root is None:
        return {}
    values: dict[str, str] = {}
    for element in root.iter("{*}*"):
        if value := (element.text or "").strip():
            values.setdefault(element.tag.rpartition("}")[2], value)
    return values


def file_sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tables_around(element: Any, table: str) -> int:
    """How many tables (elements of tag `table`) hold this element: 0 in the body, 1 in a
    table's cell, 2 in a table in one."""
    return len(list(element.iterancestors(table)))


Line = tuple[str, bool]  # a paragraph's text, and whether it had tracked changes


class TableLines:
    """The paragraphs of the table being read, held until it ends: then its rows, if it is a table
    of data (each cell one paragraph at most, no table inside it), one line each between bars
    under its ruled heading row ("| Q1 2025 | 4.1 |"), as a Markdown table reads; else its
    paragraphs as they came. At most MAX_HELD are held (a table of millions of paragraphs in a
    hostile file): past that, the table reads as paragraphs, as they come. `cell`, `row` and
    `table`: the tags of the format's elements."""

    MAX_HELD = 20_000

    held: list[tuple[Line, int, int]]  # each paragraph, its row and its cell
    widths: list[int]  # each row's cells, empty ones too
    row: int
    cell: int
    of_data: bool
    streaming: bool  # past MAX_HELD: the rest of this table is passed on

    def __init__(self, cell: str | tuple[str, ...], row: str, table: str) -> None:
        self.tags = (cell if isinstance(cell, tuple) else (cell,), row, table)
        self._reset()

    def _reset(self) -> None:
        """Ready for the next table."""
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
        cells, row, table = self.tags
        if tag == table:
            if depth == 0:  # the outermost: its lines, now that all of it is read
                yield from (line for line, _, _ in self.held) if self.streaming else self._lines()
                self._reset()
        elif depth == 1:  # a cell or a row of the outermost table, not of one inside it
            if tag in cells:
                self.cell += 1
            elif tag == row:
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
            bars = "|" + "|".join(f" {text} " if text else " " for text in texts) + "|"
            yield bars, any(changed for _, changed in in_row.values())
            if number == 0 and len(rows) > 1:  # a heading over rows (one row alone is data)
                yield table_rule(width), False
