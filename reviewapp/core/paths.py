"""Where this user's files live: settings, the local review database, the dictionary, caches.

The operating system's usual folders, unless REVIEWAPP_HOME names one folder
for all of them (a portable install, or a test that must not touch the real
ones). On Linux and the BSDs those are the XDG folders, worked out here; on
Windows and macOS platformdirs says (importing it took 4.5 ms of every
command, a twentieth of `reviewapp status`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HOME_VARIABLE = "REVIEWAPP_HOME"
APP = "reviewapp"


def data_dir() -> Path:
    """The review database, the dictionary: what the user made."""
    home = os.environ.get(HOME_VARIABLE)
    return Path(home) if home else _user_dir("data")


def config_dir() -> Path:
    """The user's settings."""
    home = os.environ.get(HOME_VARIABLE)
    return Path(home) if home else _user_dir("config")


def cache_dir() -> Path:
    """What can be made again: compiled rules."""
    home = os.environ.get(HOME_VARIABLE)
    return Path(home) / "cache" if home else _user_dir("cache")


# The XDG Base Directory variables and their defaults: a variable set to a relative path is
# ignored, as the specification says.
_XDG = {
    "data": ("XDG_DATA_HOME", "~/.local/share"),
    "config": ("XDG_CONFIG_HOME", "~/.config"),
    "cache": ("XDG_CACHE_HOME", "~/.cache"),
}


def _user_dir(kind: str) -> Path:
    if _xdg_platform():
        variable, default = _XDG[kind]
        base = os.environ.get(variable, "")
        return Path(base if os.path.isabs(base) else os.path.expanduser(default)) / APP
    import platformdirs

    user_path = {
        "data": platformdirs.user_data_path,
        "config": platformdirs.user_config_path,
        "cache": platformdirs.user_cache_path,
    }[kind]
    return user_path(APP, appauthor=False)


def _xdg_platform() -> bool:
    """A desktop Unix (not Windows, macOS, iOS or an Android app), whose folders XDG names."""
    android = hasattr(sys, "getandroidapilevel") or (
        os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"
    )
    return sys.platform not in ("win32", "darwin", "ios") and not android
