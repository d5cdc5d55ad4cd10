"""The rules' regular expressions (and the modules' own), compiled once and kept between runs.

Python compiles a regular expression with its parser and compiler, written in
Python: about 0.5 ms for each of the rules' long alternations, 18 ms of
`status` on a short draft and 25-30 ms in each of `check`'s processes. The
program the compiler makes (a list of integers) is kept in this user's cache
folder (kept.py) and handed straight to the regular expression engine on the next run
(`_sre.compile`, which checks a program before it runs one).

That is CPython's internal interface, so the file is named after the
interpreter's version and the engine's MAGIC number, and any surprise (another
Python, a damaged file, a missing function) means compiling as `re.compile`
does. A bad entry is only ever a recompile.
"""

from __future__ import annotations

import hashlib
import marshal
import re
import sys
from typing import Any

from .kept import KeptTable

try:
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _TAG: str | None = f"{sys.implementation.cache_tag}-{_sre.MAGIC}"
except (ImportError, AttributeError):  # another Python: compile as usual
    _TAG = None

Key = bytes  # BLAKE2b of the expression, its flags and whether a first-character test goes first
Program = list[Any]  # flags, code, groups, groupindex, indexgroup: _sre.compile's arguments
# marshal's bytes of (expression, flags, first-character test, the expression compiled with its
# test, its program): decoded only when asked for. A status uses a few dozen of the hundreds a
# table holds; reading every program's lists of integers at each start took 3 ms for the
# built-in rules' 120, 14 ms for a table grown to 320 with the programs of rules edited since.
Entry = bytes


def _decode(data: Any) -> dict[Key, Entry]:
    if not isinstance(data, dict) or not all(
        isinstance(key, bytes) and isinstance(entry, bytes) for key, entry in data.items()
    ):
        raise TypeError("not a table of kept programs")
    return data


def _encode(table: dict[Key, Entry]) -> dict[Key, Entry]:
    return table


def _key(source: str, flags: int, first_chars: bool) -> Key:
    named = f"{flags}\0{int(first_chars)}\0{source}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(named, digest_size=16).digest()


# The built-in rules and the modules' own need about 120 (470 kB); four times that leaves room
# for a house's rules, and bounds the file (see KeptTable for the limit). Its entries are read
# as bytes: a start reads the whole file (about 1 ms a MB) and decodes only what it uses.
TABLE = KeptTable(f"regexes-{_TAG}", 500, _decode, _encode, replaces=(f"regex-{_TAG}",))


def compile_rule(source: str, flags: int = 0, *, first_chars: bool = False) -> re.Pattern[str]:
    """re.compile(source, flags), with regex_prefix.with_first_chars first if asked (it parses the
    expression too), from the kept program when there is one."""
    flags = int(flags)
    key = _key(source, flags, first_chars) if _TAG is not None else b""
    entry = TABLE.get(key) if _TAG is not None else None
    if entry is not None:
        try:
            kept_source, kept_flags, kept_first, kept_pattern, program = marshal.loads(entry)
            if (kept_source, kept_flags, kept_first) == (source, flags, first_chars):
                return _sre.compile(kept_pattern, *program)
        except Exception:  # a damaged entry: compiled again below
            pass
    pattern = source
    if first_chars:
        from .regex_prefix import with_first_chars

        pattern = with_first_chars(source, flags)
    if _TAG is not None:
        try:
            program = _program(pattern, flags)
            compiled = _sre.compile(pattern, *program)
        except Exception:  # re.compile below says what is wrong with the expression
            pass
        else:
            TABLE.add(key, marshal.dumps((source, flags, first_chars, pattern, program)))
            return compiled
    return re.compile(pattern, flags)


def _program(pattern: str, flags: int) -> Program:
    """What re._compiler.compile hands to _sre.compile, in plain values (JSON keeps them)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return [int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1,
            groupindex, tuple(indexgroup)]  # fmt: skip


save = TABLE.save
forget = TABLE.forget
