"""Work off the GUI thread (review, grammar, report export, download): QRunnables that report
through signals."""

from __future__ import annotations

import os
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, TypeVar

from PySide6.QtCore import QEventLoop, QRunnable, QThreadPool

from ..core import IncrementalAnalysis, ReviewAppError
from ..core.diffing import TextEdit, text_edit
from ..core.document import Document, Paragraph
from ..core.grammar import GrammarChecker
from ..core.loaders import edited
from ..core.processes import AnalysisProcesses
from ..core.report import Report, ReportFormat
from ..core.review import Review, Reviewer
from .document.finding_lines import FindingLines
from .document.row_changes import PlannedRows, TableSnapshot, plan_rows
from .worker_signals import Channel, WorkerSignals

_PROCESSES: list[AnalysisProcesses | None] = []  # the app's one pool, made on first use
# Findings judged against the whole draft (a disclosure missing, misplaced, contradicted): not
# previewed from its first lines.
DOCUMENT_CATEGORIES = frozenset(("disclosure",))


def analysis_processes() -> AnalysisProcesses | None:
    """The processes that analyse a draft's many paragraphs at once, shared by every window;
    None when REVIEWAPP_ANALYSIS_PROCESSES=0 (then threads do it)."""
    if not _PROCESSES:
        wanted = os.environ.get("REVIEWAPP_ANALYSIS_PROCESSES", "")
        _PROCESSES.append(
            None if wanted == "0" else AnalysisProcesses(int(wanted) if wanted.isdigit() else None)
        )
    return _PROCESSES[0]


class Reviewed(NamedTuple):
    """A review, its findings by line for the editor and its rows for the findings table: worked
    out here, off the window's thread."""

    review: Review
    lines: FindingLines
    rows: PlannedRows | None = None
    # How the text reviewed before (`since`, the document itself) became this one; None for a
    # first review.
    since: Document | None = None
    edit: TextEdit | None = None


def wait_for_workers(msecs: int = 5000) -> bool:
    """Let the running workers end before the app does (a review of a long draft takes a few
    seconds at most); False if some still run after `msecs`."""
    return QThreadPool.globalInstance().waitForDone(msecs)


T = TypeVar("T")


class _DoneSignals(WorkerSignals):
    finished = Channel()  # nothing: the outcome waits in the caller's box


def while_painting(work: Callable[[], T]) -> T:
    """`work()`, run in a thread of its own while this (the window's) thread goes on painting and
    running its timers; clicks and keys wait until it returns, and so does the caller. For work
    the window must wait for but need not freeze for (reading a long draft). Not in the pool:
    its threads may all be reviewing other drafts. What `work` raises is raised here."""
    outcome: list[T] = []
    raised: list[BaseException] = []
    signals = _DoneSignals()
    loop = QEventLoop()
    signals.finished.connect(loop.quit)

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # handed to the caller, in its thread
            raised.append(exc)
        finally:
            signals.finished.emit()

    thread = threading.Thread(target=run, name="reviewapp-while-painting", daemon=True)
    thread.start()
    # Its end reaches this loop as a queued signal, also when it comes before the loop runs.
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    thread.join()
    if raised:
        raise raised[0]
    return outcome[0]


class ReviewSignals(WorkerSignals):
    finished = Channel()  # generation, Reviewed, seconds
    failed = Channel()  # generation, why
    progress = Channel()  # generation, percent of a long draft's paragraphs analysed


class ReviewWorker(QRunnable):
    """Review one snapshot of a draft's text through the pipeline; the generation tells stale
    results apart. Grammar comes from the checker's cache: its requests run in GrammarWorker."""

    def __init__(
        self,
        reviewer: Reviewer,
        session: IncrementalAnalysis,
        original: Document,
        blocks: list[str],
        key: str,
        generation: int,
        previous: Document | None = None,
        table: TableSnapshot | None = None,
    ) -> None:
        super().__init__()
        self.reviewer = reviewer
        self.session = session
        self.original = original
        self.previous = previous  # the last version reviewed: only the lines edited since are split
        self.table = table  # the findings table as this began, to plan its rows from
        self.blocks = blocks  # the text as its blocks, joined here, off the window's thread
        self.key = key
        self.generation = generation
        self.signals = ReviewSignals()
        self._percent = -1

    def run(self) -> None:
        started = time.perf_counter()
        try:
            document = edited(self.original, "\n".join(self.blocks), self.previous)
            review = self.reviewer.review(
                document, key=self.key, session=self.session, grammar="cached", progress=self._progress
            )
            lines = FindingLines.of(review)
            rows = edit = None
            if self.previous is not None:
                edit = text_edit(self.previous.text, document.text)
                if self.table is not None:
                    rows = plan_rows(self.table, lines.findings, review.analysis.change, edit)
        except ReviewAppError as exc:  # the text as edited is refused (over the size limit): one line
            self.signals.failed.emit(self.generation, str(exc))
            return
        except Exception as exc:  # a bug must reach the status bar, not kill the thread silently
            self.signals.failed.emit(
                self.generation, f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"
            )
            return
        self.signals.finished.emit(
            self.generation,
            Reviewed(review, lines, rows, self.previous, edit),
            time.perf_counter() - started,
        )

    def _progress(self, done: int, total: int) -> None:
        percent = done * 100 // total
        if percent != self._percent:  # a signal for each step the status bar shows, not more
            self._percent = percent
            self.signals.progress.emit(self.generation, percent)


