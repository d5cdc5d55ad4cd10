"""TOML files (rules, policies) read as tomllib reads them, from a kept copy when unchanged.

tomllib is written in Python: importing it and reading the built-in rule files
and policy took 15-20 ms at every start, a tenth of `status`. A file's data is
kept under a hash of its bytes (kept.py), so an edited file is read afresh,
and a file holding what is not plain data (a date) is never kept.
"""

from __future__ import annotations

import marshal
from contextlib import suppress
from pathlib import Path
from typing import Any

from .kept import KeptTable, file_key, file_of


def _decode(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise TypeError("not a table of files")
    return data


# A file's path and hash -> its data; 200 files (see KeptTable for the limit); an edited file's
# data replaces what was kept of it (each edit of a rule file kept one more copy, and every start
# read them all). Named anew with its keys (the file of hashes alone is removed).
TABLE: KeptTable[str, Any] = KeptTable("toml-files", 200, _decode, dict, version_of=file_of, replaces="toml")


def read_toml(path: Path) -> dict[str, Any]:
    """tomllib.loads of the file's UTF-8 text. Raises OSError, UnicodeDecodeError, or (a ValueError
    too) tomllib.TOMLDecodeError, as reading it would."""
    raw = path.read_bytes()
    key = file_key(path, raw)
    kept = TABLE.get(key)
    if isinstance(kept, dict):
        return _fresh_copy(kept)
    import tomllib

    data = tomllib.loads(raw.decode("utf-8"))
    with suppress(ValueError):  # a date or time, which marshal cannot hold: this file is read each time
        TABLE.add(key, _fresh_copy(data))
    return data


def _fresh_copy(data: dict[str, Any]) -> dict[str, Any]:
    """A copy the caller may change without changing the kept one (marshal copies plain data
    deeply, at C speed)."""
    copied: dict[str, Any] = marshal.loads(marshal.dumps(data))
    return copied


save = TABLE.save
forget = TABLE.forget
