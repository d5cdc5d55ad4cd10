"""Which findings lie on which line of the editor's text, looked up a line at a time.

The editor paints the lines on screen and those that scroll into view, so it
needs one line's findings at a time, never all of them laid out by line. An
edit in a long draft then costs sorting the findings' starts (at C speed), not
a Python step for each of ten thousand findings.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import partial
from operator import attrgetter

from ...core.findings import Finding
from .offsets import LineMap

Entry = tuple[int, int, Finding]  # start and end within the line (code points), the finding

_START = attrgetter("start")
_END = attrgetter("end")


class FindingLines:
    """The findings of one analysis by line; offsets in entries are relative to the line."""

    def __init__(self, findings: list[Finding], line_map: LineMap) -> None:
        self.findings = findings
        self.line_map = line_map
        starts = list(map(_START, findings))
        self._order = sorted(range(len(findings)), key=starts.__getitem__)
        self._starts = list(map(starts.__getitem__, self._order))
        # A finding that runs over a line end (rare: most lie within their paragraph) is listed
        # again for each later line it touches.
        line_starts = line_map.line_starts
        first_lines = map(partial(bisect_right, line_starts), starts)  # each start's line + 1
        past_lines = map(partial(bisect_left, line_starts), map(_END, findings))  # end - 1's line + 1
        self._spill: dict[int, list[int]] = {}
        for index, (first, past) in enumerate(zip(first_lines, past_lines, strict=True)):
            if past > first:
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
            line = self.line_map.line_of(low)
            before = max(0, line - 1)
            begin = bisect_left(self._starts, self.line_map.line_starts[before])
            spill = self._spill
            candidates = {*self._order[begin:reach], *spill.get(before, ()), *spill.get(line, ())}
        return [f for f in map(self.findings.__getitem__, sorted(candidates)) if f.end >= low]

    def covering(self, index: int) -> list[Finding]:
        """Findings covering a text index (an empty span covers the character at it)."""
        reach = bisect_right(self._starts, index)
        candidates = sorted(self._candidates(index, reach))
        found = map(self.findings.__getitem__, candidates)
        return [f for f in found if f.start <= index < max(f.end, f.start + 1)]

    def _candidates(self, low: int, reach: int) -> list[int]:
        """Indices of findings starting before `reach` (in start order) that may reach `low`: those
        starting on low's line, and those from earlier lines that run into it."""
        line = self.line_map.line_of(low)
        line_begin = bisect_left(self._starts, self.line_map.line_starts[line])
        return [*self._order[line_begin:reach], *self._spill.get(line, ())]
