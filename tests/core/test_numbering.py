"""A pass's findings numbered from the last pass (core/numbering.py) equal numbering them afresh."""

from __future__ import annotations

import random
from itertools import pairwise

from reviewapp.core.findings import Finding, assign_ids, new_finding, sort_key
from reviewapp.core.numbering import InOrder, Numbered, keyset, number, paragraph_findings

RULES = ("hedge.vague", "claim.figure")
WORDS = ("many", "some")
SENTENCES = ("A.", "B.")  # few keys: most findings repeat one another's (rule, text, sentence)


def paragraph(rng: random.Random, length: int) -> list[Finding]:
    """Findings relative to a paragraph of `length` characters, in the order a check makes them."""
    out = []
    for _ in range(rng.randrange(0, 4)):
        start = rng.randrange(0, length)
        end = min(length, start + rng.randrange(0, 4))
        rule = rng.choice(RULES)
        out.append(new_finding(rule.split(".")[0], rule, "warning", start, end, rng.choice(WORDS), "m", None,
                               rng.choice(SENTENCES)))  # fmt: skip
    return out


def document_findings(rng: random.Random, size: int) -> list[Finding]:
    """What the document checks found: sometimes a key the paragraphs have too."""
    out = []
    for _ in range(rng.randrange(0, 3)):
        start = rng.randrange(0, size)
        rule = rng.choice(RULES)
        out.append(new_finding(rule.split(".")[0], rule, "error", start, start, rng.choice(WORDS), "d", None,
                               rng.choice(SENTENCES)))  # fmt: skip
    return out


def test_numbering_after_edits_equals_numbering_afresh():
    rng = random.Random(5)
    for _ in range(300):
        # A draft of paragraphs of 10 characters, one apart; each paragraph's key is its text.
        count = rng.randrange(1, 12)
        keys: list[object] = [f"p{n}" for n in range(count)]
        results = [paragraph(rng, 10) for _ in range(count)]
        last: Numbered | None = None
        for _ in range(4):
            starts = [11 * n for n in range(len(keys))]
            size = 11 * len(keys)
            doc = document_findings(rng, size)
            flat, bounds, region = paragraph_findings(last, keys, starts, size, results)
            # Each paragraph's findings where `bounds` says, in reading order, ids aside.
            assert [[f.with_id("") for f in flat[a:b]] for a, b in pairwise(bounds)] == [
                sorted([f.shifted(start) for f in found], key=sort_key)
                for start, found in zip(starts, results, strict=True)
            ]
            expected = assign_ids([*(f.with_id("") for f in flat), *doc])
            keysets = [keyset(found) for found in results] if last is not None else []
            numbered = number(last, flat, bounds, region, doc, keysets)
            assert numbered == expected
            # What the next pass starts from carries the same ids, paragraph by paragraph.
            assert flat == [f for f in expected if f.message == "m"]
            assert sorted(doc, key=sort_key) == [f for f in expected if f.message == "d"]
            last = Numbered(list(keys), starts, flat, bounds, doc, size)
            # An edit: a paragraph changed, added or taken away; the rest move with it.
            where = rng.randrange(len(keys))
            change = rng.choice(("edit", "add", "remove"))
            if change == "edit":
                keys[where] = f"{keys[where]}'"
                results[where] = paragraph(rng, 10)
            elif change == "add":
                keys.insert(where, f"new{rng.random()}")
                results.insert(where, paragraph(rng, 10))
            elif len(keys) > 1:
                del keys[where], results[where]


def test_a_first_pass_numbered_as_each_paragraph_comes_equals_numbering_afresh():
    """InOrder gives each paragraph's findings their ids as they come (the analysis's forked
    processes still at work); a document finding then renumbers the later ones of its key."""
    rng = random.Random(7)
    for _ in range(300):
        count = rng.randrange(1, 12)
        results = [paragraph(rng, 10) for _ in range(count)]
        starts = [11 * n for n in range(count)]
        size = 11 * count
        doc = document_findings(rng, size)
        first = InOrder()
        for start, found in zip(starts, results, strict=True):
            first.add(start, found)
        flat, bounds, _ = paragraph_findings(None, list(range(count)), starts, size, results)
        assert first.bounds == bounds
        assert [f.with_id("") for f in first.flat] == flat
        expected = assign_ids([*flat, *doc])
        assert first.finish(doc) == expected
        # Kept for the next pass with the same ids as numbering afresh gives them.
        assert first.flat == [f for f in expected if f.message == "m"]
        assert sorted(doc, key=sort_key) == [f for f in expected if f.message == "d"]
