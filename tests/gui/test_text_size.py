"""The draft's text size: View menu, Ctrl+wheel, every draft at once, kept between sessions."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from reviewapp.gui.actions.view import MAX_TEXT_SIZE, MIN_TEXT_SIZE, TEXT_SIZE_KEY
from reviewapp.gui.document.editor import TEXT_SIZE

from .conftest import shown_window, wait_analysed


def sizes(window):
    return [tab.editor.font().pointSize() for tab in window.tab_list()]


def wheel(editor, notches, modifiers=Qt.KeyboardModifier.ControlModifier):
    centre = QPointF(editor.viewport().rect().center())
    event = QWheelEvent(
        centre, editor.viewport().mapToGlobal(centre), QPoint(), QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(editor.viewport(), event)


def test_zoom_sizes_every_drafts_text_and_the_next_one_opens_at_that_size(
    window, qtbot, foxconn_copy, tmp_path
):
    first = window.open_path(foxconn_copy)
    second_path = tmp_path / "second.txt"
    shutil.copy(foxconn_copy, second_path)
    second = window.open_path(second_path)
    assert sizes(window) == [TEXT_SIZE, TEXT_SIZE]
    line_height = first.editor.fontMetrics().height()

    window.view.zoom_in.trigger()
    window.view.zoom_in.trigger()
    assert sizes(window) == [TEXT_SIZE + 2] * 2
    assert first.editor.fontMetrics().height() > line_height
    assert f"Text size {TEXT_SIZE + 2} pt" in window.status.currentMessage()
    assert int(window.settings.value(TEXT_SIZE_KEY)) == TEXT_SIZE + 2

    third_path = tmp_path / "third.txt"
    shutil.copy(foxconn_copy, third_path)
    window.open_path(third_path)
    assert sizes(window) == [TEXT_SIZE + 2] * 3

    window.view.zoom_out.trigger()
    assert sizes(window) == [TEXT_SIZE + 1] * 3
    window.view.actual_size.trigger()
    assert sizes(window) == [TEXT_SIZE] * 3
    wait_analysed(qtbot, second)


def test_the_size_stops_at_its_bounds_and_says_so(window, foxconn_copy):
    window.open_path(foxconn_copy)
    for _ in range(MAX_TEXT_SIZE + 5):
        window.view.zoom_in.trigger()
    assert sizes(window) == [MAX_TEXT_SIZE]
    assert "the largest" in window.status.currentMessage()
    window.view.set_text_size(-3)
    assert sizes(window) == [MIN_TEXT_SIZE]
    assert "the smallest" in window.status.currentMessage()


def test_ctrl_wheel_zooms_every_draft_and_a_plain_wheel_scrolls(window, qtbot, foxconn_copy, tmp_path):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    wheel(tab.editor, 3)
    assert sizes(window) == [TEXT_SIZE + 3]
    wheel(tab.editor, -1)
    assert sizes(window) == [TEXT_SIZE + 2]
    bar = tab.editor.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    wheel(tab.editor, -1, Qt.KeyboardModifier.NoModifier)
    assert bar.value() > 0 and sizes(window) == [TEXT_SIZE + 2]


def test_a_read_only_editor_zooms_with_the_others_not_alone(window, qtbot, tmp_path):
    """Qt zooms a read-only editor by itself on Ctrl+wheel; here each draft's text has one size."""
    path = tmp_path / "one-long-line.txt"
    path.write_text("Words in one line. " * 60_000, encoding="utf-8")  # typing is off over 1,000,000
    tab = window.open_path(path)
    assert tab.editor.isReadOnly()
    wheel(tab.editor, 1)
    assert sizes(window) == [TEXT_SIZE + 1]
    assert window.view.text_size == TEXT_SIZE + 1


def test_the_size_is_kept_for_the_next_session(qtbot, tmp_path, foxconn_copy, home):
    from reviewapp.core.store import ReviewStore

    gen = shown_window(qtbot, tmp_path, ReviewStore(tmp_path / "reviews.sqlite3"))
    window = next(gen)
    window.view.set_text_size(17)
    next(gen, None)  # the fixture's teardown: the window closed, its store too
    gen = shown_window(qtbot, tmp_path, ReviewStore(tmp_path / "reviews.sqlite3"))
    window = next(gen)
    window.open_path(foxconn_copy)
    assert sizes(window) == [17]
    window.settings.setValue(TEXT_SIZE_KEY, "huge")  # a hand-edited settings file
    next(gen, None)  # the fixture's teardown: the window closed, its store too
    gen = shown_window(qtbot, tmp_path, ReviewStore(tmp_path / "reviews.sqlite3"))
    assert next(gen).view.text_size == TEXT_SIZE
    next(gen, None)  # the fixture's teardown: the window closed, its store too
