"""The window's unsaved drafts kept every few seconds (core/recovery.py), and offered back at the
next start when a run of the app ended without closing (a crash, a power cut, a killed process).

A run holds a lock on its folder while it lives (QLockFile: a lock whose process is gone
is free again), so a second window of the app never takes a living one's drafts.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from datetime import datetime
from functools import partial
from itertools import count
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from ..core.files import WriteError
from ..core.recovery import KeptDraft, RecoveryFolder, run_folders
from ..core.shown import display_path
from .document.tab import DocumentTab

KEEP_EVERY_MS = 5_000  # at most this much typing is lost
LOCK_NAME = "lock"


class RecoveryKeeper(QObject):
    """Keeps each open draft with unsaved changes in this run's folder; forgets it once saved,
    closed, or back as it was read.

    The text is taken on the window's thread; it is written on a thread of its own, one write
    after another in the order asked (written on the window's, a 20 MB draft held it 0.17 s
    every few seconds while typing; taking its text is 0.03 s of that).
    """

    problem = Signal(str)  # the drafts cannot be kept (said once)

    def __init__(self, root: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.folder: RecoveryFolder | None = None
        self.lock: QLockFile | None = None
        self._said: str | None = None
        try:
            self.folder = RecoveryFolder.new(root)
        except OSError as exc:  # said once the window listens (it connects after this)
            QTimer.singleShot(0, partial(self._failed, exc))
        else:
            self.lock = _held(self.folder)  # a new folder's lock: free
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="recovery")
        self._numbers: dict[DocumentTab, int] = {}
        self._next_number = count(1)  # a closed draft's number is not given again
        self._changed: set[DocumentTab] = set()  # edited since last kept
        self.timer = QTimer(self)
        self.timer.setInterval(KEEP_EVERY_MS)
        self.timer.timeout.connect(self.keep_changed)
        self.timer.start()

    def watch(self, tab: DocumentTab) -> None:
        self._numbers[tab] = next(self._next_number)
        document = tab.editor.document()
        document.contentsChanged.connect(lambda: self._changed.add(tab))
        document.modificationChanged.connect(lambda modified: self._modification(tab, modified))

    def keep_changed(self) -> None:
        """Write the drafts edited since the last time (a long draft is not written unchanged)."""
        changed, self._changed = self._changed, set()
        for tab in changed:
            if tab not in self._numbers:
                continue
            number = self._numbers[tab]
            if tab.editor.document().isModified():
                # Bound now: the write runs later, on the writer's thread.
                self._write(partial(RecoveryFolder.keep, number=number, path=tab.path, text=tab.text))
            else:
                self._write(partial(RecoveryFolder.forget, number=number))

    def flush(self) -> None:
        """Wait until every write asked for is done."""
        self._writer.submit(lambda: None).result()

    def _modification(self, tab: DocumentTab, modified: bool) -> None:
        if not modified:  # saved, or undone back to the text as read
            self._saved(tab)

    def _saved(self, tab: DocumentTab) -> None:
        self._changed.discard(tab)
        if tab in self._numbers:
            self._write(partial(RecoveryFolder.forget, number=self._numbers[tab]))

    def closed(self, tab: DocumentTab) -> None:
        """Closed on purpose (saved, or the changes discarded when asked): nothing to recover."""
        self._saved(tab)
        self._numbers.pop(tab, None)

    def finish(self) -> None:
        """The app closes as it should: this run leaves nothing behind (twice is once)."""
        self.timer.stop()
        self._writer.shutdown(wait=True)
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None
        if self.folder is not None:
            self.folder.remove()
            self.folder = None

    def _write(self, step: Callable[[RecoveryFolder], None]) -> None:
        folder = self.folder
        if folder is None:
            return

        def run() -> None:
            try:
                step(folder)
            except (OSError, WriteError) as exc:  # a full disk, a folder taken away: said, and typing goes on
                self._failed(exc)

        with suppress(RuntimeError):  # finished: the app is closing
            self._writer.submit(run)

    def _failed(self, exc: OSError | WriteError) -> None:
        message = f"Unsaved changes cannot be kept for recovery after a crash: {exc}"
        if message != self._said:
            self._said = message
            self.problem.emit(message)  # from the writer's thread: Qt queues it to the window's


class LeftBehind:
    """The drafts of runs that ended without closing, held (locked) while they are offered."""

    def __init__(self, root: Path | None = None) -> None:
        self.folders: list[RecoveryFolder] = []
        self._locks: list[QLockFile] = []
        for folder in run_folders(root):
            lock = _held(folder)
            if lock is not None:  # its run is over (a living run holds it)
                self.folders.append(folder)
                self._locks.append(lock)
        # A new draft still empty has nothing to give back.
        self.drafts: list[KeptDraft] = [
            draft
            for folder in self.folders
            for draft in folder.drafts()
            if draft.path is not None or draft.text.strip()
        ]

    def clear(self) -> None:
        """Restored or discarded: the folders go."""
        for folder, lock in zip(self.folders, self._locks, strict=True):
            lock.unlock()
            folder.remove()
        self.folders, self._locks, self.drafts = [], [], []


def _held(folder: RecoveryFolder) -> QLockFile | None:
    """The lock on a run's folder, taken; None while the run that holds it lives. Never stale by
    age: a run holds it for as long as it lasts (Qt frees it when that process is gone)."""
    lock = QLockFile(str(folder.folder / LOCK_NAME))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(0) else None


def described(draft: KeptDraft) -> str:
    """A kept draft as the offer to restore it names it: its file's name and when it was kept."""
    name = display_path(draft.path.name) if draft.path is not None else "an untitled draft"
    try:
        when = datetime.fromisoformat(draft.kept_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        when = draft.kept_at
    return f"{name}, as it was at {when}"
