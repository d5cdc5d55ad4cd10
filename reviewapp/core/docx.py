"""Word documents (.docx), read as a stream: the limits are checked while reading, never after.

The body's XML is parsed one paragraph at a time with lxml (`iterparse`,
entities not expanded, nothing fetched): each paragraph's text is taken and
the paragraph dropped, so memory stays bounded, and the paragraph count and
the text's size are checked as they grow. Paragraphs come in body order,
table cells' paragraphs where the table stands. The title and author come
from the package's core properties.

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
from typing import IO

from . import errors
from .decoding import as_text
from .document import Document
from .intake import finish, read_bytes
from .limits import InputLimits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_TAGS = (f"{W}t", f"{W}tab", f"{W}br", f"{W}cr")
# What a tracked change leaves out once accepted: a deletion's runs (Word writes their text as
# w:delText, which is no text tag, but other writers use w:t) and the old place of moved text.
_WITHDRAWN = (f"{W}del", f"{W}moveFrom")
_TRACKED = (f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")
TRACKED_CHANGES = "tracked changes not yet accepted or rejected: read as if all were accepted"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc
MAX_COMPRESSION_RATIO = 200  # deflate rarely beats ~20 on XML; far above that is a bomb
BODY = "word/document.xml"
CORE = "docProps/core.xml"


def load_docx(path: Path, limits: InputLimits) -> Document:
    """Paragraph and table text of a Word document, in body order."""
    if read_bytes(path, limits.docx_bytes, limits, head=len(_OLE_MAGIC)).startswith(_OLE_MAGIC):
        raise errors.CorruptDocumentError(
            path, "the document is password-protected or an old .doc; save it as .docx without a password"
        )
    try:
        with zipfile.ZipFile(path) as package:
            _check_package(path, package, limits)
            lines, tracked = _body_lines(path, package, limits)
            title, author = _core_properties(package)
    except zipfile.BadZipFile:
        raise errors.CorruptDocumentError(path, "not a .docx (the file is not a valid zip package)") from None
    except KeyError:
        raise errors.CorruptDocumentError(path, f"not a readable .docx (it has no {BODY})") from None
    except OSError as exc:
        raise errors.UnreadableFileError(path, exc.strerror or str(exc)) from None
    warnings = [f"{path}: {TRACKED_CHANGES}."] if tracked else []
    text, _ = as_text("\n".join(lines), path, warnings)
    document = finish(text, path, "docx", warnings, limits, {}, title)
    if author and not document.metadata.byline:
        document.metadata.byline = author
    document.file_sha256 = _sha256(path)
    return document


def _check_package(path: Path, package: zipfile.ZipFile, limits: InputLimits) -> None:
    """Refuse a package whose parts unpack too large or compress suspiciously well (a zip bomb)."""
    infos = package.infolist()
    total = sum(info.file_size for info in infos)
    if total > limits.docx_unpacked_bytes:
        unpacked = limits.docx_unpacked_bytes
        raise errors.FileTooLargeError(
            path, limits.over("the unpacked .docx", total, unpacked) + " (a zip bomb?)"
        )
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            bomb = f"{info.filename} is compressed suspiciously well (a zip bomb?)"
            raise errors.FileTooLargeError(path, bomb)


def _body_lines(path: Path, package: zipfile.ZipFile, limits: InputLimits) -> tuple[list[str], bool]:
    """The body's paragraphs with text, and whether it has tracked changes."""
    lines: list[str] = []
    size = 0
    tracked = False
    with package.open(BODY) as stream:
        for count, (text, changed) in enumerate(_paragraphs(path, stream), 1):
            tracked = tracked or changed
            if count > limits.paragraphs:
                most = (
                    f"the .docx has over {limits.paragraphs:,} paragraphs (the most {limits.label()} allows)"
                )
                raise errors.FileTooLargeError(path, most)
            if text.strip():
                lines.append(text)
                size += len(text) + 1
                if size > limits.text_chars:
                    raise errors.FileTooLargeError(path, f"the text is over {limits.label()}")
    return lines, tracked


def _paragraphs(path: Path, stream: IO[bytes]) -> Iterator[tuple[str, bool]]:
    """Each w:p's text as it ends (a text box's paragraphs before the one that holds it), its
    tracked changes accepted, and whether it had any."""
    from lxml import etree

    events = etree.iterparse(
        stream,
        events=("end",),
        tag=f"{W}p",
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    try:
        for _, paragraph in events:
            changed = next(paragraph.iter(*_TRACKED), None) is not None
            if changed:
                for withdrawn in list(paragraph.iter(*_WITHDRAWN)):
                    withdrawn.getparent().remove(withdrawn)
            yield "".join(_piece(node) for node in paragraph.iter(*_TEXT_TAGS)), changed
            paragraph.clear(keep_tail=False)  # a text box's paragraphs go too: read once, not twice
            parent = paragraph.getparent()
            while parent is not None and paragraph.getprevious() is not None:
                del parent[0]  # what was read goes: memory stays flat however long the body
    except etree.XMLSyntaxError as exc:
        raise errors.CorruptDocumentError(path, f"the .docx is damaged ({str(exc)[:120]})") from None


def _piece(node: object) -> str:
    tag = node.tag  # type: ignore[attr-defined]
    if tag == f"{W}t":
        return node.text or ""  # type: ignore[attr-defined]
    return "\t" if tag == f"{W}tab" else "\n"


def _core_properties(package: zipfile.ZipFile) -> tuple[str | None, str | None]:
    """Title and author, from a small part (read only if it is small)."""
    from lxml import etree

    try:
        info = package.getinfo(CORE)
    except KeyError:
        return None, None
    if info.file_size > 1_000_000:
        return None, None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(package.read(CORE), parser)
    except etree.XMLSyntaxError:
        return None, None
    values = {element.tag.rpartition("}")[2]: (element.text or "").strip() for element in root}
    return values.get("title") or None, values.get("creator") or None


def _sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
