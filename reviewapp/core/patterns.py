"""Gated patterns: regular expressions tried only on text that has their trigger words.

Python's regular expressions scan every position of the text for every
alternative, which is slow for long word lists. So a pattern may list
`triggers`: words of which every match contains at least one; it is tried
only on text that has a trigger (or a digit, or one of `chars`). A paragraph's
words are looked up once in a `PatternIndex` to find the patterns worth trying.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from typing import Any, Generic, NamedTuple, TypeVar

from .prefilter import PatternSet
from .regex_cache import compile_rule

# Possessive: the same words (a run of word characters is never tried again shorter), a quarter
# sooner; this finds every word of every paragraph.
WORD_RE = compile_rule(r"\w++(?:['’-]\w++)*+")
_DIGIT = compile_rule(r"\d")
GATES_ENABLED = True  # switched off only by the test that proves gating changes nothing


def normalise(word: str) -> str:
    return word.lower().replace("’", "'")


def word_set(text: str) -> frozenset[str]:
    """Lower-case words of a text, typographic apostrophes made straight (see `with_parts`)."""
    return with_parts(WORD_RE.findall(text.lower().replace("’", "'")))


def with_parts(words: Iterable[str]) -> frozenset[str]:
    """The words and the parts of each compound: "ai-generated" also gives "ai" and "generated".

    A pattern's `\bgenerated\b` matches inside "AI-generated", so its trigger
    word must be found there too.
    """
    found = set(words)
    compounds = [w for w in found if "-" in w or "'" in w]
    for word in compounds:
        found.update(_PARTS.split(word))
    return frozenset(found)


_PARTS = compile_rule("[-']")


DIGIT_TRIGGER = "<digit>"
K = TypeVar("K")


class GatedPattern:
    """A regular expression that is only tried when its trigger words are present.

    `groups` is an AND of ORs: every group must have one of its words in the
    text (the word "<digit>" stands for any digit). Plain `triggers = [...]`
    is one group. A plain class rather than a dataclass (see document.py): it
    compiles its expression on first use, and most never are on a short draft.
    """

    __slots__ = ("_compiled", "chars", "flags", "groups", "source", "substrings")

    def __init__(
        self,
        source: str,
        flags: int = 0,
        groups: tuple[frozenset[str], ...] = (),
        chars: str = "",
        substrings: tuple[str, ...] = (),
    ) -> None:
        self.source, self.flags, self.groups = source, flags, groups
        self.chars, self.substrings = chars, substrings
        self._compiled: re.Pattern[str] | None = None

    def _key(self) -> tuple[str, int, tuple[frozenset[str], ...], str, tuple[str, ...]]:
        return (self.source, self.flags, self.groups, self.chars, self.substrings)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GatedPattern) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"GatedPattern({self.source!r}, flags={self.flags})"

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled expression (with its first-character test in front)."""
        if self._compiled is None:
            self._compiled = compile_rule(self.source, self.flags, first_chars=True)
        return self._compiled

    def may_match(self, text: str, words: frozenset[str] | None = None) -> bool:
        return self.admits(TextProbe(text, word_set(text) if words is None else words))

    def admits(self, probe: TextProbe) -> bool:
        """May the expression match the text `probe` looks at?"""
        if not GATES_ENABLED or not (self.groups or self.chars or self.substrings):
            return True
        text = probe.text
        if self.chars and any(c in text for c in self.chars):  # most have none: no generator made
            return True
        if self.substrings:
            lowered = probe.lowered()
            if any(s in lowered for s in self.substrings):
                return True
        if not self.groups:
            return False
        words = probe.words
        for group in self.groups:
            if group.isdisjoint(words) and not (DIGIT_TRIGGER in group and probe.has_digit()):
                return False
        return True

    def search(self, text: str, words: frozenset[str] | None = None) -> re.Match[str] | None:
        return self.regex.search(text) if self.may_match(text, words) else None

    def finditer(self, text: str, words: frozenset[str] | None = None) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.may_match(text, words) else iter(())


