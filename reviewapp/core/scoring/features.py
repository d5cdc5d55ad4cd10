"""What a learned score reads in one sentence: its words, word pairs, shapes and the rules' cues.

Used alike when the models are trained and when a sentence is scored, so the
two cannot drift apart. Features are strings; a sentence's set of them is
looked up in a model's weights.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from operator import add, itemgetter

from ..regex_cache import compile_rule
from ..rules import word_list

Token = tuple[int, int, str, str]  # start, end, normalised, as written (see ParagraphContext.tokens)

NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million billion trillion dozen half third quarter".split()
)
START = "<s>"
NUMBER, LABEL = "<num>", "<label>"
LENGTH_STEP, LENGTH_BUCKETS = 5, 8


_DIGIT = compile_rule(r"\d")


def token_class(norm: str) -> str:
    """The word as the model reads it: years and numbers by their kind, other words as they are."""
    if norm.isalpha():  # most words: nothing to look at
        return norm
    if norm.isdigit() and len(norm) == 4 and norm[:2] in ("18", "19", "20"):
        return "<year>"
    if _DIGIT.search(norm):
        return NUMBER
    return norm


def sentence_features(tokens: Sequence[Token], text: str, cues: Iterable[str] = ()) -> set[str]:
    """The features of one sentence: `tokens` its words, `cues` what the rules saw in it."""
    features = set(text_features(tokens, text))
    features.update("r:" + cue for cue in cues)
    return features


def cue_features(cues: Iterable[str]) -> list[str]:
    return ["r:" + cue for cue in cues]


def text_features(tokens: Sequence[Token], text: str, norms: list[str] | None = None) -> AbstractSet[str]:
    """The features of one sentence's words alone (the same for every score: worked out once;
    a set the callers only read).

    Built with C-level map and join rather than a loop per word: this runs for
    every sentence of a draft. `norms`: the tokens' lower-case forms, when the caller has them.
    """
    if norms is None:
        norms = [t[2] for t in tokens]
    try:
        classes = list(map(_CLASSES.__getitem__, norms))
    except KeyError:  # a word not seen yet
        classes = list(map(_class_of, norms))
    if NUMBER in classes:  # few sentences: a number's class may depend on the word before it
        _label_numbers(classes, norms)
    try:
        features = set(map(_WORD_FEATURES.__getitem__, classes))
        lefts = list(map(_PAIR_LEFTS.__getitem__, classes[:-1]))
    except KeyError:  # a word not seen yet
        features = set(map(_word_feature, classes))
        lefts = list(map(_pair_left, classes[:-1]))
    # A pair's name made by one concatenation of the two halves ("b:the " + "council"): a format
    # of each took half as long again.
    features.update(map(add, [_PAIR_START, *lefts], classes))
    if not NUMBER_WORDS.isdisjoint(norms):
        features.add("s:numword")
    # Any word after the first written with a capital (at C speed: a lower-case run of
    # thousands of words, as scraped text can be, is looked at whole).
    if any(map(str.isupper, map(itemgetter(0), map(itemgetter(3), tokens[1:])))):
        features.add("s:cap")
    lowered = text.lower()
    if "%" in text or "percent" in lowered or "per cent" in lowered:
        features.add("s:pct")
    if _MONEY.search(text):
        features.add("s:money")
    features.add(_LENGTHS[min(len(tokens) // LENGTH_STEP, LENGTH_BUCKETS)])
    return features


def _label_numbers(classes: list[str], norms: list[str]) -> None:
    """A number after a word that labels things with numbers ("Route 9", "Chapter 11") names
    something and counts nothing: its class is <label>, not <num> (the rules see no figure there)."""
    labels = word_list("number_labels")
    for i in range(1, len(classes)):
        if classes[i] == NUMBER and norms[i - 1] in labels:
            classes[i] = LABEL


def _word_feature(word: str) -> str:
    return _kept(_WORD_FEATURES, word, "w:" + word)


def _pair_left(word: str) -> str:
    return _kept(_PAIR_LEFTS, word, f"b:{word} ")


def _class_of(norm: str) -> str:
    return _kept(_CLASSES, norm, token_class(norm))


def _kept(table: dict[str, str], word: str, value: str) -> str:
    found = table.get(word)
    if found is None:
        found = value
        if len(table) < _MAX_WORDS_KEPT:
            table[word] = value
    return found


# A word's class, feature name and the first half of a pair's name, each made once: most words of
# a draft recur, and they are then looked up at C speed, names with their hashes worked out (a
# fifth of this function's time went to making names, a fifth to the classes). Bounded, as a
# scraped page of random tokens would otherwise grow them with every new one.
_CLASSES: dict[str, str] = {}
_WORD_FEATURES: dict[str, str] = {}
_PAIR_LEFTS: dict[str, str] = {}
_MAX_WORDS_KEPT = 50_000
_PAIR_START = f"b:{START} "
_MONEY = compile_rule("[$€£¥]")
_LENGTHS = tuple(f"s:len{n}" for n in range(LENGTH_BUCKETS + 1))
