"""What changed between two versions of a draft, word by word (for "Compare with approved")."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

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
        return f"{self.count('insert')} word(s) added, {self.count('delete')} removed"


def word_diff(before: str, after: str) -> WordDiff:
    """The two texts as runs of kept, added and removed words (spaces and punctuation as tokens)."""
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pieces: list[Piece] = []

    def add(op: Op, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if pieces and pieces[-1].op == op:
            pieces[-1] = Piece(op, pieces[-1].text + text)
        else:
            pieces.append(Piece(op, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", a[i1:i2])
        else:  # "replace" shows as the old words removed, then the new added
            add("delete", a[i1:i2])
            add("insert", b[j1:j2])
    return WordDiff(tuple(pieces))


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
