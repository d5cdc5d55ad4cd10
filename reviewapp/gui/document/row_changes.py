"""How the findings table's rows change after an edit: which rows stay, where new ones go.

Plain functions over lists of findings (no Qt): the model (findings_model.py)
turns their answers into rows removed, inserted and redrawn. The review worker
works them out too, off the window's thread, from a snapshot of the table taken
when the review began (`plan_rows`): in a draft of megabytes, with a hundred
thousand rows, that planning took most of a second for each edit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import compress, count, repeat
from operator import attrgetter, is_not, ne, not_
from typing import Any, NamedTuple

from ...core.diffing import TextEdit
from ...core.findings import Finding
from ...core.numbering import FindingsChange
from .table_order import STATUS_COLUMN, RowOrder

_SPAN = attrgetter("rule", "start", "end")
_ID = attrgetter("id")
_CATEGORY = attrgetter("category")


Runs = list[tuple[int, int]]  # (first, last) runs of row numbers


class RowPlan(NamedTuple):
    """The table's rows after a change: `rows` in order; the runs of old rows `removed` and of
    new rows `inserted`; and the kept rows (numbers in `rows`) that show something else now."""

    rows: list[Finding]
    removed: Runs
    inserted: Runs
    changed: list[int]


def row_plan(
    old: list[Finding],
    new: list[Finding],
    old_kept: list[bool],
    new_kept: list[bool],
    shown: Callable[[Finding], Any],
) -> RowPlan:
    """`old` rows becoming `new`, given which of each are kept (in the same order); a kept row
    shows something else when `shown` of its old and new finding differ."""
    removed = runs(list(compress(count(), map(not_, old_kept))))
    inserted = runs(list(compress(count(), map(not_, new_kept))))
    return RowPlan(new, removed, inserted, redrawn(old, new, old_kept, new_kept, shown))


def carried(rows: list[Finding], order: RowOrder, change: FindingsChange, edit: TextEdit) -> RowPlan | None:
    """The rows after `change`: each kept row's finding as it is now, in the same order (an
    edit moves every finding after it alike, so none passes another), and the added ones put in
    their places. In the edited paragraphs, a finding clear of the edited stretch keeps its row
    too (its rule and span the same, the edit's shift aside), if it still falls where it was.
    None when the rows are not the findings the change was made from, or the order cannot be
    kept (a status sort, and ids numbered again; a finding kept in the edited paragraphs that
    the edit moved in the order)."""
    if len(rows) != len(change.before) + len(change.removed):
        return None
    now = dict(zip(map(id, change.before), change.after, strict=True))
    same = same_spans(change.removed, change.added, edit)
    now.update(same)
    mapped = list(map(now.get, map(id, rows)))
    old_kept = list(map(is_not, mapped, repeat(None)))
    gone = set(map(id, compress(rows, map(not_, old_kept))))
    if gone != set(map(id, change.removed)) - same.keys():
        return None  # the rows are of another pass (one the window never showed came between)
    kept = list(filter(None, mapped))  # the kept rows' findings now (a finding is never false)
    if order.column == STATUS_COLUMN and (
        same or any(map(ne, map(_ID, change.before), map(_ID, change.after)))
    ):
        return None  # a new id may have another status, and so another place
    placed = {id(f) for f in same.values()}
    if placed and not still_in_place(kept, placed, order):
        return None
    added = [f for f in change.added if id(f) not in placed]
    new, new_kept = merged(kept, order.sorted(added), order.precedes)
    return row_plan(rows, new, old_kept, new_kept, _ID) if new is not None else None


def still_in_place(kept: list[Finding], moved: set[int], order: RowOrder) -> bool:
    """Does each of these kept rows (by object) still come after the row above it and before
    the one below it? (Its score may have changed with its sentence.)"""
    precedes = order.precedes
    for row in compress(count(), map(moved.__contains__, map(id, kept))):
        if row > 0 and not precedes(kept[row - 1], kept[row]):
            return False
        if row + 1 < len(kept) and not precedes(kept[row], kept[row + 1]):
            return False
    return True


def redrawn(
    old: Sequence[Finding],
    new: Sequence[Finding],
    old_kept: list[bool],
    new_kept: list[bool],
    shown: Callable[[Finding], Any],
) -> list[int]:
    """The kept rows (numbers in `new`) that show something else now: `shown` of the old row's
    finding and of the new one differ (compared at C speed, row for row)."""
    differ = map(ne, map(shown, compress(old, old_kept)), map(shown, compress(new, new_kept)))
    return list(compress(compress(count(), new_kept), differ))


class TableSnapshot(NamedTuple):
    """The table as a review began: its list of rows (by identity: a plan is for that list
    alone), a copy of it to read in another thread, its order, and DraftResolutions' generation
    (the resolved ids in `order` are a copy of that generation's)."""

    source: list[Finding]
    rows: list[Finding]
    order: RowOrder
    resolutions: int


class PlannedRows(NamedTuple):
    """A review's rows, planned by its worker from a snapshot of the table (None: the change
    cannot be followed, compare the lists), with the summary's counts."""

    snapshot: TableSnapshot
    edit: TextEdit
    plan: RowPlan | None
    categories: Counter[str]
    resolved: int  # how many of the findings have a resolution (as of the snapshot)


def plan_rows(
    snapshot: TableSnapshot, findings: list[Finding], change: FindingsChange | None, edit: TextEdit
) -> PlannedRows | None:
    """What the table will do with a review's findings, when it follows the core's change."""
    if change is None or len(findings) != len(change.after) + len(change.added):
        return None
    plan = carried(snapshot.rows, snapshot.order, change, edit)
    ids_resolved = snapshot.order.resolved
    resolved = sum(map(ids_resolved.__contains__, map(_ID, findings))) if ids_resolved else 0
    return PlannedRows(snapshot, edit, plan, Counter(map(_CATEGORY, findings)), resolved)


def same_spans(removed: list[Finding], added: list[Finding], edit: TextEdit) -> dict[int, Finding]:
    """The findings of the edited paragraphs that the edit did not touch: each removed one (by
    object) and the added one of the same rule on the same span (the edit's shift aside), where
    that rule and span are one finding's on either side."""
    old_keys = edit.kept_old(map(_SPAN, removed))
    new_keys = edit.old_spans(map(_SPAN, added))
    old_count, new_count = Counter(old_keys), Counter(new_keys)
    by_key = {
        key: finding
        for key, finding in zip(new_keys, added, strict=True)
        if key is not None and new_count[key] == 1 and old_count[key] == 1
    }
    return {id(old): by_key[key] for key, old in zip(old_keys, removed, strict=True) if key in by_key}


def merged(
    kept: list[Finding], added: list[Finding], precedes: Callable[[Finding, Finding], bool | None]
) -> tuple[list[Finding] | None, list[bool]]:
    """`added` (in order) put into `kept` (in order) where `precedes` places them, and which rows
    of the result were kept; None if one ties with a row (its place would be a guess)."""
    places: list[int] = []
    low = 0
    for finding in added:
        high = len(kept)
        while low < high:  # the first kept row that comes after it
            middle = (low + high) // 2
            before = precedes(kept[middle], finding)
            if before is None:
                return None, []
            if before:
                low = middle + 1
            else:
                high = middle
        if (low < len(kept) and precedes(finding, kept[low]) is None) or (
            low > 0 and precedes(kept[low - 1], finding) is None
        ):
            return None, []
        places.append(low)
    new: list[Finding] = []
    new_kept: list[bool] = []
    done = 0
    for place, finding in zip(places, added, strict=True):
        new += kept[done:place]
        new_kept += [True] * (place - done)
        new.append(finding)
        new_kept.append(False)
        done = place
    new += kept[done:]
    new_kept += [True] * (len(kept) - done)
    return new, new_kept


def runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
