"""How reviewapp's processes (the command line and the app) run Python's cycle collector, and how
a command's process ends."""

from __future__ import annotations

import atexit
import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import NoReturn

# New objects between two runs of the cycle collector (Python's default: 700). A review of a
# long draft makes some hundred thousand short-lived objects (findings, keys, lists) that
# reference counting frees anyway. At 700 the collector ran about 140 times for each edit of a
# 100,000-word draft in the app, plus a full collection (50-90 ms of the edit); `check` of
# 90,000 words ran 4-6 % faster at 50,000 (paired runs; benchmarks/HISTORY.md). Cyclic garbage
# waits a little longer.
YOUNG_OBJECTS = 50_000


def collect_less() -> None:
    """Run the cycle collector after YOUNG_OBJECTS new objects, the older generations as before."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, older, oldest)
    gc.enable()


@contextmanager
def collector_off() -> Iterator[None]:
    """No cycle collection while a command runs, then the collector as it was.

    A command is a short process, and what a review makes (findings, paragraphs,
    keys) holds no cycles for the collector to find: it only walked them. Even at
    YOUNG_OBJECTS it ran a dozen times in `check` of 90,000 words (25 ms of the
    parent's serial work, more in the forked workers); with it off, `check` and a
    1,000-draft folder ran 4-5 % faster at the same peak memory (paired runs,
    benchmarks/HISTORY.md). The desktop app, started by a command, turns it back
    on (collect_less).
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def end_process(status: int) -> NoReturn:
    """End a command's process now, with its output written, without tearing the interpreter down.

    Python's teardown frees every module, compiled rule and learned weight one by
    one: 18-30 ms, a tenth of `status` and about 5 % of `check` of 90,000 words
    (paired runs). Only for commands that leave nothing to finish: their files
    and databases closed. The exit handlers libraries registered still run
    first: language-tool-python stops a local LanguageTool server in one.
    """
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe or stream: nothing more can reach it
            stream.flush()
    os._exit(status)
