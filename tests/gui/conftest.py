from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reviewapp.core import load_policy
from reviewapp.core.review import Reviewer
from reviewapp.core.settings import UserSettings
from reviewapp.core.store import ReviewStore


@pytest.fixture
def home(own_home):
    """This test's own user folders: settings, dictionary, signing key, anchors."""
    return own_home


@pytest.fixture
def window(qtbot, tmp_path, home):
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    yield from shown_window(qtbot, tmp_path, store)


def shown_window(qtbot, tmp_path, store):
    """A main window on `store`, shown; closed (unsaved drafts discarded) with its store after the test."""
    from reviewapp.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/dark", False)
    win = MainWindow(Reviewer(load_policy()), store, settings, UserSettings())
    # Not qtbot.addWidget: pytest-qt would close the window before this fixture's
    # teardown, and a modified draft would then open the modal "save changes?" prompt.
    win.show()
    qtbot.waitExposed(win)
    yield win
    for tab in win.tab_list():
        tab.editor.document().setModified(False)
    win.close()
    win.deleteLater()
    store.close()


@pytest.fixture
def foxconn_copy(tmp_path, data_dir):
    path = tmp_path / "openai-foxconn.txt"
    shutil.copy(data_dir / "openai-foxconn.txt", path)
    return path


def wait_analysed(qtbot, tab, timeout=10000):
    qtbot.waitUntil(
        lambda: (
            tab.review is not None and not tab.scheduler.running and not tab.scheduler.debounce.isActive()
        ),
        timeout=timeout,
    )
    return tab.review


def app_screenshot(tmp_path: Path, draft: Path, *options: str, timeout: float = 120):
    """`reviewapp open DRAFT --screenshot` as a real process offscreen, in a home of its own:
    the finished process (its picture is tmp_path / "window.png")."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    command = [sys.executable, "-m", "reviewapp", "open", str(draft), "--db", str(tmp_path / "r.sqlite3")]
    screenshot = ["--screenshot", str(tmp_path / "window.png"), *options]
    return subprocess.run([*command, *screenshot], capture_output=True, text=True, timeout=timeout, env=env)
