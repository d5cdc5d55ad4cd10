"""OpenDocument text (.odt, as LibreOffice and Google Docs save it), read as a stream.

Like the Word reader (docx.py): content.xml is parsed one paragraph at a time
with lxml (entities not expanded, nothing fetched), each paragraph dropped
once read, the limits checked as the text grows. Headings, list items and
table cells are paragraphs in body order (a table of data reads as its rows,
as a Word document's does: packages.TableLines); a footnote's or a text box's
paragraphs come after the paragraph that holds them (the note's number is
left out: "Tuesday1" would read as a figure). Comments are not the article
and are left out, as Word's are; what page headers and footers say (in
styles.xml) is told in a warning, as a Word document's is.

Tracked changes are read as accepted, as in a .docx: ODF keeps the text of a
deletion apart, in the body's `text:tracked-changes`, and an insertion in
place, so the body without that block is the text once every change is
accepted. The draft then says so in a warning.

Text no reader sees is read and told (hidden.py), as in a .docx: text whose
style (automatic, or named in styles.xml, with its parents: odt_look.py) says
display: none or a size of a point or less, and white text where no page,
paragraph or table cell colour (nor a text box's frame) is behind it.

Whitespace is read as ODF says an application must: runs of spaces, tabs and
line ends in the XML are one space, and none at a paragraph's edges; `text:s`,
`text:tab` and `text:line-break` are the spaces, tabs and breaks written.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from . import errors
from .document import Document
from .hidden import HiddenText
from .intake import read_bytes
from .limits import InputLimits
from .odt_look import STYLE, STYLE_ELEMENT, STYLES_MOST_BYTES, STYLES_PART, Look, Styles, read_named_styles
from .packages import (
    Body,
    TableLines,
    body_lines,
    package_document,
    properties,
    read_package,
    small_part,
    small_xml,
    tables_around,
)

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
# A table's parts (a merged cell's covered places are cells too: each row keeps its width).
_CELLS = (f"{TABLE}table-cell", f"{TABLE}covered-table-cell")
_ROW, _TABLE = f"{TABLE}table-row", f"{TABLE}table"
_PARAGRAPHS = (f"{TEXT}p", f"{TEXT}h")
_BODY_TEXT = f"{OFFICE}text"  # the body's text, whose own paragraphs are in no table nor note
# Paragraphs that are no part of the text read: a comment's, a deletion's (kept apart until the
# change is accepted or rejected) and a change's own note.
_NOT_TEXT = frozenset((f"{OFFICE}annotation", f"{TEXT}tracked-changes"))
# Inside a paragraph, what is not its own text: a footnote (its number, and its paragraphs, read
# after this one) and a paragraph in a text box (read after it too). A comment is no element of
# the text namespace, whose elements alone are read into (_pieces).
_NOT_INLINE = frozenset((f"{TEXT}note", *_PARAGRAPHS))
_SPACE, _TAB, _BREAK = f"{TEXT}s", f"{TEXT}tab", f"{TEXT}line-break"
_REGION = f"{TEXT}changed-region"  # one tracked change (in the block before the text)
# Hidden text: a paragraph or span whose style (odt_look.py) says display: none or a size of a
# point or less, or makes it white where no page, paragraph, table cell or text box colour is
# behind it. Automatic styles come before the text; named ones are in styles.xml.
_STYLE = STYLE_ELEMENT
_TEXT_BOX = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}text-box"
_SPAN, _STYLE_REFERENCE = f"{TEXT}span", f"{TEXT}style-name"
_CHANGES = (f"{TEXT}insertion", f"{TEXT}deletion")  # not a change of format alone
_WHITESPACE = re.compile(r"[ \t\r\n]+")
BODY = "content.xml"
META = "meta.xml"
MIMETYPE = "application/vnd.oasis.opendocument.text"
# The other kinds of OpenDocument, by their media type's last word, as a user would name them.
_OTHER_KINDS = {
    "spreadsheet": "a spreadsheet",
    "presentation": "a presentation",
    "graphics": "a drawing",
    "formula": "a formula",
    "chart": "a chart",
    "database": "a database",
}


def load_odt(path: Path, limits: InputLimits) -> Document:
    """Paragraph, list and table text of an OpenDocument text, in body order."""
    read_bytes(path, limits.package_bytes, limits, head=0)  # there, a file, within the size limit

    def read(package: zipfile.ZipFile) -> Body:
        _check_kind(path, package)
        hidden = HiddenText()
        styles_root = small_xml(package, STYLES_PART, STYLES_MOST_BYTES)
        styles = read_named_styles(styles_root)
        with package.open(BODY) as stream:
            paragraphs = _paragraphs(path, stream, hidden, styles)
            lines, tracked = body_lines(path, paragraphs, limits, ".odt", hidden.lines)
        return Body(lines, tracked, *_properties(package), *hidden.found(), margins=_margins(styles_root))

    return package_document(path, "odt", read_package(path, ".odt", BODY, limits, read), limits)


# Page headers and footers, each page style's (styles.xml): told, not read as the article.
_MARGINS = tuple(f"{STYLE}{edge}{side}" for edge in ("header", "footer") for side in ("", "-left", "-first"))


def _margins(styles_root: Any | None) -> tuple[str, ...]:
    """What the page headers and footers say, each line (packages.package_document tells it)."""
    if styles_root is None:
        return ()
    texts = []
    for margin in styles_root.iter(*_MARGINS):
        for paragraph in margin.iter(*_PARAGRAPHS):
            text = _WHITESPACE.sub(" ", "".join(paragraph.itertext())).strip()
            if text:
                texts.append(text)
    return tuple(texts)


def _check_kind(path: Path, package: zipfile.ZipFile) -> None:
    """Refuse an encrypted document, or an OpenDocument of another kind, with what it is."""
    manifest = small_part(package, "META-INF/manifest.xml") or b""
    if b"encryption-data" in manifest:
        raise errors.CorruptDocumentError(
            path, "the document is password-protected; save it without a password"
        )
    mimetype = (small_part(package, "mimetype", 200) or b"").decode("ascii", "replace").strip()
    if mimetype.startswith("application/vnd.oasis.opendocument.") and not mimetype.startswith(MIMETYPE):
        kind = _OTHER_KINDS.get(mimetype.rpartition(".")[2].removesuffix("-template"), "another kind")
        raise errors.CorruptDocumentError(path, f"not a text document (it is {kind} of OpenDocument)")


def _paragraphs(
    path: Path, stream: IO[bytes], hidden: HiddenText, styles: Styles
) -> Iterator[tuple[str, bool]]:
    """Each paragraph's text, in order (a footnote's and a text box's after the paragraph that
    holds them), and whether the document has tracked changes (known before the first: their
    block comes before the text); the text no reader sees goes to `hidden` too (each
    paragraph's, a line for each span of it, or the whole paragraph)."""
    from lxml import etree

    events = etree.iterparse(
        stream,
        events=("end",),
        tag=(*_PARAGRAPHS, _REGION, *_CELLS, _ROW, _TABLE, _STYLE),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    tracked = False
    held: list[str] = []  # paragraphs inside another, read once that one is
    table = TableLines(_CELLS, _ROW, _TABLE)
    try:
        for _, element in events:
            if element.tag == _STYLE:
                styles.add(element)
                continue
            if element.tag == _REGION:
                tracked = tracked or next(element.iter(*_CHANGES), None) is not None
                _drop(element)
                continue
            if element.tag not in _PARAGRAPHS:  # a table's cell, row or the table ends
                yield from table.ended(element.tag, tables_around(element, _TABLE))
                continue
            inside, not_text, depth = _where(element)
            if not_text:
                _drop(element)
            elif inside:
                held.append(_text(element))
                element.clear(keep_tail=True)
            else:
                text = _text(element)
                if styles.may_hide and text:
                    hidden.add(_hidden_stretches(element, text, styles), text, not depth)
                yield from table.paragraph(text, tracked, depth)
                for note in held:
                    yield from table.paragraph(note, tracked, depth)
                held.clear()
                _drop(element)
    except etree.XMLSyntaxError as exc:
        raise errors.CorruptDocumentError(path, f"the .odt is damaged ({str(exc)[:120]})") from None
    for note in held:  # in a text box anchored to no paragraph
        yield note, tracked


def _where(paragraph: Any) -> tuple[bool, bool, int]:
    """(inside another paragraph, inside what is not text: a comment, a deletion; how many tables
    hold it), in one walk up its ancestors; none for the body's own paragraphs, most of them."""
    parent = paragraph.getparent()
    if parent is not None and parent.tag == _BODY_TEXT:
        return False, False, 0
    inside, tables = False, 0
    for ancestor in paragraph.iterancestors():
        tag = ancestor.tag
        if tag in _NOT_TEXT:
            return inside, True, tables
        if tag in _PARAGRAPHS:
            inside = True
        elif tag == _TABLE:
            tables += 1
    return inside, False, tables


def _hidden_stretches(paragraph: Any, text: str, styles: Styles) -> list[str]:
    """The paragraph's text no reader sees (its style, or a span's over it, says display: none or
    a point or less, or makes it white where no colour is behind it): all of it when the
    paragraph's style does, else each span's that does (the outermost)."""
    own = styles.look(paragraph.get(_STYLE_REFERENCE))
    behind: bool | None = None  # whether colour may stand behind the paragraph: looked up once

    def unseen(look: Look) -> bool:
        nonlocal behind
        if look.hides():
            return True
        if not look.white():
            return False
        if behind is None:
            behind = styles.dark_page or own.shaded() or _colour_around(paragraph, styles)
        return not behind

    if unseen(own):
        return [text]
    spans = [
        span for span in paragraph.iter(_SPAN) if unseen(styles.look(span.get(_STYLE_REFERENCE)).over(own))
    ]
    unseen_spans = set(spans)  # looked up for each span's ancestors: a list's test is a scan
    stretches = [
        _text(span) for span in spans if not any(outer in unseen_spans for outer in span.iterancestors(_SPAN))
    ]
    return [s for s in stretches if s]


def _colour_around(paragraph: Any, styles: Styles) -> bool:
    """Is the paragraph in a table cell with a background colour, or in a text box (its frame's
    fill)?"""
    return any(
        ancestor.tag == _TEXT_BOX or styles.look(ancestor.get(f"{TABLE}style-name")).shaded()
        for ancestor in paragraph.iterancestors(*_CELLS, _TEXT_BOX)
    )


def _drop(element: Any) -> None:
    """What was read goes, and what came before it in its parent: memory stays flat."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _text(paragraph: Any) -> str:
    """A paragraph's text, its whitespace read as ODF says (the module's docstring)."""
    out: list[str] = []
    joins = True  # the text so far ends in a space a following one joins (none at the start)
    for as_written, text in _pieces(paragraph):
        if not as_written:
            text = _WHITESPACE.sub(" ", text)
            if joins and text.startswith(" "):
                text = text[1:]
            if not text:
                continue
        joins = not as_written and text.endswith(" ")
        out.append(text)
    text = "".join(out)
    return text[:-1] if joins and text.endswith(" ") else text


def _pieces(element: Any) -> Iterator[tuple[bool, str]]:
    """The text in an element: (written as is, text), where text not written as is flows.

    A generator, not nested functions calling one another: those make a reference cycle for
    each paragraph, which `check` (garbage collector off) never freed: 850 MB for 870,000
    paragraphs. As deep as the markup, which libxml2 holds to 256 levels.
    """
    if element.text:
        yield False, element.text
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _NOT_INLINE:
            pass  # an XML comment, a footnote, a text box's paragraph
        elif tag == _SPACE:
            yield True, " " * _count(child)
        elif tag == _TAB:
            yield True, "\t"
        elif tag == _BREAK:
            yield True, "\n"
        elif tag.startswith(TEXT):  # spans, links, fields: their text is the paragraph's
            yield from _pieces(child)
        if child.tail:
            yield False, child.tail


def _count(space: Any) -> int:
    """How many spaces a `text:s` stands for (one when it does not say, or says nonsense)."""
    try:
        return max(1, min(int(space.get(f"{TEXT}c", "1")), 1000))
    except ValueError:
        return 1


def _properties(package: zipfile.ZipFile) -> tuple[str | None, str | None]:
    """Title and author (who first wrote it; dc:creator is who saved it last), from meta.xml."""
    values = properties(package, META)
    return values.get("title"), values.get("initial-creator") or values.get("creator")
