"""A Markdown table in the draft is shown in the reports as a table, marked as the text is."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from reviewapp.core import load_path, load_policy
from reviewapp.core.document import Paragraph
from reviewapp.core.report import build_report, render_html, render_markdown
from reviewapp.core.report.segments import Piece, Reference
from reviewapp.core.report.tables import MAX_ROWS, MAX_ROWS_IN_ALL, cells, tables_in
from reviewapp.core.review import Reviewer
from reviewapp.core.store import ReviewStore

DRAFT = """# Transit ridership falls again

Ridership on the city's buses fell for a third year.

| Year | Riders (millions) | Note |
|---|---:|:---:|
| 2023 | 41.2 | <b>low</b> |
| 2024 | 39.8 | a \\| b |

The authority expects ridership to recover.
"""


def report_of(tmp_path, text: str):
    draft = tmp_path / "table.md"
    draft.write_text(text, encoding="utf-8")
    policy = load_policy()
    store = ReviewStore(tmp_path / "r.sqlite3")
    review = Reviewer(policy).review(load_path(draft), store=store)
    report = build_report(review, store, policy)
    store.close()
    return report


class _Rows(HTMLParser):
    """The text section's table rows: each a list of (tag, style, text) cells."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, str, str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self._cell = [tag, dict(attrs).get("style") or "", ""]

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append((self._cell[0], self._cell[1], self._cell[2].strip()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[2] += data


def text_section(html: str) -> str:
    return html.split("<h2>Text</h2>")[1].split("<h2>Findings</h2>")[0]


@pytest.mark.parametrize("for_print", [False, True])
def test_the_html_report_shows_a_table_as_columns(tmp_path, for_print):
    report = report_of(tmp_path, DRAFT)
    section = text_section(render_html(report, for_print=for_print))
    parser = _Rows()
    parser.feed(section)
    texts = [[text for _, _, text in row] for row in parser.rows]
    assert texts[0] == ["Year", "Riders (millions)", "Note"]
    assert [tag for tag, _, _ in parser.rows[0]] == ["th"] * 3
    assert texts[1][:2] == ["2023", "41.2"] and texts[1][2].startswith("<b>low</b>")  # as text
    assert texts[2] == ["2024", "39.8", "a \\| b"]  # an escaped bar is no column
    assert [style for _, style, _ in parser.rows[2]] == ["", "text-align: right", "text-align: center"]
    assert "---" not in section and "| 2023" not in section  # no rule row, no bars
    assert "&lt;b&gt;low&lt;/b&gt;" in section  # the draft's markup stays text
    # The table's finding (its figures, on its first row) is marked in that row and referenced.
    table_finding = next(f for f in report.findings if f.rule == "claim.figure")
    assert table_finding.text.startswith("| 2023")
    first_row = section.split("<tr>")[2].split("</tr>")[0]
    assert "[" in first_row and "underline" in first_row


def test_the_markdown_report_keeps_a_table_one_table(tmp_path):
    report = report_of(tmp_path, DRAFT)
    markdown = render_markdown(report)
    rows = markdown.split("## Text")[1].split("## Findings")[0].splitlines()
    at = rows.index("| Year | Riders (millions) | Note |")
    assert rows[at + 1] == "|---|---:|:---:|"
    assert rows[at + 2].startswith("| 2023 | 41.2 | \\<b\\>low\\</b\\>") and "[^" in rows[at + 2]
    assert rows[at + 3] == "| 2024 | 39.8 | a \\\\\\| b |"
    assert rows[at + 4] == ""


def test_a_table_too_long_to_lay_out_stays_lines(tmp_path):
    long_table = "| Year | Riders |\n|---|---|\n" + "".join(
        f"| {1700 + n} | {n} |\n" for n in range(MAX_ROWS)
    )
    html = render_html(report_of(tmp_path, f"# Ridership\n\nIntro.\n\n{long_table}"), for_print=True)
    assert "<table>" not in text_section(html) and "| 1700 | 0 |" in text_section(html)


def _paragraphs(*texts: str) -> list[Paragraph]:
    out, start = [], 0
    for index, text in enumerate(texts):
        out.append(Paragraph(index, start, start + len(text), text))
        start += len(text) + 1
    return out


def test_a_row_needs_no_outer_bars_and_a_reference_after_the_last_bar_stays_in_its_row():
    # A heading row without its opening bar is no row of the table: rows under a rule alone.
    assert [tuple(t)[:3] for t in tables_in(_paragraphs("Year | Riders", "|---|", "| 2023 |")).values()] == [
        (1, 1, 2)
    ]
    paragraphs = _paragraphs("| Year | Riders |", "|---|---|", "| 2023 | 41.2 |")
    assert [t.alignments for t in tables_in(paragraphs).values()] == [("left", "left")]
    finding = object()
    row = cells([Piece("| 2023 | 41.2 |", ()), Reference(finding)])  # type: ignore[arg-type]
    assert [[getattr(i, "text", None) for i in cell] for cell in row] == [[" 2023 "], [" 41.2 ", None]]
    assert cells([Piece(" 2023 | 41.2", ())]) == [[Piece(" 2023 ", ())], [Piece(" 41.2", ())]]


def test_tables_past_the_first_thousand_rows_stay_lines():
    """Qt lays out thousands of table rows on paper very slowly, however they are shared out."""
    texts: list[str] = []
    for number in range(MAX_ROWS_IN_ALL // 100 + 1):  # tables of 100 rows each, with a line between
        texts += ["| Year | Riders |", "|---|---|", *[f"| {n} | {number} |" for n in range(98)], "Between."]
    shown = tables_in(_paragraphs(*texts))
    assert len(shown) == MAX_ROWS_IN_ALL // 100 and max(shown) < (MAX_ROWS_IN_ALL // 100) * 101
