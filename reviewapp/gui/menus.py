"""The window's menu bar: the action groups' commands laid out in menus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

from .actions import make_action
from .actions.files import FileActions
from .actions.findings import FindingActions
from .actions.grammar import GrammarActions
from .actions.reports import ReportActions
from .actions.review import ReviewActions
from .actions.view import ViewActions

FIND_COMMANDS: tuple[tuple[str, str, QKeySequence.StandardKey | str], ...] = (
    ("&Find…", "find", QKeySequence.StandardKey.Find),
    ("Find &Next", "next", QKeySequence.StandardKey.FindNext),
    ("Find Pre&vious", "previous", QKeySequence.StandardKey.FindPrevious),
    # Not Ctrl+H, the usual replace key: that is the review history here.
    ("R&eplace…", "replace", "Ctrl+Shift+H"),
)
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
        findings: FindingActions,
        review: ReviewActions,
        reports: ReportActions,
        grammar: GrammarActions,
        view_actions: ViewActions,
        editor_call: Callable[[str], None],
        find_call: Callable[[str], None],
        set_dark: Callable[[bool], None],
        dark: bool,
        about: Callable[[], object],
        shortcuts: Callable[[], object],
    ) -> None:
        super().__init__(window)
        file = self.addMenu("&File")
        file.addAction(files.new)
        file.addAction(files.open)
        file.addMenu(files.recent_menu)
        file.addAction(files.paste)
        file.addSeparator()
        file.addActions(
            [files.save_action, files.save_as_action, reports.export, reports.print, files.close_draft]
        )
        file.addSeparator()
        file.addAction(files.quit)

        edit = self.addMenu("&Edit")
        for text, name, key in EDIT_COMMANDS:
            edit.addAction(make_action(self, text, lambda _=False, n=name: editor_call(n), key))
        edit.addSeparator()
        for text, name, find_key in FIND_COMMANDS:
            edit.addAction(make_action(self, text, lambda _=False, n=name: find_call(n), find_key))
        edit.addSeparator()
        edit.addAction(grammar.preferences)

        menu = self.addMenu("&Review")
        menu.aboutToShow.connect(findings.enable_for_selected)
        menu.addActions([findings.next, findings.previous, findings.fix, findings.resolve, findings.reopen])
        menu.addSeparator()
        menu.addActions([findings.ignore, findings.allow, findings.resolve_rule, findings.resolve_furniture])
        menu.addSeparator()
        menu.addActions([review.sign, review.history, review.compare, review.verify])
        menu.addSeparator()
        menu.addActions([review.focus_text, review.focus_findings, review.focus_card])

        view = self.addMenu("&View")
        view.addMenu(view_actions.categories_menu)
        view.addMenu(view_actions.severity_menu)
        view.addActions([view_actions.show_resolved, view_actions.filter_text])
        view.addSeparator()
        view.addActions([view_actions.zoom_in, view_actions.zoom_out, view_actions.actual_size])
        view.addSeparator()
        self.dark_action = make_action(self, "&Dark Theme", set_dark, "Ctrl+Shift+D", checkable=True)
        self.dark_action.setChecked(dark)
        view.addAction(self.dark_action)

        help_menu = self.addMenu("&Help")
        help_menu.addAction(
            make_action(self, "&Keyboard Shortcuts", shortcuts, QKeySequence.StandardKey.HelpContents)
        )
        help_menu.addAction(make_action(self, "&About reviewapp", about))
