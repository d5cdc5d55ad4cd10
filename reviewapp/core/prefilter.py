"""Which of many rule patterns may match a text, found in one pass by an RE2 pattern set.

Python's engine tries a rule's patterns one by one, each scanning the text;
trigger words (patterns.py) spare it most, but a sentence still met every
pattern its paragraph's words let through, and most failed. An RE2 set reads
the text once, in C++, for all of them, and says which can match.

RE2 has no look-arounds, possessive quantifiers or back-references, and its
classes are not Python's. So each pattern goes into the set as a looser one
that matches wherever the original can (look-arounds and word boundaries
left out, quantifiers made plain, `\\w`, `\\d` and `\\s` written as Python
reads them in Unicode, case folded as Python folds it); the set only decides
which patterns to try, and Python's engine still finds every match. A
pattern that cannot be loosened this way (a back-reference, a negated class
of categories) is always tried. Tests hold the loosening to its promise on
every rule's examples and on generated text, and the findings equal to those
found without the set.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .kept import KeptTable

try:  # the engine's own parser: private, so the set is used only if it is there as expected
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python versions
    sre = sre_parse = None


_VERSION = 1  # of the loosening: raised whenever what it makes of a pattern changes


class _Unsupported(Exception):
    """A construct with no looser RE2 form here."""


# Python's \w, \d and \s on str, loosened to their ASCII characters and any other: RE2's Unicode
# classes (\pL) made the sets' programs ten times as big and as slow to build, for letters the
# rules' words hardly ever have.
_NON_ASCII = r"\x{80}-\x{10ffff}"
_WORD = r"0-9A-Z_a-z" + _NON_ASCII
_DIGIT = r"0-9" + _NON_ASCII
_SPACE = r"\t-\r\x{1c}-\x{20}" + _NON_ASCII
_ANY = r"(?s:.)"
_ZERO_WIDTH = frozenset((sre.AT, sre.ASSERT, sre.ASSERT_NOT)) if sre is not None else frozenset()
_IN_CLASS = {"CATEGORY_WORD": _WORD, "CATEGORY_DIGIT": _DIGIT, "CATEGORY_SPACE": _SPACE}
# Ignoring case, Python's engine takes "i" for "İ" and "ı" too (their simple lower or upper case
# is "i" or "I"), where RE2's case folding does not: such letters are written out. The only
# such letters (a test compares the two engines' folding over every cased character).
_PYTHON_FOLDS = {"i": "İı", "I": "İı", "İ": "iIı", "ı": "iIİ"}


def loosened(source: str, flags: int = 0) -> str | None:
    """An RE2 pattern that matches wherever `source` (a Python pattern) can; None when there is
    none here. Kept between runs (kept.py): Python's parser, written in Python, took 10 ms for
    the claim patterns alone."""
    key = (source, int(flags))
    kept = _KEPT.get(key)
    if kept is not None:
        return kept or None
    loose = _loosened(source, flags)
    _KEPT.add(key, loose or "")
    return loose


def _decode(data: Any) -> dict[tuple[str, int], str]:
    return {(source, flags): loose for source, flags, loose in data}


def _encode(table: dict[tuple[str, int], str]) -> list[list[Any]]:
    return [[source, flags, loose] for (source, flags), loose in table.items()]


# Named with the loosening's version: a change to it must not read an older one's patterns.
_KEPT = KeptTable(f"re2-loose-{_VERSION}", 500, _decode, _encode)


def _loosened(source: str, flags: int) -> str | None:
    if sre_parse is None:
        return None
    try:
        parsed = sre_parse.parse(source, flags)
        if parsed.state.flags & re.ASCII:
            return None  # ASCII classes: not what the Unicode classes here stand for
        body = _sequence(parsed.data, bool(parsed.state.flags & re.IGNORECASE))
    except (_Unsupported, re.error, AttributeError, TypeError, ValueError):
        return None
    return body


def _sequence(
    items: Sequence[tuple[Any, Any]], fold: bool, at_start: bool = True, at_end: bool = True
) -> str:
    """The items in a row. A look-behind before all of them at the pattern's start, and a
    look-ahead after all of them at its end, are kept as text to match ("about (?=\\d)" as
    "about \\d": where the pattern matches, so does that), since they are what tells most
    patterns' matches apart; other look-arounds are left out."""
    consuming = [i for i, (op, _) in enumerate(items) if op not in _ZERO_WIDTH]
    first = consuming[0] if consuming else len(items)
    last = consuming[-1] if consuming else len(items)
    behind = _kept_assert(items[:first], -1) if at_start else None
    ahead = _kept_assert(items[last + 1 :], 1) if at_end and consuming else None
    out = [] if behind is None else ["(?:" + _sequence(behind, fold, True, False) + ")"]
    for i, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            if op is sre.AT:
                out.append(_item(op, av, fold))
            continue
        start_here = at_start and behind is None and i == first
        end_here = at_end and ahead is None and i == last
        out.append(_item(op, av, fold, start_here, end_here))
    if ahead is not None:
        out.append("(?:" + _sequence(ahead, fold, False, True) + ")")
    return "".join(out)


def _kept_assert(items: Sequence[tuple[Any, Any]], direction: int) -> Any:
    """The pattern of the first positive look-around this way among zero-width `items`, if any."""
    for op, av in items:
        if op is sre.ASSERT and av[0] == direction:
            return av[1]
    return None


