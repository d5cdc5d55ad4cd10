"""Review: sign off, the history, what changed since approval, the audit log, and focus."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from ...core import ReviewAppError
from ...core.diffing import word_diff
from ...core.keys import Identity, IdentityError, identity_for
from ...core.wording import counted
from ..dialogs.compare import CompareDialog
from ..dialogs.history import HistoryDialog
from ..dialogs.signoff import SignOffDialog
from ..document.tab import DocumentTab
from . import make_action
from .host import Host, widget

UNSAVED = "A sign-off approves the text as saved, so others can check it."


class ReviewActions(QObject):
    def __init__(self, window: Host) -> None:
        super().__init__(widget(window))
        self.window = window
        self.sign = make_action(self, "&Sign Off…", self.sign_off, "Ctrl+Shift+A")
        self.history = make_action(self, "&History…", self.show_history, "Ctrl+H")
        self.compare = make_action(
            self, "&Compare with Approved…", self.compare_with_approved, "Ctrl+Shift+C"
        )
        self.verify = make_action(self, "&Verify Audit Log", self.verify_audit)
        self.focus_text = make_action(self, "Focus &Text", lambda: self._focus("text"), "Ctrl+1")
        self.focus_findings = make_action(self, "Focus Fin&dings", lambda: self._focus("findings"), "Ctrl+2")
        self.focus_card = make_action(self, "Focus the Finding C&ard", lambda: self._focus("card"), "Ctrl+3")
        self._identity: Identity | None = None

    def sign_off(self) -> None:
        tab = self.window.current()
        if tab is None:
            return
        if tab.editor.document().isModified():
            self._offer_to_save(tab)
            return
        refusal = self._refusal(tab)
        if refusal:
            self.window.show_error("Cannot sign off yet", refusal)
            return
        tab.judge()  # the record as it stands now: a colleague may have signed meanwhile
        review = tab.review
        assert review is not None and review.gate is not None
        store = self.window.store
        dialog = SignOffDialog(
            review.gate,
            self.window.reviewer.policy.roles,
            store.setting("signoff.name") or "",
            store.setting("signoff.role"),
            review.document.metadata.title or tab.title,
            review.draft.sha256,
            widget(self.window),
        )
        dialog.accepted.connect(lambda: self.record_signoff(tab, **dialog.values()))  # type: ignore[arg-type]
        self.window.open_dialog(dialog)

    def _offer_to_save(self, tab: DocumentTab) -> QMessageBox:
        """An unsaved draft: save it and go on to the sign-off, in one step (or not at all)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Save before signing off?",
            f"{UNSAVED} Save {tab.title.rstrip(' •')} and sign off?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            widget(self.window),
        )
        box.setObjectName("save-to-sign-box")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Save).setText("&Save and Sign Off")
        box.setDefaultButton(QMessageBox.StandardButton.Save)

        def answered(result: int) -> None:
            if (
                result == QMessageBox.StandardButton.Save
                and self.window.current() is tab
                and self.window.save()
            ):
                self.sign_off()

        box.finished.connect(answered)
        self.window.open_dialog(box)
        return box

    def _refusal(self, tab: DocumentTab) -> str | None:
        """Why this draft cannot be signed now: a sign-off is bound to exact, saved, analysed text."""
        if tab.editor.document().isModified():
            return f"Save the draft first. {UNSAVED}"
        if not tab.up_to_date:
            return "Wait for the analysis of the latest edit to finish, then sign off."
        return None

    def record_signoff(
        self, tab: DocumentTab, person: str, role: str, decision: str, comment: str | None = None
    ) -> None:
        refusal = self._refusal(tab)  # the text may have changed while the dialog was open
        if refusal:
            self.window.show_error("The sign-off was not recorded", refusal)
            return
        tab.judge()
        review = tab.review
        assert review is not None
        if review.gate is not None and not review.gate.verified:
            self.window.show_error("The sign-off was not recorded", review.gate.reasons[0])
            return
        if decision == "approve" and (review.gate is None or review.gate.unresolved):
            self.window.show_error(
                "The sign-off was not recorded", "Findings that block publication are unresolved."
            )
            return
        store = self.window.store
        try:
            signer = self.window.reviewer.signer(self.identity(person))
            store.sign_off(review.draft, signer, role, decision, comment=comment, text=review.document.text)
            store.set_setting("signoff.name", signer.identity.name)
            store.set_setting("signoff.role", role)
        except ReviewAppError as exc:
            self.window.show_error("Cannot record the sign-off", str(exc))
            return
        self.window.status.showMessage(f"Recorded: {decision} by {signer.identity.name} as {role}", 8000)
        tab.judge()

    def identity(self, name: str) -> Identity:
        """This user's signing key: made for `name` on first use; its passphrase asked for once."""
        if self._identity is not None:
            if name.strip() and name.strip() != self._identity.name:
                return identity_for(name)  # refuses, with the reason
            return self._identity
        passphrase = None
        while True:
            try:
                self._identity = identity_for(name, passphrase)
                return self._identity
            except IdentityError as exc:
                if "passphrase" not in str(exc):
                    raise
                passphrase, ok = QInputDialog.getText(
                    widget(self.window),
                    "Signing key",
                    f"{exc}\nPassphrase:",
                    QLineEdit.EchoMode.Password,
                )
                if not ok:
                    raise

    def show_history(self) -> None:
        tab = self.window.current()
        if tab is None:
            return
        store = self.window.store
        current = tab.review.draft.sha256 if tab.up_to_date and tab.review else None
        keyring = self.window.reviewer.policy.keyring
        dialog = HistoryDialog(
            tab.title.rstrip(" •"),
            store.history(tab.key, keyring),
            current,
            lambda: store.verify_audit(keyring),
            widget(self.window),
            hashes=_hashes(tab.path, current, tab.editor.document().isModified()),
            compare=lambda sha: self.compare_versions(tab, sha, "version"),
        )
        self.window.open_dialog(dialog)

    def verify_audit(self) -> None:
        report = self.window.store.verify_audit()
        if report.ok:
            self.window.status.showMessage(
                f"Audit log verifies: {counted(report.entries, 'entry', 'entries')}, chain intact.", 8000
            )
        else:
            self.window.show_error(
                "The audit log is broken",
                f"Entry {report.first_broken}: {report.reason}. The record was changed outside reviewapp.",
            )

    def _focus(self, where: str) -> None:
        tab = self.window.current()
        if tab is not None:
            {"text": tab.editor, "findings": tab.panel.table, "card": tab.card}[where].setFocus()

    def compare_with_approved(self) -> None:
        """The text now against the version last approved, word by word."""
        tab = self.window.current()
        if tab is None or tab.review is None or tab.review.gate is None:
            return
        approved = [
            s
            for s in self.window.store.record(tab.key, self.window.reviewer.policy.keyring).signoffs
            if s.decision == "approve"
        ]
        if not approved:
            self.window.status.showMessage("No version of this draft was approved yet.", 5000)
            return
        self.compare_versions(tab, approved[-1].sha256, f"approved by {approved[-1].person}")

    def compare_versions(self, tab: DocumentTab, sha256: str, label: str) -> None:
        old = self.window.store.version_text(sha256)
        if old is None:
            self.window.show_error(
                "Cannot compare",
                "The approved text was not kept in the review database (approved by an older "
                "reviewapp, or elsewhere).",
            )
            return
        dialog = CompareDialog(
            f"{label}, {sha256[:12]}", "the text now", word_diff(old, tab.text), widget(self.window)
        )
        self.window.open_dialog(dialog)


def _hashes(path: Path | None, text_sha: str | None, modified: bool) -> str:
    """The two hashes of a draft, as `history` prints them: what a sign-off binds, and `sha256sum`'s."""
    lines = []
    if text_sha:
        lines.append(f"Text  sha256 {text_sha}  (decoded, LF line ends: what a sign-off approves)")
    if path is not None:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            lines.append(f"File  cannot be read ({exc.strerror})")
        else:
            unsaved = "; the editor has unsaved changes" if modified else ""
            lines.append(f"File  sha256 {digest}  (as sha256sum prints it{unsaved})")
    return "\n".join(lines)
