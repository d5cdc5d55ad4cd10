"""Every benchmark script can be loaded: the names it imports from reviewapp still exist.

(They are run by hand, not in CI; a renamed or moved name otherwise shows only when someone
next measures.)
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SCRIPTS = sorted([*BENCHMARKS.glob("bench_*.py"), BENCHMARKS / "quality" / "run.py"])


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_the_script_loads(script, monkeypatch):
    monkeypatch.syspath_prepend(str(script.parent))
    names = runpy.run_path(str(script), run_name="loaded_by_a_test")  # its main() is not run
    assert callable(names.get("main"))
