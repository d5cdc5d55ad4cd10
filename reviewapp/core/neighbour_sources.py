"""Sources a paragraph has in its neighbours, found for every paragraph with the other flags
(roles.paragraph_contexts) and read by the claim check: the paragraph above ends with figures or a
forecast and their source ("…fell to 6.2%, Freddie Mac said."), which the first sentence below may
go on from; the lead's figures are given with their source in the paragraph under it (delayed
attribution: "With all precincts reporting, Garcia had 58%…, according to unofficial results…").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .document import at_most_words
from .metadata import HEAD_LINES
from .rules import single_pattern
from .text import last_sentence_start, split_sentences

FIGURES, FORECAST = 1, 2  # what the last sentence of a paragraph gives with its source

_SOURCED_TAIL = 400  # characters: the last sentence is looked for in the paragraph's end
# Characters: a source at the end ("…, according to …", "…, Acme said Tuesday, the first…"), or
# at the start of a last sentence ("Acme said Tuesday that its profit fell 18%."), is in these.
_CLOSE_TAIL = 200


def _names_a_source(end: str) -> bool:
    """Has a paragraph's end one of the words of sourced_close and sourced_open? Each `in` at C
    speed, with no call between (a third faster than any() over the words: every paragraph asks)."""
    return (
        " said" in end
        or "according to" in end
        or " says" in end
        or " report" in end
        or " announc" in end
        or " estimat" in end
        or " show" in end
        or " warn" in end
        or " predict" in end
    )


_QUOTATION_MARKS = frozenset('"“”')
_DIGIT = re.compile(r"\d")
# The words that make a sentence a forecast here and in the claim check's forecasts that go on.
MODALS = frozenset(("could", "may", "might", "would", "will", "should", "expected", "likely"))
_MODAL = re.compile(rf"\b(?:{'|'.join(sorted(MODALS))})\b")
_FIGURE_OR_MODAL = re.compile(rf"\d|{_MODAL.pattern}")
_LEAD_WORDS = 12  # a title, a byline or a dateline is shorter, or no sentence


def lead_index(texts: Sequence[str]) -> int | None:
    """The lead: the first paragraph near the top that is a sentence of some length."""
    for index, text in enumerate(texts[:HEAD_LINES]):
        if text.rstrip().endswith((".", "”", '"')) and not at_most_words(text, _LEAD_WORDS - 1):
            return index
    return None


def opens_with_sourced_figures(text: str) -> bool:
    """Does the paragraph open with figures and their source ("With all precincts reporting,
    Garcia had 58% of the vote, according to unofficial results…")? Reporters source a lead so,
    in the paragraph under it."""
    start = text[: _SOURCED_TAIL * 4]  # a paragraph may be megabytes
    if not _names_a_source(start) or _DIGIT.search(start) is None:
        return False  # most: not cut into sentences
    sentences = split_sentences(start)
    first = sentences[0].text if sentences else ""
    return (
        _DIGIT.search(first) is not None
        and _QUOTATION_MARKS.isdisjoint(first)
        and single_pattern("sourced_close").regex.search(first) is not None
    )


@lru_cache(maxsize=1 << 16)  # each pass asks of every paragraph; an edit changes one
def closes_with_source(text: str) -> int:
    """What the paragraph's last sentence gives with its source: FIGURES ("…fell to 6.2%, Freddie
    Mac said.", "Acme said Tuesday that its profit fell 18%."), FORECAST ("…, forecasters said
    travel could be very difficult."), both, or 0 (neither, or someone's quoted words)."""
    text = text.rstrip()
    near_end = max(0, len(text) - _SOURCED_TAIL)
    # Most paragraphs are passed over at C speed, with no source's words near their end (nor a
    # figure or a modal); the sentence is cut only for the few that pass.
    if not _names_a_source(text[-_CLOSE_TAIL:]):
        return 0
    if _FIGURE_OR_MODAL.search(text, near_end) is None:
        return 0
    tail = text[near_end:]
    start = last_sentence_start(tail, 0, len(tail)) or 0
    last = tail[start:]
    if not _QUOTATION_MARKS.isdisjoint(last):
        return 0
    gives = (FIGURES if _DIGIT.search(last) else 0) | (FORECAST if _MODAL.search(last) else 0)
    if not gives:
        return 0
    at_end = single_pattern("sourced_close").regex.search(text, max(0, len(text) - _CLOSE_TAIL))
    if at_end is not None and at_end.start() >= near_end + start:
        return gives
    return gives if single_pattern("sourced_open").regex.match(last) is not None else 0
