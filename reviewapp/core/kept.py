"""Files in this user's cache folder: what reviewapp works out the same way on every start.

Each holds plain data (tables, lists, strings, numbers) in Python's marshal
format, the one of its own bytecode cache: read in a millisecond with nothing to
import (JSON needed orjson, whose import alone took 12 ms of every `status`).
Nothing read from them runs as Python (the kept regular-expression programs go
to the engine, which checks a program before it runs one; see regex_cache.py).
Each is written whole and atomically and is readable by this user only; one
that is missing, damaged or not ours reads as nothing, and one that cannot be
written is left unwritten: a cache costs time when it is gone, never a result.

Trust: like Python's own bytecode cache, these files could be changed by a
program running as this user, which could then change what the analysis
finds. Where reviewapp is installed by the user (pip's usual case) that program
could change the installed code as easily, so they open no new way in; where
it is installed for all users and a house wants none, REVIEWAPP_NO_CACHE=1
turns them off (every start then compiles and parses again).
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")

NO_CACHE_VARIABLE = "REVIEWAPP_NO_CACHE"
_TABLES: list[KeptTable[Any, Any]] = []  # every table made, saved by save_all


class KeptTable(Generic[K, V]):
    """One cache file as a table: what earlier processes kept, read when first asked for, and
    what this process adds, written by `save`.

    `decode` turns the file's data into the table (raising TypeError or ValueError
    on what is not ours: then the table starts empty) and `encode` the table into
    plain data. Past `limit` entries, a save keeps only what this process used or added,
    so entries nothing needs any more (house rules edited long ago) do not pile up.
    `version_of(key, value)` names what an entry is a version of (a file's path, a model's
    name): an entry this process read or added drops the other versions of the same
    thing, as every start reads the whole table (the two models kept in seven versions
    through retraining took 18 ms of each start to read, where two take 5).
    """

    def __init__(
        self,
        name: str,
        limit: int,
        decode: Callable[[Any], dict[K, V]],
        encode: Callable[[dict[K, V]], Any],
        *,
        version_of: Callable[[K, V], object] | None = None,
        replaces: tuple[str, ...] = (),
    ) -> None:
        # The file's name says its format: another marshal version is another file.
        self.name, self.limit = f"{name}.marshal{marshal.version}", limit
        self._decode, self._encode = decode, encode
        self._version_of = version_of
        # The files of earlier formats of this table, removed when this one is written.
        self._replaces = [f"{name}.marshal{marshal.version}" for name in replaces]
        self._known: dict[K, V] | None = None  # read from the file on first use
        self._fresh: dict[K, V] = {}  # added by this process, not yet in the file
        self._used: set[K] = set()  # read from the file by this process
        _TABLES.append(self)

    def get(self, key: K) -> V | None:
        if key in self._fresh:
            return self._fresh[key]
        if self._known is None:
            self._known = self._read()
        value = self._known.get(key)
        if value is not None:
            self._used.add(key)
        return value

    def add(self, key: K, value: V) -> None:
        self._fresh[key] = value

    def save(self) -> None:
        """Add this process's entries to the file, merged with what another process wrote since,
        less the other versions of what this process read or added."""
        if not self._fresh and not self._outdated(self._known or {}):
            return
        merged = {**self._read(), **self._fresh}
        outdated = self._outdated(merged)
        merged = {key: value for key, value in merged.items() if key not in outdated}
        if len(merged) > self.limit:
            merged = {key: value for key, value in merged.items() if key in self._used or key in self._fresh}
        write_kept(self.name, self._encode(merged))
        for earlier in self._replaces:
            with suppress(OSError):
                _path(earlier).unlink(missing_ok=True)
        if self._known is not None:
            self._known.update(self._fresh)
            for key in outdated:  # written without them: the next save has nothing to drop
                self._known.pop(key, None)
        self._fresh.clear()

    def _outdated(self, table: dict[K, V]) -> set[K]:
        """The entries of `table` that are other versions of what this process read or added."""
        version_of = self._version_of
        if version_of is None:
            return set()
        known = self._known or {}
        current = {**{key: known[key] for key in self._used if key in known}, **self._fresh}
        read = {version_of(key, value) for key, value in current.items()}
        return {key for key, value in table.items() if key not in current and version_of(key, value) in read}

    def forget(self) -> None:
        """Drop what this process read and added (for tests that move the cache folder)."""
        self._known = None
        self._fresh.clear()
        self._used.clear()

    def _read(self) -> dict[K, V]:
        try:
            return self._decode(read_kept(self.name))
        except (TypeError, ValueError):  # none yet, or not ours: worked out again as needed
            return {}


def content_key(data: bytes) -> str:
    """A file's bytes as a table's key (16 bytes of BLAKE2b): an edited file is another key."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_key(path: Path, data: bytes) -> str:
    """A file's path and `content_key`, as a table's key (see `file_of`)."""
    return f"{os.path.abspath(path)}\n{content_key(data)}"


def file_of(key: str, _: object = None) -> str:
    """The path of a `file_key`: what its entry is a version of."""
    return key.rpartition("\n")[0]


def read_kept(name: str) -> Any:
    """The data of cache file `name`, or None."""
    if os.environ.get(NO_CACHE_VARIABLE):
        return None
    try:
        return marshal.loads(_path(name).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):  # marshal's errors for a damaged file
        return None


def write_kept(name: str, data: Any) -> None:
    """Replace cache file `name` with `data`, readable by this user only (nothing happens if the
    folder cannot be written).

    Written to a file of a name no other process uses, then renamed over the old: never half a
    file under the name. Not synced to the disk (files.write_atomic does, for the user's
    files): one cut short by a crash reads as damaged, which is worked out again; and not
    through `tempfile`, whose import (4 ms, with shutil and random) a status would pay.
    """
    if os.environ.get(NO_CACHE_VARIABLE):
        return
    path = _path(name)
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{os.urandom(4).hex()}.tmp")
    try:
        encoded = marshal.dumps(data)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        descriptor = os.open(temporary, flags, 0o600)
    except (ValueError, OSError):  # not plain data, or a read-only folder: worked out again
        return
    try:
        with open(descriptor, "wb") as handle:
            handle.write(encoded)
        os.replace(temporary, path)
    except OSError:  # a full disk
        with suppress(OSError):
            temporary.unlink()


def _path(name: str) -> Path:
    from .paths import cache_dir

    return cache_dir() / name


def save_all() -> None:
    """What this process worked out and the cache files lack, added to them (at a command's end).
    Only the tables of modules this process imported exist, so only they are written."""
    for table in _TABLES:
        table.save()
