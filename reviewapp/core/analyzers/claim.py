"""Check-worthy claims: sentences asserting facts that a reader cannot check as written.

A sentence is a claim when it carries one strong signal (a figure, a
superlative, a prediction, a reported statement by a named party) or two
weaker ones (a date, a named party doing something, a trend, "will").
Questions, opinions marked as such and pure description are not claims.
A claim is a `warning` when nothing in the sentence attributes it, and a
`suggestion` (confirm the source) when something does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..findings import Finding
from ..rules import pattern_list, word_list
from ..text import overlaps
from .context import BODY, ParagraphContext

_TOKEN = re.compile(r"[\w'’.-]+")
_CAPITALISED = re.compile(r"[A-Z]")
_MIN_WORDS = 4

# (rule, message when unattributed, message when attributed, suggestion when unattributed)
_KINDS = {
    "statement": (
        "Reported statement with no source: who says so, and where?",
        "Reported statement: confirm it against the cited source.",
    ),
    "figure": (
        "Unsourced figure: nothing in this sentence says where the number comes from.",
        "Figure with a source: confirm it against the source.",
    ),
    "superlative": (
        "Superlative presented as fact with no source.",
        "Superlative with a source: confirm the source supports it.",
    ),
    "prediction": (
        "Prediction presented as fact with no source.",
        "Prediction with a source: confirm who predicts it.",
    ),
    "event": (
        "A named person or organisation doing something, with no source or announcement cited.",
        "Reported event: confirm it against the cited source.",
    ),
    "trend": (
        "Trend stated without data or a source.",
        "Trend with a source: confirm the data.",
    ),
    "dated": (
        "Dated factual statement with no source.",
        "Dated statement with a source: confirm it.",
    ),
}
_SUGGEST_UNSOURCED = "Verify it and add the source (who said it, a document, a link), or remove it."
_SUGGEST_SOURCED = "Check the cited source says exactly this."


@dataclass(frozen=True, slots=True)
class ClaimSignals:
    kinds: tuple[str, ...]
    attributed: bool


def analyze(ctx: ParagraphContext) -> list[Finding]:
    if ctx.role != BODY:
        return []
    found = []
    for sentence in ctx.sentences:
        signals = sentence_signals(sentence.text, sentence.start, ctx)
        if not signals:
            continue
        kind = signals.kinds[0]
        unsourced, sourced = _KINDS[kind]
        found.append(
            ctx.finding(
                "claim",
                f"claim.{kind}",
                "suggestion" if signals.attributed else "warning",
                sentence.start,
                sentence.end,
                sourced if signals.attributed else unsourced,
                _SUGGEST_SOURCED if signals.attributed else _SUGGEST_UNSOURCED,
            )
        )
    return found


def sentence_signals(text: str, offset: int = 0, ctx: ParagraphContext | None = None) -> ClaimSignals | None:
    """The claim signals in one sentence, strongest first, or None if it is no claim."""
    if text.rstrip("\"”’') ").endswith("?") or len(text.split()) < _MIN_WORDS:
        return None
    if pattern_list("opinion").search(text):
        return None
    masked, linked = _mask_urls(text, offset, ctx)
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(masked)]
    lower = [t.lower().strip(".’'") for t, _ in tokens]
    # Verbs are lower case mid-sentence: "United States" is not the verb "states".
    verbs = {w for w, (t, _) in zip(lower, tokens, strict=True) if not t[:1].isupper()} | set(lower[:1])
    names = _named_entities(tokens)
    dates = [m.span() for m in pattern_list("date").finditer(masked)]
    figures = [m for m in pattern_list("figure").finditer(masked) if not overlaps(dates, *m.span())]

    strong: list[str] = []
    weak: list[str] = []
    if figures:
        strong.append("figure")
    if names and (verbs & (word_list("speech_verbs") | word_list("statement_verbs"))):
        strong.append("statement")
    if pattern_list("superlative").search(masked):
        strong.append("superlative")
    if pattern_list("prediction").search(masked):
        strong.append("prediction")
    if names and verbs & word_list("action_verbs"):
        weak.append("event")
    if pattern_list("trend").search(masked):
        weak.append("trend")
    if dates:
        weak.append("dated")
    if pattern_list("will").search(masked) and (names or dates or figures):
        weak.append("prediction")
    if not strong and len(set(weak)) < 2 and not ("event" in weak and len(names) >= 2):
        return None
    return ClaimSignals(tuple(dict.fromkeys(strong + weak)), linked or _attributed(masked, tokens, lower))


def _mask_urls(text: str, offset: int, ctx: ParagraphContext | None) -> tuple[str, bool]:
    """Blank out URLs so the digits in a link are not read as figures; report if any."""
    if ctx is None:
        from ..text import url_spans

        spans = url_spans(text)
    else:
        spans = [(s - offset, e - offset) for s, e in ctx.urls if s >= offset and e <= offset + len(text)]
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text, bool(spans)


def _named_entities(tokens: list[tuple[str, int]]) -> list[str]:
    """Proper names, by capitalisation: a crude but fast stand-in for NER.

    A capitalised word counts when it is not the first word, or when it is the
    first word of a multi-word name ("Sam Altman"), or looks like a brand or
    acronym ("OpenAI", "NASA").
    """
    not_names = word_list("not_names")
    names = []
    for i, (token, _) in enumerate(tokens):
        word = token.strip(".’'-")
        if not word or not _CAPITALISED.match(word) or word.lower() in not_names:
            continue
        inner_capital = any(c.isupper() for c in word[1:])
        if i == 0:
            following = tokens[1][0] if len(tokens) > 1 else ""
            if not (inner_capital or (following[:1].isupper() and following.lower() not in not_names)):
                continue
        names.append(word)
    return names


def _attributed(masked: str, tokens: list[tuple[str, int]], lower: list[str]) -> bool:
    """Does the sentence say where the claim comes from?"""
    if pattern_list("attribution").search(masked):
        return True
    speech = word_list("speech_verbs")
    vague = word_list("vague_subjects")
    for i, word in enumerate(lower):
        if word not in speech or i == 0 or tokens[i][0][:1].isupper():
            continue
        before = lower[max(0, i - 3) : i]
        if before[-1] in ("a", "an", "the", "new", "all-time"):  # "a record", not "the minutes record"
            continue
        if not set(before) & vague:
            return True
    return False
