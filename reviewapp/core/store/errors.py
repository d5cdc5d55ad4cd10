"""What can go wrong with the review database, each a class with its own exit status.

Every SQLite failure becomes one of these, with one line an editor can act
on; nothing half-written stays behind (each write is one transaction).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ReviewAppError

if TYPE_CHECKING:  # `check` reads these classes (guarded) and opens no database: no sqlite3 (5 ms)
    import sqlite3


class StoreError(ReviewAppError):
    """The review database cannot be used, or a request to it is invalid."""

    exit_code = 2


class RecordNotVerifiedError(StoreError):
    """The record does not verify: it was changed outside reviewapp, or rolled back."""

    exit_code = 3


class StoreLockedError(StoreError):
    exit_code = 4


class StoreReadOnlyError(StoreError):
    exit_code = 5


class StoreFullError(StoreError):
    exit_code = 6


class DamagedStoreError(StoreError):
    exit_code = 7


class SchemaError(StoreError):
    """The schema is from a newer reviewapp, or is not one reviewapp wrote."""

    exit_code = 8


class NewerSchemaError(SchemaError):
    pass


class NotReviewDatabaseError(StoreError):
    """The path holds no review database (missing, empty, another program's file)."""

    exit_code = 9


# Exit statuses of `reviewapp`, for the README's table and the tests.
EXIT_CODES = {
    cls.__name__: cls.exit_code
    for cls in (
        RecordNotVerifiedError,
        StoreLockedError,
        StoreReadOnlyError,
        StoreFullError,
        DamagedStoreError,
        SchemaError,
        NotReviewDatabaseError,
    )
}


def translate(exc: sqlite3.Error, path: Path, waited: float) -> StoreError:
    """The one-line error an editor sees for an SQLite failure on `path`."""
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return StoreLockedError(
            f"{path}: the review database is busy: another program held it for {waited:.0f} s. "
            "Close other reviewapp windows and commands using it, or ask whoever runs them, then try again"
        )
    if "readonly" in message or "read-only" in message:
        return StoreReadOnlyError(f"{path}: {read_only_reason(path)}; nothing was written")
    if "unable to open" in message:
        if not os.access(path.parent, os.W_OK):
            return StoreReadOnlyError(f"{path}: {read_only_reason(path)}; nothing was written")
        return NotReviewDatabaseError(f"{path}: cannot open the review database ({exc})")
    if "full" in message:
        return StoreFullError(f"{path}: the disk is full; nothing was written. Free some space and try again")
    if (
        "malformed" in message
        or "not a database" in message
        or "i/o error" in message
        or "corrupt" in message
    ):
        return DamagedStoreError(
            f"{path}: the review database is damaged ({exc}); "
            "restore it from a backup, or ask your administrator"
        )
    return StoreError(f"{path}: the review database failed ({exc})")


def read_only_reason(path: Path) -> str:
    if path.exists() and not os.access(path, os.W_OK):
        return "the review database file is read-only"
    return f"the folder {path.parent} is read-only (the database needs to write its journal there)"
