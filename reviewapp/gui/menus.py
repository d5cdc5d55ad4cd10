"""The window's menu bar: the action groups' commands laid out in menus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

from .actions import make_action
from .actions.files import FileActions
from .actions.grammar import GrammarActions
from .actions.reports import ReportActions
from .actions.review import ReviewActions

EDIT_COMMANDS = (
    ("&Undo", "undo", QKeySequence.StandardKey.Undo),
    ("&Redo", "redo", QKeySequence.StandardKey.Redo),
    ("Cu&t", "cut", QKeySequence.StandardKey.Cut),
    ("&Copy", "copy", QKeySequence.StandardKey.Copy),
    ("&Paste", "paste", QKeySequence.StandardKey.Paste),
    ("Select &All", "selectAll", QKeySequence.StandardKey.SelectAll),
)


class MainMenuBar(QMenuBar):
    def __init__(
        self,
        window: QWidget,
        files: FileActions,
        review: ReviewActions,
        reports: ReportActions,
        grammar: GrammarActions,
        editor_call: Callable[[str], None],
        set_dark: Callable[[bool], None],
        dark: bool,
        about: Callable[[], object],
    ) -> None:
        super().__init__(window)
        file = self.addMenu("&File")
        file.addAction(files.open)
        file.addMenu(files.recent_menu)
        file.addAction(files.paste)
        file.addSeparator()
        file.addActions([files.save_action, files.save_as_action, reports.export, files.close_draft])
        file.addSeparator()
        file.addAction(files.quit)

        edit = self.addMenu("&Edit")
        for text, name, key in EDIT_COMMANDS:
            edit.addAction(make_action(self, text, lambda _=False, n=name: editor_call(n), key))
        edit.addSeparator()
        edit.addAction(grammar.preferences)

        menu = self.addMenu("&Review")
        menu.addActions([review.next, review.previous, review.resolve])
        menu.addSeparator()
        menu.addActions([review.sign, review.history, review.verify])
        menu.addSeparator()
        menu.addActions([review.focus_text, review.focus_findings])

        view = self.addMenu("&View")
        self.dark_action = make_action(self, "&Dark Theme", set_dark, "Ctrl+Shift+D", checkable=True)
        self.dark_action.setChecked(dark)
        view.addAction(self.dark_action)

        help_menu = self.addMenu("&Help")
        help_menu.addAction(make_action(self, "&About reviewapp", about))
