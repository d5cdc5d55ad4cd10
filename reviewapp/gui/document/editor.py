"""The draft's text with its findings drawn on it: highlights, underlines, hover and fixes.

Findings carry Python string indices; every conversion to Qt's UTF-16
positions happens through `LineMap` here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent, QResizeEvent, QShowEvent, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from ...core.categories import CATEGORIES, CATEGORY, LABELS
from ...core.diffing import TextEdit
from ...core.findings import Finding
from ...core.fixes import Fix
from ..mnemonics import literal
from .finding_lines import FindingLines, PaintedLines
from .highlighter import FindingHighlighter, underline_format
from .offsets import LineMap
from .resolutions import DraftResolutions
from .text_layout import SPACE_RUN_LIMIT, USUAL, Layout, layout_for

PAINT_MARGIN_LINES = 30  # lines painted beyond the screen, so a small scroll shows them ready
UNDERLINE_MARGIN_LINES = 60  # claims underlined this far beyond the screen
PASTED_SPACES = (
    f"Lines are not wrapped in this draft: the text put in holds {SPACE_RUN_LIMIT:,} spaces or more "
    "in a row, more than the editor can wrap."
)
TEXT_SIZE = 12  # points: the draft's text unless the editor chose another size (View menu)
UNDERLINED = frozenset(c for c in CATEGORIES if CATEGORY[c].mark == "underline")


class ReviewEditor(QPlainTextEdit):
    """A plain-text editor that shows findings; edits are reported, not analysed, here."""

    word_accepted = Signal(str)  # "Add to dictionary" in the context menu
    layout_noted = Signal()  # layout_notes has a new note (text pasted that cannot be wrapped)
    zoom_requested = Signal(int)  # Ctrl+wheel: larger (> 0) or smaller text, in every draft

    def __init__(
        self, text: str, resolutions: DraftResolutions, dark: bool = False, text_size: int = TEXT_SIZE
    ) -> None:
        super().__init__()
        self.setObjectName("editor")
        # What a screen reader says of it (a plain-text editor has no label of its own).
        self.setAccessibleName("Draft text")
        self.setAccessibleDescription("The draft, with what needs a decision highlighted")
        line_map = LineMap(text)
        layout = layout_for(text, line_map.line_starts)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._wrap_as(layout)
        if not layout.typing:
            self.setReadOnly(True)  # the commands (fixes, replace) still edit it, once each
            self.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        self.layout_notes = layout.notes  # why lines are not wrapped, or typing is off
        self.set_text_size(text_size)  # before the text: it is laid out once, at this size
        self.setPlainText(text)
        self.document().setModified(False)
        self.resolutions = resolutions
        # The window's commands for a finding (fix, resolve, ignore...), for the context menu.
        self.finding_actions: Callable[[Finding], list[QAction]] | None = None
        self.highlighter = FindingHighlighter(self.document(), resolutions)
        self.highlighter.lines = FindingLines([], line_map)  # no findings yet, the text's lines
        self.highlighter.dark = dark
        self.viewport().installEventFilter(self)
        self.viewport().setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        resolutions.changed.connect(self._resolutions_changed)

        # Findings are painted on the lines on screen (and a margin), and on others as they
        # come into view; claims are underlined the same way. So a long draft's result, or a
        # draft in another tab, never holds up typing: only what can be seen is drawn.
        self.painted = PaintedLines()
        self.underline_timer = QTimer(self)
        self.underline_timer.setSingleShot(True)
        self.underline_timer.setInterval(30)
        self.underline_timer.timeout.connect(self._show_underlines)
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(lambda _v: self._scrolled())
        bar.rangeChanged.connect(lambda _a, _b: self._scrolled())

    def set_text_size(self, points: int) -> None:
        font = QFont(self.font())
        font.setPointSize(points)
        self.setFont(font)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel sizes the text of every draft, as the View menu does (Qt's own zoom would
        size this editor alone, and only when it is read-only)."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() // 120
            if steps:
                self.zoom_requested.emit(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """An Alt chord that no menu or command took is not typed: Qt's editors would put the
        letter into the draft (Alt+X typed "x"), where a desktop editor does nothing."""
        if is_command_chord(event):
            event.ignore()
            return
        super().keyPressEvent(event)

    def _wrap_as(self, layout: Layout) -> None:
        if layout.wrap is None:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        elif self.wordWrapMode() == USUAL:  # a draft wrapped at word boundaries only stays so
            self.setWordWrapMode(layout.wrap)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasted or dropped text wraps as it can be laid out, as a draft opened with it would."""
        if source.hasText():
            self.make_room_for(source.text())
        super().insertFromMimeData(source)

    def make_room_for(self, text: str) -> None:
        """Wrap as `text`, about to be put in, can be laid out (its lines are typed in or not as
        the draft's were: `typing` is decided when the draft opens)."""
        layout = layout_for(text)
        self._wrap_as(layout)
        if layout.wrap is None and PASTED_SPACES not in self.layout_notes:
            self.layout_notes = (*self.layout_notes, PASTED_SPACES)
            self.layout_noted.emit()

    # -- findings

    @property
    def findings(self) -> list[Finding]:
        """The findings shown: those of the latest analysis."""
        return self.highlighter.lines.findings

    @property
    def line_map(self) -> LineMap:
        """The lines of the text the findings shown were found in (its conversions to Qt's)."""
        return self.highlighter.lines.line_map

    def show_findings(self, lines: FindingLines, edit: TextEdit | None = None) -> None:
        """Draw the findings of an analysis (by line, of the editor's text when it was taken);
        `edit`: how the text analysed before became this one (None: a text not analysed before).

        Lines on screen are painted at once where they show something else now, the rest as
        they come into view."""
        self.highlighter.lines = lines
        self.painted.update(self.highlighter.lines, edit)
        self._paint_visible()
        self._show_underlines()

    def set_hidden_categories(self, hidden: set[str]) -> None:
        if hidden != self.highlighter.hidden_categories:
            self.highlighter.hidden_categories = hidden
            self._paint_again()

    def set_dark(self, dark: bool) -> None:
        self.highlighter.dark = dark
        self._paint_again()

    def _paint_again(self) -> None:
        """Every line with findings in the new colours: those on screen now, the rest on sight
        (a whole rehighlight of a long draft stalls)."""
        self.painted.forget()
        self._paint_visible()
        self._show_underlines()

    def _resolutions_changed(self, ids: set[str]) -> None:
        lines = {
            line for f in self.findings if f.id in ids for line in self.line_map.lines_of(f.start, f.end)
        }
        # Only those lines: a whole rehighlight of a long draft stalls.
        self.highlighter.repaint(lines)
        self.painted.mark_painted(lines)
        self._show_underlines()

    def visible_lines(self, margin: int = 0) -> range:
        """Block numbers on screen, widened by `margin` blocks each way."""
        first = self.firstVisibleBlock().blockNumber()
        corner = self.viewport().rect().bottomRight()
        last = self.cursorForPosition(corner).blockNumber()
        return range(max(0, first - margin), last + margin + 1)

    def _paint_visible(self) -> None:
        """Paint the lines on screen (and a margin) whose findings changed since they were painted."""
        if not self.isVisible():
            return  # hidden (a draft in another tab): painted when shown
        lines = self.visible_lines(margin=PAINT_MARGIN_LINES)
        now = self.painted.to_paint(range(lines.start, min(lines.stop, len(self.line_map.line_starts))))
        if now:
            self.highlighter.repaint(now)
            self.painted.mark_painted(now)

    def _scrolled(self) -> None:
        self._paint_visible()  # now, before the viewport paints: no stale colours for a frame
        self.underline_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._scrolled()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scrolled()  # a taller window shows more lines

    def _show_underlines(self) -> None:
        """Underline the claims near the screen with extra selections (thousands at once cost
        a visible pause); they are redrawn on scrolling. Their cursors follow edits."""
        shown = UNDERLINED - self.highlighter.hidden_categories
        if not self.findings or not shown:
            self.setExtraSelections([])
            return
        lines = self.visible_lines(margin=UNDERLINE_MARGIN_LINES)
        starts = self.line_map.line_starts
        low = starts[min(lines.start, len(starts) - 1)]
        high = starts[lines.stop] if lines.stop < len(starts) else len(self.line_map.text)
        selections = []
        for finding in self.highlighter.lines.between(low, high):
            if finding.category not in shown:
                continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self.span_cursor(finding.start, finding.end)
            selection.format = underline_format(
                finding.category, self.highlighter.dark, finding.id in self.resolutions
            )
            selections.append(selection)
        self.setExtraSelections(selections)

    def underlines(self) -> list[tuple[int, int]]:
        """(start, end) in UTF-16 positions of the claim underlines shown."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.extraSelections()]

    # -- where the cursor is

    def findings_at(self, index: int) -> list[Finding]:
        """Every finding covering a text index (an empty span covers the character at it)."""
        return self.highlighter.lines.covering(index)

    def finding_at(self, index: int) -> Finding | None:
        hits = self.findings_at(index)
        return _innermost(hits) if hits else None

    def finding_at_cursor(self) -> Finding | None:
        """The innermost finding the cursor is in or right after (where a click at a word's end, or
        the end of typing or of an undo, leaves it): "powerhouse", not the sentence around it."""
        index = self.cursor_index()
        hits = self.findings_at(index)
        if index > 0:
            hits = [*hits, *self.findings_at(index - 1)]
        return _innermost(hits) if hits else None

    def cursor_index(self) -> int:
        return self.line_map.from_utf16(self.textCursor().position())

    def span_cursor(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting text[start:end] (indices of the text the findings shown were found in)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.line_map.to_utf16(start))
        cursor.setPosition(self.line_map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def select(self, finding: Finding) -> None:
        self.setTextCursor(self.span_cursor(finding.start, finding.end))
        self.centerCursor()

    def selection_span(self) -> tuple[int, int]:
        """The selection (or the cursor) as text indices."""
        cursor = self.textCursor()
        return self.line_map.from_utf16(cursor.selectionStart()), self.line_map.from_utf16(
            cursor.selectionEnd()
        )

    def apply(self, fix: Fix, expected: str) -> bool:
        """Replace text[fix.start:fix.end] (the analysed text's indices), as one undoable edit,
        if it still reads `expected`."""
        cursor = self._still_reading(fix, expected)
        if cursor is None:
            return False
        cursor.insertText(fix.replacement)
        self.setTextCursor(cursor)
        return True

    def apply_all(self, fixes: list[Fix], expected: list[str]) -> bool:
        """apply() for fixes in reading order that do not overlap, as one undoable edit, if each
        still reads as expected (else nothing is changed). From the last: a fix changes no
        position before it."""
        found = [self._still_reading(fix, words) for fix, words in zip(fixes, expected, strict=True)]
        cursors = [cursor for cursor in found if cursor is not None]
        if not cursors or len(cursors) < len(found):
            return False
        cursors[0].beginEditBlock()
        for cursor, fix in zip(reversed(cursors), reversed(fixes), strict=True):
            cursor.insertText(fix.replacement)
        cursors[0].endEditBlock()
        return True

    def _still_reading(self, fix: Fix, expected: str) -> QTextCursor | None:
        """A cursor over the fix's span, if the text there still reads `expected`; None if the text
        moved on since it was analysed."""
        cursor = self.span_cursor(fix.start, fix.end)
        return cursor if cursor.selectedText().replace("\u2029", "\n") == expected else None

    def replace(self, finding: Finding, replacement: str) -> bool:
        """Put a replacement in place of a finding's words, as one undoable edit."""
        cursor = self.span_cursor(finding.start, finding.end)
        if cursor.selectedText() != finding.text:
            return False  # the text moved on since this finding was made
        cursor.insertText(replacement)
        return True

    # -- context menu and hover

    def context_actions(self, position: int) -> list[QAction]:
        """What to do about the finding at a UTF-16 position: its fixes and decisions (from
        `finding_actions`, set by the window), and "Add to dictionary" for a spelling finding."""
        hits = self.findings_at(self.line_map.from_utf16(position))
        if not hits:
            return []
        grammar = next((f for f in hits if f.category == "grammar"), None)
        finding = grammar or _innermost(hits)
        actions: list[QAction] = []
        if self.finding_actions is not None:
            actions = self.finding_actions(finding)
        elif grammar is not None:
            for replacement in grammar.replacements:
                action = QAction(literal(f"Replace with “{replacement}”"), self)
                action.triggered.connect(lambda _=False, f=grammar, r=replacement: self.replace(f, r))
                actions.append(action)
        if grammar is not None and grammar.text and " " not in grammar.text.strip():
            action = QAction(literal(f"Add “{grammar.text}” to Dictionary"), self)
            action.triggered.connect(lambda _=False, w=grammar.text: self.word_accepted.emit(w))
            actions.append(action)
        return actions

    def _context_menu(self, point: QPoint) -> None:
        menu = self.createStandardContextMenu(point)
        actions = self.context_actions(self.cursorForPosition(point).position())
        if actions:
            if menu.actions():
                first = menu.actions()[0]
                menu.insertActions(first, actions)
                menu.insertSeparator(first)
            else:
                menu.addActions(actions)
        menu.exec(self.viewport().mapToGlobal(point))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.ToolTip:
            cursor = self.cursorForPosition(event.pos())  # type: ignore[attr-defined]
            finding = self.finding_at(self.line_map.from_utf16(cursor.position()))
            if finding is not None:
                QToolTip.showText(event.globalPos(), self.tooltip(finding), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def tooltip(self, finding: Finding) -> str:
        """Rich text: everything from the draft is escaped."""
        text = f"<b>{LABELS[finding.category]}</b> ({finding.severity})<br>{escape(finding.message)}"
        if finding.suggestion:
            text += f"<br><i>{escape(finding.suggestion)}</i>"
        resolution = self.resolutions.get(finding.id)
        if resolution is not None:
            text += f"<br>Resolved: {resolution.status.replace('_', ' ')} by {escape(resolution.person)}"
        return text


def is_command_chord(event: QKeyEvent) -> bool:
    """Alt with a letter or digit: a command on Windows and Linux, never text. Not Ctrl+Alt,
    which is how Windows reports AltGr (the "@" of a German keyboard), nor a character a
    Windows Alt code makes (Alt+0233: "é"), nor anything on macOS, where Option types
    characters ("å", "©")."""
    text = event.text()
    if sys.platform == "darwin" or not (text.isascii() and text.isalnum()):
        return False
    held = event.modifiers()
    return bool(held & Qt.KeyboardModifier.AltModifier) and not held & Qt.KeyboardModifier.ControlModifier


def _innermost(hits: list[Finding]) -> Finding:
    """Of findings over one place, the shortest: the word, not the sentence around it."""
    return min(hits, key=lambda f: f.end - f.start)
