"""Review: step through findings, resolve them, sign off, the history and the audit log."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit

from ...core import ReviewAppError
from ...core.findings import Finding
from ...core.keys import Identity, IdentityError, identity_for
from ..dialogs.history import HistoryDialog
from ..dialogs.resolve import ResolveDialog
from ..dialogs.signoff import SignOffDialog
from ..document.tab import DocumentTab
from . import make_action
from .host import Host, widget


class ReviewActions(QObject):
    def __init__(self, window: Host) -> None:
        super().__init__(widget(window))
        self.window = window
        self.next = make_action(self, "&Next Open Finding", lambda: self.step(False), "F8")
        self.previous = make_action(self, "&Previous Open Finding", lambda: self.step(True), "Shift+F8")
        self.resolve = make_action(self, "&Resolve Finding…", self.resolve_current, "Ctrl+R")
        self.sign = make_action(self, "&Sign Off…", self.sign_off, "Ctrl+Shift+A")
        self.history = make_action(self, "&History…", self.show_history, "Ctrl+H")
        self.verify = make_action(self, "&Verify Audit Log", self.verify_audit)
        self.focus_text = make_action(self, "Focus &Text", lambda: self._focus(text=True), "Ctrl+1")
        self.focus_findings = make_action(self, "Focus &Findings", lambda: self._focus(text=False), "Ctrl+2")
        self._identity: Identity | None = None

    def step(self, backwards: bool) -> None:
        tab = self.window.current()
        if tab is None:
            return
        finding = tab.next_open(backwards)
        if finding is None:
            self.window.status.showMessage("No open findings left in this view.", 4000)
        else:
            self.window.status.showMessage(f"{finding.severity}: {finding.message}", 8000)

    def resolve_current(self) -> None:
        tab = self.window.current()
        if tab is None or tab.review is None:
            return
        finding = tab.selected_finding()
        if finding is None:
            self.window.status.showMessage(
                "Put the cursor in a highlight or select a finding first (F8).", 5000
            )
            return
        dialog = ResolveDialog(finding, self.window.store.setting("signoff.name") or "", widget(self.window))
        dialog.accepted.connect(lambda: self.record_resolution(tab, finding, **dialog.values()))  # type: ignore[arg-type]
        self.window.open_dialog(dialog)

    def record_resolution(
        self,
        tab: DocumentTab,
        finding: Finding,
        status: str,
        person: str,
        source_url: str | None = None,
        note: str | None = None,
    ) -> None:
        assert tab.review is not None
        store = self.window.store
        try:
            signer = self.window.reviewer.signer(self.identity(person))
            resolution = store.resolve(
                tab.review.draft, finding, status, signer, source_url=source_url, note=note
            )
            store.set_setting("signoff.name", signer.identity.name)
        except ReviewAppError as exc:
            self.window.show_error("Cannot record the decision", str(exc))
            return
        tab.resolutions.add(resolution)
        tab.judge()

    def sign_off(self) -> None:
        tab = self.window.current()
        if tab is None:
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

    def _refusal(self, tab: DocumentTab) -> str | None:
        """Why this draft cannot be signed now: a sign-off is bound to exact, saved, analysed text."""
        if tab.editor.document().isModified():
            return "Save the draft first: a sign-off approves the text as saved, so others can check it."
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
        )
        self.window.open_dialog(dialog)

    def verify_audit(self) -> None:
        report = self.window.store.verify_audit()
        if report.ok:
            self.window.status.showMessage(
                f"Audit log verifies: {report.entries} entries, chain intact.", 8000
            )
        else:
            self.window.show_error(
                "The audit log is broken",
                f"Entry {report.first_broken}: {report.reason}. The record was changed outside reviewapp.",
            )

    def _focus(self, text: bool) -> None:
        tab = self.window.current()
        if tab is not None:
            (tab.editor if text else tab.panel.table).setFocus()


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
