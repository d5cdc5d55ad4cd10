"""The review database in SQLite: who decided what about which exact text.

The audit log is the record. A decision is one signed audit entry (with the
policy it was made under recorded beside it the first time), written with the
index tables in one `BEGIN IMMEDIATE` transaction, flushed to disk
(`synchronous = FULL`). Every read that a verdict rests on comes from the log
and is verified first: each entry's hash and signature, the chain's links,
and the anchors outside the file (anchors.py). The tables index the log;
`verify_audit` checks them against it.

One connection per thread; schema versioned with `PRAGMA user_version`,
created and migrated under one write lock, so processes opening a new
database at once do not race. Every SQLite failure is one StoreError line.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from ..decisions import RESOLUTION, Signer, check_decision, check_resolution, check_role
from ..document import text_sha256
from ..findings import Finding
from ..keyring import Keyring
from ..keys import b64, fingerprint, unb64
from ..paths import data_dir
from .anchors import Anchor, Head, load_anchor, save_anchor
from .audit import (
    CHAIN_COLUMNS,
    COLUMNS,
    GENESIS,
    SIGNATURE_MISMATCH,
    AuditEntry,
    entry_hash,
    entry_problem,
    hash_problem,
    payload_json,
    scan_chain,
    signature_ok,
)
from .dialect import SQLITE
from .draft import DraftRef
from .errors import (
    NewerSchemaError,
    NotReviewDatabaseError,
    RecordNotVerifiedError,
    SchemaError,
    StoreError,
    translate,
)
from .records import AuditReport, DraftRecord, HistoryEntry, Resolution, SignOff, take_decision
from .schema import MIGRATIONS, SCHEMA_VERSION, TABLES

__all__ = ["NewerSchemaError", "RecordNotVerifiedError", "ReviewStore", "StoreError", "default_db_path"]

_SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 30  # how long to wait for another writer; REVIEWAPP_DB_TIMEOUT (seconds) changes it
T = TypeVar("T")


def _busy_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("REVIEWAPP_DB_TIMEOUT", BUSY_TIMEOUT_S)))
    except ValueError:
        return BUSY_TIMEOUT_S


def default_db_path() -> Path:
    return data_dir() / "reviews.sqlite3"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class ReviewStore:
    """One connection to the review database; use it from the thread that opened it.

    `create`: make a new database where there is none (the default location
    does; a path the user typed only with --init, so a typo is an error).
    """

    dialect = SQLITE

    def __init__(self, path: str | Path, create: bool = True, busy_timeout: float | None = None) -> None:
        self.path = Path(path)
        self.label = str(self.path)  # how messages name the database
        busy_timeout = busy_timeout if busy_timeout is not None else _busy_timeout()
        self.busy_timeout = busy_timeout
        self._start_session()
        _check_file(self.path, create)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path.parent}: cannot make the folder ({exc.strerror})") from None
        with self._errors():
            conn = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
        self.conn = conn
        try:
            with self._errors():
                conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
                conn.execute("PRAGMA foreign_keys = ON")
                self._retry_busy(self._prepare)
                self._migrate()
        except BaseException:
            conn.close()
            raise
        self.database_id = str(self.path.resolve())

    def _start_session(self) -> None:
        """What this connection knows of the record (every backend's, so one place)."""
        self._thread = threading.get_ident()
        self._policies: set[str] = set()  # policy fingerprints known to be recorded
        self._checked_links: tuple[int, str] | None = None  # the head whose links were checked here
        self._written: dict[str, tuple[int, str]] = {}  # each key's last entry written here: id, hash

    # -- plumbing

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite's failures as one-line StoreErrors."""
        started = time.monotonic()
        try:
            yield
        except sqlite3.Error as exc:
            raise translate(exc, self.path, time.monotonic() - started) from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction that holds the write lock from its start; inside another, part of it."""
        if threading.get_ident() != self._thread:
            raise StoreError("a review database connection is used by one thread only; open another")
        if self.conn.in_transaction:
            yield  # the outer transaction commits or rolls back the lot
            return
        with self._errors():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    def _read(self, action: Callable[[], T]) -> T:
        with self._errors():
            return action()

    @property
    def schema_version(self) -> int:
        return int(self._read(lambda: self.conn.execute("PRAGMA user_version").fetchone()[0]))

    def _prepare(self) -> None:
        self._check_schema()  # before writing anything: not another program's file
        mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"{self.path}: the database cannot use WAL mode (got {mode})")
        self.conn.execute("PRAGMA synchronous = FULL")  # a decision survives a power cut

    def _retry_busy(self, action: Callable[[], None]) -> None:
        """Run an idempotent step again while SQLite says busy at once.

        Where waiting could deadlock (several processes opening a database
        another is creating, or switching to WAL), SQLite answers busy without
        calling the busy handler; the step is tried again until the timeout.
        """
        deadline = time.monotonic() + self.busy_timeout
        pause = 0.005
        while True:
            try:
                return action()
            except sqlite3.OperationalError as exc:
                if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                    raise
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                time.sleep(pause)
                pause = min(pause * 2, 0.2)

    def _migrate(self) -> None:
        """Create or upgrade the schema, under the write lock: the first process does it, the others wait."""
        if self._check_schema() == SCHEMA_VERSION:
            return
        with self.transaction():
            version = self._check_schema()  # another process may have done it meanwhile
            import sqlite_utils  # for making tables only: opening a database need not import it

            db = sqlite_utils.Database(self.conn)
            for number in range(version, SCHEMA_VERSION):
                MIGRATIONS[number](db)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _check_schema(self) -> int:
        """The schema version, refused if reviewapp did not write it; read as of one moment."""
        if self.conn.in_transaction:
            return self._judge_schema(*self._schema_state())
        self.conn.execute("BEGIN")  # one snapshot: another process may be making the tables right now
        try:
            state = self._schema_state()
        finally:
            self.conn.execute("COMMIT")
        return self._judge_schema(*state)

    def _schema_state(self) -> tuple[int, set[str]]:
        version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return version, tables

    def _judge_schema(self, version: int, tables: set[str]) -> int:
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"{self.label}: this review database is from a newer reviewapp (schema {version}, "
                f"this version reads up to {SCHEMA_VERSION}); update reviewapp"
            )
        if version < 0:
            raise SchemaError(
                f"{self.label}: the database's schema version ({version}) is not one reviewapp wrote"
            )
        if version == 0 and tables - {"sqlite_sequence"}:
            raise NotReviewDatabaseError(
                f"{self.path}: this is another program's SQLite database, not reviewapp's"
            )
        if version and not (tables >= {"documents", "versions", "resolutions", "signoffs", "audit"}):
            raise SchemaError(f"{self.label}: the database says schema {version} but lacks its tables")
        return version

    # -- writing decisions

    def resolve(
        self,
        draft: DraftRef,
        finding: Finding,
        status: str,
        signer: Signer,
        *,
        source_url: str | None = None,
        note: str | None = None,
    ) -> Resolution:
        """Record, signed, how one finding of this version was resolved."""
        check_resolution(status, source_url, note)
        self._check_signer(signer, None)
        payload = {
            "finding_id": finding.id,
            "status": status,
            "note": note,
            "source_url": source_url,
            "person": signer.identity.name,
            "rule": finding.rule,
            "text": finding.text,
            "words": draft.words,
            "title": draft.title,
            "policy": signer.policy.fingerprint,
        }
        row = {
            k: payload[k] for k in ("finding_id", "status", "note", "source_url", "person", "rule", "text")
        }
        entry = self._record("resolution", "resolutions", draft, payload, row, signer)
        return _resolution(entry)

    def resolve_all(
        self,
        draft: DraftRef,
        findings: Sequence[Finding],
        status: str,
        signer: Signer,
        *,
        source_url: str | None = None,
        note: str | None = None,
    ) -> list[Resolution]:
        """Resolve several findings the same way in one transaction: each its own signed entry."""
        with self.transaction():
            return [
                self.resolve(draft, f, status, signer, source_url=source_url, note=note) for f in findings
            ]

    def sign_off(
        self,
        draft: DraftRef,
        signer: Signer,
        role: str,
        decision: str,
        *,
        comment: str | None = None,
        text: str | None = None,
    ) -> SignOff:
        """Record, signed, a decision on this exact version in a role.

        With `text` (the version's text), the text is kept too, compressed, so
        a later version can be compared with the one that was approved.
        """
        if text is not None and text_sha256(text) != draft.sha256:
            raise StoreError("the text given is not the version being signed")
        policy = signer.policy
        check_role(role, policy.roles)
        check_decision(decision, comment, role, policy.override_roles)
        self._check_signer(signer, role)
        payload = {
            "person": signer.identity.name,
            "role": role,
            "decision": decision,
            "comment": comment,
            "words": draft.words,
            "title": draft.title,
            "policy": policy.fingerprint,
        }
        row = {k: payload[k] for k in ("person", "role", "decision", "comment")}
        with self.transaction():
            entry = self._record("signoff", "signoffs", draft, payload, row, signer)
            if text is not None:
                self._keep_text(draft, text)
        return _signoff(entry)

    def _keep_text(self, draft: DraftRef, text: str) -> None:
        self.conn.execute(
            "INSERT INTO texts (sha256, document_id, compressed, created) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (sha256) DO NOTHING",
            (draft.sha256, self._document_id(draft.key, draft.title), zlib.compress(text.encode(), 6), now()),
        )

    def version_text(self, sha256: str) -> str | None:
        """The text of a signed-off version, if it was kept (and is still the text that hash names)."""
        row = self._read(
            lambda: self.conn.execute("SELECT compressed FROM texts WHERE sha256 = ?", (sha256,)).fetchone()
        )
        if row is None:
            return None
        try:
            text = zlib.decompress(row[0]).decode("utf-8")
        except (zlib.error, UnicodeDecodeError, TypeError):
            return None
        return text if text_sha256(text) == sha256 else None  # changed outside reviewapp: not it

    def _check_signer(self, signer: Signer, role: str | None) -> None:
        keyring = signer.policy.keyring
        if keyring is not None:
            problem = keyring.problem(b64(signer.identity.public_key), signer.identity.name, role)
            if problem:
                from ..decisions import DecisionError

                raise DecisionError(f"refused: {problem}")

    def _record(
        self,
        kind: str,
        table: str,
        draft: DraftRef,
        payload: dict[str, Any],
        row: dict[str, Any],
        signer: Signer,
    ) -> AuditEntry:
        """One decision in one transaction: the policy (once), the audit entry, the index rows."""
        with self.transaction():
            policy = signer.policy
            key = b64(signer.identity.public_key)
            # The signer's last entry, read and verified once: for the repeat test and the link.
            last = self._signer_last(key)
            if policy.fingerprint not in self._policies and not self._has_policy(policy.fingerprint):
                # Written here, so the signer's last entry now (no need to read it back).
                last = self._append("policy", None, policy.fingerprint, policy.raw, signer, last)
            self._policies.add(policy.fingerprint)
            if last is not None and self._repeats(last, kind, draft, payload):
                return last
            entry = self._append(kind, draft.key, draft.sha256, payload, signer, last)
            document_id = self._document_id(draft.key, draft.title)
            version_id = self._version_id(document_id, draft.sha256, draft.words)
            self._insert(
                table,
                {
                    "document_id": document_id,
                    "version_id": version_id,
                    "sha256": draft.sha256,
                    **row,
                    "at": entry.at,
                    "audit_id": entry.id,
                },
            )
        return entry

    def _append(
        self,
        kind: str,
        document: str | None,
        sha256: str,
        payload: dict[str, Any],
        signer: Signer,
        signer_last: AuditEntry | None,
    ) -> AuditEntry:
        """Sign and write one entry; `signer_last` is the signer's last entry (`_signer_last`)."""
        # Under the write lock: the next id is named here, so the chain has no gaps on any server.
        last = self.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        entry_id, prev_hash = (int(last[0]) + 1, last[1]) if last else (1, GENESIS)
        at = now()
        text = payload_json(payload)
        key = b64(signer.identity.public_key)
        signer_prev = signer_last.hash if signer_last is not None else GENESIS
        digest = entry_hash(prev_hash, at, kind, document, sha256, text, key, signer_prev)
        signature = b64(signer.identity.sign(bytes.fromhex(digest)))
        values = {
            "id": entry_id,
            "at": at,
            "kind": kind,
            "document": document,
            "sha256": sha256,
            "payload": text,
            "prev_hash": prev_hash,
            "hash": digest,
            "key": key,
            "signature": signature,
            "signer_prev": signer_prev,
        }
        self._insert("audit", values)
        self._written[key] = (entry_id, digest)
        return AuditEntry(
            entry_id, at, kind, document, sha256, text, prev_hash, digest, key, signature, signer_prev
        )

    def _repeats(self, last: AuditEntry, kind: str, draft: DraftRef, payload: dict[str, Any]) -> bool:
        """Is this decision the same person's last (`last`), and the draft's last: as when a write
        whose answer was lost (the server restarted as it committed) is tried again? Then it is
        recorded once: the decision is its own idempotency key. After anyone's later decision on
        the draft, the same decision again says something (it answers that one), and is recorded."""
        if (last.kind, last.document, last.sha256, last.payload) != (
            kind, draft.key, draft.sha256, payload_json(payload)
        ):  # fmt: skip
            return False
        later = self.conn.execute(
            "SELECT 1 FROM audit WHERE document = ? AND id > ? LIMIT 1", (draft.key, last.id)
        )
        return later.fetchone() is None

    def _signer_last(self, key: str) -> AuditEntry | None:
        """This key's last entry, after checking it is this key's (its signature vouches for it).

        Signing the next entry with this hash in it vouches for every earlier
        entry of the key, so a forged entry in someone's name is never taken in.
        """
        row = self.conn.execute(
            f"SELECT {COLUMNS} FROM audit WHERE key = ? ORDER BY id DESC LIMIT 1", (key,)
        ).fetchone()
        if row is None:
            return None
        last = AuditEntry(*row)
        written_here = self._written.get(key) == (last.id, last.hash)  # its signature was made here
        problem = hash_problem(last) if written_here else entry_problem(last)
        if problem:
            raise RecordNotVerifiedError(
                f"refused: your last decision in this review database (audit entry {last.id}) does not "
                f"verify ({problem}); it was changed outside reviewapp: run `reviewapp audit verify`"
            )
        return last

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        """Insert one row; its id. (Table and column names are ours, never the user's.)"""
        columns = ", ".join(row)
        marks = ", ".join("?" * len(row))
        cursor = self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
        if cursor.lastrowid is None:
            raise StoreError(f"{table}: the insert gave no id")
        return int(cursor.lastrowid)

    def _has_policy(self, policy_fingerprint: str) -> bool:
        sql = "SELECT 1 FROM audit WHERE kind = 'policy' AND sha256 = ? LIMIT 1"
        return self.conn.execute(sql, (policy_fingerprint,)).fetchone() is not None

    def _document_id(self, key: str, title: str | None) -> int:
        row = self.conn.execute("SELECT id FROM documents WHERE key = ?", (key,)).fetchone()
        if row:
            return int(row[0])
        return self._insert("documents", {"key": key, "title": title, "created": now()})

    def _version_id(self, document_id: int, sha256: str, words: int) -> int:
        row = self.conn.execute(
            "SELECT id FROM versions WHERE document_id = ? AND sha256 = ?", (document_id, sha256)
        ).fetchone()
        if row:
            return int(row[0])
        return self._insert(
            "versions", {"document_id": document_id, "sha256": sha256, "words": words, "created": now()}
        )

    # -- reading the record

    def _entries(self, where: str, args: tuple[Any, ...]) -> list[AuditEntry]:
        sql = f"SELECT {COLUMNS} FROM audit WHERE {where} ORDER BY id"
        return self._read(lambda: [AuditEntry(*row) for row in self.conn.execute(sql, args)])

    def head(self) -> Head:
        """The chain as it stands: its entry count and its last entry's hash."""
        row = self._read(
            lambda: self.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        )
        return Head(int(row[0]), row[1]) if row else Head(0, GENESIS)

    def chain_problems(self) -> list[str]:
        """What is wrong with the chain as a whole: gaps, broken links, changed entries, going backwards.

        Every entry is re-hashed (an entry moved from one draft to another
        shows only so); signatures are checked per draft in `record`, and
        for every signer in `audit verify`. Done again whenever the chain's
        head moved.
        """
        head = self.head()
        problems = []
        if self._checked_links != (head.entries, head.hash):  # the chain moved (or was never checked here)
            sql = f"SELECT {CHAIN_COLUMNS} FROM audit ORDER BY id"
            scan = self._read(lambda: scan_chain(self.conn.execute(sql)))
            if scan.broken is not None:
                problems.append(f"the audit log is broken at entry {scan.broken.entry}: {scan.broken.reason}")
            problems += [
                f"the audit log is broken at entry {entry}: its link to its signer's previous entry is broken"
                for entry in scan.signer_breaks
            ]
            if not problems:
                self._checked_links = (head.entries, head.hash)
        problems += self._anchor_problems(head)
        return problems

    def _anchor_problems(self, head: Head) -> list[str]:
        anchor = load_anchor(self.database_id)
        if anchor is None:
            save_anchor(self.database_id, Anchor(head))
            return []
        problem = self.head_problem(anchor.seen, "was seen here")
        if problem:
            return [problem]
        if head != anchor.seen:
            save_anchor(self.database_id, Anchor(head))
        return []

    def head_problem(self, expected: Head, how: str) -> str | None:
        """Why the chain does not reach `expected` (rolled back, or rewritten), or None."""
        current = self.head()
        if current.entries < expected.entries:
            return (
                f"the review database went backwards: it had {expected.entries} audit entries when it {how}, "
                f"now {current.entries} (an older copy put back, or entries removed)"
            )
        row = self._read(
            lambda: self.conn.execute("SELECT hash FROM audit WHERE id = ?", (expected.entries,)).fetchone()
        )
        if expected.entries and (row is None or row[0] != expected.hash):
            return f"the audit log was rewritten: entry {expected.entries} is not the one that {how}"
        return None

    def record(self, key: str, keyring: Keyring | None = None) -> DraftRecord:
        """One draft's decisions from the audit log, each entry verified; what does not verify is named."""
        problems = self.chain_problems()
        notes: list[str] = []
        resolutions: dict[str, Resolution] = {}
        signoffs: list[SignOff] = []
        first_signed = self._first_signed()
        known_keys: dict[str, str] = {}
        policies: list[str] = []
        for entry in self._entries("document = ?", (key,)):
            legacy = entry.key is None and (first_signed is None or entry.id < first_signed)
            if legacy and hash_problem(entry) is None:
                notes.append(f"entry {entry.id} is from before decisions were signed and does not count")
                continue
            problem = self._entry_problem(entry, keyring) or self._impersonation(entry, keyring, known_keys)
            if problem:
                problems.append(
                    f"audit entry {entry.id} ({entry.kind} by {entry.person or 'unknown'}): {problem}"
                )
                continue
            data = entry.data
            if data.get("policy"):
                policies.append(str(data["policy"]))
            if entry.kind == "resolution":
                take_decision(resolutions, _resolution(entry))
            elif entry.kind == "signoff":
                signoffs.append(_signoff(entry))
        return DraftRecord(resolutions, signoffs, problems, notes, policies)

    def _entry_problem(self, entry: AuditEntry, keyring: Keyring | None) -> str | None:
        """As `entry_problem`, but an entry whose own signature fails is still the signer's when the
        signer's later signed entries vouch for it (as `audit verify` counts it)."""
        problem = entry_problem(entry, keyring)
        if problem == SIGNATURE_MISMATCH and entry.key is not None and self._vouched(entry):
            return None
        return problem

    def _vouched(self, entry: AuditEntry) -> bool:
        """The signer's later entries link back to this one, and the last of them is validly signed."""
        sql = "SELECT hash, signer_prev, signature FROM audit WHERE key = ? AND id > ? ORDER BY id"
        rows = self.conn.execute(sql, (entry.key, entry.id)).fetchall()
        previous = entry.hash
        for digest, signer_prev, _ in rows:
            if signer_prev != previous:
                return False
            previous = digest
        return bool(rows) and rows[-1][2] is not None and signature_ok(str(entry.key), rows[-1][2], previous)

    def _first_signed(self) -> int | None:
        row = self.conn.execute("SELECT MIN(id) FROM audit WHERE key IS NOT NULL").fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def _impersonation(self, entry: AuditEntry, keyring: Keyring | None, known: dict[str, str]) -> str | None:
        """Without a keyring: a name must keep the key it first signed with in this database."""
        if keyring is not None or entry.kind == "policy" or not entry.person:
            return None
        first = known.get(entry.person)
        if first is None:
            sql = (
                "SELECT key FROM audit WHERE key IS NOT NULL AND kind != 'policy' "
                f"AND {self.dialect.json('payload', 'person')} = ? ORDER BY id LIMIT 1"
            )
            row = self.conn.execute(sql, (entry.person,)).fetchone()
            first = known[entry.person] = row[0] if row else entry.key or ""
        if entry.key != first:
            return f"signed by another key ({_fp(entry.key)}) than {entry.person}'s first ({_fp(first)})"
        return None

    def latest_policy(self) -> str | None:
        """The fingerprint of the policy last recorded in this database (the newsroom's, as used last)."""
        rows = self._entries("id = (SELECT MAX(id) FROM audit WHERE kind = 'policy')", ())
        return rows[0].sha256 if rows and entry_problem(rows[0]) is None else None

    def recorded_policy(self, policy_fingerprint: str) -> dict[str, Any] | None:
        """The policy recorded under this fingerprint, if its entry verifies."""
        for entry in self._entries("kind = 'policy' AND sha256 = ?", (policy_fingerprint,)):
            if entry_problem(entry) is None:
                return entry.data
        return None

    def resolutions(self, key: str, keyring: Keyring | None = None) -> dict[str, Resolution]:
        """The verified resolutions of a draft (see `record`)."""
        return self.record(key, keyring).resolutions

    def signoffs(self, key: str, sha256: str | None = None, keyring: Keyring | None = None) -> list[SignOff]:
        return [s for s in self.record(key, keyring).signoffs if sha256 is None or s.sha256 == sha256]

    def history(self, key: str, keyring: Keyring | None = None) -> list[HistoryEntry]:
        """Versions, resolutions and sign-offs of a draft from the audit log, oldest first.

        An entry that does not verify is listed, and says so.
        """
        out: list[HistoryEntry] = []
        seen_versions: set[str] = set()
        for entry in self._entries("document = ?", (key,)):
            data = entry.data
            sha = entry.sha256 or ""
            if sha not in seen_versions:
                seen_versions.add(sha)
                out.append(HistoryEntry(entry.at, "version", sha, f"{data.get('words', '?')} words"))
            problem = self._entry_problem(entry, keyring)
            flag = f"DOES NOT VERIFY: {problem}" if problem and entry.key is not None else None
            if entry.key is None:
                flag = "not signed: from before decisions were signed"
            if entry.kind == "resolution":
                quote = str(data.get("text") or "")
                quote = quote if len(quote) <= 60 else quote[:59] + "…"
                status = (
                    RESOLUTION[str(data.get("status"))].label if data.get("status") in RESOLUTION else "?"
                )
                source = f" ({data['source_url']})" if data.get("source_url") else ""
                # The decision first: a narrow column or terminal cuts the end of a long quote.
                summary = f"{status} by {entry.person}{source}: “{quote}” ({data.get('rule')})"
            else:
                comment = f" - {data['comment']}" if data.get("comment") else ""
                summary = f"{entry.person} ({data.get('role')}): {data.get('decision')}{comment}"
            out.append(
                HistoryEntry(entry.at, entry.kind, sha, summary + (f" [{flag}]" if flag else ""), flag)
            )
        return out

    # -- verifying the whole record

    def verify_audit(
        self, keyring: Keyring | None = None, expect: Head | None = None, every_signature: bool = False
    ) -> AuditReport:
        """Check everything: the chain, the signers' chains and signatures, the anchors, the tables."""
        from .verify import verify_store

        return verify_store(self, keyring, expect, every_signature)

    # -- settings

    def setting(self, key: str) -> str | None:
        row = self._read(
            lambda: self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        )
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def _fp(key: str | None) -> str:
    try:
        return fingerprint(unb64(key)) if key else "none"
    except ValueError:
        return "unreadable"


def _resolution(entry: AuditEntry) -> Resolution:
    d = entry.data
    return Resolution(
        str(d["finding_id"]),
        str(d["status"]),
        d.get("note"),
        d.get("source_url"),
        entry.person,
        entry.at,
        entry.sha256 or "",
        d.get("rule"),
        d.get("text"),
        _fp(entry.key),
        entry.id,
    )


def _signoff(entry: AuditEntry) -> SignOff:
    d = entry.data
    return SignOff(
        entry.person,
        str(d["role"]),
        str(d["decision"]),
        d.get("comment"),
        entry.at,
        entry.sha256 or "",
        _fp(entry.key),
        d.get("policy"),
        entry.id,
    )


def _check_file(path: Path, create: bool) -> None:
    """Refuse what is not a review database before SQLite touches (or adopts) it."""
    try:
        if path.exists():
            if not path.is_file():
                raise NotReviewDatabaseError(f"{path}: not a review database (not a regular file)")
            if path.stat().st_size == 0 and not create:
                # (Where one may be made, an empty file is one another process is making right now.)
                raise NotReviewDatabaseError(f"{path}: an empty file, not a review database")
            with path.open("rb") as handle:
                head = handle.read(16)
            being_made = create and _SQLITE_MAGIC.startswith(head.rstrip(b"\0"))  # by another process, now
            if head != _SQLITE_MAGIC and not being_made:
                raise NotReviewDatabaseError(f"{path}: not a reviewapp database (not an SQLite file)")
        elif not create:
            raise NotReviewDatabaseError(
                f"{path}: no review database here; check the path, or add --init to make a new one"
            )
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the review database ({exc.strerror or exc})") from None


__all__ += ["TABLES"]
