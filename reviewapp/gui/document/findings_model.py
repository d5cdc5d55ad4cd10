"""The findings panel's model: a table of findings, filtered by a proxy."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress, count, repeat
from operator import attrgetter, is_not, ne, not_
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
from ...core.findings import SEVERITY_RANK, Finding, sort_key
from ...core.numbering import FindingsChange
from ...core.text import short_quote
from .resolutions import DraftResolutions
from .row_changes import merged, runs, same_spans

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Severity", "Category", "Score", "Text", "Message", "Status")
SCORE_COLUMN = COLUMNS.index("Score")
STATUS_COLUMN = COLUMNS.index("Status")
SCORE_TIP = (
    "How check-worthy (claims) or how hedged (hedges, peacock wording), 0 to 1; sort for the most first"
)
Index = QModelIndex | QPersistentModelIndex


# Each column's sort keys for a list of findings, in the order of COLUMNS (the Text column sorts
# in reading order). Taken with map and attrgetter, at C speed: ten thousand findings are sorted
# after every edit.
_SORT_KEYS: tuple[Callable[[list[Finding], DraftResolutions], Iterable[Any]], ...] = (
    lambda fs, _r: map(SEVERITY_RANK.__getitem__, map(attrgetter("severity"), fs)),
    lambda fs, _r: map(attrgetter("category"), fs),
    lambda fs, _r: [
        -1.0 if s is None else s for s in map(attrgetter("score"), fs)
    ],  # most check-worthy first
    lambda fs, _r: map(attrgetter("start"), fs),
    lambda fs, _r: map(attrgetter("message"), fs),
    lambda fs, r: map(r.__contains__, map(attrgetter("id"), fs)),
)
assert len(_SORT_KEYS) == len(COLUMNS)


class FindingsModel(QAbstractTableModel):
    """The findings of one draft as table rows, with their resolution status."""

    def __init__(self, resolutions: DraftResolutions) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        self.resolutions = resolutions
        resolutions.changed.connect(self._resolutions_changed)
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.DescendingOrder

    def set_findings(
        self, findings: list[Finding], edit: TextEdit | None = None, change: FindingsChange | None = None
    ) -> None:
        """Show these findings. After an edit (`edit`: how the text analysed before became this
        one), as the rows removed and inserted: the view keeps its selection and scroll, and the
        filter reads only the new rows; `change`, how the core made these findings from those
        shown, spares comparing the two lists. Otherwise as a new table."""
        if change is not None and edit is not None and len(findings) == len(change.after) + len(change.added):
            carried = self._carried(change, edit)
            if carried is not None and self._move_rows(*carried, _ID, self._reads_differently):
                return
        new = self._sorted(findings)
        if edit is None or not self._change_rows(new, edit):
            self.beginResetModel()
            self.findings = new
            self.endResetModel()

    def _carried(
        self, change: FindingsChange, edit: TextEdit
    ) -> tuple[list[Finding], list[bool], list[bool]] | None:
        """The rows after `change`: each kept row's finding as it is now, in the same order (an
        edit moves every finding after it alike, so none passes another), and the added ones
        put in their places; with which old rows stay and which new rows were there before.
        In the edited paragraphs, a finding clear of the edited stretch keeps its row too (its
        rule and span the same, the edit's shift aside), if it still falls where it was.
        None when the rows are not the findings the change was made from, or the order cannot
        be kept (a status sort, and ids numbered again; a finding kept in the edited paragraphs
        that the edit moved in the order)."""
        rows = self.findings
        if len(rows) != len(change.before) + len(change.removed):
            return None
        now = dict(zip(map(id, change.before), change.after, strict=True))
        same = same_spans(change.removed, change.added, edit)
        now.update(same)
        mapped = list(map(now.get, map(id, rows)))
        old_kept = list(map(is_not, mapped, repeat(None)))
        gone = set(map(id, compress(rows, map(not_, old_kept))))
        if gone != set(map(id, change.removed)) - same.keys():
            return None  # the rows are of another pass (one the window never showed came between)
        kept = list(filter(None, mapped))  # the kept rows' findings now (a finding is never false)
        if self.sort_column == STATUS_COLUMN and (
            same or any(map(ne, map(_ID, change.before), map(_ID, change.after)))
        ):
            return None  # a new id may have another status, and so another place
        placed = {id(f) for f in same.values()}
        if placed and not self._still_in_place(kept, placed):
            return None
        added = [f for f in change.added if id(f) not in placed]
        new, new_kept = merged(kept, self._sorted(added), self._precedes)
        return (new, old_kept, new_kept) if new is not None else None

    def _still_in_place(self, kept: list[Finding], moved: set[int]) -> bool:
        """Does each of these kept rows (by object) still come after the row above it and before
        the one below it? (Its score may have changed with its sentence.)"""
        for row in compress(count(), map(moved.__contains__, map(id, kept))):
            if row > 0 and not self._precedes(kept[row - 1], kept[row]):
                return False
            if row + 1 < len(kept) and not self._precedes(kept[row], kept[row + 1]):
                return False
        return True

    def _reads_differently(self, old: Finding, new: Finding) -> bool:
        """Does a row read differently with its finding under another id? If either id has a
        resolution (the row's status, and whether the filter shows it, are the id's), or if its
        score, message or severity changed (a finding kept in an edited sentence)."""
        return _LOOKS(old) != _LOOKS(new) or self.resolutions.get(old.id) != self.resolutions.get(new.id)

    def _precedes(self, a: Finding, b: Finding) -> bool | None:
        """Does row `a` come before row `b` in the table's order? None for a tie (their order
        would then be the order they came in)."""
        key_a, key_b = self._row_key(a), self._row_key(b)
        if key_a != key_b:
            return (key_a > key_b) == (self.sort_order == Qt.SortOrder.DescendingOrder)
        if sort_key(a) != sort_key(b):
            return sort_key(a) < sort_key(b)
        return None

    def _row_key(self, finding: Finding) -> tuple[Any, int]:
        return (next(iter(_SORT_KEYS[self.sort_column]([finding], self.resolutions))), finding.start)

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
        return self._move_rows(new, old_kept, new_kept, _SHOWN)

    def _move_rows(
        self,
        new: list[Finding],
        old_kept: list[bool],
        new_kept: list[bool],
        shown: Callable[[Finding], Any],
        differs: Callable[[Finding, Finding], bool] | None = None,
    ) -> bool:
        """Remove the old rows not kept, insert the new ones, and redraw the kept rows that read
        differently now (`shown`: what of a kept row may have changed; `differs`, if given, says
        of those whose `shown` changed whether that shows). False, with nothing done, when there
        are too many runs of rows to change for that to beat a reset."""
        removed = runs(list(compress(count(), map(not_, old_kept))))
        added = runs(list(compress(count(), map(not_, new_kept))))
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
        changed = list(compress(count(), map(ne, map(shown, before), map(shown, new))))
        if differs is not None:
            changed = [row for row in changed if differs(before[row], new[row])]
        last_column = len(COLUMNS) - 1
        for first, last in runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        return True

    def row_of(self, finding: Finding) -> int:
        return self.findings.index(finding) if finding in self.findings else -1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the list itself, with one key function: far cheaper than a proxy comparing rows."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old = {id(f): row for row, f in enumerate(self.findings)}
        self.findings = self._sorted(self.findings)
        for row, finding in enumerate(self.findings):
            before = old[id(finding)]
            if before != row:
                for column_ in range(len(COLUMNS)):
                    self.changePersistentIndex(self.index(before, column_), self.index(row, column_))
        self.layoutChanged.emit()

    def _sorted(self, findings: list[Finding]) -> list[Finding]:
        """By the sort column's key, then in reading order (whatever order they came in)."""
        findings = sorted(findings, key=sort_key)  # at C speed; nearly nothing to do if in order
        keys = list(
            zip(_SORT_KEYS[self.sort_column](findings, self.resolutions), map(_START, findings), strict=True)
        )
        order = sorted(
            range(len(keys)), key=keys.__getitem__, reverse=self.sort_order == Qt.SortOrder.DescendingOrder
        )
        return list(map(findings.__getitem__, order))

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
_START = attrgetter("start")
_SHOWN = attrgetter("id", "score", "message", "severity")  # what a kept row shows that may change
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
        finding = model.findings[source_row]
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
        return self.show_resolved or finding.id not in model.resolutions
