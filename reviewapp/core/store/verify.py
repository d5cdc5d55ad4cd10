"""`audit verify`: the whole record checked, as someone who doubts it would check it.

- the chain: no entry missing, every link to the one before intact, every
  entry's content matching its hash;
- each signer's own chain inside it (every signed entry names the signer's
  previous one), and the signature on each signer's last entry, which
  vouches for all of that signer's entries: one Ed25519 check per key, not
  one per entry (`every_signature` checks each, on every CPU, as well);
- with a house keyring, that each entry's signer may sign it; without one,
  that no name is signed by two keys;
- the anchors: the chain still reaches the head this user last saw, and the
  head asked for with --expect;
- the index tables against the log: no decision in a table that is not in
  the log, none in the log missing from them, none that differs.

Everything but the hash pass runs as SQL that returns only what is wrong.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from ..keyring import Keyring
from .anchors import Anchor, Head, load_anchor, save_anchor
from .audit import (
    CHAIN_COLUMNS,
    COLUMNS,
    GENESIS,
    SIGNATURE_MISMATCH,
    AuditEntry,
    Broken,
    hash_problem,
    scan_chain,
    signature_ok,
)
from .dialect import Dialect
from .records import AuditReport

T = TypeVar("T")


class ReviewStore(Protocol):
    """What verifying asks of a local record (sqlite.ReviewStore, which calls verify_store: named
    here by what it does, so that neither module imports the other at its top)."""

    @property
    def conn(self) -> sqlite3.Connection: ...

    @property
    def database_id(self) -> str: ...

    @property
    def dialect(self) -> Dialect: ...

    def head(self) -> Head: ...

    def head_problem(self, expected: Head, how: str) -> str | None: ...

    def _read(self, action: Callable[[], T]) -> T: ...


PARALLEL_MIN = 4000  # fewer signatures than this are checked in this process
DECISION_FIELDS = {
    "resolutions": ("resolution", ("finding_id", "status", "note", "source_url", "person")),
    "signoffs": ("signoff", ("person", "role", "decision", "comment")),
}
Problem = tuple[int, str]
# Signed entries, and unsigned ones after signing began (those are not legacy: someone left out a signature).
SIGNED = "(key IS NOT NULL OR id > (SELECT COALESCE(MIN(id), 1e18) FROM audit WHERE key IS NOT NULL))"

# (id, kind, payload, hash, key, signature) of the entries whose signatures are checked; set before
# the worker processes fork, so they read it without it being copied to them.
_TO_CHECK: list[tuple[Any, ...]] = []


def verify_store(
    store: ReviewStore, keyring: Keyring | None, expect: Head | None, every_signature: bool = False
) -> AuditReport:
    head = store.head()
    sql = f"SELECT {CHAIN_COLUMNS} FROM audit ORDER BY id"
    scan = store._read(lambda: scan_chain(store.conn.execute(sql)))
    problems = _chain_problems(store, scan.broken)
    broken_link = "its link to its signer's previous entry is broken"
    problems += [(entry_id, broken_link) for entry_id in scan.signer_breaks]
    anchor = load_anchor(store.database_id)
    for wanted, how in (
        (expect, "was given with --expect"),
        (anchor.seen if anchor else None, "was seen here"),
    ):
        if wanted is not None and (problem := store.head_problem(wanted, how)):
            problems.append((min(wanted.entries, head.entries + 1), problem))
    last_of_each = f"id IN ({','.join(map(str, scan.last_of_key.values())) or 0})"
    which = SIGNED if every_signature else f"{SIGNED} AND (key IS NULL OR {last_of_each})"
    problems += _signature_problems(store, which)
    problems += _keyring_problems(store, keyring) if keyring else _impersonations(store)
    problems += _table_problems(store)
    problems = sorted(set(problems))
    if not problems:
        save_anchor(store.database_id, Anchor(head))
    first = problems[0] if problems else None
    return AuditReport(
        not problems,
        head.entries,
        first[0] if first else None,
        first[1] if first else None,
        str(head),
        tuple(f"entry {entry}: {reason}" for entry, reason in problems),
    )


def _chain_problems(store: ReviewStore, broken: Broken | None) -> list[Problem]:
    """Where the chain breaks; if it does, each entry is examined to name every changed one."""
    if broken is None:
        return []
    problems = [(broken.entry, broken.reason)]
    entries = store._read(
        lambda: [AuditEntry(*r) for r in store.conn.execute(f"SELECT {COLUMNS} FROM audit ORDER BY id")]
    )
    problems += [(e.id, p) for e in entries if (p := hash_problem(e)) is not None]
    prev, expected = GENESIS, 1
    for entry in entries:
        if entry.id == expected and entry.prev_hash != prev:
            problems.append((entry.id, "its link to the previous entry is broken"))
        prev, expected = entry.hash, entry.id + 1
    return problems


def _signature_problems(store: ReviewStore, which: str) -> list[Problem]:
    """The entries `which` selects: signed, and the signature matching the entry's hash."""
    sql = f"SELECT id, hash, key, signature FROM audit WHERE {which} ORDER BY id"
    rows = _rows(store, sql)
    global _TO_CHECK
    _TO_CHECK = rows
    try:
        workers = min(os.cpu_count() or 1, 8)
        if len(rows) < PARALLEL_MIN or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return _check((0, len(rows)))
        size = -(-len(rows) // workers)
        ranges = [(i, min(i + size, len(rows))) for i in range(0, len(rows), size)]
        with multiprocessing.get_context("fork").Pool(len(ranges)) as pool:
            return [p for part in pool.map(_check, ranges) for p in part]
    finally:
        _TO_CHECK = []


def _check(task: tuple[int, int]) -> list[Problem]:
    start, end = task
    found: list[Problem] = []
    for entry_id, digest, key, signature in _TO_CHECK[start:end]:
        if key is None or signature is None:
            found.append((entry_id, "it is not signed (written after decisions were signed)"))
        elif not signature_ok(key, signature, digest):
            found.append((entry_id, SIGNATURE_MISMATCH))
    return found


def _keyring_problems(store: ReviewStore, keyring: Keyring) -> list[Problem]:
    """Each decision's signer may sign it: a key of the keyring, under its name, in a role it holds."""
    d = store.dialect
    sql = f"""
        SELECT key, {d.json("payload", "person")},
               CASE kind WHEN 'signoff' THEN {d.json("payload", "role")} END, {d.list_of("id")}
        FROM audit WHERE kind != 'policy' AND {SIGNED} AND key IS NOT NULL GROUP BY 1, 2, 3"""
    found: list[Problem] = []
    for key, person, role, ids in _rows(store, sql):
        if problem := keyring.problem(key, str(person or ""), None if role is None else str(role)):
            found += [(int(entry_id), problem) for entry_id in ids.split(",")]
    return found


def _impersonations(store: ReviewStore) -> list[Problem]:
    """Without a keyring: each name signs with one key (the first it used here)."""
    person = store.dialect.json("payload", "person")
    sql = f"""
        SELECT {person} AS person, key, MIN(id) FROM audit
        WHERE key IS NOT NULL AND kind != 'policy' GROUP BY 1, 2 ORDER BY 1, MIN(id)"""
    first_key: dict[str, str] = {}
    other_keys = [
        (person, key)
        for person, key, _ in _rows(store, sql)
        if person and first_key.setdefault(person, key) != key
    ]
    found: list[Problem] = []
    for person, key in other_keys:  # rare: only then are the entries listed
        sql = f"SELECT id FROM audit WHERE key = ? AND kind != 'policy' AND {person} = ?"
        problem = f"{person}'s decision is signed by another key than their first"
        found += [(entry_id, problem) for (entry_id,) in _rows(store, sql, (key, person))]
    return found


def _table_problems(store: ReviewStore) -> list[Problem]:
    """Every decision row of the index tables matches its audit entry; every decision entry has its row."""
    found: list[Problem] = []
    for table, (kind, fields) in DECISION_FIELDS.items():
        d = store.dialect
        differs = " OR ".join(f"t.{f} {d.differs} {d.json('a.payload', f)}" for f in fields)
        sql = f"""
            SELECT t.id, t.audit_id, a.id IS NULL OR a.kind != '{kind}' FROM {table} t
            LEFT JOIN audit a ON a.id = t.audit_id
            LEFT JOIN documents d ON d.id = t.document_id
            WHERE a.id IS NULL OR a.kind != '{kind}' OR t.sha256 {d.differs} a.sha256
               OR d.key {d.differs} a.document OR {differs}"""
        for row_id, audit_id, not_in_log in _rows(store, sql):
            if not_in_log:
                found.append(
                    (
                        audit_id or 0,
                        f"the {table} table holds a decision (row {row_id}) that is not in the audit log",
                    )
                )
            else:
                found.append((audit_id, f"the {table} table's row {row_id} differs from its audit entry"))
        missing = f"""
            SELECT a.id FROM audit a WHERE a.kind = '{kind}'
            AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.audit_id = a.id)"""
        rows = _rows(store, missing)
        found += [(entry_id, f"the decision is missing from the {table} table") for (entry_id,) in rows]
    return found


def _rows(store: ReviewStore, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
    return store._read(lambda: store.conn.execute(sql, params).fetchall())
