"""Paragraph analysis in worker processes that stay up, for the desktop app.

A thread that analyses a long draft holds Python's lock, and the window's own
Python (highlighting, the table) waits for it; worker processes each have their
own, and a draft of many paragraphs is shared among them. They are started with
`spawn` (a fresh interpreter, not a copy of one running Qt threads, which `fork`
would make), once, and kept: starting one costs about a third of a second.

Only a big batch goes to them (a draft opened or reloaded); one edited paragraph
is analysed faster where it is. When they cannot be used (a worker died, the
platform cannot start one), the caller analyses in its own thread instead and
`problem` says why, once.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Executor

from .analysis import Analyzer, ParagraphResult, Progress, RoleKey, analyse_one
from .kept import save_all
from .policy import Policy

MIN_PARAGRAPHS = 200  # fewer are analysed in the caller's thread: sending them costs more
PIECE_PARAGRAPHS = 2000  # the most sent to a process at once (a 20 MB draft: 40 pieces)
MAX_PROCESSES = 4


class AnalysisProcesses:
    """A pool of analysis processes shared by every draft of the app; safe to use from any thread."""

    min_paragraphs = MIN_PARAGRAPHS

    def __init__(self, processes: int | None = None) -> None:
        self.processes = processes or max(1, min(os.cpu_count() or 1, MAX_PROCESSES))
        self.problem: str | None = None  # why the processes are not used, once they failed
        self._executor: Executor | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the processes now, in the background (at the app's start: ready for the first draft)."""
        try:
            executor = self._pool()
            for _ in range(self.processes):
                executor.submit(_ready)
        except Exception as exc:  # any failure to start: the app analyses in threads
            self._failed(exc)

    def analyse(
        self, policy: Policy, keys: list[RoleKey], progress: Progress | None = None
    ) -> list[ParagraphResult] | None:
        """Each paragraph's result, as `Analyzer(policy)` gives it (telling `progress` as each
        piece comes back); None when the processes cannot be used (the caller analyses itself)."""
        if self.problem is not None:
            return None
        # Twice as many pieces as processes: one that finishes early takes another. A long draft's
        # in more (each a step of the progress shown), none over PIECE_PARAGRAPHS.
        size = min(max(1, -(-len(keys) // (self.processes * 2))), PIECE_PARAGRAPHS)
        try:
            executor = self._pool()
            pending = [
                executor.submit(_analyse, policy, keys[i : i + size]) for i in range(0, len(keys), size)
            ]
            results: list[ParagraphResult] = []
            for piece in pending:
                results += piece.result()
                if progress is not None:
                    progress(len(results), len(keys))
            return results
        except Exception as exc:  # a worker killed, a pipe broken: analyse here instead
            self._failed(exc)
            return None

    def close(self) -> None:
        """Stop the processes (at the app's end): none is left running after it."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is None:
            return
        # A process still busy with a long draft is stopped, not waited for. The executor keeps
        # its processes in a private table: there is no public way to stop a busy one.
        processes = list(getattr(executor, "_processes", {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)

    def _pool(self) -> Executor:
        with self._lock:
            if self._executor is None:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                context = multiprocessing.get_context("spawn")
                self._executor = ProcessPoolExecutor(
                    self.processes, mp_context=context, initializer=_exit_with_parent
                )
            return self._executor

    def _failed(self, exc: BaseException) -> None:
        self.problem = f"analysis processes unavailable ({type(exc).__name__}: {exc}); analysing in threads"
        self.close()


# -- in the worker processes

_ANALYZERS: dict[str, Analyzer] = {}  # by policy fingerprint: built once per process


def _exit_with_parent() -> None:
    """End this process when the app's ends, however it ends (killed, crashed).

    Each worker holds both ends of its work queue's pipe, so it never sees the app go and
    would wait for work for ever: a killed app left its processes running, 60 MB each.
    """
    import multiprocessing
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])  # ready when the parent process has ended
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-the-app", daemon=True).start()


def _ready() -> None:
    """Nothing: submitted once per process so that each starts (and imports) before it is needed."""


def _analyse(policy: Policy, keys: list[RoleKey]) -> list[ParagraphResult]:
    analyzer = _ANALYZERS.get(policy.fingerprint)
    if analyzer is None:
        analyzer = _ANALYZERS[policy.fingerprint] = Analyzer(policy)
    results = [analyse_one(analyzer, key) for key in keys]
    # The patterns this process compiled, kept for the next start's processes (kept.py): only the
    # app's own process saved at its end, and it never compiles what these analyse. Nothing is
    # written when nothing is new.
    save_all()
    return results
