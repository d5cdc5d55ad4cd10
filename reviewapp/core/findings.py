"""Findings: what the analyzers report, in the shape of the findings contract."""

from __future__ import annotations

import hashlib
from operator import attrgetter
from typing import Any, NamedTuple

SEVERITIES = ("suggestion", "warning", "error")  # ascending
# Where an unsourced claim's source goes: its fix puts this in for the editor to fill in, and the
# claim stays unsourced until it is (fixes.py, analyzers/claim.py).
SOURCE_PLACEHOLDER = "[source]"
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
_new = tuple.__new__


class Finding(NamedTuple):
    """One thing an editor must decide on. start/end are Python string indices.

    A named tuple rather than a frozen dataclass: as immutable, but several
    times cheaper to make and to pass between processes, and a long draft
    has thousands.
    """

    category: str
    rule: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    anchor: str = ""  # the sentence (or paragraph) the finding sits in: keeps ids stable
    id: str = ""
    replacements: tuple[str, ...] = ()  # one-click fixes (LanguageTool's suggestions)
    score: float | None = None  # how check-worthy (claims) or how hedged (hedges, peacocks), 0 to 1

    # Built by tuple.__new__ from slices, not with _replace or the class's own __new__ (both
    # Python code, two to three times slower): these run for every finding of a long draft.
    def shifted(self, delta: int) -> Finding:
        return _new(Finding, (*self[:3], self[3] + delta, self[4] + delta, *self[5:]))

    def with_id(self, finding_id: str) -> Finding:
        return _new(Finding, (*self[:9], finding_id, *self[10:]))

    def with_score(self, score: float) -> Finding:
        return _new(Finding, (*self[:11], score))

    def to_json(self) -> dict[str, Any]:
        """The finding as the findings contract spells it (unpacked once, no dicts spread into it:
        a long draft's contract has hundreds of thousands)."""
        category, rule, severity, start, end, text, message, suggestion, _, id_, replacements, score = self
        out = {
            "id": id_,
            "category": category,
            "rule": rule,
            "severity": severity,
            "start": start,
            "end": end,
            "text": text,
            "message": message,
            "suggestion": suggestion,
        }
        if replacements:
            out["replacements"] = list(replacements)
        if score is not None:
            out["score"] = round(score, 3)
        return out

    def at_least(self, severity: str) -> bool:
        return SEVERITY_RANK[self.severity] >= SEVERITY_RANK[severity]


def new_finding(
    category: str,
    rule: str,
    severity: str,
    start: int,
    end: int,
    text: str,
    message: str,
    suggestion: str | None,
    anchor: str,
    score: float | None = None,
) -> Finding:
    """A finding with no id or fixes yet, made by tuple.__new__ in field order like the methods
    above: every analyzer's finding is made here."""
    return _new(
        Finding, (category, rule, severity, start, end, text, message, suggestion, anchor, "", (), score)
    )


def assign_ids(findings: list[Finding]) -> list[Finding]:
    """Give each finding an id from its rule, text and sentence, not its offset.

    So an edit in another paragraph (or another sentence of the same paragraph)
    leaves the id, and any resolution recorded against it, unchanged. Repeats of
    the same (rule, text, sentence) are numbered in document order. (An editing
    session numbers only what an edit changed: numbering.py, to the same ids.)
    """
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for f in sorted(findings, key=sort_key):
        key = (f.rule, f.text, f.anchor)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        out.append(f.with_id(finding_id(f, occurrence)))
    return out


def finding_id(finding: Finding, occurrence: int) -> str:
    """The id of a finding that is the `occurrence`-th (from 0) of its rule, text and sentence."""
    named = f"{finding.rule}\x1f{finding.text}\x1f{finding.anchor}\x1f{occurrence}"
    return f"{finding.category[:2]}-{hashlib.blake2b(named.encode(), digest_size=6).hexdigest()}"


# Reading order: (start, end, rule) of a finding, at C speed (it sorts every finding of a draft).
sort_key = attrgetter("start", "end", "rule")


def filter_severity(findings: list[Finding], minimum: str) -> list[Finding]:
    """The findings of `minimum` severity or above (the list itself when that is every finding:
    a 20 MB draft has 290,000, each tested for nothing)."""
    if SEVERITY_RANK[minimum] == 0:
        return findings
    return [f for f in findings if f.at_least(minimum)]


def filter_score(findings: list[Finding], minimum: float) -> list[Finding]:
    """Leave out scored findings below `minimum`; findings without a score stay (all of them,
    the list itself, when `minimum` is 0: no score is below it)."""
    if minimum <= 0:
        return findings
    return [f for f in findings if f.score is None or f.score >= minimum]
