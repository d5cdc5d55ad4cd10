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
each paragraph's findings sorted, paragraph after paragraph: they are kept in
one list, with where each paragraph's begin (so that the findings before an
edit are one slice of the last pass's list, and those after it are moved in
one pass, not paragraph by paragraph). The document checks' findings (a
missing disclosure) are merged in by the same order, after paragraph findings
of the same place.
"""

from __future__ import annotations

from bisect import insort_right
from collections.abc import Sequence
from itertools import compress, count, repeat
from operator import add, attrgetter, not_
from typing import NamedTuple

from .findings import Finding, finding_id, sort_key

Key = tuple[str, str, str]  # rule, text, sentence: what an id is made from, with the occurrence
_KEY = attrgetter("rule", "text", "anchor")
_new = tuple.__new__


class Numbered:
    """What a pass kept for the next: every paragraph's findings in reading order, with ids
    (paragraph i's are `flat[bounds[i]:bounds[i + 1]]`), where each paragraph starts, its key,
    and the document checks' findings."""

    __slots__ = ("bounds", "doc", "flat", "keys", "starts", "text_length")

    def __init__(
        self,
        keys: Sequence[object],
        starts: list[int],
        flat: list[Finding],
        bounds: list[int],
        doc: list[Finding],
        text_length: int,
    ) -> None:
        self.keys, self.starts, self.flat, self.bounds = keys, starts, flat, bounds
        self.doc, self.text_length = doc, text_length


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
    first, past = now.bounds[region.start], now.bounds[region.stop]
    old_past = _old_bound(last, len(now.bounds) - 1, region)
    return FindingsChange(
        last.flat[:first] + last.flat[old_past:],
        now.flat[:first] + now.flat[past:],
        [*last.flat[first:old_past], *last.doc],
        [*now.flat[first:past], *now.doc],
    )


def _old_bound(last: Numbered, paragraphs: int, region: range) -> int:
    """Where, in the last pass's list, the findings of the paragraphs after the region begin
    (`paragraphs`: how many this pass has)."""
    after = paragraphs - region.stop
    return last.bounds[len(last.bounds) - 1 - after]


def paragraph_findings(
    last: Numbered | None,
    keys: Sequence[object],
    starts: list[int],
    text_length: int,
    results: Sequence[Sequence[Finding]],
) -> tuple[list[Finding], list[int], range]:
    """Every paragraph's findings in reading order, offsets into the whole text, and where each
    paragraph's begin in that list; and the paragraphs that are not the last pass's (the edited
    stretch), whose findings have no ids yet.

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
    flat = last.flat[: last.bounds[before]] if last is not None else []
    bounds = last.bounds[: before + 1] if last is not None else [0]
    for index in region:
        start = starts[index]
        flat += sorted([f.shifted(start) for f in results[index]], key=sort_key)
        bounds.append(len(flat))
    if last is not None and after:
        first_old = len(last.keys) - after
        old_bound = last.bounds[first_old]
        moved = last.flat[old_bound:]
        flat += _moved(moved, shift) if shift else moved
        later = last.bounds[first_old + 1 :]
        delta = bounds[-1] - old_bound
        bounds += map(add, later, repeat(delta)) if delta else later
    return flat, bounds, region


def number(
    last: Numbered | None,
    flat: list[Finding],
    bounds: list[int],
    region: range,
    doc: list[Finding],
    keysets: Sequence[frozenset[Key]],
) -> list[Finding]:
    """Every finding in reading order with its id; `flat` and `doc` are updated in place with theirs.

    `doc`: the document checks' findings, in the order they were made; `keysets` (after an
    edit; none on a first pass): the (rule, text, sentence) of each paragraph's findings. A
    first pass is numbered as its paragraphs come in (InOrder, below); this numbers one too, the
    same way (the tests number first passes both ways).
    """
    dirty = _dirty_keys(last, flat, bounds, region, doc)
    # The paragraphs to look at: the edited ones, and any other holding a dirty key (sought at C
    # speed: a long draft has thousands of paragraphs, and few hold one).
    holding = compress(count(), map(not_, map(dirty.isdisjoint, keysets)))
    touched = [index for index in holding if index < region.start or index >= region.stop]
    places = sorted([*region, *touched])
    slots = [slot for index in places for slot in range(bounds[index], bounds[index + 1])]
    return _renumbered(flat, slots, doc, dirty)


class InOrder:
    """A first pass's paragraph findings, numbered as each paragraph's come in, in reading order:
    `flat` and `bounds` as paragraph_findings gives them, with ids. The draft's forked processes
    are then still analysing the paragraphs after (on one CPU this took 0.9 s of a 20 MB draft's
    check, the other idle)."""

    __slots__ = ("_seen", "bounds", "flat")

    def __init__(self) -> None:
        self.flat: list[Finding] = []
        self.bounds = [0]
        self._seen: dict[Key, int] = {}

    def add(self, start: int, findings: Sequence[Finding]) -> None:
        """The next paragraph's findings (offsets relative to its `start`): each moved and given
        its id in one new tuple (moved, then numbered, each made two: 2.4 µs a finding here, now
        1.9). Sorted before they are moved, in the same order: all move alike."""
        seen = self._seen
        get = seen.get
        flat = self.flat
        for finding in sorted(findings, key=sort_key):
            category, rule, severity, begin, end, text, message, suggestion, anchor, _, fixes, score = finding
            key = (rule, text, anchor)
            occurrence = seen[key] = get(key, -1) + 1
            numbered = finding_id(finding, occurrence)
            flat.append(
                _new(Finding, (category, rule, severity, begin + start, end + start, text, message,
                               suggestion, anchor, numbered, fixes, score))
            )  # fmt: skip
        self.bounds.append(len(flat))

    def finish(self, doc: list[Finding]) -> list[Finding]:
        """Every finding in reading order with its id, the document checks' `doc` merged in (as
        `number` gives them; `flat` and `doc` updated in place). A document finding changes the
        occurrence only of the findings after it that share its (rule, text, sentence)."""
        flat = self.flat
        if not doc:
            return flat.copy()
        dirty = set(map(_KEY, doc))
        slots = list(compress(count(), map(dirty.__contains__, map(_KEY, flat))))
        return _renumbered(flat, slots, doc, dirty)


def _renumbered(flat: list[Finding], slots: list[int], doc: list[Finding], dirty: set[Key]) -> list[Finding]:
    """Number again, in reading order, the findings of `dirty` keys among flat's `slots` (in
    order) and `doc`; then every finding in reading order, the document's merged in."""
    tagged = [(flat[slot], False, slot) for slot in slots]
    for slot, f in sorted(enumerate(doc), key=_doc_order):
        insort_right(tagged, (f, True, slot), key=_tagged_order)
    seen: dict[Key, int] = {}
    for finding, in_doc, slot in tagged:
        key = _KEY(finding)
        if key not in dirty:
            continue  # a paragraph's other findings keep their ids
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        numbered = finding_id(finding, occurrence)
        if numbered != finding.id:
            (doc if in_doc else flat)[slot] = finding.with_id(numbered)
    everything = flat.copy()
    for finding in sorted(doc, key=sort_key):
        insort_right(everything, finding, key=sort_key)
    return everything


