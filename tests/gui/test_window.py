"""The real window under QT_QPA_PLATFORM=offscreen, driven like an editor would."""

from __future__ import annotations

import sys
from itertools import groupby

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewapp.core.categories import CATEGORIES
from reviewapp.core.store import Resolution
from reviewapp.gui.document.findings_model import FINDING_ROLE, FindingsModel
from reviewapp.gui.document.offsets import utf16_len
from reviewapp.gui.document.resolutions import DraftResolutions
from reviewapp.gui.document.table_order import COLUMNS

from .conftest import wait_analysed


def type_text(widget, text):
    """Key events carrying text, as an input method sends them (QTest's key clicks are ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def highlighted(tab):
    """(line, utf16 start, utf16 length, finding id) of every highlight the editor shows."""
    out = []
    block = tab.editor.document().firstBlock()
    while block.isValid():
        for fr in block.layout().formats():
            out.append((block.blockNumber(), fr.start, fr.length, fr.format.property(0x100000)))
        block = block.next()
    return out


def assert_highlight_matches(tab, finding):
    """The finding's highlight covers exactly its text, in Qt's UTF-16 positions."""
    if finding.category == "claim":
        start, end = tab.editor.line_map.to_utf16(finding.start), tab.editor.line_map.to_utf16(finding.end)
        assert (start, end) in tab.editor.underlines()
        cursor = QTextCursor(tab.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == finding.text
        return
    line = tab.editor.line_map.line_of(finding.start)
    block = tab.editor.document().findBlockByNumber(line)
    block_text = block.text()
    rel = finding.start - tab.editor.line_map.line_starts[line]
    ranges = [(s, n) for ln, s, n, fid in highlighted(tab) if ln == line and fid == finding.id]
    assert ranges, f"no highlight for {finding.id} {finding.text!r}"
    start, length = ranges[0]
    assert start == utf16_len(block_text[:rel])
    shown = block_text.encode("utf-16-le")[start * 2 : (start + length) * 2].decode("utf-16-le")
    assert finding.text.startswith(shown) or shown == finding.text


def test_open_foxconn_highlights_every_category_in_place(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    # Before the first review: the draft's words as read, no count of findings not yet found.
    assert tab.review is None and window.status.words_label.text() == "450 words"
    assert window.status.open_label.text() == ""
    result = wait_analysed(qtbot, tab)
    shown_ids = {fid for *_, fid in highlighted(tab)}
    categories = {f.category for f in result.findings if f.id in shown_ids}
    if tab.editor.underlines():
        categories.add("claim")
    assert categories >= {"claim", "hedge", "peacock", "disclosure", "boilerplate", "ai_tell"}
    for finding in result.findings:
        if finding.start < finding.end:
            assert_highlight_matches(tab, finding)
    assert "450 words" in window.status.words_label.text()
    gate = tab.review.gate
    assert window.status.open_label.text() == (
        f"0 of {len(result.findings)} resolved, {len(gate.unresolved)} blocking"
    )
    assert window.windowTitle().startswith("openai-foxconn.txt")


def test_filter_the_panel(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    for category, box in tab.panel.category_boxes.items():
        box.setChecked(category == "hedge")
    rows = [tab.panel.filter.index(r, 0).data(FINDING_ROLE) for r in range(tab.panel.filter.rowCount())]
    assert rows and {f.category for f in rows} == {"hedge"}
    assert all(box.text().endswith(")") for box in tab.panel.category_boxes.values())
    for box in tab.panel.category_boxes.values():
        box.setChecked(True)
    tab.panel.severity_box.setCurrentText("error")
    rows = [tab.panel.filter.index(r, 0).data(FINDING_ROLE) for r in range(tab.panel.filter.rowCount())]
    assert [f.rule for f in rows] == ["disclosure.truncated"]


def test_click_and_keyboard_jump_to_findings(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    result = wait_analysed(qtbot, tab)
    index = tab.panel.filter.index(3, 0)
    tab.panel.table.setCurrentIndex(index)
    tab.panel.table.setFocus()
    qtbot.keyClick(tab.panel.table, Qt.Key.Key_Return)
    assert tab.editor.textCursor().selectedText() == index.data(FINDING_ROLE).text.replace("\n", "\u2029")

    cursor = tab.editor.textCursor()
    cursor.setPosition(0)
    tab.editor.setTextCursor(cursor)
    first = min((f for f in result.findings if f.start < f.end), key=lambda f: (f.start, f.end))
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert tab.editor.textCursor().selectedText() == first.text
    qtbot.keyClick(window, Qt.Key.Key_F8)
    second = tab.editor.textCursor().selectedText()
    assert second and second != first.text
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert tab.editor.textCursor().selectedText() == first.text


def test_resolve_a_finding_dims_it_and_records_it(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    result = wait_analysed(qtbot, tab)
    finding = next(f for f in result.findings if f.text == "if you ask me")
    before = next(fr.format.background().color().alpha() for fr in _ranges(tab, finding))
    window.findings.record_resolution(tab, finding, "opinion", "Ana Ruiz", note="columnist's aside")
    after = next(fr.format.background().color().alpha() for fr in _ranges(tab, finding))
    assert after < before
    row = next(r for r in range(tab.panel.model.rowCount()) if tab.panel.model.findings[r].id == finding.id)
    assert tab.panel.model.index(row, COLUMNS.index("Status")).data() == "opinion"
    assert window.store.resolutions(tab.key)[finding.id].person == "Ana Ruiz"
    assert window.status.open_label.text().startswith(f"1 of {len(result.findings)} resolved, ")
    # Shown again after reopening: the decision is in the database.
    window.close_tab(0)
    reopened = window.open_path(foxconn_copy)
    wait_analysed(qtbot, reopened)
    assert finding.id in reopened.resolutions


def _ranges(tab, finding):
    block = tab.editor.document().findBlockByNumber(tab.editor.line_map.line_of(finding.start))
    return [fr for fr in block.layout().formats() if fr.format.property(0x100000) == finding.id]


def test_typing_reanalyses_only_the_changed_paragraph(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    block = tab.editor.document().findBlockByNumber(9)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    tab.editor.setTextCursor(cursor)
    qtbot.keyClicks(tab.editor, " Prices might rise.")
    result = wait_analysed(qtbot, tab)
    assert result.analysis.reanalysed == 1 and result.analysis.changed == [9]
    might = [f for f in result.findings if f.text == "might" and tab.editor.line_map.line_of(f.start) == 9]
    assert len(might) == 1
    assert_highlight_matches(tab, might[0])
    assert tab.editor.document().isModified() and tab.title.endswith("•")


def test_emoji_before_a_finding_keeps_its_highlight_aligned(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    cursor = QTextCursor(tab.editor.document().findBlockByNumber(7))  # "It feels like…"
    tab.editor.setTextCursor(cursor)
    type_text(tab.editor, "🎉🚀 ")
    result = wait_analysed(qtbot, tab)
    feels = next(f for f in result.findings if f.text == "It feels like")
    assert result.document.text[feels.start - 3 : feels.start] == "🎉🚀 "
    assert_highlight_matches(tab, feels)
    later = [
        f for f in result.findings if tab.editor.line_map.line_of(f.start) == 7 and f.start > feels.start
    ]
    assert later
    for finding in later:
        assert_highlight_matches(tab, finding)


def test_undo_restores_text_and_findings(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    original = wait_analysed(qtbot, tab)
    cursor = QTextCursor(tab.editor.document().findBlockByNumber(8))
    cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
    tab.editor.setTextCursor(cursor)
    qtbot.keyClick(tab.editor, Qt.Key.Key_Delete)
    changed = wait_analysed(qtbot, tab)
    assert len(changed.findings) < len(original.findings)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = wait_analysed(qtbot, tab)
    assert tab.text == original.document.text
    assert [f.id for f in restored.findings] == [f.id for f in original.findings]


def test_findings_model_passes_the_model_tester(qtbot, data_dir):
    from reviewapp.core import Analyzer, load_path

    result = Analyzer().analyze(load_path(data_dir / "openai-foxconn.txt"))
    model = FindingsModel(DraftResolutions())
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_findings(result.findings)
    model.set_findings(result.findings[:5])
    assert model.rowCount() == 5 and model.columnCount() == 6
    assert tester is not None


@pytest.mark.parametrize("column", range(6))
def test_each_column_sorts_by_its_key_then_in_reading_order(qtbot, data_dir, column):
    from reviewapp.core import Analyzer, load_path
    from reviewapp.core.findings import SEVERITY_RANK

    findings = Analyzer().analyze(load_path(data_dir / "openai-foxconn.txt")).findings
    resolutions = DraftResolutions()
    resolutions.replace_all(
        {findings[3].id: Resolution(findings[3].id, "opinion", None, None, "Ana", "t", "s")}
    )
    keys = (
        lambda f: SEVERITY_RANK[f.severity],
        lambda f: f.category,
        lambda f: -1.0 if f.score is None else f.score,
        lambda f: f.start,
        lambda f: f.message,
        lambda f: f.id in resolutions,
    )
    model = FindingsModel(resolutions)
    model.set_findings(findings)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(column, order)
        descending = order == Qt.SortOrder.DescendingOrder
        assert [keys[column](f) for f in model.findings] == sorted(
            map(keys[column], findings), reverse=descending
        )
        # Rows of one key in reading order whichever way the column sorts (not bottom to top).
        for _, rows in groupby(model.findings, key=keys[column]):
            starts = [f.start for f in rows]
            assert starts == sorted(starts), (COLUMNS[column], order)


def test_the_current_row_keeps_its_finding_when_the_table_sorts(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    table, proxy = tab.panel.table, tab.panel.filter
    table.setCurrentIndex(proxy.index(5, 2))
    chosen = table.currentIndex().data(FINDING_ROLE)
    for column, order in (
        (4, Qt.SortOrder.AscendingOrder),
        (1, Qt.SortOrder.DescendingOrder),
        (0, Qt.SortOrder.AscendingOrder),
    ):
        table.sortByColumn(column, order)
        assert table.currentIndex().data(FINDING_ROLE) == chosen
        assert table.currentIndex().column() == 2
        assert table.selectionModel().isRowSelected(table.currentIndex().row(), table.currentIndex().parent())


def test_a_sort_asked_twice_is_done_once(window, qtbot, foxconn_copy):
    """QTableView.sortByColumn asks the model twice; each sort filters every row again (1.5 s of
    3 with 293,000 rows). A sort after a resolution is done again (the Status column reads it)."""
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    sorts: list[bool] = []
    tab.panel.model.layoutChanged.connect(lambda *_: sorts.append(True))
    tab.panel.table.sortByColumn(COLUMNS.index("Status"), Qt.SortOrder.AscendingOrder)
    assert len(sorts) == 1
    first = tab.panel.model.findings[0]
    tab.resolutions.add(Resolution(first.id, "opinion", None, None, "Ana", "t", "s"))
    tab.panel.table.sortByColumn(COLUMNS.index("Status"), Qt.SortOrder.AscendingOrder)
    assert len(sorts) == 2 and tab.panel.model.findings[-1] == first  # resolved rows last


def test_bad_file_gives_a_message_and_no_tab(window, tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a word file")
    assert window.open_path(bad) is None
    assert window.tabs.count() == 0
    assert window.messages and "broken.docx" in window.messages[0].text()


def test_save_writes_the_edited_text(window, qtbot, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("Headline\nThe council met on Tuesday.\n", encoding="utf-8")
    path.chmod(0o664)
    tab = window.open_path(path)
    wait_analysed(qtbot, tab)
    tab.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(tab.editor, "It may rain.")
    assert window.files.save()
    assert path.read_text(encoding="utf-8") == "Headline\nThe council met on Tuesday.\nIt may rain."
    assert not tab.editor.document().isModified()
    assert str(path.resolve()) in window.files.recent()
    assert path.stat().st_mode & 0o777 == 0o664  # saving keeps who may read the draft
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_dark_theme_toggle(window, qtbot, foxconn_copy):
    from PySide6.QtWidgets import QApplication

    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    window.menus.dark_action.trigger()
    assert window.dark and tab.editor.highlighter.dark
    assert QApplication.palette().base().color().lightness() < 60
    assert window.settings.value("view/dark", type=bool) is True
    window.menus.dark_action.trigger()
    assert QApplication.palette().base().color().lightness() > 200


def test_every_category_has_a_legend_entry(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    assert set(tab.panel.category_boxes) == set(CATEGORIES)


def test_sorting_the_panel_by_a_column(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    tab.panel.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    keys = [
        tab.panel.filter.index(r, 0).data(FINDING_ROLE).category for r in range(tab.panel.filter.rowCount())
    ]
    assert keys == sorted(keys)
    tab.panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert tab.panel.filter.index(0, 0).data() == "error"
    tester = QAbstractItemModelTester(tab.panel.filter, QAbstractItemModelTester.FailureReportingMode.Fatal)
    tab.panel.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert tester is not None

    def shown() -> list:
        return [tab.panel.filter.index(r, 0).data(FINDING_ROLE) for r in range(tab.panel.filter.rowCount())]

    tab.panel.table.sortByColumn(COLUMNS.index("Text"), Qt.SortOrder.AscendingOrder)
    starts = [f.start for f in shown()]
    assert starts == sorted(starts)  # reading order
    tab.panel.table.sortByColumn(COLUMNS.index("Message"), Qt.SortOrder.AscendingOrder)
    messages = [f.message for f in shown()]
    assert messages == sorted(messages)
    first = shown()[-1]
    tab.resolutions.replace_all({first.id: Resolution(first.id, "opinion", None, None, "Ana", "t", "s")})
    tab.panel.table.sortByColumn(COLUMNS.index("Status"), Qt.SortOrder.DescendingOrder)
    assert shown()[0].id == first.id  # the resolved one first


def test_a_long_draft_is_painted_where_it_is_seen_and_as_it_scrolls(window, qtbot, tmp_path, data_dir):
    """Only the lines on screen are painted at once; a line far below is painted when it comes into
    view (nothing stale shows), and its claims are underlined then too."""
    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    path = tmp_path / "long.txt"
    path.write_text("\n".join([article] * 40), encoding="utf-8")  # about 1,200 lines
    tab = window.open_path(path)
    result = wait_analysed(qtbot, tab)
    hedges = sorted((f for f in result.findings if f.category == "hedge"), key=lambda f: f.start)
    assert_highlight_matches(tab, hedges[0])  # on screen: painted with the result
    last_hedge = hedges[-1]
    far_line = tab.editor.line_map.line_of(last_hedge.start)
    assert not tab.editor.painted.is_painted(far_line)  # far below the screen: not painted yet
    last_claim = max((f for f in result.findings if f.category == "claim"), key=lambda f: f.start)
    span = (tab.editor.line_map.to_utf16(last_claim.start), tab.editor.line_map.to_utf16(last_claim.end))
    assert span not in tab.editor.underlines()  # nor underlined

    tab.jump_to(last_hedge)  # scrolls there: painted before the viewport is drawn
    assert tab.editor.painted.is_painted(far_line)
    assert_highlight_matches(tab, last_hedge)
    tab.jump_to(last_claim)
    qtbot.waitUntil(lambda: span in tab.editor.underlines(), timeout=5000)
    assert_highlight_matches(tab, last_claim)


def test_about_shows_the_package_version_and_the_icon(window, qtbot):
    from importlib.metadata import version

    from reviewapp.gui.icons import app_icon

    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(16, 16), (48, 48), (256, 256)} <= sizes

    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    next(a for a in help_menu.actions() if "About" in a.text()).trigger()
    box = window.findChild(QMessageBox, "about-box")
    qtbot.waitExposed(box)
    assert f"reviewapp {version('reviewapp')}" in box.text()
    assert not box.iconPixmap().isNull()
    assert str(window.store.path) in box.informativeText()
    box.accept()


def test_saving_clears_the_unsaved_mark_from_the_window_title(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    qtbot.keyClicks(tab.editor, "x")
    assert window.windowTitle().startswith("openai-foxconn.txt •")
    assert window.files.save()
    assert window.windowTitle().startswith("openai-foxconn.txt — ")
    assert window.tabs.tabText(window.tabs.currentIndex()) == "openai-foxconn.txt"


def test_the_findings_sort_most_check_worthy_first(window, qtbot, foxconn_copy):
    from reviewapp.gui.document.table_order import SCORE_COLUMN

    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    tab.panel.table.sortByColumn(SCORE_COLUMN, Qt.SortOrder.DescendingOrder)
    shown = tab.panel.shown_findings()
    scores = [f.score for f in shown if f.score is not None]
    assert scores == sorted(scores, reverse=True) and len(scores) > 10
    assert shown[0].score == max(scores)
    top = tab.panel.filter.index(0, SCORE_COLUMN).data()
    assert top == f"{max(scores):.2f}"


def test_a_draft_in_another_tab_waits_to_be_painted_until_it_is_shown(window, qtbot, tmp_path, data_dir):
    """A draft behind another takes no turns from the edits of the one being worked on."""
    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    path = tmp_path / "long.txt"
    path.write_text("\n".join([article] * 40), encoding="utf-8")
    long_tab = window.open_path(path)
    other = window.open_path(data_dir / "openai-foxconn.txt")  # the long one goes behind it
    result = wait_analysed(qtbot, long_tab)
    wait_analysed(qtbot, other)
    assert not long_tab.editor.isVisible()
    first = min((f for f in result.findings if f.category == "hedge"), key=lambda f: f.start)
    assert not long_tab.editor.painted.is_painted(long_tab.editor.line_map.line_of(first.start))  # hidden

    window.tabs.setCurrentWidget(long_tab)
    assert long_tab.editor.painted.is_painted(long_tab.editor.line_map.line_of(first.start))
    assert_highlight_matches(long_tab, first)


def assert_highlights_are_current(tab, findings):
    """Every highlight on a painted line is a current finding's, on its current words."""
    by_id = {f.id: f for f in findings}
    for line, _start, _length, finding_id in highlighted(tab):
        if not tab.editor.painted.is_painted(line):
            continue  # not painted since this analysis: painted when it comes into view
        assert finding_id in by_id, f"a stale highlight on line {line}"
        assert tab.editor.line_map.line_of(by_id[finding_id].start) == line


