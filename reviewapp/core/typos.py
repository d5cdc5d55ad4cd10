"""Misspelt words of an AI disclosure ("AI assistence", "reviewd by"), without a dictionary.

A legal notice with a typo reads as unreviewed, and LanguageTool is not always
there. The disclosure's own vocabulary is short (words.toml's
`disclosure_words`), so each word's likely typos are made from it: a letter
dropped (not the last: "generate" is a word), two letters swapped, a consonant
doubled, one vowel for another. None of these 1,272 typos of the list's words
is a word of the 15,319 training sentences (../shared/train), so a word of the
disclosure that is one of them is taken for a typo of its word.
"""

from __future__ import annotations

import re
from functools import cache

from .rules import word_list

_VOWELS = "aeiou"
_WORD = re.compile(r"[^\W\d_]{6,}")  # a typo of a word of 7 letters or more has 6 at least


def typos(word: str) -> set[str]:
    """The likely typos of `word` (lower case), as this module's docstring says."""
    found: set[str] = set()
    for i, letter in enumerate(word):
        if i < len(word) - 1:
            found.add(word[:i] + word[i + 1 :])  # dropped
            if letter != word[i + 1]:
                found.add(word[:i] + word[i + 1] + letter + word[i + 2 :])  # swapped
        if letter in _VOWELS:
            found.update(word[:i] + vowel + word[i + 1 :] for vowel in _VOWELS if vowel != letter)
        else:
            found.add(word[: i + 1] + letter + word[i + 1 :])  # doubled
    found.discard(word)
    return found


@cache
def typo_words() -> frozenset[str]:
    """Every typo looked for: a paragraph with none of them (nearly all) needs no more work."""
    return frozenset(_corrections())


@cache
def _corrections() -> dict[str, str]:
    """Each typo of a disclosure word, and the word."""
    words = word_list("disclosure_words")
    corrections: dict[str, str] = {}
    for word in sorted(words):
        for typo in typos(word):
            if typo not in words:
                corrections.setdefault(typo, word)
    return corrections


def misspellings(text: str) -> list[tuple[int, int, str]]:
    """(start, end, correction) of each misspelt disclosure word in `text`, the correction in the
    typo's case ("Artifical" → "Artificial")."""
    corrections = _corrections()
    found = []
    for match in _WORD.finditer(text):
        typo = match.group()
        right = corrections.get(typo.lower())
        if right is not None:
            found.append((match.start(), match.end(), _in_case_of(typo, right)))
    return found


def _in_case_of(typo: str, word: str) -> str:
    if typo.isupper():
        return word.upper()
    return word.capitalize() if typo[:1].isupper() else word


def corrected(text: str, found: list[tuple[int, int, str]] | None = None) -> str:
    """`text` with each misspelt disclosure word put right (offsets move: for reading it only);
    `found`: its misspellings, when already looked for."""
    out, last = [], 0
    for start, end, right in misspellings(text) if found is None else found:
        out += [text[last:start], right]
        last = end
    return "".join([*out, text[last:]])
