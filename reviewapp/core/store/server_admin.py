"""Setting up, upgrading and filling the review record on a PostgreSQL server (`reviewapp db ...`)."""

from __future__ import annotations

import re
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import SchemaError, StoreError
from .locations import is_server_url
from .postgres import ServerStore, connect, driver, shown_url, translate_server
from .schema import SCHEMA_VERSION
from .server_schema import CREATE, FIRST_SERVER_VERSION, SCHEMA, UPGRADES, grants
from .sqlite import ReviewStore

_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def _role(name: str) -> str:
    if not _ROLE_NAME.fullmatch(name):
        raise StoreError(f"{name!r}: a role name is lower-case letters, digits and _ (at most 63)")
    return name


def _admin_connection(url: str) -> Any:
    return connect(url)[0]


@dataclass(frozen=True, slots=True)
class ServerSetup:
    created: bool  # False: the record was there already (and is left as it was)
    version: int


def init_server(url: str, owner: str = "reviewapp_owner", editors: str = "reviewapp_editor") -> ServerSetup:
    """Make the record's schema on the server, owned by `owner`; `editors` may read and add decisions only.

    Run as a role that may create roles and schemas (the server's administrator).
    The people who review are then made members of `editors`
    (`GRANT reviewapp_editor TO alice`). Run again, it changes nothing.
    """
    psycopg = driver()

    owner, editors = _role(owner), _role(editors)
    label = shown_url(url)
    with _admin_connection(url) as conn:
        try:
            for role in (owner, editors):
                if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is None:
                    conn.execute(f"CREATE ROLE {role} NOLOGIN")
            conn.execute(f"GRANT {owner} TO current_user")  # to create the tables as the owner
            conn.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA} AUTHORIZATION {owner}")
            conn.execute(f"SET search_path TO {SCHEMA}")
            if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is not None:
                version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
                return ServerSetup(False, int(version or 0))
            with conn.transaction():
                conn.execute(f"SET LOCAL ROLE {owner}")
                conn.execute(CREATE)
                conn.execute(grants(owner, editors))
        except psycopg.Error as exc:
            raise translate_server(exc, label, 0.0) from None
    return ServerSetup(True, SCHEMA_VERSION)


def upgrade(location: str | Path) -> tuple[int, int]:
    """Bring the record's schema to this version: (from, to). A local database upgrades on opening."""
    if not is_server_url(location):
        before = _local_version(Path(location))
        store = ReviewStore(location, create=False)  # opening a local database migrates it
        try:
            return before if before is not None else store.schema_version, store.schema_version
        finally:
            store.close()
    psycopg = driver()

    url = str(location)
    label = shown_url(url)
    with _admin_connection(url) as conn:
        try:
            conn.execute(f"SET search_path TO {SCHEMA}")
            if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
                raise SchemaError(
                    f"{label}: no review record here; set it up with `reviewapp db init-server`"
                )
            start = int(conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0)
            if start > SCHEMA_VERSION or start < FIRST_SERVER_VERSION:
                raise SchemaError(
                    f"{label}: schema {start} is not one this reviewapp knows (it knows {SCHEMA_VERSION})"
                )
            with conn.transaction():
                conn.execute("LOCK TABLE audit IN EXCLUSIVE MODE")  # no decision half-way through
                for version in range(start, SCHEMA_VERSION):
                    conn.execute(UPGRADES[version])
                    conn.execute("UPDATE schema_version SET version = %s", (version + 1,))
        except psycopg.Error as exc:
            raise translate_server(exc, label, 0.0) from None
    return start, SCHEMA_VERSION


def _local_version(path: Path) -> int | None:
    """The schema version of a local database as it is, read without changing it (None: unreadable)."""
    import sqlite3

    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except (sqlite3.Error, OSError, ValueError):
        return None


# Copied in this order (each row's references before it), ids kept: the chain names its entries by id.
_DECISION = ("id", "document_id", "version_id", "sha256")
COPIED_TABLES = {
    "documents": ("id", "key", "title", "created"),
    "versions": ("id", "document_id", "sha256", "words", "created"),
    "audit": ("id", "at", "kind", "document", "sha256", "payload", "prev_hash", "hash", "key", "signature",
              "signer_prev"),
    "resolutions": (*_DECISION, "finding_id", "rule", "text", "status", "note", "source_url", "person", "at",
                    "audit_id"),
    "signoffs": (*_DECISION, "person", "role", "decision", "comment", "at", "audit_id"),
    "texts": ("sha256", "document_id", "compressed", "created"),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class CopyReport:
    entries: int
    rows: dict[str, int]


def copy_record(source: ReviewStore, target: ReviewStore) -> CopyReport:
    """Copy a whole review record into an empty one, after verifying it; then verify the copy.

    The copy is the same chain, entry for entry (ids, hashes, signatures),
    so it verifies as the original did and the original's anchors hold.
    """
    before = source.verify_audit(every_signature=True)  # once, on moving: each entry's own signature
    if not before.ok:
        raise StoreError(
            f"{source.label}: the record does not verify, so it is not copied: {before.problems[0]}"
        )
    if target.head().entries:
        raise StoreError(f"{target.label}: already holds a review record; copy only into an empty one")
    rows: dict[str, int] = {}
    with target.transaction():
        for table, columns in COPIED_TABLES.items():
            select = f"SELECT {', '.join(columns)} FROM {table} ORDER BY {columns[0]}"
            data = _all_rows(source, select)
            marks = ", ".join("?" * len(columns))
            insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
            for row in data:
                target.conn.execute(insert, tuple(row))
            rows[table] = len(data)
        if isinstance(target, ServerStore):
            for table in ("documents", "versions", "resolutions", "signoffs"):
                target.conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)"
                )
    after = target.verify_audit(every_signature=True)
    if not after.ok:
        raise StoreError(f"{target.label}: the copy does not verify: {after.problems[0]}")
    if target.head() != source.head():
        raise StoreError(f"{target.label}: the copy's chain does not end where the original's does")
    return CopyReport(rows["audit"], rows)


def _all_rows(store: ReviewStore, sql: str) -> list[Any]:
    return store._read(lambda: list(store.conn.execute(sql).fetchall()))
