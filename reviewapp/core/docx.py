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
or less, by their own settings or their paragraph's and character styles'
(docx_look.py).

Footnotes and endnotes are read after the paragraph citing them; what page
headers and footers say is told in a warning, not read (docx_parts.py).

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
from .docx_look import (
    COLOR,
    RUN_PROPERTIES,
    SHADING,
    SIZE,
    STYLES_MOST_BYTES,
    STYLES_PART,
    VAL,
    VANISH,
    Styles,
    W,
    coloured,
    look_of,
    near_white,
    read_styles,
    tiny,
)
from .docx_parts import PARAGRAPH, TEXT_TAGS, Notes, Parts, notes_referred, piece, text_of
from .hidden import HiddenText
from .intake import read_bytes
from .limits import InputLimits
from .packages import (
    Body,
    TableLines,
    body_lines,
    package_document,
    properties,
    read_package,
    small_xml,
    tables_around,
)

_BODY, _CELL, _ROW, _TABLE = f"{W}body", f"{W}tc", f"{W}tr", f"{W}tbl"
# Hidden text: a run that looks hidden, white on a white page or of a point or less, by its own
# settings or its styles' (docx_look.py); the paragraph mark's own settings hide no text.
_RUN = f"{W}r"
_RUN_STYLE, _PARAGRAPH_STYLE = f"{W}rStyle", f"{W}pPr/{W}pStyle"
_PARAGRAPH_SHADING, _BACKGROUND = f"{W}pPr/{W}shd", f"{W}background"
# What may put colour behind a table's or a text box's text: a cell's or a table's shading, a table
# style (a header row's white on blue), a text box (its shape's fill). A cell's properties come
# before its paragraphs and go with the first (what was read goes): noted on the cell then.
_CELL_PROPERTIES, _TABLE_PROPERTIES, _TABLE_STYLE = f"{W}tcPr", f"{W}tblPr", f"{W}tblStyle"
_TEXT_BOX = f"{W}txbxContent"
_BEHIND = "{urn:reviewapp}coloured-behind"  # the note
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
        hidden = HiddenText()
        styles = read_styles(small_xml(package, STYLES_PART, STYLES_MOST_BYTES))
        parts = Parts(package)
        with package.open(BODY) as stream:
            paragraphs = _paragraphs(path, stream, hidden, styles, parts.notes)
            lines, tracked = body_lines(path, paragraphs, limits, ".docx", hidden.lines)
        return Body(
            lines,
            tracked,
            *_core_properties(package),
            *hidden.found(),
            margins=tuple(parts.margins),
            unread=tuple(parts.unread),
        )

    return package_document(path, "docx", read_package(path, ".docx", BODY, limits, read), limits)


