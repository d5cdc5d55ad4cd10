"""The review history of one draft: its versions, with the decisions taken on each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTreeView,
    QVBoxLayout,
)

from ...core.store import AuditReport, HistoryEntry
from ...core.wording import counted

PROBLEM_COLOR = "#d1495b"  # readable on light and dark backgrounds
SHA_ROLE = Qt.ItemDataRole.UserRole + 1  # a version row's text hash
KIND_LABELS = {"version": "Version", "resolution": "Resolution", "signoff": "Sign-off"}


def local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def history_model(entries: list[HistoryEntry], current_sha: str | None) -> QStandardItemModel:
    """One row per version of the text; its resolutions and sign-offs beneath it."""
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["What", "When", "Details"])
    versions: dict[str, QStandardItem] = {}
    bold = QFont()
    bold.setBold(True)
    for entry in entries:
        parent = versions.get(entry.sha256)
        if parent is None:  # also covers a decision recorded before its version row (old data)
            label = f"Version {entry.sha256[:12]}"
            if entry.sha256 == current_sha:
                label += " (this text)"
            parent = QStandardItem(label)
            parent.setData(entry.sha256, SHA_ROLE)
            details = QStandardItem(entry.summary if entry.kind == "version" else "")
            when = QStandardItem(local_time(entry.at))
            if entry.sha256 == current_sha:
                for item in (when, parent, details):
                    item.setFont(bold)
            model.appendRow([parent, when, details])  # children hang off column 0
            versions[entry.sha256] = parent
            if entry.kind == "version":
                continue
        row = [
            QStandardItem(KIND_LABELS[entry.kind]),
            QStandardItem(local_time(entry.at)),
            QStandardItem(entry.summary),
        ]
        row[2].setToolTip(entry.summary)
        if entry.problem:  # does not count: say so in the first column too, not only at the end
            row[0].setText(f"{KIND_LABELS[entry.kind]}: {entry.problem.split(':')[0].lower()}")
            row[0].setIcon(QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            for item in row:
                item.setForeground(QBrush(QColor(PROBLEM_COLOR)))
                item.setToolTip(entry.summary)
        parent.appendRow(row)
    return model


class HistoryDialog(QDialog):
    """Read-only: nothing in the record can be changed from here (or anywhere)."""

    def __init__(
        self,
        title: str,
        entries: list[HistoryEntry],
        current_sha: str | None,
        verify: Callable[[], AuditReport],
        parent: object = None,
        hashes: str = "",
        compare: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle(f"Review history — {title}")
        self.setObjectName("history-dialog")
        self.verify = verify
        self.model = history_model(entries, current_sha)
        self.view = QTreeView()
        self.view.setObjectName("history")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setUniformRowHeights(True)
        self.view.expandAll()
        self.view.setColumnWidth(0, 290)
        self.view.setColumnWidth(1, 130)
        self.view.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.hashes = QLabel(hashes)
        self.hashes.setObjectName("hashes")
        self.hashes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hashes.setVisible(bool(hashes))
        empty = QLabel("No review record yet: resolve a finding or sign off to start one.")
        empty.setVisible(not entries)
        self.audit = QLabel()
        self.audit.setObjectName("audit-result")
        self.audit.setTextFormat(Qt.TextFormat.PlainText)
        verify_button = QPushButton("&Verify the Record")
        verify_button.clicked.connect(self.run_verify)
        self.compare_button = QPushButton("&Compare with the Text Now")
        self.compare_button.setObjectName("history-compare")
        self.compare_button.setEnabled(False)
        self.compare_button.setVisible(compare is not None)
        self.compare_button.setToolTip("Choose a version: what changed between it and the text in the editor")
        self.compare = compare
        self.compare_button.clicked.connect(self._compare)
        self.view.selectionModel().currentChanged.connect(self._chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(verify_button)
        bottom.addWidget(self.compare_button)
        bottom.addWidget(self.audit, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hashes)
        layout.addWidget(empty)
        layout.addWidget(self.view)
        layout.addLayout(bottom)
        self.resize(820, 480)

    def chosen_version(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        row = index.sibling(index.row(), 0)
        version = row if not row.parent().isValid() else row.parent()
        sha = version.data(SHA_ROLE)
        return str(sha) if sha else None

    def _chosen(self) -> None:
        self.compare_button.setEnabled(self.chosen_version() is not None)

    def _compare(self) -> None:
        sha = self.chosen_version()
        if sha is not None and self.compare is not None:
            self.compare(sha)

    def run_verify(self) -> AuditReport:
        report = self.verify()
        entries = counted(report.entries, "entry", "entries")
        self.audit.setText(
            f"The record verifies: {entries}, every decision signed by its signer. Head {report.head}"
            if report.ok
            else f"The record DOES NOT VERIFY: entry {report.first_broken}, {report.reason}."
        )
        self.audit.setToolTip("\n".join(report.problems))
        return report
