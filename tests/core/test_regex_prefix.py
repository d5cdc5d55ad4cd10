from __future__ import annotations

import re
import tomllib

import pytest

from reviewapp.core.regex_prefix import first_chars, with_first_chars
from reviewapp.core.resources import resource_path
from reviewapp.core.rules import with_fragments
from reviewapp.core.text import apostrophes


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bfoo|bar", "(?=[fb])"),
        (r"\d+\s?%", r"(?=[\d])"),
        (r"(?:a|b?)c", "(?=[abc])"),  # b is optional, so c can come first
        (r"(?<![\w.])[$€]\s?\d", r"(?=[\$€])"),  # lookarounds take no characters
        (r"(\w{2,})\s+\1", r"(?=[\w])"),
    ],
)
def test_first_characters_of_a_pattern(pattern, expected):
    assert first_chars(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"x?",  # can match nothing: any position may match
        r"[^a]b",  # a negated class: nearly any character
        r".a",
        r"(?i)foo",  # global flags must stay at the very start
        r"(?i:foo)bar",  # the test outside the group would heed case
        r"(unclosed",  # not a valid pattern: compiling it reports that, not this
    ],
)
def test_no_first_character_test_where_it_cannot_be_sure(pattern):
    assert first_chars(pattern) is None
    assert with_first_chars(pattern) == pattern


def test_case_is_ignored_when_the_pattern_ignores_it():
    regex = re.compile(with_first_chars(r"\bwe\s+makes", re.IGNORECASE), re.IGNORECASE)
    assert regex.search("Note: We makes no warranty.")


def _rule_patterns() -> list[tuple[str, int]]:
    found = []
    for path in sorted(resource_path("rules").glob("*.toml")):
        if path.name == "fragments.toml":  # parts of the others' patterns, no rules
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        entries = data.get("rule", []) if "rule" in data else list(data.values())
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
            for part in [entry, *entry.get("gated", ())]:
                found += [(apostrophes(with_fragments(p)), flags) for p in part.get("patterns", ())]
    return found


def test_the_test_changes_no_match_of_any_rule_pattern(data_dir):
    """Every built-in pattern finds exactly the same matches with the test in front."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(data_dir.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((data_dir.parent / "core").glob("test_*.py"))]
    patterns = _rule_patterns()
    assert len(patterns) > 50
    prefixed = 0
    for pattern, flags in patterns:
        plain = re.compile(pattern, flags)
        fast = re.compile(with_first_chars(pattern, flags), flags)
        prefixed += fast.pattern != pattern
        for text in texts:
            spans = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in fast.finditer(text)] == spans, pattern
    assert prefixed > len(patterns) // 2
