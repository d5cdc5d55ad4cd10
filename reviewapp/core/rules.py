"""Lexicon rules read from TOML data files, so editors can extend them.

A file holds [[rule]] tables: name, severity, message, suggestion, and either
`terms` (words and phrases, matched on word boundaries) or `patterns`
(regular expressions). A straight apostrophe also matches a typographic one.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import PolicyError
from .findings import SEVERITIES
from .resources import resource_path
from .text import apostrophes


@dataclass(frozen=True, slots=True)
class LexiconRule:
    name: str
    category: str
    severity: str
    message: str
    suggestion: str | None
    regex: re.Pattern[str]
    skip_quoted: bool  # words inside a quotation are the speaker's, not the paper's
    whole_paragraph: bool  # boilerplate: the rule matches a whole short line
    max_words: int

    def describe(self, matched: str) -> tuple[str, str | None]:
        message = self.message.replace("{text}", matched)
        suggestion = self.suggestion.replace("{text}", matched) if self.suggestion else None
        return message, suggestion


def _compile(entry: dict, source: Path) -> re.Pattern[str]:
    flags = 0 if entry.get("case_sensitive", False) else re.IGNORECASE
    parts: list[str] = []
    terms = sorted(entry.get("terms", []), key=len, reverse=True)
    if terms:
        words = "|".join(apostrophes(re.escape(t).replace(r"\ ", r"\s+")) for t in terms)
        parts.append(rf"(?<![\w-])(?:{words})(?![\w-])")
    parts.extend(apostrophes(p) for p in entry.get("patterns", []))
    if not parts:
        raise PolicyError(f"{source}: rule {entry.get('name')!r} has no terms or patterns")
    try:
        return re.compile("|".join(f"(?:{p})" for p in parts), flags)
    except re.error as exc:
        raise PolicyError(f"{source}: rule {entry.get('name')!r}: bad pattern ({exc})") from None


LEXICON_CATEGORIES = ("boilerplate", "hedge", "peacock", "ai_tell")


def parse_rule_file(path: Path, category: str | None = None) -> list[LexiconRule]:
    """Rules of one file; with no category, each rule's comes from its name ("hedge.x")."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
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
        rules.append(
            LexiconRule(
                name=name,
                category=rule_category,
                severity=severity,
                message=entry.get("message", name),
                suggestion=entry.get("suggestion"),
                regex=_compile(entry, path),
                skip_quoted=entry.get("skip_quoted", True),
                whole_paragraph=entry.get("whole_paragraph", False),
                max_words=entry.get("max_words", 0),
            )
        )
    return rules


@cache
def builtin_rules(category: str) -> tuple[LexiconRule, ...]:
    return tuple(parse_rule_file(resource_path("rules", f"{category}.toml"), category))


@cache
def word_list(name: str) -> frozenset[str]:
    """A plain list of lower-case words from resources/rules/words.toml."""
    data = tomllib.loads(resource_path("rules", "words.toml").read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data[name])


@cache
def pattern_list(name: str) -> re.Pattern[str]:
    """A named regular expression (or list joined by |) from resources/rules/patterns.toml."""
    data = tomllib.loads(resource_path("rules", "patterns.toml").read_text(encoding="utf-8"))
    value = data[name]
    joined = (
        "|".join(f"(?:{apostrophes(p)})" for p in value) if isinstance(value, list) else apostrophes(value)
    )
    return re.compile(joined, re.IGNORECASE)
