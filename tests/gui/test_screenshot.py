"""`reviewapp open FILE --screenshot OUT.png` as a real process: loads, waits for analysis, saves, exits."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from resource_scripts import PACKAGING, load_script  # tests/ is on sys.path (rootdir conftest)

from .conftest import app_screenshot

pytestmark = pytest.mark.subprocess


def test_screenshot_of_the_foxconn_article(tmp_path, data_dir):
    proc = app_screenshot(tmp_path, data_dir / "openai-foxconn.txt")
    assert proc.returncode == 0, proc.stderr
    # The same check the packaging smoke test makes of the installed app: window-sized,
    # not blank, and the colour of every category the article has findings in.
    check = load_script(PACKAGING / "check_screenshot.py")
    assert check.problems(QImage(str(tmp_path / "window.png"))) == []


def test_a_database_that_cannot_open_is_reported_in_a_window(qtbot, tmp_path, capsys):
    """Started from a desktop menu: the reason shows in a message box, and the app exits."""
    from argparse import Namespace

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reviewapp.gui.app import run

    not_sqlite = tmp_path / "notes.sqlite3"
    not_sqlite.write_text("these are my notes, not a database\n" * 50)
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(20, close_box)

    QTimer.singleShot(20, close_box)
    code = run(Namespace(db=str(not_sqlite), policy=None, paths=[], screenshot=None))
    assert code == 2
    assert seen == [f"{not_sqlite}: not a reviewapp database (not an SQLite file)"]
    assert not_sqlite.read_text().startswith("these are my notes")  # nothing written over it
    assert "reviewapp:" in capsys.readouterr().err


def test_a_screenshot_at_the_first_highlights_of_a_long_draft(tmp_path):
    """`--at highlighted` takes the picture once a long draft's first lines show their findings
    (launch to first highlights, as benchmarks/README.md measures it); they are highlighted."""
    from reviewapp.core.categories import CATEGORY

    line = "The council spent $4 million on the bridge, and critics say it was the costliest in the state."
    draft = tmp_path / "long.txt"
    draft.write_text("Bridge costs\n\n" + "\n\n".join([line] * 3000) + "\n", encoding="utf-8")
    proc = app_screenshot(tmp_path, draft, "--at", "highlighted")
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(tmp_path / "window.png"))
    # The editor's first lines (the window's top left; the legend and the table are below it)
    # carry the weasel's highlight.
    hedge = QColor(CATEGORY["hedge"].color).rgb() & 0xFFFFFF
    editor = {
        image.pixel(x, y) & 0xFFFFFF for x in range(image.width() // 2) for y in range(image.height() // 3)
    }
    assert hedge in editor
