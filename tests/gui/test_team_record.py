"""The desktop app on a shared record (a real PostgreSQL server): colleagues' decisions show live."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QSettings

from reviewapp.core.store.locations import open_store

from .conftest import shown_window, wait_analysed


@pytest.fixture
def team_window(qtbot, tmp_path, home, server_url):
    yield from shown_window(qtbot, tmp_path, open_store(server_url))


def test_a_colleagues_decisions_show_within_two_seconds(team_window, qtbot, foxconn_copy, server_url, people):
    tab = team_window.open_path(foxconn_copy)
    review = wait_analysed(qtbot, tab)
    assert team_window.watcher is not None and team_window.watcher.isRunning()
    finding = next(f for f in review.findings if f.at_least("warning"))
    assert finding.id not in tab.review.gate.resolutions

    # A colleague, on another machine: another connection, another person's key.
    with open_store(server_url) as theirs:
        started = time.monotonic()
        theirs.resolve(review.draft, finding, "opinion", people.signer("Lee Park"))
        qtbot.waitUntil(lambda: finding.id in tab.review.gate.resolutions, timeout=2000)
        assert time.monotonic() - started < 2.0
        theirs.sign_off(review.draft, people.signer("Lee Park"), "editor", "reject", comment="unsourced")
        qtbot.waitUntil(lambda: any(s.decision == "reject" for s in tab.review.gate.signoffs), timeout=2000)


def test_a_lost_server_is_said_in_the_status_bar_and_editing_goes_on(
    team_window, qtbot, foxconn_copy, pg_server
):
    tab = team_window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    pg_server.stop()
    try:
        qtbot.waitUntil(lambda: "Review server" in team_window.status.currentMessage(), timeout=5000)
        tab.editor.textCursor().insertText("Still editing. ")
        wait_analysed(qtbot, tab)
        assert tab.review.document.text.startswith("Still editing. ")
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: "connected again" in team_window.status.currentMessage(), timeout=10000)


def test_preferences_name_the_review_server_for_the_next_start(
    window, qtbot, server_url, tmp_path, monkeypatch
):
    """Saved where the command line reads it too; a password is refused; the next start uses it."""
    import argparse

    from PySide6.QtWidgets import QDialogButtonBox

    from reviewapp.core.settings import load_user_settings
    from reviewapp.gui.app import build_window

    window.grammar.show_preferences()
    dialog = window.findChild(object, "preferences-dialog")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    dialog.record_url.setText("postgresql://ana:secret@db.example.org/news")
    ok.click()
    assert dialog.isVisible() and "must not hold a password" in dialog.error.text()
    no_password = server_url.replace(":admin-secret@", "@")
    dialog.record_url.setText(no_password)
    ok.click()
    assert load_user_settings().store_url == no_password
    assert "when reviewapp starts again" in window.status.currentMessage()

    pgpass = tmp_path / "pgpass"  # where libpq looks for the password
    pgpass.write_text("*:*:*:admin:admin-secret\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    settings = QSettings(str(tmp_path / "next.ini"), QSettings.Format.IniFormat)
    next_start = build_window(argparse.Namespace(db=None, policy=None, paths=[]), settings)
    assert next_start.store.dialect.name == "postgresql" and next_start.watcher is not None
    next_start.close()
    next_start.store.close()


def test_the_app_opens_while_the_server_is_down_and_joins_it_when_it_is_back(
    qtbot, tmp_path, home, server_url, pg_server, foxconn_copy
):
    import argparse

    from reviewapp.gui.app import build_window

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    pg_server.stop()
    try:
        window = build_window(
            argparse.Namespace(db=server_url, policy=None, paths=[str(foxconn_copy)]), settings
        )
        window.show()
        tab = window.tab_list()[0]
        assert "cannot reach the review server" in window.status.currentMessage()
        wait_analysed(qtbot, tab)  # the draft is reviewed all the same; only the record is missing
        assert tab.review.findings
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: tab.review.gate is not None, timeout=10000)  # judged once the server is back
    assert not tab.review.gate.publishable
    window.close()
    window.store.close()


def test_a_password_typed_in_preferences_is_checked_then_kept_in_the_keyring(
    window, qtbot, login, keyring_env, tmp_path
):
    """For someone with no ~/.pgpass: a wrong password is said and not kept; the right one is
    kept in the system keyring (not the settings), and the next start logs in with it."""
    import argparse

    from pg_server import REVIEWER_PASSWORD as KEYRING_SECRET
    from PySide6.QtWidgets import QDialogButtonBox

    from reviewapp.core.settings import load_user_settings, settings_path
    from reviewapp.core.store.passwords import stored_password
    from reviewapp.gui.app import build_window

    def preferences(password: str) -> None:
        window.grammar.show_preferences()
        dialog = window.findChild(object, "preferences-dialog")
        dialog.record_url.setText(login)
        dialog.record_password.setText(password)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        assert not dialog.isVisible()

    preferences("not-the-password")
    qtbot.waitUntil(lambda: window.findChild(object, "error-box") is not None, timeout=10000)
    box = window.findChild(object, "error-box")
    assert "refused the password" in box.text()
    assert stored_password(login) is None
    box.close()

    preferences(KEYRING_SECRET)  # checked in the thread pool: the window goes on meanwhile
    qtbot.waitUntil(lambda: "kept in the system keyring" in window.status.currentMessage(), timeout=10000)
    assert stored_password(login) == KEYRING_SECRET
    assert load_user_settings().store_url == login
    assert KEYRING_SECRET not in settings_path().read_text()

    settings = QSettings(str(tmp_path / "next.ini"), QSettings.Format.IniFormat)
    next_start = build_window(argparse.Namespace(db=None, policy=None, paths=[]), settings)
    assert next_start.store.dialect.name == "postgresql" and next_start.store.offline is None
    assert next_start.watcher is not None
    next_start.close()
    next_start.store.close()
