"""Compare two versions of a draft, word by word: what was removed is struck through, what was
added is underlined (colour as well, never colour alone)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ...core.diffing import WordDiff

REMOVED_STYLE = "color: #B34A00; text-decoration: line-through; background-color: rgba(213, 94, 0, 40)"
ADDED_STYLE = "color: #00704F; text-decoration: underline; background-color: rgba(0, 158, 115, 40)"


def diff_html(diff: WordDiff) -> str:
    out = []
    for piece in diff.pieces:
        text = escape(piece.text).replace("\n", "<br>")
        if piece.op == "delete":
            out.append(f'<span style="{REMOVED_STYLE}">{text}</span>')
        elif piece.op == "insert":
            out.append(f'<span style="{ADDED_STYLE}">{text}</span>')
        else:
            out.append(text)
    return "<div>" + "".join(out) + "</div>"


class CompareDialog(QDialog):
    def __init__(self, before: str, after: str, diff: WordDiff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare versions")
        self.setObjectName("compare-dialog")
        self.diff = diff
        self.summary = QLabel(
            f"From {before} to {after}: {diff.summary}. Struck through: removed; underlined: added."
        )
        self.summary.setObjectName("compare-summary")
        self.summary.setWordWrap(True)
        self.view = QTextBrowser()
        self.view.setObjectName("compare-view")
        self.view.setHtml(diff_html(diff))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)
