"""Every rule in resources/rules/*.toml carries a sentence it flags and a near miss it leaves alone.

The examples live beside the rules (as in Vale and proselint), so whoever
changes a rule sees what it is meant to catch; this test holds them to it.
"""

from __future__ import annotations

import pytest

from reviewapp.core import load_text
from reviewapp.core.rules import LEXICON_CATEGORIES, _patterns_file, builtin_rules, pattern_list

from .helpers import rules_only

WORD_LIST_RULES = [rule for category in LEXICON_CATEGORIES for rule in builtin_rules(category)]
PATTERNS = _patterns_file()


def rules_found(sentence: str) -> set[str]:
    """The rules that flag `sentence` as a line of body text under a headline."""
    text = f"Council news\n{sentence}\n"
    start = text.index(sentence)
    end = start + len(sentence)
    found = rules_only().analyze(load_text(text)).findings
    return {f.rule for f in found if f.start < end and start < f.end}


@pytest.mark.parametrize("rule", WORD_LIST_RULES, ids=lambda r: r.name)
def test_word_list_rule_examples(rule):
    assert rule.why, f"{rule.name}: say why it is flagged (why = ...)"
    assert rule.examples and rule.near_misses, f"{rule.name}: give examples and near_misses"
    for sentence in rule.examples:
        assert rule.name in rules_found(sentence), f"{rule.name} misses its example {sentence!r}"
    for sentence in rule.near_misses:
        assert rule.name not in rules_found(sentence), f"{rule.name} flags its near miss {sentence!r}"


@pytest.mark.parametrize("name", sorted(PATTERNS), ids=str)
def test_named_pattern_examples(name):
    entry = PATTERNS[name]
    assert entry.get("examples") and entry.get("near_misses"), f"[{name}]: give examples and near_misses"
    pattern = pattern_list(name)
    for sentence in entry["examples"]:
        assert pattern.search(sentence) is not None, f"[{name}] misses its example {sentence!r}"
    for sentence in entry["near_misses"]:
        assert pattern.search(sentence) is None, f"[{name}] matches its near miss {sentence!r}"


def test_every_lexicon_rule_says_what_is_wrong_and_what_to_do():
    from reviewapp.core.rules import LEXICON_CATEGORIES, builtin_rules

    for category in LEXICON_CATEGORIES:
        for rule in builtin_rules(category):
            assert rule.message != rule.name and "{text}" in rule.message, rule.name
            assert rule.suggestion, rule.name


def test_a_key_written_under_a_gated_table_by_mistake_is_an_error(tmp_path):
    """TOML puts keys after a [[rule.gated]] header into that table: refuse them, do not ignore them."""
    import pytest

    from reviewapp.core.errors import PolicyError
    from reviewapp.core.rules import parse_rule_file

    path = tmp_path / "house.toml"
    path.write_text(
        '[[rule]]\nname = "hedge.house"\nterms = ["maybe"]\n'
        '[[rule.gated]]\ntriggers = ["kind"]\npatterns = ["kind of"]\nmessage = "Lost here"\n',
        encoding="utf-8",
    )
    with pytest.raises(PolicyError, match=r"gated.*unknown key.*message"):
        parse_rule_file(path)


def test_a_bad_pattern_in_a_house_file_is_reported_when_the_file_is_read(tmp_path):
    import pytest

    from reviewapp.core.errors import PolicyError
    from reviewapp.core.rules import parse_rule_file

    path = tmp_path / "house.toml"
    path.write_text('[[rule]]\nname = "hedge.house"\npatterns = ["(unclosed"]\n', encoding="utf-8")
    with pytest.raises(PolicyError, match=r"hedge\.house: bad pattern"):
        parse_rule_file(path)


def test_every_shipped_pattern_compiles():
    """Shipped patterns are compiled on first use, not when read: this is where a bad one shows."""
    from reviewapp.core.rules import load_all

    load_all()


def test_a_shared_fragment_is_written_out_in_every_pattern_that_names_it():
    """The superlatives' "-est but not interest, contest, request" list and the vague sources of
    "according to" are each one entry of fragments.toml, shared by patterns in two files."""
    import re

    from reviewapp.core.rules import with_fragments

    sources = [part.source for part in pattern_list("superlative").parts]
    assert not any("(?&" in source for source in sources)
    assert len([source for source in sources if "cont|" in source]) == 3  # "the", possessive, ordinal
    weasel = next(rule for rule in builtin_rules("hedge") if rule.name == "hedge.weasel")
    vague = [part.source for part in weasel.patterns if "according\\s+to\\s+" in part.source]
    attribution = [part.source for part in pattern_list("attribution").parts if "according" in part.source]
    assert vague and attribution and "unnamed|industry" in vague[0] and "unnamed|industry" in attribution[0]
    assert with_fragments("plain") == "plain"
    with pytest.raises(re.error):  # a name with no fragment fails to compile, loudly
        re.compile(with_fragments("(?&no_such_fragment)x"))
    # A part may name another: a game's score names what is no range of something counted.
    score = with_fragments("(?&tally_score)")
    assert "(?&" not in score and "percent" in score
    assert re.fullmatch(score, "3 to 2") and not re.match(score, "40-50 percent")


