"""File names and other text from outside, as they may be shown in a terminal or a window title.

A module of its own, importing nothing of reviewapp's: the error classes use it.
"""

from __future__ import annotations

import re

# Characters that would rewrite a terminal line or reorder what follows: control characters and
# the bidirectional overrides and isolates (a "txt.exe" that shows as "exe.txt").
_UNSAFE_TO_SHOW = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def display_path(name: object) -> str:
    """A file name (or any text from outside) as it may be shown: those characters escaped (\\n, \\u202e)."""
    return _UNSAFE_TO_SHOW.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(name))
