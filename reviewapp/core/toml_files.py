"""TOML files (rules, policies) read as tomllib reads them, from a kept copy when unchanged.

tomllib is written in Python: importing it and reading the built-in rule files
and policy took 15-20 ms at every start, a tenth of `status`. A file's data is
kept as JSON under a hash of its bytes (kept.py), so an edited file is read
afresh, and a file whose data JSON cannot hold exactly (a date) is never kept.
"""

from __future__ import annotations

import hashlib
from contextlib import suppress
from pathlib import Path
from typing import Any

from .kept import read_kept, write_kept

_NAME = "toml.json"
_known: dict[str, Any] | None = None  # hash of a file's bytes -> its data, read on first use
_fresh: dict[str, Any] = {}  # read in this process, not yet kept
_used: set[str] = set()  # kept copies this process read
MAX_KEPT = 200  # files; past it a save keeps only those this process read (old versions go)


def read_toml(path: Path) -> dict[str, Any]:
    """tomllib.loads of the file's UTF-8 text. Raises OSError, UnicodeDecodeError, or (a ValueError
    too) tomllib.TOMLDecodeError, as reading it would."""
    raw = path.read_bytes()
    key = hashlib.blake2b(raw, digest_size=16).hexdigest()
    kept = _entries().get(key)
    if isinstance(kept, dict):
        _used.add(key)
        return _fresh_copy(kept)
    import tomllib

    data = tomllib.loads(raw.decode("utf-8"))
    if _json_holds(data):
        with suppress(TypeError, ValueError):  # a number JSON cannot carry: read each time
            _fresh[key] = _fresh_copy(data)
    return data


def _fresh_copy(data: dict[str, Any]) -> dict[str, Any]:
    """A copy the caller may change without changing the kept one."""
    import orjson

    copied: dict[str, Any] = orjson.loads(orjson.dumps(data))
    return copied


def _json_holds(data: Any) -> bool:
    """Does JSON give this data back exactly (tables, arrays, strings, numbers, booleans)?"""
    if isinstance(data, dict):
        return all(isinstance(k, str) and _json_holds(v) for k, v in data.items())
    if isinstance(data, list):
        return all(_json_holds(v) for v in data)
    return isinstance(data, str | int | float | bool) and data == data  # NaN is no JSON number


def save() -> None:
    if not _fresh:
        return
    entries = _entries()
    entries.update(_fresh)
    if len(entries) > MAX_KEPT:
        entries = {key: data for key, data in entries.items() if key in _used or key in _fresh}
    write_kept(_NAME, entries)
    _fresh.clear()


def _entries() -> dict[str, Any]:
    global _known
    if _known is None:
        kept = read_kept(_NAME)
        _known = kept if isinstance(kept, dict) else {}
    return _known


def forget() -> None:
    """Drop what this process read (for tests that move the cache folder)."""
    global _known
    _known = None
    _fresh.clear()
    _used.clear()
