"""A draft's findings in reading order with their ids, made again after an edit from the last pass.

An id is a hash of a finding's rule, text and sentence and of how many findings
with those three came before it (findings.assign_ids). After an edit in a long
draft, nearly every finding is one the last pass had, moved or not: those
before the edited paragraphs are taken as they were, those after it moved by
the edit's shift with their ids, and only findings whose (rule, text,
sentence) the edit added or took away somewhere (the "dirty" ones) are
numbered again, wherever they are. The result is the same list, ids and all,
as numbering every finding afresh; a full pass (the first, or a draft whose
paragraphs all changed) is that.

Paragraphs do not overlap, so the reading order of the paragraph findings is
each paragraph's findings sorted, paragraph after paragraph; the document
checks' findings (a missing disclosure) are merged in by the same order,
after paragraph findings of the same place.
"""

from __future__ import annotations

from bisect import insort_right
from collections.abc import Callable, Sequence
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from .findings import Finding, finding_id, sort_key

Key = tuple[str, str, str]  # rule, text, sentence: what an id is made from, with the occurrence
_KEY = attrgetter("rule", "text", "anchor")
_new = tuple.__new__


class Numbered:
    """What a pass kept for the next: each paragraph's findings (reading order, with ids), where
    the paragraph starts, its key, and the document checks' findings."""

    __slots__ = ("doc", "keys", "lists", "starts", "text_length")

    def __init__(
        self,
        keys: Sequence[object],
        starts: list[int],
        lists: list[list[Finding]],
        doc: list[Finding],
        text_length: int,
    ) -> None:
        self.keys, self.starts, self.lists, self.doc, self.text_length = keys, starts, lists, doc, text_length


class FindingsChange(NamedTuple):
    """How a pass's findings came from the last pass's, for a view that shows them to update its
    rows rather than compare ten thousand old with ten thousand new.

    `before[i]` became `after[i]`: the same finding, moved by the edit or numbered
    again (it differs from the old in its offsets or its id, nothing else). The
    last pass's other findings are `removed`, this pass's other findings `added`.
    """

    before: list[Finding]
    after: list[Finding]
    removed: list[Finding]
    added: list[Finding]


def change_from(last: Numbered, now: Numbered, region: range) -> FindingsChange:
    """The change from the last pass to this one; `region`: this pass's paragraphs not the last's
    (their findings, with the document checks', are the ones removed and added)."""
    after = len(now.lists) - region.stop
    old_after = len(last.lists) - after
    return FindingsChange(
        list(chain.from_iterable(chain(last.lists[: region.start], last.lists[old_after:]))),
        list(chain.from_iterable(chain(now.lists[: region.start], now.lists[region.stop :]))),
        [*chain.from_iterable(last.lists[region.start : old_after]), *last.doc],
        [*chain.from_iterable(now.lists[region.start : region.stop]), *now.doc],
    )


def paragraph_lists(
    last: Numbered | None,
    keys: Sequence[object],
    starts: list[int],
    text_length: int,
    results: Sequence[Sequence[Finding]],
) -> tuple[list[list[Finding]], range]:
    """Each paragraph's findings in reading order, offsets into the whole text; and the paragraphs
    that are not the last pass's (the edited stretch), whose findings have no ids yet.

    `keys` say what a paragraph is (its text and what its role depends on): a paragraph
    whose key and start are the last pass's has its findings, and one after the edit
    whose key is the same has them moved by the edit's shift.
    """
    total = len(keys)
    before = after = shift = 0
    if last is not None:
        before = _same_run(keys, last.keys, starts, last.starts)
        shift = text_length - last.text_length
        after = _same_tail(keys, last.keys, starts, last.starts, shift, min(total, len(last.keys)) - before)
    region = range(before, total - after)
    lists = last.lists[:before] if last is not None else []
    for index in region:
        start = starts[index]
        lists.append(sorted([f.shifted(start) for f in results[index]], key=sort_key))
    if last is not None and after:
        moved = last.lists[len(last.keys) - after :]
        lists.extend([_moved(found, shift) for found in moved] if shift else moved)
    return lists, region


