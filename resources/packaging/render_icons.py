"""Render reviewapp.svg to the PNG sizes desktops ask for, and to .ico and .icns.

Run after editing the SVG: `python resources/packaging/render_icons.py`. The
results are committed, so neither the app nor a package build needs an SVG
renderer or an icon converter. Both .ico (Windows) and .icns (macOS) hold PNG
images, which every supported Windows and macOS reads.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HERE = Path(__file__).resolve().parent
ICONS = HERE.parent / "icons"
# The .icns slot for each pixel size; the @2x slots reuse the larger renderings.
ICNS_TYPES = {
    b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512,
    b"ic11": 32, b"ic12": 64, b"ic13": 256, b"ic14": 512,
}  # fmt: skip


def render(svg: Path, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon: ICONDIR, one 16-byte entry per size (0 means 256), then the PNGs."""
    sizes = sorted(size for size in pngs if size <= 256)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon: 'icns', total length, then (type, length, PNG) blocks, big-endian."""
    blocks = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(blocks)) + blocks


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "reviewapp.svg"
    pngs: dict[int, bytes] = {}
    for size in SIZES:
        out = ICONS / f"reviewapp-{size}.png"
        if not render(svg, size).save(str(out)):
            print(f"cannot write {out}", file=sys.stderr)
            return 1
        pngs[size] = out.read_bytes()
    (HERE / "windows" / "reviewapp.ico").write_bytes(ico(pngs))
    (HERE / "macos" / "reviewapp.icns").write_bytes(icns(pngs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
