from __future__ import annotations

import pytest

from reviewapp.core import Analyzer, PolicyError, load_policy, load_text


def test_default_policy():
    policy = load_policy()
    assert policy.required_roles == ("editor",)
    assert policy.placement == "end" and policy.paper == "A4"


def test_the_code_states_no_default_of_its_own():
    """Every value of a policy comes from a file: the built-in one holds every key the code reads."""
    from reviewapp.core.grammar_settings import GrammarSettings
    from reviewapp.core.policy import Policy

    for cls in (Policy, GrammarSettings):
        stated = list(cls._field_defaults)
        assert stated in ([], ["dictionary"]), cls  # the dictionary is the user's, not the house's


def test_defaults_are_read_from_the_built_in_file(tmp_path, monkeypatch):
    from reviewapp.core import policy as policy_module

    default = policy_module.default_policy_path().read_text(encoding="utf-8")
    changed = tmp_path / "default.toml"
    changed.write_text(
        default.replace('placement = "end"', 'placement = "start"').replace("timeout = 10", "timeout = 3"),
        encoding="utf-8",
    )
    monkeypatch.setattr(policy_module, "default_policy_path", lambda: changed)
    policy = load_policy()
    assert (policy.placement, policy.grammar.timeout) == ("start", 3.0)


def test_partial_policy_keeps_defaults(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('[signoff]\nrequired_roles = ["editor", "fact-checker"]\n')
    policy = load_policy(path)
    assert policy.required_roles == ("editor", "fact-checker")
    assert policy.disclosure_required == "when_ai_detected"


@pytest.mark.parametrize(
    "body",
    [
        "not toml = = =",
        '[signoff]\nrequired_roles = ["janitor"]\n',
        '[severity]\n"hedge.modal" = "loud"\n',
        '[report]\npaper = "A3"\n',
        "[disclosure]\nplacement_window = 0\n",
        "disclosure = 3\n",
        '[grammar]\nmode = "shout"\n',
    ],
)
def test_bad_policies_are_refused(tmp_path, body):
    path = tmp_path / "p.toml"
    path.write_text(body)
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert str(path) in str(info.value)


def test_severity_override_and_extra_rules(tmp_path):
    rules = tmp_path / "house-rules.toml"
    rules.write_text(
        '[[rule]]\nname = "peacock.house"\nseverity = "warning"\nterms = ["jaw-droppingly"]\n'
        'message = "House style: {text}"\n'
    )
    path = tmp_path / "p.toml"
    path.write_text('[severity]\n"hedge.modal" = "warning"\n[rules]\nextra_files = ["house-rules.toml"]\n')
    analyzer = Analyzer(load_policy(path))
    found = analyzer.analyze(load_text("Intro.\nThe view was jaw-droppingly good and might last.")).findings
    by_rule = {f.rule: f for f in found}
    assert by_rule["hedge.modal"].severity == "warning"
    assert by_rule["peacock.house"].message == "House style: jaw-droppingly"


def test_extra_rule_file_with_bad_rule_name(tmp_path):
    rules = tmp_path / "r.toml"
    rules.write_text('[[rule]]\nname = "mystery.x"\nterms = ["x"]\n')
    path = tmp_path / "p.toml"
    path.write_text('[rules]\nextra_files = ["r.toml"]\n')
    with pytest.raises(PolicyError, match="named after its category"):
        Analyzer(load_policy(path))


def test_single_pattern_refuses_a_pattern_made_of_gated_parts():
    from reviewapp.core.patterns import GatedPattern
    from reviewapp.core.rules import single_pattern

    assert isinstance(single_pattern("production"), GatedPattern)
    assert single_pattern("disclosure_label").regex.match("AI disclosure: this article was drafted with AI.")
    with pytest.raises(TypeError, match="figure"):
        single_pattern("figure")  # its digits, money words... are separate gated parts


def test_a_policy_recorded_by_an_earlier_version_still_judges(tmp_path):
    """Settings added since it was recorded take their defaults; it keeps its recorded fingerprint."""
    import copy

    from reviewapp.core.policy import policy_from_record

    raw = copy.deepcopy(load_policy().raw)
    del raw["input"]
    del raw["rules"]["allow_list"], raw["rules"]["allowed"]
    policy = policy_from_record(raw, "ab" * 32)
    assert policy.fingerprint == "ab" * 32
    assert policy.limits.text_mb == 20 and policy.allowed_terms == frozenset()


def test_a_bug_reaches_the_user_as_one_line_not_a_traceback(monkeypatch, capsys):
    from reviewapp import cli
    from reviewapp.cli import records

    def broken(_args):
        raise KeyError("allow_list")

    monkeypatch.delenv("REVIEWAPP_DEBUG", raising=False)
    monkeypatch.setattr(records, "run_history", broken)
    assert cli.main(["history", "draft.txt"]) == 70
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "internal error (KeyError" in err[0] and "REVIEWAPP_DEBUG=1" in err[0]
