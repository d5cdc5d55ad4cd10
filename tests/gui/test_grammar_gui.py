"""Grammar in the window: LanguageTool findings, one-click fixes, the dictionary, degradation, preferences."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from reviewapp.core.settings import load_user_settings

from .conftest import wait_analysed
from .test_window import assert_highlight_matches, type_text


def use_server(window, url: str) -> None:
    window.grammar.user = window.grammar.user.with_values(grammar_mode="server", grammar_server_url=url)
    window.grammar.configure()
    window.reviewer.grammar.settings = window.reviewer.grammar.settings.with_overrides(timeout=1.0)


def wait_grammar(qtbot, tab, category: str = "grammar"):
    qtbot.waitUntil(
        lambda: (
            tab.up_to_date
            and not tab.scheduler.grammar_running
            and any(f.category == category for f in tab.review.findings)
        ),
        timeout=15000,
    )
    return tab.review


def test_grammar_findings_are_highlighted_and_labelled(window, qtbot, foxconn_copy, languagetool):
    url, _log = languagetool
    use_server(window, url)
    tab = window.open_path(foxconn_copy)
    result = wait_grammar(qtbot, tab)
    grammar = {f.text: f for f in result.findings if f.category == "grammar"}
    assert {"Nishadil", "We makes"} <= set(grammar)
    for finding in grammar.values():
        assert_highlight_matches(tab, finding)
    # The disclosure check flags these words already; LanguageTool's match does not add a second one.
    assert len([f for f in result.findings if f.category == "disclosure" and f.text == "We makes"]) == 1
    assert window.status.grammar_label.text() == "Grammar: LanguageTool"


def test_a_replacement_from_the_context_menu(window, qtbot, foxconn_copy, languagetool):
    url, _ = languagetool
    use_server(window, url)
    tab = window.open_path(foxconn_copy)
    result = wait_grammar(qtbot, tab)
    finding = next(f for f in result.findings if f.category == "grammar" and f.text == "We makes")
    actions = tab.editor.context_actions(tab.editor.line_map.to_utf16(finding.start + 1))
    assert [a.text() for a in actions][:2] == ["Replace with “We make”", "Replace with “We made”"]
    actions[0].trigger()
    assert "We make no representations" in tab.text
    wait_analysed(qtbot, tab)
    qtbot.waitUntil(lambda: not tab.scheduler.grammar_running and tab.up_to_date, timeout=15000)
    assert not any(f.text == "We makes" for f in tab.review.findings)
    tab.editor.document().undo()  # one undo step puts the words back
    assert "We makes no representations" in tab.text


def test_add_a_word_to_the_dictionary(window, qtbot, foxconn_copy, languagetool, home):
    url, _ = languagetool
    use_server(window, url)
    tab = window.open_path(foxconn_copy)
    result = wait_grammar(qtbot, tab)
    name = next(f for f in result.findings if f.text == "Nishadil")
    [add] = [
        a
        for a in tab.editor.context_actions(tab.editor.line_map.to_utf16(name.start))
        if "Dictionary" in a.text()
    ]
    add.trigger()
    assert "Nishadil" in (home / "dictionary.txt").read_text().split()
    # Reviewed again from LanguageTool's cache: no new request, the word is gone.
    qtbot.waitUntil(lambda: not any(f.text == "Nishadil" for f in tab.review.findings), timeout=5000)
    assert any(f.text == "We makes" for f in tab.review.findings)  # other matches stay


def test_grammar_after_an_emoji_stays_aligned(window, qtbot, foxconn_copy, languagetool):
    url, log = languagetool
    use_server(window, url)
    tab = window.open_path(foxconn_copy)
    wait_grammar(qtbot, tab)
    sent = len(log.texts)
    block = tab.editor.document().find("Share- Nishadil").block()
    tab.editor.setTextCursor(QTextCursor(block))
    type_text(tab.editor, "🎉🚀 ")
    wait_analysed(qtbot, tab)
    qtbot.waitUntil(
        lambda: len(log.texts) > sent and not tab.scheduler.grammar_running and tab.up_to_date, timeout=15000
    )
    assert log.texts[sent:] == ["🎉🚀 Share- Nishadil"]  # only the edited paragraph went again
    name = next(f for f in tab.review.findings if f.text == "Nishadil")
    assert tab.review.document.text[name.start - 10 : name.start] == "🎉🚀 Share- "  # code points
    assert_highlight_matches(tab, name)


def test_an_unavailable_server_is_shown_and_nothing_else_changes(window, qtbot, foxconn_copy, languagetool):
    url, log = languagetool
    log.behaviour = "error"
    use_server(window, url)
    tab = window.open_path(foxconn_copy)
    result = wait_analysed(qtbot, tab)
    qtbot.waitUntil(lambda: window.status.grammar_label.text() == "Grammar check unavailable", timeout=15000)
    assert "LanguageTool failed" in window.status.grammar_label.toolTip()
    assert "Preferences" in window.status.grammar_label.toolTip()
    assert {f.category for f in result.findings} >= {"claim", "hedge", "peacock", "disclosure"}
    assert not any(f.category == "grammar" for f in tab.review.findings)


def test_grammar_is_off_by_default(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    assert window.reviewer.grammar is None
    assert window.status.grammar_label.text() == "Grammar check off"
    assert "Preferences" in window.status.grammar_label.toolTip()


def test_preferences_choose_a_server(window, qtbot, languagetool):
    url, _ = languagetool
    window.grammar.show_preferences()
    dialog = window.findChild(object, "preferences-dialog")
    dialog.server.setChecked(True)
    dialog.url.setText("not a url")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.isVisible() and "http" in dialog.error.text()
    dialog.url.setText("https://api.languagetool.org")
    assert "sent to LanguageTool's servers" in dialog.privacy.text()
    dialog.url.setText(url)
    ok.click()
    saved = load_user_settings()  # where `reviewapp check` and `status` read it too
    assert (saved.grammar_mode, saved.grammar_server_url) == ("server", url)
    assert window.reviewer.grammar is not None and window.reviewer.grammar.settings.server_url == url


def test_downloading_languagetool_asks_first(window, qtbot, monkeypatch):
    started = []
    monkeypatch.setattr(window.grammar, "download_languagetool", lambda: started.append(True))
    window.grammar.show_preferences()
    dialog = window.findChild(object, "preferences-dialog")
    dialog.local.setChecked(True)
    dialog.download.click()
    box = window.findChild(QMessageBox, "confirm-download")
    assert box is not None and "250 MB" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert started == []  # declined: nothing fetched
    dialog.download.click()
    window.findChild(QMessageBox, "confirm-download").button(QMessageBox.StandardButton.Yes).click()
    assert started == [True]


def test_a_failed_download_closes_its_progress_and_says_why(window, qtbot, monkeypatch):
    """The result reaches the window even when nothing else holds the worker any more (the
    download itself, from languagetool.org, cannot run here: it fails at once instead)."""
    import gc

    from reviewapp.gui import workers

    monkeypatch.setattr(workers.DownloadWorker, "run", lambda self: self.signals.failed.emit("offline"))
    window.grammar.download_languagetool()
    progress = window.findChild(object, "download-progress")
    assert progress is not None and progress.isVisible()
    gc.collect()
    qtbot.waitUntil(lambda: window.findChild(object, "error-box") is not None, timeout=5000)
    assert "offline" in window.findChild(object, "error-box").text()
    assert not progress.isVisible() and window.grammar.download_progress is None
