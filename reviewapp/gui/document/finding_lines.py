"""Which findings lie on which line of the editor's text, looked up a line at a time.

The editor paints the lines on screen and those that scroll into view, so it
needs one line's findings at a time, never all of them laid out by line. An
edit in a long draft then costs sorting the findings' starts (at C speed), not
a Python step for each of ten thousand findings.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import compress, count, islice, repeat
from operator import attrgetter, contains, le
from typing import TYPE_CHECKING

from ...core.diffing import TextEdit
from ...core.findings import Finding
from .offsets import LineMap

if TYPE_CHECKING:
    from ...core.review import Review

Entry = tuple[int, int, Finding]  # start and end within the line (code points), the finding

_START = attrgetter("start")
_TEXT = attrgetter("text")


class FindingLines:
    """The findings of one analysis by line; offsets in entries are relative to the line."""

    @classmethod
    def of(cls, review: Review, leave_out: frozenset[str] = frozenset()) -> FindingLines:
        """What a review shows in the editor: its findings (less those of the categories to
        `leave_out`) and those of allowed terms, by line."""
        findings = (
            [f for f in review.findings if f.category not in leave_out] if leave_out else review.findings
        )
        return cls([*findings, *review.allowed], LineMap(review.document.text))

    def __init__(self, findings: list[Finding], line_map: LineMap) -> None:
        self.findings = findings
        self.line_map = line_map
        starts = list(map(_START, findings))
        if all(map(le, starts, islice(starts, 1, None))):  # in reading order, as a review gives them
            self._order = list(range(len(findings)))
            self._starts = starts
        else:  # (a stable sort: the same order as this gives when they are in order)
            self._order = sorted(range(len(findings)), key=starts.__getitem__)
            self._starts = list(map(starts.__getitem__, self._order))
        # A finding that runs over a line end (rare: most lie within their paragraph) is listed
        # again for each later line it touches.
        self._spill: dict[int, list[int]] = {}
        # Those are the findings with a line break before their last character: picked out at C
        # speed from their text (the text of their span, as the findings contract has it), then
        # looked up by line one by one. Looking every finding's lines up took twice as long.
        line_starts = line_map.line_starts
        texts = list(map(_TEXT, findings))
        for index in compress(count(), map(contains, texts, repeat("\n"))):
            if "\n" not in texts[index][:-1]:
                continue  # a line break only at its end: it ends on its first line
            finding = findings[index]
            first = bisect_right(line_starts, finding.start)  # the start's line + 1
            past = bisect_left(line_starts, finding.end)  # end - 1's line + 1
            for line in range(first, past):
                self._spill.setdefault(line, []).append(index)

    def entries(self, line: int) -> list[Entry]:
        """The findings on a line, in the order given (later ones are painted over earlier)."""
        line_starts = self.line_map.line_starts
        if not 0 <= line < len(line_starts):
            return []
        begin_at = line_starts[line]
        next_line = line_starts[line + 1] if line + 1 < len(line_starts) else None
        low = bisect_left(self._starts, begin_at)
        high = len(self._starts) if next_line is None else bisect_left(self._starts, next_line)
        indices = sorted([*self._order[low:high], *self._spill.get(line, ())])
        text_length = len(self.line_map.text)
        entries = []
        for index in indices:
            finding = self.findings[index]
            start, end = finding.start, finding.end
            begin = max(start, begin_at) - begin_at
            # A finding that goes on past this line is drawn to the line's end.
            stop = end - begin_at if next_line is None or max(start, end - 1) < next_line else text_length
            entries.append((begin, max(begin, stop), finding))
        return entries

    def between(self, low: int, high: int) -> list[Finding]:
        """Findings that start at or before `high` and end at or after `low`, in the order given."""
        reach = bisect_right(self._starts, high)
        if low <= 0:
            candidates: set[int] | list[int] = self._order[:reach]
        else:
            # From the line before low's too: a finding there may end right at low (its line end).
            candidates = set(self._candidates(low, reach, lines_before=1))
        return [f for f in map(self.findings.__getitem__, sorted(candidates)) if f.end >= low]

    def covering(self, index: int) -> list[Finding]:
        """Findings covering a text index (an empty span covers the character at it)."""
        reach = bisect_right(self._starts, index)
        candidates = sorted(self._candidates(index, reach))
        found = map(self.findings.__getitem__, candidates)
        return [f for f in found if f.start <= index < max(f.end, f.start + 1)]

    def _candidates(self, low: int, reach: int, lines_before: int = 0) -> list[int]:
        """Indices of findings starting before `reach` (in start order) that may reach `low`: those
        starting on low's line (and on the `lines_before` lines before it), and those from earlier
        lines that run into them. With lines before, an index may come twice."""
        line = self.line_map.line_of(low)
        first = max(0, line - lines_before)
        begin = bisect_left(self._starts, self.line_map.line_starts[first])
        spilled = [index for spill in range(first, line + 1) for index in self._spill.get(spill, ())]
        return [*self._order[begin:reach], *spilled]


class PaintedLines:
    """Which lines show the latest findings, so that a line is painted again only when what it
    shows changes.

    After an edit, a line outside the edited stretch still shows the previous
    analysis: it is compared with it when it is to be painted (on screen, or
    scrolled into view), and painted only if its findings now read differently.
    An edit shifts every later finding, but most lines show the same as before.
    """

    def __init__(self) -> None:
        self.current = FindingLines([], LineMap(""))
        self._previous: FindingLines | None = None
        self._painted: dict[int, bool] = {}  # line -> True: shows current; False: shows previous
        self._first = 0  # the first line of the edited stretch
        self._delta = 0  # lines the edit added (negative: removed)
        self._blank = True  # no finding painted on any line yet (a draft just opened)

    def update(self, lines: FindingLines, edit: TextEdit | None) -> None:
        """A new analysis; `edit`: how the text analysed before became this one (None: another text)."""
        previous, self.current = self.current, lines
        if edit is None:
            self._previous, self._painted = None, {}
            return
        first = lines.line_map.line_of(edit.start)  # the text before it is the same in both
        old_last = previous.line_map.line_of(edit.old_end)
        delta = lines.line_map.line_of(edit.new_end) - old_last
        # Only lines that show the analysis before can be compared with it.
        painted: dict[int, bool] = {}
        for line, current in self._painted.items():
            if current and line < first:
                painted[line] = False
            elif current and line > old_last:
                painted[line + delta] = False
        self._previous, self._painted, self._first, self._delta = previous, painted, first, delta

    def forget(self) -> None:
        """Every line is to be painted again (another theme, other categories shown)."""
        self._painted = {}

    def is_painted(self, line: int) -> bool:
        return self._painted.get(line) is True

    def mark_painted(self, lines: Iterable[int]) -> None:
        self._painted.update(dict.fromkeys(lines, True))
        self._blank = self._blank and not self.current.findings

    def to_paint(self, lines: Iterable[int]) -> list[int]:
        """Of these lines, those that do not show what the latest findings say."""
        if self._blank and not self.current.findings:
            return []  # nothing to show, and nothing shown to take away
        out = []
        painted = self._painted
        for line in lines:
            state = painted.get(line)
            if state is True:
                continue
            if state is False and self._previous is not None:
                old = line if line < self._first else line - self._delta
                if _shown(self._previous.entries(old)) == _shown(self.current.entries(line)):
                    painted[line] = True
                    continue
            out.append(line)
        return out


def _shown(entries: list[Entry]) -> list[tuple[int, int, str, str, str]]:
    """What a line's entries look like painted (a finding's offsets in the text aside)."""
    return [(begin, end, f.id, f.severity, f.category) for begin, end, f in entries]
