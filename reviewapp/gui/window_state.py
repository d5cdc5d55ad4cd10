"""The window's size and place, and how its drafts' panes are divided, kept between sessions."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

GEOMETRY_KEY = "window/geometry"
SPLITTERS_KEY = "window/splitters/"  # + a splitter's object name


def restore_geometry(window: QWidget, settings: QSettings) -> bool:
    """The size and place the window had when it was last closed; Qt moves it onto a screen
    that is there now. False when none is kept (or what is kept is not Qt's)."""
    kept = settings.value(GEOMETRY_KEY)
    return isinstance(kept, QByteArray) and window.restoreGeometry(kept)


def save_geometry(window: QWidget, settings: QSettings) -> None:
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())


def restore_splitters(splitters: list[QSplitter], settings: QSettings) -> None:
    """Divide the panes as the editor last divided them (a draft's tab, opened anew)."""
    for splitter in splitters:
        kept = settings.value(SPLITTERS_KEY + splitter.objectName())
        if isinstance(kept, QByteArray):
            splitter.restoreState(kept)  # Qt ignores a state that is not a splitter's


def keep_splitters(splitters: list[QSplitter], settings: QSettings) -> None:
    """Keep each splitter's division whenever the editor moves it."""
    for splitter in splitters:
        splitter.splitterMoved.connect(
            lambda _pos, _index, s=splitter: settings.setValue(SPLITTERS_KEY + s.objectName(), s.saveState())
        )
