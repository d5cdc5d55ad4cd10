"""The grammar analyzer with the real language-tool-python client against a recorded LanguageTool."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from reviewapp.core import load_policy, load_text
from reviewapp.core.grammar import GrammarChecker, local_problem, with_grammar
from reviewapp.core.grammar_settings import GrammarSettings

DEFAULT = load_policy().grammar


def settings(url: str, **extra) -> GrammarSettings:
    return DEFAULT.with_overrides(mode="server", server_url=url, timeout=1.0, **extra)


def paragraphs(text: str):
    return load_text(text).paragraphs


def test_matches_after_emoji_land_on_the_right_characters(languagetool):
    url, _log = languagetool
    text = "Launch day 🚀🎉 went well.\nThe 👩🏽‍💻 team fixed teh bug in order to ship."
    checker = GrammarChecker(settings(url))
    found = checker.check(paragraphs(text))
    assert checker.status.available
    by_text = {f.text: f for f in found}
    assert set(by_text) == {"teh", "in order to"}
    for quote, finding in by_text.items():
        assert text[finding.start : finding.end] == quote  # Python indices, not UTF-16
    typo = by_text["teh"]
    assert (typo.category, typo.rule, typo.severity) == (
        "grammar",
        "grammar.morfologik_rule_en_us",
        "warning",
    )
    assert typo.replacements == ("the", "tech", "ten", "tea", "Tet")  # LanguageTool's, at most five
    assert typo.message == "Possible spelling mistake found."
    assert by_text["in order to"].severity == "suggestion"  # a style issue
    assert typo.id and typo.id != by_text["in order to"].id


def test_only_changed_paragraphs_are_sent_again(languagetool):
    url, log = languagetool
    checker = GrammarChecker(settings(url))
    first = "One paragraph with teh typo.\nA second one.\nA third, untouched."
    checker.check(paragraphs(first))
    assert len(log.texts) == 1  # all three in one request
    edited = first.replace("A second one.", "A second one, edited with colour.")
    found = checker.check(paragraphs(edited))
    assert log.texts[1:] == ["A second one, edited with colour."]
    assert {f.text for f in found} == {"teh", "colour"}
    checker.check(paragraphs(edited))
    assert len(log.texts) == 2  # nothing new: nothing sent


def test_long_documents_go_in_pieces_within_the_limit(languagetool):
    url, log = languagetool
    checker = GrammarChecker(settings(url, max_chars=120))
    sentence = "This sentence has teh typo. "
    text = "\n".join([sentence * 2, "Short.", sentence * 9])  # the last one alone is over the limit
    found = checker.check(paragraphs(text))
    assert all(len(t) <= 120 for t in log.texts) and len(log.texts) >= 3
    typos = [f for f in found if f.text == "teh"]
    assert len(typos) == text.count("teh")
    assert all(text[f.start : f.end] == "teh" for f in typos)


def test_house_rules_off_and_accepted_words(languagetool):
    url, log = languagetool
    text = "We met in order to fix teh colour."
    checker = GrammarChecker(settings(url, disabled_rules=("IN_ORDER_TO_PREMIUM",)), accepted_words=["Teh"])
    found = checker.check(paragraphs(text))
    assert [f.text for f in found] == ["colour"]  # the rule is off; "teh" is in the user's dictionary
    assert log.params[0]["disabledRules"] == "IN_ORDER_TO_PREMIUM"


def test_accepted_words_leave_other_matches(languagetool):
    url, _ = languagetool
    checker = GrammarChecker(settings(url), accepted_words=["colour"])
    found = checker.check(paragraphs("The colour of teh sky."))
    assert [f.text for f in found] == ["teh"]
    checker.accept("teh")
    assert checker.cached(paragraphs("The colour of teh sky.")) == []


def test_a_match_in_the_disclosure_is_a_disclosure_finding_too(languagetool, analyzer):
    url, _ = languagetool
    text = (
        "Council approves budget\n\nThe council met on Monday.\n\n"
        "This article was written with AI assistance and checked by teh editor, Ana Ruiz."
    )
    result = analyzer.analyze(load_text(text))
    found = GrammarChecker(settings(url)).check(result.document.paragraphs, result.roles)
    rules = {(f.category, f.rule) for f in found if f.text == "teh"}
    assert rules == {("grammar", "grammar.morfologik_rule_en_us"), ("disclosure", "disclosure.languagetool")}
    merged = with_grammar(result, found)
    assert len(merged.findings) == len(result.findings) + 2
    assert [f.start for f in merged.findings] == sorted(f.start for f in merged.findings)


def test_words_the_disclosure_check_flagged_already_are_not_flagged_twice(languagetool, analyzer):
    url, _ = languagetool
    text = (
        "Council approves budget\n\n"
        "This article was written with AI. We makes no promises; Ana Ruiz edited it."
    )
    result = analyzer.analyze(load_text(text))
    assert any(f.rule == "disclosure.grammar" and f.text == "We makes" for f in result.findings)
    merged = with_grammar(
        result, GrammarChecker(settings(url)).check(result.document.paragraphs, result.roles)
    )
    on_words = [f for f in merged.findings if f.text == "We makes"]
    assert sorted(f.category for f in on_words) == ["disclosure", "grammar"]


@pytest.mark.parametrize("behaviour", [pytest.param("slow", marks=pytest.mark.slow), "error", "malformed"])
def test_a_failing_server_gives_a_reason_not_an_exception(languagetool, behaviour):
    url, log = languagetool
    checker = GrammarChecker(settings(url))
    assert checker.check(paragraphs("First teh.")) and checker.status.available
    log.behaviour = behaviour
    found = checker.check(paragraphs("First teh.\nSecond teh paragraph."))
    assert not checker.status.available
    assert checker.status.reason.startswith("LanguageTool failed")
    assert [f.text for f in found] == ["teh"]  # what was checked before still counts
    log.behaviour = "normal"
    found = checker.check(paragraphs("First teh.\nSecond teh paragraph."))
    assert checker.status.available and len(found) == 2  # it recovers


def test_an_unreachable_server_is_reported():
    checker = GrammarChecker(settings("http://127.0.0.1:9"))  # the discard port: nobody answers
    assert checker.check(paragraphs("Some teh text.")) == []
    assert not checker.status.available and "cannot be reached" in checker.status.reason


def test_off_and_local_without_languagetool_never_download(tmp_path, monkeypatch):
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    (tmp_path / "lt").mkdir()
    off = GrammarChecker(DEFAULT)
    assert off.check(paragraphs("Some teh text.")) == [] and "off" in off.status.reason
    local = GrammarChecker(DEFAULT.with_overrides(mode="local"))
    local.check(paragraphs("Some teh text."))
    assert not local.status.available
    assert "not downloaded" in local.status.reason or "Java" in local.status.reason
    assert list((tmp_path / "lt").iterdir()) == []  # nothing was fetched
    empty = tmp_path / "not-lt"
    empty.mkdir()
    problem = local_problem(DEFAULT.with_overrides(mode="local", languagetool_dir=empty))
    assert problem and ("languagetool-server.jar" in problem or "Java" in problem)


def _check_cli(tmp_path, policy: str, draft: str):
    (tmp_path / "policy.toml").write_text(policy, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(draft, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "reviewapp", "check", "--format", "json", "--policy",
         str(tmp_path / "policy.toml"), str(tmp_path / "draft.txt")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


DRAFT = "Budget passes\n\nThe council approved teh budget on Monday, the mayor said.\n"


@pytest.mark.subprocess
def test_check_command_with_a_server(tmp_path, languagetool):
    url, _ = languagetool
    proc = _check_cli(tmp_path, f'[grammar]\nmode = "server"\nserver_url = "{url}"\n', DRAFT)
    data = json.loads(proc.stdout)
    assert data["grammar"] == {"available": True, "reason": f"grammar by {url}"}
    [typo] = [f for f in data["documents"][0]["findings"] if f["category"] == "grammar"]
    assert typo["text"] == "teh" and typo["replacements"][0] == "the"
    assert "grammar" not in proc.stderr


@pytest.mark.subprocess
def test_check_command_says_once_when_grammar_is_unavailable(tmp_path, data_dir):
    policy = '[grammar]\nmode = "server"\nserver_url = "http://127.0.0.1:9"\ntimeout = 1\n'
    (tmp_path / "second.txt").write_text(DRAFT, encoding="utf-8")
    proc = _check_cli(tmp_path, policy, DRAFT)
    without = subprocess.run(
        [sys.executable, "-m", "reviewapp", "check", "--format", "json", str(tmp_path / "draft.txt")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    data = json.loads(proc.stdout)
    assert data["grammar"]["available"] is False and "cannot be reached" in data["grammar"]["reason"]
    assert proc.stderr.count("grammar check unavailable") == 1
    assert data["documents"] == json.loads(without.stdout)["documents"]  # the rest as before
    assert json.loads(without.stdout)["grammar"]["available"] is False  # off by default, silently
    assert "grammar" not in without.stderr


@pytest.mark.skipif(
    not os.environ.get("REVIEWAPP_LANGUAGETOOL_URL"),
    reason="set REVIEWAPP_LANGUAGETOOL_URL to a LanguageTool server (e.g. http://localhost:8081) to run",
)
def test_a_real_languagetool():
    url = os.environ["REVIEWAPP_LANGUAGETOOL_URL"]
    checker = GrammarChecker(DEFAULT.with_overrides(mode="server", server_url=url, timeout=30))
    text = "Launch day 🚀 went well. The team fixed teh bug."
    found = checker.check(paragraphs(text))
    assert checker.status.available, checker.status.reason
    typo = next(f for f in found if f.text == "teh")
    assert text[typo.start : typo.end] == "teh" and "the" in typo.replacements


def test_a_sessions_change_accounts_for_the_grammar_findings_too(languagetool):
    """The findings table follows an edit from the analysis's change: with grammar findings
    merged in, the change says those of the last review went and these came, so that every
    row is accounted for (and the table need not compare the lists)."""
    from reviewapp.core.review import Reviewer

    url, _ = languagetool
    reviewer = Reviewer(load_policy(), settings(url))
    session = reviewer.session()
    text = (
        "Council approves budget\n\nThe council fixed teh roads.\n\n"
        "It met on Monday in order to vote.\n\nA third paragraph."
    )
    first = reviewer.review(load_text(text), session=session, grammar="check")
    edited = text.replace("A third paragraph.", "A third paragraph, with teh typo again.")
    second = reviewer.review(load_text(edited), session=session, grammar="check")
    change = second.analysis.change
    assert change is not None
    shown_first, shown_second = [*first.findings, *first.allowed], [*second.findings, *second.allowed]
    assert sorted(map(id, [*change.before, *change.removed])) == sorted(map(id, shown_first))
    assert sorted(map(id, [*change.after, *change.added])) == sorted(map(id, shown_second))
    assert sum(f.category == "grammar" for f in change.removed) == 2  # "teh", "in order to"
    assert sum(f.category == "grammar" for f in change.added) == 3  # and the new "teh"
    # Grammar switched off: the change says they are gone.
    reviewer.configure_grammar(DEFAULT.with_overrides(mode="off"))
    third = reviewer.review(load_text(edited), session=session)
    assert third.analysis.change is not None
    assert sum(f.category == "grammar" for f in third.analysis.change.removed) == 3
