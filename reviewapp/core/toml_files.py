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

from .kept import KeptTable


def _decode(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise TypeError("not a table of files")
    return data


# A file's hash -> its data; 200 files (see KeptTable for the limit).
TABLE: KeptTable[str, Any] = KeptTable("toml.json", 200, _decode, dict)


def read_toml(path: Path) -> dict[str, Any]:
    """tomllib.loads of the file's UTF-8 text. Raises OSError, UnicodeDecodeError, or (a ValueError
    too) tomllib.TOMLDecodeError, as reading it would."""
    raw = path.read_bytes()
    key = hashlib.blake2b(raw, digest_size=16).hexdigest()
    kept = TABLE.get(key)
    if isinstance(kept, dict):
        return _fresh_copy(kept)
    import tomllib

    data = tomllib.loads(raw.decode("utf-8"))
    if _json_holds(data):
        with suppress(TypeError, ValueError):  # a number JSON cannot carry: read each time
            TABLE.add(key, _fresh_copy(data))
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


save = TABLE.save
forget = TABLE.forget
