"""The audit log: an append-only chain, each entry carrying the hash of the one before."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from .records import AuditReport

GENESIS = "0" * 64  # the "previous hash" of the first audit entry

AuditRow = tuple[int, str, str, str | None, str | None, str, str, str]  # id, at, kind, ..., hash


def entry_hash(entry: dict[str, Any]) -> str:
    """SHA-256 over the entry's fields in a fixed order, chained by prev_hash."""
    fields = (
        entry["prev_hash"],
        entry["at"],
        entry["kind"],
        entry["document"] or "",
        entry["sha256"] or "",
        entry["payload"],
    )
    return hashlib.sha256("\x1e".join(fields).encode("utf-8")).hexdigest()


def verify_chain(rows: Iterable[AuditRow]) -> AuditReport:
    """Recompute the hash chain; report the first entry that does not fit."""
    prev = GENESIS
    count = 0
    for count, (entry_id, at, kind, document, sha256, payload, prev_hash, stored) in enumerate(rows, 1):
        if prev_hash != prev:
            return AuditReport(False, count, entry_id, "its link to the previous entry is broken")
        entry = {
            "at": at,
            "kind": kind,
            "document": document,
            "sha256": sha256,
            "payload": payload,
            "prev_hash": prev_hash,
        }
        if entry_hash(entry) != stored:
            return AuditReport(False, count, entry_id, "its content does not match its hash")
        prev = stored
    return AuditReport(True, count)
