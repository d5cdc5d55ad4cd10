"""A long draft's first lines are highlighted while the whole draft is analysed."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from reviewapp.gui.document.scheduler import PREVIEW_LINES, PREVIEW_OVER_LINES

from .conftest import wait_analysed

LINE = (
    "The council spent $4 million on the bridge in 2019, and critics say it was the costliest in the state."
)


def test_a_long_drafts_first_lines_are_highlighted_before_its_review(qtbot, window, tmp_path):
    """100,000 words took a second and more to their first highlights: the first lines' findings
    come first now, for the eye alone (no finding to act on, no verdict, until the review)."""
    lines = [LINE.replace("2019", str(1990 + n % 30)) for n in range(3000)]
    assert len(lines) > PREVIEW_OVER_LINES
    path = tmp_path / "long.txt"
    path.write_text("Bridge costs\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    seen = []

    def previewed(shown):
        first = shown.findings[0]
        cursor = QTextCursor(tab.editor.document())
        cursor.setPosition(tab.editor.line_map.to_utf16(first.start + 1))
        tab.editor.setTextCursor(cursor)
        seen.append(
            (
                tab.review,
                list(shown.findings),
                len(tab.editor.findings),
                tab.editor.finding_at_cursor(),
                tab.finding_at_cursor(),
                tab.editor.context_actions(cursor.position()),
                tab.card.body.text(),
            )
        )

    tab = window.open_path(path)
    tab.scheduler.previewed.connect(previewed)
    review = wait_analysed(qtbot, tab, timeout=30000)

    assert len(seen) == 1
    review_then, shown, highlighted, under_cursor, to_act_on, menu, card = seen[0]
    assert review_then is None and shown and highlighted == len(shown)
    assert under_cursor is not None and to_act_on is None and menu == []
    assert card.startswith("The draft is still being analysed")
    previewed_text = tab.text[: tab.editor.line_map.line_starts[PREVIEW_LINES]]
    assert all(f.end <= len(previewed_text) for f in shown)
    assert {f.category for f in shown} >= {"claim", "hedge"} and "disclosure" not in {
        f.category for f in shown
    }
    # What the preview showed is what the review finds there, short of the lines at its end.
    found = {(f.rule, f.start, f.end) for f in review.findings}
    inner = [f for f in shown if f.end < len(previewed_text) - 2 * len(LINE)]
    assert inner and all((f.rule, f.start, f.end) in found for f in inner)
    assert tab.editor.findings == [*review.findings, *review.allowed]
