"""The findings table after an edit: its rows updated from the core's change equal a fresh sort."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from reviewapp.core import Analyzer, IncrementalAnalysis, load_text
from reviewapp.core.diffing import TextEdit, text_edit
from reviewapp.core.store import Resolution
from reviewapp.gui.document.findings_model import FindingsModel
from reviewapp.gui.document.resolutions import DraftResolutions
from reviewapp.gui.document.row_changes import PlannedRows, merged, plan_rows
from reviewapp.gui.document.table_order import COLUMNS, SCORE_COLUMN, STATUS_COLUMN

DATA = Path(__file__).parents[1] / "data"

ORDERS = (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)


@pytest.fixture(scope="module")
def passes():
    """Three passes of one session over five copies of an article, each an edit of the last: the
    second adds a hedge to a sentence that every copy has, so later copies' ids are numbered again.
    A denial of AI use gives a document finding, made afresh each pass, where a paragraph has one
    (the weasel words it starts with): the table orders the two by their ends."""
    article = (DATA / "openai-foxconn.txt").read_text(encoding="utf-8")
    lines = "\n".join([article] * 5).split("\n")
    # A denial: the document checks' finding on it is made afresh each pass, beside the paragraph's.
    lines.insert(20, "Experts say this story was written entirely by humans.")
    session = IncrementalAnalysis(Analyzer())
    out = [session.run(load_text("\n".join(lines)))]
    for where in (5, 30):
        lines[where] += " It might rain."
        out.append(session.run(load_text("\n".join(lines))))
    return out


def model_with(qtbot, findings, column, order):
    resolutions = DraftResolutions()
    chosen = findings[len(findings) // 2]
    resolutions.replace_all({chosen.id: Resolution(chosen.id, "opinion", None, None, "Ana", "t", "s")})
    model = FindingsModel(resolutions)
    model.tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.sort(column, order)
    model.set_findings(findings)
    return model


@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_an_edit_moves_the_rows_as_the_core_says_and_sorts_as_afresh(qtbot, passes, column, monkeypatch):
    first, second, _ = passes
    assert second.change is not None and second.change.added
    edit = text_edit(first.document.text, second.document.text)
    for order in ORDERS:
        model = model_with(qtbot, first.findings, column, order)
        resets: list[int] = []
        model.modelReset.connect(lambda found=resets: found.append(1))
        if column != STATUS_COLUMN:  # there, ids numbered again may change a row's place: compared
            monkeypatch.setattr(model, "_change_rows", lambda *_: pytest.fail("the lists were compared"))
        model.set_findings(second.findings, edit, second.change)
        assert model.findings == model._sorted(second.findings), (COLUMNS[column], order)
        assert not resets
        monkeypatch.undo()


def test_rows_of_another_pass_are_compared_not_moved(qtbot, passes):
    """The window may skip a pass (the text moved on while it ran): the change is then not from
    the rows shown, and the table falls back to comparing the lists."""
    first, _, third = passes
    model = model_with(qtbot, first.findings, 0, Qt.SortOrder.DescendingOrder)
    assert model._carried(third.change, text_edit(first.document.text, third.document.text)) is None
    model.set_findings(third.findings, text_edit(first.document.text, third.document.text), third.change)
    assert model.findings == model._sorted(third.findings)


def test_a_finding_that_ties_a_row_is_not_placed_by_guess():
    tie = lambda a, b: None if (a, b) == (2, 2) else a < b  # noqa: E731
    assert merged([1, 2, 3], [2], tie)[0] is None
    assert merged([1, 3], [2], tie) == ([1, 2, 3], [True, False, True])
    assert merged([1, 3], [0, 4], tie) == ([0, 1, 3, 4], [False, True, True, False])


def test_rows_whose_ids_are_numbered_again_are_redrawn_where_a_status_shows_it(qtbot, passes):
    """An edit numbers later repeats again: their rows are redrawn only where the old or the new
    id has a resolution (the status column and the filter read it); the rest read the same."""
    first, second, _ = passes
    pairs = zip(second.change.before, second.change.after, strict=True)
    renamed = [(old, new) for old, new in pairs if old.id != new.id]
    assert len(renamed) >= 3
    resolved_old, _ = renamed[0]
    model = model_with(qtbot, first.findings, 0, Qt.SortOrder.DescendingOrder)
    model.resolutions.replace_all(
        {resolved_old.id: Resolution(resolved_old.id, "opinion", None, None, "Ana", "t", "s")}
    )
    redrawn: set[int] = set()
    model.dataChanged.connect(lambda top, bottom, *_: redrawn.update(range(top.row(), bottom.row() + 1)))
    model.set_findings(second.findings, text_edit(first.document.text, second.document.text), second.change)
    shown = {model.findings[row].id for row in redrawn}
    # The finding that had the resolved id now has another: its row says "open" now.
    assert renamed[0][1].id in shown
    status = model.index(model.findings.index(renamed[0][1]), STATUS_COLUMN).data()
    assert status == "open"
    old_ids = {new.id: old.id for old, new in renamed}
    assert all(resolved_old.id in (old_ids.get(row_id), row_id) for row_id in shown)
    assert len(redrawn) < len(renamed)


@pytest.mark.parametrize("column", [0, SCORE_COLUMN, COLUMNS.index("Text")])
def test_a_finding_of_the_edited_paragraph_clear_of_the_edit_keeps_its_row(
    qtbot, passes, column, monkeypatch
):
    """A sentence added at a paragraph's end: the paragraph is analysed again, but its findings
    before the new words are the same findings, and their rows (and a selection on one) stay."""
    _, second, third = passes
    edit = text_edit(second.document.text, third.document.text)
    region = {id(f) for f in third.change.added}
    # Findings before the edit that the edited paragraph's analysis made again, the same.
    untouched = [
        f for f in second.findings
        if f.end < edit.start and any(id(g) in region and (g.rule, g.start, g.end) == (f.rule, f.start, f.end)
                                      for g in third.findings)
    ]  # fmt: skip
    assert untouched, "the edited paragraph has findings before the edit"
    model = model_with(qtbot, second.findings, column, Qt.SortOrder.DescendingOrder)
    rows = {id(f): row for row, f in enumerate(model.findings)}
    chosen = [QPersistentModelIndex(model.index(rows[id(f)], 0)) for f in untouched]
    monkeypatch.setattr(model, "_change_rows", lambda *_: pytest.fail("the lists were compared"))
    model.set_findings(third.findings, edit, third.change)
    assert model.findings == model._sorted(third.findings)
    for index, old in zip(chosen, untouched, strict=True):
        assert index.isValid()
        now = model.findings[index.row()]
        assert (now.rule, now.start, now.end) == (old.rule, old.start, old.end)


def test_grammar_rows_an_edit_left_alone_keep_their_rows(qtbot, languagetool, monkeypatch):
    """With LanguageTool's findings merged in, the table still follows the change: a grammar
    finding before the edit keeps its row, a new one gets its place."""
    from reviewapp.core import load_policy
    from reviewapp.core.review import Reviewer

    url, _ = languagetool
    reviewer = Reviewer(load_policy(), load_policy().grammar.with_overrides(mode="server", server_url=url))
    session = reviewer.session()
    text = "Council approves budget\n\nIt met on Monday in order to vote.\n\nA third paragraph."
    first = reviewer.review(load_text(text), session=session, grammar="check")
    edited = text.replace("A third paragraph.", "A third paragraph, with teh typo.")
    second = reviewer.review(load_text(edited), session=session, grammar="check")
    [wordy] = [f for f in first.findings if f.category == "grammar"]
    model = model_with(qtbot, [*first.findings, *first.allowed], 0, Qt.SortOrder.DescendingOrder)
    kept = QPersistentModelIndex(model.index(model.findings.index(wordy), 0))
    monkeypatch.setattr(model, "_change_rows", lambda *_: pytest.fail("the lists were compared"))
    shown = [*second.findings, *second.allowed]
    model.set_findings(shown, text_edit(text, edited), second.analysis.change)
    assert model.findings == model._sorted(shown)
    assert kept.isValid() and model.findings[kept.row()].text == "in order to"
    assert any(f.text == "teh" for f in model.findings)


@pytest.mark.parametrize("column", [0, SCORE_COLUMN, STATUS_COLUMN])
def test_rows_planned_in_another_thread_from_a_snapshot_are_used(qtbot, passes, column, monkeypatch):
    """The review worker plans the rows from a snapshot of the table: the model takes that plan
    (working out nothing itself), and the rows and the summary's counts are as a fresh sort's."""
    first, second, _ = passes
    edit = text_edit(first.document.text, second.document.text)
    model = model_with(qtbot, first.findings, column, Qt.SortOrder.DescendingOrder)
    snapshot = model.snapshot()
    planned: list[PlannedRows | None] = []
    worker = threading.Thread(
        target=lambda: planned.append(plan_rows(snapshot, second.findings, second.change, edit))
    )
    worker.start()
    worker.join()
    [rows] = planned
    assert rows is not None
    monkeypatch.setattr(model, "_carried", lambda *_: pytest.fail("the rows were planned here"))
    if column == STATUS_COLUMN:  # ids numbered again may move rows there: the worker said so
        assert rows.plan is None
        assert not model.set_findings(second.findings, edit, second.change, rows)
    else:
        monkeypatch.setattr(model, "_change_rows", lambda *_: pytest.fail("the lists were compared"))
        assert model.set_findings(second.findings, edit, second.change, rows)
    assert model.findings == model._sorted(second.findings)
    assert rows.categories == Counter(f.category for f in second.findings)
    assert rows.resolved == sum(f.id in model.resolutions for f in second.findings)


def test_a_plan_from_a_table_that_changed_since_is_not_used(qtbot, passes):
    """Sorted again, or a finding resolved, while the worker ran: its plan is of another table,
    and the model works the rows out itself."""
    first, second, _ = passes
    edit = text_edit(first.document.text, second.document.text)
    for change_table in (
        lambda model: model.sort(SCORE_COLUMN, Qt.SortOrder.DescendingOrder),
        lambda model: model.resolutions.add(
            Resolution(first.findings[0].id, "opinion", None, None, "Ana", "t", "s")
        ),
    ):
        model = model_with(qtbot, first.findings, 0, Qt.SortOrder.DescendingOrder)
        rows = plan_rows(model.snapshot(), second.findings, second.change, edit)
        assert rows is not None
        change_table(model)
        assert not model.holds(rows, edit)
        assert not model.set_findings(second.findings, edit, second.change, rows)
        assert model.findings == model._sorted(second.findings)
    model = model_with(qtbot, first.findings, 0, Qt.SortOrder.DescendingOrder)
    rows = plan_rows(model.snapshot(), second.findings, second.change, edit)
    assert rows is not None and not model.holds(rows, TextEdit(0, 0, 1))  # made for another edit


def test_a_filter_over_many_rows_shows_the_same_rows_and_keeps_the_current_one(qtbot):
    """Over MANY_ROWS the filter lays the table out again at once (row by row, hiding 53,000 rows
    of 293,000 held the window 5 s): the rows shown, and the current one, are as row by row."""
    from PySide6.QtWidgets import QTableView

    from reviewapp.core.findings import new_finding
    from reviewapp.gui.document.findings_model import MANY_ROWS, FindingsFilter

    categories = ("claim", "hedge", "peacock")
    findings = [
        new_finding(categories[n % 3], f"r{n % 7}", ("suggestion", "warning")[n % 2], n * 10, n * 10 + 4,
                    f"word{n}", f"message {n}", None, "")
        for n in range(MANY_ROWS + 100)
    ]  # fmt: skip
    model = FindingsModel(DraftResolutions())
    model.set_findings(findings)
    proxy = FindingsFilter()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    hedge_row = next(r for r, f in enumerate(model.findings) if f.category == "hedge")
    view.setCurrentIndex(proxy.mapFromSource(model.index(hedge_row, 0)))
    current = model.findings[hedge_row]
    proxy.set_filter({"hedge", "claim"}, "suggestion", True)
    shown = [model.findings[proxy.mapToSource(proxy.index(r, 0)).row()] for r in range(proxy.rowCount())]
    assert shown == [f for f in model.findings if f.category in ("hedge", "claim")]
    assert model.findings[proxy.mapToSource(view.currentIndex()).row()] == current
    proxy.set_filter(None, "warning", True, "WORD1")
    shown = [model.findings[proxy.mapToSource(proxy.index(r, 0)).row()] for r in range(proxy.rowCount())]
    assert shown == [f for f in model.findings if f.severity == "warning" and "word1" in f.text]
