"""Numbered pieces of work shared among this process and forked copies of it, through pipes.

The kernel is the queue: every piece's number is written into one pipe before
the fork, and each process reads the next number when it is done with a piece,
so they finish together however fast each runs. A child sends each piece's
result back as soon as it has it, and this process reads what has arrived
between its own pieces, so at the end little is left to receive.

multiprocessing's Pool did the same at a higher price: importing it, its
threads and its start took 30 ms of a 700 ms `check`, and every result came
back at once after the work. Used only where `fork` exists (not on Windows);
the caller does the work itself elsewhere.
"""

from __future__ import annotations

import os
import select
import struct
from collections.abc import Callable, Iterator
from typing import TypeVar

R = TypeVar("R")

_NUMBER = struct.Struct("<H")  # a piece's number, as it waits in the pipe
_LENGTH = struct.Struct("<Q")  # each result's size, before it
MAX_PIECES = 16_384  # every number fits in the pipe before the fork (64 KB, Linux's and macOS's)
_READ = 1 << 20
_RESULT_PIPE_BYTES = 1 << 20  # room for a child's results, so it need not wait for this process to read


def can_fork() -> bool:
    return hasattr(os, "fork")


def share_work(count: int, work: Callable[[int], R], processes: int) -> list[R]:
    """work(n) for n in range(count), in order, shared among this process and processes - 1 forks.

    A piece a child did not send back (it died) is done here; an exception in
    a piece is raised here when this process does that piece.
    """
    return list(each_result(count, work, processes))


def each_result(count: int, work: Callable[[int], R], processes: int) -> Iterator[R]:
    """share_work's results one by one, in order, each as soon as it and those before it are in."""
    if processes <= 1 or count <= 1 or not can_fork():
        yield from map(work, range(count))
        return
    if count > MAX_PIECES:
        raise ValueError(f"at most {MAX_PIECES} pieces, not {count}")
    numbers, queue = os.pipe()
    os.write(queue, b"".join(_NUMBER.pack(n) for n in range(count)))
    os.close(queue)  # once every number is taken, a read finds the end of the pipe
    children: dict[int, int] = {}  # result pipe -> child's pid
    finished = False
    try:
        for _ in range(min(processes, count) - 1):
            children.update([_fork_child(numbers, work, list(children))])
        results: dict[int, R] = {}
        inbox = _Inbox(list(children))
        done = 0  # results given so far
        while (number := _take(numbers)) is not None:
            results[number] = work(number)
            inbox.receive(results, wait=False)
            while done in results:
                yield results.pop(done)
                done += 1
        inbox.receive(results, wait=True)
        for number in range(done, count):
            yield results.pop(number) if number in results else work(number)
        finished = True
    finally:
        os.close(numbers)
        _end_children(children, kill=not finished)


def _fork_child(numbers: int, work: Callable[[int], R], others: list[int]) -> tuple[int, int]:
    """A child taking pieces until none is left; (the pipe its results come through, its pid)."""
    import pickle  # here, not at the top: `status` imports this module and never forks (2 ms)

    inbox, outbox = os.pipe()
    _widen(outbox)
    pid = os.fork()
    if pid == 0:  # the child: never returns, never runs this process's exit handlers or flushes
        status = 1
        try:
            os.close(inbox)
            for fd in others:
                os.close(fd)
            while (number := _take(numbers)) is not None:
                data = pickle.dumps((number, work(number)), protocol=pickle.HIGHEST_PROTOCOL)
                _write_all(outbox, _LENGTH.pack(len(data)) + data)
            status = 0
        finally:
            os._exit(status)
    os.close(outbox)
    return inbox, pid


def _take(numbers: int) -> int | None:
    """The next piece's number, or None when all are taken (reads of two bytes are never split)."""
    data = os.read(numbers, _NUMBER.size)
    return _NUMBER.unpack(data)[0] if data else None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _widen(fd: int) -> None:
    """A bigger pipe where the system allows one (Linux): a child then rarely waits to write."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _RESULT_PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


class _Inbox:
    """The children's results as they arrive: length-prefixed pickles, one pipe per child."""

    def __init__(self, pipes: list[int]) -> None:
        self._open = list(pipes)
        self._buffers = {fd: bytearray() for fd in pipes}

    def receive(self, results: dict[int, R], *, wait: bool) -> None:
        """What has arrived (wait=False), or everything until each child is done (wait=True)."""
        while self._open:
            ready, _, _ = select.select(self._open, [], [], None if wait else 0)
            if not ready:
                return
            for fd in ready:
                data = os.read(fd, _READ)
                if not data:
                    self._open.remove(fd)
                    continue
                buffer = self._buffers[fd]
                buffer += data
                self._unpack(buffer, results)

    @staticmethod
    def _unpack(buffer: bytearray, results: dict[int, R]) -> None:
        import pickle

        start = 0
        while len(buffer) - start >= _LENGTH.size:
            (size,) = _LENGTH.unpack_from(buffer, start)
            end = start + _LENGTH.size + size
            if len(buffer) < end:
                break
            with memoryview(buffer) as view:  # released before the buffer is cut below
                number, result = pickle.loads(view[start + _LENGTH.size : end])
            results[number] = result
            start = end
        del buffer[:start]


def _end_children(children: dict[int, int], *, kill: bool) -> None:
    """Close the pipes and reap the children: done with their work, or killed when this process
    stopped early (an exception, Ctrl-C)."""
    import signal

    for fd, pid in children.items():
        os.close(fd)
        try:
            if kill:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass
