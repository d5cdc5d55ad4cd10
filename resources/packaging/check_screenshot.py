"""Check a `--screenshot` PNG of the Foxconn article: a real window, with highlights.

    python check_screenshot.py WINDOW.png

Exit status 0 when it is a window-sized picture that shows the category
colours of the findings (the legend swatches and the highlights), 1 otherwise.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QGuiApplication, QImage

from reviewapp.core.categories import CATEGORY

# The Foxconn article has findings of these categories; each colour must show.
EXPECTED = ("claim", "hedge", "peacock", "disclosure", "ai_tell")


def problems(image: QImage) -> list[str]:
    if image.isNull():
        return ["not a readable PNG"]
    found: list[str] = []
    if image.width() < 800 or image.height() < 600:
        found.append(f"{image.width()}x{image.height()} is smaller than a window")
    pixels = {image.pixel(x, y) & 0xFFFFFF for x in range(image.width()) for y in range(image.height())}
    if len(pixels) < 50:
        found.append(f"only {len(pixels)} colours: a blank or unpainted window")
    for category in EXPECTED:
        light = CATEGORY[category].color
        if QColor(light).rgb() & 0xFFFFFF not in pixels:
            found.append(f"no {category} colour {light} anywhere")
    return found


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    found = problems(QImage(sys.argv[1]))
    for problem in found:
        print(f"screenshot: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
