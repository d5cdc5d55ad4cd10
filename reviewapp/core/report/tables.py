"""A Markdown table in the draft, shown in a report as a table: its cells marked as the text is.

The analysis reads a table's rows as lines between bars (roles.py); a reader of
the report sees columns. Only the presentation changes: each cell holds the
same pieces of text, highlights and references the line held.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ..document import Paragraph
from ..findings import Finding
from ..roles import markdown_tables
from .segments import Piece, Reference, marked_paragraphs

# A longer table stays lines of bars: Qt lays out thousands of table rows very slowly (on paper),
# and a table of data that long is read as its findings, not its columns. So do the tables after
# the first MAX_ROWS_IN_ALL rows of a draft's tables.
MAX_ROWS = 300
MAX_ROWS_IN_ALL = 1_000

# A paragraph's pieces and references (segments.marked_paragraphs), or a cell's of a row.
Marked = list[Piece | Reference]


class Table(NamedTuple):
    start: int  # the paragraph of its heading row
    rule: int  # its rule row ("|---|---:|"), which a report does not show
    end: int  # its last row
    alignments: tuple[str, ...]  # each column's: "left", "right" or "center", as the rule row says


def tables_in(paragraphs: Sequence[Paragraph]) -> dict[int, Table]:
    """The draft's Markdown tables that a report shows as tables, by their first paragraph."""
    texts = [p.text for p in paragraphs]
    tables: dict[int, Table] = {}
    room = MAX_ROWS_IN_ALL
    for start, rule, end in markdown_tables(texts):
        rows = end - start + 1
        if rows <= min(MAX_ROWS, room):
            tables[start] = Table(start, rule, end, _alignments(texts[rule]))
            room -= rows
    return tables


class TableRows(NamedTuple):
    """A table of the draft, with each of its rows' pieces (marked_paragraphs)."""

    table: Table
    rows: list[Marked]

    def shown(self) -> list[tuple[bool, Marked]]:
        """The rows a report shows, each with whether it is a heading: all but the rule row, whose
        references to findings (if any) go to the row above."""
        shown: list[tuple[bool, Marked]] = []
        for index, row in enumerate(self.rows, self.table.start):
            if index == self.table.rule:
                if shown:
                    shown[-1][1].extend(item for item in row if isinstance(item, Reference))
                continue
            shown.append((index < self.table.rule, list(row)))
        return shown


def text_blocks(paragraphs: list[Paragraph], findings: list[Finding]) -> Iterator[Marked | TableRows]:
    """The text's paragraphs as a report shows them: each one's pieces (marked_paragraphs), but a
    Markdown table's rows together, as one TableRows."""
    tables = tables_in(paragraphs)
    held: TableRows | None = None
    for index, pieces in enumerate(marked_paragraphs(paragraphs, findings)):
        if held is None and index in tables:
            held = TableRows(tables[index], [])
        if held is None:
            yield pieces
            continue
        held.rows.append(pieces)
        if index == held.table.end:
            yield held
            held = None


def _alignments(rule: str) -> tuple[str, ...]:
    cells = rule.strip().strip("|").split("|")
    return tuple(
        "center" if c.startswith(":") and c.endswith(":") else "right" if c.endswith(":") else "left"
        for c in (cell.strip() for cell in cells)
    )


def cells(pieces: Marked) -> list[Marked]:
    """A row's cells: its pieces cut at the bars between cells (not at an escaped "\\|"), the bars
    and the space around an outer bar left out; a reference stays in the cell where it falls."""
    row: list[Marked] = [[]]
    for item in pieces:
        if not isinstance(item, Piece):
            row[-1].append(item)
            continue
        parts = _split_at_bars(item.text)
        for number, part in enumerate(parts):
            if number:
                row.append([])
            if part:
                row[-1].append(Piece(part, item.findings))
    if len(row) > 1 and _blank(row[0]):  # before the opening bar
        first = row.pop(0)
        row[0][0:0] = _references(first)
    if len(row) > 1 and _blank(row[-1]):  # after the closing bar: its references go in the last cell
        row[-2].extend(_references(row.pop()))
    return row


def _references(cell: Marked) -> Marked:
    return [item for item in cell if isinstance(item, Reference)]


def _split_at_bars(text: str) -> list[str]:
    parts = text.split("|")
    if "\\" not in text:
        return parts
    joined: list[str] = []  # "a \\| b" is one cell's text
    for part in parts:
        if joined and joined[-1].endswith("\\"):
            joined[-1] += "|" + part
        else:
            joined.append(part)
    return joined


def _blank(cell: Marked) -> bool:
    """No text in it but spaces (a reference to a finding may sit there)."""
    return all(not item.text.strip() for item in cell if isinstance(item, Piece))
