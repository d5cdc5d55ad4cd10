from __future__ import annotations

from functools import cache

from reviewapp.core import Analyzer, Finding, load_policy, load_text
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
