"""Before Qt starts on X11: the system libraries its X11 plugin needs, named as packages.

Without them Qt fails with "could not load the Qt platform plugin xcb" and names
at most one library (often not the missing one). This says which packages to
install, in one line.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

# The X11 plugin's libraries (ldd of libqxcb.so and libQt6XcbQpa) and their Debian/Ubuntu packages.
X11_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name, mode=os.RTLD_LAZY)
    except OSError:
        return False
    return True


def uses_x11(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Qt will use its X11 plugin: Linux, a display, and no other platform chosen."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform not in ("", "xcb"):
        return False
    return bool(environ.get("DISPLAY")) and (platform == "xcb" or not environ.get("WAYLAND_DISPLAY"))


def missing_packages(loads: Callable[[str], bool] = _loads) -> list[str]:
    return [package for library, package in X11_LIBRARIES.items() if not loads(library)]


def x11_problem(loads: Callable[[str], bool] = _loads) -> str | None:
    """One line naming the packages to install, or None when nothing is missing."""
    missing = missing_packages(loads)
    if not missing:
        return None
    return (
        "the desktop app needs system libraries for X11 that are not installed; "
        f"on Debian or Ubuntu: sudo apt install {' '.join(missing)}"
    )


NO_DISPLAY = (
    "no display to open the window on: neither DISPLAY (X11) nor WAYLAND_DISPLAY is set "
    "(a remote shell without X forwarding?); reviewapp check and reviewapp report need none"
)


def display_problem(
    environ: dict[str, str] | os._Environ[str] = os.environ, connects: Callable[[str], bool] | None = None
) -> str | None:
    """One line when Qt would find no display on Linux (it then aborts with a page of plugin
    messages), else None. Only X11 and Wayland are looked at: another platform chosen
    (offscreen, vnc, eglfs) is the user's own setting."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform not in ("", "xcb", "wayland"):
        return None
    x11, wayland = environ.get("DISPLAY", ""), environ.get("WAYLAND_DISPLAY", "")
    if platform == "wayland" and not wayland:
        return "QT_QPA_PLATFORM is wayland but WAYLAND_DISPLAY is not set: no Wayland session to open in"
    if not x11 and not wayland:
        return NO_DISPLAY
    if uses_x11(environ) and not (connects or _x11_connects)(x11):
        return f"cannot reach the X11 display {x11!r} (DISPLAY): is it running, and may this user use it?"
    return None


def _x11_connects(display: str) -> bool:
    """Does an X11 connection to `display` open? (libxcb, as Qt's plugin would connect.)"""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # not ours to say: x11_problem names the missing library
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    failed = xcb.xcb_connection_has_error(connection)
    xcb.xcb_disconnect(connection)  # a failed connection is freed the same way
    return failed == 0
