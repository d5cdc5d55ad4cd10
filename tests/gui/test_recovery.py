"""Unsaved edits survive a crash: a real app process is killed mid-edit, the next start offers
its drafts back. Real files, a real SIGKILL, real widgets."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from reviewapp.core.recovery import recovery_root, run_folders

from .conftest import wait_analysed

# A run of the app that edits two drafts, keeps them as its timer would, and is killed.
KILLED_RUN = textwrap.dedent(
    """
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication
    from reviewapp.core import load_policy
    from reviewapp.core.review import Reviewer
    from reviewapp.core.settings import UserSettings
    from reviewapp.core.store import ReviewStore
    from reviewapp.gui.main_window import MainWindow

    app = QApplication([])
    folder = sys.argv[2]
    window = MainWindow(Reviewer(load_policy()), ReviewStore(folder + "/killed.sqlite3"),
                        QSettings(folder + "/killed.ini", QSettings.Format.IniFormat), UserSettings())
    for tab, words in ((window.open_path(sys.argv[1]), " Edited before the crash."),
                       (window.files.new_draft(), "Typed into a new draft.")):
        cursor = tab.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(words)
    window.recovery.keep_changed()
    window.recovery.flush()
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def crash_while_editing(path, tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", KILLED_RUN, str(path), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -9, done.stderr


def test_drafts_of_a_killed_run_are_offered_and_restored_unsaved(window, qtbot, tmp_path, foxconn_copy):
    original = foxconn_copy.read_text(encoding="utf-8")
    crash_while_editing(foxconn_copy, tmp_path)
    assert foxconn_copy.read_text(encoding="utf-8") == original, "nothing was saved"

    box = window.offer_recovery()
    assert box is not None and box.isVisible()
    assert "2 drafts" in box.text() and "openai-foxconn.txt, as it was at" in box.text()
    assert "an untitled draft" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()

    tabs = {tab.title: tab for tab in window.tab_list()}
    restored = tabs["openai-foxconn.txt •"]
    assert restored.text == original + " Edited before the crash."
    assert restored.editor.document().isModified() and restored.path == foxconn_copy
    untitled = tabs["Untitled draft •"]
    assert untitled.text == "Typed into a new draft." and untitled.path is None
    restored.editor.undo()  # the recovered changes are one edit: undo gives the file's text
    assert restored.text == original
    wait_analysed(qtbot, untitled)
    assert [f.folder for f in run_folders()] == [window.recovery.folder.folder], (
        "the killed run's folder went"
    )
    assert window.offer_recovery() is None


def test_discarding_the_offer_forgets_the_drafts(window, tmp_path, foxconn_copy):
    crash_while_editing(foxconn_copy, tmp_path)
    box = window.offer_recovery()
    box.button(QMessageBox.StandardButton.Discard).click()
    assert window.tab_list() == []
    assert window.offer_recovery() is None


def test_a_living_windows_drafts_are_not_offered_to_another(window, qtbot, tmp_path, foxconn_copy):
    from .conftest import shown_window

    tab = window.open_path(foxconn_copy)
    tab.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(tab.editor, " Still being typed.")
    window.recovery.keep_changed()
    window.recovery.flush()
    assert window.recovery.folder.drafts()
    (tmp_path / "second").mkdir()
    other = shown_window(qtbot, tmp_path / "second", window.store.__class__(tmp_path / "second.sqlite3"))
    second = next(other)
    assert second.offer_recovery() is None  # the first window is alive: its drafts are its own
    next(other, None)


def test_a_saved_draft_is_no_longer_kept_and_a_clean_close_leaves_nothing(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    tab.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(tab.editor, " More.")
    keeper = window.recovery
    keeper.keep_changed()
    keeper.flush()
    assert [d.text for d in keeper.folder.drafts()] == [tab.text]
    assert window.files.save()
    keeper.flush()
    assert keeper.folder.drafts() == []
    qtbot.keyClicks(tab.editor, " Again.")
    keeper.keep_changed()
    keeper.flush()
    assert len(keeper.folder.drafts()) == 1
    folder = keeper.folder.folder
    tab.editor.document().setModified(False)  # as the close prompt's Discard leaves it
    window.close()
    assert not folder.exists()
    assert run_folders(recovery_root()) == []


def test_a_closed_drafts_number_is_not_given_to_the_next(window, qtbot, tmp_path):
    """Two open drafts must never share a kept file, whatever was closed in between."""
    paths = []
    for name in ("a.txt", "b.txt", "c.txt"):
        path = tmp_path / name
        path.write_text(f"Headline {name}\nThe library opens at nine.\n", encoding="utf-8")
        paths.append(path)
    first, second = window.open_path(paths[0]), window.open_path(paths[1])
    window.close_tab(window.tabs.indexOf(first))
    third = window.open_path(paths[2])
    for tab in (second, third):
        tab.editor.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(tab.editor, " Edited.")
    window.recovery.keep_changed()
    window.recovery.flush()
    kept = {draft.path.name: draft.text for draft in window.recovery.folder.drafts()}
    assert kept == {"b.txt": second.text, "c.txt": third.text}


def test_a_folder_that_cannot_be_written_is_said_once_and_typing_goes_on(window, qtbot, foxconn_copy):
    import shutil

    tab = window.open_path(foxconn_copy)
    shutil.rmtree(window.recovery.folder.folder)  # taken away under the running app
    for words in (" One.", " Two."):
        qtbot.keyClicks(tab.editor, words)
        window.recovery.keep_changed()
        window.recovery.flush()
    qtbot.waitUntil(lambda: "cannot be kept for recovery" in window.status.currentMessage())
    assert " One." in tab.text and " Two." in tab.text  # nothing typed was lost or refused


def test_a_recovery_folder_that_cannot_be_made_is_said_and_the_app_works(qtbot, tmp_path, home, foxconn_copy):
    from reviewapp.core.store import ReviewStore

    from .conftest import shown_window

    recovery_root().write_text("a file where the folder should be", encoding="utf-8")
    windows = shown_window(qtbot, tmp_path, ReviewStore(tmp_path / "r.sqlite3"))
    window = next(windows)
    qtbot.waitUntil(lambda: "cannot be kept for recovery" in window.status.currentMessage())
    tab = window.open_path(foxconn_copy)
    qtbot.keyClicks(tab.editor, "Typed. ")
    window.recovery.keep_changed()  # nothing to write to: nothing written, nothing raised
    window.recovery.flush()
    assert tab.text.startswith("Typed. ")
    next(windows, None)


def test_the_same_file_kept_by_two_killed_runs_comes_back_twice_not_once(window, tmp_path, foxconn_copy):
    """Two windows of the app had changed one file when both were killed: neither copy is lost."""
    original = foxconn_copy.read_text(encoding="utf-8")
    for run in ("first", "second"):
        (tmp_path / run).mkdir()
        crash_while_editing(foxconn_copy, tmp_path / run)
    box = window.offer_recovery()
    assert "4 drafts" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    edited = [tab for tab in window.tab_list() if tab.text == original + " Edited before the crash."]
    assert len(edited) == 2
    assert sorted(str(tab.path) for tab in edited) == sorted([str(foxconn_copy), "None"])
    assert all(tab.editor.document().isModified() for tab in window.tab_list())
    assert "had changes in two runs" in window.status.currentMessage()


def test_empty_kept_drafts_come_back_as_they_were_or_not_at_all(window, qtbot, foxconn_copy):
    """A draft emptied before the crash is given back empty; a new draft still empty is not given
    back. (The loaders refuse an empty text: restoring it raised in the window's slot.)"""
    from reviewapp.core.recovery import RecoveryFolder

    dead = RecoveryFolder.new(recovery_root())  # a run's folder with no living lock: its run is over
    dead.keep(1, foxconn_copy, "")
    dead.keep(2, None, "  \n")
    dead.keep(3, None, "Kept words.")
    box = window.offer_recovery()
    assert "2 drafts" in box.text()  # not the new draft that was still empty
    box.button(QMessageBox.StandardButton.Ok).click()
    assert {(tab.path, tab.text) for tab in window.tab_list()} == {(None, "Kept words."), (foxconn_copy, "")}
    assert not dead.folder.exists()