class PatternIndex(Generic[K]):
    """Many gated patterns, looked up by trigger word: which may match this text?

    Checking each pattern's gate in turn costs a little per pattern per
    paragraph; looking the paragraph's words up in one table costs a little
    per paragraph. A pattern is filed under the words of its first trigger
    group; one with no triggers, or with digits, characters or substrings
    as triggers, is checked every time.
    """

    def __init__(self, entries: Iterable[tuple[K, GatedPattern]]) -> None:
        self._entries = list(entries)
        self._set: PatternSet | None = None  # made by prepare_sets, or on first use after it
        _INDEXES.add(self)
        self._by_word: dict[str, list[int]] = {}
        self._always: list[int] = []
        # Filed by word, a pattern with one trigger group needs no further test.
        self._recheck = [True] * len(self._entries)
        for i, (_, pattern) in enumerate(self._entries):
            first = pattern.groups[0] if pattern.groups else frozenset()
            if not first or DIGIT_TRIGGER in first or pattern.chars or pattern.substrings:
                self._always.append(i)
            else:
                for word in first:
                    self._by_word.setdefault(word, []).append(i)
                self._recheck[i] = len(pattern.groups) > 1
        self._triggers = frozenset(self._by_word)  # a set: intersected with a paragraph's words

    def pattern_set(self) -> PatternSet:
        if self._set is None:
            self._set = PatternSet([(pattern.source, pattern.flags) for _, pattern in self._entries])
        return self._set

    @property
    def has_set(self) -> bool:
        """Is an RE2 set answering `candidates` (see prepare_sets)?"""
        if self._set is None and _SETS_WANTED:
            self.pattern_set()
        return PREFILTER_ENABLED and self._set is not None and self._set.active

    def candidates(self, text: str, words: frozenset[str] | None = None) -> list[tuple[K, GatedPattern]]:
        """The entries that may match `text` (whose words are `words`, worked out if not given),
        in the order they were given: those the RE2 set says may, else those whose gates pass."""
        if not GATES_ENABLED:
            return list(self._entries)
        if self.has_set:
            found = self.pattern_set().may_match(text)
            if found is not None:  # None: text the set cannot read
                return self._matching(found, text, words)
        if words is None:
            words = word_set(text)
        hits = set(self._always)
        by_word = self._by_word
        for word in words & self._triggers:
            hits.update(by_word[word])
        entries, recheck = self._entries, self._recheck
        probe = TextProbe(text, words)  # the text lower-cased, and whether it has a digit: once for all
        return [entries[i] for i in sorted(hits) if not recheck[i] or entries[i][1].admits(probe)]

    def _matching(
        self, found: list[int], text: str, words: frozenset[str] | None
    ) -> list[tuple[K, GatedPattern]]:
        """The entries at `found`, those the set could not take gated by their words as before."""
        entries = self._entries
        always = self.pattern_set().always
        if not always:
            return [entries[i] for i in found]
        probe = TextProbe(text, word_set(text) if words is None else words)
        return [entries[i] for i in found if i not in always or entries[i][1].admits(probe)]


_INDEXES: weakref.WeakSet[PatternIndex[Any]] = weakref.WeakSet()  # every index alive, for prepare_sets
PREFILTER_ENABLED = True  # switched off only by the tests that prove the sets change nothing


def prepare_sets() -> None:
    """Make every index's RE2 set (4-5 ms each, and 2 ms to import RE2), from then on answering
    `candidates`; an index made later makes its own when first asked. For much text only (see
    analysis.PREFILTER_MIN_CHARS): on a short draft the sets cost more than they save. Before
    forking, so that the processes share them."""
    global _SETS_WANTED
    _SETS_WANTED = True
    for index in list(_INDEXES):
        index.pattern_set()


_SETS_WANTED = False  # prepare_sets was called: this process reads much text


class TextProbe:
    """What gates look at in one text, each worked out once, when first asked for: a paragraph
    without a digit is scanned once to learn that, not once for each pattern with a digit trigger."""

    __slots__ = ("_digit", "_lowered", "text", "words")

    def __init__(self, text: str, words: frozenset[str]) -> None:
        self.text = text
        self.words = words
        self._lowered: str | None = None
        self._digit: bool | None = None

    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def has_digit(self) -> bool:
        if self._digit is None:
            self._digit = _DIGIT.search(self.text) is not None
        return self._digit


class GatedAny(NamedTuple):
    """Several gated expressions that stand for one: a match of any of them."""

    parts: tuple[GatedPattern, ...]

    def search(self, text: str, words: frozenset[str] | None = None) -> re.Match[str] | None:
        words = word_set(text) if words is None else words
        for part in self.parts:
            match = part.search(text, words)
            if match is not None:
                return match
        return None

    def finditer(self, text: str, words: frozenset[str] | None = None) -> Iterator[re.Match[str]]:
        words = word_set(text) if words is None else words
        for part in self.parts:
            yield from part.finditer(text, words)
