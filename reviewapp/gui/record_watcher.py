"""Colleagues' decisions on the shared record, shown as they are made (a PostgreSQL server only).

A thread of its own waits on the server's notices (core.store.postgres.DecisionListener); for each
burst it says which drafts have new decisions, and the window judges those
drafts again. A lost server is said once in the status bar, and the thread
tries again every few seconds; the editor keeps editing all the while.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from ..core.errors import ReviewAppError
from ..core.store.postgres import ServerStore

WAIT_S = 0.5  # how long one wait lasts: the longest a closing window waits for this thread
RETRY_S = 3.0


class RecordWatcher(QThread):
    changed = Signal(object)  # set of draft keys with new decisions
    lost = Signal(str)  # the server cannot be heard: one line
    back = Signal()  # heard again after being lost

    def __init__(self, store: ServerStore) -> None:
        super().__init__()
        self.store = store
        self._stop = threading.Event()

    def run(self) -> None:
        listener = None
        was_lost = False
        while not self._stop.is_set():
            try:
                if listener is None:
                    listener = self.store.listener()
                    if was_lost:
                        was_lost = False
                        self.back.emit()
                        self.changed.emit(None)  # what was missed while away: judge every draft
                keys = listener.wait(WAIT_S)
                if keys:
                    self.changed.emit(keys)
            except ReviewAppError as exc:
                if listener is not None:
                    listener.close()
                    listener = None
                if not was_lost:
                    was_lost = True
                    self.lost.emit(str(exc))
                self._stop.wait(RETRY_S)
        if listener is not None:
            listener.close()

    def stop(self) -> None:
        self._stop.set()
        self.wait()