def _paragraphs(
    path: Path, stream: IO[bytes], hidden: HiddenText, styles: Styles, notes: Notes
) -> Iterator[tuple[str, bool]]:
    """Each w:p's text as it ends (a text box's paragraphs before the one that holds it, the notes
    it refers to after it), its tracked changes accepted, and whether it had any; the text of its
    runs no reader sees goes to `hidden` too (each paragraph's, a line for each stretch of it)."""
    from lxml import etree

    events = etree.iterparse(
        stream,
        events=("end",),
        tag=(PARAGRAPH, _CELL, _ROW, _TABLE),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    table = TableLines(_CELL, _ROW, _TABLE)
    white_page: bool | None = None  # Word's page colour (w:background, before the body), once read
    try:
        for _, element in events:
            if element.tag != PARAGRAPH:
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
            text = "".join(piece(node) for node in paragraph.iter(*TEXT_TAGS))
            if white_page is None:
                white_page = _white_page(paragraph)
            if text and _may_hide(paragraph, white_page, styles):
                hidden.add(_hidden_stretches(paragraph, white_page, styles), text, in_body)
            held = notes_referred(paragraph, notes)
            if in_body:
                yield text, changed
                for note in held:
                    yield _note_text(note, white_page, styles, hidden, in_body), False
            else:
                depth = tables_around(paragraph, _TABLE)
                yield from table.paragraph(text, changed, depth)
                for note in held:
                    yield from table.paragraph(
                        _note_text(note, white_page, styles, hidden, in_body), False, depth
                    )
            paragraph.clear(keep_tail=False)  # a text box's paragraphs go too: read once, not twice
            while parent is not None and paragraph.getprevious() is not None:
                del parent[0]  # what was read goes: memory stays flat however long the body
    except etree.XMLSyntaxError as exc:
        raise errors.CorruptDocumentError(path, f"the .docx is damaged ({str(exc)[:120]})") from None


def _note_text(note: Any, white_page: bool, styles: Styles, hidden: HiddenText, placeable: bool) -> str:
    """A note's paragraph's text, read next; the text of its runs no reader sees told, as the body's."""
    text = text_of(note)
    if _may_hide(note, white_page, styles):
        hidden.add(_hidden_stretches(note, white_page, styles), text, placeable)
    return text


def _hidden_stretches(paragraph: Any, white_page: bool, styles: Styles) -> list[str]:
    """The text of the paragraph's runs no reader sees, each stretch of consecutive ones joined:
    formatted as hidden (Word's Hidden font setting, w:vanish; switched off by "0" or "false" it
    hides nothing), white where nothing behind it is coloured, or a point or less in size, by
    the run's own settings or its styles'."""
    stretches: list[str] = []
    stretch: list[str] = []
    paragraph_style = _paragraph_style(paragraph)
    behind: bool | None = None  # whether colour may stand behind the paragraph: looked up once
    for run in paragraph.iter(_RUN):
        text = "".join(piece(node) for node in run.iter(*TEXT_TAGS))
        properties = run.find(RUN_PROPERTIES)
        run_style = properties.find(_RUN_STYLE) if properties is not None else None
        look = styles.run_look(
            paragraph_style, run_style.get(VAL) if run_style is not None else None, look_of(properties)
        )
        unseen = look.hides()
        if not unseen and white_page and look.white():
            if behind is None:
                behind = _shaded_behind(paragraph, paragraph_style, styles)
            unseen = not behind
        if unseen:
            stretch.append(text)
        elif text:
            if stretch:
                stretches.append("".join(stretch).strip())
            stretch = []
    if stretch:
        stretches.append("".join(stretch).strip())
    return [s for s in stretches if s]


def _may_hide(paragraph: Any, white_page: bool, styles: Styles) -> bool:
    """May the paragraph hide text, by a style it names or a run's own setting? Most name no style
    that hides and have no run settings (the first tests), and many a colour and a size for every
    run (Google Docs writes them): each is looked at before the runs are."""
    if styles.always:
        return True
    if styles.hiding and (
        _paragraph_style(paragraph) in styles.hiding
        or any(style.get(VAL) in styles.hiding for style in paragraph.iter(_RUN_STYLE))
    ):
        return True
    if next(paragraph.iter(RUN_PROPERTIES), None) is None:
        return False
    for setting in paragraph.iter(VANISH, COLOR, SIZE):
        tag, value = setting.tag, setting.get(VAL)
        if (
            tag == VANISH
            or (tag == SIZE and tiny(value))
            or (white_page and tag == COLOR and near_white(value))
        ):
            return True
    return False


def _paragraph_style(paragraph: Any) -> str | None:
    style = paragraph.find(_PARAGRAPH_STYLE)
    return style.get(VAL) if style is not None else None


def _shaded_behind(paragraph: Any, paragraph_style: str | None, styles: Styles) -> bool:
    """May colour stand behind the paragraph (white text shows on it)? Its own shading or its
    style's, its cell's (see _note_cell_colour) or table's, a table style's, or a text box's
    shape's."""
    if coloured(paragraph.find(_PARAGRAPH_SHADING)):
        return True
    if (paragraph_style or styles.default_paragraph) in styles.shading:
        return True
    for ancestor in paragraph.iterancestors(_CELL, _TABLE, _TEXT_BOX):
        if ancestor.tag == _TEXT_BOX or ancestor.get(_BEHIND) is not None:
            return True
        if ancestor.tag == _TABLE:
            properties = ancestor.find(_TABLE_PROPERTIES)
            if properties is not None and (
                properties.find(_TABLE_STYLE) is not None or coloured(properties.find(SHADING))
            ):
                return True
    return False


def _note_cell_colour(cell: Any) -> None:
    """Note a coloured shading on the cell, while its properties are there (its first paragraph)."""
    first = cell[0]
    if first.tag == _CELL_PROPERTIES and coloured(first.find(SHADING)):
        cell.set(_BEHIND, "1")


def _white_page(paragraph: Any) -> bool:
    """Is the page white (no page colour, or a white one)? Word's w:background precedes the body."""
    background = paragraph.getroottree().getroot().find(_BACKGROUND)
    return background is None or near_white(background.get(f"{W}color"))


def _core_properties(package: zipfile.ZipFile) -> tuple[str | None, str | None]:
    """Title and author, from the core properties."""
    values = properties(package, CORE)
    return values.get("title"), values.get("creator")