class ExportSignals(WorkerSignals):
    finished = Channel()  # what the job made (files Written, pages printed), seconds
    failed = Channel()  # the job's failure title, why


class ReportJob(QRunnable):
    """Render a report that was gathered in the GUI thread (the database stays there): `work`,
    its outcome and seconds through `finished`, or its `failure` and one line through `failed`."""

    failure: str  # the title of the message that says the job failed

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report
        self.signals = ExportSignals()

    def work(self) -> object:
        raise NotImplementedError

    def run(self) -> None:
        started = time.perf_counter()
        try:
            outcome = self.work()
        except ReviewAppError as exc:
            self.signals.failed.emit(self.failure, str(exc))
            return
        except Exception as exc:  # a bug must reach the window, not kill the thread silently
            self.signals.failed.emit(self.failure, f"{type(exc).__name__}: {exc}")
            traceback.print_exc()
            return
        self.signals.finished.emit(outcome, time.perf_counter() - started)


class ExportWorker(ReportJob):
    """Write a report to a file: finished with the files Written."""

    failure = "Cannot export the report"

    def __init__(self, report: Report, fmt: ReportFormat, path: Path) -> None:
        super().__init__(report)
        self.fmt = fmt
        self.path = path

    def work(self) -> object:
        return self.fmt.write(self.report, self.path)


class PreviewSignals(WorkerSignals):
    finished = Channel()  # generation, FindingLines


class PreviewWorker(QRunnable):
    """The findings of a long draft's first lines, for the editor to show while the whole draft is
    analysed: its paragraphs' findings only (a disclosure, said of the whole text, is judged on the
    whole text). For the eye alone; nothing is judged or recorded from it."""

    def __init__(self, reviewer: Reviewer, original: Document, blocks: list[str], generation: int):
        super().__init__()
        self.reviewer = reviewer
        self.original = original
        self.blocks = blocks
        self.generation = generation
        self.signals = PreviewSignals()

    def run(self) -> None:
        lines: FindingLines | None
        try:
            document = edited(self.original, "\n".join(self.blocks))
            review = self.reviewer.review(document, grammar="off")
            lines = FindingLines.of(review, leave_out=DOCUMENT_CATEGORIES)
        except Exception:  # a courtesy: the whole draft's review, under way, reports any problem
            lines = None
        self.signals.finished.emit(self.generation, lines)


class GrammarSignals(WorkerSignals):
    final = ("finished",)
    finished = Channel()  # generation; results are in the checker's cache


class GrammarWorker(QRunnable):
    """Send the paragraphs LanguageTool has not seen; the checker never raises, it sets its status."""

    def __init__(
        self, checker: GrammarChecker, paragraphs: list[Paragraph], roles: list[str], generation: int
    ):
        super().__init__()
        self.checker = checker
        self.paragraphs = paragraphs
        self.roles = roles
        self.generation = generation
        self.signals = GrammarSignals()

    def run(self) -> None:
        try:
            self.checker.check(self.paragraphs, self.roles)
        finally:
            self.signals.finished.emit(self.generation)


class DownloadSignals(WorkerSignals):
    finished = Channel()
    failed = Channel()  # why


class DownloadWorker(QRunnable):
    """Fetch LanguageTool with language-tool-python's own downloader; only after the user said yes."""

    def run(self) -> None:
        try:
            from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool

            LocalLanguageTool.from_version_name(LTP_DOWNLOAD_VERSION).download()
        except Exception as exc:  # network, disk, Java version: all reach the window as text
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.signals.finished.emit()

    def __init__(self) -> None:
        super().__init__()
        self.signals = DownloadSignals()


class PasswordSignals(WorkerSignals):
    final = ("kept", "failed")
    kept = Channel()  # the server as messages show it, the keyring's name
    failed = Channel()  # why


class PasswordWorker(QRunnable):
    """Log in to a review server with a password, then keep it in the system keyring: off the
    window's thread, as a server that cannot be reached takes the connect timeout to say so."""

    def __init__(self, url: str, password: str) -> None:
        super().__init__()
        self.url = url
        self.password = password
        self.signals = PasswordSignals()

    def run(self) -> None:
        from ..core.store.passwords import save_password
        from ..core.store.postgres import check_password, shown_url

        try:
            check_password(self.url, self.password)
            self.signals.kept.emit(shown_url(self.url), save_password(self.url, self.password))
        except ReviewAppError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug must reach the window, not kill the thread silently
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
