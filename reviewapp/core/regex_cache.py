"""The rules' regular expressions, compiled once and kept between runs.

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

from .kept import read_kept, write_kept

try:
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _TAG: str | None = f"{sys.implementation.cache_tag}-{_sre.MAGIC}"
except (ImportError, AttributeError):  # another Python: compile as usual
    _TAG = None

Key = tuple[str, int, bool]  # the rule's expression, its flags, whether a first-character test goes first
Program = list[Any]  # flags, code, groups, groupindex, indexgroup: _sre.compile's arguments
Entry = tuple[str, Program]  # the expression compiled (with its test), and its program

_known: dict[Key, Entry] | None = None  # read from the file on first use
_fresh: dict[Key, Entry] = {}  # compiled in this process, not yet in the file
_used: set[Key] = set()  # read from the file by this process
# More than the built-in rules need several times over: past it, a save keeps only what this
# process used, so the patterns of house rules edited long ago do not pile up.
MAX_KEPT = 2_000


def compile_rule(source: str, flags: int = 0, *, first_chars: bool = False) -> re.Pattern[str]:
    """re.compile(source, flags), with regex_prefix.with_first_chars first if asked (it parses the
    expression too), from the kept program when there is one."""
    key = (source, int(flags), first_chars)
    entry = _entries().get(key) or _fresh.get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(entry[0], *entry[1])
            _used.add(key)
            return compiled
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
            _fresh[key] = (pattern, program)
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


def save() -> None:
    """Add this process's new programs to the file (merged with what another process wrote)."""
    if not _fresh or _TAG is None:
        return
    merged = {**_read(), **_fresh}
    if len(merged) > MAX_KEPT:
        merged = {key: entry for key, entry in merged.items() if key in _used or key in _fresh}
    write_kept(_name(), [[*key, pattern, program] for key, (pattern, program) in merged.items()])
    if _known is not None:
        _known.update(_fresh)
    _fresh.clear()


def _entries() -> dict[Key, Entry]:
    global _known
    if _known is None:
        _known = _read() if _TAG is not None else {}
    return _known


def _read() -> dict[Key, Entry]:
    out: dict[Key, Entry] = {}
    try:
        for source, flags, first_chars, pattern, program in read_kept(_name()) or ():
            program_flags, code, groups, groupindex, indexgroup = program
            out[(source, flags, bool(first_chars))] = (
                pattern,
                [program_flags, code, groups, groupindex, tuple(indexgroup)],
            )
    except (TypeError, ValueError):  # not ours: compiled as they come
        return {}
    return out


def _name() -> str:
    return f"regex-{_TAG}.json"


def forget() -> None:
    """Drop what this process read and compiled (for tests that move the cache folder)."""
    global _known
    _known = None
    _fresh.clear()
    _used.clear()