def test_a_word_list_named_in_a_pattern_is_written_out_as_its_words():
    """The weasel's named groups ("critics", "advocates"…) were listed three times: as its
    triggers, in its pattern and in words.toml; its pattern and triggers now name the list."""
    import re

    from reviewapp.core.rules import with_fragments, word_list

    groups = with_fragments(r"\b(?&@named_groups)\s+say\b")
    assert "(?&" not in groups and re.search(groups, "Advocates say so", re.IGNORECASE)
    assert all(re.search(groups, f"{word} say") for word in word_list("named_groups"))
    assert not re.search(groups, "critic say")  # whole words of the list, not parts of them
    weasel = next(rule for rule in builtin_rules("hedge") if rule.name == "hedge.weasel")
    named = [part for part in weasel.patterns if "advocates" in part.source]
    assert named and all(word_list("named_groups") <= group for group in named[0].groups[:1])
    with pytest.raises(re.error):  # a list words.toml lacks fails to compile, loudly
        re.compile(with_fragments("(?&@no_such_list)x"))


def test_a_house_rule_may_name_a_shared_part_and_a_name_it_lacks_is_one_clear_line(tmp_path):
    from reviewapp.core.errors import PolicyError
    from reviewapp.core.rules import parse_rule_file

    path = tmp_path / "house.toml"
    house = r"""
[[rule]]
name = "hedge.house"
message = "Vague: {text}"
patterns = ['according\s+to\s+(?&vague_source)']
triggers = ["according"]
"""
    path.write_text(house, encoding="utf-8")
    [rule] = parse_rule_file(path)
    assert rule.patterns[0].regex.search("It rose, according to some experts.")
    path.write_text(path.read_text(encoding="utf-8").replace("vague_source", "vague_sauce"), encoding="utf-8")
    with pytest.raises(PolicyError, match="no shared part named vague_sauce"):
        parse_rule_file(path)


def test_a_trigger_may_name_a_word_list_and_a_list_it_lacks_is_one_clear_line(tmp_path):
    from reviewapp.core.errors import PolicyError
    from reviewapp.core.rules import parse_rule_file, single_pattern, word_list

    # The kinds of article a disclosure names: one list, the triggers of two patterns.
    kinds = word_list("article_kinds")
    this_article, the_article = single_pattern("this_article"), single_pattern("the_article")
    assert this_article.groups == (kinds | {"this"},) and the_article.groups == (
        kinds | {"part", "parts", "this"},
    )
    path = tmp_path / "house.toml"
    house = """
[[rule]]
name = "ai_tell.house"
message = "Announces itself: {text}"
patterns = ['in\\\\s+this\\\\s+(?&own_article_kinds)']
triggers = ["@article_kinds"]
"""
    path.write_text(house, encoding="utf-8")
    [rule] = parse_rule_file(path)
    assert rule.patterns[0].groups == (kinds,)
    path.write_text(house.replace("@article_kinds", "@article_kindz"), encoding="utf-8")
    with pytest.raises(PolicyError, match=r"no word list named article_kindz in words\.toml"):
        parse_rule_file(path)


def test_a_whole_line_rule_with_substrings_is_tried_only_where_one_of_them_is(tmp_path):
    """A long limit (a press release's legal notice) would have every paragraph counted and
    searched; its `substrings` gate it, as a gated pattern's do."""
    from reviewapp.core.rules import parse_rule_file, whole_line_rule

    path = tmp_path / "house.toml"
    house = """
[[rule]]
name = "boilerplate.house_notice"
message = "House notice: {text}"
suggestion = "Delete it."
whole_paragraph = true
max_words = 200
substrings = ["%s"]
patterns = ['^Legal notice\\b.*$']
"""
    long_notice = "Legal notice: " + "words of the notice " * 40
    path.write_text(house % "legal notice", encoding="utf-8")
    rules = tuple(parse_rule_file(path))
    found = whole_line_rule(long_notice, rules)
    assert found is not None and found.name == "boilerplate.house_notice"
    path.write_text(house % "nowhere in it", encoding="utf-8")
    assert whole_line_rule(long_notice, tuple(parse_rule_file(path))) is None
