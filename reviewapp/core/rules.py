"""Rules read from TOML data files (resources/rules/), so editors can extend them.

A lexicon file holds [[rule]] tables: name, severity, message, suggestion, why
(the explanation an editor sees), examples and near_misses (sentences it must
and must not flag), and `terms` (words and phrases, matched whole, by looking
tokens up in a dictionary) and/or `patterns` (regular expressions, gated by
their `triggers`: see patterns.py; `(?&name)` in one stands for a part several
share, in fragments.toml; `(?&@name)` and a trigger "@name" for words.toml's
list of that name). A straight apostrophe also matches a typographic one.
patterns.toml holds the named patterns the claim and disclosure analyzers use;
words.toml plain word lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from .document import at_most_words
from .errors import PolicyError
from .findings import SEVERITIES
from .patterns import DIGIT_TRIGGER, GatedAny, GatedPattern, PatternIndex, normalise
from .regex_cache import compile_rule
from .resources import resource_path
from .text import apostrophes
from .toml_files import read_toml

LEXICON_CATEGORIES = ("boilerplate", "hedge", "peacock", "ai_tell")


class LexiconRule(NamedTuple):
    name: str
    category: str
    severity: str
    message: str
    suggestion: str | None
    terms: tuple[str, ...]
    case_sensitive: bool
    patterns: tuple[GatedPattern, ...]
    skip_quoted: bool  # words inside a quotation are the speaker's, not the paper's
    whole_paragraph: bool  # boilerplate: the rule matches a whole short line
    max_words: int
    sentence_span: bool = False  # a match marks the whole sentence it is in
    why: str = ""  # why this is flagged, in an editor's words
    examples: tuple[str, ...] = ()  # sentences it flags (tests/core/test_rule_examples.py)
    near_misses: tuple[str, ...] = ()  # sentences close to those that it leaves alone
    fix: str | None = None  # the one-click fix it offers: one of FIXES (fixes.py)
    news_only: bool = False  # for news copy: not raised in a draft labelled opinion or review

    def describe(self, matched: str) -> tuple[str, str | None]:
        message = self.message.replace("{text}", matched)
        suggestion = self.suggestion.replace("{text}", matched) if self.suggestion else None
        return message, suggestion

    def full_regex(self) -> re.Pattern[str]:
        """Terms and patterns as one expression (for whole-line rules)."""
        parts = (
            [rf"(?<![\w-])(?:{'|'.join(_term_regex(t) for t in self.terms)})(?![\w-])"] if self.terms else []
        )
        parts.extend(p.regex.pattern for p in self.patterns)
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return compile_rule("|".join(f"(?:{p})" for p in parts), flags)


def _term_regex(term: str) -> str:
    return apostrophes(re.escape(term).replace(r"\ ", r"\s+"))


def _trigger_words(group: Sequence[str], source: Path, name: str) -> list[str]:
    """A group's trigger words, "@list" standing for words.toml's list of that name (the kinds of
    article a disclosure names, which two patterns' triggers share)."""
    words = []
    for trigger in group:
        if not trigger.startswith("@"):
            words.append(normalise(trigger))
        elif trigger[1:] in _words_file():
            words.extend(word_list(trigger[1:]))
        else:
            raise PolicyError(f"{source}: {name}: no word list named {trigger[1:]} in words.toml")
    return words


def _gated(entry: dict, source: Path, name: str, flags: int, *, check: bool = True) -> GatedPattern | None:
    """The entry's patterns as one gated expression; `check` compiles it now, to report a bad
    pattern in a house file at once (the built-in ones are compiled by the tests instead)."""
    patterns = entry.get("patterns", [])
    if not patterns:
        return None
    joined = "|".join(f"(?:{apostrophes(with_fragments(p))})" for p in patterns)
    triggers = entry.get("triggers", ())
    if triggers and isinstance(triggers[0], str):
        triggers = [triggers]
    groups = [frozenset(_trigger_words(group, source, name)) for group in triggers]
    if entry.get("digits", False):
        groups = [g | {DIGIT_TRIGGER} for g in groups] or [frozenset({DIGIT_TRIGGER})]
    gated = GatedPattern(
        source=joined,
        flags=flags,
        groups=tuple(groups),
        chars=entry.get("chars", ""),
        substrings=tuple(entry.get("substrings", ())),
    )
    if check:
        try:
            gated.regex  # noqa: B018 (compiled for its error)
        except re.error as exc:
            unknown = _FRAGMENT.findall(joined)
            why = f"no shared part named {', '.join(unknown)} in fragments.toml" if unknown else str(exc)
            raise PolicyError(f"{source}: {name}: bad pattern ({why})") from None
    return gated


FIXES = ("delete", "delete_aside", "delete_line", "delete_passage", "delete_filler")
GATED_KEYS = frozenset({"triggers", "patterns", "chars", "substrings", "digits"})
RULE_KEYS = GATED_KEYS | {
    "name", "why", "examples", "near_misses", "severity", "case_sensitive", "terms", "gated", "message",
    "suggestion", "skip_quoted", "whole_paragraph", "max_words", "span", "fix", "news_only",
}  # fmt: skip


def _check_keys(entry: dict, allowed: frozenset[str], path: Path, where: str) -> None:
    """A key a rule does not know is an error: TOML puts keys written after a [[rule.gated]]
    header into that table, where they would be silently ignored."""
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise PolicyError(f"{path}: {where} has unknown key(s) {', '.join(unknown)}")


def _fix(entry: dict, path: Path, name: str) -> str | None:
    fix = entry.get("fix")
    if fix is not None and fix not in FIXES:
        raise PolicyError(f"{path}: rule {name!r} has an unknown fix {fix!r} (use {' or '.join(FIXES)})")
    return fix


def parse_rule_file(path: Path, category: str | None = None, *, check: bool = True) -> list[LexiconRule]:
    """Rules of one file; with no category, each rule's comes from its name ("hedge.x").

    `check` compiles every pattern now (see `_gated`)."""
    try:
        data = read_toml(path)
    except (OSError, ValueError) as exc:  # unreadable, not UTF-8, or not TOML
        raise PolicyError(f"{path}: cannot read rule file ({exc})") from None
    rules = []
    for entry in data.get("rule", []):
        name = entry.get("name", "")
        severity = entry.get("severity", "suggestion")
        rule_category = category or name.partition(".")[0]
        if rule_category not in LEXICON_CATEGORIES or not name.startswith(rule_category + "."):
            raise PolicyError(
                f"{path}: rule {name!r} must be named after its category "
                f"({', '.join(c + '.' for c in LEXICON_CATEGORIES)}...)"
            )
        if severity not in SEVERITIES:
            raise PolicyError(f"{path}: rule {name!r} has an unknown severity {severity!r}")
        case_sensitive = entry.get("case_sensitive", False)
        terms = tuple(entry.get("terms", ()))
        flags = 0 if case_sensitive else re.IGNORECASE
        gated = [
            _gated(entry, path, name, flags, check=check),
            *(_gated(g, path, name, flags, check=check) for g in entry.get("gated", ())),
        ]
        _check_keys(entry, RULE_KEYS, path, f"rule {name!r}")
        for table in entry.get("gated", ()):
            _check_keys(table, GATED_KEYS, path, f"a [[rule.gated]] table of {name!r}")
        patterns = tuple(g for g in gated if g is not None)
        if not terms and not patterns:
            raise PolicyError(f"{path}: rule {name!r} has no terms or patterns")
        rules.append(
            LexiconRule(
                name=name,
                category=rule_category,
                severity=severity,
                message=entry.get("message", name),
                suggestion=entry.get("suggestion"),
                terms=terms,
                case_sensitive=case_sensitive,
                patterns=patterns,
                skip_quoted=entry.get("skip_quoted", True),
                whole_paragraph=entry.get("whole_paragraph", False),
                max_words=entry.get("max_words", 0),
                sentence_span=entry.get("span", "match") == "sentence",
                why=entry.get("why", ""),
                examples=tuple(entry.get("examples", ())),
                near_misses=tuple(entry.get("near_misses", ())),
                fix=_fix(entry, path, name),
                news_only=entry.get("news_only", False),
            )
        )
    return rules


@cache
def builtin_rules(category: str) -> tuple[LexiconRule, ...]:
    # Shipped rules are compiled when first needed: a short draft never needs most.
    return tuple(parse_rule_file(resource_path("rules", f"{category}.toml"), category, check=False))


@cache
def house_rules(
    extra_files: tuple[Path, ...], disabled: frozenset[str]
) -> dict[str, tuple[LexiconRule, ...]]:
    """The word-list rules of each category under a policy: built-in and house files, less the disabled."""
    extra = [rule for path in extra_files for rule in parse_rule_file(path)]
    return {
        category: tuple(
            rule
            for rule in (*builtin_rules(category), *(r for r in extra if r.category == category))
            if rule.name not in disabled
        )
        for category in LEXICON_CATEGORIES
    }


def whole_line_rule(text: str, rules: Sequence[LexiconRule]) -> LexiconRule | None:
    """The first whole-line rule (page furniture) that this short paragraph matches."""
    most, prepared, gated, index = whole_line_rules(rules)
    # A rule for a long paragraph (a press release's legal notice) is tried only where its words
    # are ("forward-looking"): counting the words of every paragraph up to its limit, and searching
    # each, cost 2 % of a folder's analysis.
    opened = _opened(text, gated)
    if most and not opened and not at_most_words(text, most):  # most paragraphs: too long for any
        return None
    if "](" in text:  # a Markdown link's words are what the page shows: "[Share on Twitter](https://…)"
        text = _MARKDOWN_LINK.sub(r"\1", text)
    # Within the largest limit now: its words counted once, not once for each rule (where a rule
    # has no limit, the text may be of any length: each limit is asked of the text itself).
    count = len(text.split()) if most else None
    # Which may match, from the rules' RE2 set where there is one (a line of a million full stops
    # is one word, within every limit: each expression took 10 ms to scan it). Their patterns have
    # no trigger words: the text's words are not needed.
    possible = {i for i, _ in index.candidates(text, frozenset())} if index.has_set else None
    for i, (limit, regex, rule, gate) in enumerate(prepared):
        if gate and i not in opened:
            continue
        if limit and (count > limit if count is not None else not at_most_words(text, limit)):
            continue
        if (possible is None or i in possible) and regex.search(text):
            return rule
    return None


def _opened(text: str, gated: list[tuple[int, tuple[str, ...]]]) -> set[int]:
    """Which gated rules (by position, with their gates) the text holds a word of."""
    if not gated:
        return set()
    lowered = text.lower()
    return {i for i, gate in gated if any(word in lowered for word in gate)}


_MARKDOWN_LINK = compile_rule(r"!?\[([^\]\n]*+)\]\([^)\s]*+(?:\s++\"[^\"\n]*+\")?\)")


def whole_line_rules(rules: Sequence[LexiconRule]) -> _WholeLines:
    """The whole-line rules of a set, each with its word limit, expression and gate (the words one
    must hold to be tried at all: its patterns' `substrings`, when each has some), the largest limit
    of the ungated ones (0 when one has none), the gated ones' positions and gates, and their
    expressions indexed by position (for an RE2 set), made once per set: this runs for every
    paragraph of a draft."""
    kept = _PREPARED.get(id(rules))
    if kept is None or kept[0] is not rules:
        prepared = [
            (rule.max_words, _full_regex(rule), rule, _gate(rule)) for rule in rules if rule.whole_paragraph
        ]
        plain = [limit for limit, _, _, gate in prepared if not gate]
        most = 0 if any(not limit for limit in plain) else max(plain, default=0)
        gated = [(i, gate) for i, (_, _, _, gate) in enumerate(prepared) if gate]
        index = PatternIndex(
            [(i, GatedPattern(regex.pattern, regex.flags)) for i, (_, regex, _, _) in enumerate(prepared)]
        )
        if len(_PREPARED) > 16:  # sets made on the fly (a test's): none kept for long
            _PREPARED.clear()
        kept = _PREPARED[id(rules)] = (rules, (most, prepared, gated, index))
    return kept[1]


def _gate(rule: LexiconRule) -> tuple[str, ...]:
    """The lower-case strings one of which a paragraph must hold for the rule to be tried (none:
    always tried, within its word limit)."""
    if rule.terms or not rule.patterns or any(p.groups or p.chars or not p.substrings for p in rule.patterns):
        return ()
    return tuple(s.lower() for p in rule.patterns for s in p.substrings)


_Prepared = tuple[int, re.Pattern[str], LexiconRule, tuple[str, ...]]  # limit, expression, rule, gate
_WholeLines = tuple[int, list[_Prepared], list[tuple[int, tuple[str, ...]]], PatternIndex[int]]
# A set of rules (by its id, with the set itself so that the id cannot be reused) -> its prepared
# whole-line rules. Few sets are ever made: one per policy.
_PREPARED: dict[int, tuple[Sequence[LexiconRule], _WholeLines]] = {}


@cache
def _full_regex(rule: LexiconRule) -> re.Pattern[str]:
    return rule.full_regex()


@cache
def word_list(name: str) -> frozenset[str]:
    """A plain list of lower-case words from resources/rules/words.toml."""
    return frozenset(normalise(w) for w in _words_file()[name])


@cache
def _words_file() -> dict:
    return read_toml(resource_path("rules", "words.toml"))


def load_all() -> None:
    """Read and compile every word list and pattern now, not on first use.

    Before forking workers: what the parent compiled, each child inherits;
    what it did not, each child compiles again.
    """
    for name in _words_file():
        word_list(name)
    for name in _patterns_file():
        pattern = pattern_list(name)
        for part in pattern.parts if isinstance(pattern, GatedAny) else (pattern,):
            part.regex  # noqa: B018 (compiled now, see above)
    for category in LEXICON_CATEGORIES:
        for rule in builtin_rules(category):
            for part in rule.patterns:
                part.regex  # noqa: B018


@cache
def _patterns_file() -> dict:
    return read_toml(resource_path("rules", "patterns.toml"))


def with_fragments(pattern: str) -> str:
    """The pattern with each `(?&name)` written out from resources/rules/fragments.toml: a list
    several patterns share, kept once; `(?&@name)` is words.toml's list of that name, as
    alternatives (a rule's pattern and its triggers then name the same words once). A name neither
    has is left as written, and fails to compile."""
    if "(?&" not in pattern:
        return pattern
    return _written_out(pattern, _fragments())


def _written_out(pattern: str, fragments: dict[str, str]) -> str:
    return _FRAGMENT.sub(lambda m: fragments.get(m[1]) or _words_alternatives(m[1]) or m[0], pattern)


def _words_alternatives(name: str) -> str | None:
    """words.toml's list `name` ("@name") as one group of alternatives, the longest first."""
    if not name.startswith("@") or name[1:] not in _words_file():
        return None
    words = sorted(word_list(name[1:]), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


@cache
def _fragments() -> dict[str, str]:
    """The shared parts, each with the parts it names written out (one may build on another)."""
    fragments: dict[str, str] = read_toml(resource_path("rules", "fragments.toml"))
    for _ in range(_MOST_NESTED):
        nested = {name: _written_out(part, fragments) for name, part in fragments.items()}
        if nested == fragments:
            break
        fragments = nested
    return fragments


_MOST_NESTED = 4  # parts within parts: a loop of them stays unresolved, and fails to compile


_FRAGMENT = re.compile(r"\(\?&(@?\w+)\)")


@cache
def pattern_list(name: str) -> GatedPattern | GatedAny:
    """A named, gated expression from resources/rules/patterns.toml (matching ignores case)."""
    entry = _patterns_file()[name]
    source = resource_path("rules", "patterns.toml")
    parts = [_gated(entry, source, name, re.IGNORECASE, check=False)]
    parts += [_gated(g, source, name, re.IGNORECASE, check=False) for g in entry.get("gated", ())]
    present = [p for p in parts if p is not None]
    return present[0] if len(present) == 1 else GatedAny(tuple(present))


def single_pattern(name: str) -> GatedPattern:
    """A named expression with no `gated` parts, for callers that need its one regex."""
    pattern = pattern_list(name)
    if isinstance(pattern, GatedAny):
        raise TypeError(f"pattern {name!r} has gated parts: use pattern_list")
    return pattern
