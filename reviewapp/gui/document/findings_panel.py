"""The findings panel under the text: the category legend and filters, and the table of findings."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.categories import CATEGORIES, LABELS
from ...core.findings import SEVERITIES, Finding
from ..palette import category_color
from .findings_model import FINDING_ROLE, FindingsFilter, FindingsModel
from .resolutions import DraftResolutions

COLUMN_WIDTHS = (80, 140, 56, 360, 0, 90)  # 0: stretches


class FindingsPanel(QWidget):
    """Legend with a filter box per category, severity and "show resolved" filters, the table."""

    activated = Signal(object)  # Finding: clicked, or Enter on its row
    hidden_changed = Signal(object)  # set[str]: the categories filtered out

    def __init__(self, resolutions: DraftResolutions, dark: bool = False) -> None:
        super().__init__()
        self.resolutions = resolutions
        self.model = FindingsModel(resolutions)
        self.filter = FindingsFilter()
        self.filter.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("findings")
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # Fixed starting widths: ResizeToContents would query every row on every update.
        for column, width in enumerate(COLUMN_WIDTHS):
            if width:
                self.table.setColumnWidth(column, width)
            else:
                self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)  # Enter or double click
        self.table.clicked.connect(self._activated)

        self.category_boxes: dict[str, QCheckBox] = {}
        legend = QHBoxLayout()
        legend.setSpacing(10)
        for category in CATEGORIES:
            box = QCheckBox(LABELS[category])
            box.setChecked(True)
            box.setObjectName(f"filter-{category}")
            box.toggled.connect(self._apply_filter)
            self.category_boxes[category] = box
            legend.addWidget(box)
        legend.addStretch(1)
        self.set_dark(dark)
        self.severity_box = QComboBox()
        self.severity_box.setObjectName("min-severity")
        self.severity_box.addItems(list(SEVERITIES))
        self.severity_box.currentTextChanged.connect(self._apply_filter)
        self.resolved_box = QCheckBox("Show resolved")
        self.resolved_box.setChecked(True)
        self.resolved_box.toggled.connect(self._apply_filter)
        controls = QHBoxLayout()
        controls.addWidget(QLabel("At least:"))
        controls.addWidget(self.severity_box)
        controls.addWidget(self.resolved_box)
        controls.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        controls.addWidget(self.summary)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(legend)
        layout.addLayout(controls)
        layout.addWidget(self.table)
        resolutions.changed.connect(lambda _ids: self._update_summary())

    def set_findings(self, findings: list[Finding]) -> None:
        self.model.set_findings(findings)
        self._update_summary()

    def set_dark(self, dark: bool) -> None:
        for category, box in self.category_boxes.items():
            color = category_color(category, dark).name()
            box.setStyleSheet(
                f"QCheckBox::indicator:checked {{ background: {color}; border: 1px solid {color}; }}"
            )

    def shown_findings(self) -> list[Finding]:
        """The findings the filters let through, in the table's order."""
        model, proxy = self.model, self.filter
        return [model.findings[proxy.mapToSource(proxy.index(r, 0)).row()] for r in range(proxy.rowCount())]

    def select(self, finding: Finding) -> None:
        row = self.model.row_of(finding)
        if row >= 0:
            proxy_index = self.filter.mapFromSource(self.model.index(row, 0))
            if proxy_index.isValid():
                self.table.setCurrentIndex(proxy_index)

    def current(self) -> Finding | None:
        index = self.table.currentIndex()
        return index.data(FINDING_ROLE) if index.isValid() else None

    def open_count(self) -> int:
        return sum(1 for f in self.model.findings if f.id not in self.resolutions)

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.activated.emit(finding)

    def _apply_filter(self) -> None:
        shown = {c for c, box in self.category_boxes.items() if box.isChecked()}
        self.filter.set_filter(shown, self.severity_box.currentText(), self.resolved_box.isChecked())
        self.hidden_changed.emit(set(CATEGORIES) - shown)

    def _update_summary(self) -> None:
        counts = dict.fromkeys(CATEGORIES, 0)
        for f in self.model.findings:
            counts[f.category] += 1
        for category, box in self.category_boxes.items():
            box.setText(f"{LABELS[category]} ({counts[category]})")
        self.summary.setText(f"{self.open_count()} open of {len(self.model.findings)}")
