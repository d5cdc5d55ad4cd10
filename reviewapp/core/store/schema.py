"""The review database's schema: each version a migration, applied in order (`PRAGMA user_version`).

The audit log is the record; the other tables index it, and `audit verify`
checks them against it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _v1(db: Any) -> None:
    """The first schema: documents, versions, resolutions, sign-offs, audit log."""
    db["documents"].create({"id": int, "key": str, "title": str, "created": str}, pk="id", not_null={"key"})
    db["documents"].create_index(["key"], unique=True)
    db["versions"].create(
        {"id": int, "document_id": int, "sha256": str, "words": int, "created": str},
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "sha256"},
    )
    db["versions"].create_index(["document_id", "sha256"], unique=True)
    common = {"document_id": int, "version_id": int, "sha256": str}
    db["resolutions"].create(
        {
            "id": int,
            **common,
            "finding_id": str,
            "rule": str,
            "text": str,
            "status": str,
            "note": str,
            "source_url": str,
            "person": str,
            "at": str,
            "audit_id": int,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("version_id", "versions", "id")],
        not_null={"document_id", "finding_id", "status", "person", "at"},
    )
    db["resolutions"].create_index(["document_id", "finding_id"])
    db["signoffs"].create(
        {
            "id": int,
            **common,
            "person": str,
            "role": str,
            "decision": str,
            "comment": str,
            "at": str,
            "audit_id": int,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("version_id", "versions", "id")],
        not_null={"document_id", "sha256", "person", "role", "decision", "at"},
    )
    db["signoffs"].create_index(["document_id", "sha256"])
    db["audit"].create(
        {
            "id": int,
            "at": str,
            "kind": str,
            "document": str,
            "sha256": str,
            "payload": str,
            "prev_hash": str,
            "hash": str,
        },
        pk="id",
        not_null={"at", "kind", "payload", "prev_hash", "hash"},
    )
    db["audit"].create_index(["hash"], unique=True)
    for table in ("audit", "resolutions", "signoffs"):
        for action in ("UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def _v2(db: Any) -> None:
    """Remembered settings (the sign-off name), and history by time."""
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["audit"].create_index(["document", "id"])


def _v3(db: Any) -> None:
    """Signed decisions: each audit entry carries its signer's public key, signature and previous entry."""
    db.execute("ALTER TABLE audit ADD COLUMN key TEXT")
    db.execute("ALTER TABLE audit ADD COLUMN signature TEXT")
    db.execute("ALTER TABLE audit ADD COLUMN signer_prev TEXT")  # the signer's own chain
    db["audit"].create_index(["key", "id"])
    db["audit"].create_index(["kind", "sha256"])
    db["resolutions"].create_index(["audit_id"])  # `audit verify` joins the tables to the log
    db["signoffs"].create_index(["audit_id"])


def _v4(db: Any) -> None:
    """The text of each signed-off version, compressed: what changed since approval can be shown.

    Not part of the signed record: a kept text counts only while its hash is
    the version's (store.version_text checks).
    """
    db["texts"].create(
        {"sha256": str, "document_id": int, "compressed": bytes, "created": str},
        pk="sha256",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "compressed"},
    )


MIGRATIONS: tuple[Callable[[Any], None], ...] = (_v1, _v2, _v3, _v4)
TABLES = frozenset({"documents", "versions", "resolutions", "signoffs", "audit", "settings", "texts"})
SCHEMA_VERSION = len(MIGRATIONS)
