"""The sign-off dialog: approve or reject this exact text in a role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
)

from ...core.gate import GateResult
from ..palette import WARNING_COLOR
from .fitting import fit_to_text, scrolled


class SignOffDialog(QDialog):
    """Ask for name, role, decision and comment; refuse approval while findings block it."""

    def __init__(
        self,
        gate: GateResult,
        roles: tuple[str, ...],
        name: str,
        role: str | None,
        title: str,
        sha256: str,
        parent: object = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.gate = gate
        self.setWindowTitle("Sign off")
        self.setObjectName("signoff-dialog")
        header = QLabel(f"{title}\nVersion sha256 {sha256[:16]}… — {gate.approval}")
        header.setTextFormat(Qt.TextFormat.PlainText)
        header.setWordWrap(True)
        self.reasons = QLabel(_reasons_text(gate))
        self.reasons.setObjectName("gate-reasons")
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)  # reasons quote the draft's rules and names
        self.reasons.setWordWrap(True)

        self.person = QLineEdit(name)
        self.person.setPlaceholderText("Your name, as it goes on the record")
        self.role = QComboBox()
        for option in roles:
            self.role.addItem(option.replace("_", " ").capitalize(), option)
        if role in roles:
            self.role.setCurrentIndex(roles.index(role))
        self.approve = QRadioButton("&Approve this text")
        self.reject_choice = QRadioButton("Re&ject")
        decisions = QButtonGroup(self)
        for button in (self.approve, self.reject_choice):
            decisions.addButton(button)
            button.toggled.connect(self._update)
        decision_row = QHBoxLayout()
        decision_row.addWidget(self.approve)
        decision_row.addWidget(self.reject_choice)
        decision_row.addStretch(1)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText("Optional: what you checked, or why you reject it")
        self.comment.setFixedHeight(70)
        self.error = QLabel()
        self.error.setObjectName("signoff-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {WARNING_COLOR}")

        form = QFormLayout()
        form.addRow("&Name", self.person)
        form.addRow("&Role", self.role)
        form.addRow("Decision", decision_row)
        form.addRow("&Comment", self.comment)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Sign")
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        reasons = scrolled(self.reasons)  # a draft may have many
        layout.addWidget(reasons)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)  # room to spare goes below the fields, not between the texts
        layout.addWidget(self.buttons)
        # Approval is the usual intent, but not offered as the default when it would be refused.
        (self.reject_choice if gate.unresolved else self.approve).setChecked(True)
        fit_to_text(self, 540, 380, [reasons])
        self.person.setFocus()  # not a long text's scroll area, which comes first

    @property
    def sign_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def values(self) -> dict[str, str | None]:
        return {
            "person": self.person.text().strip(),
            "role": self.role.currentData(),
            "decision": "approve" if self.approve.isChecked() else "reject",
            "comment": self.comment.toPlainText().strip() or None,
        }

    def _update(self) -> None:
        refused = self.approve.isChecked() and bool(self.gate.unresolved)
        self.sign_button.setEnabled(not refused)
        self.error.setText(_refusal(len(self.gate.unresolved)) if refused else "")

    def _check(self) -> None:
        if not self.values()["person"]:
            self.error.setText("Enter your name: the record says who signed.")
            return
        if self.approve.isChecked() and self.gate.unresolved:
            return  # the button is disabled; a keyboard accept must not slip through
        self.accept()


def _reasons_text(gate: GateResult) -> str:
    if gate.publishable:
        return "The publication gate is satisfied for this text."
    return "Not yet publishable:\n" + "\n".join(f"• {reason}" for reason in gate.reasons)


def _refusal(blocking: int) -> str:
    """Why approval is refused, in the number the count takes."""
    if blocking == 1:
        what, them = "1 finding that blocks publication is", "it"
    else:
        what, them = f"{blocking:,} findings that block publication are", "them"
    return (
        f"Approval is refused: {what} unresolved. Resolve {them} first (F8, then Ctrl+R), or reject the text."
    )
