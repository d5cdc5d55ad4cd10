"""A bar above the text when the draft's file changed on disk: reload it, see what differs, or
keep the text in the editor. Never modal: the editor keeps working."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from ..palette import WARNING_COLOR

CHANGED, DELETED = "changed", "deleted"


class DiskBanner(QFrame):
    reload_requested = Signal()
    compare_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("disk-banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.kind: str | None = None
        self.message = QLabel()
        self.message.setObjectName("disk-message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it names the file: "<b>x.txt" is a name
        self.message.setStyleSheet(f"color: {WARNING_COLOR}; font-weight: bold")
        self.reload_button = QPushButton("Reload from disk")
        self.reload_button.setObjectName("disk-reload")
        self.reload_button.clicked.connect(self.reload_requested)
        self.compare_button = QPushButton("Show differences")
        self.compare_button.setObjectName("disk-compare")
        self.compare_button.clicked.connect(self.compare_requested)
        self.keep_button = QPushButton("Keep my text")
        self.keep_button.setObjectName("disk-keep")
        self.keep_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.message, 1)
        for button in (self.reload_button, self.compare_button, self.keep_button):
            layout.addWidget(button)
        self.hide()

    def show_change(self, kind: str, name: str, unsaved: bool) -> None:
        self.kind = kind
        if kind == DELETED:
            self.message.setText(f"{name} was deleted or moved on disk. Saving writes it again where it was.")
        else:
            mine = " You have unsaved changes here." if unsaved else ""
            self.message.setText(f"{name} was changed on disk by another program.{mine}")
        self.reload_button.setVisible(kind == CHANGED)
        self.compare_button.setVisible(kind == CHANGED)
        self.show()

    def dismiss(self) -> None:
        self.kind = None
        self.hide()
