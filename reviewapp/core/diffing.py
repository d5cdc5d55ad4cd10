"""What changed between two versions of a draft, word by word (for "Compare with approved")."""

from __future__ import annotations

import difflib
import re
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
