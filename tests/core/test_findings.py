"""A finding's copies with one field changed are exactly what `_replace` gives, and findings."""

from __future__ import annotations

from reviewapp.core.findings import Finding


def test_a_moved_renamed_or_scored_finding_differs_in_that_field_only():
    finding = Finding(
        "hedge", "hedge.vague", "warning", 10, 20, "some", "Vague.", "Say who.", "a", "", ("x",), 0.5
    )
    assert finding.shifted(5) == finding._replace(start=15, end=25)
    assert finding.shifted(-10) == finding._replace(start=0, end=10)
    assert finding.with_id("he-1") == finding._replace(id="he-1")
    assert finding.with_score(0.9) == finding._replace(score=0.9)
    for copy in (finding.shifted(1), finding.with_id("he-1"), finding.with_score(0.1)):
        assert type(copy) is Finding and copy.to_json()["rule"] == "hedge.vague"


def test_a_paragraphs_finding_is_the_finding_its_fields_name():
    """ParagraphContext.finding builds the tuple in field order (for speed): it must stay the finding
    that naming each field gives."""
    from reviewapp.core.analyzers.context import ParagraphContext
    from reviewapp.core.findings import Finding

    ctx = ParagraphContext("First sentence here. It is widely believed, some say.", "body")
    start = ctx.text.index("widely")
    made = ctx.finding("hedge", "hedge.weasel", "warning", start, start + 15, "Vague.", "Say who.", 0.75)
    assert made == Finding(
        category="hedge",
        rule="hedge.weasel",
        severity="warning",
        start=start,
        end=start + 15,
        text="widely believed",
        message="Vague.",
        suggestion="Say who.",
        anchor="It is widely believed, some say.",
        score=0.75,
    )
    assert type(made) is Finding and made.id == "" and made.replacements == ()
    unscored = ctx.finding("claim", "claim.figure", "warning", 0, 5, "m", None)
    assert unscored.score is None and unscored.anchor == "First sentence here."
