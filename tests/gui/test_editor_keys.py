"""Keys in the draft: an Alt chord that nothing took is not typed into the text."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from .conftest import wait_analysed

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(widget, key: Qt.Key, text: str, held: Qt.KeyboardModifier) -> None:
    """A key as the window system delivers it: with the text it would type."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, held, text))


@pytest.mark.skipif(sys.platform == "darwin", reason="Option types characters on macOS")
def test_an_alt_chord_nothing_took_leaves_the_draft_as_it_was(window, qtbot, foxconn_copy):
    """Alt+X typed "x" into the draft (Qt's editors take any key with text), where a desktop
    editor does nothing: a slip of the hand changed the text the sign-off is bound to. Alt with
    a letter or digit is a command; what AltGr or an Alt code types still types."""
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    editor = tab.editor
    before = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(10)
    editor.setTextCursor(cursor)
    press(editor, Qt.Key.Key_X, "x", ALT)
    press(editor, Qt.Key.Key_K, "K", ALT | SHIFT)
    assert editor.toPlainText() == before
    assert not editor.document().isModified()
    # What types still types: a plain key, and AltGr as Windows reports it (Ctrl+Alt).
    press(editor, Qt.Key.Key_X, "x", Qt.KeyboardModifier.NoModifier)
    press(editor, Qt.Key.Key_Q, "@", CTRL | ALT)
    # A character a Windows Alt code makes (Alt+0233) may come with Alt still held.
    press(editor, Qt.Key.Key_Eacute, "é", ALT)
    assert editor.toPlainText() == before[:10] + "x@é" + before[10:]
