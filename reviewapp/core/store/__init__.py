"""The review record: who decided what about which exact text."""

from __future__ import annotations

from .records import AuditReport, DraftRef, HistoryEntry, Resolution, SignOff, draft_key
from .sqlite import NewerSchemaError, ReviewStore, StoreError, default_db_path

__all__ = [
    "AuditReport",
    "DraftRef",
    "HistoryEntry",
    "NewerSchemaError",
    "Resolution",
    "ReviewStore",
    "SignOff",
    "StoreError",
    "default_db_path",
    "draft_key",
]
