"""reviewapp: review AI-assisted news drafts before publication."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def _read_version() -> str:
    # One source of truth: the installed package metadata (pyproject.toml).
    try:
        return version("reviewapp")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0.0.0+unknown"


__version__ = _read_version()
