"""What the window shows with no draft open: how to start one, and the drafts opened lately."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from ..core.shown import display_path
from .actions.files import FileActions
from .mnemonics import literal

SHOWN_RECENT = 6  # of the recent list; the File menu has them all


class WelcomePanel(QWidget):
    """No draft open: the commands that open one, with their keys, and the recent drafts."""

    def __init__(self, files: FileActions) -> None:
        super().__init__()
        self.setObjectName("welcome")
        self.files = files
        heading = QLabel("No draft open")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        commands = QGridLayout()
        for row, action in enumerate((files.open, files.new, files.paste)):
            commands.addWidget(_command_button(action), row, 0)
            keys = QLabel(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            keys.setEnabled(False)  # greyed, as a menu shows a command's keys
            commands.addWidget(keys, row, 1)
        hint = QLabel("Or drop a draft (.txt, .md, .html, .docx or .odt) on this window.")
        hint.setEnabled(False)
        self.recent_heading = QLabel("<b>Recent drafts</b>")
        self.recent_list = QVBoxLayout()
        self.recent_list.setSpacing(0)

        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(heading)
        column.addSpacing(12)
        column.addLayout(commands)
        column.addWidget(hint)
        column.addSpacing(18)
        column.addWidget(self.recent_heading)
        column.addLayout(self.recent_list)
        column.addStretch(2)
        outer = QGridLayout(self)
        outer.addLayout(column, 0, 1)
        outer.setColumnStretch(0, 1)
        outer.setColumnStretch(2, 1)
        files.recent_changed.connect(self.show_recent)
        self.show_recent()

    def show_recent(self) -> None:
        """The recent drafts, newest first, each a button that opens it."""
        while (item := self.recent_list.takeAt(0)) is not None:
            if (gone := item.widget()) is not None:
                gone.setParent(None)  # out of the panel now, not when the event loop deletes it
                gone.deleteLater()
        recent = self.files.recent()[:SHOWN_RECENT]
        for name in recent:
            path = Path(name)
            # Flat and as wide as its words, in the theme's colours (a style sheet would set its own).
            button = QToolButton()
            button.setText(literal(display_path(f"{path.name}  —  {_folder(path)}")))
            button.setAutoRaise(True)
            button.setToolTip(display_path(name))
            button.setAccessibleName(f"Open {display_path(path.name)}")
            button.setAccessibleDescription(display_path(name))
            button.clicked.connect(lambda _=False, n=name: self.files.open_recent(n))
            self.recent_list.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.recent_heading.setVisible(bool(recent))


def _folder(path: Path) -> str:
    """Where a draft is, the home folder written "~" (two drafts may share a name)."""
    folder = path.parent
    try:
        return str(Path("~") / folder.relative_to(Path.home()))
    except ValueError:
        return str(folder)


def _command_button(action: QAction) -> QPushButton:
    """A button for a command of the File menu: its words (and access key), doing what it does."""
    button = QPushButton(action.text())
    button.setMinimumWidth(200)
    button.clicked.connect(action.trigger)
    return button
