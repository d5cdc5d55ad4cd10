"""Where the data files (rules, default policy, icons, schemas) are."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resource_dir() -> Path:
    """`reviewapp/resources` when installed, `resources/` in a source checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "resources", package.parent / "resources"):
        if (candidate / "policy").is_dir():
            return candidate
    raise FileNotFoundError("reviewapp's resources folder is missing; reinstall reviewapp")


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
