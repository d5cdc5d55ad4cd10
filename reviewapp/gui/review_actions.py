"""The Review menu: step through findings, resolve them, sign off, history and the audit log."""

from __future__ import annotations

from ..core import ReviewAppError
from ..core.gate import evaluate
from .dialogs import ResolveDialog
from .document_tab import DocumentTab
from .history_dialog import HistoryDialog
from .signoff_dialog import SignOffDialog
from .window_parts import WindowParts


class ReviewActions(WindowParts):
    """Mixed into MainWindow; uses its store, policy, settings and tabs."""

    def step(self, backwards: bool) -> None:
        tab = self.current()
        if tab is None:
            return
        finding = tab.next_open(backwards)
        if finding is None:
            self.statusBar().showMessage("No open findings left in this view.", 4000)
        else:
            self.statusBar().showMessage(f"{finding.severity}: {finding.message}", 8000)

    def resolve_current(self) -> None:
        tab = self.current()
        if tab is None or tab.result is None:
            return
        finding = tab.selected_finding()
        if finding is None:
            self.statusBar().showMessage(
                "Put the cursor in a highlight or select a finding first (F8).", 5000
            )
            return
        dialog = ResolveDialog(finding, self.store.setting("signoff.name") or "", self)
        dialog.accepted.connect(lambda: self.record_resolution(tab, finding, **dialog.values()))  # type: ignore[arg-type]
        self._open_dialog(dialog)

    def record_resolution(
        self,
        tab: DocumentTab,
        finding,
        status: str,
        person: str,
        source_url: str | None = None,
        note: str | None = None,
    ) -> None:
        assert tab.result is not None
        doc = tab.result.document
        try:
            resolution = self.store.resolve(
                tab.key,
                doc.sha256,
                doc.words,
                finding.id,
                status,
                person,
                note=note,
                source_url=source_url,
                rule=finding.rule,
                text=finding.text,
                title=doc.metadata.title,
            )
            self.store.set_setting("signoff.name", person)
        except ReviewAppError as exc:
            self.show_error("Cannot record the decision", str(exc))
            return
        tab.add_resolution(resolution)
        self._update_gate(tab)

    def sign_off(self) -> None:
        tab = self.current()
        if tab is None:
            return
        refusal = self._signoff_refusal(tab)
        if refusal:
            self.show_error("Cannot sign off yet", refusal)
            return
        assert tab.result is not None
        gate = evaluate(tab.result, self.store, self.policy, tab.key)
        dialog = SignOffDialog(
            gate,
            self.policy.roles,
            self.store.setting("signoff.name") or "",
            self.store.setting("signoff.role"),
            tab.result.document.metadata.title or tab.title,
            tab.result.document.sha256,
            self,
        )
        dialog.accepted.connect(lambda: self.record_signoff(tab, **dialog.values()))  # type: ignore[arg-type]
        self._open_dialog(dialog)

    def _signoff_refusal(self, tab: DocumentTab) -> str | None:
        """Why this draft cannot be signed now: a sign-off is bound to exact, saved, analysed text."""
        if tab.editor.document().isModified():
            return "Save the draft first: a sign-off approves the text as saved, so others can check it."
        if not tab.up_to_date:
            return "Wait for the analysis of the latest edit to finish, then sign off."
        return None

    def record_signoff(
        self, tab: DocumentTab, person: str, role: str, decision: str, comment: str | None = None
    ) -> None:
        refusal = self._signoff_refusal(tab)  # the text may have changed while the dialog was open
        if refusal:
            self.show_error("The sign-off was not recorded", refusal)
            return
        assert tab.result is not None
        doc = tab.result.document
        if decision == "approve" and evaluate(tab.result, self.store, self.policy, tab.key).unresolved:
            self.show_error(
                "The sign-off was not recorded", "Findings that block publication are unresolved."
            )
            return
        try:
            self.store.sign_off(
                tab.key,
                doc.sha256,
                doc.words,
                person,
                role,
                decision,
                comment=comment,
                roles=self.policy.roles,
                title=doc.metadata.title,
            )
            self.store.set_setting("signoff.name", person)
            self.store.set_setting("signoff.role", role)
        except ReviewAppError as exc:
            self.show_error("Cannot record the sign-off", str(exc))
            return
        self.statusBar().showMessage(f"Recorded: {decision} by {person} as {role}", 8000)
        self._update_gate(tab)

    def show_history(self) -> None:
        tab = self.current()
        if tab is None:
            return
        current = tab.result.document.sha256 if tab.up_to_date and tab.result else None
        dialog = HistoryDialog(
            tab.title.rstrip(" •"), self.store.history(tab.key), current, self.store.verify_audit, self
        )
        self._open_dialog(dialog)

    def verify_audit(self) -> None:
        report = self.store.verify_audit()
        if report.ok:
            self.statusBar().showMessage(f"Audit log verifies: {report.entries} entries, chain intact.", 8000)
        else:
            self.show_error(
                "The audit log is broken",
                f"Entry {report.first_broken}: {report.reason}. The record was changed outside reviewapp.",
            )

    def _update_gate(self, tab: DocumentTab) -> None:
        if tab.result is not None:
            try:
                tab.gate = evaluate(tab.result, self.store, self.policy, tab.key)
            except ReviewAppError as exc:
                tab.gate = None
                self.statusBar().showMessage(f"Review database: {exc}", 10000)
        self._tab_state(tab, None)
