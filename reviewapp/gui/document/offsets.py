"""Python string indices (code points) to Qt positions (UTF-16 code units) and back.

The core counts code points; QTextDocument counts UTF-16 units, in which a
character outside the Basic Multilingual Plane (most emoji) takes two. Every
conversion happens here, at the edge between the two.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from ...core.text import line_starts

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class LineMap:
    """Line starts and astral characters of a text, for fast conversions."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Regular expressions scan in C: a Python loop over every character of a
        # 100,000-word draft costs the GUI thread over 100 ms.
        self.line_starts = line_starts(text)
        self._astral = _astral(text)

    def line_of(self, index: int) -> int:
        """The line (= QTextBlock number) holding code-point `index`."""
        return max(0, bisect_left(self.line_starts, index + 1) - 1)

    def lines_of(self, start: int, end: int) -> range:
        """The lines a span [start, end) touches (an empty span: the line it sits on)."""
        return range(self.line_of(start), self.line_of(max(start, end - 1)) + 1)

    def to_utf16(self, index: int) -> int:
        """Document-wide code-point index to a QTextCursor position."""
        return index + bisect_left(self._astral, index)

    def from_utf16(self, position: int) -> int:
        """QTextCursor position to a code-point index."""
        low, high = 0, len(self.text)
        while low < high:  # to_utf16 is monotonic
            mid = (low + high) // 2
            if self.to_utf16(mid) < position:
                low = mid + 1
            else:
                high = mid
        return low


def utf16_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def utf16_positions(text: str) -> Callable[[int], int]:
    """Code-point index in `text` to its UTF-16 position, for many indices: the astral characters
    are found once (slicing and encoding the text before each index was quadratic: a line of
    2 MB with 700 findings took the window 1.5 s, one of 20 MB two minutes)."""
    astral = _astral(text)
    if not astral:
        return _same
    return lambda index: index + bisect_left(astral, index)


def _astral(text: str) -> list[int]:
    """Where the characters outside the BMP are (two UTF-16 units each). Most texts have none:
    their UTF-16 length says so in a tenth of the time the pattern takes to find none."""
    return [] if utf16_len(text) == len(text) else [m.start() for m in _ASTRAL.finditer(text)]


def _same(index: int) -> int:
    return index