def number(
    last: Numbered | None,
    lists: list[list[Finding]],
    region: range,
    doc: list[Finding],
    keyset_of: Callable[[int], frozenset[Key]],
) -> list[Finding]:
    """Every finding in reading order with its id; `lists` and `doc` are updated in place with theirs.

    `doc`: the document checks' findings, in the order they were made; `keyset_of(i)`:
    the (rule, text, sentence) of paragraph i's findings (asked only after an edit).
    """
    dirty = _dirty_keys(last, lists, region, doc)
    # The paragraphs to look at: the edited ones, and any other holding a dirty key.
    touched = [
        index
        for index in chain(range(region.start), range(region.stop, len(lists)))
        if not dirty.isdisjoint(keyset_of(index))
    ]
    tagged = _in_reading_order(lists, sorted([*region, *touched]), doc)
    copied: set[int] = set()
    seen: dict[Key, int] = {}
    for finding, index, slot in tagged:
        key = _KEY(finding)
        if key not in dirty:
            continue  # a paragraph's other findings keep their ids
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        numbered = finding_id(finding, occurrence)
        if numbered == finding.id:
            continue
        renamed = finding.with_id(numbered)
        if index < 0:
            doc[slot] = renamed
            continue
        if index not in copied:  # the last pass's list: its findings are not ours to change
            lists[index] = list(lists[index])
            copied.add(index)
        lists[index][slot] = renamed
    everything = list(chain.from_iterable(lists))
    for finding in sorted(doc, key=sort_key):
        insort_right(everything, finding, key=sort_key)
    return everything


def _dirty_keys(
    last: Numbered | None, lists: list[list[Finding]], region: range, doc: list[Finding]
) -> set[Key]:
    """The (rule, text, sentence) of every finding the edit added or took away, and the document
    checks' (made afresh each pass): only findings of these keys may be numbered differently."""
    dirty = set(map(_KEY, chain.from_iterable(lists[index] for index in region)))
    dirty.update(map(_KEY, doc))
    if last is not None:
        after = len(lists) - region.stop
        dirty.update(map(_KEY, chain.from_iterable(last.lists[region.start : len(last.lists) - after])))
        dirty.update(map(_KEY, last.doc))
    return dirty


def _in_reading_order(
    lists: list[list[Finding]], places: list[int], doc: list[Finding]
) -> list[tuple[Finding, int, int]]:
    """The findings of these paragraphs (in order: each list is already) with the document's merged
    in after a paragraph's of the same place; each with where it is (paragraph -1: the document's)."""
    tagged = [(f, index, slot) for index in places for slot, f in enumerate(lists[index])]
    for slot, f in sorted(enumerate(doc), key=_doc_order):
        insort_right(tagged, (f, -1, slot), key=_tagged_order)
    return tagged


def keyset(findings: Sequence[Finding]) -> frozenset[Key]:
    return frozenset(map(_KEY, findings))


def _doc_order(item: tuple[int, Finding]) -> tuple[int, int, str]:
    return sort_key(item[1])


def _tagged_order(item: tuple[Finding, int, int]) -> tuple[int, int, str]:
    return sort_key(item[0])


def _moved(found: list[Finding], shift: int) -> list[Finding]:
    """`Finding.shifted` for a paragraph's findings, each unpacked field by field in the loop (no
    call, no slices): after an edit near the top of a long draft this moves ten thousand, in
    two thirds of the time."""
    return [
        _new(Finding, (category, rule, severity, start + shift, end + shift, text, message, suggestion,
                       anchor, id_, replacements, score))
        for category, rule, severity, start, end, text, message, suggestion, anchor, id_, replacements, score
        in found
    ]  # fmt: skip


def _same_run(
    keys: Sequence[object], old_keys: Sequence[object], starts: list[int], old_starts: list[int]
) -> int:
    """How many paragraphs from the first are the same key at the same place in both passes."""
    for index in range(min(len(keys), len(old_keys))):
        if keys[index] != old_keys[index] or starts[index] != old_starts[index]:
            return index
    return min(len(keys), len(old_keys))


def _same_tail(
    keys: Sequence[object],
    old_keys: Sequence[object],
    starts: list[int],
    old_starts: list[int],
    shift: int,
    room: int,
) -> int:
    """How many paragraphs from the last are the same key, moved by `shift`, in both passes."""
    for back in range(room):
        new, old = len(keys) - 1 - back, len(old_keys) - 1 - back
        if keys[new] != old_keys[old] or starts[new] - old_starts[old] != shift:
            return back
    return room
