"""One open draft: the editor with the finding card beside it, the findings panel below,
reviewed in the background."""

from __future__ import annotations

from operator import attrgetter
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ...core.diffing import text_edit
from ...core.document import Document
from ...core.encoding import FileEncoding
from ...core.errors import ReviewAppError
from ...core.findings import Finding
from ...core.fixes import Fix, fixes_for
from ...core.intake import read_notes
from ...core.loaders import load_text
from ...core.review import Review, Reviewer
from ...core.shown import display_path
from ...core.store import Resolution, ReviewStore, draft_key
from .disk_banner import DiskBanner
from .editor import TEXT_SIZE, ReviewEditor
from .editor_text import EditorText
from .find_bar import FindBar
from .finding_card import FindingCard
from .finding_lines import FindingLines
from .findings_model import FINDING_ROLE
from .findings_panel import FindingsPanel
from .resolutions import DraftResolutions
from .scheduler import AnalysisScheduler


class DocumentTab(QWidget):
    """Editor and findings of one draft, and its latest review judged against the record."""

    reviewed = Signal(object)  # Review, judged, once shown
    state = Signal(str)  # what the analysis is doing, for the status bar
    record_problem = Signal(str)  # the review record could not be read

    def __init__(
        self,
        document: Document,
        reviewer: Reviewer,
        store: ReviewStore,
        dark: bool = False,
        text_size: int = TEXT_SIZE,
    ) -> None:
        super().__init__()
        self.path: Path | None = document.path
        self.format = document.format
        self.encoding: FileEncoding | None = document.encoding  # how to write the file back
        self.disk_sha: str | None = document.file_sha256  # the file as this tab last read or wrote it
        self.reviewer = reviewer
        self.store = store
        # A pasted draft keeps the name it was first recorded under while it is edited.
        self.pasted_key = None if document.path else draft_key(None, document.sha256)
        self.review: Review | None = None  # the latest review, judged against the record
        self.advance_pending = False  # after a fix: go to the next open finding once re-reviewed

        # Empty until the first review is judged against the record (reading it here as well
        # verified the record twice, and kept the window waiting while a draft opened).
        self.resolutions = DraftResolutions()
        self.editor = ReviewEditor(document.text, self.resolutions, dark, text_size)
        self.panel = FindingsPanel(self.resolutions, dark)
        self.card = FindingCard(dark)
        self.find_bar = FindBar(self.editor)
        self.banner = DiskBanner()
        self.panel.activated.connect(self.jump_to)
        self.panel.hidden_changed.connect(self.editor.set_hidden_categories)
        self.panel.table.selectionModel().currentChanged.connect(
            lambda current, _previous: self.show_card(current.data(FINDING_ROLE))
        )
        self.editor.cursorPositionChanged.connect(lambda: self.show_card(self.finding_at_cursor()))
        self.card.next_requested.connect(lambda: self.next_open())
        # The text kept block by block, for the reviews to take (see editor_text.py).
        self.plain = EditorText(self.editor.document(), document.text)
        self.scheduler = AnalysisScheduler(reviewer, document, self.plain.snapshot, lambda: self.key, self)
        self.scheduler.reviewed.connect(self._show)
        self.scheduler.previewed.connect(self._preview)
        self.scheduler.table = self.panel.model.snapshot
        self.scheduler.state.connect(self.state)
        self.editor.document().contentsChange.connect(self._edited)

        text_column = QWidget()
        column = QVBoxLayout(text_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.editor)
        column.addWidget(self.find_bar)
        beside = QSplitter(Qt.Orientation.Horizontal)
        beside.setObjectName("text-and-card")
        beside.addWidget(text_column)
        beside.addWidget(self.card)
        beside.setStretchFactor(0, 4)
        beside.setStretchFactor(1, 1)
        beside.setCollapsible(0, False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("text-and-findings")
        splitter.addWidget(beside)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitters = [beside, splitter]  # kept between sessions by the window (window_state.py)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        # How the file was read (its encoding guessed, tracked changes taken as accepted) and why
        # its lines are not wrapped or cannot be typed in (text_layout.py): there while the draft
        # is open, not a status message that goes before anyone reads it.
        self.read_notes = read_notes(document)
        self.layout_note = QLabel()
        self.layout_note.setObjectName("layout-note")
        self.layout_note.setWordWrap(True)
        self.layout_note.setContentsMargins(6, 3, 6, 3)
        self.layout_note.setAccessibleName("How the draft was read")
        self.editor.layout_noted.connect(self._show_notes)
        self._show_notes()
        layout.addWidget(self.layout_note)
        layout.addWidget(splitter)

    def _show_notes(self) -> None:
        notes = (*self.read_notes, *self.editor.layout_notes)
        self.layout_note.setText(" ".join(notes))
        self.layout_note.setVisible(bool(notes))

    # -- identity

    @property
    def text(self) -> str:
        return self.plain.text()

    @property
    def key(self) -> str:
        """How the review record names this draft."""
        return draft_key(self.path, "") if self.path else str(self.pasted_key)

    @property
    def title(self) -> str:
        name = (
            display_path(self.path.name) if self.path else "Untitled draft"
        )  # no line breaks, no bidi tricks
        return name + (" •" if self.editor.document().isModified() else "")

    @property
    def up_to_date(self) -> bool:
        """The latest review is of the text in the editor now."""
        return self.review is not None and self.scheduler.up_to_date()

    def replace_text(self, document: Document) -> None:
        """The text read again from disk, as one undoable edit; the file is what the tab now holds."""
        self._put_whole_text(document.text)
        self.encoding = document.encoding
        self.disk_sha = document.file_sha256
        self.editor.document().setModified(False)
        self.read_notes = read_notes(document)
        self._show_notes()

    def restore_text(self, text: str) -> None:
        """Unsaved changes recovered after a crash, as one undoable edit (the file holds what it
        did until the draft is saved)."""
        self._put_whole_text(text)
        self.editor.document().setModified(True)  # even if it is the file's text: kept on purpose

    def _put_whole_text(self, text: str) -> None:
        """`text` in place of the editor's, as one edit that Ctrl+Z undoes."""
        self.editor.make_room_for(text)
        cursor = QTextCursor(self.editor.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)

    def saved_as(self, path: Path) -> None:
        """The draft now lives at `path`: what it declares is what that file holds."""
        self.path = path
        self.format = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
        self.scheduler.original = load_text(self.text, path, self.format)
        # What the new file says of itself: nothing of the old one's encoding or tracked changes,
        # still that it is not English.
        self.read_notes = read_notes(self.scheduler.original)
        self._show_notes()

    # -- reviewing

    def _edited(self, _position: int = 0, removed: int = 0, added: int = 0) -> None:
        if removed or added:  # not a highlighter re-formatting a block
            self.scheduler.edited()

    def _preview(self, lines: FindingLines) -> None:
        """A long draft's first lines highlighted while the whole is analysed (nothing to act on
        yet: the card, the table and the verdict wait for the review)."""
        if self.review is None:
            self.editor.show_findings(lines)

    def _show(self, review: Review) -> None:
        before = self.review
        # Worked out by the review worker, off this thread; made here for a review from elsewhere.
        ready = self.scheduler.latest_reviewed if review is self.scheduler.latest else None
        if before is None:
            edit = None
        elif ready is not None and ready.since is before.document:
            edit = ready.edit
        else:
            edit = text_edit(before.document.text, review.document.text)
        lines = ready.lines if ready is not None else FindingLines.of(review)
        self.editor.show_findings(lines, edit)
        change = review.analysis.change if before is not None else None
        self.panel.set_findings(lines.findings, edit, change, ready.rows if ready is not None else None)
        self.judge(review)
        if self.advance_pending:
            self.advance_pending = False
            self.next_open()
        else:
            self.show_card(self.finding_at_cursor())

    def judge(self, review: Review | None = None) -> None:
        """The gate's verdict for the latest review, from the record as it stands now."""
        review = review or self.review
        if review is None:
            return
        try:
            self.review = self.reviewer.judge(review, self.store)
        except ReviewAppError as exc:
            self.review = review
            self.record_problem.emit(str(exc))
        else:
            assert self.review.gate is not None
            self.resolutions.replace_all({**allowed_resolutions(self.review), **self.review.gate.resolutions})
        self.reviewed.emit(self.review)

    # -- findings

    def selected_finding(self) -> Finding | None:
        """The finding chosen in the table, else the one at the cursor."""
        return self.panel.current() or self.finding_at_cursor()

    def finding_at_cursor(self) -> Finding | None:
        # A preview's highlight is not yet a finding to act on.
        return self.editor.finding_at_cursor() if self.review is not None else None

    def jump_to(self, finding: Finding) -> None:
        self.editor.select(finding)
        self.panel.select(finding)
        self.show_card(finding)

    def fixes(self, finding: Finding) -> list[Fix]:
        """The one-click fixes for a finding of the text as analysed (none once it was edited)."""
        if not self.up_to_date or self.review is None:
            return []
        rule = self.reviewer.rule(finding.rule)
        return fixes_for(finding, self.review.document.text, rule.fix if rule else None)

    def show_card(self, finding: Finding | None) -> None:
        if finding is None:
            # A preview's highlights show while the draft is analysed: nothing to open yet.
            self.card.show_finding(None, analysing=self.review is None and bool(self.editor.findings))
            return
        rule = self.reviewer.rule(finding.rule)
        self.card.show_finding(
            finding, self.fixes(finding), rule, self.resolutions.get(finding.id), self.allow_list_problem()
        )

    def allow_list_problem(self) -> str | None:
        """Why this draft's terms cannot go on the house allow-list, or None if they can."""
        if self.reviewer.policy.allow_list is None:
            return "The house policy names no allow-list file ([rules] allow_list)"
        return None

    def apply_fix(self, fix: Fix) -> bool:
        """A fix (of the text as analysed) as one undoable edit; then on to the next open finding,
        once the text is reviewed again. False if the text changed since."""
        if not self.up_to_date or self.review is None:
            return False
        if not self.editor.apply(fix, self.review.document.text[fix.start : fix.end]):
            return False
        self.advance_pending = True
        return True

    def apply_fixes(self, fixes: list[Fix]) -> bool:
        """Fixes (of the text as analysed, in reading order, not overlapping) as one undoable
        edit. False, with nothing changed, if the text changed since."""
        if not self.up_to_date or self.review is None:
            return False
        text = self.review.document.text
        return self.editor.apply_all(fixes, [text[fix.start : fix.end] for fix in fixes])

    def open_count(self) -> int:
        return self.panel.open_count()

    def next_open(self, backwards: bool = False) -> Finding | None:
        """The next (or previous) open finding that the filters show, from the cursor, wrapping around."""
        resolutions = self.resolutions
        candidates = [f for f in self.panel.shown_findings() if f.id not in resolutions]
        if not candidates:
            return None
        start, end = self.editor.selection_span()
        # The nearest in reading order, found in one pass (sorting every row took 0.2 s of a key
        # press in a draft with 293,000 findings); of findings on one span, the first row going
        # forwards and the last going backwards.
        if backwards:
            before = [f for f in candidates if f.start < start] or candidates
            target = max(reversed(before), key=_SPAN)
        else:
            after = [f for f in candidates if (f.start > start or f.end > end) and f.start >= start]
            target = min(after or candidates, key=_SPAN)
        self.jump_to(target)
        return target

    def set_dark(self, dark: bool) -> None:
        self.editor.set_dark(dark)
        self.panel.set_dark(dark)
        self.card.set_dark(dark)


_SPAN = attrgetter("start", "end")


def allowed_resolutions(review: Review) -> dict[str, Resolution]:
    """The house allow-list's findings, shown as settled (they count for nothing either way)."""
    return {
        f.id: Resolution(f.id, "allowed", None, None, "the house allow-list", "", review.draft.sha256)
        for f in review.allowed
    }
