"""Load drafts (.txt, .md, .html, .docx, .odt) into Documents, refusing bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import BinaryIO

from . import errors
from .decoding import as_text, decode_file, normalize_newlines
from .document import Document, after_edit
from .hidden import IN_PAGE, hidden_text, mark_hidden, whole_paragraphs
from .intake import finish, read_bytes
from .limits import DEFAULT_LIMITS, InputLimits

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".odt")


def load_path(path: str | Path, limits: InputLimits = DEFAULT_LIMITS) -> Document:
    """Load a draft from disk, choosing the reader by extension, within the size limit."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise errors.UnsupportedFormatError(
            path, f"unsupported file type {suffix or '(none)'}; use .txt, .md, .html, .docx or .odt"
        )
    if suffix == ".docx":
        from .docx import load_docx  # here: checking text files need not load lxml

        return load_docx(path, limits)
    if suffix == ".odt":
        from .odt import load_odt

        return load_odt(path, limits)
    fmt = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}.get(suffix, "txt")
    return _from_file_bytes(read_bytes(path, _bytes_allowed(fmt, limits), limits), fmt, path, limits)


STDIN_FORMATS = ("txt", "md", "html")


def load_stream(stream: BinaryIO, fmt: str, name: Path, limits: InputLimits = DEFAULT_LIMITS) -> Document:
    """A draft read from a stream (standard input) in a text format, named `name` in messages
    and output; refused once more bytes come than the limit allows, before reading on."""
    limit = _bytes_allowed(fmt, limits)
    try:
        raw = stream.read(limit + 1)
    except OSError as exc:
        raise errors.UnreadableFileError(name, exc.strerror or str(exc)) from None
    if len(raw) > limit:
        raise errors.FileTooLargeError(name, limits.beyond("the input", limit))
    return _from_file_bytes(raw, fmt, name, limits)


def _bytes_allowed(fmt: str, limits: InputLimits) -> int:
    """How many bytes a draft of a text format may be read from: markup weighs more than its text."""
    return limits.html_bytes if fmt == "html" else limits.text_chars


def _from_file_bytes(raw: bytes, fmt: str, path: Path, limits: InputLimits) -> Document:
    """load_bytes of what a file (or a stream) held, with their hash as sha256sum prints it."""
    document = load_bytes(raw, fmt, path, limits)
    document.file_sha256 = hashlib.sha256(raw).hexdigest()
    return document


def load_bytes(
    raw: bytes, fmt: str, path: Path | None = None, limits: InputLimits = DEFAULT_LIMITS
) -> Document:
    """Decode and parse bytes of a text format ("txt", "md" or "html")."""
    label = path or "<draft>"
    text, warnings, encoding = decode_file(raw, label)
    if fmt == "html":
        from .htmltext import TooDeepError, extract_article

        try:
            article = extract_article(text)
        except TooDeepError as exc:
            raise errors.CorruptDocumentError(
                label,
                f"its markup nests more than {exc.args[0]:,} levels deep; no web page does: not read",
            ) from None
        # Character references are read only now: "&#xFDD0;" or "&#x2029;" is such a character too.
        text, _ = as_text(article.text, label, warnings)
        if article.hidden:
            warnings.append(f"{label}: {hidden_text(article.hidden, IN_PAGE)}")
        document = finish(text, path, fmt, warnings, limits, article.meta, article.title)
        mark_hidden(document, article.hidden, article.placed)
        # The quoted lines that are paragraphs of the draft, whole (an embedded post's).
        document.metadata.quoted_lines = whole_paragraphs(document, article.quoted)
        return document
    document = finish(text, path, fmt, warnings, limits)
    document.encoding = encoding
    return document


def load_text(text: str, path: Path | None = None, fmt: str = "txt") -> Document:
    """A Document from text already in memory (pasted, or saved from the app), read as a file's
    text is: line ends as LF, no characters that are not text."""
    warnings: list[str] = []
    text, _ = as_text(text, path or "<draft>", warnings)
    return finish(text, path, fmt, warnings, DEFAULT_LIMITS)


def edited(original: Document, text: str, previous: Document | None = None) -> Document:
    """The draft after an edit in the app: the new text, and what its file declared.

    The editor shows the text extracted from an HTML or Word file; the
    declared AI use came from its meta tags or properties, which the text
    no longer carries. With `previous` (the last version reviewed), only the
    lines around the edit are split into paragraphs again (document.after_edit).
    """
    text = normalize_newlines(text)
    known = after_edit(previous, text) if previous is not None else None
    document = finish(text, original.path, original.format, [], DEFAULT_LIMITS, known=known, read=False)
    if original.format in ("html", "docx", "odt"):
        document.metadata.declared_ai_use = original.metadata.declared_ai_use
        document.metadata.hidden_lines = original.metadata.hidden_lines
        document.metadata.hidden_parts = original.metadata.hidden_parts
        document.metadata.quoted_lines = original.metadata.quoted_lines
    return document
