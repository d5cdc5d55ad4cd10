"""Files in this user's cache folder: what reviewapp works out the same way on every start.

Each is JSON (data, never code), written whole and atomically and readable by
this user only; one that is missing, damaged or not ours reads as nothing, and
one that cannot be written is left unwritten: a cache costs time when it is
gone, never a result.

Trust: like Python's own bytecode cache, these files could be changed by a
program running as this user, which could then change what the analysis
finds. Where reviewapp is installed by the user (pip's usual case) that program
could change the installed code as easily, so they open no new way in; where
it is installed for all users and a house wants none, REVIEWAPP_NO_CACHE=1
turns them off (every start then compiles and parses again).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

NO_CACHE_VARIABLE = "REVIEWAPP_NO_CACHE"


def read_kept(name: str) -> Any:
    """The data of cache file `name`, or None."""
    if os.environ.get(NO_CACHE_VARIABLE):
        return None
    try:
        import orjson

        return orjson.loads(_path(name).read_bytes())
    except (OSError, ValueError):
        return None


def write_kept(name: str, data: Any) -> None:
    """Replace cache file `name` with `data` (nothing happens if the folder cannot be written)."""
    if os.environ.get(NO_CACHE_VARIABLE):
        return
    import tempfile

    import orjson

    path = _path(name)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".kept-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:  # mkstemp: readable and writable by this user only
                out.write(orjson.dumps(data))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:  # a read-only or full disk: the next run works it out again
        pass


def _path(name: str) -> Path:
    from .paths import cache_dir

    return cache_dir() / name


def save_all() -> None:
    """What this process worked out and the cache files lack, added to them (at a command's end)."""
    import sys

    for module in ("reviewapp.core.regex_cache", "reviewapp.core.toml_files"):
        loaded = sys.modules.get(module)
        if loaded is not None:  # a module never used has nothing to add
            loaded.save()
