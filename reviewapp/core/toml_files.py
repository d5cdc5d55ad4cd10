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


def _decode(data: Any) -> dict[str, bytes]:
    if not isinstance(data, dict) or not all(isinstance(entry, bytes) for entry in data.values()):
        raise TypeError("not a table of files")
    return data


# A file's path and hash -> marshal's bytes of its data, decoded when that file is read: each
# read a fresh copy the caller may change, and a start decodes only the files it reads (a status
# reads the policy and one rule file, not the table's every version of every file). 200 files
# (see KeptTable for the limit); an edited file's data replaces what was kept of it. Named anew
# with its format (the table of decoded data is removed).
TABLE: KeptTable[str, bytes] = KeptTable(
    "toml-copies", 200, _decode, dict, version_of=file_of, replaces=("toml", "toml-files")
)


def read_toml(path: Path) -> dict[str, Any]:
    """tomllib.loads of the file's UTF-8 text. Raises OSError, UnicodeDecodeError, or (a ValueError
    too) tomllib.TOMLDecodeError, as reading it would."""
    raw = path.read_bytes()
    key = file_key(path, raw)
    kept = TABLE.get(key)
    if kept is not None:
        with suppress(ValueError, EOFError, TypeError):  # a damaged entry: the file is parsed again
            data = marshal.loads(kept)
            if isinstance(data, dict):
                return data
    import tomllib

    data = tomllib.loads(raw.decode("utf-8"))
    with suppress(ValueError):  # a date or time, which marshal cannot hold: this file is read each time
        TABLE.add(key, marshal.dumps(data))
    return data


save = TABLE.save
forget = TABLE.forget
