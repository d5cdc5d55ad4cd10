"""Workers in the thread pool: what they say reaches the GUI thread, every time, and only while
whoever asked is still there."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, QThreadPool

from reviewapp.core import load_policy
from reviewapp.core.errors import ReviewAppError
from reviewapp.core.loaders import load_text
from reviewapp.core.review import Reviewer
from reviewapp.gui.worker_signals import post
from reviewapp.gui.workers import ReportJob, ReviewWorker, wait_for_workers

TEXT = "Headline\nThe council said on Tuesday that the bridge will cost $4 million.\n"


class Asker(QObject):
    """Stands for a draft's scheduler: a Qt object whose method is the slot."""

    def __init__(self) -> None:
        super().__init__()
        self.heard: list[tuple[int, str]] = []

    def finished(self, generation: int, reviewed: object, seconds: float) -> None:
        self.heard.append((generation, threading.current_thread().name))


def _review(reviewer: Reviewer, generation: int, asker: Asker, text: str = TEXT) -> None:
    worker = ReviewWorker(reviewer, reviewer.session(), load_text(text), text.split("\n"), "k", generation)
    worker.signals.finished.connect(asker.finished)
    QThreadPool.globalInstance().start(worker)


def test_every_review_in_a_row_reports_in_the_gui_thread(qtbot):
    """One after another, as typing pauses start them: each result arrives (a design that deleted
    each worker's Qt object in the GUI thread lost 1 to 5 in 200)."""
    reviewer, asker = Reviewer(load_policy()), Asker()
    for generation in range(60):
        _review(reviewer, generation, asker)
        qtbot.waitUntil(lambda g=generation: len(asker.heard) > g, timeout=10000)
    assert asker.heard == [(g, threading.main_thread().name) for g in range(60)]
    assert post().waiting() == 0  # each worker's slots were let go after its last word


def test_a_result_for_a_closed_draft_is_not_delivered(qtbot):
    reviewer, asker = Reviewer(load_policy()), Asker()
    long_text = "Headline\n" + "The council said the bridge will cost $4 million. " * 3000
    _review(reviewer, 1, asker, long_text)
    asker.deleteLater()  # the draft is closed while its review runs
    qtbot.waitUntil(lambda: not shiboken6.isValid(asker), timeout=5000)
    assert wait_for_workers(60000)
    qtbot.waitUntil(lambda: post().waiting() == 0, timeout=5000)
    assert asker.heard == []


class _Refused(ReportJob):
    failure = "Cannot do it"

    def work(self) -> object:
        raise ReviewAppError("the disk is full")


def test_a_failed_job_says_why_once(qtbot):
    job = _Refused(report=None)  # type: ignore[arg-type]
    said: list[tuple[str, str]] = []
    job.signals.failed.connect(lambda title, why: said.append((title, why)))
    job.signals.finished.connect(lambda *args: said.append(("finished?", "")))
    QThreadPool.globalInstance().start(job)
    del job
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    qtbot.wait(50)
    assert said == [("Cannot do it", "the disk is full")]


def test_waiting_for_workers_lets_a_running_review_end(qtbot):
    reviewer, asker = Reviewer(load_policy()), Asker()
    _review(reviewer, 1, asker, "Headline\n" + "The council said the bridge will cost $4 million. " * 3000)
    assert wait_for_workers(60000)
    assert QThreadPool.globalInstance().activeThreadCount() == 0


def test_a_worker_ending_after_the_app_quit_says_nothing_and_does_not_fail(qtbot):
    job = _Refused(report=None)  # type: ignore[arg-type]
    said: list[str] = []
    job.signals.failed.connect(lambda title, why: said.append(why))
    shiboken6.delete(post())  # what the app's end does to its carrier
    job.run()  # in this thread: an error would reach the test
    qtbot.wait(50)
    assert said == []
    assert shiboken6.isValid(post())  # a new app (the next test) gets a carrier of its own
