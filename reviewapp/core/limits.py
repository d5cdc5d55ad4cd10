"""The one size limit on a draft, and what follows from it for each kind of file.

The house policy states it once (`[input] max_text_mb`); every refusal names
that number. A draft may hold that much text; the files it comes in may
weigh more (markup and zip packaging), by fixed factors of the same limit.
"""

from __future__ import annotations

from typing import NamedTuple

MB = 1_000_000  # decimal megabytes, as file managers and `ls -h --si` show them


class InputLimits(NamedTuple):
    text_mb: int = 20

    @property
    def text_chars(self) -> int:
        """Characters of text a draft may hold (and bytes of a plain-text file)."""
        return self.text_mb * MB

    @property
    def html_bytes(self) -> int:
        return 3 * self.text_mb * MB  # markup weighs more than its text

    @property
    def package_bytes(self) -> int:
        return self.text_mb * MB * 5 // 2  # a .docx or .odt: a zip package, compressed

    @property
    def unpacked_bytes(self) -> int:
        return 10 * self.text_mb * MB  # its XML, unpacked

    @property
    def paragraphs(self) -> int:
        """Paragraphs a draft may have: one per 20 characters of the limit (1,000,000 at 20 MB)."""
        return self.text_mb * MB // 20

    def label(self) -> str:
        return f"the {self.text_mb} MB limit"

    def over(self, what: str, size: int, allowed: int) -> str:
        """One line for a refusal, naming the one limit: "file is 25.3 MB, over the 20 MB limit"."""
        return f"{what} is {size / MB:.1f} MB, over {self._allowed(allowed)}"

    def beyond(self, what: str, allowed: int) -> str:
        """The same line for input of no known size (a stream), refused once past `allowed`."""
        return f"{what} is over {self._allowed(allowed)}"

    def _allowed(self, allowed: int) -> str:
        if allowed == self.text_chars:
            return self.label()
        return f"{allowed / MB:g} MB ({allowed / self.text_chars:g} × {self.label()})"


DEFAULT_LIMITS = InputLimits()
