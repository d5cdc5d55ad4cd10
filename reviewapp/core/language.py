"""Does a draft read as English? The rules and the learned scores know only English.

A draft in German or Spanish raises a figure here and there and nothing else:
no hedges, no generated phrasing, no disclosure read, and that silence must
not pass for a clean review. So a draft whose words are hardly ever
English function words says so, in its warnings.

The test: the share of its words that are among English's most common
function words ("the", "of", "and", "to"...). In 2,000 random 50-word
stretches of the English training sentences (../shared/train) the lowest
share was 0.13 and the 1st percentile 0.26; news paragraphs in German,
Spanish, Italian, French and Dutch gave 0.01 to 0.06 (several of these
words are theirs too: "in", "was", "a"). Drafts under MIN_WORDS are not
judged.
"""

from __future__ import annotations

from .regex_cache import compile_rule
from .wording import sentence

ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it as was with be by on not he i this are or his from at "
    "which but have an had they you were their one all we can her has there been if more when "
    "will would who so no she its said than them what about into could also our after these "
    "out up other".split()
)
MIN_WORDS = 40
MIN_SHARE = 0.10
SAMPLE_CHARS = 20_000  # from the start: a few thousand words decide, and a 20 MB draft costs no more

NOT_ENGLISH = (
    "this draft does not read as English: reviewapp's rules and scores read English only, so "
    "most of what they look for cannot be found in it. Review it by hand."
)

# Possessive: the same words, found in half the time (no run of letters is tried again shorter).
_WORD = compile_rule(r"[^\W\d_]++(?:['’][^\W\d_]++)*+")
# The same words where the only letters are ASCII ones, in half the time again (Python's engine
# tests each character against a class of categories, "any letter", in several steps): the text
# holds nothing beyond ASCII but what an English draft does that is no letter (typographic quotes
# and apostrophes, dashes, an ellipsis, a no-break space).
_ASCII_WORD = compile_rule(r"[a-z]++(?:['’][a-z]++)*+")
_NOT_ASCII_OR_PUNCTUATION = compile_rule(r"[^\x00-\x7f‘’“”–—…\u00a0]")


def language_notes(text: str) -> tuple[str, ...]:
    """What a report says of the text's language: nothing for English (or too short to tell)."""
    return () if reads_as_english(text) is not False else (sentence(NOT_ENGLISH),)


def reads_as_english(text: str) -> bool | None:
    """Whether the start of `text` reads as English; None when it has too few words to tell."""
    sample = text[:SAMPLE_CHARS].lower()
    if _NOT_ASCII_OR_PUNCTUATION.search(sample) is None:
        words = _ASCII_WORD.findall(sample)
    else:
        words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return None
    english = sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words))
    return english >= MIN_SHARE * len(words)
