"""Sign-off, approval state and history in the window, driven through the real dialogs."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from reviewapp.core.gate import APPROVED, CHANGED, NOT_APPROVED

from .conftest import wait_analysed


def _resolve_blocking(window, tab):
    tab.judge()
    for finding in tab.review.gate.unresolved:
        window.findings.record_resolution(
            tab, finding, "verified", "Ana Ruiz", source_url="https://example.org/s"
        )


def _dialog(window, name):
    dialog = window.findChild(object, name)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_approval_is_refused_while_findings_block_it(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    window.review.sign_off()
    dialog = _dialog(window, "signoff-dialog")
    assert dialog.reject_choice.isChecked()  # not offered as the default when it would be refused
    dialog.approve.setChecked(True)
    assert not dialog.sign_button.isEnabled()
    blocking = len(dialog.gate.unresolved)
    assert f"refused: {blocking} findings that block publication are unresolved. Resolve them" in (
        dialog.error.text()
    )
    from reviewapp.gui.dialogs.signoff import _refusal

    assert _refusal(1).startswith(
        "Approval is refused: 1 finding that blocks publication is unresolved. Resolve it"
    )
    assert "unresolved" in dialog.reasons.text() and "no approval by the editor" in dialog.reasons.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the keyboard cannot slip past the disabled button
    assert window.store.signoffs(tab.key) == []
    dialog.reject_choice.setChecked(True)
    assert dialog.sign_button.isEnabled()
    dialog.person.setText("Ana Ruiz")
    dialog.comment.setPlainText("Figures not sourced yet")
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    [signoff] = window.store.signoffs(tab.key)
    assert (signoff.person, signoff.decision, signoff.comment) == (
        "Ana Ruiz",
        "reject",
        "Figures not sourced yet",
    )
    assert window.status.approval_label.text() == NOT_APPROVED.capitalize()


def test_approve_then_edit_loses_the_approval(window, qtbot, foxconn_copy):
    assert window.reviewer.policy.required_roles == ("editor",)  # the default policy: one approval suffices
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    assert window.status.approval_label.text() == NOT_APPROVED.capitalize()
    assert "not approved" in window.windowTitle()
    _resolve_blocking(window, tab)
    window.review.sign_off()
    dialog = _dialog(window, "signoff-dialog")
    assert dialog.approve.isChecked() and dialog.sign_button.isEnabled()
    dialog.person.setText("Ana Ruiz")
    dialog.role.setCurrentIndex(dialog.role.findData("editor"))
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert window.status.approval_label.text() == APPROVED.capitalize()
    assert window.windowTitle() == "openai-foxconn.txt — approved — reviewapp"

    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.editor, " More.")
    assert window.status.approval_label.text() == CHANGED.capitalize()  # at once, before the analysis
    wait_analysed(qtbot, tab)
    label = window.status.approval_label
    assert CHANGED.capitalize() in label.text() and 'href="compare"' in label.text()
    assert "again" in label.toolTip()
    # The status bar's link shows what changed since the approval, word by word.
    label.linkActivated.emit("compare")
    compare = _dialog(window, "compare-dialog")
    assert [(p.op, p.text) for p in compare.diff.pieces if p.op != "equal"] == [("insert", " More.")]
    assert "1 word added, 0 removed" in compare.summary.text()
    compare.close()
    # Undoing the edit brings back the approved text, and with it the approval.
    tab.editor.document().undo()
    wait_analysed(qtbot, tab)
    assert window.status.approval_label.text() == APPROVED.capitalize()


def test_the_name_and_role_are_remembered(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    window.review.sign_off()
    dialog = _dialog(window, "signoff-dialog")
    dialog.person.setText("  Bo Lindqvist ")
    dialog.role.setCurrentIndex(dialog.role.findData("fact-checker"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.findChild(object, "signoff-dialog") is None)
    window.review.sign_off()
    again = _dialog(window, "signoff-dialog")
    assert again.person.text() == "Bo Lindqvist"
    assert again.role.currentData() == "fact-checker"
    again.reject()


def test_an_empty_name_is_refused(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    window.review.sign_off()
    dialog = _dialog(window, "signoff-dialog")
    dialog.person.setText("   ")
    dialog.sign_button.click()
    assert dialog.isVisible() and "name" in dialog.error.text()
    assert window.store.signoffs(tab.key) == []


def _save_to_sign_box(window):
    [box] = [b for b in window.findChildren(QMessageBox, "save-to-sign-box") if b.isVisible()]
    return box


def test_an_unsaved_draft_is_saved_before_it_is_signed(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    qtbot.keyClicks(tab.editor, "x")
    wait_analysed(qtbot, tab)
    window.review.sign_off()
    box = _save_to_sign_box(window)
    assert "approves the text as saved" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # nothing saved, nothing signed
    assert tab.editor.document().isModified() and not foxconn_copy.read_text(encoding="utf-8").startswith("x")
    assert window.findChild(object, "signoff-dialog") is None

    window.review.sign_off()
    qtbot.keyClick(_save_to_sign_box(window), Qt.Key.Key_Return)  # "Save and Sign Off" is the default
    assert not tab.editor.document().isModified()
    assert foxconn_copy.read_text(encoding="utf-8").startswith("x")
    dialog = _dialog(window, "signoff-dialog")
    saved = hashlib.sha256(foxconn_copy.read_bytes()).hexdigest()
    assert tab.review.draft.sha256 == saved  # the version signed is the one on disk
    assert any(saved[:16] in label.text() for label in dialog.findChildren(QLabel))
    dialog.reject()


def test_resolve_through_the_dialog(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    result = wait_analysed(qtbot, tab)
    finding = next(f for f in result.findings if f.text == "if you ask me")
    tab.jump_to(finding)
    tab.editor.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(window, "resolve-dialog")
    dialog.status.setCurrentIndex(dialog.status.findData("verified"))
    dialog.person.setText("Ana Ruiz")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "source" in dialog.error.text()  # verified needs a source
    dialog.status.setCurrentIndex(dialog.status.findData("opinion"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.store.resolutions(tab.key)[finding.id].status == "opinion"
    assert finding.id in tab.resolutions


def test_history_shows_versions_decisions_and_audit(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    result = wait_analysed(qtbot, tab)
    finding = result.findings[0]
    window.findings.record_resolution(tab, finding, "false_positive", "Ana Ruiz")
    window.review.record_signoff(tab, "Ana Ruiz", "author", "reject", "needs sources")
    window.review.show_history()
    dialog = _dialog(window, "history-dialog")
    model = dialog.model
    assert model.rowCount() == 1
    version = model.index(0, 0)
    assert version.data() == f"Version {result.document.sha256[:12]} (this text)"
    children = [
        (model.index(r, 0, version).data(), model.index(r, 2, version).data())
        for r in range(model.rowCount(model.index(0, 0)))
    ]
    assert ("Resolution", f"False positive by Ana Ruiz: “{finding.text}” ({finding.rule})") in children
    assert ("Sign-off", "Ana Ruiz (author): reject - needs sources") in children
    assert dialog.run_verify().ok
    assert "every decision signed by its signer" in dialog.audit.text()
    window.store.conn.execute("DROP TRIGGER audit_no_update")  # a tamperer with plain SQL
    window.store.conn.execute("UPDATE audit SET payload = replace(payload, 'Ana', 'Eve')")
    dialog.run_verify()
    assert "DOES NOT VERIFY" in dialog.audit.text() and "entry 2" in dialog.audit.text()
    dialog.close()
    window.review.show_history()  # a new look at the record marks each entry that does not count
    marked = window.findChildren(object, "history-dialog")[-1].model
    version = marked.index(0, 0)
    labels = [marked.index(r, 0, version).data() for r in range(marked.rowCount(version))]
    assert "Resolution: does not verify" in labels


def test_history_shows_the_text_hash_beside_the_file_hash(window, qtbot, foxconn_copy):
    import hashlib

    tab = window.open_path(foxconn_copy)
    result = wait_analysed(qtbot, tab)
    window.review.show_history()
    text = _dialog(window, "history-dialog").hashes.text()
    assert f"Text  sha256 {result.document.sha256}" in text
    assert f"File  sha256 {hashlib.sha256(foxconn_copy.read_bytes()).hexdigest()}" in text


def test_the_app_warns_at_start_when_the_record_does_not_verify(qtbot, tmp_path, home, people):
    """A record changed outside reviewapp is named at start, and the draft shows as not verified."""
    import argparse

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from reviewapp.core import load_path
    from reviewapp.core.gate import NOT_VERIFIED
    from reviewapp.core.review import Reviewer
    from reviewapp.core.store import ReviewStore
    from reviewapp.gui.app import build_window

    draft = tmp_path / "draft.txt"
    draft.write_text("Library hours\nThe library opens at nine on weekdays.\n", encoding="utf-8")
    db = tmp_path / "r.sqlite3"
    with ReviewStore(db) as store:
        review = Reviewer.configured(None).review(load_path(draft))
        store.sign_off(review.draft, people.signer("Carmen Ortiz"), "editor", "approve")
        store.conn.execute("DROP TRIGGER audit_no_update")
        store.conn.execute("UPDATE audit SET payload = replace(payload, 'approve', 'reject')")
    window = build_window(
        argparse.Namespace(db=str(db), policy=None, paths=[str(draft)]),
        QSettings(str(tmp_path / "qt.ini"), QSettings.Format.IniFormat),
    )
    try:
        box = window.findChild(QMessageBox, "error-box")
        assert box is not None and box.isVisible()
        assert "does not verify" in box.text() and "entry 2" in box.text()
        tab = window.current()
        wait_analysed(qtbot, tab)
        qtbot.waitUntil(lambda: tab.review.gate is not None)
        assert tab.review.gate.approval == NOT_VERIFIED and not tab.review.gate.publishable
    finally:
        window.close()
        window.deleteLater()
        window.store.close()


def test_history_compares_an_approved_version_with_the_text_now(window, qtbot, foxconn_copy):
    """The approved text is kept (compressed) at sign-off; History compares it, word by word."""
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    _resolve_blocking(window, tab)
    window.review.record_signoff(tab, "Ana Ruiz", "editor", "approve")
    approved_sha = tab.review.draft.sha256
    assert window.store.version_text(approved_sha) == tab.text
    cursor = tab.editor.textCursor()
    cursor.setPosition(0)
    tab.editor.setTextCursor(cursor)
    qtbot.keyClicks(tab.editor, "Breaking: ")
    wait_analysed(qtbot, tab)
    window.review.show_history()
    history = _dialog(window, "history-dialog")
    assert not history.compare_button.isEnabled()
    history.view.setCurrentIndex(history.model.index(0, 0))
    assert history.chosen_version() == approved_sha and history.compare_button.isEnabled()
    qtbot.mouseClick(history.compare_button, Qt.MouseButton.LeftButton)
    compare = _dialog(window, "compare-dialog")
    assert [(p.op, p.text) for p in compare.diff.pieces if p.op != "equal"] == [("insert", "Breaking: ")]