def _dirty_keys(
    last: Numbered | None, flat: list[Finding], bounds: list[int], region: range, doc: list[Finding]
) -> set[Key]:
    """The (rule, text, sentence) of every finding the edit added or took away, and the document
    checks' (made afresh each pass): only findings of these keys may be numbered differently."""
    dirty = set(map(_KEY, flat[bounds[region.start] : bounds[region.stop]]))
    dirty.update(map(_KEY, doc))
    if last is not None:
        old_past = _old_bound(last, len(bounds) - 1, region)
        dirty.update(map(_KEY, last.flat[last.bounds[region.start] : old_past]))
        dirty.update(map(_KEY, last.doc))
    return dirty


def keyset(findings: Sequence[Finding]) -> frozenset[Key]:
    return frozenset(map(_KEY, findings))


def _doc_order(item: tuple[int, Finding]) -> tuple[int, int, str]:
    return sort_key(item[1])


def _tagged_order(item: tuple[Finding, bool, int]) -> tuple[int, int, str]:
    return sort_key(item[0])


def _moved(found: list[Finding], shift: int) -> list[Finding]:
    """`Finding.shifted` for many findings, each unpacked field by field in the loop (no call, no
    slices): after an edit near the top of a long draft this moves ten thousand, in two
    thirds of the time."""
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
