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

import re

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
# Where a draft's only letters are ASCII ones (beside them only what an English draft has that is
# no letter: typographic quotes and apostrophes, dashes, an ellipsis, a no-break space), its words
# are found in its UTF-8 bytes: every byte but a-z and the apostrophe made a space by one
# translation table, then each apostrophe that does not join two letters, and a split at the
# spaces leaves exactly the words `_WORD` finds, at C speed (a third of the time of an
# expression over the text, whose engine tests each character in several steps).
_NOT_ASCII_OR_PUNCTUATION = compile_rule(r"[^\x00-\x7f‘’“”–—…\u00a0]")
_LETTERS_AND_APOSTROPHES = bytes(b if b in b"abcdefghijklmnopqrstuvwxyz'" else 32 for b in range(256))
_LOOSE_APOSTROPHE = re.compile(rb"'(?:(?<![a-z]')|(?![a-z]))")
ENGLISH_FUNCTION_BYTES = frozenset(word.encode() for word in ENGLISH_FUNCTION_WORDS)


def language_notes(text: str) -> tuple[str, ...]:
    """What a report says of the text's language: nothing for English (or too short to tell)."""
    return () if reads_as_english(text) is not False else (sentence(NOT_ENGLISH),)


def reads_as_english(text: str) -> bool | None:
    """Whether the start of `text` reads as English; None when it has too few words to tell."""
    sample = text[:SAMPLE_CHARS].lower()
    if _NOT_ASCII_OR_PUNCTUATION.search(sample) is None:
        words: list[bytes] | list[str] = ascii_words(sample)
        function_words: frozenset[bytes] | frozenset[str] = ENGLISH_FUNCTION_BYTES
    else:
        words, function_words = _WORD.findall(sample), ENGLISH_FUNCTION_WORDS
    if len(words) < MIN_WORDS:
        return None
    english = sum(map(function_words.__contains__, words))
    return english >= MIN_SHARE * len(words)


def ascii_words(sample: str) -> list[bytes]:
    """The words `_WORD` finds in `sample` (lower case, its letters ASCII), in UTF-8, each
    typographic apostrophe a straight one."""
    letters = sample.replace("’", "'").encode().translate(_LETTERS_AND_APOSTROPHES)
    return _LOOSE_APOSTROPHE.sub(b" ", letters).split()
