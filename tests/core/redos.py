"""Adversarial strings for a regular expression, built from its own structure (for the linear-time test).

For every repetition in the pattern (`x*`, `x+`, `x{2,}`), the attack is the
text that leads up to it, then what it repeats, pumped many times, then a
character that spoils the match: the shape that makes a backtracking engine
try every split. Where the repeated part has alternatives, each is pumped.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import re._constants as C
import re._parser as P
from collections.abc import Iterator

REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
SPOILERS = ("", "\x00", "!")


def sample(items) -> str:
    """A short string the (sub)pattern would plausibly match: one pass through it."""
    out = []
    for op, arg in items:
        if op is C.LITERAL:
            out.append(chr(arg))
        elif op is C.NOT_LITERAL:
            out.append("a" if arg != ord("a") else "b")
        elif op is C.ANY:
            out.append("a")
        elif op is C.IN:
            out.append(_class_member(arg))
        elif op is C.BRANCH:
            out.append(sample(arg[1][0]))
        elif op is C.SUBPATTERN:
            out.append(sample(arg[-1]))
        elif op in REPEATS:
            low, _high, sub = arg
            out.append(sample(sub) * max(low, 1))
        elif op is getattr(C, "ATOMIC_GROUP", None):
            out.append(sample(arg))
    return "".join(out)


def _class_member(items) -> str:
    negated = any(op is C.NEGATE for op, _ in items)
    if negated:
        for candidate in "a e1 .":
            if not _in_class(candidate, items):
                return candidate
        return "\x01"
    for op, arg in items:
        if op is C.LITERAL:
            return chr(arg)
        if op is C.RANGE:
            return chr(arg[0])
        if op is C.CATEGORY:
            return {
                C.CATEGORY_DIGIT: "1",
                C.CATEGORY_SPACE: " ",
                C.CATEGORY_WORD: "a",
                C.CATEGORY_NOT_DIGIT: "a",
                C.CATEGORY_NOT_SPACE: "a",
                C.CATEGORY_NOT_WORD: " ",
            }.get(arg, "a")
    return "a"


def _in_class(ch: str, items) -> bool:
    code = ord(ch)
    for op, arg in items:
        if (op is C.LITERAL and arg == code) or (op is C.RANGE and arg[0] <= code <= arg[1]):
            return True
        if op is C.CATEGORY:
            checks = {
                C.CATEGORY_DIGIT: str.isdigit,
                C.CATEGORY_SPACE: str.isspace,
                C.CATEGORY_WORD: str.isalnum,
            }
            if arg in checks and checks[arg](ch):
                return True
    return False


def pumps(pattern: re.Pattern[str]) -> Iterator[tuple[str, str]]:
    """(prefix, pumped part) for every repetition in the pattern."""
    try:
        tree = P.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    except re.error:  # pragma: no cover - compiled already, so it parses
        return
    yield from _walk(list(tree), "")


def _walk(items, prefix: str) -> Iterator[tuple[str, str]]:
    for index, (op, arg) in enumerate(items):
        before = prefix + sample(items[:index])
        if op in REPEATS:
            _low, high, sub = arg
            if high is C.MAXREPEAT or high > 50:
                yield before, sample(sub)
                for alternative in _alternatives(sub):
                    yield before, alternative
            yield from _walk(list(sub), before)
        elif op is C.SUBPATTERN:
            yield from _walk(list(arg[-1]), before)
        elif op is C.BRANCH:
            for branch in arg[1]:
                yield from _walk(list(branch), before)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            yield from _walk(list(arg[1]), before)
        elif op is getattr(C, "ATOMIC_GROUP", None):
            yield from _walk(list(arg), before)


def _alternatives(sub) -> Iterator[str]:
    """Each branch of a repeated group, pumped alone (the other branches' overlap is the danger)."""
    for op, arg in sub:
        if op is C.SUBPATTERN:
            yield from _alternatives(arg[-1])
        elif op is C.BRANCH:
            for branch in arg[1]:
                yield sample(branch)


def attacks(pattern: re.Pattern[str], size: int) -> Iterator[str]:
    """Strings of about `size` characters built to make this pattern backtrack."""
    seen = set()
    for prefix, pump in pumps(pattern):
        if not pump:
            continue
        for spoiler in SPOILERS:
            text = prefix + pump * max(1, (size - len(prefix)) // len(pump)) + spoiler
            key = (prefix, pump, spoiler)
            if key not in seen:
                seen.add(key)
                yield text


def every_pattern() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every regular expression the core compiles: in its modules, and from the rule data."""
    import reviewapp.core as core
    from reviewapp.core.rules import LEXICON_CATEGORIES, _patterns_file, builtin_rules, pattern_list

    seen: set[tuple[str, int]] = set()

    def once(name: str, regex: re.Pattern[str]) -> Iterator[tuple[str, re.Pattern[str]]]:
        if isinstance(regex.pattern, str) and (regex.pattern, regex.flags) not in seen:
            seen.add((regex.pattern, regex.flags))
            yield name, regex

    for module_info in pkgutil.walk_packages(core.__path__, "reviewapp.core."):
        module = importlib.import_module(module_info.name)
        for attribute, value in vars(module).items():
            values = value if isinstance(value, tuple | list) else (value,)
            for item in values:
                if isinstance(item, re.Pattern):
                    yield from once(f"{module_info.name}.{attribute}", item)
    for category in LEXICON_CATEGORIES:
        for rule in builtin_rules(category):
            for gated in rule.patterns:
                yield from once(rule.name, gated.regex)
            if rule.whole_paragraph:
                yield from once(f"{rule.name} (whole line)", rule.full_regex())
    for name in _patterns_file():
        entry = pattern_list(name)
        for part in getattr(entry, "parts", (entry,)):
            yield from once(f"patterns.toml {name}", part.regex)
