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

Key = tuple[str, int, bool]  # the rule's expression, its flags, whether a first-character test goes first
Program = list[Any]  # flags, code, groups, groupindex, indexgroup: _sre.compile's arguments
Entry = tuple[str, Program]  # the expression compiled (with its test), and its program


def _decode(data: Any) -> dict[Key, Entry]:
    out: dict[Key, Entry] = {}
    for source, flags, first_chars, pattern, program in data:
        program_flags, code, groups, groupindex, indexgroup = program
        out[(source, flags, bool(first_chars))] = (
            pattern,
            [program_flags, code, groups, groupindex, tuple(indexgroup)],
        )
    return out


def _encode(table: dict[Key, Entry]) -> list[list[Any]]:
    return [[*key, pattern, program] for key, (pattern, program) in table.items()]


# The built-in rules and the modules' own need about 120 (470 kB: 3 ms to read at each start);
# four times that leaves room for a house's rules, and bounds what the programs of rules edited
# since cost each start (see KeptTable for the limit; 2,000 would have been 9 MB, 50 ms).
TABLE = KeptTable(f"regex-{_TAG}", 500, _decode, _encode)


def compile_rule(source: str, flags: int = 0, *, first_chars: bool = False) -> re.Pattern[str]:
    """re.compile(source, flags), with regex_prefix.with_first_chars first if asked (it parses the
    expression too), from the kept program when there is one."""
    key = (source, int(flags), first_chars)
    entry = TABLE.get(key) if _TAG is not None else None
    if entry is not None:
        try:
            return _sre.compile(entry[0], *entry[1])
        except Exception:  # a damaged entry: compiled again below
            pass
    pattern = source
    if first_chars:
        from .regex_prefix import with_first_chars

        pattern = with_first_chars(source, flags)
    if _TAG is not None:
        try:
            program = _program(pattern, int(flags))
            compiled = _sre.compile(pattern, *program)
        except Exception:  # re.compile below says what is wrong with the expression
            pass
        else:
            TABLE.add(key, (pattern, program))
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
