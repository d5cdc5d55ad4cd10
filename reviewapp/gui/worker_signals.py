"""What a worker in the thread pool says, carried to the GUI thread by the app's one Qt object.

A worker's signals were a QObject of its own, held by the worker. The pool deletes a finished
QRunnable on its own thread, and that Qt object went with it while the GUI thread delivered its
last signal: a crash at a window's close (PySide 6.11, seen once in CI). Deleting each one in the
GUI thread instead (deleteLater after its last signal) lost, now and then, the next worker's
result on its way (measured: 1 to 5 of 200 reviews in a row never reported). So no Qt object is
made or deleted per worker: a worker's signals are plain Python, its slots are kept here, in the
GUI thread, and what it emits travels through one `Post` that lives as long as the app.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

Slot = Callable[..., object]


class Post(QObject):
    """The app's one carrier: a worker's signal and its arguments, delivered in the GUI thread to
    the slots its caller connected."""

    # The ticket of the worker's signals, the signal, its arguments, whether it is the worker's last.
    said = Signal(int, str, object, bool)

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.slots: dict[int, dict[str, list[Slot]]] = {}  # by ticket, by signal
        self.said.connect(self._deliver)

    def _deliver(self, ticket: int, name: str, args: tuple[Any, ...], last: bool) -> None:
        slots = self.slots.pop(ticket, None) if last else self.slots.get(ticket)  # last: let go here
        if slots is None:  # done already
            return
        for slot in slots.get(name, ()):
            owner = getattr(slot, "__self__", None)
            if isinstance(owner, QObject) and not shiboken6.isValid(owner):
                continue  # its window or draft was closed meanwhile
            slot(*args)

    def waiting(self) -> int:
        """How many workers' signals are not done yet."""
        return len(self.slots)


_POST: list[Post] = []
_TICKETS = itertools.count()


def post() -> Post:
    """The app's carrier, made in the GUI thread on first use (a worker is made there)."""
    if not _POST or not shiboken6.isValid(_POST[0]):  # a new application (tests make one per run)
        _POST[:] = [Post()]
    return _POST[0]


class BoundChannel:
    """One signal of one worker's: `connect` in the GUI thread, `emit` from the pool."""

    def __init__(self, carrier: Post, ticket: int, name: str, last: bool) -> None:
        self.carrier, self.ticket, self.name, self.last = carrier, ticket, name, last

    def connect(self, slot: Slot) -> None:
        self.carrier.slots[self.ticket].setdefault(self.name, []).append(slot)

    def emit(self, *args: object) -> None:
        # A worker may end after the app has quit and its carrier is gone: nobody waits for it then.
        with contextlib.suppress(RuntimeError):
            self.carrier.said.emit(self.ticket, self.name, args, self.last)


class Channel:
    """A signal a worker declares, as `finished = Channel()` (what it carries in a comment)."""

    name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, signals: WorkerSignals, owner: type | None = None) -> BoundChannel:
        return BoundChannel(signals.carrier, signals.ticket, self.name, self.name in signals.final)


class WorkerSignals:
    """A worker's signals; made with the worker, in the GUI thread. After one of its `final`
    signals arrives, nothing more is delivered."""

    final: ClassVar[tuple[str, ...]] = ("finished", "failed")

    def __init__(self) -> None:
        self.carrier = post()
        self.ticket = next(_TICKETS)
        self.carrier.slots[self.ticket] = {}
