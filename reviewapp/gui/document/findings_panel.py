"""The findings panel under the text: the category legend and filters, and the table of findings."""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.categories import CATEGORIES, CATEGORY, LABELS
from ...core.diffing import TextEdit
from ...core.findings import SEVERITIES, Finding
from ...core.numbering import FindingsChange
from ..flow_layout import FlowLayout
from ..palette import category_icon
from .findings_model import FINDING_ROLE, FindingsFilter, FindingsModel
from .resolutions import DraftResolutions
from .row_changes import PlannedRows

ICON_SIZE = QSize(32, 16)  # a patch wide enough to show its line's pattern
COLUMN_WIDTHS = (80, 130, 56, 0, 0, 90)  # 0: the text and the message share what is left


_EDGE = 6  # pixels between the window's edge and the legend's and filters' controls


class FindingsTable(QTableView):
    """The table of findings; a right click or the Menu key asks for a row's commands."""

    menu_requested = Signal(object, QPoint)  # Finding, where the menu goes (global)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            where = event.pos()  # Qt gives a mouse's place on the viewport
            index = self.indexAt(where)
            selection = self.selectionModel()
            if index.isValid() and selection.isSelected(index):  # one of several chosen: keep them
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            elif index.isValid():
                self.setCurrentIndex(index)  # the row clicked is the one acted on, as it shows
        else:  # the Menu key or Shift+F10: the current row, the menu under it
            index = self.currentIndex()
            where = self.visualRect(index).bottomLeft()
        finding = index.data(FINDING_ROLE) if index.isValid() else None
        if finding is None:
            return
        self.menu_requested.emit(finding, self.viewport().mapToGlobal(where))
        event.accept()


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
        self.table = FindingsTable()
        self.table.setObjectName("findings")
        self.table.setAccessibleName("Findings")
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift- and Ctrl-click choose several rows, to resolve them at once (Ctrl+R).
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        legend_widget = QWidget()
        legend = FlowLayout(legend_widget)
        legend.setContentsMargins(_EDGE, 4, _EDGE, 0)  # the boxes and controls off the window's edge
        for category in CATEGORIES:
            box = QCheckBox(LABELS[category])
            box.setChecked(True)
            box.setObjectName(f"filter-{category}")
            box.setToolTip(CATEGORY[category].description)
            box.toggled.connect(self._apply_filter)
            self.category_boxes[category] = box
            legend.addWidget(box)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # as tall as its wrapped lines need
        legend_widget.setSizePolicy(policy)
        self.legend = legend_widget
        self.set_dark(dark)
        self.severity_box = QComboBox()
        self.severity_box.setObjectName("min-severity")
        self.severity_box.setAccessibleName("Minimum severity shown")
        self.severity_box.addItems(list(SEVERITIES))
        self.severity_box.currentTextChanged.connect(self._apply_filter)
        self.resolved_box = QCheckBox("Show resolved")
        self.resolved_box.setChecked(True)
        self.resolved_box.toggled.connect(self._apply_filter)
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("text-filter")
        self.text_filter.setAccessibleName("Filter findings by text")
        self.text_filter.setPlaceholderText("Filter by text…")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self._apply_filter)
        controls = QHBoxLayout()
        controls.setContentsMargins(_EDGE, 0, _EDGE, 2)
        at_least = QLabel("At least:")
        at_least.setBuddy(self.severity_box)
        controls.addWidget(at_least)
        controls.addWidget(self.severity_box)
        controls.addWidget(self.resolved_box)
        controls.addWidget(self.text_filter, 1)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        controls.addWidget(self.summary)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addLayout(controls)
        layout.addWidget(self.table)
        resolutions.changed.connect(lambda _ids: self._update_summary())

    def set_findings(
        self,
        findings: list[Finding],
        edit: TextEdit | None = None,
        change: FindingsChange | None = None,
        planned: PlannedRows | None = None,
    ) -> None:
        """Show a review's findings (`planned`: its rows and counts, worked out by its worker)."""
        self.model.set_findings(findings, edit, change, planned)
        if planned is not None and planned.snapshot.resolutions == self.resolutions.generation:
            self._update_summary(planned.categories, planned.resolved)
        else:
            self._update_summary()

    def set_dark(self, dark: bool) -> None:
        """Each box shows its category's colour and line; its label keeps the theme's text colour."""
        for category, box in self.category_boxes.items():
            box.setIcon(category_icon(category, dark, ICON_SIZE.height()))
            box.setIconSize(ICON_SIZE)

    def shown_findings(self) -> list[Finding]:
        """The findings the filters let through, in the table's order."""
        return self.filter.shown(self.model)

    def select(self, finding: Finding) -> None:
        row = self.model.row_of(finding)
        if row >= 0:
            proxy_index = self.filter.mapFromSource(self.model.index(row, 0))
            # Already the current row (the one just clicked): the rows chosen with it stay chosen.
            if proxy_index.isValid() and proxy_index.row() != self.table.currentIndex().row():
                self.table.setCurrentIndex(proxy_index)

    def selected_findings(self) -> list[Finding]:
        """The findings of the rows chosen in the table, in the table's order."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())
        return [finding for index in rows if (finding := index.data(FINDING_ROLE)) is not None]

    def current(self) -> Finding | None:
        index = self.table.currentIndex()
        return index.data(FINDING_ROLE) if index.isValid() else None

    def open_count(self) -> int:
        findings = self.model.findings
        return len(findings) - self.resolutions.count_in(map(attrgetter("id"), findings))

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.activated.emit(finding)

    def _apply_filter(self) -> None:
        shown = {c for c, box in self.category_boxes.items() if box.isChecked()}
        self.filter.set_filter(
            shown, self.severity_box.currentText(), self.resolved_box.isChecked(), self.text_filter.text()
        )
        self.hidden_changed.emit(set(CATEGORIES) - shown)

    def _update_summary(self, counts: Counter[str] | None = None, resolved: int | None = None) -> None:
        """Each category's count, and how many findings are open (both counted afresh unless given)."""
        if counts is None:
            counts = Counter(map(attrgetter("category"), self.model.findings))
        for category, box in self.category_boxes.items():
            box.setText(f"{LABELS[category]} ({counts[category]})")
        open_count = self.open_count() if resolved is None else len(self.model.findings) - resolved
        self.summary.setText(f"{open_count} open of {len(self.model.findings)}")
