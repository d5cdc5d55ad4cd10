"""The house allow-list in Preferences: the terms the newsroom accepts, to review, add and remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget

from ...core.shown import display_path


class AllowListEditor(QWidget):
    """Edits a list in memory; the caller writes it when the dialog is accepted."""

    def __init__(self, path: Path | None, terms: list[str]) -> None:
        super().__init__()
        self.setObjectName("allow-list")
        self.path = path
        self.original = list(terms)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(
            "<b>House allow-list</b>: words never flagged as hedging, peacock wording, "
            "page furniture, generated phrasing or grammar"
        )
        title.setWordWrap(True)
        layout.addWidget(title)
        if path is None:
            note = QLabel(
                "The house policy names no allow-list file. To keep one, add "
                '<code>allow_list = "allowed.txt"</code> under <code>[rules]</code> in the policy.'
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            self.list = QListWidget()
            self.list.hide()
            return
        shown = QLabel(display_path(path))
        shown.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(shown)
        self.list = QListWidget()
        self.list.setObjectName("allow-terms")
        self.list.addItems(terms)
        self.term = QLineEdit()
        self.term.setObjectName("allow-term")
        self.term.setPlaceholderText("a word or phrase")
        self.term.returnPressed.connect(self.add)
        add, remove = QPushButton("&Add"), QPushButton("Re&move")
        add.clicked.connect(self.add)
        remove.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.term, 1)
        row.addWidget(add)
        row.addWidget(remove)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def terms(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def changed(self) -> bool:
        return self.path is not None and self.terms() != self.original

    def add(self) -> None:
        term = self.term.text().strip()
        if term and term not in self.terms():
            self.list.addItem(term)
        self.term.clear()

    def remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
