"""How Python's cycle collector runs in reviewapp's processes (the command line and the app)."""

from __future__ import annotations

import gc

# New objects between two runs of the cycle collector (Python's default: 700). A review of a
# long draft makes some hundred thousand short-lived objects (findings, keys, lists) that
# reference counting frees anyway. At 700 the collector ran about 140 times for each edit of a
# 100,000-word draft in the app, plus a full collection (50-90 ms of the edit); `check` of
# 90,000 words ran 4-6 % faster at 50,000 (paired runs; benchmarks/README.md). Cyclic garbage
# waits a little longer.
YOUNG_OBJECTS = 50_000


def collect_less() -> None:
    """Run the cycle collector after YOUNG_OBJECTS new objects, the older generations as before."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, older, oldest)
