"""Findings: step through them, fix them, resolve them one by one or many at once, ignore their
words in a draft or for the house. Each decision is signed and recorded; each fix is an edit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMenu

from ...core import ReviewAppError
from ...core.allowlist import normalise_term
from ...core.decisions import REOPENED
from ...core.findings import Finding
from ...core.fixes import Fix, delete_span, deletions
from ...core.keys import Identity
from ...core.wording import counted, quoted
from ..dialogs.resolve import ResolveDialog
from ..document.tab import DocumentTab
from ..mnemonics import literal
from . import make_action
from .host import Host, widget


class FindingActions(QObject):
    def __init__(self, window: Host, identity: Callable[[str], Identity]) -> None:
        super().__init__(widget(window))
        self.window = window
        self.identity = identity  # the signing key of whoever decides (ReviewActions.identity)
        self.next = make_action(self, "&Next Open Finding", lambda: self.step(False), "F8")
        self.previous = make_action(self, "&Previous Open Finding", lambda: self.step(True), "Shift+F8")
        self.fix = make_action(self, "Apply the &Fix", self.fix_current, "Ctrl+.")
        self.resolve = make_action(self, "&Resolve Finding…", self.resolve_current, "Ctrl+R")
        self.reopen = make_action(self, "&Open Finding Again", self.reopen_current)
        self.ignore = make_action(
            self, "&Ignore These Words in This Draft", self.ignore_current, "Ctrl+Shift+I"
        )
        self.allow = make_action(self, "A&llow These Words for the House", self.allow_current)
        self.resolve_rule = make_action(self, "Resolve All of This R&ule…", self.resolve_rule_current)
        self.resolve_furniture = make_action(self, "Resolve All Pa&ge Furniture…", self.resolve_all_furniture)

    def connect_tab(self, tab: DocumentTab) -> None:
        """The finding card's buttons and the editor's menu act through these commands."""
        tab.card.fix_requested.connect(lambda _finding, fix: self.apply_fix(tab, fix))
        tab.card.resolve_requested.connect(lambda finding: self.open_resolve(tab, finding))
        tab.card.ignore_requested.connect(lambda finding: self.ignore_words(tab, finding))
        tab.card.allow_requested.connect(lambda finding: self.allow_words(tab, finding))
        tab.card.reopen_requested.connect(lambda finding: self.reopen_finding(tab, finding))
        tab.editor.finding_actions = lambda finding: self.finding_actions(tab, finding)
        tab.panel.table.menu_requested.connect(lambda finding, at: self.row_menu(tab, finding).popup(at))

    def finding_actions(self, tab: DocumentTab, finding: Finding) -> list[QAction]:
        """What the editor's context menu offers for the finding under the mouse (nothing while a
        long draft's first lines are previewed: the review, to act on, is still coming)."""
        if tab.review is None:
            return []
        actions = []
        for fix in tab.fixes(finding):
            action = QAction(literal(fix.label), tab.editor)  # the label quotes the draft
            action.triggered.connect(lambda _=False, f=fix: self.apply_fix(tab, f))
            actions.append(action)
        commands = [
            ("Resolve…", lambda: self.open_resolve(tab, finding)),
            ("Ignore These Words in This Draft", lambda: self.ignore_words(tab, finding)),
        ]
        if finding.id in tab.resolutions:
            commands.insert(1, ("Open Again", lambda: self.reopen_finding(tab, finding)))
        for text, slot in commands:
            action = QAction(text, tab.editor)
            action.triggered.connect(slot)
            actions.append(action)
        if tab.allow_list_problem() is None:
            action = QAction("Allow These Words for the House", tab.editor)
            action.triggered.connect(lambda: self.allow_words(tab, finding))
            actions.append(action)
        return actions

    def row_menu(self, tab: DocumentTab, finding: Finding) -> QMenu:
        """The findings table's menu for one row: the editor's commands for it, and more."""
        menu = QMenu(tab.panel.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("Show in the Text", lambda: tab.jump_to(finding))
        menu.addSeparator()
        chosen = tab.panel.selected_findings()
        if len(chosen) > 1 and finding in chosen:
            menu.addAction(f"Resolve the {len(chosen)} Chosen Findings…", lambda: self.resolve_selected(tab))
            menu.addSeparator()
        menu.addActions(self.finding_actions(tab, finding))
        menu.addAction("Resolve All of This Rule…", lambda: self.resolve_all_of_rule(tab, finding))
        menu.addSeparator()
        menu.addAction("Copy", lambda: QGuiApplication.clipboard().setText(finding_as_text(finding)))
        return menu

    def step(self, backwards: bool) -> None:
        tab = self.window.current()
        if tab is None:
            return
        finding = tab.next_open(backwards)
        if finding is None:
            self.window.status.showMessage("No open findings left in this view.", 4000)
        else:
            self.window.status.showMessage(finding_line(finding), 8000)

    def _selected(self) -> tuple[DocumentTab, Finding] | None:
        tab = self.window.current()
        if tab is None or tab.review is None:
            return None
        finding = tab.selected_finding()
        if finding is None:
            self.window.status.showMessage(
                "Put the cursor in a highlight or select a finding first (F8).", 5000
            )
            return None
        return tab, finding

    # -- acting on one finding

    def fix_current(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        tab, finding = chosen
        fixes = tab.fixes(finding)
        if not fixes:
            self.window.status.showMessage("This finding has no one-click fix: resolve it (Ctrl+R).", 5000)
            return
        self.apply_fix(tab, fixes[0])

    def apply_fix(self, tab: DocumentTab, fix: Fix) -> None:
        if not tab.apply_fix(fix):
            self.window.status.showMessage(
                "The text changed since it was analysed: wait a moment and try again.", 5000
            )

    def resolve_current(self) -> None:
        """The finding at hand, or all the rows chosen in the table when there are several."""
        tab = self.window.current()
        if tab is not None and tab.review is not None and len(tab.panel.selected_findings()) > 1:
            self.resolve_selected(tab)
            return
        chosen = self._selected()
        if chosen is not None:
            self.open_resolve(*chosen)

    def enable_for_selected(self) -> None:
        """As the Review menu opens: Open Finding Again only for a finding with a decision."""
        tab = self.window.current()
        finding = tab.selected_finding() if tab is not None and tab.review is not None else None
        self.reopen.setEnabled(finding is not None and tab is not None and finding.id in tab.resolutions)

    def reopen_current(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self.reopen_finding(*chosen)

    def reopen_finding(self, tab: DocumentTab, finding: Finding) -> None:
        """Take back a decision given by mistake: the finding is open again, both entries kept."""
        if finding.id not in tab.resolutions:
            self.window.status.showMessage("This finding is open: there is no decision to take back.", 5000)
            return
        person = self._decider()
        if person and self.record_resolutions(tab, [finding], REOPENED, person, move_on=False):
            self.window.status.showMessage(f"{quoted(_short(finding.text))} is open again.", 6000)

    def resolve_selected(self, tab: DocumentTab) -> None:
        chosen = {f.id for f in tab.panel.selected_findings()}
        self.bulk_resolve(tab, lambda f: f.id in chosen, "the findings chosen in the table")

    def open_resolve(self, tab: DocumentTab, finding: Finding) -> None:
        rule = self.window.reviewer.rule(finding.rule)
        dialog = ResolveDialog(finding, self._last_decider(), widget(self.window), rule)
        dialog.accepted.connect(lambda: self._resolved(tab, finding, dialog.values()))
        self.window.open_dialog(dialog)

    def _resolved(self, tab: DocumentTab, finding: Finding, values: dict[str, str | None]) -> None:
        if values["status"] == "removed":  # an edit, not a record: the finding goes with the words
            assert tab.review is not None
            fix = delete_span(finding, tab.review.document.text, self._rule_fix(finding.rule))
            if not tab.apply_fix(fix):
                self.window.show_error(
                    "The words were not removed", "The text changed since it was analysed."
                )
            return
        self.record_resolution(tab, finding, **values)  # type: ignore[arg-type]

    def record_resolution(
        self,
        tab: DocumentTab,
        finding: Finding,
        status: str,
        person: str,
        source_url: str | None = None,
        note: str | None = None,
    ) -> None:
        self.record_resolutions(tab, [finding], status, person, source_url, note)

    def record_resolutions(
        self,
        tab: DocumentTab,
        findings: list[Finding],
        status: str,
        person: str,
        source_url: str | None = None,
        note: str | None = None,
        move_on: bool = True,
    ) -> bool:
        """Record decisions, signed, in one transaction; then on to the next open finding
        (unless not `move_on`: a finding opened again is the one to look at)."""
        assert tab.review is not None
        store = self.window.store
        try:
            signer = self.window.reviewer.signer(self.identity(person))
            recorded = store.resolve_all(
                tab.review.draft, findings, status, signer, source_url=source_url, note=note
            )
            store.set_setting("signoff.name", signer.identity.name)
        except ReviewAppError as exc:
            self.window.show_error("Cannot record the decision", str(exc))
            return False
        tab.resolutions.add(*recorded)
        tab.judge()
        if move_on:
            tab.next_open()
        else:
            tab.show_card(tab.selected_finding())
        return True

    # -- acting on many

    def ignore_current(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self.ignore_words(*chosen)

    def ignore_words(self, tab: DocumentTab, finding: Finding) -> None:
        """These words, wherever this rule flags them in this draft: false positives, each signed."""
        assert tab.review is not None
        words = normalise_term(finding.text)
        same = [
            f
            for f in tab.review.findings
            if f.rule == finding.rule and normalise_term(f.text) == words and f.id not in tab.resolutions
        ]
        person = self._decider()
        if person and self.record_resolutions(
            tab, same, "false_positive", person, note="ignored throughout this draft"
        ):
            self.window.status.showMessage(
                f"Ignored “{finding.text}” {counted(len(same), 'time')} in this draft.", 6000
            )

    def allow_current(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self.allow_words(*chosen)

    def allow_words(self, tab: DocumentTab, finding: Finding) -> None:
        """Put the words on the house allow-list: no draft is flagged for them again."""
        problem = tab.allow_list_problem()
        if problem:
            self.window.show_error("Cannot allow these words", problem)
            return
        try:
            self.window.reviewer.allow_term(finding.text)
        except ReviewAppError as exc:
            self.window.show_error("Cannot change the house allow-list", str(exc))
            return
        self.window.status.showMessage(f"“{finding.text}” is on the house allow-list.", 6000)
        tab.advance_pending = True
        for each in self.window.tab_list():
            each.scheduler.edited()  # review again under the new list

    def resolve_rule_current(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        self.resolve_all_of_rule(*chosen)

    def resolve_all_of_rule(self, tab: DocumentTab, finding: Finding) -> None:
        self.bulk_resolve(tab, lambda f: f.rule == finding.rule, f"every “{finding.rule}” finding")

    def resolve_all_furniture(self) -> None:
        tab = self.window.current()
        if tab is not None and tab.review is not None:
            self.bulk_resolve(tab, lambda f: f.category == "boilerplate", "all page furniture")

    def bulk_resolve(self, tab: DocumentTab, which: Callable[[Finding], bool], what: str) -> None:
        assert tab.review is not None
        findings = [f for f in tab.review.findings if which(f) and f.id not in tab.resolutions]
        if not findings:
            self.window.status.showMessage(f"Nothing open in {what}.", 5000)
            return
        dialog = ResolveDialog(
            findings[0],
            self._last_decider(),
            widget(self.window),
            self.window.reviewer.rule(findings[0].rule),
            count=len(findings),
            what=what,
        )
        dialog.accepted.connect(lambda: self._bulk_resolved(tab, findings, dialog.values()))
        self.window.open_dialog(dialog)

    def _bulk_resolved(
        self, tab: DocumentTab, findings: list[Finding], values: dict[str, str | None]
    ) -> None:
        if values["status"] == "removed":  # an edit, not a record: the findings go with their words
            assert tab.review is not None
            if tab.apply_fixes(deletions(findings, tab.review.document.text, self._rule_fix)):
                self.window.status.showMessage(
                    f"Removed the words of {counted(len(findings), 'finding')} (Ctrl+Z puts them back).", 8000
                )
            else:
                self.window.show_error("Nothing was removed", "The text changed since it was analysed.")
            return
        if self.record_resolutions(tab, findings, **values):  # type: ignore[arg-type]
            self.window.status.showMessage(f"Resolved {counted(len(findings), 'finding')}.", 6000)

    def _rule_fix(self, name: str) -> str | None:
        """The fix a rule offers (its words or its line go when a finding is removed)."""
        rule = self.window.reviewer.rule(name)
        return rule.fix if rule else None

    def _last_decider(self) -> str:
        """The name the last decision here was recorded under ("" before any)."""
        return self.window.store.setting("signoff.name") or ""

    def _decider(self) -> str:
        """Who decides, for a command with no dialog of its own: the last decider, else asked
        ("" when the question is cancelled)."""
        return self._last_decider() or self._ask_name()

    def _ask_name(self) -> str:
        name, ok = QInputDialog.getText(widget(self.window), "Your name", "Who is deciding?")
        return name.strip() if ok else ""


def finding_line(finding: Finding) -> str:
    """What is wrong and what to do, in one line (the status bar's, when F8 reaches it)."""
    line = f"{finding.severity}: {finding.message}"
    return f"{line} — {finding.suggestion}" if finding.suggestion else line


def finding_as_text(finding: Finding) -> str:
    """A finding as text, to paste in a note or a message to a colleague: its words, then the line."""
    return f"{quoted(finding.text)}\n{finding_line(finding)}"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
