"""File: open, paste, save and the recent drafts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ...core import ReviewAppError, load_text
from ...core.diffing import word_diff
from ...core.document import Document
from ...core.encoding import UTF8, CannotEncodeError, FileEncoding
from ...core.files import write_atomic
from ...core.loaders import SUPPORTED_SUFFIXES
from ...core.review import Reviewer
from ...core.shown import display_path
from ..dialogs.compare import CompareDialog
from ..document.disk_banner import CHANGED, DELETED
from ..document.tab import DocumentTab
from ..document.text_layout import too_many_lines
from ..mnemonics import literal
from ..workers import while_painting
from . import make_action
from .host import Host, widget

MAX_RECENT = 10
SAVEABLE = (".txt", ".md", ".markdown")
# What a draft read from a file that is not saved back keeps there (only its text is saved).
_KEPT_IN_ORIGINAL = {".html": "markup", ".htm": "markup", ".docx": "formatting", ".odt": "formatting"}


def save_title(path: Path | None) -> str:
    """The save dialog's title: for a web page or a Word or OpenDocument file, that the text is
    saved as a new text file and the original left as it is (the app edits text, not markup)."""
    kept = _KEPT_IN_ORIGINAL.get(path.suffix.lower()) if path is not None else None
    if path is None or kept is None:
        return "Save draft as"
    return f"Save the text as .txt or .md ({path.name} is left as it is, with its {kept})"


# A draft file from this size on is read in a thread of its own while the window paints: reading
# and splitting the 100,000-word benchmark draft (600 kB) held the window's loop 26 ms of the
# open's longest block; a 20 MB draft, over a second. A short one is read at once.
READ_WHILE_PAINTING_BYTES = 256 * 1024


def read_draft(reviewer: Reviewer, path: Path) -> Document | str:
    """The draft at `path`, or the one line that says why the editor cannot open it."""
    try:
        document = reviewer.load(path)
    except ReviewAppError as exc:
        return str(exc)
    too_many = too_many_lines(document.text)
    return document if too_many is None else f"{display_path(path)}: {too_many}"


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it says why it cannot be read


@contextmanager
def busy_cursor() -> Iterator[None]:
    """The wait cursor over the app while the window is busy with something it cannot show."""
    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class FileActions(QObject):
    recent_changed = Signal()  # the list of recent drafts (the welcome panel shows it too)

    def __init__(self, window: Host) -> None:
        super().__init__(widget(window))
        self.window = window
        self.new = make_action(self, "&New Draft", self.new_draft, QKeySequence.StandardKey.New)
        self.open = make_action(self, "&Open…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu("Open &Recent", widget(window))
        self.paste = make_action(self, "&Paste as New Draft", self.paste_new, "Ctrl+Shift+V")
        self.save_action = make_action(self, "&Save", self.save, QKeySequence.StandardKey.Save)
        self.save_as_action = make_action(self, "Save &As…", self.save_as, QKeySequence.StandardKey.SaveAs)
        self.close_draft = make_action(
            self,
            "&Close Draft",
            lambda: window.close_tab(window.tabs.currentIndex()),
            QKeySequence.StandardKey.Close,
        )
        self.quit = make_action(self, "&Quit", window.close, QKeySequence.StandardKey.Quit)
        # Another program changing a draft's file is noticed, and offered as a reload.
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self._rebuild_recent()

    # -- opening

    def open_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            widget(self.window), "Open drafts", str(self.last_folder()), f"Drafts ({patterns});;All files (*)"
        )
        for path in paths:
            self.open_path(path)

    def open_path(self, path: str | Path) -> DocumentTab | None:
        window = self.window
        path = Path(path)
        for tab in window.tab_list():
            if tab.path and tab.path.resolve() == path.resolve():
                window.tabs.setCurrentWidget(tab)
                return tab
        # Reading a long draft and laying out its text take the window a second or more (20 MB).
        with busy_cursor():
            outcome = self._read(path)
            if isinstance(outcome, Document):  # its warnings are shown above its text (tab.read_notes)
                self.remember(path)
                return window.add_tab(outcome)
        window.show_error("Cannot open the draft", outcome)  # with the cursor back: it waits for a click
        return None

    def _read(self, path: Path) -> Document | str:
        """The draft at `path`, or the one line that says why the editor cannot open it. A long
        one is read while the window goes on painting."""
        reviewer = self.window.reviewer
        if _file_size(path) >= READ_WHILE_PAINTING_BYTES:
            return while_painting(lambda: read_draft(reviewer, path))
        return read_draft(reviewer, path)

    def new_draft(self) -> DocumentTab:
        """An empty draft to write or paste into; Save asks where it goes."""
        return self.window.add_tab(blank_document())

    def paste_new(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.window.status.showMessage("The clipboard holds no text to paste.", 5000)
            return
        if (too_many := too_many_lines(text)) is not None:
            self.window.show_error("Cannot paste the draft", f"The text pasted: {too_many}.")
            return
        self.window.add_tab(load_text(text))

    # -- saving

    def save(self) -> bool:
        tab = self.window.current()
        if tab is None:
            return False
        if tab.path is None or tab.path.suffix.lower() not in SAVEABLE:
            return self.save_as()
        return self.write(tab, tab.path)

    def save_as(self) -> bool:
        tab = self.window.current()
        if tab is None:
            return False
        start = tab.path.with_suffix(".txt") if tab.path else self.last_folder() / "draft.txt"
        name, _ = QFileDialog.getSaveFileName(
            widget(self.window), save_title(tab.path), str(start), "Text (*.txt);;Markdown (*.md)"
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() not in SAVEABLE:
            path = path.with_suffix(".txt")
        original = tab.path
        if not self.write(tab, path):
            return False
        tab.saved_as(path)
        self.remember(path)
        self.window.retitle(tab)
        if original is not None and original.suffix.lower() in _KEPT_IN_ORIGINAL:
            # Said after the save, too: a window manager may show little of a dialog's title.
            self.window.status.showMessage(
                f"Saved the text as {path.name}; {original.name} is left as it is.", 8000
            )
        return True

    def write(self, tab: DocumentTab, path: Path) -> bool:
        """Write through a temporary file (a failed save never leaves half a draft), in the
        file's own encoding and line ends, and never over a newer file without asking."""
        if not self._may_overwrite(tab, path):
            return False
        encoding = tab.encoding or UTF8
        try:
            data = encoding.encode(tab.text)
        except CannotEncodeError as exc:
            if not self._confirm(
                "Save as UTF-8?",
                f"{exc}. Save the draft as UTF-8 instead (it can hold every character)?",
            ):
                return False
            encoding = FileEncoding("utf-8", "UTF-8", b"", encoding.newline)
            data = encoding.encode(tab.text)
        try:
            write_atomic(path, data)
        except ReviewAppError as exc:
            self.window.show_error("Cannot save the draft", str(exc))
            return False
        tab.encoding = encoding
        tab.disk_sha = hashlib.sha256(data).hexdigest()
        tab.banner.dismiss()
        tab.editor.document().setModified(False)
        self._watch_path(path)
        self.window.status.showMessage(f"Saved {path} ({encoding.describe()})", 5000)
        return True

    def _may_overwrite(self, tab: DocumentTab, path: Path) -> bool:
        """A file changed or deleted on disk since this tab read it is not overwritten silently."""
        if path != tab.path or tab.disk_sha is None:
            return True
        now = disk_sha(path)
        if now == tab.disk_sha:
            return True
        if now is None:
            return self._confirm(
                "The file is gone",
                f"{path.name} was deleted or moved since it was opened. Save it again here?",
            )
        return self._confirm(
            "The file changed on disk",
            f"{path.name} was changed by another program since it was opened or saved here. "
            "Saving replaces those changes with the text in the editor. Save anyway?",
        )

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            widget(self.window),
            title,
            text,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    # -- the files on disk

    def watch(self, tab: DocumentTab) -> None:
        tab.banner.reload_requested.connect(lambda: self.reload(tab))
        tab.banner.compare_requested.connect(lambda: self.compare_with_disk(tab))
        if tab.path is not None:
            self._watch_path(tab.path)

    def _watch_path(self, path: Path) -> None:
        if str(path) not in self.watcher.files() and path.exists():
            self.watcher.addPath(str(path))

    def _file_changed(self, name: str) -> None:
        path = Path(name)
        for tab in self.window.tab_list():
            if tab.path is None or tab.path != path:
                continue
            now = disk_sha(path)
            if now is not None:
                self._watch_path(path)  # a file replaced by rename is watched again
            if now == tab.disk_sha:
                continue  # our own save, or no real change
            kind = DELETED if now is None else CHANGED
            tab.banner.show_change(kind, path.name, tab.editor.document().isModified())

    def _from_disk(self, tab: DocumentTab, failure: str) -> Document | None:
        """The tab's file as it is on disk now; None (and `failure` said) when it cannot be read."""
        if tab.path is None:
            return None
        outcome = self._read(tab.path)
        if isinstance(outcome, str):
            self.window.show_error(failure, outcome)
            return None
        return outcome

    def reload(self, tab: DocumentTab) -> None:
        """The file as it is on disk now, as an undoable edit of the whole text."""
        document = self._from_disk(tab, "Cannot reload the draft")
        if document is None or tab.path is None:
            return
        tab.replace_text(document)
        tab.banner.dismiss()
        self.window.status.showMessage(f"Reloaded {tab.path.name} from disk.", 5000)

    def compare_with_disk(self, tab: DocumentTab) -> None:
        document = self._from_disk(tab, "Cannot read the file on disk")
        if document is None:
            return
        dialog = CompareDialog(
            "the text in the editor",
            "the file on disk",
            word_diff(tab.text, document.text),
            widget(self.window),
        )
        self.window.open_dialog(dialog)

    # -- recent drafts

    def remember(self, path: Path) -> None:
        recent = [p for p in self.recent() if p != str(path.resolve())]
        self.window.settings.setValue("recent", [str(path.resolve()), *recent][:MAX_RECENT])
        self._rebuild_recent()

    def recent(self) -> list[str]:
        value = self.window.settings.value("recent", [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            return [value]
        return [str(item) for item in value] if isinstance(value, list | tuple) else []

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent()
        for number, name in enumerate(recent, 1):
            # No line break or direction override shown raw, and an "&" is no access key.
            action = self.recent_menu.addAction(f"&{number % 10} {literal(display_path(name))}")
            action.triggered.connect(lambda _=False, n=name: self.open_recent(n))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("&Clear the List", self._forget_all)
        self.recent_menu.setEnabled(bool(recent))
        self.recent_changed.emit()

    def open_recent(self, name: str) -> None:
        """Open a recent draft; one gone from its place since leaves the list."""
        if self.open_path(name) is None and not Path(name).exists():
            self.window.settings.setValue("recent", [p for p in self.recent() if p != name])
            self._rebuild_recent()

    def _forget_all(self) -> None:
        self.window.settings.setValue("recent", [])
        self._rebuild_recent()

    def last_folder(self) -> Path:
        recent = self.recent()
        return Path(recent[0]).parent if recent else Path.home()


def disk_sha(path: Path) -> str | None:
    """SHA-256 of the file as it is now; None if it is not there."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def blank_document() -> Document:
    """An empty draft (the loaders refuse empty text: a new draft is the one exception)."""
    return Document(text="")
