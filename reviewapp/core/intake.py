"""Reading a draft's file and making its Document: the two steps every loader shares,
with the size limit checked in both."""

from __future__ import annotations

from pathlib import Path

from . import errors
from .document import Document, Paragraph
from .language import NOT_ENGLISH, reads_as_english
from .limits import InputLimits
from .metadata import extract_metadata
from .wording import sentence


def finish(
    text: str,
    path: Path | None,
    fmt: str,
    warnings: list[str],
    limits: InputLimits,
    meta_tags: dict[str, str] | None = None,
    title: str | None = None,
    known: tuple[list[Paragraph], int] | None = None,
    *,
    read: bool = True,
) -> Document:
    """The Document of a draft's text, refused when over the size limit, or empty as read. `read`:
    the text was just read (not edited in the app), so what the reader must know is said in its
    warnings (a draft that is not English). A draft emptied in the app (a new one, or all of its
    text deleted) is a draft with nothing to find, not an error."""
    label = path or "<draft>"
    if len(text) > limits.text_chars:
        raise errors.FileTooLargeError(label, limits.over("the text", len(text), limits.text_chars))
    if read and (not text or text.isspace()):  # not text.strip(): a copy of the whole text to learn that
        raise errors.EmptyDocumentError(label, "the draft is empty (no text found)")
    if read and reads_as_english(text) is False:
        warnings.append(f"{label}: {NOT_ENGLISH}")
    document = Document(text=text, path=path, format=fmt, warnings=warnings, known=known)
    document.metadata = extract_metadata(text, fmt, document.paragraphs, meta_tags, title)
    return document


def read_bytes(path: Path, limit: int, limits: InputLimits, head: int | None = None) -> bytes:
    """The file's bytes (or only its first `head` bytes), refusing files over `limit`.

    Only regular files: a FIFO or a device would block or never end.
    """
    try:
        if not path.exists():
            raise errors.FileMissingError(path, "no such file")
        if not path.is_file():
            raise errors.UnreadableFileError(path, "not a regular file (a folder, a pipe or a device)")
        size = path.stat().st_size
        if size > limit:
            raise errors.FileTooLargeError(path, limits.over("the file", size, limit))
        with path.open("rb") as handle:
            return handle.read(-1 if head is None else head)
    except PermissionError:
        raise errors.UnreadableFileError(path, "permission denied") from None
    except OSError as exc:
        raise errors.UnreadableFileError(path, exc.strerror or str(exc)) from None


def read_notes(document: Document) -> tuple[str, ...]:
    """What the reader must know of how the draft was read (its warnings: an encoding guessed,
    tracked changes accepted, text the page hides), as sentences without the file name each
    begins with (the app's tab and a report name the file)."""
    prefix = f"{document.path}: " if document.path is not None else ""
    return tuple(sentence(w.removeprefix(prefix) if prefix else w) for w in document.warnings)
