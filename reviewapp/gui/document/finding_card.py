"""The finding at the cursor, beside the text: what it is, why it is flagged, what to do, and
the actions, right there. Each action moves on to the next open finding (the tab does)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ...core.analyzers.base import RuleInfo
from ...core.categories import CATEGORY, LABELS
from ...core.decisions import RESOLUTION
from ...core.findings import Finding
from ...core.fixes import Fix
from ...core.store import Resolution
from ...core.wording import quoted
from ..mnemonics import literal
from ..palette import category_icon

MAX_FIX_BUTTONS = 3
NOTHING_HERE = "No finding at the cursor.\n\nF8 goes to the next open finding, Shift+F8 to the previous one."
# While a long draft's first lines show their findings and the whole draft is analysed.
STILL_ANALYSING = "The draft is still being analysed: its findings can be opened here once it is done."


# The card's own commands, with their access keys (Help > Keyboard Shortcuts lists them too).
RESOLVE_LABEL = "Re&solve…"
IGNORE_LABEL = "&Ignore in this draft"
ALLOW_LABEL = "&Allow for the house"
NEXT_LABEL = "&Next open finding"
REOPEN_LABEL = "Open a&gain"
CARD_COMMANDS = (RESOLVE_LABEL, IGNORE_LABEL, ALLOW_LABEL, NEXT_LABEL, REOPEN_LABEL)


class FindingCard(QWidget):
    """The heading and the buttons on top (always in reach), the details below, scrolling if long;
    the tab connects the signals to the finding actions."""

    fix_requested = Signal(object, object)  # Finding, Fix
    resolve_requested = Signal(object)  # Finding
    ignore_requested = Signal(object)  # Finding: this term throughout this draft
    allow_requested = Signal(object)  # Finding: this term on the house allow-list
    reopen_requested = Signal(object)  # Finding: take back its decision
    next_requested = Signal()

    def __init__(self, dark: bool = False) -> None:
        super().__init__()
        self.setObjectName("finding-card")
        self.setMinimumWidth(200)
        self.dark = dark
        self.finding: Finding | None = None
        self.fixes: list[Fix] = []
        self._shown: tuple[object, ...] | None = None  # what show_finding was last given

        self.icon = QLabel()  # the category's colour and line, as in the legend
        self.heading = QLabel()
        self.heading.setObjectName("card-heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.body = QLabel(NOTHING_HERE)
        self.body.setObjectName("card-body")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.fix_buttons = [QPushButton() for _ in range(MAX_FIX_BUTTONS)]
        for number, button in enumerate(self.fix_buttons, 1):
            button.setObjectName(f"card-fix-{number}")
            button.clicked.connect(lambda _=False, n=number - 1: self._fix(n))
        self.resolve_button = self._button(RESOLVE_LABEL, "card-resolve", self.resolve_requested)
        self.ignore_button = self._button(IGNORE_LABEL, "card-ignore", self.ignore_requested)
        self.allow_button = self._button(ALLOW_LABEL, "card-allow", self.allow_requested)
        self.reopen_button = self._button(REOPEN_LABEL, "card-reopen", self.reopen_requested)
        self.reopen_button.setToolTip(
            "Take back this finding's decision: it is open again (both are recorded)"
        )
        self.next_button = QPushButton(NEXT_LABEL)
        self.next_button.setObjectName("card-next")
        self.next_button.clicked.connect(self.next_requested)
        self.ignore_button.setToolTip(
            "Resolve every finding of these words in this draft as a false positive"
        )

        details = QScrollArea()
        details.setAccessibleName("Finding details")
        details.setWidgetResizable(True)
        details.setFrameShape(QFrame.Shape.NoFrame)
        details.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.heading)
        for button in (
            *self.fix_buttons,
            self.resolve_button,
            self.reopen_button,
            self.ignore_button,
            self.allow_button,
        ):
            layout.addWidget(button)
        layout.addWidget(self.next_button)
        layout.addWidget(details, 1)
        self.show_finding(None)

    def _button(self, text: str, name: str, signal: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda: self.finding is not None and signal.emit(self.finding))  # type: ignore[attr-defined]
        return button

    def _fix(self, index: int) -> None:
        if self.finding is not None and index < len(self.fixes):
            self.fix_requested.emit(self.finding, self.fixes[index])

    def sizeHint(self) -> QSize:
        return QSize(270, 300)

    def show_finding(
        self,
        finding: Finding | None,
        fixes: list[Fix] | None = None,
        rule: RuleInfo | None = None,
        resolution: Resolution | None = None,
        allow_list: str | None = None,
        analysing: bool = False,
    ) -> None:
        """Show a finding (None: say there is none here, or that the draft is `analysing`) with
        the fixes on offer and its state.

        `allow_list`: why the house allow-list cannot take the term, or None if it can.
        """
        shown = (finding, fixes or [], rule, resolution, allow_list, self.dark, analysing)
        if shown == self._shown:
            return  # the cursor moved within what the card shows (each key typed moves it)
        self._shown = shown
        self.finding, self.fixes = finding, list(fixes or [])[:MAX_FIX_BUTTONS]
        for number, button in enumerate(self.fix_buttons, 1):
            fix = self.fixes[number - 1] if number <= len(self.fixes) else None
            button.setVisible(fix is not None)
            if fix is not None:
                button.setText(f"&{number} {literal(fix.label)}")
        for button in (self.resolve_button, self.ignore_button, self.allow_button):
            button.setVisible(finding is not None)
        self.reopen_button.setVisible(False)  # shown below for a resolved finding
        self.icon.setVisible(finding is not None)
        if finding is None:
            self.heading.setText("")
            self.body.setText(escape(STILL_ANALYSING if analysing else NOTHING_HERE).replace("\n", "<br>"))
            return
        category = CATEGORY[finding.category]
        self.icon.setPixmap(category_icon(finding.category, self.dark, 16).pixmap(32, 16))
        self.heading.setText(
            f"<b>{escape(LABELS[finding.category])}</b> · {finding.severity}"
            + (f" · score {finding.score:.2f}" if finding.score is not None else "")
            + f"<br><span style='font-size: small'>{escape(finding.rule)}</span>"
        )
        parts = [escape(finding.message)]
        if finding.text:
            parts.insert(0, escape(quoted(_short(finding.text))))
        if finding.suggestion:
            parts.append(f"<i>What to do:</i> {escape(finding.suggestion)}")
        why = rule.why if rule and rule.why else category.description
        parts.append(f"<i>Why this is flagged:</i> {escape(why)}")
        if resolution is not None:
            label = (
                RESOLUTION[resolution.status].label if resolution.status in RESOLUTION else resolution.status
            )
            parts.append(f"<b>Resolved:</b> {escape(label)} by {escape(resolution.person)}")
        else:
            parts.append("<b>Open.</b>")
        self.body.setText("<br><br>".join(parts))
        # An entry from before decisions were signed cannot be followed by a signed one.
        self.resolve_button.setEnabled(resolution is None or resolution.key is not None)
        self.reopen_button.setVisible(resolution is not None)
        self.reopen_button.setEnabled(resolution is not None and resolution.key is not None)
        self.allow_button.setEnabled(allow_list is None)
        self.allow_button.setToolTip(
            allow_list or "Add these words to the house allow-list: never flagged again, in any draft"
        )

    def set_dark(self, dark: bool) -> None:
        self.dark = dark


def _short(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
