"""The status bar's passing messages: read whole, not cut off under the permanent labels."""

from __future__ import annotations

from .conftest import wait_analysed


def message_room(window):
    return window.status._message_rect().width()


def message_width(window):
    return window.status.fontMetrics().horizontalAdvance(window.status.currentMessage())


def test_a_long_message_gets_the_room_of_the_lesser_labels_until_it_goes(window, qtbot, foxconn_copy):
    window.resize(1100, 700)
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    status = window.status
    labels = (status.state_label, status.open_label, status.words_label, status.grammar_label)
    assert all(label.isVisible() for label in labels)
    window.findings.step(False)  # the finding's message and what to do: longer than the room left
    assert message_width(window) <= message_room(window)
    assert status.approval_label.isVisible(), "the approval is never covered"
    assert not all(label.isVisible() for label in labels)
    assert status.toolTip() == ""
    status.clearMessage()
    assert all(label.isVisible() for label in labels)
    assert status.approval_label.isVisible()


def test_a_message_that_still_does_not_fit_ends_in_an_ellipsis_and_is_whole_on_hover(
    window, qtbot, foxconn_copy
):
    window.resize(520, 700)
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    window.findings.step(False)
    status = window.status
    assert message_width(window) > message_room(window)
    assert status.toolTip() == status.currentMessage()
    assert status.approval_label.isVisible()
    assert not status.grab().isNull()  # drawn by the status bar's own paintEvent
    window.resize(1600, 700)  # a wider window: the message fits now, and the hover text goes
    qtbot.waitUntil(lambda: status.width() > 1000)
    assert message_width(window) <= message_room(window)
    assert status.toolTip() == ""


def test_a_short_message_hides_nothing(window, qtbot, foxconn_copy):
    window.resize(1100, 700)
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    window.status.showMessage("Saved.", 5000)
    status = window.status
    assert all(
        label.isVisible()
        for label in (status.state_label, status.open_label, status.words_label, status.grammar_label)
    )
