"""Names a package exports but imports only when first used (PEP 562's module `__getattr__`).

Start-up is the price of every import: `reviewapp history` and `status` must
not pay for the analyzers or the report writers they never use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: each name from its submodule (exports: name -> module)."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f".{module}", package), name)

    return __getattr__
