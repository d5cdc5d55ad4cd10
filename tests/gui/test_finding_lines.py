"""The editor's findings by line: the same as laying every finding out by line, looked up lazily."""

from __future__ import annotations

import random
from bisect import bisect_right

from reviewapp.core.findings import Finding
from reviewapp.gui.document.finding_lines import FindingLines
from reviewapp.gui.document.offsets import LineMap


def laid_out(text: str, findings: list[Finding]) -> dict[int, list[tuple[int, int, Finding]]]:
    """Every finding on every line it touches, the plain way (what the editor did before)."""
    line_map = LineMap(text)
    starts = line_map.line_starts
    by_line: dict[int, list[tuple[int, int, Finding]]] = {}
    for f in findings:
        lines = line_map.lines_of(f.start, f.end)
        for line in lines:
            begin = max(f.start, starts[line]) - starts[line]
            stop = f.end - starts[line] if line == lines[-1] else len(text)
            by_line.setdefault(line, []).append((begin, max(begin, stop), f))
    return by_line


def finding(text: str, start: int, end: int, n: int) -> Finding:
    """A finding of text[start:end]: its text is its span's, as the findings contract says."""
    return Finding("hedge", "hedge.vague", "warning", start, end, text[start:end], "m", id=f"he-{n}")


def random_case(rng: random.Random) -> tuple[str, list[Finding]]:
    text = "".join(rng.choice("ab \n") for _ in range(rng.randrange(1, 120)))
    findings = []
    for n in range(rng.randrange(0, 25)):
        start = rng.randrange(0, len(text) + 1)
        end = min(len(text), start + rng.choice([0, 1, 3, 10, 40]))
        findings.append(finding(text, start, end, n))
    rng.shuffle(findings)  # lookups keep the order given, not reading order
    return text, findings


def test_each_line_holds_what_laying_every_finding_out_gives():
    rng = random.Random(7)
    for _ in range(400):
        text, findings = random_case(rng)
        lines = FindingLines(findings, LineMap(text))
        expected = laid_out(text, findings)
        for line in range(len(LineMap(text).line_starts)):
            assert lines.entries(line) == expected.get(line, []), (text, line)


def test_findings_at_an_index_and_near_the_screen_are_those_a_scan_finds():
    rng = random.Random(11)
    for _ in range(400):
        text, findings = random_case(rng)
        lines = FindingLines(findings, LineMap(text))
        for index in range(len(text) + 1):
            assert lines.covering(index) == [
                f for f in findings if f.start <= index < max(f.end, f.start + 1)
            ]
        starts = LineMap(text).line_starts
        low = starts[bisect_right(starts, rng.randrange(0, len(text) + 1)) - 1]
        high = rng.randrange(low, len(text) + 1)
        assert lines.between(low, high) == [f for f in findings if f.end >= low and f.start <= high]


def test_after_an_edit_only_lines_that_show_something_else_are_painted_again():
    from reviewapp.core.diffing import text_edit
    from reviewapp.gui.document.finding_lines import PaintedLines

    before = "one maybe\ntwo\nthree maybe\nfour maybe"
    after = "one maybe\ntwo and more\nnew line\nthree maybe\nfour maybe"
    old = [finding(before, 4, 9, 1), finding(before, 20, 25, 2), finding(before, 31, 36, 3)]
    # The last two moved with the edit; the last has another id now (a repeat renumbered).
    new = [finding(after, 4, 9, 1), finding(after, 38, 43, 2), finding(after, 49, 54, 9)]
    assert {before[f.start : f.end] for f in old} == {after[f.start : f.end] for f in new} == {"maybe"}
    painted = PaintedLines()
    painted.update(FindingLines(old, LineMap(before)), None)
    assert painted.to_paint(range(4)) == [0, 1, 2, 3]  # a new text: every line
    painted.mark_painted(range(4))
    painted.update(FindingLines(new, LineMap(after)), text_edit(before, after))
    # Line 0 is before the edit and line 3 ("three maybe", line 2 before) shows the same;
    # lines 1 and 2 were edited, and line 4 shows another finding.
    assert painted.to_paint(range(5)) == [1, 2, 4]
    assert painted.is_painted(0) and painted.is_painted(3)
