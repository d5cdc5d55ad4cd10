"""Error classes of the core. Each carries a one-line reason for the user."""

from __future__ import annotations


class ReviewAppError(Exception):
    """Base class: str(error) is a one-line reason an editor can read."""


def first_line(exc: BaseException) -> str:
    """The first line of what a library's exception says, or its class name when it says nothing."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class LoadError(ReviewAppError):
    """A draft could not be loaded; nothing was changed."""

    def __init__(self, path: object, reason: str) -> None:
        from .shown import display_path  # a name with a line break or a bidi override prints as escapes

        super().__init__(f"{display_path(path)}: {reason}")
        self.path = path
        self.reason = reason


class FileMissingError(LoadError):
    """The path does not exist or is not a file."""


class UnreadableFileError(LoadError):
    """The file exists but cannot be read (permissions, I/O error)."""


class EmptyDocumentError(LoadError):
    """The file holds no text."""


class BinaryFileError(LoadError):
    """The file is binary data, not a draft."""


class EncodingError(LoadError):
    """The bytes are not valid text in any supported encoding."""


class FileTooLargeError(LoadError):
    """The file, or the text it unpacks to, is over the size limit."""


class CorruptDocumentError(LoadError):
    """A .docx or .odt that is broken, encrypted or not what it claims to be."""


class UnsupportedFormatError(LoadError):
    """The file extension is not a supported draft format."""


class PolicyError(ReviewAppError):
    """The house policy file is missing, malformed or has bad values."""
