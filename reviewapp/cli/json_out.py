"""JSON as `check` writes it: the same bytes from either of two encoders, chosen by how much there
is to encode.

orjson encodes a finding in about 0.2 µs where the standard library's json takes 2 µs, but
importing it (and the modules it loads for its own types: dataclasses, inspect, uuid, datetime)
takes 8-10 ms: a 450-word draft's `check` took 65 ms with orjson and takes 58 with json (paired
runs, benchmarks/HISTORY.md), and the 90,000-word text's 8,800 findings take json 19 ms, orjson
2 ms and its import. A draft long enough to be shared with another process has orjson imported
while that process analyses (import_orjson_after_forks). Both write the contract alike: compact
(or indented by two spaces), UTF-8 without escapes beyond those JSON needs, keys in their order.
The contract's only floats are scores rounded to three places, which neither writes with an
exponent. A test holds the bytes equal.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import cache
from typing import Any

Dumps = Callable[[Any], bytes]

# From this many findings, orjson's speed pays for its import (2 µs a finding saved against 8 ms).
MANY_FINDINGS = 4_000


def dumps_for(findings: int) -> Dumps:
    """The quicker encoder for an output of about this many findings."""
    return orjson_dumps if _orjson_pays(findings) else json_dumps


def _orjson_pays(findings: int) -> bool:
    """Is orjson the quicker for this many findings: enough of them, or it is imported already?"""
    return findings >= MANY_FINDINGS or "orjson" in sys.modules


@cache
def import_orjson_after_forks() -> None:
    """Have this process import orjson right after it forks (a draft long enough to be shared
    with another process: its findings are likely many). The child is then analysing the draft's
    first chunks, and takes more of them while the import runs; after the analysis the import
    (8 ms) kept the other CPU idle. Once a process: `check` may run more than once in one."""
    if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork either
        os.register_at_fork(after_in_parent=_import_orjson)


def _import_orjson() -> None:
    import orjson  # noqa: F401


def json_dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def orjson_dumps(data: Any) -> bytes:
    import orjson

    return orjson.dumps(data)


def indented(data: Any, findings: int) -> bytes:
    """`data` indented by two spaces, for a person at a terminal, and a line end."""
    if not _orjson_pays(findings):
        return json.dumps(data, ensure_ascii=False, indent=2).encode() + b"\n"
    import orjson

    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
