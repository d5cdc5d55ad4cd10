"""When one draft is reviewed: after a pause in typing, one pass at a time, the newest text last.

Reviews run in the thread pool through the core pipeline (workers.ReviewWorker);
LanguageTool's requests run in their own worker, and when they bring something
new the draft is reviewed again, from the checker's cache.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from ...core.document import Document
from ...core.review import Review, Reviewer
from ..workers import GrammarWorker, PreviewWorker, Reviewed, ReviewWorker, analysis_processes
from .finding_lines import FindingLines
from .row_changes import TableSnapshot

DEBOUNCE_MS = 250  # re-analyse after this pause in typing
FIRST_PAINT_MS = 30  # a new tab's text is painted before its first analysis starts
# A draft of more lines than this shows its first lines' findings while the whole is analysed
# (100,000 words took a second and more to its first highlights); they are the first screen's
# and the next few screens'.
PREVIEW_OVER_LINES = 400
PREVIEW_LINES = 120


class AnalysisScheduler(QObject):
    """Schedules the reviews of one draft; its session is used by one worker at a time."""

    # "editing…", "analysing…" (with how far, for a long draft), "up to date (N ms)", "analysis failed: …"
    state = Signal(str)
    reviewed = Signal(object)  # Review of the newest text (not yet judged against the record)
    grammar_state = Signal(object)  # GrammarStatus, after each grammar pass
    # FindingLines of a long draft's first lines, before its first review: for the editor alone
    previewed = Signal(object)

    def __init__(
        self,
        reviewer: Reviewer,
        original: Document,
        blocks: Callable[[], list[str]],
        key: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.reviewer = reviewer
        self.original = original  # what the file declared; see loaders.edited
        self.blocks = blocks  # the editor's text now, as its blocks to join (editor_text.EditorText)
        self.key = key
        self.session = reviewer.session(analysis_processes())
        self.latest: Review | None = None  # the newest review delivered
        # It with what its worker worked out for the window (its findings by line, the table's rows).
        self.latest_reviewed: Reviewed | None = None
        # The findings table as a review begins, for the worker to plan the table's rows from.
        self.table: Callable[[], TableSnapshot] | None = None
        self.generation = 0  # bumped on every edit
        self.latest_generation = -1  # the generation of the newest review delivered
        self.running = False  # a review of this draft is under way
        self.grammar_running = False
        self.grammar_tried = -1  # the generation the last grammar pass was for
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.start)

    def up_to_date(self) -> bool:
        """The newest review is of the text in the editor now: no edit since its text was taken
        (by generation: comparing the texts took a copy of the whole draft, 100 ms for 20 MB,
        each time the card or the status bar asked)."""
        return (
            self.latest is not None
            and self.latest_generation == self.generation
            and not self.running
            and not self.debounce.isActive()
        )

    def edited(self) -> None:
        self.generation += 1
        self.debounce.start()
        self.state.emit("editing…")

    def start_soon(self) -> None:
        """Review a newly opened draft once its text is on screen.

        A worker started at once competes with the first paint for Python's
        global lock (the highlighter is Python), and the window stalls for
        tens of milliseconds more on a long draft.
        """
        QTimer.singleShot(FIRST_PAINT_MS, self, self.start)  # not called once the draft is closed

    def start(self) -> None:
        if self.running:  # one at a time per draft: the session is not shared between threads
            self.debounce.start()
            return
        self.running = True
        self.state.emit("analysing…")
        previous = self.latest.document if self.latest is not None else None
        table = self.table() if self.table is not None and previous is not None else None
        blocks = self.blocks()
        if self.latest is None and len(blocks) > PREVIEW_OVER_LINES:
            self._preview(blocks[:PREVIEW_LINES])
        worker = ReviewWorker(
            self.reviewer,
            self.session,
            self.original,
            blocks,
            self.key(),
            self.generation,
            previous,
            table,
        )
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        worker.signals.progress.connect(self._progress)
        QThreadPool.globalInstance().start(worker)

    def _preview(self, blocks: list[str]) -> None:
        worker = PreviewWorker(self.reviewer, self.original, blocks, self.generation)
        worker.signals.finished.connect(self._previewed)
        QThreadPool.globalInstance().start(worker)

    def _previewed(self, generation: int, lines: FindingLines | None) -> None:
        # Not once the whole draft is reviewed, nor for a text edited since.
        if lines is not None and self.latest is None and generation == self.generation:
            self.previewed.emit(lines)

    def _progress(self, generation: int, percent: int) -> None:
        if generation == self.generation and self.running:
            self.state.emit(f"analysing… {percent} %")

    def _failed(self, generation: int, message: str) -> None:
        self.running = False
        self.state.emit("analysis failed: " + message.splitlines()[0])

    def _finished(self, generation: int, reviewed: Reviewed, seconds: float) -> None:
        self.running = False
        if generation != self.generation:
            self.start()  # the text moved on while this ran: review the newest text
            return
        review = reviewed.review
        self.latest, self.latest_reviewed = review, reviewed
        self.latest_generation = generation
        self.reviewed.emit(review)
        self.state.emit(f"up to date ({seconds * 1000:.0f} ms)")
        self.start_grammar()

    # -- grammar

    def start_grammar(self, again: bool = False) -> None:
        """Send the paragraphs LanguageTool has not seen to it, in the pool.

        Once per version of the text, unless `again` (the checker or the
        dictionary changed): a server that is down is not asked in a loop.
        """
        checker = self.reviewer.grammar
        latest = self.latest
        if checker is None or latest is None or self.grammar_running:
            return
        if self.grammar_tried == self.generation and not again:
            return
        paragraphs = latest.document.paragraphs
        if not checker.missing(paragraphs) and checker.status.available and not again:
            return
        self.grammar_running = True
        self.grammar_tried = self.generation
        worker = GrammarWorker(checker, paragraphs, latest.analysis.roles, self.generation)
        worker.signals.finished.connect(self._grammar_done)
        QThreadPool.globalInstance().start(worker)

    def _grammar_done(self, generation: int) -> None:
        self.grammar_running = False
        checker = self.reviewer.grammar
        if checker is not None:
            self.grammar_state.emit(checker.status)
        if generation == self.generation:
            self.start()  # the same text, now with what LanguageTool said
        elif not self.running and not self.debounce.isActive():
            self.start_grammar()  # the text changed meanwhile: its new paragraphs are due

    def refresh_grammar(self) -> None:
        """Show grammar findings again after the checker or the dictionary changed."""
        if self.latest is not None:
            self.start()
            self.start_grammar(again=True)
