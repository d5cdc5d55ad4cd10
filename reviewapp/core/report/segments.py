"""Cut the text into pieces that each lie under the same findings, paragraph by paragraph."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from ..document import Paragraph
from ..findings import Finding


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    findings: tuple[Finding, ...]  # the findings covering this piece


@dataclass(frozen=True, slots=True)
class Reference:
    finding: Finding  # a finding that ends here (or, with an empty span, sits here)


def marked_paragraphs(
    paragraphs: list[Paragraph], findings: list[Finding]
) -> Iterator[list[Piece | Reference]]:
    """For each paragraph, its pieces of text and the references to findings ending in it."""
    if not paragraphs:
        return
    starts = [p.start for p in paragraphs]
    by_paragraph: dict[int, list[Finding]] = {}
    for finding in findings:
        first = max(0, bisect_right(starts, finding.start) - 1)
        last = max(first, bisect_right(starts, max(finding.start, finding.end - 1)) - 1)
        for index in range(first, last + 1):
            by_paragraph.setdefault(index, []).append(finding)
    for index, paragraph in enumerate(paragraphs):
        yield _pieces(paragraph, by_paragraph.get(index, []), last=index == len(paragraphs) - 1)


def _pieces(paragraph: Paragraph, findings: list[Finding], last: bool) -> list[Piece | Reference]:
    lo, hi = paragraph.start, paragraph.end

    def clip(position: int) -> int:
        return min(max(position, lo), hi)

    # A finding's reference goes where it ends, in the paragraph where it ends.
    ends: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.end <= hi or last:
            ends.setdefault(clip(finding.end), []).append(finding)
    points = sorted({lo, hi, *(clip(f.start) for f in findings), *ends})
    # Every finding's clipped start and end are points, so the findings covering the stretch
    # from one point to the next are those begun and not yet ended there: kept in one sweep
    # (testing every finding for every stretch took 12 s for a 20 MB paragraph's 7,000).
    begins: dict[int, list[int]] = {}
    stops: dict[int, list[int]] = {}
    for number, finding in enumerate(findings):
        first, past = clip(finding.start), clip(finding.end)
        if finding.start < finding.end and first < past:
            begins.setdefault(first, []).append(number)
            stops.setdefault(past, []).append(number)
    active: set[int] = set()
    out: list[Piece | Reference] = []
    for a, b in pairwise(points):
        active.difference_update(stops.get(a, ()))
        active.update(begins.get(a, ()))
        covering = tuple(findings[number] for number in sorted(active))  # in the findings' order
        out.append(Piece(paragraph.text[a - lo : b - lo], covering))
        out.extend(Reference(f) for f in ends.pop(b, ()))
    for position in sorted(ends):  # what is left ends at the paragraph's start
        out[0:0] = [Reference(f) for f in ends[position]]
    return out
