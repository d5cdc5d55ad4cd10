"""`reviewapp open FILE --screenshot OUT.png` as a real process: loads, waits for analysis, saves, exits."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage


def test_screenshot_of_the_foxconn_article(tmp_path, data_dir):
    out = tmp_path / "window.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewapp",
            "open",
            str(data_dir / "openai-foxconn.txt"),
            "--db",
            str(tmp_path / "r.sqlite3"),
            "--screenshot",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 600
    # Not a blank picture: the highlights put several distinct colours on it.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20
