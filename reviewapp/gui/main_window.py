"""The main window: tabs of drafts, the menu bar and the status bar."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QStackedWidget, QTabWidget

from .. import __version__
from ..core.decoding import as_text
from ..core.document import Document
from ..core.recovery import KeptDraft
from ..core.review import Reviewer
from ..core.settings import UserSettings
from ..core.shown import display_path
from ..core.store import ReviewStore
from ..core.store.postgres import ServerStore
from ..core.wording import counted
from .actions.files import FileActions
from .actions.findings import FindingActions
from .actions.grammar import GrammarActions
from .actions.reports import ReportActions
from .actions.review import ReviewActions
from .actions.view import ViewActions
from .dialogs.shortcuts import ShortcutsDialog
from .document.tab import DocumentTab
from .icons import app_icon
from .menus import MainMenuBar
from .mnemonics import literal
from .record_watcher import RecordWatcher
from .recovery import LeftBehind, RecoveryKeeper, described
from .status_bar import ReviewStatusBar
from .theme import apply_theme, system_prefers_dark
from .welcome import WelcomePanel
from .window_state import follow_columns, follow_splitters, restore_geometry, save_geometry


class MainWindow(QMainWindow):
    """Holds the drafts; the commands live in the action groups (files, review, reports, grammar)."""

    def __init__(
        self, reviewer: Reviewer, store: ReviewStore, settings: QSettings, user: UserSettings | None = None
    ) -> None:
        super().__init__()
        self.reviewer = reviewer
        self.store = store
        self.settings = settings  # window state: theme, recent files
        self.messages: list[QMessageBox] = []  # kept so non-modal boxes stay alive
        self.setWindowTitle("reviewapp")
        self.setAcceptDrops(True)
        self.resize(1200, 860)  # the first time; then as it was last closed
        restore_geometry(self, settings)
        self.dark = bool(settings.value("view/dark", system_prefers_dark(), type=bool))

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Open drafts")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        self.status = ReviewStatusBar()
        self.setStatusBar(self.status)

        self.files = FileActions(self)
        # No draft open: the welcome panel in the tabs' place, with the ways to open one.
        self.welcome = WelcomePanel(self.files)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.tabs)
        self.setCentralWidget(self.pages)
        self.review = ReviewActions(self)
        self.findings = FindingActions(self, self.review.identity)
        self.reports = ReportActions(self)
        self.grammar = GrammarActions(self, user or UserSettings())
        self.view = ViewActions(self)
        self.menus = MainMenuBar(
            self,
            self.files,
            self.findings,
            self.review,
            self.reports,
            self.grammar,
            self.view,
            self.editor_call,
            self.find_call,
            self.set_dark,
            self.dark,
            self.about,
            self.show_shortcuts,
        )
        self.setMenuBar(self.menus)
        self.status.compare_requested.connect(self.review.compare_with_approved)
        self.grammar.configure()
        apply_theme(self.dark)
        self.watcher = self._watch_record()
        self.recovery = RecoveryKeeper(parent=self)  # unsaved edits kept every few seconds
        self.recovery.problem.connect(lambda message: self.status.showMessage(message, 15000))

    def _watch_record(self) -> RecordWatcher | None:
        """On a shared server, colleagues' decisions come in as they are made; a local file has none."""
        if not isinstance(self.store, ServerStore):
            return None
        watcher = RecordWatcher(self.store)
        watcher.changed.connect(self._record_changed)
        watcher.lost.connect(lambda message: self.status.showMessage(f"Review server: {message}", 15000))
        watcher.back.connect(lambda: self.status.showMessage("Review server: connected again", 5000))
        watcher.start()
        return watcher

    def _record_changed(self, keys: set[str] | None) -> None:
        """Judge again the open drafts a colleague decided on (all of them, when `keys` is None)."""
        for tab in self.tab_list():
            if keys is None or tab.key in keys:
                tab.judge()

    # -- drafts

    def current(self) -> DocumentTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, DocumentTab) else None

    def tab_list(self) -> list[DocumentTab]:
        return [t for i in range(self.tabs.count()) if isinstance(t := self.tabs.widget(i), DocumentTab)]

    def open_path(self, path: str | Path) -> DocumentTab | None:
        return self.files.open_path(path)

    def add_tab(self, document: Document) -> DocumentTab:
        tab = DocumentTab(document, self.reviewer, self.store, self.dark, self.view.text_size)
        tab.editor.zoom_requested.connect(self.view.change_text_size)
        follow_splitters(tab.splitters, self.settings)
        follow_columns(tab.panel.table, self.settings)
        tab.scheduler.grammar_state.connect(self.grammar.show_state)
        tab.editor.word_accepted.connect(self.grammar.accept_word)
        tab.state.connect(lambda state, t=tab: self._tab_state(t, state))
        tab.reviewed.connect(lambda _r, t=tab: self._tab_state(t, None))
        tab.record_problem.connect(
            lambda message: self.status.showMessage(f"Review database: {message}", 10000)
        )
        tab.editor.document().modificationChanged.connect(lambda _m, t=tab: self.retitle(t))
        self.findings.connect_tab(tab)
        self.recovery.watch(tab)
        self.files.watch(tab)
        index = self.tabs.addTab(tab, literal(tab.title))
        if document.path:
            self.tabs.setTabToolTip(index, display_path(document.path))
        self.tabs.setCurrentIndex(index)
        tab.editor.setFocus()  # the welcome panel's button had it: the keys go to the new draft
        tab.scheduler.start_soon()
        return tab

    def close_tab(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if not isinstance(tab, DocumentTab):
            return
        if tab.editor.document().isModified():
            answer = QMessageBox.question(
                self,
                "Unsaved changes",
                f"Save changes to {tab.title.rstrip(' •')}?",
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.save()
            ):
                return
        self.tabs.removeTab(index)
        self.recovery.closed(tab)
        tab.deleteLater()

    def last_folder(self) -> Path:
        return self.files.last_folder()

    def save(self) -> bool:
        return self.files.save()

    def retitle(self, tab: DocumentTab) -> None:
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.setTabText(index, literal(tab.title))
        if tab is self.current():
            self.refresh_status()

    def _tab_changed(self) -> None:
        # The first draft opened, or the last closed (the index is then -1).
        self.pages.setCurrentWidget(self.tabs if self.tabs.count() else self.welcome)
        self.refresh_status()
        self.view.sync(self.current())

    def find_call(self, name: str) -> None:
        """Find and replace in the current draft (the bar under its text)."""
        tab = self.current()
        if tab is None:
            return
        bar = tab.find_bar
        if name in ("find", "replace"):
            bar.open_bar(replace=name == "replace")
        elif not bar.find_box.text():
            bar.open_bar(replace=False)
        elif name == "next":
            bar.find_next()
        else:
            bar.find_previous()

    def editor_call(self, name: str) -> None:
        tab = self.current()
        if tab is not None:
            getattr(tab.editor, name)()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if isinstance(url, QUrl) and url.isLocalFile():
                self.open_path(url.toLocalFile())
        event.acceptProposedAction()

    # -- status

    def _tab_state(self, tab: DocumentTab, state: str | None) -> None:
        if tab is self.current():
            if state is not None:
                self.status.show_state(state)
            self.refresh_status()

    def refresh_status(self) -> None:
        tab = self.current()
        approval = self.status.show_tab(tab)
        self.setWindowTitle(f"{tab.title} — {approval} — reviewapp" if tab else "reviewapp")

    # -- dialogs and messages

    def open_dialog(self, dialog: QDialog) -> None:
        """Window-modal, not exec(): no nested event loop, and tests can drive the real buttons."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_error(self, title: str, text: str) -> None:
        self.status.showMessage(text, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("error-box")
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.messages.append(box)
        box.finished.connect(lambda _r, b=box: self.messages.remove(b))
        box.open()  # not exec(): the window keeps working while it shows

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.menus, self)
        self.open_dialog(dialog)
        return dialog

    def about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("about-box")
        box.setWindowTitle("About reviewapp")
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setText(f"<b>reviewapp {__version__}</b>")
        box.setInformativeText(
            "Review AI-assisted news drafts before publication.<br>"
            f"Review database: {html.escape(self.store.label)}"
        )
        self.open_dialog(box)
        return box

    # -- after a crash

    def offer_recovery(self) -> QMessageBox | None:
        """Offer back the unsaved drafts of a run that ended without closing (None: there are none)."""
        left = LeftBehind(self.recovery.root)
        if not left.drafts:
            left.clear()  # a run that ended with nothing unsaved
            return None
        names = "\n".join(f"• {described(draft)}" for draft in left.drafts)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Recover unsaved changes",
            f"reviewapp closed without saving changes to {counted(len(left.drafts), 'draft')}:\n\n{names}\n\n"
            "Restore them? Each opens with its changes unsaved, until you save it.",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Discard,
            self,
        )
        box.setObjectName("recovery-box")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Ok).setText("&Restore")
        box.finished.connect(lambda result: self._recovered(left, result == QMessageBox.StandardButton.Ok))
        self.messages.append(box)
        box.finished.connect(lambda _r: self.messages.remove(box))
        box.open()
        return box

    def _recovered(self, left: LeftBehind, restore: bool) -> None:
        if restore:
            for draft in left.drafts:
                self._restore(draft)
        left.clear()

    def _restore(self, draft: KeptDraft) -> None:
        # From a file on disk: read as any text from outside is (not refused when empty or over the
        # size limit, as a draft's loading would be: the editor held it so).
        text, _ = as_text(draft.text, "<kept draft>", [])
        tab = self.files.open_path(draft.path) if draft.path is not None and draft.path.exists() else None
        if tab is not None and tab.editor.document().isModified():
            # Changed already (two runs kept the same file): this copy goes beside it, not over it.
            assert draft.path is not None
            self.status.showMessage(
                f"{display_path(draft.path)} had changes in two runs: the other copy is a new draft.", 15000
            )
            tab = None
        elif tab is None and draft.path is not None:
            self.status.showMessage(
                f"{display_path(draft.path)} is gone: its changes are in a new draft (Save As).", 15000
            )
        if tab is None:
            tab = self.files.new_draft()
        tab.restore_text(text)

    # -- view

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self.settings.setValue("view/dark", dark)
        apply_theme(dark)
        for tab in self.tab_list():
            tab.set_dark(dark)

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self, self.settings)
        for index in reversed(range(self.tabs.count())):
            before = self.tabs.count()
            self.tabs.setCurrentIndex(index)
            self.close_tab(index)
            if self.tabs.count() == before:  # the editor cancelled
                event.ignore()
                return
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        self.recovery.finish()
        event.accept()
