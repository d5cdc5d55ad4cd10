from __future__ import annotations

from functools import cache
from pathlib import Path

from reviewapp.core import Analyzer, Document, Finding, load_path, load_policy, load_text
from reviewapp.core.policy import ScoreSettings

# The rules alone: every hit stands whatever the learned score says, and nothing is
# flagged on the score alone. For tests of what a rule matches; test_scoring.py
# tests what the scores decide.
RULES_ONLY = ScoreSettings({"claim": 2.0, "hedge": 2.0}, {"claim": 0.0, "hedge": 0.0}, {})


@cache
def rules_only() -> Analyzer:
    return Analyzer(load_policy()._replace(scores=RULES_ONLY))


def findings_of(text: str, category: str | None = None, analyzer: Analyzer | None = None) -> list[Finding]:
    result = (analyzer or Analyzer()).analyze(load_text(text))
    return [f for f in result.findings if category is None or f.category == category]


def rule_findings_of(text: str, category: str | None = None) -> list[Finding]:
    """What the rules alone find (see RULES_ONLY)."""
    return findings_of(text, category, rules_only())


def hit(findings: list[Finding], text: str, quote: str, category: str) -> bool:
    start = text.index(quote)
    end = start + len(quote)
    return any(f.category == category and f.start < end and start < f.end for f in findings)


def rule_exercising_drafts(data_dir: Path) -> list[Document]:
    """The tests' drafts and the analyzer tests' example sentences (many rules, each with true
    and false positives): for tests that a way of running the rules changes no finding."""
    drafts = [load_path(p) for p in sorted(data_dir.glob("*.txt"))]
    examples = ("test_claim.py", "test_hedge_peacock.py", "test_ai_tell_boilerplate.py", "test_disclosure.py")
    for name in examples:
        drafts.append(load_text((data_dir.parent / "core" / name).read_text(encoding="utf-8")))
    return drafts
