"""The shared annotated drafts: what an editor must be shown, and what must stay quiet."""

from __future__ import annotations

import pytest

from reviewapp.core import load_path
from reviewapp.core.findings import SEVERITY_RANK


@pytest.fixture(scope="module")
def foxconn(analyzer, data_dir):
    return analyzer.analyze(load_path(data_dir / "openai-foxconn.txt"))


@pytest.fixture(scope="module")
def riverside(analyzer, data_dir):
    return analyzer.analyze(load_path(data_dir / "riverside-library.txt"))


def _hits(result, item) -> list:
    text = result.document.text
    start = text.find(item["quote"])
    assert start >= 0, f"quote not in the text: {item['quote']!r}"
    end = start + len(item["quote"])
    return [f for f in result.findings if f.category == item["category"] and f.start < end and start < f.end]


def test_every_required_foxconn_item_is_hit(foxconn, foxconn_expected):
    missed = [item for item in foxconn_expected["required"] if not _hits(foxconn, item)]
    assert missed == []


def test_foxconn_findings_quote_the_text_exactly(foxconn):
    for f in foxconn.findings:
        assert foxconn.document.text[f.start : f.end] == f.text


def test_foxconn_ids_are_unique(foxconn):
    ids = [f.id for f in foxconn.findings]
    assert len(ids) == len(set(ids))


def test_foxconn_claims_are_unattributed_warnings(foxconn, foxconn_expected):
    for item in foxconn_expected["required"]:
        if item["category"] == "claim":
            assert {f.severity for f in _hits(foxconn, item)} == {"warning"}, item["quote"]


def test_riverside_raises_nothing_above_suggestion(riverside, riverside_expected):
    limit = SEVERITY_RANK[riverside_expected["max_severity"]]
    loud = [(f.rule, f.text) for f in riverside.findings if SEVERITY_RANK[f.severity] > limit]
    assert loud == []


def test_riverside_must_not_flag_items(riverside, riverside_expected):
    for item in riverside_expected["must_not_flag"]:
        hits = _hits(riverside, item)
        assert all(f.severity == "suggestion" for f in hits), item["quote"]
        if item["category"] == "disclosure":
            assert hits == []


def test_riverside_sourced_claims_are_listed_as_suggestions(riverside):
    claims = [f for f in riverside.findings if f.category == "claim"]
    assert claims and all(f.severity == "suggestion" for f in claims)
