"""Run word-list and pattern rules (hedge, peacock, ai_tell, boilerplate) on a paragraph."""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Finding
from ..rules import LexiconRule
from ..text import inside, word_count
from .context import ParagraphContext


def run_rules(ctx: ParagraphContext, rules: Iterable[LexiconRule]) -> list[Finding]:
    found: list[Finding] = []
    words = None
    for rule in rules:
        if rule.whole_paragraph:
            words = word_count(ctx.text) if words is None else words
            if rule.max_words and words > rule.max_words:
                continue
        for match in rule.regex.finditer(ctx.text):
            start, end = match.span()
            # Trim spaces a pattern may have taken at its edges.
            while start < end and ctx.text[start].isspace():
                start += 1
            while end > start and ctx.text[end - 1].isspace():
                end -= 1
            if start == end:
                continue
            if rule.whole_paragraph:
                start, end = 0, len(ctx.text)
            elif rule.skip_quoted and inside(ctx.quotes, start, end):
                continue
            message, suggestion = rule.describe(ctx.text[start:end])
            found.append(ctx.finding(rule.category, rule.name, rule.severity, start, end, message, suggestion))
            if rule.whole_paragraph:
                break
    return _drop_nested(found)


def _drop_nested(found: list[Finding]) -> list[Finding]:
    """Keep one finding per span: a match inside a longer one of the same category adds nothing."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in found:
        if kept and kept[-1].category == finding.category and finding.end <= kept[-1].end and (
            finding.start >= kept[-1].start
        ):
            continue
        kept.append(finding)
    return kept
