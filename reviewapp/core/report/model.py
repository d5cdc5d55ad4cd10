"""What a review report says, gathered once for every format."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from ... import __version__
from ..categories import CATEGORIES
from ..document import split_paragraphs
from ..findings import SEVERITIES, Finding
from ..gate import GateResult
from ..intake import read_notes
from ..language import language_notes
from ..policy import Policy
from ..review import Review
from ..store import AuditReport, Resolution, ReviewStore, SignOff
from .segments import Reference, marked_paragraphs

GROUP_OVER = 10_000  # findings: beyond this a report lists repeated findings once, with a count


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a report's findings list: a finding, or findings alike (same rule, same words)."""

    findings: tuple[Finding, ...]

    @property
    def first(self) -> Finding:
        return self.findings[0]


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    path: str | None
    words: int
    sha256: str  # of the text (see Document)
    file_sha256: str | None  # of the file, as sha256sum prints it
    generated: str  # ISO 8601, UTC
    tool_version: str
    text: str
    findings: list[Finding]  # in the order their references appear in the text
    resolutions: dict[str, Resolution]
    gate: GateResult
    signoffs: list[SignOff]  # of this exact text, oldest first
    audit: AuditReport
    paper: str
    digital_source_type: str
    responsible: SignOff | None  # the approval that names who holds editorial responsibility
    declared_ai_use: str | None
    ai_statement: str | None
    # What a reader of the verdict must know: how the draft was read (tracked changes accepted, text
    # the page hides), a draft not in English.
    notes: tuple[str, ...] = ()

    def number(self) -> dict[str, int]:
        """Finding id → its number in the report (1-based, reading order): its entry's number."""
        return {f.id: n for n, entry in enumerate(self.entries(), 1) for f in entry.findings}

    @property
    def grouped(self) -> bool:
        """Over GROUP_OVER findings, repeated ones (same rule, same words) are listed once."""
        return len(self.findings) > GROUP_OVER

    def entries(self) -> list[Entry]:
        """What the findings list shows: each finding, or (when grouped) each rule-and-words once."""
        if not self.grouped:
            return [Entry((f,)) for f in self.findings]
        groups: dict[tuple[str, str], list[Finding]] = {}
        for finding in self.findings:  # in reading order: a group is numbered where it first shows
            groups.setdefault((finding.rule, finding.text), []).append(finding)
        return [Entry(tuple(members)) for members in groups.values()]

    def counts(self) -> dict[str, dict[str, int]]:
        """category → severity → how many, with every category and severity present."""
        table = {c: dict.fromkeys(SEVERITIES, 0) for c in CATEGORIES}
        for finding in self.findings:
            table[finding.category][finding.severity] += 1
        return table

    def resolved_by_status(self) -> dict[str, int]:
        return dict(sorted(Counter(r.status for r in self.resolutions.values()).items()))

    def open_by_category(self) -> dict[str, int]:
        counts = dict.fromkeys(CATEGORIES, 0)
        for finding in self.findings:
            if finding.id not in self.resolutions:
                counts[finding.category] += 1
        return counts

    @property
    def open_count(self) -> int:
        return sum(1 for f in self.findings if f.id not in self.resolutions)

    @property
    def progress(self) -> str:
        """At a glance: "12 of 41 resolved, 3 blocking"."""
        return self.gate.progress


def display_time(iso: str) -> str:
    """An ISO 8601 time as a reader wants it: "2026-11-28 23:28 UTC" (JSON keeps the ISO form)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def in_reference_order(text: str, findings: list[Finding]) -> list[Finding]:
    """Findings numbered as their references appear in the text (a reference sits where its
    finding ends), so footnotes run [1][2][3]... however the findings overlap."""
    ordered: list[Finding] = []
    for pieces in marked_paragraphs(split_paragraphs(text), findings):
        ordered.extend(item.finding for item in pieces if isinstance(item, Reference))
    seen = {f.id for f in ordered}
    return ordered + [f for f in findings if f.id not in seen]


def build_report(
    review: Review,
    store: ReviewStore,
    policy: Policy,
    generated: datetime | None = None,
    how_read: Sequence[str] | None = None,
) -> Report:
    """Everything a report shows, from a judged review and the review record. `how_read`: how
    the draft was read, when its document no longer says (the app's, edited, has no warnings)."""
    if review.gate is None:
        raise ValueError("a report needs a review judged against the record (Reviewer.judge)")
    document = review.document
    gate = review.gate
    signoffs = gate.signoffs
    responsible = None
    for signoff in signoffs:  # the latest decision of the responsible role counts
        if signoff.role == policy.responsible_role:
            responsible = signoff if signoff.decision == "approve" else None
    findings = in_reference_order(
        document.text, sorted(review.findings, key=lambda f: (f.start, f.end, f.rule))
    )
    return Report(
        title=document.metadata.title or document.display_name,
        path=str(document.path) if document.path else None,
        words=document.words,
        sha256=document.sha256,
        file_sha256=document.file_sha256,
        generated=(generated or datetime.now(UTC)).isoformat(timespec="seconds"),
        tool_version=__version__,
        text=document.text,
        findings=findings,
        resolutions={f.id: gate.resolutions[f.id] for f in findings if f.id in gate.resolutions},
        gate=gate,
        signoffs=signoffs,
        audit=store.verify_audit(policy.keyring),
        paper=policy.paper,
        digital_source_type=policy.digital_source_type,
        responsible=responsible,
        declared_ai_use=document.metadata.declared_ai_use,
        ai_statement=review.analysis.ai_statement,
        # How the draft was read, then its language: each once (a draft not in English says so
        # in its warnings too).
        notes=tuple(
            dict.fromkeys(
                (*(read_notes(document) if how_read is None else how_read), *language_notes(document.text))
            )
        ),
    )
