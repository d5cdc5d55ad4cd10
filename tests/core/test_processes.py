"""The desktop app's analysis processes: the same findings as one thread's, and a fallback to
threads when a process dies. Real processes, started with `spawn` as the app starts them."""

from __future__ import annotations

import marshal
import os
import signal

import pytest

from reviewapp.core import Analyzer, IncrementalAnalysis, load_text, regex_cache
from reviewapp.core.processes import MIN_PARAGRAPHS, AnalysisProcesses

pytestmark = pytest.mark.slow


@pytest.fixture
def processes():
    pool = AnalysisProcesses(2)
    yield pool
    pool.close()


def long_draft(data_dir, copies: int = 20):
    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    document = load_text("\n".join([article] * copies))
    assert len(document.paragraphs) >= MIN_PARAGRAPHS  # big enough to be sent to the processes
    return document


def test_processes_find_what_one_thread_finds(processes, data_dir):
    document = long_draft(data_dir)
    analyzer = Analyzer()
    shared = IncrementalAnalysis(analyzer, processes).run(document)
    assert processes.problem is None and processes._executor is not None  # they did the work
    alone = IncrementalAnalysis(analyzer).run(document)
    assert [f.to_json() for f in shared.findings] == [f.to_json() for f in alone.findings]
    assert shared.roles == alone.roles

    # An edit of one paragraph is analysed where it is (sending it would cost more).
    edited = document.text.replace("It feels like a really strategic play", "It is a play", 1)
    session = IncrementalAnalysis(analyzer, processes)
    session.run(document)
    again = session.run(load_text(edited))
    assert again.reanalysed == 1
    assert [f.to_json() for f in again.findings] == [
        f.to_json() for f in Analyzer().analyze(load_text(edited)).findings
    ]


def test_a_process_that_dies_leaves_the_analysis_to_the_thread(processes, data_dir):
    document = long_draft(data_dir)
    processes.start()
    pids = {processes._pool().submit(os.getpid).result() for _ in range(8)}
    os.kill(pids.pop(), signal.SIGKILL)
    result = IncrementalAnalysis(Analyzer(), processes).run(document)
    assert processes.problem is not None and "analysing in threads" in processes.problem
    assert [f.to_json() for f in result.findings] == [
        f.to_json() for f in Analyzer().analyze(document).findings
    ]
    assert IncrementalAnalysis(Analyzer(), processes).run(document).findings  # and it keeps working


def test_the_processes_keep_the_patterns_they_compile_for_the_next_start(
    processes, data_dir, tmp_path, monkeypatch
):
    """Spawned, they inherit the environment: their compiled patterns land in this cache folder."""
    monkeypatch.setenv("REVIEWAPP_HOME", str(tmp_path))
    IncrementalAnalysis(Analyzer(), processes).run(long_draft(data_dir))
    assert processes.problem is None
    kept = tmp_path / "cache" / regex_cache.TABLE.name
    assert kept.exists() and len(regex_cache._decode(marshal.loads(kept.read_bytes()))) > 10


def test_the_processes_tell_how_far_a_long_draft_has_gone(processes, data_dir, monkeypatch):
    """Each piece back from the processes is a step of the progress shown; a long draft is sent
    in pieces of at most PIECE_PARAGRAPHS, so that the steps are small."""
    from reviewapp.core import processes as module

    monkeypatch.setattr(module, "PIECE_PARAGRAPHS", 250)
    document = long_draft(data_dir, copies=84)
    told: list[tuple[int, int]] = []
    result = IncrementalAnalysis(Analyzer(), processes).run(
        document, progress=lambda done, total: told.append((done, total))
    )
    total = len(document.paragraphs)
    assert processes.problem is None
    assert [done for done, _ in told] == [*range(250, total, 250), total]
    assert {t for _, t in told} == {total}
    assert [f.to_json() for f in result.findings] == [
        f.to_json() for f in Analyzer().analyze(document).findings
    ]


# An app that started its analysis processes, says their ids, and is killed.
KILLED_APP = """
import os, signal, sys
from reviewapp.core.processes import AnalysisProcesses
processes = AnalysisProcesses(2)
processes.start()
while len(getattr(processes._executor, "_processes", {})) < 2 or not all(
    p.is_alive() for p in processes._executor._processes.values()
):
    pass
print(" ".join(str(pid) for pid in processes._executor._processes), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie (ended, not yet reaped by init) is gone too
        return stat.read().split(")")[1].split()[0] != "Z"


@pytest.mark.skipif(not os.path.exists("/proc"), reason="reads /proc to tell a zombie from a process")
def test_the_processes_end_when_the_app_is_killed(tmp_path):
    """They waited for work for ever: every crash or kill of the app left them running."""
    import subprocess
    import sys
    import time

    said = tmp_path / "pids.txt"  # a file, not a pipe: a process left running would hold a pipe open
    with said.open("w") as out:
        done = subprocess.run(
            [sys.executable, "-c", KILLED_APP], stdout=out, stdin=subprocess.DEVNULL, timeout=60
        )
    assert done.returncode == -signal.SIGKILL
    workers = [int(pid) for pid in said.read_text().split()]
    assert len(workers) == 2
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers))
