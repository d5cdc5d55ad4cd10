"""What the menu mixins use of the main window, declared for the type checker.

The Review, Grammar and Report menus live in mixins of `MainWindow`; at run
time they derive from `object`, and the type checker sees them as parts of a
window that has the attributes below (which `MainWindow` must then provide).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QProgressBar

    from ..core import Policy
    from ..core.grammar import GrammarChecker
    from ..core.store import ReviewStore
    from .document_tab import DocumentTab

    class WindowParts(QMainWindow):
        store: ReviewStore
        policy: Policy
        settings: QSettings
        grammar: GrammarChecker | None
        grammar_label: QLabel
        progress: QProgressBar
        exports: int

        def current(self) -> DocumentTab | None: ...
        def tab_list(self) -> list[DocumentTab]: ...
        def show_error(self, title: str, text: str) -> None: ...
        def _open_dialog(self, dialog: QDialog) -> None: ...
        def _tab_state(self, tab: DocumentTab, state: str | None) -> None: ...
        def _last_folder(self) -> Path: ...

else:
    WindowParts = object
