"""Find and replace under the text (Ctrl+F; Ctrl+Shift+H to replace). Replacing is an ordinary
edit of the editor, so it undoes with Ctrl+Z."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__()
        self.setObjectName("find-bar")
        self.editor = editor
        self.find_box = QLineEdit()
        self.find_box.setObjectName("find-text")
        self.find_box.setPlaceholderText("Find")
        self.find_box.setAccessibleName("Find")
        self.find_box.returnPressed.connect(self.find_next)
        self.replace_box = QLineEdit()
        self.replace_box.setObjectName("replace-text")
        self.replace_box.setPlaceholderText("Replace with")
        self.replace_box.setAccessibleName("Replace with")
        self.replace_box.returnPressed.connect(self.replace_one)
        self.case = QCheckBox("Match case")
        self.status = QLabel()
        self.status.setObjectName("find-status")
        previous, next_ = QPushButton("Previous"), QPushButton("Next")
        previous.clicked.connect(self.find_previous)
        next_.clicked.connect(self.find_next)
        self.replace_button = QPushButton("Replace")
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button = QPushButton("Replace All")
        self.replace_all_button.clicked.connect(self.replace_all)
        close = QPushButton("Close")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        widgets: tuple[QWidget, ...] = (self.find_box, previous, next_, self.case, self.replace_box)
        widgets += (self.replace_button, self.replace_all_button, self.status, close)
        for widget in widgets:
            layout.addWidget(widget)
        # Tab goes from what to find to what to put instead, then to the commands: the two
        # boxes are filled in one after the other (in the row's order, Tab went to "Previous").
        order: tuple[QWidget, ...] = (self.find_box, self.replace_box, previous, next_, self.case)
        order += (self.replace_button, self.replace_all_button, close)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.hide()

    def open_bar(self, replace: bool) -> None:
        for widget in (self.replace_box, self.replace_button, self.replace_all_button):
            widget.setVisible(replace)
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_box.setText(selected)
        self.show()
        self.find_box.setFocus()
        self.find_box.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def _flags(self, backwards: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backwards:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def search(self, backwards: bool = False) -> bool:
        """Select the next match from the cursor, wrapping around the draft."""
        needle = self.find_box.text()
        if not needle:
            return False
        document = self.editor.document()
        found = document.find(needle, self.editor.textCursor(), self._flags(backwards))
        if found.isNull():  # wrap around
            start = QTextCursor(document)
            if backwards:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(needle, start, self._flags(backwards))
        if found.isNull():
            self.status.setText("Not found")
            return False
        self.status.setText("")
        self.editor.setTextCursor(found)
        self.editor.centerCursor()
        return True

    def find_next(self) -> bool:
        return self.search(False)

    def find_previous(self) -> bool:
        return self.search(True)

    def _matches_selection(self) -> bool:
        selected, needle = self.editor.textCursor().selectedText(), self.find_box.text()
        if self.case.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    def replace_one(self) -> None:
        """Replace the selected match (if it is one), then find the next."""
        if self.find_box.text() and self._matches_selection():
            self.editor.textCursor().insertText(self.replace_box.text())
        self.find_next()

    def replace_all(self) -> int:
        """Every match, as one undoable edit; returns how many."""
        needle, document = self.find_box.text(), self.editor.document()
        if not needle:
            return 0
        count = 0
        edit = QTextCursor(document)
        edit.beginEditBlock()
        cursor = QTextCursor(document)
        while True:
            cursor = document.find(needle, cursor, self._flags())
            if cursor.isNull():
                break
            cursor.insertText(self.replace_box.text())
            count += 1
        edit.endEditBlock()
        self.status.setText(f"{count} replaced")
        return count