def _item(op: Any, av: Any, fold: bool, at_start: bool = False, at_end: bool = False) -> str:
    if op is sre.LITERAL:
        return _literal(av, fold)
    if op is sre.NOT_LITERAL:
        return "[^" + _class_chars([av], fold) + "]"
    if op is sre.ANY:
        return _ANY  # with or without DOTALL: looser is allowed
    if op is sre.IN:
        return _class(av, fold)
    if op is sre.CATEGORY:
        return _category(av)
    if op is sre.BRANCH:
        return "(?:" + "|".join(_sequence(branch, fold, at_start, at_end) for branch in av[1]) + ")"
    if op is sre.SUBPATTERN:
        _, add, remove, pattern = av
        inner_fold = (fold or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return "(?:" + _sequence(pattern, inner_fold, at_start, at_end) + ")"
    if op is sre.ATOMIC_GROUP:
        return "(?:" + _sequence(av, fold, at_start, at_end) + ")"
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, pattern = av
        # Counted repetition, spelt out copy by copy in RE2's program, loosened to "any number"
        # ("[a-z]{3,}est" to "[a-z]+est"): the programs a fifth of the size.
        count = "*" if low == 0 else "+"
        return "(?:" + _sequence(pattern, fold, False, False) + ")" + count
    if op is sre.AT:
        if av in (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY):
            return ""
        if av in (sre.AT_BEGINNING, sre.AT_BEGINNING_LINE):
            return "(?m:^)"  # also at a line's start: looser than without MULTILINE
        if av in (sre.AT_END, sre.AT_END_LINE):
            return "(?m:$)"
        if av is sre.AT_BEGINNING_STRING:
            return r"\A"
        if av is sre.AT_END_STRING:
            return r"\z"
    raise _Unsupported(str(op))


def _literal(code: int, fold: bool) -> str:
    char = chr(code)
    extra = _PYTHON_FOLDS.get(char, "") if fold else ""
    if extra:
        return "[" + _class_chars([code, *map(ord, extra)], fold) + "]"
    if fold and char.lower() != char.upper():
        return "(?i:" + _char(code) + ")"
    return _char(code)


def _char(code: int) -> str:
    char = chr(code)
    return char if char.isascii() and char.isalnum() else f"\\x{{{code:x}}}"


def _class_chars(codes: Sequence[int], fold: bool) -> str:
    chars = [*codes]
    if fold:
        chars += [ord(extra) for code in codes for extra in _PYTHON_FOLDS.get(chr(code), "")]
    return "".join(_char(code) for code in dict.fromkeys(chars))


def _class(items: Sequence[tuple[Any, Any]], fold: bool) -> str:
    negated = False
    parts: list[str] = []
    for op, av in items:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            parts.append(_class_chars([av], fold))
        elif op is sre.RANGE:
            low, high = av
            parts.append(_char(low) + "-" + _char(high))
            if fold:  # the letters Python folds to one in the range, which RE2 does not
                extra = {e for c, es in _PYTHON_FOLDS.items() if low <= ord(c) <= high for e in es}
                parts.append(_class_chars(sorted(map(ord, extra)), False))
        elif op is sre.CATEGORY and av.name in _IN_CLASS:
            parts.append(_IN_CLASS[av.name])
        elif op is sre.CATEGORY and not negated:
            return _ANY  # \W, \D or \S among others: any character, looser
        else:
            raise _Unsupported("class")
    body = "".join(parts)
    if negated:  # unfolded, it leaves out fewer characters than Python's: looser, as it may be
        return "[^" + body + "]"
    return ("(?i:[" + body + "])") if fold else ("[" + body + "]")


def _category(category: Any) -> str:
    if category.name in _IN_CLASS:
        return "[" + _IN_CLASS[category.name] + "]"
    return _ANY  # \W, \D, \S: looser as any character


class PatternSet:
    """Many Python patterns, and which of them may match a text, in one call.

    `may_match(text)` gives the positions (in the order given) of the patterns
    that can match somewhere in `text`: every one that does, perhaps more;
    None when the set cannot tell (RE2 missing, or text it cannot read).
    """

    def __init__(self, patterns: Sequence[tuple[str, int]]) -> None:
        self._set: Any = None
        self.always: frozenset[int] = frozenset()  # those with no looser form, tried on every text
        re2 = _re2()
        if re2 is None or not patterns:
            return
        options = re2.Options()
        options.log_errors = False  # a pattern it refuses is tried always, not told on stderr
        options.max_mem = _MAX_MEM
        pattern_set = re2.Set.SearchSet(options)
        self._slots: list[int] = []  # the set's index -> the pattern's position
        always: list[int] = []
        for position, (source, flags) in enumerate(patterns):
            loose = loosened(source, flags)
            try:
                if loose is None:
                    raise ValueError(source)
                pattern_set.Add(loose)
            except Exception:  # re2.error, or nothing to add: tried always
                always.append(position)
                continue
            self._slots.append(position)
        try:
            pattern_set.Compile()
        except Exception:  # too big for its memory: every pattern tried, as without a set
            return
        self._set = pattern_set
        self.always = frozenset(always)

    @property
    def active(self) -> bool:
        return self._set is not None

    def may_match(self, text: str) -> list[int] | None:
        if self._set is None:
            return None
        try:
            hits = self._set.Match(text)
        except UnicodeEncodeError:  # a lone surrogate: not UTF-8, which RE2 reads
            return None
        if not hits:  # None, from RE2, where nothing matches
            return sorted(self.always)
        slots = self._slots
        found = [slots[index] for index in hits]
        if self.always:
            found += self.always
        found.sort()
        return found


def _re2() -> Any:
    """The RE2 module, imported when a set is first made (2 ms: not on every command's path)."""
    try:
        import re2
    except ImportError:  # pragma: no cover - a platform without its wheel: patterns gated by words only
        return None
    return re2


# Memory for each set's program and its DFA's states (RE2's default is 8 MB; the rules' sets
# need well under 1 MB, and the DFA, when it fills this, starts again rather than fail).
_MAX_MEM = 32 << 20
