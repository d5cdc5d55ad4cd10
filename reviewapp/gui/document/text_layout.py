"""How the editor can show a draft: Qt's usual layout cannot take every text in time.

Measured with Qt 6 (PySide6 6.x) in a QPlainTextEdit:

- A line holding 65,536 or more spaces in a row before more text is never laid out in any
  wrapping mode (65,534 took 17 ms): the window hangs. With no wrapping it takes 23 ms.
- Qt's usual mode breaks a run of text longer than the line "anywhere", in time that grows
  as the square of the run: 50,000 full stops in a row took 78 ms a layout, 200,000 took
  0.8 s and 2 MB 49 s, and every keystroke in that line lays it out again. Wrapping at word
  boundaries only is linear (2 MB: 60 ms); the run then goes past the window's edge, with a
  scroll bar to reach it.
- Each line is a block of the editor's document, at about 600 bytes: a draft of 2,000,000 empty
  lines took 5.7 s to open and 1.2 GB, one of 8,000,000 31 s (and 20 MB of them would take
  about 12 GB). No draft has a million lines; the editor opens none with more.
- Any edit lays out its whole line again, and the highlights on it are set again: a line of
  2 MB (an article with no line breaks) took 0.7 s a keystroke, one of 20 MB 6 to 11 s.

No article holds any of these; a scraped page or a hostile file may, and must still open.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, count
from operator import sub
from typing import NamedTuple

from PySide6.QtGui import QTextOption

from . import offsets

LINES_LIMIT = 1_000_000  # lines in a draft the editor opens (2.9 s and 660 MB)
LINE_LIMIT = 1_000_000  # characters in a line that can be typed in (0.35 s a keystroke)
SPACE_RUN_LIMIT = 60_000  # spaces in a row before more text on the line (Qt hangs at 65,536)
WORD_RUN_LIMIT = 20_000  # characters with no space between them (broken anywhere: 12 ms a layout)

# Each run is looked at from its first character only (the look-behind fails inside it), and
# possessively: linear even in a line of two million spaces.
_SPACE_RUN = re.compile(rf"(?<!\s)\s{{{SPACE_RUN_LIMIT}}}\s*+(?=\S)")
_WORD_RUN = re.compile(rf"(?<!\S)\S{{{WORD_RUN_LIMIT}}}")

USUAL = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


class Layout(NamedTuple):
    """How the editor can show a draft: `wrap` None for no wrapping at all; `typing` False where
    a line is too long to type in; `notes`, what the editor must say about either."""

    wrap: QTextOption.WrapMode | None
    typing: bool = True
    notes: tuple[str, ...] = ()


def layout_for(text: str, line_starts: Sequence[int] | None = None) -> Layout:
    """The layout the editor can show `text` with in time (see the module's figures);
    `line_starts`: where its lines start, when the caller has them.

    Only lines of WORD_RUN_LIMIT characters or more are looked at: found at C speed, they are
    none in an ordinary draft (searching a whole 20 MB draft for the runs took 1.2 s).
    """
    if len(text) < WORD_RUN_LIMIT:
        return Layout(USUAL)
    starts = list(line_starts) if line_starts is not None else offsets.line_starts(text)
    ends = [start - 1 for start in starts[1:]] + [len(text)]
    long_lines = compress(count(), map(WORD_RUN_LIMIT.__le__, map(sub, ends, starts)))
    wrap: QTextOption.WrapMode | None = USUAL
    typing = True
    notes: list[str] = []
    for index in long_lines:
        line = text[starts[index] : ends[index]]
        if wrap is not None and (spaces := _SPACE_RUN.search(line)) is not None:
            wrap = None
            notes.append(
                f"Lines are not wrapped in this draft: line {index + 1:,} holds "
                f"{len(spaces.group()):,} spaces in a row, more than the editor can wrap."
            )
        elif wrap == USUAL and _WORD_RUN.search(line) is not None:
            wrap = QTextOption.WrapMode.WordWrap
        if typing and len(line) > LINE_LIMIT:
            typing = False
            notes.append(
                f"Typing is off in this draft: line {index + 1:,} holds {len(line):,} characters, "
                "too long to edit here. Findings can still be resolved and fixed."
            )
    return Layout(wrap, typing, tuple(notes))


def too_many_lines(text: str) -> str | None:
    """Why the editor cannot open `text`, if it has more lines than it can hold."""
    lines = text.count("\n") + 1
    if lines <= LINES_LIMIT:
        return None
    return (
        f"it has {lines:,} lines, more than the editor can hold (at most {LINES_LIMIT:,}); "
        "`reviewapp check` and `reviewapp report` read it"
    )
