"""Findings: what the analyzers report, in the shape of the findings contract."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

CATEGORIES = ("claim", "hedge", "peacock", "disclosure", "boilerplate", "ai_tell", "grammar")
SEVERITIES = ("suggestion", "warning", "error")  # ascending
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an editor must decide on. start/end are Python string indices."""

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

    def shifted(self, delta: int) -> Finding:
        # Direct construction: dataclasses.replace is several times slower, and
        # this runs for every finding of every paragraph.
        return Finding(
            self.category,
            self.rule,
            self.severity,
            self.start + delta,
            self.end + delta,
            self.text,
            self.message,
            self.suggestion,
            self.anchor,
            self.id,
            self.replacements,
        )

    def with_id(self, finding_id: str) -> Finding:
        return Finding(
            self.category,
            self.rule,
            self.severity,
            self.start,
            self.end,
            self.text,
            self.message,
            self.suggestion,
            self.anchor,
            finding_id,
            self.replacements,
        )

    def to_json(self) -> dict[str, Any]:
        """The finding as the findings contract spells it."""
        return {
            "id": self.id,
            "category": self.category,
            "rule": self.rule,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            **({"replacements": list(self.replacements)} if self.replacements else {}),
        }

    def at_least(self, severity: str) -> bool:
        return SEVERITY_RANK[self.severity] >= SEVERITY_RANK[severity]


def assign_ids(findings: list[Finding]) -> list[Finding]:
    """Give each finding an id from its rule, text and sentence, not its offset.

    So an edit in another paragraph (or another sentence of the same paragraph)
    leaves the id, and any resolution recorded against it, unchanged. Repeats of
    the same (rule, text, sentence) are numbered in document order.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for finding in sorted(findings, key=sort_key):
        key = (finding.rule, finding.text, finding.anchor)
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.blake2b(
            "\x1f".join((*key, str(occurrence))).encode("utf-8"), digest_size=6
        ).hexdigest()
        out.append(finding.with_id(f"{finding.category[:2]}-{digest}"))
    return out


def sort_key(finding: Finding) -> tuple[int, int, str]:
    return (finding.start, finding.end, finding.rule)


def filter_severity(findings: list[Finding], minimum: str) -> list[Finding]:
    return [f for f in findings if f.at_least(minimum)]
