"""The rule patterns' RE2 sets (core/prefilter.py) only spare work: they never hide a match.

Each pattern goes into a set loosened (RE2 lacks look-arounds and possessive
quantifiers, and its classes and case folding are not Python's); these tests
hold the loosened patterns to matching wherever the originals do, and the
findings to those found without the sets.
"""

from __future__ import annotations

import re
import sys

import pytest
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewapp.core import Analyzer, load_text
from reviewapp.core import patterns as patterns_module
from reviewapp.core.analyzers.claim import _claim_patterns
from reviewapp.core.patterns import GatedAny, prepare_sets
from reviewapp.core.prefilter import _PYTHON_FOLDS, PatternSet, _loosened, loosened
from reviewapp.core.rules import LEXICON_CATEGORIES, _patterns_file, builtin_rules, pattern_list

from .helpers import rule_exercising_drafts

EVERY_CHAR = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
PATTERNS_TOML = _patterns_file()


def builtin_patterns() -> list[tuple[str, str, int]]:
    """(name, source, flags) of every built-in rule pattern and named pattern."""
    found = []
    for name in PATTERNS_TOML:
        pattern = pattern_list(name)
        for part in pattern.parts if isinstance(pattern, GatedAny) else (pattern,):
            found.append((name, part.source, part.flags))
    for category in LEXICON_CATEGORIES:
        for rule in builtin_rules(category):
            found += [(rule.name, part.source, part.flags) for part in rule.patterns]
    return found


def example_sentences() -> list[str]:
    sentences = []
    for entry in PATTERNS_TOML.values():
        sentences += entry.get("examples", []) + entry.get("near_misses", [])
    for category in LEXICON_CATEGORIES:
        for rule in builtin_rules(category):
            sentences += [*rule.examples, *rule.near_misses]
    return sentences


@pytest.mark.parametrize(
    ("python", "loose"),
    [(r"\w", r"[\w]"), (r"\d", r"[\d]"), (r"\s", r"[\s]"), (r"\w", r"\w"), (r"\d", r"\d"), (r"\s", r"\s")],
)
def test_classes_take_every_character_pythons_do(python, loose):
    """Over every character: Python's \\w, \\d and \\s on str, within their loosened forms."""
    pattern = loosened(loose)
    assert pattern is not None
    pythons = "".join(re.findall(python, EVERY_CHAR))
    assert len(pythons) > 20 and re2.fullmatch(f"(?:{pattern})+", pythons)  # each, one by one


def test_case_folding_takes_every_letter_pythons_does():
    """Python's engine, ignoring case, takes some letters for others that RE2's folding does not
    ("i" for "İ" and "ı"): the loosening writes those out, and they are all there are."""
    cased = "".join(c for c in EVERY_CHAR if c.lower() != c or c.upper() != c)
    missed = {}
    for char in cased:
        pythons = set(re.findall(re.escape(char), cased, re.IGNORECASE))
        plain = set(re2.findall("(?i)" + re2.escape(char), cased))
        if pythons - plain:
            missed[char] = "".join(sorted(pythons - plain))
    assert {c: set(v) for c, v in missed.items()} == {c: set(v) for c, v in _PYTHON_FOLDS.items()}
    for char in _PYTHON_FOLDS:
        assert set(re.findall(re.escape(char), cased, re.I)) <= set(re2.findall(loosened(char, re.I), cased))
        assert set(re.findall(f"[{char}-{char}]", cased, re.I)) <= set(
            re2.findall(loosened(f"[{char}-{char}]", re.I), cased)
        )


def test_every_builtin_pattern_is_loosened_but_a_back_reference():
    left = [(name, source) for name, source, flags in builtin_patterns() if loosened(source, flags) is None]
    assert all(re.search(r"\\\d|\(\?P=", source) for _, source in left), left
    assert len(left) <= 1


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"about\s+(?=\d)", "about 300 people"),  # a look-ahead at the end is kept: "about \d"
        (r"(?<=\w)'s\s+best\b", "the city's best"),  # a look-behind at the start too
        (r"\bcould\b(?!\s+not\b)", "it could rain"),
        (r"(?:^|(?<=[\s(]))\d+\s+[a-z]{2,}", "(12 people"),
        (r"(?-i:[A-Z][a-z]+)\s+said", "Smith SAID"),
        (r"[^\W\d_]++", "only letters"),  # a negated class of categories: no looser form, tried always
    ],
)
def test_a_loosened_pattern_matches_where_the_original_does(source, text):
    assert re.search(source, text, re.IGNORECASE)
    loose = _loosened(source, re.IGNORECASE)
    assert loose is None or re2.search(loose, text)
    assert PatternSet([(source, re.IGNORECASE)]).may_match(text) == [0]


