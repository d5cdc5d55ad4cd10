"""The learned scores: on every claim, hedge and peacock finding; explained; decided by the policy."""

from __future__ import annotations

import pytest

from reviewapp.core import Analyzer, load_policy, load_text
from reviewapp.core.policy import ScoreSettings
from reviewapp.core.scoring.explain import claim_reasons, driver_span, hedge_words
from reviewapp.core.scoring.features import sentence_features, token_class
from reviewapp.core.scoring.model import LinearModel, load_model

from .helpers import findings_of

BODY = "Council news\n"
SCORED = ("claim", "hedge", "peacock")


def analyzer_with(**scores) -> Analyzer:
    policy = load_policy()
    settings = policy.scores
    changed = ScoreSettings(
        {**settings.thresholds, **scores.get("thresholds", {})},
        {**settings.floors, **scores.get("floors", {})},
        {**settings.rule_floors, **scores.get("rule_floors", {})},
    )
    return Analyzer(policy._replace(scores=changed))


def test_every_claim_hedge_and_peacock_finding_has_a_score(data_dir):
    from reviewapp.core import load_path

    found = Analyzer().analyze(load_path(data_dir / "openai-foxconn.txt")).findings
    scored = [f for f in found if f.category in SCORED]
    assert scored and all(f.score is not None and 0 <= f.score <= 1 for f in scored)
    assert all(f.score is None for f in found if f.category not in SCORED)
    assert all("score" in f.to_json() for f in scored)


def test_a_sentence_flagged_on_its_score_says_why():
    text = BODY + "We cut the state budget by forty percent and closed six hospitals."
    analyzer = analyzer_with(floors={"claim": 1.0}, rule_floors={"claim.figure": 1.0, "claim.record": 1.0})
    [claim] = findings_of(text, "claim", analyzer)
    assert claim.rule == "claim.learned" and claim.severity == "suggestion"
    assert claim.message.startswith(f"Check-worthy statement (score {claim.score:.2f}): ")
    assert "a figure" in claim.message and claim.message.endswith("no source.")


def test_a_hedge_flagged_on_its_score_marks_the_words_that_drove_it():
    # "widely" with nothing of a hedge rule around it: the score alone.
    text = BODY + "The theory is widely accepted among historians of the period."
    found = findings_of(text, "hedge", analyzer_with(thresholds={"hedge": 0.1}))
    learned = [f for f in found if f.rule == "hedge.learned"]
    assert learned, found
    [finding] = learned
    assert finding.text and finding.text in text and f"“{finding.text}”" in finding.message


def test_the_policy_decides_when_rule_hits_stand():
    text = BODY + "The vote could go either way next week."
    gated = findings_of(text, "hedge", analyzer_with(floors={"hedge": 1.0}))
    assert not any(f.rule == "hedge.possibility" for f in gated)  # the score never reaches the floor
    kept = findings_of(text, "hedge", analyzer_with(floors={"hedge": 0.0}))
    assert any(f.rule == "hedge.possibility" for f in kept)
    # A rule with a floor of its own stands whatever the category's floor is.
    always = findings_of(
        BODY + "It feels like the vote will fail.", "hedge", analyzer_with(floors={"hedge": 1.0})
    )
    assert any(f.rule == "hedge.impression" for f in always)


def test_no_flag_on_the_score_alone_above_one():
    text = BODY + "The theory is widely accepted among historians of the period."
    found = findings_of(text, None, analyzer_with(thresholds={"claim": 1.01, "hedge": 1.01}))
    assert not any(f.rule.endswith(".learned") for f in found)


