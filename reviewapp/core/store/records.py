"""What the review record holds, as plain values: the decisions and what is read back (the draft
they are about: draft.py)."""

from __future__ import annotations

from typing import NamedTuple

from ..decisions import REOPENED


class Resolution(NamedTuple):
    finding_id: str
    status: str
    note: str | None
    source_url: str | None
    person: str
    at: str
    sha256: str
    rule: str | None = None
    text: str | None = None
    key: str | None = None  # the signer's key fingerprint
    entry: int | None = None  # its audit entry


def take_decision(standing: dict[str, Resolution], resolution: Resolution) -> None:
    """A finding's newest decision onto those that stand (by finding id): it replaces the last,
    or, when it opens the finding again, takes it back. The record and the app read alike."""
    if resolution.status == REOPENED:
        standing.pop(resolution.finding_id, None)
    else:
        standing[resolution.finding_id] = resolution


class SignOff(NamedTuple):
    person: str
    role: str
    decision: str  # approve, reject, withdraw or override
    comment: str | None
    at: str
    sha256: str
    key: str | None = None  # the signer's key fingerprint
    policy: str | None = None  # the fingerprint of the policy it was given under
    entry: int | None = None


class DraftRecord(NamedTuple):
    """One draft's decisions, as read from the verified audit log."""

    resolutions: dict[str, Resolution]  # the latest of each finding, any version
    signoffs: list[SignOff]  # every version, oldest first
    problems: list[str]  # why the record cannot be trusted; empty when it verifies
    notes: list[str]  # what an editor should know that is no tampering (old unsigned decisions)
    policies: list[str]  # the policy of each verified decision, in order

    @property
    def verified(self) -> bool:
        return not self.problems


class AuditReport(NamedTuple):
    ok: bool
    entries: int
    first_broken: int | None = None
    reason: str | None = None
    head: str | None = None  # COUNT:HASH of the chain as read
    problems: tuple[str, ...] = ()  # everything found, the first of which is `reason`


class HistoryEntry(NamedTuple):
    at: str
    kind: str  # "version", "resolution" or "signoff"
    sha256: str
    summary: str
    problem: str | None = None  # why this entry does not count: it does not verify, or is unsigned
