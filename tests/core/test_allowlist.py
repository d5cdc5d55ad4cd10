"""The house allow-list: terms the newsroom accepts are not flagged, and are part of the policy."""

from __future__ import annotations

from reviewapp.core import load_policy, load_text
from reviewapp.core.allowlist import read_terms, write_terms
from reviewapp.core.review import Reviewer

TEXT = "The Landmark Trust restored the mill. It is a landmark deal, if you ask me.\n"


def house_policy(tmp_path, terms=("Landmark",)):
    allow = tmp_path / "allowed.txt"
    write_terms(allow, terms)
    policy = tmp_path / "house.toml"
    policy.write_text('[rules]\nallow_list = "allowed.txt"\n', encoding="utf-8")
    return policy, allow


def test_allowed_terms_are_not_findings_but_are_kept_aside(tmp_path):
    path, _ = house_policy(tmp_path)
    plain = Reviewer(load_policy()).review(load_text(TEXT))
    house = Reviewer(load_policy(path)).review(load_text(TEXT))
    assert {f.text for f in plain.findings if f.category == "peacock"} == {"Landmark", "landmark"}
    assert not any(f.category == "peacock" for f in house.findings)
    assert {f.text for f in house.allowed} == {"Landmark", "landmark"}  # case does not matter
    assert any(f.rule == "hedge.opinion" for f in house.findings)  # other words still flagged


def test_claims_and_disclosure_gaps_cannot_be_allowed_away(tmp_path):
    text = "Sales rose 40 percent in 2024.\n"
    path, _ = house_policy(tmp_path, ["Sales rose 40 percent in 2024."])
    review = Reviewer(load_policy(path)).review(load_text(text))
    assert any(f.category == "claim" for f in review.findings) and review.allowed == ()


def test_the_terms_are_part_of_the_policy_and_its_fingerprint(tmp_path):
    path, allow = house_policy(tmp_path)
    before = load_policy(path)
    write_terms(allow, [*read_terms(allow), "world-class"])
    after = load_policy(path)
    assert after.fingerprint != before.fingerprint
    assert after.raw["rules"]["allowed"] == ["Landmark", "world-class"]
    assert read_terms(allow) == ["Landmark", "world-class"]
    assert allow.read_text(encoding="utf-8").startswith("# The house allow-list")
