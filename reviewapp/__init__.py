"""reviewapp: review AI-assisted news drafts before publication."""

from __future__ import annotations

# The one place the version is written: setuptools copies it into the package
# metadata (pyproject.toml: dynamic version), so `pip show`, `--version`, the
# JSON reports and Help > About all agree. Read as a literal, not through
# importlib.metadata, which costs `reviewapp check` 30 ms of start-up.
__version__ = "0.1.0"
