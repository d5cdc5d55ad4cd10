from __future__ import annotations

from reviewapp.core import Analyzer, Finding, load_text


def findings_of(text: str, category: str | None = None, analyzer: Analyzer | None = None) -> list[Finding]:
    result = (analyzer or Analyzer()).analyze(load_text(text))
    return [f for f in result.findings if category is None or f.category == category]


def hit(findings: list[Finding], text: str, quote: str, category: str) -> bool:
    start = text.index(quote)
    end = start + len(quote)
    return any(f.category == category and f.start < end and start < f.end for f in findings)
