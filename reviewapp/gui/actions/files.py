"""File: open, paste, save and the recent drafts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from ...core import ReviewAppError, load_text
from ...core.files import write_atomic
from ...core.loaders import SUPPORTED_SUFFIXES
from ..document.tab import DocumentTab
from . import make_action
from .host import Host, widget

MAX_RECENT = 10
SAVEABLE = (".txt", ".md", ".markdown")


class FileActions(QObject):
    def __init__(self, window: Host) -> None:
        super().__init__(widget(window))
        self.window = window
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
        try:
            document = window.reviewer.load(path)
        except ReviewAppError as exc:
            window.show_error("Cannot open the draft", str(exc))
            return None
        for warning in document.warnings:
            window.status.showMessage(warning, 10000)
        self.remember(path)
        return window.add_tab(document)

    def paste_new(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.window.status.showMessage("The clipboard holds no text to paste.", 5000)
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
            widget(self.window), "Save draft as", str(start), "Text (*.txt);;Markdown (*.md)"
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() not in SAVEABLE:
            path = path.with_suffix(".txt")
        if not self.write(tab, path):
            return False
        tab.saved_as(path)
        self.remember(path)
        self.window.retitle(tab)
        return True

    def write(self, tab: DocumentTab, path: Path) -> bool:
        """Write through a temporary file, so a failed save never leaves half a draft."""
        try:
            write_atomic(path, tab.text)  # the editor's text has \n line ends already
        except ReviewAppError as exc:
            self.window.show_error("Cannot save the draft", str(exc))
            return False
        tab.editor.document().setModified(False)
        self.window.status.showMessage(f"Saved {path}", 5000)
        return True

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
        for number, name in enumerate(self.recent(), 1):
            action = self.recent_menu.addAction(f"&{number % 10} {name}")
            action.triggered.connect(lambda _=False, n=name: self.open_path(n))
        self.recent_menu.setEnabled(bool(self.recent()))

    def last_folder(self) -> Path:
        recent = self.recent()
        return Path(recent[0]).parent if recent else Path.home()
