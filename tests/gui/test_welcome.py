"""The window with no draft open: the ways to open one, and the drafts opened lately."""

from __future__ import annotations

import shutil

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QPushButton, QToolButton

from .conftest import wait_analysed


def recent_buttons(window) -> list[QToolButton]:
    return window.welcome.findChildren(QToolButton)


def test_no_draft_open_shows_how_to_open_one(window, qtbot):
    """The window was an empty grey area with "No draft open" in its status bar."""
    assert window.pages.currentWidget() is window.welcome
    commands = {button.text(): button for button in window.welcome.findChildren(QPushButton)}
    assert set(commands) == {"&Open…", "&New Draft", "&Paste as New Draft"}
    for button in commands.values():
        assert QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
    commands["&New Draft"].click()
    assert window.pages.currentWidget() is window.tabs and len(window.tab_list()) == 1
    window.close_tab(0)  # the last draft closed: the panel again
    assert window.pages.currentWidget() is window.welcome


def test_the_recent_drafts_open_from_it_newest_first(window, qtbot, tmp_path, foxconn_copy):
    other = tmp_path / "Q&A notes.txt"  # an "&" is shown, not taken as an access key
    shutil.copy(foxconn_copy, other)
    for path in (foxconn_copy, other):
        wait_analysed(qtbot, window.open_path(path))
    window.close_tab(1)
    window.close_tab(0)
    assert window.pages.currentWidget() is window.welcome
    names = [button.text().split("  —  ")[0] for button in recent_buttons(window)]
    assert names == ["Q&&A notes.txt", "openai-foxconn.txt"]
    assert recent_buttons(window)[0].toolTip() == str(other.resolve())
    recent_buttons(window)[1].click()
    [tab] = window.tab_list()
    assert tab.path == foxconn_copy.resolve() or tab.path == foxconn_copy
    assert window.pages.currentWidget() is window.tabs