def test_house_rules_stand_whatever_the_score(tmp_path):
    rules = tmp_path / "house.toml"
    rules.write_text(
        '[[rule]]\nname = "peacock.house"\nterms = ["jaw-droppingly"]\nmessage = "House: {text}"\n'
    )
    policy = tmp_path / "p.toml"
    policy.write_text('[rules]\nextra_files = ["house.toml"]\n[scores]\nhedge_floor = 1.0\n')
    analyzer = Analyzer(load_policy(policy))
    found = analyzer.analyze(load_text(BODY + "The view was jaw-droppingly good.")).findings
    assert any(f.rule == "peacock.house" for f in found)


def test_no_learned_hedge_inside_a_quotation():
    text = BODY + "“The theory is widely accepted,” the curator said."
    found = findings_of(text, "hedge", analyzer_with(thresholds={"hedge": 0.01}))
    quote_end = text.index("”")
    assert not [f for f in found if f.rule == "hedge.learned" and f.start < quote_end]


@pytest.mark.parametrize(
    "body",
    [
        "[scores]\nclaim = 1.5\n",
        "[scores]\nhedge_floor = -0.1\n",
        '[scores.floors]\n"hedge.modal" = "high"\n',
    ],
)
def test_bad_score_settings_are_refused(tmp_path, body):
    from reviewapp.core import PolicyError

    path = tmp_path / "p.toml"
    path.write_text(body)
    with pytest.raises(PolicyError, match="from 0 to 1"):
        load_policy(path)


def test_the_model_score_is_the_logistic_of_the_weights():
    model = LinearModel("t", -1.0, {"w:tax": 2.0, "r:figure": 0.5})
    assert model.score(["w:tax", "w:unknown"]) == pytest.approx(1 / (1 + pow(2.718281828459045, -1.0)))
    assert model.drivers(["w:tax", "r:figure", "w:unknown"]) == [("w:tax", 2.0), ("r:figure", 0.5)]


def test_features_read_numbers_by_their_kind_and_the_rules_cues():
    from reviewapp.core.analyzers.context import ParagraphContext

    ctx = ParagraphContext("Taxes rose 40% in 2019 for Acme.", "body")
    features = sentence_features(ctx.tokens, ctx.text, ["change"])
    assert {"w:<num>", "w:<year>", "s:pct", "s:cap", "r:change", "b:<s> taxes"} <= features
    assert token_class("1999") == "<year>" and token_class("40") == "<num>" and token_class("tax") == "tax"


def test_a_number_that_names_something_is_read_as_a_label():
    from reviewapp.core.analyzers.context import ParagraphContext

    ctx = ParagraphContext("The Route 9 bus carried 40 riders.", "body")
    features = sentence_features(ctx.tokens, ctx.text)
    assert {"w:<label>", "b:route <label>", "w:<num>", "b:carried <num>"} <= features
    assert "b:route <num>" not in features


