"""Anchors outside the database file: the last state of each review database this user saw.

A hash chain cannot show, by itself, that its last entries were removed or
that an older copy of the file was put back: both leave a chain that holds.
So each front end keeps, in the user's data folder, the head it last saw of
each database (entry count and hash); a database whose chain no longer
reaches that head went backwards. `reviewapp audit head` prints a head to keep anywhere else, and
`audit verify --expect HEAD` checks against it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from ..errors import ReviewAppError
from ..files import write_atomic
from ..paths import data_dir


class Head(NamedTuple):
    """The chain as far as a given entry: how many entries, and the last one's hash."""

    entries: int
    hash: str

    def __str__(self) -> str:
        return f"{self.entries}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Head:
        count, sep, digest = text.strip().partition(":")
        if not sep or not count.isdigit() or len(digest) != 64:
            raise ValueError(f"a head is COUNT:SHA256, as `reviewapp audit head` prints it, not {text!r}")
        return cls(int(count), digest.lower())


class Anchor(NamedTuple):
    seen: Head  # the latest head seen: the database must not go back before it


def anchors_path() -> Path:
    return data_dir() / "anchors.json"


def _read(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}  # a damaged anchor file is no anchor; it is rewritten at the next save
    return data if isinstance(data, dict) else {}


def load_anchor(database: str, path: Path | None = None) -> Anchor | None:
    entry = _read(path or anchors_path()).get(database)
    if not isinstance(entry, dict):
        return None
    try:
        return Anchor(Head(**entry["seen"]))
    except (TypeError, KeyError):
        return None


def save_anchor(database: str, anchor: Anchor, path: Path | None = None) -> None:
    """Keep the anchor; never move it back (another process may have seen further)."""
    path = path or anchors_path()
    data = _read(path)
    old = load_anchor(database, path)
    if old is not None and old.seen.entries > anchor.seen.entries:
        return
    data[database] = {"seen": anchor.seen._asdict()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data, indent=1) + "\n")
    except (OSError, ReviewAppError):
        pass  # an anchor is a safeguard; failing to keep one must not stop a decision
