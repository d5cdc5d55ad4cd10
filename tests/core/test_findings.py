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
