"""Word documents (.docx), read as a stream: the limits are checked while reading, never after.

The body's XML is parsed one paragraph at a time with lxml (`iterparse`,
entities not expanded, nothing fetched): each paragraph's text is taken and
the paragraph dropped, so memory stays bounded, and the paragraph count and
the text's size are checked as they grow. Paragraphs come in body order,
table cells' paragraphs where the table stands, a table of data as its rows
("| Q1 2025 | 4.1 |": packages.TableLines). The title and author come from
the package's core properties.

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
from .packages import Body, TableLines, body_lines, package_document, properties, read_package, tables_around

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_TAGS = (f"{W}t", f"{W}tab", f"{W}br", f"{W}cr")
_PARAGRAPH, _BODY, _CELL, _ROW, _TABLE = f"{W}p", f"{W}body", f"{W}tc", f"{W}tr", f"{W}tbl"
# Hidden text: a run whose properties say vanish (the paragraph mark's own setting hides no text).
_RUN, _VANISH, _RUN_VANISH = f"{W}r", f"{W}vanish", f"{W}rPr/{W}vanish"
_OFF = frozenset(("0", "false", "off"))
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
    try:
        for _, element in events:
            if element.tag != _PARAGRAPH:
                yield from table.ended(element.tag, tables_around(element, _TABLE))
                continue
            paragraph = element
            changed = next(paragraph.iter(*_TRACKED), None) is not None
            if changed:
                for withdrawn in list(paragraph.iter(*_WITHDRAWN)):
                    withdrawn.getparent().remove(withdrawn)
            text = "".join(_piece(node) for node in paragraph.iter(*_TEXT_TAGS))
            if text and next(paragraph.iter(_VANISH), None) is not None:
                stretches = _hidden_stretches(paragraph)
                if stretches:
                    hidden.append("\n".join(stretches))
            parent = paragraph.getparent()
            # Most paragraphs are the body's own: no table around them to look for (walking each
            # one's ancestors took a fifth of the time of reading a million of them).
            if parent is not None and parent.tag == _BODY:
                yield text, changed
            else:
                yield from table.paragraph(text, changed, tables_around(paragraph, _TABLE))
            paragraph.clear(keep_tail=False)  # a text box's paragraphs go too: read once, not twice
            while parent is not None and paragraph.getprevious() is not None:
                del parent[0]  # what was read goes: memory stays flat however long the body
    except etree.XMLSyntaxError as exc:
        raise errors.CorruptDocumentError(path, f"the .docx is damaged ({str(exc)[:120]})") from None


def _hidden_stretches(paragraph: Any) -> list[str]:
    """The text of the paragraph's runs formatted as hidden (Word's Hidden font setting, w:vanish),
    each stretch of consecutive ones joined; a run's hidden setting switched off ("0", "false") is
    none."""
    stretches: list[str] = []
    stretch: list[str] = []
    for run in paragraph.iter(_RUN):
        vanish = run.find(_RUN_VANISH)
        text = "".join(_piece(node) for node in run.iter(*_TEXT_TAGS))
        if vanish is not None and vanish.get(f"{W}val", "true") not in _OFF:
            stretch.append(text)
        elif text:
            if stretch:
                stretches.append("".join(stretch).strip())
            stretch = []
    if stretch:
        stretches.append("".join(stretch).strip())
    return [s for s in stretches if s]


def _piece(node: object) -> str:
    tag = node.tag  # type: ignore[attr-defined]
    if tag == f"{W}t":
        return node.text or ""  # type: ignore[attr-defined]
    return "\t" if tag == f"{W}tab" else "\n"


def _core_properties(package: zipfile.ZipFile) -> tuple[str | None, str | None]:
    """Title and author, from the core properties."""
    values = properties(package, CORE)
    return values.get("title"), values.get("creator")
