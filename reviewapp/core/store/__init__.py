"""The review record: who decided what about which exact text."""

from __future__ import annotations

from .anchors import Head
from .errors import (
    DamagedStoreError,
    NewerSchemaError,
    NotReviewDatabaseError,
    RecordNotVerifiedError,
    SchemaError,
    StoreError,
    StoreFullError,
    StoreLockedError,
    StoreReadOnlyError,
)
from .records import AuditReport, DraftRecord, DraftRef, HistoryEntry, Resolution, SignOff, draft_key
from .sqlite import ReviewStore, default_db_path

__all__ = [
    "AuditReport",
    "DamagedStoreError",
    "DraftRecord",
    "DraftRef",
    "Head",
    "HistoryEntry",
    "NewerSchemaError",
    "NotReviewDatabaseError",
    "RecordNotVerifiedError",
    "Resolution",
    "ReviewStore",
    "SchemaError",
    "SignOff",
    "StoreError",
    "StoreFullError",
    "StoreLockedError",
    "StoreReadOnlyError",
    "default_db_path",
    "draft_key",
]