def test_explanations_in_an_editors_words():
    drivers = [("s:len3", 0.9), ("w:<num>", 0.8), ("r:name", 0.5), ("w:voted", 0.4), ("b:<s> i", 0.3)]
    assert claim_reasons(drivers, attributed=False) == [
        "a figure",
        "a named person or organisation",
        "“voted”",
        "no source",
    ]
    # A number the rules see as no figure (a date's, a name's) is not given as "a figure".
    assert claim_reasons(drivers, attributed=False, figure=False) == [
        "a named person or organisation",
        "“voted”",
        "no source",
    ]
    # Words that say nothing on their own are left out of a claim's reasons.
    assert claim_reasons([("b:in the", 0.9), ("w:the", 0.8), ("w:voted", 0.4)], attributed=True) == [
        "“voted”"
    ]
    # A name's word ("Leo Grant": "grant", the word of federal grants) is the name, said already.
    grant = [("r:name", 0.9), ("w:grant", 0.8), ("b:leo grant", 0.7), ("w:pass", 0.2)]
    assert claim_reasons(grant, attributed=False, names=frozenset({"leo", "grant"})) == [
        "a named person or organisation",
        "“pass”",
        "no source",
    ]
    assert claim_reasons(grant, attributed=False)[1] == "“grant”"
    # A capital the rules read as no name ("Sentencing is set for Feb. 3.") names no one.
    capital = [("s:cap", 0.9), ("w:<year>", 0.5)]
    assert claim_reasons(capital, attributed=False) == [
        "a named person or organisation",
        "a date",
        "no source",
    ]
    assert claim_reasons(capital, attributed=False, named=False) == ["a date", "no source"]
    assert hedge_words([("w:widely", 1.0), ("b:widely accepted", 0.5), ("w:some", 0.4)]) == [
        "“widely”",
        "“some”",
    ]
    # A number's placeholder in a word pair: in brackets, within the pair ("a a number" read as a
    # typo in a crash story's "a 54-year-old man").
    numbered = [("b:a <num>", 0.9), ("b:<year> season", 0.5), ("w:<num>", 0.4)]
    assert claim_reasons(numbered, attributed=True) == ["“a [number]”", "“[year] season”", "a figure"]
    assert hedge_words(numbered) == ["“a [number]”", "“[year] season”"]
    tokens = [
        (0, 3, "the", "The"),
        (4, 10, "theory", "theory"),
        (11, 13, "is", "is"),
        (14, 20, "widely", "widely"),
    ]
    assert driver_span([("w:widely", 1.0)], tokens) == (14, 20)
    assert driver_span([("b:is widely", 1.0)], tokens) == (11, 20)


def test_the_shipped_models_load_and_are_small():
    from reviewapp.core.resources import resource_path

    for name in ("claim", "uncertainty"):
        model = load_model(name)
        assert len(model.weights) > 1000
    size = sum(p.stat().st_size for p in resource_path("models").iterdir())
    assert size < 2_000_000
    notice = resource_path("models", "NOTICE").read_text(encoding="utf-8")
    assert (
        "ClaimBuster" in notice and "CC BY 4.0" in notice and "CoNLL-2010" in notice and "CC BY-SA" in notice
    )


