"""The draft's file: changes by other programs are noticed and offered, a newer file is never
overwritten silently, and a file is saved in the encoding it was read in. Real files, real widgets."""

from __future__ import annotations

import codecs

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .conftest import wait_analysed


def answer_next_question(button: QMessageBox.StandardButton) -> list[str]:
    """Click `button` in the next modal question box; returns its text once it has shown."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)
    return seen


def test_a_change_by_another_program_is_offered_as_a_reload(window, qtbot, foxconn_copy):
    """Defect 2: changes on disk were overwritten silently."""
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    with foxconn_copy.open("a", encoding="utf-8") as other_program:
        other_program.write("A line added elsewhere.\n")
    qtbot.waitUntil(lambda: tab.banner.isVisible(), timeout=5000)
    assert "changed on disk" in tab.banner.message.text()
    tab.banner.reload_button.click()
    assert tab.text.endswith("A line added elsewhere.\n") and not tab.banner.isVisible()
    assert not tab.editor.document().isModified()


def test_unsaved_edits_and_a_change_on_disk_show_the_differences(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.editor, " Mine.")
    foxconn_copy.write_text(foxconn_copy.read_text(encoding="utf-8") + " Theirs.\n", encoding="utf-8")
    qtbot.waitUntil(lambda: tab.banner.isVisible(), timeout=5000)
    assert "unsaved changes" in tab.banner.message.text()
    tab.banner.compare_button.click()
    compare = window.findChild(object, "compare-dialog")
    removed = "".join(p.text for p in compare.diff.pieces if p.op == "delete")
    added = "".join(p.text for p in compare.diff.pieces if p.op == "insert")
    assert "Mine" in removed and "Theirs" in added and "Mine" not in added
    compare.close()

    # Saving over the newer file asks first; Cancel keeps theirs on disk.
    asked = answer_next_question(QMessageBox.StandardButton.Cancel)
    assert not window.files.save()
    assert "changed by another program" in asked[0]
    assert foxconn_copy.read_text(encoding="utf-8").endswith(" Theirs.\n")
    asked = answer_next_question(QMessageBox.StandardButton.Save)
    assert window.files.save() and asked
    assert foxconn_copy.read_text(encoding="utf-8").endswith(" Mine.")


def test_a_deleted_file_is_noticed_and_not_recreated_without_asking(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    foxconn_copy.unlink()
    qtbot.waitUntil(lambda: tab.banner.isVisible(), timeout=5000)
    assert "deleted or moved" in tab.banner.message.text()
    asked = answer_next_question(QMessageBox.StandardButton.Cancel)
    assert not window.files.save() and "deleted or moved" in asked[0]
    assert not foxconn_copy.exists()


def test_our_own_save_raises_no_alarm(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    qtbot.keyClicks(tab.editor, "X")
    assert window.files.save()
    qtbot.wait(300)
    assert not tab.banner.isVisible()


def test_a_windows_1252_draft_with_crlf_is_saved_the_same_way(window, qtbot, tmp_path):
    """Defect 3: a Latin-1 draft was saved back as UTF-8."""
    path = tmp_path / "legacy.txt"
    path.write_bytes("Caf\u00e9 opens\r\nThe caf\u00e9 opens at nine on weekdays.\r\n".encode("cp1252"))
    tab = window.open_path(path)
    wait_analysed(qtbot, tab)
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    tab.editor.insertPlainText("Cr\u00e8me.")  # QTest cannot type letters outside ASCII
    assert window.files.save()
    assert path.read_bytes() == (
        "Caf\u00e9 opens\r\nThe caf\u00e9 opens at nine on weekdays.\r\nCr\u00e8me.".encode("cp1252")
    )
    assert "Windows-1252, CRLF" in window.statusBar().currentMessage()

    # A character the encoding cannot hold: the editor is asked, and UTF-8 is kept only then.
    tab.editor.insertPlainText(" \u4e2d")
    asked = answer_next_question(QMessageBox.StandardButton.Cancel)
    assert not window.files.save() and "cannot hold “\u4e2d”" in asked[0]
    assert path.read_bytes().endswith("Cr\u00e8me.".encode("cp1252"))
    answer_next_question(QMessageBox.StandardButton.Save)
    assert window.files.save()
    assert path.read_bytes().decode("utf-8").endswith("Cr\u00e8me. \u4e2d")


def test_a_utf16_draft_keeps_its_byte_order_mark(window, qtbot, tmp_path):
    path = tmp_path / "sixteen.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Stra\u00dfe\nThe road opens in May.\n".encode("utf-16-le"))
    tab = window.open_path(path)
    wait_analysed(qtbot, tab)
    qtbot.keyClicks(tab.editor, "A")
    assert window.files.save()
    assert path.read_bytes().startswith(codecs.BOM_UTF16_LE + "AStra".encode("utf-16-le"))


def test_file_new_opens_an_empty_draft_that_save_asks_a_place_for(window, qtbot):
    tab = window.files.new_draft()
    assert tab.text == "" and tab.path is None and window.current() is tab
    qtbot.keyClicks(tab.editor, "Fresh copy")
    qtbot.keyClick(tab.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.editor, "Sales rose 40 percent in 2024.")
    review = wait_analysed(qtbot, tab)
    assert any(f.category == "claim" for f in review.findings)


def test_an_empty_draft_is_up_to_date_and_takes_the_keys(window, qtbot, foxconn_copy):
    """A new draft said "analysis failed: EmptyDocumentError: <draft>: the draft is empty", and the
    keys typed after Ctrl+N went to the welcome panel's button, not the draft. An empty draft has
    nothing to find; a draft whose text is all deleted loses its findings."""
    tab = window.files.new_draft()
    assert window.focusWidget() is tab.editor
    review = wait_analysed(qtbot, tab)
    assert review.findings == [] and "up to date" in window.status.state_label.text()
    opened = window.open_path(foxconn_copy)
    assert window.focusWidget() is opened.editor
    assert wait_analysed(qtbot, opened).findings
    opened.editor.selectAll()
    qtbot.keyClick(opened.editor, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: opened.review is not None and opened.review.document.text == "", timeout=10000)
    assert opened.review.findings == [] and "failed" not in window.status.state_label.text()


def test_a_text_the_app_refuses_says_why_in_one_line(window, qtbot, monkeypatch):
    """Edited past the size limit, the draft is refused as a file would be: the status bar says
    why, in the words a reader gets, with no exception's class name in it."""
    from reviewapp.core import loaders
    from reviewapp.core.limits import InputLimits

    tab = window.files.new_draft()
    wait_analysed(qtbot, tab)
    monkeypatch.setattr(loaders, "DEFAULT_LIMITS", InputLimits(text_mb=0))  # any text is too long
    qtbot.keyClicks(tab.editor, "Too long now.")
    qtbot.waitUntil(lambda: "failed" in window.status.state_label.text(), timeout=10000)
    state = window.status.state_label.text()
    assert "the text" in state and "Error" not in state