@pytest.mark.parametrize("edit", ["insert a line above", "remove a line"])
def test_after_an_edit_that_moves_lines_every_highlight_is_in_place(window, qtbot, foxconn_copy, edit):
    """Lines after the edit move; each shows its own findings, compared and painted as needed."""
    tab = window.open_path(foxconn_copy)
    before = wait_analysed(qtbot, tab)
    cursor = QTextCursor(tab.editor.document())
    if edit == "insert a line above":
        cursor.insertText("Editor's note: updated on Friday.\n")
    else:  # the second line (the byline) goes, and the lines below move up
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
    tab.scheduler.debounce.stop()
    tab.scheduler.start()
    qtbot.waitUntil(lambda: tab.review is not before and not tab.scheduler.running, timeout=10000)
    after = tab.review
    assert after.document.text == tab.text
    assert_highlights_are_current(tab, [*after.findings, *after.allowed])
    for finding in after.findings:
        line = tab.editor.line_map.line_of(finding.start)
        if (
            finding.start < finding.end
            and finding.category != "claim"
            and tab.editor.painted.is_painted(line)
        ):
            assert_highlight_matches(tab, finding)


def test_the_app_runs_the_cycle_collector_when_a_command_starts_it():
    """Commands run with the collector off; the app, started by one, runs for hours and needs it."""
    import gc

    from reviewapp.gui.app import tune_interpreter
    from reviewapp.interpreter import YOUNG_OBJECTS, collector_off

    threshold, interval = gc.get_threshold(), sys.getswitchinterval()
    try:
        with collector_off():
            assert not gc.isenabled()
            tune_interpreter()
            assert gc.isenabled()
            assert gc.get_threshold()[0] == YOUNG_OBJECTS
    finally:
        gc.set_threshold(*threshold)
        sys.setswitchinterval(interval)
    assert gc.isenabled()


