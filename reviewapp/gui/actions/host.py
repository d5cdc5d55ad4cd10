"""What the action groups use of the window that holds them (the main window provides it)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QTabWidget, QWidget

from ...core.document import Document
from ...core.review import Reviewer
from ...core.store import ReviewStore
from ..document.tab import DocumentTab
from ..status_bar import ReviewStatusBar


class Host(Protocol):
    reviewer: Reviewer
    store: ReviewStore
    settings: QSettings
    status: ReviewStatusBar
    tabs: QTabWidget

    def current(self) -> DocumentTab | None: ...
    def tab_list(self) -> list[DocumentTab]: ...
    def add_tab(self, document: Document) -> DocumentTab: ...
    def close_tab(self, index: int) -> None: ...
    def retitle(self, tab: DocumentTab) -> None: ...
    def last_folder(self) -> Path: ...
    def open_dialog(self, dialog: QDialog) -> None: ...
    def show_error(self, title: str, text: str) -> None: ...
    def save(self) -> bool: ...  # the current draft, as File > Save does; False: not saved
    def close(self) -> bool: ...


def widget(host: Host) -> QWidget:
    """The host as the parent of dialogs (it is a window)."""
    assert isinstance(host, QWidget)
    return host
