"""What a screen reader says of the window: every control the keyboard reaches has a name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QWidget

from .conftest import wait_analysed


def test_every_control_the_keyboard_reaches_has_a_name(window, qtbot, foxconn_copy):
    """The draft's text, the findings table, the text filter, the find and replace boxes, the
    card's details and the tabs had no name: a screen reader said "edit" or "table" and nothing
    more. (The dialogs' fields are named by their form labels.)"""
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    tab.find_bar.show()  # as Ctrl+F shows it: its boxes had only their grey placeholder text
    reached = [
        w for w in window.findChildren(QWidget) if w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert tab.editor in reached and tab.panel.table in reached and tab.panel.text_filter in reached
    assert tab.find_bar.find_box in reached and tab.find_bar.replace_box in reached
    unnamed = []
    for widget in reached:
        interface = QAccessible.queryAccessibleInterface(widget)
        if not interface.text(QAccessible.Text.Name).strip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []
    assert tab.editor.accessibleName() == "Draft text"
    # The severity box is named by its label (a combo box's own name is its value on Linux).
    labels = [label for label in window.findChildren(QLabel) if label.buddy() is tab.panel.severity_box]
    assert [label.text() for label in labels] == ["At least:"]
    assert tab.panel.severity_box.accessibleName() == "Minimum severity shown"
