"""Run word-list and pattern rules (hedge, peacock, ai_tell, boilerplate) on a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

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
        for match in _overlapping(rule, ctx.text):
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
            found.append(
                ctx.finding(rule.category, rule.name, rule.severity, start, end, message, suggestion)
            )
            if rule.whole_paragraph:
                break
    return _drop_nested(found)


def _overlapping(rule: LexiconRule, text: str) -> Iterable[re.Match[str]]:
    """Matches that may overlap ("It feels" and "feels like"), unlike finditer's."""
    pos = 0
    while (match := rule.regex.search(text, pos)) is not None:
        yield match
        pos = match.start() + 1


def _drop_nested(found: list[Finding]) -> list[Finding]:
    """One finding per stretch of text: overlapping matches of one rule become one span
    ("It feels" + "feels like" -> "It feels like"); a match inside a longer one of
    the same category adds nothing."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in found:
        last = kept[-1] if kept else None
        if last and last.category == finding.category and finding.start < last.end:
            if finding.rule == last.rule and finding.end > last.end:
                kept[-1] = _union(last, finding)
            if finding.end <= last.end or finding.rule == last.rule:
                continue
        kept.append(finding)
    return kept


def _union(first: Finding, second: Finding) -> Finding:
    text = first.text + second.text[first.end - second.start :]
    message = first.message.replace(f'"{first.text}"', f'"{text}"')
    return replace(first, end=second.end, text=text, message=message)
