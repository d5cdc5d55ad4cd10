"""The review database in SQLite: who decided what about which exact text.

SQLite through sqlite-utils, one connection per thread, WAL, every write in a
`BEGIN IMMEDIATE` transaction (so the audit chain's read-then-append is
atomic across processes), schema versioned with `PRAGMA user_version`.

Resolutions, sign-offs and the audit log are append-only: the app inserts and
never updates or deletes them (triggers refuse it), and every entry of the
audit log carries the hash of the one before it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..decisions import check_decision, check_resolution, check_role, required_name
from ..errors import ReviewAppError
from ..findings import Finding
from ..paths import data_dir
from .audit import GENESIS, entry_hash, verify_chain
from .records import AuditReport, DraftRef, HistoryEntry, Resolution, SignOff
from .schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlite_utils.db import Table

_SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(ReviewAppError):
    """The review database cannot be used, or a request to it is invalid."""


class NewerSchemaError(StoreError):
    """The database was written by a newer reviewapp."""


def default_db_path() -> Path:
    return data_dir() / "reviews.sqlite3"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


# --- the store ------------------------------------------------------------------


class ReviewStore:
    """One connection to the review database; use it from the thread that opened it."""

    def __init__(self, path: str | Path, create: bool = True) -> None:
        import sqlite_utils

        self.path = Path(path)
        self._thread = threading.get_ident()
        _check_file(self.path, create)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{self.path}: cannot open the review database ({exc})") from None
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        try:
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA foreign_keys = ON")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"{self.path}: the database cannot use WAL mode (got {mode})")
            conn.execute("PRAGMA synchronous = NORMAL")  # durable with WAL, and much faster
            self._migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{self.path}: the review database is corrupt or not SQLite ({exc})") from None

    # -- plumbing

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction that holds the write lock from its start."""
        if threading.get_ident() != self._thread:
            raise StoreError("a review database connection is used by one thread only; open another")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self, target: int = SCHEMA_VERSION) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"{self.path}: this review database is from a newer reviewapp (schema {current}, "
                f"this version reads up to {SCHEMA_VERSION}); update reviewapp"
            )
        for version in range(current, target):
            with self.transaction():
                MIGRATIONS[version](self.db)
                self.conn.execute(f"PRAGMA user_version = {version + 1}")

    # -- documents and versions

    def _document_id(self, key: str, title: str | None) -> int:
        row = self.conn.execute("SELECT id FROM documents WHERE key = ?", (key,)).fetchone()
        if row:
            return row[0]
        return inserted_id(self.db.table("documents").insert({"key": key, "title": title, "created": now()}))

    def _version_id(self, document_id: int, sha256: str, words: int) -> int:
        row = self.conn.execute(
            "SELECT id FROM versions WHERE document_id = ? AND sha256 = ?", (document_id, sha256)
        ).fetchone()
        if row:
            return row[0]
        return inserted_id(
            self.db.table("versions").insert(
                {"document_id": document_id, "sha256": sha256, "words": words, "created": now()}
            )
        )

    # -- audit log

    def _append_audit(self, kind: str, document: str, sha256: str, payload: dict[str, Any]) -> int:
        last = self.conn.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        prev_hash = last[0] if last else GENESIS
        entry = {
            "at": now(),
            "kind": kind,
            "document": document,
            "sha256": sha256,
            "payload": json.dumps(payload, sort_keys=True, ensure_ascii=False),
        }
        entry["prev_hash"] = prev_hash
        entry["hash"] = entry_hash(entry)
        return inserted_id(self.db.table("audit").insert(entry))

    # -- resolutions and sign-offs

    def _record(self, kind: str, table: str, draft: DraftRef, row: dict[str, Any]) -> str:
        """One decision in one transaction: its version, its audit entry and its row. Returns its time."""
        with self.transaction():
            document_id = self._document_id(draft.key, draft.title)
            version_id = self._version_id(document_id, draft.sha256, draft.words)
            at = now()
            audit_id = self._append_audit(kind, draft.key, draft.sha256, row)
            self.db.table(table).insert(
                {
                    "document_id": document_id,
                    "version_id": version_id,
                    "sha256": draft.sha256,
                    **row,
                    "at": at,
                    "audit_id": audit_id,
                }
            )
        return at

    def resolve(
        self,
        draft: DraftRef,
        finding: Finding,
        status: str,
        person: str,
        *,
        source_url: str | None = None,
        note: str | None = None,
    ) -> Resolution:
        """Record how one finding of this version was resolved."""
        person = required_name(person)
        check_resolution(status, source_url, note)
        row = {
            "finding_id": finding.id,
            "status": status,
            "note": note,
            "source_url": source_url,
            "person": person,
            "rule": finding.rule,
            "text": finding.text,
        }
        at = self._record("resolution", "resolutions", draft, row)
        return Resolution(
            finding.id, status, note, source_url, person, at, draft.sha256, finding.rule, finding.text
        )

    def sign_off(
        self,
        draft: DraftRef,
        person: str,
        role: str,
        decision: str,
        *,
        comment: str | None = None,
        roles: tuple[str, ...] = (),
    ) -> SignOff:
        """Record an approval or rejection of this exact version in a role."""
        person = required_name(person)
        check_role(role, roles)
        check_decision(decision)
        row = {"person": person, "role": role, "decision": decision, "comment": comment}
        at = self._record("signoff", "signoffs", draft, row)
        return SignOff(person, role, decision, comment, at, draft.sha256)

    # -- reading

    def _doc(self, key: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def resolutions(self, key: str) -> dict[str, Resolution]:
        """The latest resolution of each finding id of a document, whatever version it was made on.

        Finding ids come from the finding's rule, text and sentence, so a
        resolution follows its finding when the text is edited elsewhere.
        """
        doc = self._doc(key)
        if doc is None:
            return {}
        rows = self.conn.execute(
            "SELECT finding_id, status, note, source_url, person, at, sha256, rule, text FROM resolutions "
            "WHERE document_id = ? ORDER BY id",
            (doc,),
        )
        return {row[0]: Resolution(*row) for row in rows}

    def signoffs(self, key: str, sha256: str | None = None) -> list[SignOff]:
        doc = self._doc(key)
        if doc is None:
            return []
        sql = "SELECT person, role, decision, comment, at, sha256 FROM signoffs WHERE document_id = ?"
        args: tuple[Any, ...] = (doc,)
        if sha256:
            sql += " AND sha256 = ?"
            args += (sha256,)
        return [SignOff(*row) for row in self.conn.execute(sql + " ORDER BY id", args)]

    def history(self, key: str) -> list[HistoryEntry]:
        """Versions, resolutions and sign-offs of a document, oldest first."""
        doc = self._doc(key)
        if doc is None:
            return []
        rows = self.conn.execute(
            """
            SELECT created, 'version', sha256, words || ' words' FROM versions WHERE document_id = :d
            UNION ALL
            SELECT at, 'resolution', sha256, finding_id || ': ' || status || ' by ' || person
                   || coalesce(' (' || source_url || ')', '') FROM resolutions WHERE document_id = :d
            UNION ALL
            SELECT at, 'signoff', sha256, person || ' (' || role || '): ' || decision
                   || coalesce(' - ' || comment, '') FROM signoffs WHERE document_id = :d
            ORDER BY 1
            """,
            {"d": doc},
        )
        return [HistoryEntry(*row) for row in rows]

    def verify_audit(self) -> AuditReport:
        """Recompute the hash chain; report the first entry that does not fit."""
        return verify_chain(
            self.conn.execute(
                "SELECT id, at, kind, document, sha256, payload, prev_hash, hash FROM audit ORDER BY id"
            )
        )

    def setting(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.table("settings").upsert({"key": key, "value": value}, pk="key")


def inserted_id(table: Table) -> int:
    """The id of the row `table` just inserted (set by every insert; typed as optional)."""
    if table.last_pk is None:
        raise StoreError(f"{table.name}: the insert gave no id")
    return int(table.last_pk)


def _check_file(path: Path, create: bool) -> None:
    """Refuse a file that is not an SQLite database before SQLite touches it."""
    try:
        if path.exists():
            with path.open("rb") as handle:
                head = handle.read(16)
            if head and head != _SQLITE_MAGIC:
                raise StoreError(f"{path}: not a reviewapp database (not an SQLite file)")
        elif not create:
            raise StoreError(f"{path}: no review database here")
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the review database ({exc.strerror or exc})") from None
