"""The window's status bar: the current draft's approval, analysis state, counts and grammar."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QStyle, QStyleOption, QWidget

from ..core.gate import APPROVED, CHANGED, NOT_APPROVED, NOT_VERIFIED
from ..core.grammar_settings import HOW_TO_ENABLE, GrammarStatus
from .document.tab import DocumentTab
from .palette import WARNING_COLOR

# Okabe–Ito bluish green, vermillion and orange: apart for colour-blind readers, legible on dark.
APPROVAL_COLORS = {
    APPROVED: "#009E73",
    CHANGED: WARNING_COLOR,
    NOT_APPROVED: "#E69F00",
    NOT_VERIFIED: WARNING_COLOR,
}


class ReviewStatusBar(QStatusBar):
    """Permanent labels on the right; passing messages on the left."""

    compare_requested = Signal()  # the "changed since approval" link

    def __init__(self) -> None:
        super().__init__()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a report has no useful percentage
        self.progress.setMaximumWidth(120)
        self.progress.setVisible(False)
        self.approval_label = QLabel()
        self.approval_label.setObjectName("approval")
        self.approval_label.linkActivated.connect(lambda _link: self.compare_requested.emit())
        self.state_label = QLabel("No draft open")
        self.open_label = QLabel()
        self.open_label.setObjectName("progress")
        self.words_label = QLabel()
        self.grammar_label = QLabel()
        self.grammar_label.setObjectName("grammar-state")
        self._permanent: tuple[QWidget, ...] = (
            self.progress,
            self.approval_label,
            self.state_label,
            self.open_label,
            self.words_label,
            self.grammar_label,
        )
        for widget in self._permanent:
            self.addPermanentWidget(widget)
        self._last_grammar_problem: str | None = None
        # What a passing message may cover, least needed first: the approval and the progress
        # bar stay. Qt draws a message only left of the permanent labels, and cut it mid-word.
        self._yielding = (self.words_label, self.grammar_label, self.state_label, self.open_label)
        self._made_room: list[QLabel] = []
        self.messageChanged.connect(self._make_room)

    def show_tab(self, tab: DocumentTab | None) -> str | None:
        """Show a draft's state; returns its approval ("approved", ...), None with no draft."""
        if tab is None:
            for label in (self.words_label, self.open_label, self.approval_label):
                label.setText("")
            self.state_label.setText("No draft open")
            return None
        review = tab.review
        # The last analysis's count (splitting a long draft on every keystroke would stall typing);
        # before the first, the count of the draft as it was read.
        words = (review.document if review else tab.scheduler.original).words
        self.words_label.setText(f"{words:,} words")
        gate = review.gate if review else None
        if gate is not None:
            self.open_label.setText(gate.progress)
        else:  # no findings to count before the first review (the state says how far it has gone)
            self.open_label.setText(f"{tab.open_count()} open findings" if review else "")
        approval = approval_of(tab)
        color = APPROVAL_COLORS[approval]
        if approval == CHANGED and gate is not None and gate.approval == CHANGED:
            # A link to what changed since it was approved.
            self.approval_label.setText(
                f'<a href="compare" style="color: {color}">{approval.capitalize()}</a>'
                " (compare: Ctrl+Shift+C)"
            )
        else:
            self.approval_label.setText(approval.capitalize())
        style = f"color: {color}; font-weight: bold"
        if self.approval_label.styleSheet() != style:  # each key typed comes here: no restyle for nothing
            self.approval_label.setStyleSheet(style)
        self.approval_label.setToolTip("\n".join(gate.reasons) if gate else "")
        return approval

    def show_state(self, state: str) -> None:
        self.state_label.setText(state)

    def show_grammar(self, status: GrammarStatus, off: bool) -> None:
        """LanguageTool's state; a new problem is also said once as a message."""
        if status.available:
            self.grammar_label.setText("Grammar: LanguageTool")
            self.grammar_label.setToolTip(status.reason or "")
            return
        self.grammar_label.setText("Grammar check off" if off else "Grammar check unavailable")
        self.grammar_label.setToolTip(
            (status.reason or "") + ("" if off else f".\nTo enable it: {HOW_TO_ENABLE}.")
        )
        if not off and status.reason != self._last_grammar_problem:
            self._last_grammar_problem = status.reason
            self.showMessage(f"Grammar check unavailable: {status.reason}", 10000)

    def show_busy(self, jobs: int, message: str) -> None:
        self.progress.setVisible(jobs > 0)
        if jobs:
            self.showMessage(message)

    # -- room for passing messages

    def _make_room(self, message: str) -> None:
        """Hide the labels a message needs the room of; show them again when it is gone."""
        for label in self._made_room:
            label.show()
        self._made_room = []
        if not message:
            self.setToolTip("")
            return
        need = self.fontMetrics().horizontalAdvance(message)
        for label in self._yielding:
            if self._room() >= need:
                break
            if label.isVisible():
                label.hide()
                self._made_room.append(label)
        # Whatever still does not fit ends in "…" (paintEvent); the whole of it is a hover away.
        self.setToolTip(message if self._room() < need else "")

    def _room(self) -> int:
        """The message's width, with the labels placed as they are shown now."""
        layout = self.layout()
        if layout is not None:  # Qt's status bar has its own; placed now, not at the next event
            layout.activate()
        return self._message_rect().width()

    def _message_rect(self) -> QRect:
        """Where Qt's status bar puts a message: left of the first visible permanent widget."""
        right = self.width() - 12
        for widget in self._permanent:
            if widget.isVisible():
                right = min(right, widget.x() - 2)
                break
        return QRect(6, 0, max(0, right - 6), self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.currentMessage():
            self._make_room(self.currentMessage())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt's drawing, but a message too long for its room ends in "…" instead of being cut."""
        message = self.currentMessage()
        rect = self._message_rect()
        elided = self.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight, rect.width())
        if elided == message:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self._permanent:
            if widget.isVisible():
                frame = QStyleOption()
                frame.rect = widget.geometry().adjusted(-2, -1, 2, 1)
                frame.palette = self.palette()
                self.style().drawPrimitive(
                    QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, widget
                )
        painter.setPen(self.palette().windowText().color())
        flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
        painter.drawText(rect, int(flags), elided)
        painter.end()


def approval_of(tab: DocumentTab) -> str:
    """Approved, changed since approval, or not approved: for the text in the editor now."""
    gate = tab.review.gate if tab.review else None
    if gate is None:
        return NOT_APPROVED
    if gate.approval == APPROVED and not tab.up_to_date:
        return CHANGED  # typed since the last analysis: the approval no longer holds
    return gate.approval
