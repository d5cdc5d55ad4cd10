"""Before Qt starts on X11, a missing system library is named as the package to install."""

from __future__ import annotations

from reviewapp.gui.system_libs import X11_LIBRARIES, missing_packages, uses_x11, x11_problem


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
