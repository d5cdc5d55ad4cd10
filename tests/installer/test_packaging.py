"""The packaging files: desktop entry, AppStream metadata, icons, the .deb layout, the screenshot check.

The full build (PyInstaller, install, uninstall) is resources/packaging/smoke_test.sh;
these are the quick checks of what it is built from.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest
from resource_scripts import PACKAGING, load_script  # tests/ is on sys.path (rootdir conftest)

pytestmark = pytest.mark.subprocess

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.reviewapp"


def need(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        pytest.skip(f"{tool} is not installed (.ci/run installs it)")
    return found


@pytest.fixture
def deb(tmp_path) -> Path:
    """A .deb made by make_deb.py from a stand-in application folder."""
    need("dpkg-deb")
    app = tmp_path / "dist" / "reviewapp"
    (app / "_internal").mkdir(parents=True)
    (app / "reviewapp").write_text("#!/bin/sh\necho reviewapp\n")
    (app / "reviewapp").chmod(0o700)  # a tight umask at build time must not reach the package
    (app / "_internal" / "lib.so").write_bytes(b"\x7fELF")
    return load_script(PACKAGING / "linux" / "make_deb.py").build(app, tmp_path / "out")


def test_deb_layout_links_and_modes(deb):
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    entries = {line.split()[5].removeprefix("."): line.split() for line in listing.splitlines()}
    assert entries["/opt/reviewapp/reviewapp"][0] == "-rwxr-xr-x"
    assert entries["/opt/reviewapp/_internal/lib.so"][0] == "-rw-r--r--"
    assert entries["/usr/bin/reviewapp"][-1] == "/opt/reviewapp/reviewapp"
    assert all(fields[1] == "root/root" for fields in entries.values())
    for path in (
        f"/usr/share/applications/{APP_ID}.desktop",
        f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"/usr/share/icons/hicolor/48x48/apps/{APP_ID}.png",
        f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        "/usr/share/doc/reviewapp/copyright",
    ):
        assert path in entries


def test_deb_control_takes_the_version_from_the_package_metadata(deb):
    def field(name: str) -> str:
        return subprocess.run(
            ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True
        ).stdout.strip()

    assert field("Package") == "reviewapp"
    assert field("Version") == version("reviewapp")
    assert deb.name == f"reviewapp_{version('reviewapp')}_{field('Architecture')}.deb"
    depends = field("Depends")
    assert "libxcb-cursor0" in depends and "libegl1" in depends
    assert int(field("Installed-Size")) > 0


def test_metainfo_in_the_deb_is_valid_appstream(deb, tmp_path):
    appstreamcli = need("appstreamcli")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path / "root")], check=True)
    metainfo = tmp_path / "root" / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    text = metainfo.read_text(encoding="utf-8")
    assert f'<release version="{version("reviewapp")}" date="' in text and "@" not in text
    proc = subprocess.run(
        [appstreamcli, "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_desktop_entry_is_valid_and_opens_drafts():
    validate = need("desktop-file-validate")
    entry = PACKAGING / "linux" / f"{APP_ID}.desktop"
    proc = subprocess.run([validate, str(entry)], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout
    text = entry.read_text(encoding="utf-8")
    assert "Exec=reviewapp open %F" in text and f"Icon={APP_ID}" in text


def test_windows_icon_holds_every_size_up_to_256():
    from PySide6.QtGui import QImageReader

    data = (PACKAGING / "windows" / "reviewapp.ico").read_bytes()
    _reserved, kind, count = struct.unpack_from("<HHH", data)
    assert kind == 1 and count == 7
    reader = QImageReader(str(PACKAGING / "windows" / "reviewapp.ico"))
    sizes = set()
    for _ in range(reader.imageCount()):
        sizes.add(reader.read().width())
        reader.jumpToNextImage()
    assert sizes == {16, 24, 32, 48, 64, 128, 256}


def test_macos_icon_blocks_are_pngs_of_their_slot_size():
    from PySide6.QtGui import QImage

    data = (PACKAGING / "macos" / "reviewapp.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    expected = load_script(PACKAGING / "render_icons.py").ICNS_TYPES
    offset, seen = 8, {}
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        image = QImage.fromData(data[offset + 8 : offset + length], "PNG")
        seen[kind] = image.width()
        offset += length
    assert seen == expected


def test_screenshot_check_accepts_the_app_and_rejects_a_blank_window(tmp_path):
    from PySide6.QtGui import QColor, QImage

    check = load_script(PACKAGING / "check_screenshot.py")
    assert check.problems(QImage(str(ROOT / "docs" / "window-foxconn.png"))) == []
    blank = QImage(1200, 860, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    found = check.problems(blank)
    assert any("blank" in p for p in found) and any("claim" in p for p in found)


@pytest.mark.skipif(os.name != "posix", reason="shell scripts")
def test_packaging_shell_scripts_parse():
    for script in (
        PACKAGING / "pyinstaller.sh",
        PACKAGING / "build.sh",
        PACKAGING / "smoke_test.sh",
        PACKAGING / "macos" / "build.sh",
    ):
        subprocess.run(["bash", "-n", str(script)], check=True)


def test_every_python_package_of_the_source_is_in_the_wheel_list():
    """A package left out of pyproject's list is missing from every installed copy (and the app)."""
    import tomllib

    root = Path(__file__).resolve().parents[2]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(root).parts) for init in (root / "reviewapp").rglob("__init__.py")
    }
    assert found <= listed, sorted(found - listed)
