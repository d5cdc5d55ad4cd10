"""The window's status bar: the current draft's approval, analysis state, counts and grammar."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

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
        for widget in (
            self.progress,
            self.approval_label,
            self.state_label,
            self.open_label,
            self.words_label,
            self.grammar_label,
        ):
            self.addPermanentWidget(widget)
        self._last_grammar_problem: str | None = None

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


def approval_of(tab: DocumentTab) -> str:
    """Approved, changed since approval, or not approved: for the text in the editor now."""
    gate = tab.review.gate if tab.review else None
    if gate is None:
        return NOT_APPROVED
    if gate.approval == APPROVED and not tab.up_to_date:
        return CHANGED  # typed since the last analysis: the approval no longer holds
    return gate.approval
