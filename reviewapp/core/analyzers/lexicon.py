"""Word-list and pattern rules from resources/rules/*.toml: hedges, peacock wording and
phrasing typical of generated text, in titles and body text."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence

from ..findings import Finding
from ..patterns import WORD_RE, GatedPattern, PatternIndex, normalise
from ..policy import Policy
from ..roles import BODY, TITLE
from ..rules import LexiconRule, house_rules
from ..text import inside
from .base import Check, RuleInfo
from .context import ParagraphContext

WORD_LIST_CATEGORIES = ("hedge", "peacock", "ai_tell")


class WordListCheck(Check):
    """Every word-list rule of the house, in one pass over a paragraph's words."""

    name = "wordlists"
    categories = WORD_LIST_CATEGORIES
    # A disclosure's "may contain errors" is legal boilerplate, not a hedge.
    roles = frozenset({BODY, TITLE})

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        rules = house_rules(policy.extra_rule_files, policy.disabled_rules)
        self.lexicon = tuple(rule for category in self.categories for rule in rules[category])
        self.terms = TermIndex(self.lexicon)

    def rules(self) -> Sequence[RuleInfo]:
        return [RuleInfo(rule.name, rule.category, rule.why) for rule in self.lexicon]

    def paragraph(self, ctx: ParagraphContext) -> list[Finding]:
        return run_rules(ctx, self.terms, self.categories)


class TermIndex:
    """Every term of a set of rules, for one pass over a paragraph's tokens.

    One-word terms are keyed by the word and longer ones by their first two
    words, so common first words ("a", "in", "the") cost nothing unless the
    second word matches too.
    """

    def __init__(self, rules: Iterable[LexiconRule]) -> None:
        self._single: dict[str, list[tuple[tuple[str, ...], LexiconRule]]] = {}
        self._pairs: dict[tuple[str, str], list[tuple[tuple[str, ...], LexiconRule]]] = {}
        patterned: list[tuple[LexiconRule, GatedPattern]] = []
        for rule in rules:
            if rule.whole_paragraph:
                continue
            patterned.extend((rule, pattern) for pattern in rule.patterns)
            for term in rule.terms:
                words = tuple(WORD_RE.findall(term.replace("’", "'")))
                if " ".join(words) != " ".join(term.split()):
                    raise ValueError(f"rule {rule.name}: term {term!r} must be plain words")
                key = words if rule.case_sensitive else tuple(normalise(w) for w in words)
                first = tuple(normalise(w) for w in key[:2])
                if len(key) == 1:
                    self._single.setdefault(first[0], []).append((key, rule))
                else:
                    self._pairs.setdefault((first[0], first[1]), []).append((key, rule))
        for table in (self._single, self._pairs):
            for entries in table.values():
                entries.sort(key=lambda entry: -len(entry[0]))
        self.patterns = PatternIndex(patterned)
        self._firsts = frozenset(first for first, _ in self._pairs)

    def matches(
        self, ctx: ParagraphContext, categories: Collection[str]
    ) -> Iterator[tuple[LexiconRule, int, int]]:
        tokens = ctx.tokens
        norms = ctx.norms
        candidates: list[tuple[int, list[tuple[tuple[str, ...], LexiconRule]]]] = []
        singles = ctx.words & self._single.keys()
        if singles:
            candidates += [(i, self._single[n]) for i, n in enumerate(norms) if n in singles]
        firsts = ctx.words & self._firsts
        if firsts:
            pairs = self._pairs
            for i, n in enumerate(norms[:-1]):
                if n in firsts and (entries := pairs.get((n, norms[i + 1]))):
                    candidates.append((i, entries))
        text = ctx.text
        for i, entries in candidates:
            for key, rule in entries:
                end = i + len(key)
                if rule.category not in categories or end > len(tokens):
                    continue
                field = 3 if rule.case_sensitive else 2
                if all(tokens[i + j][field] == word for j, word in enumerate(key)) and all(
                    text[tokens[k - 1][1] : tokens[k][0]].isspace() for k in range(i + 1, end)
                ):
                    yield rule, tokens[i][0], tokens[end - 1][1]


def run_rules(ctx: ParagraphContext, index: TermIndex, categories: Collection[str]) -> list[Finding]:
    found: list[Finding] = []
    spans = list(index.matches(ctx, categories))
    for rule, pattern in index.patterns.candidates(ctx.text, ctx.words):
        if rule.category in categories:
            spans.extend((rule, *_trim(ctx.text, m.span())) for m in _overlapping(pattern.regex, ctx.text))
    for rule, start, end in spans:
        if start == end or (rule.skip_quoted and inside(ctx.quotes, start, end)):
            continue
        if rule.sentence_span:
            sentence = ctx.sentence_at(start)
            start, end = sentence.start, max(sentence.end, end)
        message, suggestion = rule.describe(ctx.text[start:end])
        found.append(ctx.finding(rule.category, rule.name, rule.severity, start, end, message, suggestion))
    return _drop_nested(found)


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Drop spaces a pattern may have taken at its edges."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _overlapping(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches that may overlap ("It feels" and "feels like"), unlike finditer's."""
    pos = 0
    while (match := regex.search(text, pos)) is not None:
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
    return first._replace(end=second.end, text=text, message=message)
