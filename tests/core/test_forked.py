"""Work shared among forked processes through pipes (core/forked.py), with real forks."""

from __future__ import annotations

import os
import time

import pytest

from reviewapp.core import forked
from reviewapp.core.forked import share_work

pytestmark = pytest.mark.skipif(not forked.can_fork(), reason="no fork on this system")


@pytest.fixture
def forks(monkeypatch):
    """The pids of the children share_work forks (the real fork, recorded)."""
    pids: list[int] = []
    real_fork = os.fork

    def recording_fork() -> int:
        pid = real_fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(forked.os, "fork", recording_fork)
    return pids


def reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_results_come_back_in_order_from_every_process(forks):
    parent = os.getpid()

    def work(n: int) -> tuple[int, int, list[int]]:
        time.sleep(0.01)  # long enough that each process takes some
        return n, os.getpid(), list(range(n))

    results = share_work(40, work, 3)
    assert [r[0] for r in results] == list(range(40))
    assert all(r[2] == list(range(r[0])) for r in results)
    workers = {r[1] for r in results}
    assert parent in workers and len(workers) == 3 and workers - {parent} == set(forks)
    assert all(reaped(pid) for pid in forks)


def test_results_larger_than_a_pipe_holds_arrive_whole(forks):
    results = share_work(6, lambda n: bytes([n]) * 3_000_000, 2)
    assert [len(r) for r in results] == [3_000_000] * 6
    assert [r[:1] for r in results] == [bytes([n]) for n in range(6)]
    assert all(reaped(pid) for pid in forks)


def test_the_pieces_of_a_child_that_died_are_done_here(forks):
    parent = os.getpid()

    def work(n: int) -> int:
        if os.getpid() != parent:
            os._exit(9)  # killed mid-piece: no result sent
        return n * n

    assert share_work(12, work, 2) == [n * n for n in range(12)]
    assert len(forks) == 1 and reaped(forks[0])


def test_an_error_in_a_piece_is_raised_here_and_the_children_are_reaped(forks):
    def work(n: int) -> int:
        time.sleep(0.005)
        if n == 7:
            raise ValueError("piece 7")
        return n

    with pytest.raises(ValueError, match="piece 7"):
        share_work(30, work, 3)
    assert len(forks) == 2 and all(reaped(pid) for pid in forks)


def test_one_process_or_one_piece_forks_nothing(forks):
    assert share_work(5, lambda n: n + 1, 1) == [1, 2, 3, 4, 5]
    assert share_work(1, lambda n: n + 1, 4) == [1]
    assert share_work(0, lambda n: n, 4) == []
    assert forks == []


def test_results_come_one_by_one_in_order_and_stopping_early_ends_the_children(forks):
    from reviewapp.core.forked import each_result

    def work(n: int) -> int:
        time.sleep(0.002)
        return n * 10

    assert list(each_result(25, work, 2)) == [n * 10 for n in range(25)]
    results = each_result(40, work, 3)
    assert [next(results) for _ in range(3)] == [0, 10, 20]
    results.close()  # the reader stopped early: the children are killed and reaped
    assert len(forks) == 3 and all(reaped(pid) for pid in forks)
