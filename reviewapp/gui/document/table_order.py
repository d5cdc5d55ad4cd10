"""The findings table's columns and the order of its rows: plain functions over findings, with no
Qt, so that a review worker can place an edit's rows off the window's thread (row_changes.py)."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from operator import attrgetter
from typing import Any, NamedTuple

from ...core.findings import SEVERITY_RANK, Finding, sort_key

COLUMNS = ("Severity", "Category", "Score", "Text", "Message", "Status")
SCORE_COLUMN = COLUMNS.index("Score")
STATUS_COLUMN = COLUMNS.index("Status")

# Each column's sort keys for a list of findings, in the order of COLUMNS (the Text column sorts
# in reading order); the second argument holds the ids with a resolution. Taken with map and
# attrgetter, at C speed: ten thousand findings are sorted after every edit.
_SORT_KEYS: tuple[Callable[[list[Finding], Container[str]], Iterable[Any]], ...] = (
    lambda fs, _r: map(SEVERITY_RANK.__getitem__, map(attrgetter("severity"), fs)),
    lambda fs, _r: map(attrgetter("category"), fs),
    lambda fs, _r: [
        -1.0 if s is None else s for s in map(attrgetter("score"), fs)
    ],  # most check-worthy first
    lambda fs, _r: map(attrgetter("start"), fs),
    lambda fs, _r: map(attrgetter("message"), fs),
    lambda fs, r: map(r.__contains__, map(attrgetter("id"), fs)),
)
assert len(_SORT_KEYS) == len(COLUMNS)


class RowOrder(NamedTuple):
    """How the table is sorted: by a column, and which way; `resolved` holds the ids with a
    resolution (only the Status column reads it)."""

    column: int
    descending: bool
    resolved: Container[str]

    def sorted(self, findings: list[Finding]) -> list[Finding]:
        """By the sort column's key, either way, and rows of one key in reading order (whatever
        order they came in): errors first, each where it comes in the text."""
        findings = sorted(findings, key=sort_key)  # at C speed; nearly nothing to do if in order
        keys = list(_SORT_KEYS[self.column](findings, self.resolved))
        # Stable, reverse=True included: rows of one key keep the reading order they are in.
        order = sorted(range(len(keys)), key=keys.__getitem__, reverse=self.descending)
        return list(map(findings.__getitem__, order))

    def precedes(self, a: Finding, b: Finding) -> bool | None:
        """Does row `a` come before row `b`? None for a tie (their order would then be the order
        they came in)."""
        key_a, key_b = self._row_key(a), self._row_key(b)
        if key_a != key_b:
            return (key_a > key_b) == self.descending
        if sort_key(a) != sort_key(b):
            return sort_key(a) < sort_key(b)
        return None

    def _row_key(self, finding: Finding) -> Any:
        return next(iter(_SORT_KEYS[self.column]([finding], self.resolved)))