def test_the_review_worker_plans_the_tables_rows_and_the_card_knows_an_edit_at_once(
    window, qtbot, foxconn_copy, monkeypatch
):
    """After an edit the worker plans the findings table's rows from a snapshot taken as it
    began (and works out the edit), and the window only moves them; the text counts as changed
    from the first key on."""
    tab = window.open_path(foxconn_copy)
    before = wait_analysed(qtbot, tab)
    assert tab.up_to_date
    planned: list[bool] = []
    take = type(tab.panel.model).set_findings
    monkeypatch.setattr(tab.panel.model, "_carried", lambda *_: pytest.fail("rows planned in the window"))
    monkeypatch.setattr(
        "reviewapp.gui.document.tab.text_edit", lambda *_: pytest.fail("the edit worked out in the window")
    )
    monkeypatch.setattr(
        tab.panel.model, "set_findings", lambda *args: planned.append(take(tab.panel.model, *args)) or True
    )
    cursor = QTextCursor(tab.editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(" It might rain.")
    assert not tab.up_to_date  # before the pause in typing is over
    tab.scheduler.debounce.stop()
    tab.scheduler.start()
    qtbot.waitUntil(lambda: tab.review is not before and not tab.scheduler.running, timeout=10000)
    assert planned == [True]
    assert tab.up_to_date
    after = tab.review
    assert tab.panel.model.findings == tab.panel.model._sorted([*after.findings, *after.allowed])
    open_count = len(tab.panel.model.findings) - tab.resolutions.count_in(
        f.id for f in tab.panel.model.findings
    )
    assert tab.panel.summary.text() == f"{open_count} open of {len(tab.panel.model.findings)}"


def test_the_status_bar_tells_how_far_a_long_drafts_first_review_has_gone(window, qtbot, tmp_path, data_dir):
    from reviewapp.core.analysis import PROGRESS_MIN_PARAGRAPHS

    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    path = tmp_path / "long.txt"
    path.write_text("\n".join([article] * (PROGRESS_MIN_PARAGRAPHS // 10)), encoding="utf-8")
    shown: list[str] = []
    window.status.state_label.setText = lambda text, set_text=window.status.state_label.setText: (
        shown.append(text),
        set_text(text),
    )
    tab = window.open_path(path)
    wait_analysed(qtbot, tab, timeout=30000)
    steps = [int(text.split()[1]) for text in shown if text.startswith("analysing… ") and text.endswith(" %")]
    assert steps and steps == sorted(steps) and steps[-1] == 100
    assert shown[-1].startswith("up to date")
