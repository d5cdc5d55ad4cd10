"""Build reviewapp's .deb from the PyInstaller folder with dpkg-deb.

    python make_deb.py APP_FOLDER OUT_DIR

Layout: the application in /opt/reviewapp, /usr/bin/reviewapp linked to it, a
desktop entry, icons in the hicolor theme and AppStream metadata. There are no
maintainer scripts: Debian's file triggers (desktop-file-utils,
hicolor-icon-theme) refresh the menus and icon caches on install and removal.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICONS = HERE.parent.parent / "icons"
APP_ID = "io.github.reviewapp"

# What the bundled Qt needs from the desktop (see SYSTEM_LIBS in reviewapp.spec):
# X11 and Wayland client libraries, GL/EGL, fonts, D-Bus and GLib. Alternatives
# name the t64 packages of Ubuntu 24.04 and Debian 13.
DEPENDS = [
    "libc6 (>= 2.28)",
    "libstdc++6",
    "libgcc-s1",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libglib2.0-0t64 | libglib2.0-0",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
]

DESCRIPTION = """\
Review AI-assisted news drafts before publication
 reviewapp highlights what in a draft needs a human decision: unverified
 claims, hedging, promotional wording, gaps in the AI-use disclosure, scraped
 page furniture and phrasing typical of unedited generated text. Editors
 resolve each finding and sign off; the record is kept in a local SQLite
 database, bound to the exact text approved. Includes the `reviewapp` command
 for batch and CI checks."""


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()


def folder_kib(path: Path) -> int:
    return sum(f.lstat().st_size for f in path.rglob("*") if not f.is_dir()) // 1024 + 1


def control(app_version: str, arch: str, installed_kib: int) -> str:
    return (
        f"Package: reviewapp\n"
        f"Version: {app_version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: reviewapp developers <maintainers@reviewapp.invalid>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        f"Section: editors\n"
        f"Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )


def stage(app: Path, root: Path, app_version: str) -> None:
    """Lay out the package's files under `root` as they will be on disk."""
    opt = root / "opt" / "reviewapp"
    shutil.copytree(app, opt, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    # PyInstaller's bootloader resolves the link to find its _internal folder.
    (bin_dir / "reviewapp").symlink_to("/opt/reviewapp/reviewapp")

    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(HERE / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir(parents=True)
    metainfo = (HERE / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@VERSION@", app_version).replace("@DATE@", release_date())
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo, encoding="utf-8")

    hicolor = share / "icons" / "hicolor"
    for png in ICONS.glob("reviewapp-*.png"):
        size = png.stem.rsplit("-", 1)[1]
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(png, target / f"{APP_ID}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy(ICONS / "reviewapp.svg", hicolor / "scalable" / "apps" / f"{APP_ID}.svg")

    doc = share / "doc" / "reviewapp"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "reviewapp: MIT License. The bundled Qt for Python (PySide6) is LGPL-3.0;\n"
        "the other bundled Python packages keep their own licences (see\n"
        "/opt/reviewapp/_internal/*.dist-info).\n",
        encoding="utf-8",
    )
    for path in root.rglob("*"):  # files 0644, folders and programs 0755, whatever the umask
        if path.is_symlink():
            continue
        mode = 0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644
        path.chmod(mode)


def release_date() -> str:
    """The build day, or SOURCE_DATE_EPOCH's for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now()
    return day.date().isoformat()


def build(app: Path, out_dir: Path) -> Path:
    app_version = version("reviewapp")
    arch = architecture()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        root.mkdir()
        stage(app, root, app_version)
        (root / "DEBIAN").mkdir()
        (root / "DEBIAN" / "control").write_text(
            control(app_version, arch, folder_kib(root)), encoding="utf-8"
        )
        out_dir.mkdir(parents=True, exist_ok=True)
        deb = out_dir / f"reviewapp_{app_version}_{arch}.deb"
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(root), str(deb)],
            check=True,
        )
    return deb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path, help="the PyInstaller folder (dist/reviewapp)")
    parser.add_argument("out", type=Path, help="where to write the .deb")
    args = parser.parse_args()
    if not (args.app / "reviewapp").is_file():
        print(f"make_deb: {args.app} has no reviewapp executable; run PyInstaller first", file=sys.stderr)
        return 2
    print(build(args.app, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
