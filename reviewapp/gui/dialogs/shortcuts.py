"""Help > Keyboard Shortcuts: every command of the menus and its keys, read from the menus themselves
(so the list cannot drift from what the keys do)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..document.finding_card import CARD_COMMANDS, MAX_FIX_BUTTONS


def place_commands() -> list[tuple[str, str]]:
    """Keys that belong to a place rather than a menu: the finding card's buttons, the find bar."""
    native = QKeySequence.SequenceFormat.NativeText
    fixes = ", ".join(QKeySequence.mnemonic(f"&{n}").toString(native) for n in range(1, MAX_FIX_BUTTONS + 1))
    return [
        ("Finding card > Apply the fix with that number", fixes),
        *(
            (f"Finding card > {plain(label)}", QKeySequence.mnemonic(label).toString(native))
            for label in CARD_COMMANDS
        ),
        ("Find bar > Close it", QKeySequence(Qt.Key.Key_Escape).toString(native)),
    ]


def menu_commands(bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each menu's name and its commands as (name, keys), submenus' commands under their menu."""
    out = []
    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            out.append((plain(top.text()), list(_commands(menu, ""))))
    return out


def _commands(menu: QMenu, prefix: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _commands(sub, f"{prefix}{plain(action.text())} > ")
            continue
        keys = _keys(action)
        if keys or not prefix:  # a submenu's items without keys (the recent files) are no commands to learn
            yield f"{prefix}{plain(action.text())}", keys


def plain(text: str) -> str:
    """A menu text without its access-key marks ("&Find…" → "Find…"; "&&" is a real "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _keys(action: QAction) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())


class ShortcutsDialog(QDialog):
    """The menus' commands with their keys, then the keys of places (the finding card, the find bar)."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setObjectName("shortcuts-dialog")
        note = QLabel(
            "Alt and a menu's underlined letter opens it; in a menu, a command's underlined letter runs it."
        )
        note.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcuts")
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        for menu, commands in [*menu_commands(bar), ("Elsewhere", place_commands())]:
            group = QTreeWidgetItem(self.tree, [menu, ""])
            group.setFirstColumnSpanned(True)
            bold = group.font(0)
            bold.setBold(True)
            group.setFont(0, bold)
            for name, keys in commands:
                QTreeWidgetItem(group, [name, keys])
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(560, 620)
        self.tree.setFocus()
