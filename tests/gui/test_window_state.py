"""The window opens as it was closed: its size, and how a draft's panes were divided."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from reviewapp.core.store import ReviewStore

from .conftest import shown_window, wait_analysed


def a_window(qtbot, tmp_path):
    """A window on this test's settings file (the same file each time), and its teardown."""
    gen = shown_window(qtbot, tmp_path, ReviewStore(tmp_path / "reviews.sqlite3"))
    return next(gen), gen


def close(gen):
    next(gen, None)  # the fixture's teardown: the window closed as the editor closes it


# Qt keeps a restored window on its screen: the test's (offscreen) is 800 pixels wide.
SIZE = (760, 600)


def test_the_window_reopens_at_its_last_size(qtbot, tmp_path, home):
    window, gen = a_window(qtbot, tmp_path)
    assert (window.width(), window.height()) != SIZE
    window.resize(*SIZE)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == SIZE)
    close(gen)
    window, gen = a_window(qtbot, tmp_path)
    assert (window.width(), window.height()) == SIZE
    close(gen)


def test_a_draft_opens_with_the_panes_as_last_divided(qtbot, tmp_path, home, foxconn_copy):
    window, gen = a_window(qtbot, tmp_path)
    window.resize(*SIZE)
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    beside, stacked = tab.splitters
    usual = (beside.sizes(), stacked.sizes())
    beside.moveSplitter(beside.sizes()[0] - 200, 1)  # as a drag of the handle does
    stacked.moveSplitter(stacked.sizes()[0] - 150, 1)
    moved = (beside.sizes(), stacked.sizes())
    assert moved[0][1] > usual[0][1] + 100 and moved[1][1] > usual[1][1] + 100
    close(gen)

    window, gen = a_window(qtbot, tmp_path)
    tab = window.open_path(foxconn_copy)
    qtbot.waitUntil(lambda: tab.isVisible() and tab.splitters[0].width() > 0)
    assert ([s.sizes() for s in tab.splitters]) == list(moved)
    close(gen)


def test_what_is_kept_being_damaged_opens_the_usual_layout(qtbot, tmp_path, home, foxconn_copy):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)  # the fixture's
    settings.setValue("window/geometry", b"not a geometry")
    settings.setValue("window/splitters/text-and-card", "nonsense")
    settings.setValue("window/splitters/text-and-findings", QByteArray(b"\xff\x00 not a state"))
    settings.sync()
    window, gen = a_window(qtbot, tmp_path)
    tab = window.open_path(foxconn_copy)
    assert (window.width(), window.height()) == (1200, 860)
    qtbot.waitUntil(lambda: tab.splitters[0].width() > 0)
    assert all(size > 0 for splitter in tab.splitters for size in splitter.sizes())
    close(gen)


def test_the_findings_table_keeps_its_column_widths_and_sort(qtbot, tmp_path, home, foxconn_copy):
    from PySide6.QtCore import Qt

    from reviewapp.gui.document.table_order import SCORE_COLUMN

    window, gen = a_window(qtbot, tmp_path)
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    table = tab.panel.table
    header = table.horizontalHeader()
    header.resizeSection(1, 210)  # as a drag of the column's edge does
    header.setSortIndicator(SCORE_COLUMN, Qt.SortOrder.AscendingOrder)  # as a click on its title does
    close(gen)

    window, gen = a_window(qtbot, tmp_path)
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    header = tab.panel.table.horizontalHeader()
    assert header.sectionSize(1) == 210
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        SCORE_COLUMN,
        Qt.SortOrder.AscendingOrder,
    )
    scores = [-1.0 if f.score is None else f.score for f in tab.panel.shown_findings()]
    assert scores == sorted(scores), "the rows are in that order too"
    close(gen)
