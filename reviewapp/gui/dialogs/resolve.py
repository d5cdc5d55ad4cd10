"""The resolve dialog: how one finding was settled, by whom, with what source."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from ...core.categories import LABELS
from ...core.decisions import RESOLUTION, RESOLUTION_TABLE
from ...core.findings import Finding
from ..palette import WARNING_COLOR


class ResolveDialog(QDialog):
    """Ask how a finding was resolved; the caller records it."""

    def __init__(self, finding: Finding, name: str, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle("Resolve finding")
        self.setObjectName("resolve-dialog")
        quote = finding.text if len(finding.text) < 200 else finding.text[:197] + "…"
        header = QLabel(f"{LABELS[finding.category]} — {finding.message}\n\n“{quote}”")
        header.setWordWrap(True)
        header.setTextFormat(header.textFormat().PlainText)
        self.status = QComboBox()
        for status in RESOLUTION_TABLE:
            self.status.addItem(status.label, status.id)
        self.source = QLineEdit()
        self.source.setPlaceholderText("https://… where it was verified")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("How it was checked, or why it stays")
        self.note.setFixedHeight(70)
        self.person = QLineEdit(name)
        self.person.setPlaceholderText("Your name")
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {WARNING_COLOR}")
        form = QFormLayout()
        form.addRow("Decision", self.status)
        form.addRow("Source URL", self.source)
        form.addRow("Note", self.note)
        form.addRow("Your name", self.person)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def values(self) -> dict[str, str | None]:
        return {
            "status": self.status.currentData(),
            "source_url": self.source.text().strip() or None,
            "note": self.note.toPlainText().strip() or None,
            "person": self.person.text().strip(),
        }

    def _check(self) -> None:
        values = self.values()
        if not values["person"]:
            self.error.setText("Enter your name: the record says who decided.")
        elif RESOLUTION[str(values["status"])].needs_evidence and not (
            values["source_url"] or values["note"]
        ):
            self.error.setText(f"A {values['status']} finding needs a source URL or a note.")
        else:
            self.accept()
