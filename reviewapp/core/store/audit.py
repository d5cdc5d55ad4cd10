"""The audit log: the record itself. An append-only chain of signed entries.

Each entry carries the hash of the one before it, and its own hash covers its
time, kind, draft, text hash, payload (the decision) and the signer's public
key; the signer's Ed25519 signature covers that hash. So an entry cannot be
changed, removed from the middle or made up without breaking the chain or a
signature, and the chain cannot be recomputed without every later signer's
private key.

Each signed entry also carries the hash of its signer's previous entry
(`signer_prev`), so a signer's entries form a chain of their own inside the
log, and one signature, on a signer's last entry, vouches for all of that
signer's entries (the app checks a signer's previous entry before it signs
the next). Verifying a whole log therefore needs one signature check per key,
not one per entry (verify.py).

What the log cannot show by itself (its last entries removed, or an older
copy of the file put back) the anchors outside the file show (anchors.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any, NamedTuple

from ..cached import cached
from ..keyring import Keyring
from ..keys import unb64, verify_key

GENESIS = "0" * 64
SIGNATURE_MISMATCH = (
    "its signature does not match its content"  # the "previous hash" of the first audit entry
)
COLUMNS = "id, at, kind, document, sha256, payload, prev_hash, hash, key, signature, signer_prev"


class _AuditRow(NamedTuple):
    id: int
    at: str
    kind: str  # "resolution", "signoff" or "policy"
    document: str | None
    sha256: str | None
    payload: str  # the decision, as canonical JSON
    prev_hash: str
    hash: str
    key: str | None  # the signer's public key (base64); None on entries from before signing
    signature: str | None
    signer_prev: str | None  # the hash of this signer's previous entry (GENESIS for their first)


class AuditEntry(_AuditRow):
    """One entry of the audit log: a named tuple of its row, with a __dict__ that keeps its payload
    once read (checking an entry reads the person and role several times)."""

    @cached
    def data(self) -> dict[str, Any]:
        """The payload read."""
        value = json.loads(self.payload)
        return value if isinstance(value, dict) else {}

    @property
    def person(self) -> str:
        return str(self.data.get("person", ""))


def entry_hash(
    prev_hash: str,
    at: str,
    kind: str,
    document: str | None,
    sha256: str | None,
    payload: str,
    key: str | None,
    signer_prev: str | None,
) -> str:
    """SHA-256 over the entry's fields in a fixed order, chained by prev_hash.

    Entries from before signing (no key) keep the hash they were written with.
    """
    fields = [prev_hash, at, kind, document or "", sha256 or "", payload]
    if key is not None:
        fields += [key, signer_prev or ""]
    return hashlib.sha256("\x1e".join(fields).encode("utf-8")).hexdigest()


def payload_json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def hash_problem(entry: AuditEntry) -> str | None:
    expected = entry_hash(
        entry.prev_hash,
        entry.at,
        entry.kind,
        entry.document,
        entry.sha256,
        entry.payload,
        entry.key,
        entry.signer_prev,
    )
    return None if expected == entry.hash else "its content does not match its hash"


def signature_problem(entry: AuditEntry, keyring: Keyring | None = None) -> str | None:
    """Why this entry's signature does not hold (or its signer may not sign it), or None."""
    if entry.key is None or entry.signature is None:
        return "it is not signed (written before decisions were signed)"
    ok = signature_ok(entry.key, entry.signature, entry.hash)
    if not ok:
        return SIGNATURE_MISMATCH
    if keyring is not None and entry.kind != "policy":
        role = str(entry.data.get("role")) if entry.kind == "signoff" else None
        return keyring.problem(entry.key, entry.person, role)
    return None


def signature_ok(key: str, signature: str, digest: str) -> bool:
    try:
        return verify_key(key).verify_digest(unb64(signature), bytes.fromhex(digest))
    except ValueError:
        return False


def entry_problem(entry: AuditEntry, keyring: Keyring | None = None) -> str | None:
    return hash_problem(entry) or signature_problem(entry, keyring)


class Broken(NamedTuple):
    """Where the chain first does not hold, and why."""

    entry: int
    reason: str


class ChainScan:
    """What one pass over the whole log found."""

    __slots__ = ("broken", "last_of_key", "signer_breaks")

    def __init__(self) -> None:
        self.broken: Broken | None = None  # the first entry that breaks the chain
        self.signer_breaks: list[int] = []  # entries not linked to their signer's previous
        self.last_of_key: dict[str, int] = {}  # each key's last entry


def scan_chain(
    rows: Iterable[tuple[Any, ...]],
    after: tuple[int, str] = (0, GENESIS),
    signers_last: dict[str, str] | None = None,
) -> ChainScan:
    """The chain checked entry by entry: none missing, each linked and matching its hash, and each
    signed entry linked to its signer's previous one.

    `rows` are (id, at, kind, document, sha256, payload, prev_hash, hash, key, signer_prev)
    in id order: one tight pass, no objects (it runs over every entry). It stops at the first
    break of the chain, after which nothing it could say would hold. From the start, or from
    `after` (the id and hash of the entry before `rows`), each signer's last hash before it
    given in `signers_last`.
    """
    scan = ChainScan()
    last_hash: dict[str, str] = dict(signers_last or {})
    last_of_key = scan.last_of_key
    prev, expected_id = after[1], after[0] + 1
    join, sha256 = "\x1e".join, hashlib.sha256
    for entry_id, at, kind, document, sha, payload, prev_hash, stored, key, signer_prev in rows:
        if entry_id != expected_id:
            scan.broken = Broken(expected_id, "entries are missing from the log here (deleted)")
            break
        if prev_hash != prev:
            scan.broken = Broken(entry_id, "its link to the previous entry is broken")
            break
        fields = [prev_hash, at, kind, document or "", sha or "", payload]
        if key is not None:
            fields += [key, signer_prev or ""]
            if signer_prev != last_hash.get(key, GENESIS):
                scan.signer_breaks.append(entry_id)
            last_hash[key] = stored
            last_of_key[key] = entry_id
        if sha256(join(fields).encode("utf-8")).hexdigest() != stored:
            scan.broken = Broken(entry_id, "its content does not match its hash")
            break
        prev, expected_id = stored, entry_id + 1
    return scan


CHAIN_COLUMNS = "id, at, kind, document, sha256, payload, prev_hash, hash, key, signer_prev"