def test_the_kept_look_arounds_tell_matches_apart():
    """What makes the sets worth their cost: "about" alone is no approximate figure."""
    assert PatternSet([(r"\babout\s+(?=\d)", re.IGNORECASE)]).may_match("about the plan") == []


def test_a_pattern_rules_loosened_forms_match_their_examples_and_the_corpus(data_dir):
    sentences = example_sentences()
    for path in sorted(data_dir.glob("*.txt")):
        sentences += path.read_text(encoding="utf-8").splitlines()
    entries = builtin_patterns()
    pattern_set = PatternSet([(source, flags) for _, source, flags in entries])
    assert pattern_set.active
    for sentence in sentences:
        may = set(pattern_set.may_match(sentence) or ())
        for position, (name, source, flags) in enumerate(entries):
            if re.search(source, sentence, flags):
                assert position in may, f"{name}: {source[:60]!r} hidden on {sentence!r}"


# Text made of the rules' own words, digits, punctuation and any other characters.
_RULE_WORDS = sorted({w for s in example_sentences() for w in re.findall(r"\w+|[^\w\s]", s)})
_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(_RULE_WORDS),
        st.sampled_from([" ", "  ", "\n", ", ", ". ", "'s ", "’", "—", "%", "$", "İ", "ı"]),
        st.from_regex(r"\d{1,4}(?:[.,]\d{1,3})?", fullmatch=True),
        st.text(max_size=3),
    ),
    max_size=40,
).map("".join)
_SET = PatternSet([(source, flags) for _, source, flags in builtin_patterns()])
_COMPILED = [re.compile(source, flags) for _, source, flags in builtin_patterns()]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_no_text_has_a_match_the_set_hides(text):
    may = _SET.may_match(text)
    if may is None:  # a lone surrogate: the set cannot read it, every pattern is tried
        return
    for position, regex in enumerate(_COMPILED):
        if regex.search(text):
            assert position in may, (regex.pattern[:60], text)


def test_text_re2_cannot_read_is_left_to_the_gates():
    pattern_set = PatternSet([(r"\bsaid\b", 0)])
    assert pattern_set.may_match("she said \ud800") is None


def _findings(texts):
    analyzer = Analyzer()
    prepare_sets()  # the new analyzer's own indexes too
    return [[f.to_json() for f in analyzer.analyze(d).findings] for d in texts]


def test_the_sets_change_no_finding(data_dir, monkeypatch):
    """The same findings with the sets answering as with the trigger words alone, on the drafts
    of the tests and the analyzer tests' example sentences."""
    texts = rule_exercising_drafts(data_dir)
    texts.append(load_text("Sales will rise 40% (https://example.com/2031) by 2031, she said."))
    monkeypatch.setattr(patterns_module, "PREFILTER_ENABLED", False)
    gated = _findings(texts)
    monkeypatch.setattr(patterns_module, "PREFILTER_ENABLED", True)
    assert _findings(texts) == gated
    assert _claim_patterns().has_set and all(index.has_set for index in patterns_module._INDEXES)


def test_a_house_rule_with_a_back_reference_is_still_tried(tmp_path):
    from reviewapp.core.patterns import GatedPattern, PatternIndex

    twice = GatedPattern(r"\b(\w+)\s+\1\b", groups=(frozenset({"the", "a"}),))
    index = PatternIndex([("twice", twice), ("said", GatedPattern(r"\bsaid\b"))])
    index.pattern_set()
    assert index.has_set
    assert [key for key, _ in index.candidates("the the plan")] == ["twice"]  # by its trigger words
    assert [key for key, _ in index.candidates("she said")] == ["said"]
