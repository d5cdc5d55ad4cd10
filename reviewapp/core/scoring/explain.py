"""Every highlight explains itself: the features that drove a score, in an editor's words."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..rules import word_list
from .features import START, Token, token_class

# What a shape or rule cue means to an editor; features not named here say nothing readable.
_CUE_WORDS = {
    "s:pct": "a figure",
    "s:money": "a figure",
    "s:numword": "a figure",
    "w:<num>": "a figure",
    "r:figure": "a figure",
    "w:<year>": "a date",
    "r:dated": "a date",
    "r:name": "a named person or organisation",
    "s:cap": "a named person or organisation",
    "r:reported": "a reported statement",
    "r:acting": "a named party doing something",
    "r:record": "a statement of record",
    "r:comparison": "a comparison",
    "r:change": "a change over time",
    "r:trend": "a trend",
    "r:superlative": "a superlative",
    "r:prediction": "a prediction",
    "r:will": "a prediction",
}
_FIGURE_FEATURES = frozenset(("s:pct", "s:money", "s:numword", "w:<num>"))
# What a feature reads as, and whether it says anything, kept once worked out: a learned claim's
# reasons look through some twenty features, most of them seen in an earlier sentence.
_KEPT_FEATURES = 20_000
# A number's placeholder in a feature, as an editor reads it within the feature's words.
_PLACEHOLDERS = {"<num>": "[number]", "<year>": "[year]", "<label>": "[number]"}


@lru_cache(maxsize=_KEPT_FEATURES)
def _words_of(feature: str) -> str | None:
    """A word or word-pair feature's words (a number's placeholder among them, "a <num>"); None
    for other features, and for a number alone."""
    if feature.startswith("w:"):
        words = [feature[2:]]
    elif feature.startswith("b:"):
        words = [w for w in feature[2:].split(" ") if w != START]
    else:
        return None
    if not words or all(w in _PLACEHOLDERS for w in words):
        return None
    return " ".join(words)


def shown(words: str) -> str:
    """Words as an editor reads them, quoted, a number's placeholder in brackets ("a <num>" is
    “a [number]”; it read “a a number”). A number alone is no feature shown (_words_of)."""
    return "“" + " ".join(_PLACEHOLDERS.get(word, word) for word in words.split(" ")) + "”"


def claim_reasons(
    drivers: Sequence[tuple[str, float]],
    attributed: bool,
    limit: int = 3,
    figure: bool = True,
    names: frozenset[str] = frozenset(),
    named: bool = True,
) -> list[str]:
    """Why a sentence reads as check-worthy: "a figure", "a named person or organisation", "'voted'".
    `figure`: do the rules see a figure in it? If not, its number is a date's, a name's or a time's
    ("May 4", "Route 9", "two days later"), and "a figure" would send the editor to the wrong word.
    `names`: the words of the names in it, in lower case: "Leo Grant" drives a score as "grant"
    (the word of federal grants), which told the editor "“grant”"; a name is "a named person".
    `named`: do the rules see a name in it? If not, its capital after the first word is a month's
    or a heading's ("Sentencing is set for Feb. 3."), and no "named person" is there to check."""
    reasons: list[str] = []
    for feature, _ in drivers:
        if (not figure and feature in _FIGURE_FEATURES) or (not named and feature == "s:cap"):
            continue
        words = _words_of(feature)
        if words and (_says_nothing(words) or (names and names.issuperset(words.split(" ")))):
            words = None  # "in the" drives a score, but tells the editor nothing
        reason = _CUE_WORDS.get(feature) or (shown(words) if words else None)
        if reason and reason not in reasons:
            reasons.append(reason)
        if len(reasons) == limit:
            break
    if not attributed:
        reasons.append("no source")
    return reasons


@lru_cache(maxsize=_KEPT_FEATURES)
def _says_nothing(words: str) -> bool:
    function_words = word_list("function_words")
    return all(word in function_words for word in words.split(" "))


def hedge_words(drivers: Sequence[tuple[str, float]], limit: int = 3) -> list[str]:
    """The words that make a sentence read as hedged or vague, strongest first, as shown."""
    words: list[str] = []
    for feature, _ in drivers:
        text = _words_of(feature)
        if text and text not in words and not any(text in w or w in text for w in words):
            words.append(text)
        if len(words) == limit:
            break
    return list(map(shown, words))


def driver_span(drivers: Sequence[tuple[str, float]], tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Where in the sentence the strongest word or word pair stands (offsets of its tokens)."""
    classes = [token_class(t[2]) for t in tokens]
    for feature, _ in drivers:
        if feature.startswith("w:"):
            word = feature[2:]
            for i, c in enumerate(classes):
                if c == word:
                    return tokens[i][0], tokens[i][1]
        elif feature.startswith("b:"):
            first, _, second = feature[2:].partition(" ")
            if first == START:
                if classes and classes[0] == second:
                    return tokens[0][0], tokens[0][1]
                continue
            for i in range(len(classes) - 1):
                if classes[i] == first and classes[i + 1] == second:
                    return tokens[i][0], tokens[i + 1][1]
    return None
