"""How a draft's file was written (character encoding, byte-order mark, line ends), so that
saving it writes it back the same way."""

from __future__ import annotations

import codecs
from typing import NamedTuple

from .errors import ReviewAppError


class CannotEncodeError(ReviewAppError):
    """The text holds characters the file's encoding cannot hold."""


class FileEncoding(NamedTuple):
    codec: str  # Python's name: "utf-8", "utf-16-le", "utf-16-be", "cp1252", "latin-1"
    label: str  # as an editor knows it: "UTF-8", "Windows-1252"...
    bom: bytes = b""
    newline: str = "\n"

    def encode(self, text: str) -> bytes:
        """The editor's text (LF line ends) as the file had it; CannotEncodeError if it cannot."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        try:
            return self.bom + text.encode(self.codec)
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start : exc.end]
            raise CannotEncodeError(
                f"the draft was {self.label}, which cannot hold “{bad}”"
                + (f" (and {exc.end - exc.start - 1} more)" if exc.end - exc.start > 1 else "")
            ) from None

    def describe(self) -> str:
        parts = [self.label + (" with BOM" if self.bom else "")]
        if self.newline == "\r\n":
            parts.append("CRLF")
        elif self.newline == "\r":
            parts.append("CR")
        return ", ".join(parts)


UTF8 = FileEncoding("utf-8", "UTF-8")


def detect_newline(raw_text: str) -> str:
    """The line end the file mostly uses (before they are made LF)."""
    crlf = raw_text.count("\r\n")
    cr = raw_text.count("\r") - crlf
    lf = raw_text.count("\n") - crlf
    best = max((crlf, "\r\n"), (cr, "\r"), (lf, "\n"))
    return best[1] if best[0] else "\n"


def bom_of(raw: bytes) -> tuple[bytes, str | None]:
    """The byte-order mark a file starts with, and the codec it names."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return bom, codec
    return b"", None
