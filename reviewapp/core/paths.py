"""Where this user's files live: settings, the local review database, the dictionary, caches.

The operating system's usual folders (through platformdirs), unless
REVIEWAPP_HOME names one folder for all of them (a portable install, or a test
that must not touch the real ones).
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "REVIEWAPP_HOME"


def data_dir() -> Path:
    """The review database, the dictionary: what the user made."""
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home)
    from platformdirs import user_data_path

    return user_data_path("reviewapp", appauthor=False)


def config_dir() -> Path:
    """The user's settings."""
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home)
    from platformdirs import user_config_path

    return user_config_path("reviewapp", appauthor=False)


def cache_dir() -> Path:
    """What can be made again: compiled rules."""
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home) / "cache"
    from platformdirs import user_cache_path

    return user_cache_path("reviewapp", appauthor=False)