def test_a_file_name_with_a_bidi_override_is_shown_escaped(window, qtbot, tmp_path):
    path = tmp_path / "report\u202etxt.exe.txt"
    path.write_text("Library hours\nThe library opens at nine.\n", encoding="utf-8")
    tab = window.open_path(path)
    wait_analysed(qtbot, tab)
    assert "\u202e" not in window.windowTitle() and "report\\u202etxt.exe.txt" in window.windowTitle()
    index = window.tabs.indexOf(tab)
    assert "\u202e" not in window.tabs.tabText(index) + window.tabs.tabToolTip(index)


def test_the_wait_cursor_shows_while_a_draft_is_read_and_laid_out(window, qtbot, foxconn_copy, tmp_path):
    """Reading a long draft and laying it out hold the window: the cursor says so, and comes back
    after, also when the file cannot be read (the message then waits with the cursor back)."""
    seen: list[Qt.CursorShape | None] = []
    load = window.reviewer.load

    def watched_load(path):
        cursor = QApplication.overrideCursor()
        seen.append(cursor.shape() if cursor else None)
        return load(path)

    window.reviewer.load = watched_load
    assert window.open_path(foxconn_copy) is not None
    bad = tmp_path / "empty.txt"
    bad.write_text("  \n", encoding="utf-8")
    assert window.open_path(bad) is None
    assert seen == [Qt.CursorShape.WaitCursor, Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None
    assert window.messages and "empty" in window.messages[-1].text()


def opened_counting_ticks(window, path):
    """The tab `open_path` gives, and how often a timer due at once ticked during the call (the
    window's loop ran only if it did)."""
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    tab = window.open_path(path)
    timer.stop()
    return tab, len(ticks)


def test_a_long_draft_is_read_while_the_window_goes_on_painting(window, qtbot, tmp_path):
    """Reading a long draft held the window's loop (the 100,000-word draft: 26 ms of its opening; 20
    MB: over a second): it is read in a thread while the window's timers and paints go on, and
    opens as a short one does; one that cannot be opened still says why in one line."""
    from reviewapp.gui.actions.files import READ_WHILE_PAINTING_BYTES

    paragraph = "The council approved the budget on Tuesday after a long debate about bus fares.\n"
    long_draft = tmp_path / "long.txt"
    long_draft.write_text("Budget\n" + paragraph * (READ_WHILE_PAINTING_BYTES // len(paragraph) + 10))
    tab, during = opened_counting_ticks(window, long_draft)
    assert tab is not None and tab.editor.toPlainText() == long_draft.read_text()
    assert during > 0  # the loop ran while the draft was read
    wait_analysed(qtbot, tab)

    blank = tmp_path / "blank.txt"
    blank.write_text(" \n" * (READ_WHILE_PAINTING_BYTES // 2 + 10), encoding="utf-8")
    assert window.open_path(blank) is None
    assert window.messages and "empty" in window.messages[-1].text()


def test_a_short_draft_is_read_at_once(window, qtbot, foxconn_copy):
    """A short draft is read in the window's thread: no loop runs meanwhile (a timer due at once
    does not tick before the tab is there)."""
    tab, during = opened_counting_ticks(window, foxconn_copy)
    assert tab is not None and during == 0
    wait_analysed(qtbot, tab)


def test_no_break_spaces_and_line_separators_are_analysed_and_saved_as_written(
    window, qtbot, tmp_path, data_dir
):
    """The editor's plain text (toPlainText) has spaces for no-break spaces and line breaks for
    line separators: the draft was analysed as another text (every highlight after a separator a
    line off) and saved changed. The text as written is analysed and saved."""
    from reviewapp.core import load_path

    from .test_window import assert_highlight_matches

    lines = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8").split("\n")
    lines[7] = lines[7].replace(". ", ".\u2028", 1)  # a line break within the paragraph
    lines[9] = lines[9].replace(" ", "\u00a0", 3)
    path = tmp_path / "separators.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tab = window.open_path(path)
    review = wait_analysed(qtbot, tab)
    assert review.document.text == path.read_text(encoding="utf-8")
    # The sign-offs bind the text the command line reads too (`reviewapp status` of this file).
    assert review.draft.sha256 == load_path(path).sha256
    for finding in review.findings:
        if finding.start < finding.end:
            assert_highlight_matches(tab, finding)
    qtbot.keyClicks(tab.editor, "X")
    tab.editor.document().undo()
    assert window.files.save()
    assert path.read_text(encoding="utf-8") == "\n".join(lines) + "\n"


def test_a_paragraph_separator_is_read_alike_by_the_app_and_the_command_line(
    window, qtbot, tmp_path, data_dir
):
    """The editor breaks a paragraph at U+2029 (and at U+FDD0, a frame mark to Qt): the app read
    another text than `check` (other paragraphs, another hash for the sign-offs). The loader
    makes the separator a line end and drops the noncharacter, for both."""
    from reviewapp.core import load_path
    from reviewapp.core.review import Reviewer

    from .test_window import assert_highlight_matches

    lines = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8").split("\n")
    lines[7] = lines[7].replace(". ", ".\u2029", 1)
    lines[9] = lines[9].replace(" ", " \ufdd0", 1)
    path = tmp_path / "separators.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    tab = window.open_path(path)
    review = wait_analysed(qtbot, tab)
    loaded = load_path(path)
    assert review.document.text == loaded.text
    assert review.draft.sha256 == loaded.sha256
    checked = Reviewer.configured(None).review(loaded, grammar="off")
    assert [(f.id, f.start, f.end) for f in review.findings] == [
        (f.id, f.start, f.end) for f in checked.findings
    ]
    for finding in review.findings:
        if finding.start < finding.end:
            assert_highlight_matches(tab, finding)


def test_an_ampersand_in_a_file_name_is_shown_not_taken_as_an_access_key(window, qtbot, tmp_path):
    path = tmp_path / "Q&A with the mayor.txt"
    path.write_text("Library hours\nThe library opens at nine.\n", encoding="utf-8")
    tab = window.open_path(path)
    index = window.tabs.indexOf(tab)
    assert window.tabs.tabText(index) == "Q&&A with the mayor.txt"  # Qt shows "&&" as one "&"
    first = window.files.recent_menu.actions()[0]
    assert first.text().startswith("&1 ") and "Q&&A with the mayor.txt" in first.text()
    assert "Q&A with the mayor.txt" in window.windowTitle()


def test_the_recent_list_escapes_names_forgets_files_gone_and_can_be_cleared(window, qtbot, tmp_path):
    kept = tmp_path / "kept.txt"
    gone = tmp_path / "line\nbreak.txt"
    for path in (kept, gone):
        path.write_text("Library hours\nThe library opens at nine.\n", encoding="utf-8")
        window.open_path(path)
    assert window.files.recent()[:2] == [str(gone.resolve()), str(kept.resolve())]
    texts = [a.text() for a in window.files.recent_menu.actions()]
    assert "\n" not in texts[0] and "line\\nbreak.txt" in texts[0]
    window.close_tab(window.tabs.indexOf(window.current()))
    gone.unlink()
    answer_next_question(QMessageBox.StandardButton.Ok)  # "Cannot open the draft"
    window.files.recent_menu.actions()[0].trigger()
    assert window.files.recent() == [str(kept.resolve())]
    labels = [a.text() for a in window.files.recent_menu.actions() if not a.isSeparator()]
    assert labels == [f"&1 {kept.resolve()}", "&Clear the List"]
    window.files.recent_menu.actions()[-1].trigger()
    assert window.files.recent() == [] and not window.files.recent_menu.isEnabled()


def test_a_file_name_that_looks_like_markup_is_shown_as_written_in_the_banner(window, qtbot, tmp_path):
    """Qt renders a label's text as HTML when it looks like HTML: "<b>x.txt" lost its name."""
    from PySide6.QtGui import QTextDocument

    path = tmp_path / "<b>council.txt"
    path.write_text("Library hours\nThe library opens at nine.\n", encoding="utf-8")
    tab = window.open_path(path)
    wait_analysed(qtbot, tab)
    path.write_text("Library hours\nThe library opens at ten.\n", encoding="utf-8")
    qtbot.waitUntil(lambda: tab.banner.isVisible(), timeout=5000)
    label = tab.banner.message
    assert label.text().startswith("<b>council.txt was changed on disk")
    # What a reader sees: the label as laid out, the name's brackets included.
    shown = QTextDocument()
    if label.textFormat() == Qt.TextFormat.PlainText:
        shown.setPlainText(label.text())
    else:
        shown.setHtml(label.text())
    assert shown.toPlainText().startswith("<b>council.txt")


def test_an_edited_odt_is_saved_as_text_beside_it_and_left_as_it_is(window, qtbot, tmp_path, monkeypatch):
    """The app edits text, not a Word or OpenDocument file's formatting: Save asks where the text
    goes, says the original stays as it is, and leaves it so."""
    import shutil

    from PySide6.QtWidgets import QFileDialog

    from tests.core.test_odt import COUNCIL

    original = shutil.copy(COUNCIL, tmp_path / "council.odt")
    before = (tmp_path / "council.odt").read_bytes()
    asked: list[tuple[str, str]] = []

    def save_name(parent, title, start, filters):
        asked.append((title, start))
        return start, filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    tab = window.open_path(original)
    wait_analysed(qtbot, tab)
    qtbot.keyClicks(tab.editor, "Draft: ")
    assert window.files.save()
    assert asked == [
        (
            "Save the text as .txt or .md (council.odt is left as it is, with its formatting)",
            str(tmp_path / "council.txt"),
        )
    ]
    saved = (tmp_path / "council.txt").read_text(encoding="utf-8")
    assert saved.startswith("Draft: Council approves bus plan\nThe council voted seven to two")
    assert (tmp_path / "council.odt").read_bytes() == before
    assert tab.path == tmp_path / "council.txt"
    assert window.status.currentMessage() == "Saved the text as council.txt; council.odt is left as it is."
