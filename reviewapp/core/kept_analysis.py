"""A draft's findings kept between the record commands (`status`, `resolve`, `signoff`), so
that judging a text against its record again reads them instead of analysing it again.

`status` of a short draft spent half its time importing and configuring the
analysis (issue 20: under 100 ms whole-process). Its findings are a function of
what the key below is made of, so a kept copy under that key is what an analysis
would give:

- the draft: its format, its text's SHA-256 and its file's (a .docx's
  paragraphs and properties come from its bytes, not its text alone);
- the policy as read (its fingerprint, allowed terms and limits included) and
  the bytes of the house rule files it adds;
- the analysis: the version, size and modification time of every module of
  the core and of every built-in rule, word list and model file, which is how
  Python's own bytecode cache tells that a source changed; and the interpreter's
  version (its regular-expression engine).

Any of them changed is another key, and the draft is analysed again. The
grammar check is another service's answer: a review that asks LanguageTool is
never kept. `check` neither reads nor writes these files: it always analyses
(a folder's thousand drafts would fill the cache folder, and its benchmark is
of the analysis).

Files in the cache folder, one a draft version, with the trust of kept.py's
(REVIEWAPP_NO_CACHE=1 turns them off); the oldest go past `LIMIT`.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import NamedTuple

from .document import Document
from .findings import Finding
from .kept import read_kept, write_kept
from .paths import cache_dir
from .policy import Policy
from .resources import resource_dir

FOLDER = "analyses"
LIMIT = 200  # drafts' versions kept: 4-40 kB each for a news story
_new = tuple.__new__
# What of the resources folder the analysis reads (icons, schemas and packaging it does not).
_ANALYSIS_RESOURCES = ("rules", "models", "policy")


class KeptAnalysis(NamedTuple):
    """A draft version's findings (ids and scores as the analysis gave them) and each paragraph's role."""

    findings: list[Finding]
    roles: list[str]


def analysis_key(document: Document, policy: Policy) -> str:
    """The name of `document`'s kept analysis under `policy` and this installation's analysis."""
    digest = hashlib.blake2b(digest_size=20)
    for part in (document.format, document.sha256, document.file_sha256 or "", policy.fingerprint):
        digest.update(part.encode())
        digest.update(b"\0")
    for path in policy.extra_rule_files:
        try:
            digest.update(path.read_bytes())
        except OSError:  # the analysis says what is wrong with it
            digest.update(b"\1unreadable")
        digest.update(b"\0")
    digest.update(_installation())
    return digest.hexdigest()


def read_analysis(key: str) -> KeptAnalysis | None:
    """The kept analysis of `key`, or None (none kept, damaged, not ours)."""
    try:
        found, roles = read_kept(_name(key))
    except (TypeError, ValueError):  # none kept (None), or not a pair
        return None
    if not isinstance(found, list) or not isinstance(roles, list):
        return None
    fields = len(Finding._fields)
    if not all(isinstance(item, tuple) and len(item) == fields for item in found):
        return None
    if not all(isinstance(role, str) for role in roles):
        return None
    return KeptAnalysis([_new(Finding, item) for item in found], list(roles))


def keep_analysis(key: str, analysis: KeptAnalysis) -> None:
    """Keep an analysis under `key`, and let the oldest kept go past LIMIT."""
    write_kept(_name(key), ([tuple(f) for f in analysis.findings], analysis.roles))
    _prune(cache_dir() / FOLDER)


def _name(key: str) -> str:
    return f"{FOLDER}/{key}.marshal{marshal.version}"  # another format is another file


def _prune(folder: Path) -> None:
    with suppress(OSError):
        entries = list(os.scandir(folder))
        if len(entries) <= LIMIT:
            return
        entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
        for entry in entries[: len(entries) - LIMIT]:
            with suppress(OSError):
                os.unlink(entry.path)


_INSTALLATION: list[bytes] = []  # worked out once a process


def _installation() -> bytes:
    """The interpreter's version and each analysis file's path, size and modification time."""
    if not _INSTALLATION:
        stamps = [sys.version]
        for root in stamped_folders():
            stamps.extend(f"{path}\0{size}\0{mtime}" for path, size, mtime in _files(root))
        # (a path that is no UTF-8, as Linux allows, is kept as Python read it: surrogateescape)
        stamped = "\n".join(stamps).encode("utf-8", "surrogateescape")
        _INSTALLATION.append(hashlib.blake2b(stamped, digest_size=20).digest())
    return _INSTALLATION[0]


def stamped_folders() -> list[Path]:
    """The folders of the files the analysis is made of: the core's modules, the built-in rules,
    models and default policy (not the icons, schemas or packaging)."""
    resources = resource_dir()
    return [Path(__file__).parent, *(resources / name for name in _ANALYSIS_RESOURCES)]


def _files(folder: Path) -> Iterator[tuple[str, int, int]]:
    """(path, size, modification time) of the source and data files under `folder`, in a fixed order."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                yield from _files(Path(entry.path))
        elif not entry.name.endswith((".pyc", ".pyo")):
            try:
                stat = entry.stat()
            except OSError:  # gone since the folder was listed: the list itself says so
                continue
            yield entry.path, stat.st_size, stat.st_mtime_ns
