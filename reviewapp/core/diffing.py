"""What changed between two versions of a draft, word by word (for "Compare with approved")."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from .document import same_ends
from .wording import counted

Op = Literal["equal", "insert", "delete"]
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Piece:
    op: Op
    text: str


@dataclass(frozen=True, slots=True)
class WordDiff:
    pieces: tuple[Piece, ...]

    @property
    def changed(self) -> bool:
        return any(p.op != "equal" for p in self.pieces)

    def count(self, op: Op) -> int:
        """How many words this kind of piece holds."""
        return sum(len(re.findall(r"\w+", p.text)) for p in self.pieces if p.op == op)

    @property
    def summary(self) -> str:
        if not self.changed:
            return "no change"
        return f"{counted(self.count('insert'), 'word')} added, {self.count('delete'):,} removed"


# difflib compares each token with every other place it occurs, and a draft's spaces and commas
# occur thousands of times: a whole 10,000-word draft took 13 s word by word, on the window's
# thread. So lines are compared first (the same lines at both ends set aside at once), then
# the words of the lines that changed; a changed stretch too long for that shows removed and
# added whole.
TOKENS_COMPARED = 20_000  # tokens of a changed stretch on either side compared word by word
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def word_diff(before: str, after: str) -> WordDiff:
    """The two texts as runs of kept, added and removed words (spaces and punctuation as tokens)."""
    a, b = _LINE.findall(before), _LINE.findall(after)
    head, tail = same_ends(a, b)
    runs = _Runs()
    runs.add("equal", a[:head])
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    # Lines that occur often (blank ones, or every line of a text repeated) are difflib's "junk":
    # they extend a match, never start one (compared with each other they took 11 s for a
    # draft with 2,400 blank lines).
    matcher = difflib.SequenceMatcher(None, middle_a, middle_b)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.add("equal", middle_a[i1:i2])
        else:
            _changed_lines(runs, middle_a[i1:i2], middle_b[j1:j2])
    runs.add("equal", a[len(a) - tail :])
    return WordDiff(runs.pieces())


def _changed_lines(runs: _Runs, before: list[str], after: list[str]) -> None:
    """Lines that changed: line by line where as many became as many, else as one stretch."""
    if len(before) == len(after):
        for old, new in zip(before, after, strict=True):
            if old == new:
                runs.add("equal", [old])
            else:
                _changed_words(runs, old, new)
    else:
        _changed_words(runs, "".join(before), "".join(after))


def _changed_words(runs: _Runs, before: str, after: str) -> None:
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    if len(a) > TOKENS_COMPARED or len(b) > TOKENS_COMPARED:
        runs.add("delete", a)
        runs.add("insert", b)
        return
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.add("equal", a[i1:i2])
        else:  # "replace" shows as the old words removed, then the new added
            runs.add("delete", a[i1:i2])
            runs.add("insert", b[j1:j2])


class _Runs:
    """Pieces in the making: each run's texts kept in a list and joined once at the end (adding
    to a piece's text each time copied it: quadratic over thousands of unchanged lines)."""

    def __init__(self) -> None:
        self.ops: list[Op] = []
        self.texts: list[list[str]] = []

    def add(self, op: Op, tokens: list[str]) -> None:
        """The tokens, joined to the last run when it is of the same kind."""
        if not any(tokens):
            return
        if self.ops and self.ops[-1] == op:
            self.texts[-1] += tokens
        else:
            self.ops.append(op)
            self.texts.append(list(tokens))

    def pieces(self) -> tuple[Piece, ...]:
        return tuple(Piece(op, "".join(texts)) for op, texts in zip(self.ops, self.texts, strict=True))


@dataclass(frozen=True, slots=True)
class TextEdit:
    """How one version of a text became the next, as one changed stretch: old[start:old_end] became
    new[start:new_end], and everything before and after it is the same."""

    start: int
    old_end: int
    new_end: int

    def old_spans(self, spans: Iterable[Keyed]) -> list[Keyed | None]:
        """Where each (key, start, end) of the new text was in the old; None for one that touches
        the changed stretch. (One comprehension, no call per span: a long draft's findings
        table maps ten thousand after each edit.)"""
        begin, new_end, shift = self.start, self.new_end, self.new_end - self.old_end
        return [
            (key, start, end)
            if end < begin
            else (key, start - shift, end - shift)
            if start > new_end
            else None
            for key, start, end in spans
        ]

    def kept_old(self, spans: Iterable[Keyed]) -> list[Keyed | None]:
        """Each (key, start, end) of the old text clear of the changed stretch (as `old_spans`
        sees it), as it is; None for one that touches it."""
        begin, old_end = self.start, self.old_end
        return [(key, start, end) if end < begin or start > old_end else None for key, start, end in spans]


Keyed = tuple[str, int, int]  # something's key (a finding's rule) and its span
_CHUNK = 1 << 16  # compared at C speed a chunk at a time, then searched within the first that differs


def text_edit(before: str, after: str) -> TextEdit:
    """The one stretch in which `after` differs from `before` (cheap: no diff of words)."""
    shortest = min(len(before), len(after))
    start = _common_length(lambda i, j: before[i:j] == after[i:j], shortest)
    # The common end, not overlapping the common start.
    b_end, a_end = len(before), len(after)
    tail = _common_length(
        lambda i, j: before[b_end - j : b_end - i] == after[a_end - j : a_end - i], shortest - start
    )
    return TextEdit(start, b_end - tail, a_end - tail)


def _common_length(same: Callable[[int, int], bool], limit: int) -> int:
    """The largest n <= limit with same(0, n), given same(i, j) compares characters i..j-1."""
    done = 0
    while done < limit:
        size = min(_CHUNK, limit - done)
        if same(done, done + size):
            done += size
            continue
        low, high = done, done + size  # same up to low, not up to high: halve the gap
        while high - low > 1:
            middle = (low + high) // 2
            if same(low, middle):
                low = middle
            else:
                high = middle
        return low
    return done
