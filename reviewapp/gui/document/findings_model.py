"""The findings panel's model: a table of findings, filtered by a proxy."""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...core.categories import LABELS
from ...core.diffing import TextEdit
from ...core.findings import Finding
from ...core.numbering import FindingsChange
from ...core.text import short_quote
from .resolutions import DraftResolutions
from .row_changes import PlannedRows, RowPlan, TableSnapshot, carried, row_plan, runs
from .table_order import COLUMNS, SCORE_COLUMN, RowOrder

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
SCORE_TIP = (
    "How check-worthy (claims) or how hedged (hedges, peacock wording), 0 to 1; sort for the most first"
)
Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractTableModel):
    """The findings of one draft as table rows, with their resolution status."""

    def __init__(self, resolutions: DraftResolutions) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        self.resolutions = resolutions
        resolutions.changed.connect(self._resolutions_changed)
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.DescendingOrder
        # What the last sort saw: its column, order and resolutions, and the list it made.
        self._sorted_as: tuple[int, Qt.SortOrder, int] | None = None
        self._sorted_list: list[Finding] | None = None

    def set_findings(
        self,
        findings: list[Finding],
        edit: TextEdit | None = None,
        change: FindingsChange | None = None,
        planned: PlannedRows | None = None,
    ) -> bool:
        """Show these findings. After an edit (`edit`: how the text analysed before became this
        one), as the rows removed and inserted: the view keeps its selection and scroll, and the
        filter reads only the new rows; `change`, how the core made these findings from those
        shown, spares comparing the two lists, and `planned`, those rows worked out by the review
        worker, spares this thread working them out. True when `planned` was used."""
        if planned is not None and not self.holds(planned, edit):
            planned = None  # made from the table as it was: this thread works the rows out
        if change is not None and edit is not None and len(findings) == len(change.after) + len(change.added):
            plan = planned.plan if planned is not None else self._carried(change, edit)
            if plan is not None and self._move_rows(plan, self._reads_differently):
                return planned is not None
        new = self._sorted(findings)
        if edit is None or not self._change_rows(new, edit):
            self.beginResetModel()
            self.findings = new
            self.endResetModel()
        return False

    def snapshot(self) -> TableSnapshot:
        """The table now, for a review worker to plan its rows from (a copy: this thread may
        change the list while the worker reads)."""
        order = RowOrder(self.sort_column, self._descending(), frozenset(self.resolutions))
        return TableSnapshot(self.findings, list(self.findings), order, self.resolutions.generation)

    def holds(self, planned: PlannedRows, edit: TextEdit | None) -> bool:
        """Was `planned` made from the table as it is now, for this edit?"""
        snapshot = planned.snapshot
        return (
            snapshot.source is self.findings
            and snapshot.order.column == self.sort_column
            and snapshot.order.descending == self._descending()
            and snapshot.resolutions == self.resolutions.generation
            and planned.edit == edit
        )

    def _carried(self, change: FindingsChange, edit: TextEdit) -> RowPlan | None:
        """The rows after `change` (row_changes.carried), worked out on this thread."""
        return carried(self.findings, self._order(), change, edit)

    def _order(self) -> RowOrder:
        return RowOrder(self.sort_column, self._descending(), self.resolutions)

    def _descending(self) -> bool:
        return self.sort_order == Qt.SortOrder.DescendingOrder

    def _reads_differently(self, old: Finding, new: Finding) -> bool:
        """Does a row read differently with its finding under another id? If either id has a
        resolution (the row's status, and whether the filter shows it, are the id's), or if its
        score, message or severity changed (a finding kept in an edited sentence)."""
        return _LOOKS(old) != _LOOKS(new) or self.resolutions.get(old.id) != self.resolutions.get(new.id)

    def _change_rows(self, new: list[Finding], edit: TextEdit) -> bool:
        """Turn the rows into `new` by removing and inserting rows. A row is kept when its rule and
        span are the same, the edit's shift aside; False when that is no cheaper than a reset
        (the kept rows in another order, or thousands of changes).

        (Not by id: an edit renumbers the ids of later repeats of an edited sentence's findings.)
        The spans are taken at C speed and mapped in one comprehension each, and the rows
        compared with map and compress, with no Python step per row but the mapping: a long
        draft has ten thousand rows, and this runs after every edit on the window's thread.
        """
        old = self.findings
        old_keys, new_keys = edit.kept_old(map(_SPAN, old)), edit.old_spans(map(_SPAN, new))
        old_set, new_set = set(old_keys), set(new_keys)
        old_set.discard(None)
        new_set.discard(None)
        if len(old_set) != len(old) - old_keys.count(None) or len(new_set) != len(new) - new_keys.count(None):
            return False  # two findings of one rule on one span: rows cannot be told apart
        old_kept = list(map(new_set.__contains__, old_keys))
        new_kept = list(map(old_set.__contains__, new_keys))
        if list(compress(old_keys, old_kept)) != list(compress(new_keys, new_kept)):
            return False
        return self._move_rows(row_plan(old, new, old_kept, new_kept, _SHOWN))

    def _move_rows(self, plan: RowPlan, differs: Callable[[Finding, Finding], bool] | None = None) -> bool:
        """Remove the old rows not kept, insert the new ones, and redraw the kept rows that read
        differently now (of those `plan` says may, the ones `differs`, if given, says do). False,
        with nothing done, when there are too many runs of rows to change for that to beat a reset."""
        new, removed, added, changed = plan
        if len(removed) + len(added) > MAX_ROW_CHANGES:
            return False
        root = QModelIndex()
        for first, last in reversed(removed):  # from the bottom: the rows above keep their numbers
            self.beginRemoveRows(root, first, last)
            del self.findings[first : last + 1]
            self.endRemoveRows()
        for first, last in added:  # from the top: each run lands where it is in `new`
            self.beginInsertRows(root, first, last)
            self.findings[first:first] = new[first : last + 1]
            self.endInsertRows()
        # The rows kept take their new findings (offsets shift with an edit); those that read
        # differently (another id, so another status; another score, message or severity) are redrawn.
        before, self.findings = self.findings, new
        if differs is not None:
            changed = [row for row in changed if differs(before[row], new[row])]
        last_column = len(COLUMNS) - 1
        for first, last in runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        return True

    def row_of(self, finding: Finding) -> int:
        return self.findings.index(finding) if finding in self.findings else -1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the list itself, with one key function: far cheaper than a proxy comparing rows.

        Not again when nothing changed since the last sort: QTableView.sortByColumn asks twice
        (once for its header, once itself), and each sort filters every row again."""
        asked = (column, order, self.resolutions.generation)
        if asked == self._sorted_as and self.findings is self._sorted_list:
            return
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old = self.findings
        self.findings = self._sorted(old)
        self._sorted_as, self._sorted_list = asked, self.findings
        # Only the indexes someone keeps (the current row, the selection) are moved: moving one
        # for every cell was 117,000 calls for 10,000 rows, two thirds of a sort.
        kept = self.persistentIndexList()
        if kept:
            row_now = {id(finding): row for row, finding in enumerate(self.findings)}
            moved = [self.index(row_now[id(old[index.row()])], index.column()) for index in kept]
            self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    def _sorted(self, findings: list[Finding]) -> list[Finding]:
        """By the sort column's key, then in reading order (whatever order they came in)."""
        return self._order().sorted(findings)

    def _resolutions_changed(self, ids: set[str]) -> None:
        for row, finding in enumerate(self.findings):
            if finding.id in ids:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section == SCORE_COLUMN
        ):
            return SCORE_TIP
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.findings)):
            return None
        finding = self.findings[index.row()]
        resolution = self.resolutions.get(finding.id)
        column = index.column()
        if role == FINDING_ROLE:
            return finding
        if role == Qt.ItemDataRole.DisplayRole:
            text = short_quote(finding.text, 80)
            return (
                finding.severity,
                LABELS[finding.category],
                "" if finding.score is None else f"{finding.score:.2f}",
                text or "(end of text)",
                finding.message,
                resolution.status.replace("_", " ") if resolution else "open",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = finding.message + (f"\nSuggestion: {finding.suggestion}" if finding.suggestion else "")
            if resolution:
                tip += f"\nResolved: {resolution.status} by {resolution.person}"
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SCORE_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and resolution:
            return QBrush(QColor(128, 128, 128))
        return None


_SPAN = attrgetter("rule", "start", "end")
_ID = attrgetter("id")
_LOOKS = attrgetter("score", "message", "severity")  # what a row shows of a finding, id and text aside
_SHOWN = attrgetter("id", "score", "message", "severity")  # what a kept row shows that may change
MANY_ROWS = 5_000  # a filter change over more rows lays the table out again at once
MAX_ROW_CHANGES = 200  # runs of rows removed or inserted; beyond this, one reset is cheaper


class FindingsFilter(QSortFilterProxyModel):
    """Show the chosen categories at or above a severity; resolved ones optionally."""

    def __init__(self) -> None:
        super().__init__()
        self.categories: set[str] | None = None  # None: all
        self.min_severity = "suggestion"
        self.show_resolved = True
        self.text = ""  # case-folded: rows whose words or message hold it

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model keeps itself sorted; this proxy only filters."""
        model = self.sourceModel()
        if isinstance(model, FindingsModel):
            model.sort(column, order)

    def set_filter(
        self, categories: set[str] | None, min_severity: str, show_resolved: bool, text: str = ""
    ) -> None:
        values = (categories, min_severity, show_resolved, text.strip().casefold())
        model = self.sourceModel()
        if model is not None and model.rowCount() > MANY_ROWS:
            # Told row by row, the view takes each run of rows that comes or goes on its own: hiding
            # a category of 53,000 rows among 293,000 held the window 5.1 s. Laid out again once:
            self.categories, self.min_severity, self.show_resolved, self.text = values
            self.invalidate()
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateRowsFilter is deprecated there
            self.beginFilterChange()
            self.categories, self.min_severity, self.show_resolved, self.text = values
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.categories, self.min_severity, self.show_resolved, self.text = values
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, FindingsModel)
        return self.accepts(model.findings[source_row], model.resolutions)

    def shown(self, model: FindingsModel) -> list[Finding]:
        """The rows this filter lets through, in the table's order, worked out here (asking the
        proxy row by row took a second for 293,000 rows)."""
        accepts, resolutions = self.accepts, model.resolutions
        return [finding for finding in model.findings if accepts(finding, resolutions)]

    def accepts(self, finding: Finding, resolutions: DraftResolutions) -> bool:
        if self.categories is not None and finding.category not in self.categories:
            return False
        if not finding.at_least(self.min_severity):
            return False
        if (
            self.text
            and self.text not in finding.text.casefold()
            and self.text not in finding.message.casefold()
        ):
            return False
        return self.show_resolved or finding.id not in resolutions
