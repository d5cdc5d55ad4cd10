"""The window's size and place, how its drafts' panes are divided, and the findings table's
columns (widths and sort), kept between sessions."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

from .document.table_order import COLUMNS

GEOMETRY_KEY = "window/geometry"
SPLITTERS_KEY = "window/splitters/"  # + a splitter's object name
# A table of other columns (another version's) starts afresh rather than take their widths.
COLUMNS_KEY = f"window/findings-columns-{'-'.join(COLUMNS)}"


def restore_geometry(window: QWidget, settings: QSettings) -> bool:
    """The size and place the window had when it was last closed; Qt moves it onto a screen
    that is there now. False when none is kept (or what is kept is not Qt's)."""
    kept = settings.value(GEOMETRY_KEY)
    return isinstance(kept, QByteArray) and window.restoreGeometry(kept)


def save_geometry(window: QWidget, settings: QSettings) -> None:
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())


def follow_splitters(splitters: list[QSplitter], settings: QSettings) -> None:
    """Divide the panes as the editor last divided them (a draft's tab, opened anew), and keep
    each splitter's division whenever the editor moves it."""
    for splitter in splitters:
        key = SPLITTERS_KEY + splitter.objectName()
        kept = settings.value(key)
        if isinstance(kept, QByteArray):
            splitter.restoreState(kept)  # Qt ignores a state that is not a splitter's
        splitter.splitterMoved.connect(
            lambda _pos, _index, s=splitter, k=key: settings.setValue(k, s.saveState())
        )


def follow_columns(table: QTableView, settings: QSettings) -> None:
    """The findings table's column widths and sort as the editor last left them, kept whenever
    the editor changes them."""
    header = table.horizontalHeader()
    kept = settings.value(COLUMNS_KEY)
    if isinstance(kept, QByteArray) and header.restoreState(kept):  # False: not a header's state
        table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def keep() -> None:
        settings.setValue(COLUMNS_KEY, header.saveState())

    header.sectionResized.connect(lambda _index, _old, _new: keep())
    header.sortIndicatorChanged.connect(lambda _index, _order: keep())
