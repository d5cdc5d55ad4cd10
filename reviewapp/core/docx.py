"""Word documents (.docx), read as a stream: the limits are checked while reading, never after.

The body's XML is parsed one paragraph at a time with lxml (`iterparse`,
entities not expanded, nothing fetched): each paragraph's text is taken and
the paragraph dropped, so memory stays bounded, and the paragraph count and
the text's size are checked as they grow. Paragraphs come in body order,
table cells' paragraphs where the table stands, a table of data as its rows
("| Q1 2025 | 4.1 |": packages.TableLines). The title and author come from
the package's core properties.

Text no reader sees is read and told (hidden.py): runs formatted as hidden,
white runs with nothing coloured behind them (the page, a shading, a
highlight, a table's style or a text box's shape may be), and runs of a point
or less. A paragraph or character style's colour is not looked up.

Tracked changes not yet accepted or rejected are read as accepted (the text
Word shows with "No Markup", the text that will be published): insertions
and moves' new places are in, deletions and moves' old places out (a moved
sentence was read twice). The draft then says so in a warning: rejecting a
change later is an edit, and the approval of this text no longer holds.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from . import errors
from .document import Document
from .intake import read_bytes
from .limits import InputLimits
from .packages import Body, TableLines, body_lines, package_document, properties, read_package, tables_around

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_TAGS = (f"{W}t", f"{W}tab", f"{W}br", f"{W}cr")
_PARAGRAPH, _BODY, _CELL, _ROW, _TABLE = f"{W}p", f"{W}body", f"{W}tc", f"{W}tr", f"{W}tbl"
# Hidden text: a run whose properties say vanish (the paragraph mark's own setting hides no text),
# and a run no reader can see though it is not hidden: white on a white page, or a point or less.
_RUN, _VANISH, _RUN_VANISH = f"{W}r", f"{W}vanish", f"{W}rPr/{W}vanish"
_OFF = frozenset(("0", "false", "off"))
_RUN_PROPERTIES, _COLOR, _SIZE, _SHADING = f"{W}rPr", f"{W}color", f"{W}sz", f"{W}shd"
_RUN_COLOR, _RUN_SIZE = f"{W}rPr/{W}color", f"{W}rPr/{W}sz"
_RUN_SHADING, _RUN_HIGHLIGHT = f"{W}rPr/{W}shd", f"{W}rPr/{W}highlight"
_PARAGRAPH_SHADING = f"{W}pPr/{W}shd"
_BACKGROUND, _VAL, _FILL = f"{W}background", f"{W}val", f"{W}fill"
# What may put colour behind a table's or a text box's text: a cell's or a table's shading, a table
# style (a header row's white on blue), a text box (its shape's fill). A cell's properties come
# before its paragraphs and go with the first (what was read goes): noted on the cell then.
_CELL_PROPERTIES, _TABLE_PROPERTIES, _TABLE_STYLE = f"{W}tcPr", f"{W}tblPr", f"{W}tblStyle"
_TEXT_BOX = f"{W}txbxContent"
_BEHIND = "{urn:reviewapp}coloured-behind"  # the note
_UNSEEN_HALF_POINTS = 2  # w:sz counts half points: 1 pt and less reads as a line, not as words
_NEAR_WHITE = 0xF0  # each of red, green and blue at least this: white to the eye on white paper
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
        hidden: list[str] = []
        with package.open(BODY) as stream:
            lines, tracked = body_lines(path, _paragraphs(path, stream, hidden), limits, ".docx")
        return Body(lines, tracked, *_core_properties(package), hidden=tuple(hidden))

    return package_document(path, "docx", read_package(path, ".docx", BODY, limits, read), limits)


def _paragraphs(path: Path, stream: IO[bytes], hidden: list[str]) -> Iterator[tuple[str, bool]]:
    """Each w:p's text as it ends (a text box's paragraphs before the one that holds it), its
    tracked changes accepted, and whether it had any; the text of its runs formatted as hidden
    goes to `hidden` too (each paragraph's, a line for each stretch of it)."""
    from lxml import etree

    events = etree.iterparse(
        stream,
        events=("end",),
        tag=(_PARAGRAPH, _CELL, _ROW, _TABLE),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    table = TableLines(_CELL, _ROW, _TABLE)
    white_page: bool | None = None  # Word's page colour (w:background, before the body), once read
    try:
        for _, element in events:
            if element.tag != _PARAGRAPH:
                yield from table.ended(element.tag, tables_around(element, _TABLE))
                continue
            paragraph = element
            parent = paragraph.getparent()
            # Most paragraphs are the body's own: no table around them to look for (walking each
            # one's ancestors took a fifth of the time of reading a million of them).
            in_body = parent is not None and parent.tag == _BODY
            if not in_body and parent is not None and parent.tag == _CELL:
                _note_cell_colour(parent)
            changed = next(paragraph.iter(*_TRACKED), None) is not None
            if changed:
                for withdrawn in list(paragraph.iter(*_WITHDRAWN)):
                    withdrawn.getparent().remove(withdrawn)
            text = "".join(_piece(node) for node in paragraph.iter(*_TEXT_TAGS))
            if white_page is None:
                white_page = _white_page(paragraph)
            # Hiding is a run's property: a paragraph with none (most) is not looked at further.
            if (
                text
                and next(paragraph.iter(_RUN_PROPERTIES), None) is not None
                and _may_hide(paragraph, white_page)
            ):
                stretches = _hidden_stretches(paragraph, white_page)
                if stretches:
                    hidden.append("\n".join(stretches))
            if in_body:
                yield text, changed
            else:
                yield from table.paragraph(text, changed, tables_around(paragraph, _TABLE))
            paragraph.clear(keep_tail=False)  # a text box's paragraphs go too: read once, not twice
            while parent is not None and paragraph.getprevious() is not None:
                del parent[0]  # what was read goes: memory stays flat however long the body
    except etree.XMLSyntaxError as exc:
        raise errors.CorruptDocumentError(path, f"the .docx is damaged ({str(exc)[:120]})") from None


def _hidden_stretches(paragraph: Any, white_page: bool) -> list[str]:
    """The text of the paragraph's runs no reader sees, each stretch of consecutive ones joined:
    formatted as hidden (Word's Hidden font setting, w:vanish; switched off by "0" or "false" it
    hides nothing), white where nothing behind it is coloured, or a point or less in size."""
    stretches: list[str] = []
    stretch: list[str] = []
    shaded: bool | None = None  # whether colour may stand behind the paragraph: looked up once
    for run in paragraph.iter(_RUN):
        text = "".join(_piece(node) for node in run.iter(*_TEXT_TAGS))
        unseen = _formatted_hidden(run) or _too_small(run)
        if not unseen and white_page and _white(run):
            if shaded is None:
                shaded = _shaded_behind(paragraph)
            unseen = not shaded and not _coloured(run.find(_RUN_SHADING)) and not _highlighted(run)
        if unseen:
            stretch.append(text)
        elif text:
            if stretch:
                stretches.append("".join(stretch).strip())
            stretch = []
    if stretch:
        stretches.append("".join(stretch).strip())
    return [s for s in stretches if s]


def _may_hide(paragraph: Any, white_page: bool) -> bool:
    """Does a setting in the paragraph hide text? Most paragraphs have none, and many have a colour
    and a size for every run (Google Docs writes them): each is looked at before the runs are."""
    for setting in paragraph.iter(_VANISH, _COLOR, _SIZE):
        tag, value = setting.tag, setting.get(_VAL)
        if (
            tag == _VANISH
            or (tag == _SIZE and _tiny(value))
            or (white_page and tag == _COLOR and _near_white(value))
        ):
            return True
    return False


def _formatted_hidden(run: Any) -> bool:
    vanish = run.find(_RUN_VANISH)
    return vanish is not None and vanish.get(_VAL, "true") not in _OFF


def _too_small(run: Any) -> bool:
    size = run.find(_RUN_SIZE)
    return size is not None and _tiny(size.get(_VAL))


def _tiny(half_points: str | None) -> bool:
    return half_points is not None and half_points.isdigit() and int(half_points) <= _UNSEEN_HALF_POINTS


def _white(run: Any) -> bool:
    color = run.find(_RUN_COLOR)
    return color is not None and _near_white(color.get(_VAL))


@lru_cache(maxsize=256)
def _near_white(value: str | None) -> bool:
    """Is a colour as Word writes it ("FFFFFF") white to the eye? "auto" and no colour are not
    (Word shows them dark on a light page, light on a dark one)."""
    if value is None or len(value) != 6 or value[0] not in "EeFf":
        return False
    try:
        rgb = bytes.fromhex(value)
    except ValueError:
        return False
    return min(rgb) >= _NEAR_WHITE


def _coloured(shading: Any) -> bool:
    """Does a shading (w:shd) put a colour other than white behind the text? Its fill, or for a
    solid pattern its colour."""
    if shading is None:
        return False
    fill = shading.get(_FILL)
    if shading.get(_VAL) == "solid":
        fill = shading.get(f"{W}color", fill)
    return fill not in (None, "auto") and not _near_white(fill)


def _highlighted(run: Any) -> bool:
    highlight = run.find(_RUN_HIGHLIGHT)
    return highlight is not None and highlight.get(_VAL, "none") not in ("none", "white")


def _shaded_behind(paragraph: Any) -> bool:
    """May colour stand behind the paragraph (white text shows on it)? Its own shading, its
    cell's (see _note_cell_colour) or table's, a table style's, or a text box's shape's."""
    if _coloured(paragraph.find(_PARAGRAPH_SHADING)):
        return True
    for ancestor in paragraph.iterancestors(_CELL, _TABLE, _TEXT_BOX):
        if ancestor.tag == _TEXT_BOX or ancestor.get(_BEHIND) is not None:
            return True
        if ancestor.tag == _TABLE:
            properties = ancestor.find(_TABLE_PROPERTIES)
            if properties is not None and (
                properties.find(_TABLE_STYLE) is not None or _coloured(properties.find(_SHADING))
            ):
                return True
    return False


def _note_cell_colour(cell: Any) -> None:
    """Note a coloured shading on the cell, while its properties are there (its first paragraph)."""
    first = cell[0]
    if first.tag == _CELL_PROPERTIES and _coloured(first.find(_SHADING)):
        cell.set(_BEHIND, "1")


def _white_page(paragraph: Any) -> bool:
    """Is the page white (no page colour, or a white one)? Word's w:background precedes the body."""
    background = paragraph.getroottree().getroot().find(_BACKGROUND)
    return background is None or _near_white(background.get(f"{W}color"))


def _piece(node: object) -> str:
    tag = node.tag  # type: ignore[attr-defined]
    if tag == f"{W}t":
        return node.text or ""  # type: ignore[attr-defined]
    return "\t" if tag == f"{W}tab" else "\n"


def _core_properties(package: zipfile.ZipFile) -> tuple[str | None, str | None]:
    """Title and author, from the core properties."""
    values = properties(package, CORE)
    return values.get("title"), values.get("creator")
