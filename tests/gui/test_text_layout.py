"""Drafts Qt's usual layout cannot show in time: a run of 65,536 spaces hangs its line wrapping,
a long run with no space in it takes time growing as its square, a line of megabytes is laid
out again at every keystroke. They open, wrapped as they can be, and say why."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QTextOption

from reviewapp.gui.document.text_layout import (
    LINE_LIMIT,
    LINES_LIMIT,
    SPACE_RUN_LIMIT,
    USUAL,
    WORD_RUN_LIMIT,
    layout_for,
    too_many_lines,
)

from .conftest import app_screenshot, wait_analysed


def test_ordinary_drafts_keep_the_usual_layout(data_dir):
    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    assert layout_for(article) == (USUAL, True, ())
    assert layout_for(article * 200).wrap == USUAL  # long, in ordinary lines


def test_a_run_of_spaces_before_more_text_turns_wrapping_off():
    text = "Title\nfirst line\n-" + " " * SPACE_RUN_LIMIT + "x\n"
    layout = layout_for(text)
    assert layout.wrap is None and layout.typing
    assert layout.notes == (
        f"Lines are not wrapped in this draft: line 3 holds {SPACE_RUN_LIMIT:,} spaces in a row, "
        "more than the editor can wrap.",
    )
    # The same spaces at a line's end (nothing after them to wrap), or one short: the usual.
    assert layout_for("Title\n- x" + " " * SPACE_RUN_LIMIT + "\nnext").wrap == USUAL
    assert layout_for("-" + " " * (SPACE_RUN_LIMIT - 1) + "x").wrap == USUAL


def test_a_long_run_with_no_space_wraps_at_word_boundaries_only():
    assert layout_for("Start" + "." * WORD_RUN_LIMIT).wrap == QTextOption.WrapMode.WordWrap
    assert layout_for("Start " + ". " * WORD_RUN_LIMIT).wrap == USUAL


def test_a_line_too_long_to_type_in():
    text = "Title\n" + "Sales rose. " * (LINE_LIMIT // 12 + 1)
    layout = layout_for(text)
    assert not layout.typing and layout.wrap == USUAL
    assert layout.notes[0].startswith(
        f"Typing is off in this draft: line 2 holds {len(text) - 6:,} characters"
    )


def test_the_window_opens_such_a_draft_read_only_and_says_why(window, qtbot, tmp_path):
    path = tmp_path / "scraped.txt"
    path.write_text(
        "Title\nIt seems so, " + "the cat sat on a mat and " * (LINE_LIMIT // 24), encoding="utf-8"
    )
    tab = window.open_path(path)
    wait_analysed(qtbot, tab)
    assert tab.editor.isReadOnly()
    assert not tab.layout_note.isHidden()
    assert tab.layout_note.text().startswith("Typing is off in this draft: line 2 holds")
    assert tab.review.findings  # reviewed all the same
    before = tab.text
    qtbot.keyClicks(tab.editor, "abc")
    assert tab.text == before
    ordinary = tmp_path / "article.txt"
    ordinary.write_text("Title\nIt seems so.\n", encoding="utf-8")
    other = window.open_path(ordinary)
    assert other.layout_note.isHidden() and not other.editor.isReadOnly()


@pytest.mark.subprocess
def test_the_app_opens_a_line_qt_could_not_wrap(tmp_path):
    """As a real process, with a time limit: 65,536 spaces and more text on one line hung the
    window for good."""
    path = tmp_path / "draft.txt"
    path.write_text("Title\n- " + " " * 70_000 + "x\n", encoding="utf-8")
    proc = app_screenshot(tmp_path, path, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "window.png").stat().st_size > 0


@pytest.mark.subprocess
def test_pasting_a_line_qt_could_not_wrap(tmp_path):
    """Pasted (or dropped) text is laid out as it can be, as a draft opened with it: wrapping goes
    off, and the editor says why. In a process of its own: the fault it guards against hangs."""
    script = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from reviewapp.gui.document.editor import PASTED_SPACES, ReviewEditor
from reviewapp.gui.document.resolutions import DraftResolutions
app = QApplication([])
editor = ReviewEditor("Title\\nIt seems so.\\n", DraftResolutions())
noted = []
editor.layout_noted.connect(lambda: noted.append(True))
editor.resize(600, 400)
editor.show()
app.processEvents()
small = QMimeData()
small.setText("A pasted sentence.")
editor.insertFromMimeData(small)
print(editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth, noted == [])
mime = QMimeData()
mime.setText("- " + " " * 70_000 + "x")
editor.insertFromMimeData(mime)
app.processEvents()
print(editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap, noted == [True])
print(editor.layout_notes == (PASTED_SPACES,))
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "True True",
        "True True",
        "True",
    ]


def test_a_draft_with_more_lines_than_the_editor_holds_is_not_opened(window, tmp_path):
    """A million lines took the editor 2.9 s and 660 MB; 20 MB of empty lines would take about
    12 GB. Such a draft is refused in one line that says where to check it instead."""
    path = tmp_path / "lines.txt"
    path.write_text("Title\nText." + "\n" * LINES_LIMIT, encoding="utf-8")
    assert window.open_path(path) is None
    assert window.tabs.count() == 0
    assert window.messages[-1].text() == (
        f"{path}: it has {LINES_LIMIT + 2:,} lines, more than the editor can hold (at most "
        f"{LINES_LIMIT:,}); `reviewapp check` and `reviewapp report` read it"
    )
    assert too_many_lines("Title\nText." + "\n" * (LINES_LIMIT - 2)) is None  # the limit itself opens


@pytest.mark.subprocess
def test_reloading_a_file_changed_on_disk_to_such_text(tmp_path):
    """Reload from disk puts the file's text in as one edit: it is checked as an opened draft is
    (a run of 70,000 spaces and a word hung the window; over 1,000,000 lines is refused)."""
    draft = tmp_path / "draft.txt"
    draft.write_text("Title\nIt seems so.\n", encoding="utf-8")
    script = f"""
import argparse, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from reviewapp.gui.app import build_window
from reviewapp.gui.document.editor import PASTED_SPACES
if __name__ == "__main__":
    app = QApplication([])
    home = Path({str(tmp_path)!r})
    window = build_window(
        argparse.Namespace(db=str(home / "r.sqlite3"), policy=None, paths=[]),
        QSettings(str(home / "q.ini"), QSettings.Format.IniFormat),
    )
    window.show()
    tab = window.open_path(home / "draft.txt")
    app.processEvents()
    (home / "draft.txt").write_text("Title\\n- " + " " * 70_000 + "x\\n", encoding="utf-8")
    window.files.reload(tab)
    app.processEvents()
    unwrapped = tab.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    print(unwrapped, PASTED_SPACES in tab.layout_note.text())
    (home / "draft.txt").write_text("Title\\n" + "\\n" * 1_000_001, encoding="utf-8")
    window.files.reload(tab)
    print(tab.text.count("\\n"), "lines" in window.messages[-1].text())
"""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=90, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["True True", "2 True"]
