from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings

from reviewapp.core import Analyzer, load_policy
from reviewapp.core.store import ReviewStore


@pytest.fixture
def window(qtbot, tmp_path):
    from reviewapp.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/dark", False)
    settings.setValue("grammar/dictionary", str(tmp_path / "dictionary.txt"))  # never the real one
    policy = load_policy()
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    win = MainWindow(Analyzer(policy), policy, store, settings)
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
        lambda: tab.result is not None and not tab.running and not tab.debounce.isActive(), timeout=timeout
    )
    return tab.result
