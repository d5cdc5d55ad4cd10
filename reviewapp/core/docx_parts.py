"""A Word document's parts beside its body: footnotes and endnotes, page headers and footers.

Notes are the article's (a source is often in one): their paragraphs are read
after the paragraph that refers to them, as an OpenDocument's are (odt.py).
Page headers and footers are not (a running head, a page number, a slug), but
text in them is told in a warning, so a disclosure put there is not taken for
read. Each part is found as the body names it (word/_rels/document.xml.rels).
"""

from __future__ import annotations

import posixpath
import zipfile
from typing import Any

from .docx_look import STYLES_MOST_BYTES, W
from .packages import small_xml

_RELATIONSHIPS = "word/_rels/document.xml.rels"
_NOTE_KINDS = ("footnotes", "endnotes")
_MARGIN_KINDS = ("header", "footer")
FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE = f"{W}footnoteReference", f"{W}endnoteReference"
_ID = f"{W}id"
_TYPE = f"{W}type"
PARAGRAPH = f"{W}p"  # a w:p element, as Word writes each paragraph
TEXT_TAGS = (f"{W}t", f"{W}tab", f"{W}br", f"{W}cr")

Notes = dict[tuple[str, str], list[Any]]  # (reference tag, note id) -> the note's w:p elements


class Parts:
    """The notes a body refers to, the text of its headers and footers, and the parts too big to read."""

    def __init__(self, package: zipfile.ZipFile) -> None:
        self.notes: Notes = {}
        self.margins: list[str] = []
        self.unread: list[str] = []
        targets = _targets(package)
        for kind, reference in zip(_NOTE_KINDS, (FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE), strict=True):
            for name in targets.get(kind, ()):
                root = self._xml(package, name)
                if root is not None:
                    self.notes.update(((reference, id_), paragraphs) for id_, paragraphs in _notes_of(root))
        for kind in _MARGIN_KINDS:
            for name in targets.get(kind, ()):
                root = self._xml(package, name)
                if root is not None:
                    self.margins += [text for text in _texts(root) if text]

    def _xml(self, package: zipfile.ZipFile, name: str) -> Any | None:
        try:
            size = package.getinfo(name).file_size
        except KeyError:
            return None  # named but not there: nothing to read
        if size > STYLES_MOST_BYTES:
            self.unread.append(name)
            return None
        return small_xml(package, name, STYLES_MOST_BYTES)


def _targets(package: zipfile.ZipFile) -> dict[str, list[str]]:
    """The parts of each kind the body names, as paths in the package."""
    root = small_xml(package, _RELATIONSHIPS)
    if root is None:
        return {}
    found: dict[str, list[str]] = {}
    for relationship in root:
        kind = (relationship.get("Type") or "").rpartition("/")[2]
        target = relationship.get("Target") or ""
        if kind in _NOTE_KINDS + _MARGIN_KINDS and target and relationship.get("TargetMode") != "External":
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("word", target)
            found.setdefault(kind, []).append(posixpath.normpath(path))
    return found


def _notes_of(root: Any) -> list[tuple[str, list[Any]]]:
    """Each note's id and its paragraphs with text (not the separators Word keeps among them), as
    elements: the reader looks at their runs for hidden text as at the body's."""
    notes = []
    for note in root:
        if note.get(_TYPE) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = [p for p in note.iter(PARAGRAPH) if text_of(p)]
        if paragraphs:
            notes.append((note.get(_ID) or "", paragraphs))
    return notes


def text_of(paragraph: Any) -> str:
    """A note's or a header's paragraph's text, without the space Word puts after a note's number."""
    return "".join(piece(node) for node in paragraph.iter(*TEXT_TAGS)).strip()


def _texts(root: Any) -> list[str]:
    return [text_of(p) for p in root.iter(PARAGRAPH)]


def piece(node: Any) -> str:
    """A text tag's part of its paragraph's text."""
    tag = node.tag
    if tag == f"{W}t":
        return node.text or ""
    return "\t" if tag == f"{W}tab" else "\n"


def notes_referred(paragraph: Any, notes: Notes) -> list[Any]:
    """The paragraphs of the notes a body paragraph refers to, in its order."""
    if not notes:
        return []
    found: list[Any] = []
    for reference in paragraph.iter(FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE):
        found += notes.get((reference.tag, reference.get(_ID) or ""), ())
    return found
