"""Unsaved edits kept beside the desktop app while it runs: a crash or a power cut loses at most
the last few seconds of them.

Each run of the app has its own folder under `recovery/` in the user's data folder,
with one file per draft that has unsaved changes (its file's path, or none for a
new or pasted draft, and the text). A draft saved or closed leaves it; the folder
goes when the app closes. A folder whose run is over but still there was left by
a run that ended without closing: its drafts are offered back at the next start.
Which runs are over is for the app to say (it holds a lock on its folder): this
module only reads and writes the files.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from .files import write_atomic
from .paths import data_dir

FORMAT = 1
SUFFIX = ".draft"
# A kept file: one line of JSON (the draft's path, when it was kept), then the text as UTF-8.
# Not the text inside the JSON: encoding 20 MB as a JSON string took 0.2 s.


class KeptDraft(NamedTuple):
    """A draft's unsaved text as a run of the app last kept it."""

    path: Path | None  # the draft's own file; None for a new or pasted draft
    text: str
    kept_at: str  # ISO time, UTC


def recovery_root() -> Path:
    return data_dir() / "recovery"


class RecoveryFolder:
    """One run's kept drafts, each under a number the run gives it (its tab's, for its life)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def new(cls, root: Path | None = None) -> RecoveryFolder:
        """A folder of its own for this run (readable by this user only: it holds drafts)."""
        root = root or recovery_root()
        root.mkdir(parents=True, exist_ok=True)
        folder = root / f"{time.time_ns()}-{os.getpid()}"
        folder.mkdir(mode=0o700)
        return cls(folder)

    def keep(self, number: int, path: Path | None, text: str) -> None:
        """Write one draft's text, whole or not at all (a crash while writing keeps the last);
        files.WriteError when it cannot be written."""
        header = {
            "format": FORMAT,
            "path": str(path) if path is not None else None,
            "kept_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        body = text.encode("utf-8", "surrogatepass")  # any str the editor holds, as it is
        kept = json.dumps(header).encode("ascii") + b"\n" + body
        write_atomic(self.folder / f"{number}{SUFFIX}", kept, mode=0o600)  # for this user's eyes

    def forget(self, number: int) -> None:
        """The draft was saved, or closed on purpose: nothing of it to recover."""
        (self.folder / f"{number}{SUFFIX}").unlink(missing_ok=True)

    def drafts(self) -> list[KeptDraft]:
        """The drafts this folder keeps, oldest first; a file that cannot be read is left out."""
        out = []
        for file in self.folder.glob(f"*{SUFFIX}"):
            draft = _read(file)
            if draft is not None:
                out.append(draft)
        return sorted(out, key=lambda draft: draft.kept_at)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def run_folders(root: Path | None = None) -> list[RecoveryFolder]:
    """Every run's folder there is, this one's included."""
    root = root or recovery_root()
    try:
        return [RecoveryFolder(entry) for entry in sorted(root.iterdir()) if entry.is_dir()]
    except OSError:  # no folder yet: no run has kept anything
        return []


def _read(file: Path) -> KeptDraft | None:
    try:
        header, _, body = file.read_bytes().partition(b"\n")
        record = json.loads(header)
        if record.get("format") != FORMAT:
            return None
        path = record.get("path")
        text = body.decode("utf-8", "surrogatepass")
        return KeptDraft(Path(path) if isinstance(path, str) else None, text, str(record["kept_at"]))
    except (OSError, ValueError, KeyError, AttributeError):  # a partial or foreign file: not ours
        return None