def test_a_model_reads_as_the_standard_json_reader_reads_it(tmp_path, monkeypatch):
    """Read with orjson for speed: the same weights, every one a float, as json with parse_int=float;
    a damaged or foreign file is one clear ModelError."""
    import json

    from reviewapp.core.resources import resource_path
    from reviewapp.core.scoring import model as model_module

    for name in ("claim", "uncertainty"):
        data = json.loads(
            resource_path("models", f"{name}.json").read_text(encoding="utf-8"), parse_int=float
        )
        loaded = load_model(name)
        assert loaded.weights == data["weights"] and loaded.bias == data["bias"]
        assert all(type(w) is float for w in loaded.weights.values())

    models = tmp_path / "models"
    models.mkdir()
    monkeypatch.setattr(model_module, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    cases = {
        "whole": '{"format": 1, "name": "whole", "bias": 0, "weights": {"w:a": 1, "w:b": -0.5}}',
        "damaged": '{"format": 1, "name": "damaged", "bias": 0, "weights": {"w:a": ',
        "foreign": "[1, 2, 3]",
        "newer": '{"format": 2, "name": "newer", "bias": 0, "weights": {}}',
    }
    for name, text in cases.items():
        (models / f"{name}.json").write_text(text, encoding="utf-8")
    model_module.load_model.cache_clear()
    try:
        whole = model_module.load_model("whole")
        assert whole.weights == {"w:a": 1.0, "w:b": -0.5} and type(whole.weights["w:a"]) is float
        for name in ("damaged", "foreign", "newer"):
            with pytest.raises(model_module.ModelError, match=name):
                model_module.load_model(name)
    finally:
        model_module.load_model.cache_clear()


def test_every_learned_claim_says_why():
    """An attributed quotation's "The players were outstanding." scored over the threshold on its
    source alone, and its finding read "Check-worthy statement, attributed (score 0.34): ."."""
    text = f'{BODY}"We waited a long time," manager Claire Dunn said. "The players were outstanding."\n'
    learned = [f for f in findings_of(text, "claim") if f.rule == "claim.learned"]
    assert all(not f.message.endswith(": .") for f in learned)
    assert "The players were outstanding" not in " ".join(f.text for f in learned)


def test_a_sentence_introducing_a_statement_is_no_learned_claim():
    """ "In a statement, the transit authority said:" was a check-worthy statement (score 0.21)."""
    intro = "The council voted on Tuesday. In a statement, the transit authority said:"
    found = findings_of(f"{BODY}{intro}\nRidership fell 22 percent last year.\n", "claim")
    assert not [f for f in found if f.text.endswith(":")]


def test_no_learned_hedge_in_a_headline():
    """ "Riverside schools to add 40 teachers" read as hedged (score 0.43: "to add", "teachers"):
    a headline is no sentence of the kind the score learned from."""
    document = load_text(
        "Riverside schools to add 40 teachers\n\nThe board voted 5-2 on Monday, the minutes show.\n"
    )
    result = Analyzer().analyze(document)
    assert result.roles[0] == "title"
    assert [f.rule for f in result.findings if f.start < len(document.paragraphs[0].text)] == []


def test_a_speakers_label_is_no_check_worthy_name():
    """ "[00:00:05] HOST: Welcome back." and "RUIZ: Thanks for having me." were check-worthy
    statements on the names in their labels alone."""
    text = (
        "The Riverside Podcast\n\n[00:00:05] HOST: Welcome back.\n\n"
        "[00:00:12] RUIZ: Thanks for having me. Ridership fell 22 percent during the pandemic.\n\n"
        "[00:01:03] HOST: So the cuts are about money?\n\n[00:01:07] RUIZ: Partly.\n"
    )
    found = Analyzer().analyze(load_text(text)).findings
    assert [(f.rule, f.severity, f.text) for f in found] == [
        ("claim.figure", "suggestion", "Ridership fell 22 percent during the pandemic.")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Doors open at 7 p.m.; the show starts at 8.",  # score 0.37
        "Registration closes on Friday at 5 p.m.",  # 0.33
        "Anyone with information is asked to call police at 555-0142.",  # 0.36
        "Contact Jane Doe at 555-0199 for more details.",  # 0.35
        "Call 911 in an emergency.",  # 0.36
    ],
)
def test_information_for_readers_is_no_learned_claim(sentence):
    """Times of day and telephone numbers raise the score as numbers; a service line has no source
    to add."""
    assert [f.rule for f in findings_of(f"{BODY}The council met on Tuesday.\n{sentence}\n", "claim")] == []


def test_an_attributed_service_line_keeps_its_learned_claim():
    """A curfew's hours "the governor said" are a statement to confirm against its source."""
    sentence = "The curfew begins at 10 p.m. and runs until 6 a.m., the governor said."
    found = findings_of(f"{BODY}The council met on Tuesday.\n{sentence}\n", "claim")
    assert [(f.rule, f.severity) for f in found] == [("claim.learned", "suggestion")]


def test_a_critics_rating_is_no_learned_claim():
    """ "Verdict: 4 out of 5 stars." scored 0.29 on "a number out" alone: the critic's own word."""
    for sentence in ("Verdict: 4 out of 5 stars.", "We give it 3.5 stars out of 5."):
        assert findings_of(f"{BODY}The council met on Tuesday.\n{sentence}\n", "claim") == [], sentence


def test_the_interview_the_piece_is_no_claim():
    """ "She spoke with reporter Tom Smith about her plans." was a blocking named party acting."""
    text = (
        f"{BODY}Maria Lopez runs the transit authority. She spoke with reporter Tom Smith about her plans.\n"
    )
    assert [f.text for f in findings_of(text, "claim") if "reporter" in f.text] == []
    other = f"{BODY}The mayor met with union leaders on Monday about the 4 percent raise.\n"
    assert findings_of(other, "claim") != []
