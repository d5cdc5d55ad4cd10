"""The record commands' kept analyses (kept_analysis.py): read for the same text under the same
rules, never for another, and the verdict the same as with a fresh analysis."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from reviewapp.core import kept_analysis
from reviewapp.core.kept_analysis import FOLDER, analysis_key, read_analysis
from reviewapp.core.loaders import load_path
from reviewapp.core.paths import cache_dir
from reviewapp.core.policy import load_policy
from reviewapp.core.review import Reviewer
from reviewapp.core.store import ReviewStore


@pytest.fixture
def draft(tmp_path, data_dir) -> Path:
    path = tmp_path / "fox.txt"
    path.write_text((data_dir / "openai-foxconn.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def kept_files() -> list[Path]:
    folder = cache_dir() / FOLDER
    return sorted(folder.iterdir()) if folder.is_dir() else []


def judged(draft: Path, tmp_path: Path, reviewer: Reviewer | None = None):
    reviewer = reviewer or Reviewer(load_policy(), lazy=True)
    store = ReviewStore(tmp_path / "r.sqlite3")
    try:
        return reviewer.review(reviewer.load(draft), store=store, kept=True)
    finally:
        store.close()


def test_a_kept_analysis_gives_the_review_a_fresh_one_gives(draft, tmp_path):
    first = judged(draft, tmp_path)
    assert len(kept_files()) == 1
    again = Reviewer(load_policy(), lazy=True)
    second = judged(draft, tmp_path, again)
    assert again._analyzer is None  # read, not analysed: the analyzers never configured
    fresh = Reviewer(load_policy()).review(load_path(draft), store=ReviewStore(tmp_path / "r.sqlite3"))
    assert second.findings == first.findings == fresh.findings
    assert second.analysis.roles == fresh.analysis.roles
    assert second.gate == fresh.gate


def test_an_edited_text_is_analysed_again(draft, tmp_path):
    judged(draft, tmp_path)
    draft.write_text(
        draft.read_text(encoding="utf-8") + "\n\nSales will surely double by 2030.\n", encoding="utf-8"
    )
    reviewer = Reviewer(load_policy(), lazy=True)
    review = judged(draft, tmp_path, reviewer)
    assert reviewer._analyzer is not None
    assert any("2030" in f.text for f in review.findings)
    assert len(kept_files()) == 2


def test_another_policy_or_house_rule_is_another_key(draft, tmp_path):
    document = load_path(draft)
    default = analysis_key(document, load_policy())
    rules = tmp_path / "house.toml"
    rules.write_text(
        '[[rule]]\nname = "house.jargon"\nterms = ["synergy"]\nseverity = "warning"\n', encoding="utf-8"
    )
    policy = tmp_path / "policy.toml"
    policy.write_text('[rules]\nextra_files = ["house.toml"]\n', encoding="utf-8")
    with_rules = analysis_key(document, load_policy(policy))
    rules.write_text(rules.read_text(encoding="utf-8").replace("synergy", "leverage"), encoding="utf-8")
    edited_rules = analysis_key(document, load_policy(policy))
    assert len({default, with_rules, edited_rules}) == 3
    assert analysis_key(document, load_policy()) == default


def test_a_changed_analysis_file_is_another_installation(tmp_path, monkeypatch):
    """A module or rule file edited (its size or time changed) is another key, as it is another
    bytecode for Python: the stamp of every file under the folders the analysis reads."""
    folder = tmp_path / "core"
    (folder / "analyzers").mkdir(parents=True)
    module = folder / "analyzers" / "claim.py"
    module.write_text("RULES = 1\n", encoding="utf-8")

    def stamps() -> list[tuple[str, int, int]]:
        return list(kept_analysis._files(folder))

    before = stamps()
    assert [Path(path).name for path, _, _ in before] == ["claim.py"]
    module.write_text("RULES = 2\n", encoding="utf-8")
    os.utime(module, ns=(before[0][2] + 1_000_000, before[0][2] + 1_000_000))
    assert stamps() != before
    (folder / "analyzers" / "__pycache__").mkdir()
    (folder / "analyzers" / "__pycache__" / "claim.cpython-311.pyc").write_bytes(b"x")
    assert len(stamps()) == 1  # bytecode is no source


def test_the_installation_stamp_covers_the_core_and_the_rules():
    names = {
        Path(path).name
        for root in kept_analysis.stamped_folders()
        for path, _, _ in kept_analysis._files(root)
    }
    assert {"claim.py", "review.py", "hedge.toml", "claim.json", "default.toml"} <= names


def test_a_damaged_or_foreign_kept_analysis_is_analysed_again(draft, tmp_path):
    first = judged(draft, tmp_path)
    (path,) = kept_files()
    for damage in (
        b"not marshal",
        b"\xe9\x00",
        marshal.dumps((5, ["body"])),
        marshal.dumps(([("x",)], "body")),
    ):
        path.write_bytes(damage)
        assert read_analysis(path.name.split(".")[0]) is None
        reviewer = Reviewer(load_policy(), lazy=True)
        assert judged(draft, tmp_path, reviewer).findings == first.findings
        assert reviewer._analyzer is not None


def test_no_cache_keeps_nothing(draft, tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWAPP_NO_CACHE", "1")
    judged(draft, tmp_path)
    assert kept_files() == []


def test_a_review_with_languagetool_is_neither_read_nor_kept(tmp_path, languagetool):
    """LanguageTool's answer is another service's, not a function of the key."""
    url, log = languagetool
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Budget passes\n\nThe council approved teh budget on Monday, the mayor said.\n", encoding="utf-8"
    )
    grammar = load_policy().grammar.with_overrides(mode="server", server_url=url, timeout=1.0)
    reviewer = Reviewer(load_policy(), grammar, lazy=True)
    for _ in range(2):
        review = reviewer.review(reviewer.load(draft), kept=True)
        assert [f.text for f in review.findings if f.category == "grammar"] == ["teh"]
    assert kept_files() == [] and log.texts
    reviewer.review(reviewer.load(draft), grammar="off", kept=True)  # asked not to: kept
    assert len(kept_files()) == 1
    reviewer.close()


def test_past_the_limit_the_oldest_go(tmp_path, monkeypatch):
    monkeypatch.setattr(kept_analysis, "LIMIT", 3)
    reviewer = Reviewer(load_policy(), lazy=True)
    for n in range(5):
        path = tmp_path / f"d{n}.txt"
        path.write_text(f"The council met on day {n} and approved the budget.\n", encoding="utf-8")
        reviewer.review(reviewer.load(path), kept=True)
    assert len(kept_files()) == 3
