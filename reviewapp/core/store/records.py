"""What the review record holds, as plain values: the draft a decision is about, and the decisions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..document import Document


def draft_key(path: Path | None, sha256: str) -> str:
    """How the record names a draft: its absolute path, or its first text for a pasted one."""
    return str(path.resolve()) if path else f"pasted:{sha256}"


@dataclass(frozen=True, slots=True)
class DraftRef:
    """One version of one draft, as a decision names it."""

    key: str  # the draft (see draft_key)
    sha256: str  # the exact text decided on
    words: int
    title: str | None = None

    @classmethod
    def of(cls, document: Document, key: str | None = None) -> DraftRef:
        return cls(
            key or draft_key(document.path, document.sha256),
            document.sha256,
            document.words,
            document.metadata.title,
        )


@dataclass(frozen=True, slots=True)
class Resolution:
    finding_id: str
    status: str
    note: str | None
    source_url: str | None
    person: str
    at: str
    sha256: str
    rule: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class SignOff:
    person: str
    role: str
    decision: str
    comment: str | None
    at: str
    sha256: str


@dataclass(frozen=True, slots=True)
class AuditReport:
    ok: bool
    entries: int
    first_broken: int | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: str
    kind: str  # "version", "resolution" or "signoff"
    sha256: str
    summary: str
