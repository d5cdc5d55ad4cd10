"""Where a review record is: a SQLite file's path, or a PostgreSQL server's URL.

Kept apart from both stores so that opening a local record never imports the
server's driver and its set-up code (about 20 ms of every record command).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .sqlite import ReviewStore

URL_PREFIXES = ("postgresql://", "postgres://")


def is_server_url(location: str | Path) -> bool:
    return isinstance(location, str) and location.startswith(URL_PREFIXES)


def open_store(location: str | Path, create: bool = True, offline_ok: bool = False) -> ReviewStore:
    """The review record at a path (SQLite) or a postgresql:// URL (a server; with `offline_ok`, one
    that cannot be reached yet, see ServerStore)."""
    if is_server_url(location):
        from .postgres import ServerStore

        return ServerStore(str(location), offline_ok=offline_ok)
    from .sqlite import ReviewStore

    return ReviewStore(location, create=create)
