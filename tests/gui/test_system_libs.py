"""Before Qt starts on X11, a missing system library is named as the package to install."""

from __future__ import annotations

from reviewapp.gui.system_libs import (
    NO_DISPLAY,
    X11_LIBRARIES,
    display_problem,
    missing_packages,
    uses_x11,
    x11_problem,
)


def test_this_machine_has_every_x11_library_qt_needs():
    assert missing_packages() == []
    assert x11_problem() is None


def test_a_missing_library_is_named_as_its_package():
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    problem = x11_problem(lambda name: name not in absent)
    assert problem is not None and problem.endswith("sudo apt install libxcb-cursor0 libxcb-icccm4")


def test_only_the_x11_plugin_is_checked():
    assert uses_x11({"DISPLAY": ":0"})
    assert not uses_x11({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"})
    assert not uses_x11({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"})
    assert uses_x11({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"})
    assert not uses_x11({})


def test_the_list_matches_what_qts_x11_plugin_links_against():
    """The libraries named are those the installed plugin needs (ldd), so the list cannot go stale."""
    import subprocess
    from pathlib import Path

    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    linked = subprocess.run(
        ["ldd", str(plugin), str(qt / "lib" / "libQt6XcbQpa.so.6")], capture_output=True, text=True
    ).stdout
    names = {line.split()[0] for line in linked.splitlines() if line.startswith("\t")}
    needed = {name for name in names if "xcb" in name and "Qt6" not in name}
    assert needed <= set(X11_LIBRARIES)


def test_no_display_is_one_line_not_qts_abort(tmp_path):
    """Qt aborted the process (SIGABRT) after a page of plugin messages when it found no display."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for args in (["open"], []):  # `reviewapp` alone opens the app too
        done = subprocess.run(
            [sys.executable, "-m", "reviewapp", *args], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 2
        assert done.stderr.splitlines() == [f"reviewapp: {NO_DISPLAY}"]


def test_a_display_that_cannot_be_reached_is_named():
    unreachable = ":93"  # no X server answers there on a test machine
    problem = display_problem({"DISPLAY": unreachable})
    assert problem is not None and problem.startswith("cannot reach the X11 display ':93'")


def test_only_the_platforms_that_need_a_display_are_checked():
    assert display_problem({}) == NO_DISPLAY
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "vnc"}) is None
    assert "WAYLAND_DISPLAY is not set" in str(
        display_problem({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"})
    )
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None  # Qt picks Wayland: not probed here
