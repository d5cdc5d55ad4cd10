"""How the findings table's rows change after an edit: which rows stay, where new ones go.

Plain functions over lists of findings (no Qt): the model (findings_model.py)
turns their answers into rows removed, inserted and redrawn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from operator import attrgetter

from ...core.diffing import TextEdit
from ...core.findings import Finding

_SPAN = attrgetter("rule", "start", "end")


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
