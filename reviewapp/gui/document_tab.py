"""One open draft: the editor with highlights, the findings panel, and its analysis."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core import Analyzer, Document, IncrementalAnalysis
from ..core.analysis import AnalysisResult
from ..core.categories import CATEGORIES
from ..core.findings import Finding
from ..core.gate import GateResult, document_key
from ..core.grammar import GrammarChecker, with_grammar
from ..core.store import Resolution
from .findings_model import FINDING_ROLE, FindingsFilter, FindingsModel
from .highlighter import FindingHighlighter, claim_format
from .offsets import LineMap
from .palette import LABELS, category_color
from .worker import AnalysisWorker, GrammarWorker

DEBOUNCE_MS = 250  # re-analyse after this pause in typing
REPAINT_SLICE = 150  # lines repainted per event-loop turn: about 12 ms
CLAIM_MARGIN_LINES = 60  # claims underlined this far beyond the screen
FIRST_PAINT_MS = 30  # a new tab's text is painted before its first analysis starts


class DocumentTab(QWidget):
    """Editor and findings of one draft. Analysis runs in the thread pool, never here."""

    analysis_state = Signal(str)  # "analysing…", "up to date", "failed: …"
    analysed = Signal(object)  # AnalysisResult, once applied
    grammar_state = Signal(object)  # GrammarStatus, after each grammar pass
    word_accepted = Signal(str)  # "Add to dictionary" in the context menu

    def __init__(
        self, document: Document, analyzer: Analyzer, resolutions: dict[str, Resolution], dark: bool = False
    ) -> None:
        super().__init__()
        self.path: Path | None = document.path
        self.format = document.format
        self.metadata = document.metadata
        self.session = IncrementalAnalysis(analyzer)
        self.result: AnalysisResult | None = None
        self.resolutions = dict(resolutions)
        self.generation = 0  # bumped on every edit
        self.running = False  # an analysis of this draft is under way
        self.grammar: GrammarChecker | None = None  # set by the window when grammar is on
        self.grammar_running = False
        self.base: AnalysisResult | None = None  # the last analysis, before grammar is merged in
        self.line_map = LineMap(document.text)
        # A pasted draft keeps the name it was first recorded under while it is edited.
        self.pasted_key = None if document.path else document_key(None, document.sha256)
        self.gate: GateResult | None = None  # set by the window after each analysis

        self.editor = QPlainTextEdit()
        self.editor.setObjectName("editor")
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont()
        font.setPointSize(12)
        self.editor.setFont(font)
        self.editor.setPlainText(document.text)
        self.editor.document().setModified(False)
        self.editor.viewport().installEventFilter(self)
        self.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor.customContextMenuRequested.connect(self._context_menu)
        self.editor.viewport().setMouseTracking(True)
        self.highlighter = FindingHighlighter(self.editor.document())
        self.highlighter.dark = dark
        self.highlighter.resolved = set(self.resolutions)

        self.model = FindingsModel()
        self.filter = FindingsFilter()
        self.filter.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("findings")
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Fixed starting widths: ResizeToContents would query every row on every update.
        for column, width in enumerate((80, 140, 380, 0, 90)):
            if width:
                self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self.jump_to_index)  # Enter or double click
        self.table.clicked.connect(self.jump_to_index)

        self.category_boxes: dict[str, QCheckBox] = {}
        legend = QHBoxLayout()
        legend.setSpacing(10)
        for category in CATEGORIES:
            box = QCheckBox(LABELS[category])
            box.setChecked(True)
            box.setObjectName(f"filter-{category}")
            color = category_color(category, dark).name()
            box.setStyleSheet(
                f"QCheckBox::indicator:checked {{ background: {color}; border: 1px solid {color}; }}"
            )
            box.toggled.connect(self._apply_filter)
            self.category_boxes[category] = box
            legend.addWidget(box)
        legend.addStretch(1)
        self.severity_box = QComboBox()
        self.severity_box.setObjectName("min-severity")
        self.severity_box.addItems(["suggestion", "warning", "error"])
        self.severity_box.currentTextChanged.connect(self._apply_filter)
        self.resolved_box = QCheckBox("Show resolved")
        self.resolved_box.setChecked(True)
        self.resolved_box.toggled.connect(self._apply_filter)
        controls = QHBoxLayout()
        controls.addWidget(QLabel("At least:"))
        controls.addWidget(self.severity_box)
        controls.addWidget(self.resolved_box)
        controls.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        controls.addWidget(self.summary)

        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addLayout(legend)
        panel_layout.addLayout(controls)
        panel_layout.addWidget(self.table)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.editor)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.start_analysis)
        self.editor.document().contentsChange.connect(self._edited)

        # A big first result is painted in slices between events (visible lines first), and
        # claims are underlined only around what is on screen: the window never stalls.
        self.unpainted: set[int] = set()
        self.repaint_timer = QTimer(self)
        self.repaint_timer.setSingleShot(True)
        self.repaint_timer.setInterval(0)
        self.repaint_timer.timeout.connect(self._repaint_slice)
        self.claims_timer = QTimer(self)
        self.claims_timer.setSingleShot(True)
        self.claims_timer.setInterval(30)
        self.claims_timer.timeout.connect(self._show_claims)
        self.editor.verticalScrollBar().valueChanged.connect(lambda _v: self.claims_timer.start())
        self.editor.verticalScrollBar().rangeChanged.connect(lambda _a, _b: self.claims_timer.start())

    # -- identity

    @property
    def text(self) -> str:
        return self.editor.toPlainText()

    @property
    def key(self) -> str:
        """How the review database names this draft."""
        return document_key(self.path, "") if self.path else str(self.pasted_key)

    @property
    def up_to_date(self) -> bool:
        """The last analysis is of the text in the editor now."""
        return (
            self.result is not None
            and not self.running
            and not self.debounce.isActive()
            and self.result.document.text == self.text
        )

    @property
    def title(self) -> str:
        name = self.path.name if self.path else "Untitled draft"
        return name + (" •" if self.editor.document().isModified() else "")

    # -- analysis

    def _edited(self, _position: int = 0, removed: int = 0, added: int = 0) -> None:
        if removed == 0 and added == 0:
            return  # a highlighter re-formatting a block, not an edit
        self.generation += 1
        self.debounce.start()
        self.analysis_state.emit("editing…")

    def start_analysis_soon(self) -> None:
        """Analyse a newly opened draft once its text is on screen.

        A worker started at once competes with the first paint for Python's
        global lock (the highlighter is Python), and the window stalls for
        tens of milliseconds more on a long draft.
        """
        QTimer.singleShot(FIRST_PAINT_MS, self, self.start_analysis)  # not called once the tab is gone

    def start_analysis(self) -> None:
        if self.running:  # one at a time per draft: the session is not shared between threads
            self.debounce.start()
            return
        self.running = True
        self.analysis_state.emit("analysing…")
        worker = AnalysisWorker(
            self.session, self.text, self.generation, self.path, self.format, self.metadata
        )
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        QThreadPool.globalInstance().start(worker)

    def _failed(self, generation: int, message: str) -> None:
        self.running = False
        self.analysis_state.emit("analysis failed: " + message.splitlines()[0])

    def _finished(self, generation: int, result: AnalysisResult, seconds: float) -> None:
        self.running = False
        if generation != self.generation:
            self.start_analysis()  # the text moved on while this ran: analyse the newest text
            return
        self.base = result
        self.apply(self._with_cached_grammar(result))
        self.analysis_state.emit(f"up to date ({seconds * 1000:.0f} ms)")
        self.start_grammar()

    # -- grammar

    def _with_cached_grammar(self, result: AnalysisResult) -> AnalysisResult:
        """Grammar findings already known for these paragraphs (no request): no flicker on edits."""
        if self.grammar is None:
            return result
        return with_grammar(result, self.grammar.cached(result.document.paragraphs, result.roles))

    def start_grammar(self) -> None:
        """Send the paragraphs LanguageTool has not seen to it, in the pool."""
        base = self.base
        if self.grammar is None or base is None or self.grammar_running:
            return
        paragraphs = base.document.paragraphs
        if not self.grammar.missing(paragraphs) and self.grammar.status.available:
            return
        self.grammar_running = True
        worker = GrammarWorker(self.grammar, paragraphs, base.roles, self.generation)
        worker.signals.finished.connect(self._grammar_done)
        QThreadPool.globalInstance().start(worker)

    def _grammar_done(self, generation: int) -> None:
        self.grammar_running = False
        if self.grammar is not None:
            self.grammar_state.emit(self.grammar.status)
        if generation == self.generation and self.base is not None and self.up_to_date:
            self.apply(self._with_cached_grammar(self.base))
        elif self.base is not None and not self.running and self.grammar and self.grammar.status.available:
            self.start_grammar()  # the text changed meanwhile: its new paragraphs are due

    def refresh_grammar(self) -> None:
        """Show grammar findings again after the checker or the dictionary changed."""
        if self.base is not None:
            self.apply(self._with_cached_grammar(self.base))
            self.start_grammar()

    def context_actions(self, position: int) -> list[QAction]:
        """One-click fixes for the grammar finding at a UTF-16 position, and "Add to dictionary"."""
        hits = self.findings_at(self.line_map.from_utf16(position))
        finding = next((f for f in hits if f.category == "grammar"), None)
        if finding is None:
            return []
        actions = []
        for replacement in finding.replacements:
            action = QAction(f"Replace with “{replacement}”", self)
            action.triggered.connect(lambda _=False, f=finding, r=replacement: self.replace(f, r))
            actions.append(action)
        if finding.text and " " not in finding.text.strip():
            action = QAction(f"Add “{finding.text}” to Dictionary", self)
            action.triggered.connect(lambda _=False, w=finding.text: self.word_accepted.emit(w))
            actions.append(action)
        return actions

    def replace(self, finding: Finding, replacement: str) -> bool:
        """Put a replacement in place of a finding's words, as one undoable edit."""
        start, end = self.line_map.to_utf16(finding.start), self.line_map.to_utf16(finding.end)
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != finding.text:
            return False  # the text moved on since this finding was made
        cursor.insertText(replacement)
        return True

    def _context_menu(self, point) -> None:
        menu = self.editor.createStandardContextMenu(point)
        actions = self.context_actions(self.editor.cursorForPosition(point).position())
        if actions:
            if menu.actions():
                first = menu.actions()[0]
                menu.insertActions(first, actions)
                menu.insertSeparator(first)
            else:
                menu.addActions(actions)
        menu.exec(self.editor.viewport().mapToGlobal(point))
        menu.deleteLater()

    def apply(self, result: AnalysisResult) -> None:
        old = self.highlighter.by_line
        self.result = result
        self.line_map = LineMap(result.document.text)
        by_line: dict[int, list[tuple[int, int, Finding]]] = {}
        starts = self.line_map.line_starts
        for finding in result.findings:
            lines = self.line_map.lines_of(finding.start, finding.end)
            last = lines[-1]
            for line in lines:
                begin = max(finding.start, starts[line]) - starts[line]
                end = (finding.end - starts[line]) if line == last else len(result.document.text)
                by_line.setdefault(line, []).append((begin, max(begin, end), finding))
        # Compare what a line shows, not the findings' absolute offsets: an edit shifts
        # every later finding, but only the lines whose highlights differ need repainting.
        changed = {
            line for line in set(old) | set(by_line) if _shown(old.get(line)) != _shown(by_line.get(line))
        }
        self.highlighter.by_line = by_line
        self.unpainted |= changed
        self._repaint_slice()
        self._show_claims()
        self.model.set_findings(result.findings, self.resolutions)
        self._update_summary()
        self.analysed.emit(result)

    def visible_lines(self, margin: int = 0) -> range:
        """Block numbers on screen, widened by `margin` blocks each way."""
        first = self.editor.firstVisibleBlock().blockNumber()
        corner = self.editor.viewport().rect().bottomRight()
        last = self.editor.cursorForPosition(corner).blockNumber()
        return range(max(0, first - margin), last + margin + 1)

    def _repaint_slice(self) -> None:
        """Repaint up to REPAINT_SLICE changed lines, those on screen first; schedule the rest."""
        if not self.unpainted:
            return
        visible = self.visible_lines(margin=10)
        now = [line for line in visible if line in self.unpainted]
        if len(now) < REPAINT_SLICE:
            rest = sorted(self.unpainted.difference(now))
            now += rest[: REPAINT_SLICE - len(now)]
        self.unpainted.difference_update(now)
        self.highlighter.set_findings(self.highlighter.by_line, now)
        if self.unpainted:
            self.repaint_timer.start()

    def _show_claims(self) -> None:
        """Underline the claims near the screen with extra selections (thousands at once cost
        a visible pause); they are redrawn on scrolling. Their cursors follow edits."""
        if self.result is None or "claim" in self.highlighter.hidden_categories:
            self.editor.setExtraSelections([])
            return
        document = self.editor.document()
        lines = self.visible_lines(margin=CLAIM_MARGIN_LINES)
        starts = self.line_map.line_starts
        low = starts[min(lines.start, len(starts) - 1)]
        high = starts[lines.stop] if lines.stop < len(starts) else len(self.result.document.text)
        selections = []
        for finding in self.result.findings:
            if finding.category != "claim" or finding.end < low or finding.start > high:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(self.line_map.to_utf16(finding.start))
            cursor.setPosition(self.line_map.to_utf16(finding.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = claim_format(self.highlighter.dark, finding.id in self.resolutions)
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def claim_selections(self) -> list[tuple[int, int]]:
        """(start, end) in UTF-16 positions of the claim underlines shown."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.editor.extraSelections()]

    # -- findings panel

    def _apply_filter(self) -> None:
        categories = {c for c, box in self.category_boxes.items() if box.isChecked()}
        self.filter.set_filter(categories, self.severity_box.currentText(), self.resolved_box.isChecked())
        hidden = set(CATEGORIES) - categories
        if hidden != self.highlighter.hidden_categories:
            self.highlighter.hidden_categories = hidden
            self.highlighter.rehighlight()
            self._show_claims()

    def _update_summary(self) -> None:
        findings = self.result.findings if self.result else []
        counts = {c: 0 for c in CATEGORIES}
        for f in findings:
            counts[f.category] += 1
        for category, box in self.category_boxes.items():
            box.setText(f"{LABELS[category]} ({counts[category]})")
        self.summary.setText(f"{self.open_count()} open of {len(findings)}")

    def open_count(self) -> int:
        return sum(1 for f in (self.result.findings if self.result else []) if f.id not in self.resolutions)

    def selected_finding(self) -> Finding | None:
        index = self.table.currentIndex()
        if index.isValid():
            return index.data(FINDING_ROLE)
        return self.finding_at_cursor()

    def finding_at_cursor(self) -> Finding | None:
        position = self.line_map.from_utf16(self.editor.textCursor().position())
        return self.finding_at(position)

    def findings_at(self, index: int) -> list[Finding]:
        """Every finding covering a text index (an empty span covers the character at it)."""
        if self.result is None:
            return []
        return [f for f in self.result.findings if f.start <= index < max(f.end, f.start + 1)]

    def finding_at(self, index: int) -> Finding | None:
        hits = self.findings_at(index)
        return min(hits, key=lambda f: f.end - f.start) if hits else None  # the innermost

    def jump_to_index(self, index) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.jump_to(finding)

    def jump_to(self, finding: Finding) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(self.line_map.to_utf16(finding.start))
        cursor.setPosition(self.line_map.to_utf16(finding.end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        row = self.model.findings.index(finding) if finding in self.model.findings else -1
        if row >= 0:
            proxy_index = self.filter.mapFromSource(self.model.index(row, 0))
            if proxy_index.isValid():
                self.table.setCurrentIndex(proxy_index)

    def next_open(self, backwards: bool = False) -> Finding | None:
        """The next (or previous) open finding from the cursor, wrapping around."""
        if self.result is None:
            return None
        shown = [
            self.filter.mapToSource(self.filter.index(r, 0)).row() for r in range(self.filter.rowCount())
        ]
        candidates = sorted(
            (self.model.findings[r] for r in shown if self.model.findings[r].id not in self.resolutions),
            key=lambda f: (f.start, f.end),
        )
        if not candidates:
            return None
        cursor = self.editor.textCursor()
        here = self.line_map.from_utf16(cursor.selectionStart() if backwards else cursor.selectionEnd())
        if backwards:
            before = [f for f in candidates if f.start < here]
            target = before[-1] if before else candidates[-1]
        else:
            selection_start = self.line_map.from_utf16(cursor.selectionStart())
            after = [
                f
                for f in candidates
                if f.start > selection_start or (f.start == selection_start and f.end > here)
            ]
            after = [f for f in after if (f.start, f.end) != (selection_start, here)]
            target = after[0] if after else candidates[0]
        self.jump_to(target)
        return target

    def add_resolution(self, resolution: Resolution) -> None:
        self.resolutions[resolution.finding_id] = resolution
        self.model.set_resolution(resolution)
        self.highlighter.resolved = set(self.resolutions)
        finding = (
            next((f for f in self.result.findings if f.id == resolution.finding_id), None)
            if self.result
            else None
        )
        if finding is not None:  # only its lines: a whole rehighlight of a long draft stalls
            self.highlighter.set_findings(
                self.highlighter.by_line, self.line_map.lines_of(finding.start, finding.end)
            )
        self._show_claims()
        self._update_summary()

    def set_dark(self, dark: bool) -> None:
        self.highlighter.dark = dark
        self.highlighter.rehighlight()
        self._show_claims()

    # -- hover

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor.viewport() and event.type() == QEvent.Type.ToolTip:
            cursor = self.editor.cursorForPosition(event.pos())  # type: ignore[attr-defined]
            finding = self.finding_at(self.line_map.from_utf16(cursor.position()))
            if finding is not None:
                # Rich text: everything from the draft is escaped.
                text = f"<b>{LABELS[finding.category]}</b> ({finding.severity})<br>{escape(finding.message)}"
                if finding.suggestion:
                    text += f"<br><i>{escape(finding.suggestion)}</i>"
                if finding.id in self.resolutions:
                    r = self.resolutions[finding.id]
                    text += f"<br>Resolved: {r.status.replace('_', ' ')} by {escape(r.person)}"
                QToolTip.showText(event.globalPos(), text, self.editor)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)


def _shown(entries: list[tuple[int, int, Finding]] | None) -> list[tuple[int, int, str, str]]:
    return [(begin, end, f.id, f.severity) for begin, end, f in entries or ()]
