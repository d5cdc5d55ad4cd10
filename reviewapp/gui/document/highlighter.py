"""Highlight findings in the editor, block by block, in UTF-16 positions."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ...core.categories import CATEGORY
from ...core.findings import SEVERITY_RANK, Finding
from ..palette import highlight_background, line_format
from .finding_lines import FindingLines
from .offsets import LineMap, utf16_positions
from .resolutions import DraftResolutions


class FindingHighlighter(QSyntaxHighlighter):
    """Paints each word-level finding's span with its category colour; resolved ones dim.

    Claims cover whole sentences and are drawn as extra selections (an
    underline) by the editor, because a format set here replaces, not merges:
    a claim painted here would hide the hedge or peacock term inside it.
    """

    def __init__(self, document: QTextDocument, resolutions: DraftResolutions) -> None:
        super().__init__(document)
        self.lines = FindingLines([], LineMap(""))
        self.resolutions = resolutions
        self.hidden_categories: set[str] = set()
        self.dark = False
        self._asked = False  # painting lines the editor asked for (repaint), not Qt on its own

    def repaint(self, lines: Iterable[int]) -> None:
        """Rehighlight the given lines (a block whose formats come out the same costs Qt little)."""
        document = self.document()
        self._asked = True
        try:
            for line in sorted(set(lines)):
                block = document.findBlockByNumber(line)
                if block.isValid():
                    self.rehighlightBlock(block)
        finally:
            self._asked = False

    def highlightBlock(self, text: str) -> None:
        if not self.lines.findings:
            # Qt rehighlights every block once when a highlighter meets a loaded document;
            # before the first analysis there is nothing to paint, nor any painted to keep, so
            # leave at once (asking each of a long draft's 2,756 blocks for its formats first
            # added about 5 ms to the window's opening).
            return
        if not self._asked:
            # Qt paints again the blocks an edit touched, before the edited text is analysed:
            # the findings by line are then the text's before, and a block the edit moved would
            # be painted with another line's (removing the lines above a paragraph took its
            # highlights away). It shows what it showed until the editor paints it.
            for kept in self.currentBlock().layout().formats():
                self.setFormat(kept.start, kept.length, kept.format)
            return
        entries = self.lines.entries(self.currentBlock().blockNumber())
        if not entries:
            return
        utf16 = utf16_positions(text)
        # Paint low severity first so errors win where spans overlap.
        for start, end, finding in sorted(entries, key=lambda e: SEVERITY_RANK[e[2].severity]):
            if (
                finding.category in self.hidden_categories
                or CATEGORY[finding.category].mark != "background"
                or start >= len(text)
            ):
                continue
            fmt = self._format(finding)
            begin = utf16(start)
            self.setFormat(begin, max(1, utf16(min(end, len(text))) - begin), fmt)

    def _format(self, finding: Finding) -> QTextCharFormat:
        resolved = finding.id in self.resolutions
        fmt = line_format(finding.category, self.dark, resolved)  # the category's own line
        fmt.setBackground(highlight_background(finding.category, self.dark, resolved))
        if finding.severity == "error" and not resolved:
            fmt.setFontWeight(QFont.Weight.DemiBold)  # errors stand out without a colour too
        fmt.setProperty(FINDING_ID_PROPERTY, finding.id)
        return fmt


FINDING_ID_PROPERTY = QTextCharFormat.Property.UserProperty


def underline_format(category: str, dark: bool, resolved: bool) -> QTextCharFormat:
    """A claim's line (an extra selection over whole sentences), fainter once resolved."""
    return line_format(category, dark, resolved)
