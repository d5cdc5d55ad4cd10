"""The review record: who decided what about which exact text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lazy import lazy_exports

# Imported when first used (PEP 562): `check` needs a draft's reference, not the database.
_EXPORTS = {
    "Head": "anchors",
    "DamagedStoreError": "errors",
    "NewerSchemaError": "errors",
    "NotReviewDatabaseError": "errors",
    "RecordNotVerifiedError": "errors",
    "SchemaError": "errors",
    "StoreError": "errors",
    "StoreFullError": "errors",
    "StoreLockedError": "errors",
    "StoreReadOnlyError": "errors",
    "AuditReport": "records",
    "DraftRecord": "records",
    "DraftRef": "draft",
    "HistoryEntry": "records",
    "Resolution": "records",
    "SignOff": "records",
    "draft_key": "draft",
    "ReviewStore": "sqlite",
    "default_db_path": "sqlite",
}

if TYPE_CHECKING:
    from .anchors import Head
    from .draft import DraftRef, draft_key
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
    from .records import AuditReport, DraftRecord, HistoryEntry, Resolution, SignOff
    from .sqlite import ReviewStore, default_db_path


__getattr__ = lazy_exports(__name__, _EXPORTS)


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
