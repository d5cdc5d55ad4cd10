"""The resolve dialog: how one finding (or several alike) was settled, by whom, with what source."""

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
    QWidget,
)

from ...core.analyzers.base import RuleInfo
from ...core.categories import CATEGORY, LABELS
from ...core.decisions import RESOLUTION, RESOLUTION_TABLE
from ...core.findings import Finding
from ...core.wording import counted, quoted
from ..palette import WARNING_COLOR
from .fitting import fit_to_text, scrolled

REMOVE_LABEL = "Remove the words from the text"


class ResolveDialog(QDialog):
    """Ask how a finding was resolved; the caller records it (or, for "removed", deletes the words).

    With `count`, the same decision for `count` findings alike (`what` names them).
    """

    def __init__(
        self,
        finding: Finding,
        name: str,
        parent: QWidget | None = None,
        rule: RuleInfo | None = None,
        count: int | None = None,
        what: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Resolve findings" if count else "Resolve finding")
        self.setObjectName("resolve-dialog")
        if count:
            text = (
                f"Resolve {what}: {counted(count, 'finding')}, each recorded and signed on its own; "
                "or their words removed from the text, as one edit (Ctrl+Z puts them back)."
            )
        else:
            quote = finding.text if len(finding.text) < 200 else finding.text[:197] + "…"
            text = f"{LABELS[finding.category]} — {finding.message}\n\n{quoted(quote)}"
            if finding.suggestion:
                text += f"\n\nWhat to do: {finding.suggestion}"
            if rule is not None and rule.why:
                text += f"\n\nWhy this is flagged: {rule.why}"
        header = QLabel(text)
        header.setObjectName("resolve-header")
        header.setWordWrap(True)
        header.setTextFormat(header.textFormat().PlainText)
        self.status = QComboBox()
        self.status.setObjectName("resolve-status")
        for status in RESOLUTION_TABLE:
            if not status.closes:  # opening a finding again is its own command
                continue
            # "Removed" is an edit of the text (the findings' words deleted), not a record.
            self.status.addItem(status.label if status.recorded else REMOVE_LABEL, status.id)
        default = CATEGORY[finding.category].default_resolution
        if count and default == "verified":
            default = "false_positive"  # not "verified", which asks for a source none of them has
        self.status.setCurrentIndex(max(0, self.status.findData(default)))
        self.source = QLineEdit()
        self.source.setPlaceholderText("https://… where it was verified")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("How it was checked, or why it stays")
        self.note.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.note.setFixedHeight(70)
        self.person = QLineEdit(name)
        self.person.setPlaceholderText("Your name")
        self.error = QLabel()
        self.error.setObjectName("resolve-error")
        self.error.setStyleSheet(f"color: {WARNING_COLOR}")
        form = QFormLayout()
        form.addRow("&Decision", self.status)
        form.addRow("Source &URL", self.source)
        form.addRow("N&ote", self.note)
        form.addRow("Your &name", self.person)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        explanation = scrolled(header)  # a house rule's reason may be long
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)  # room to spare goes below the fields, not between the texts
        layout.addWidget(buttons)
        self.status.currentIndexChanged.connect(self._update)
        self._update()
        fit_to_text(self, 540, 360, [explanation])
        self.status.setFocus()  # not a long text's scroll area, which comes first

    def values(self) -> dict[str, str | None]:
        return {
            "status": self.status.currentData(),
            "source_url": self.source.text().strip() or None,
            "note": self.note.toPlainText().strip() or None,
            "person": self.person.text().strip(),
        }

    def _update(self) -> None:
        removing = self.status.currentData() == "removed"
        for field in (self.source, self.note, self.person):
            field.setEnabled(not removing)  # deleting words is an edit: nothing is recorded

    def _check(self) -> None:
        values = self.values()
        status = RESOLUTION[str(values["status"])]
        if not status.recorded:
            self.accept()
        elif not values["person"]:
            self.error.setText("Enter your name: the record says who decided.")
            self.person.setFocus()
        elif status.needs_evidence and not (values["source_url"] or values["note"]):
            self.error.setText(f"“{status.label}” needs a source URL or a note.")
            self.source.setFocus()
        else:
            self.accept()
