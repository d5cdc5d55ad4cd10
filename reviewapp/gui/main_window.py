"""The main window: tabs of drafts, menus, status bar."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QTabWidget,
)

from .. import __version__
from ..core import Analyzer, Policy, ReviewAppError, load_path, load_text
from ..core.files import write_atomic
from ..core.gate import APPROVED, CHANGED, NOT_APPROVED
from ..core.grammar import GrammarChecker
from ..core.loaders import SUPPORTED_SUFFIXES
from ..core.store import ReviewStore
from .document_tab import DocumentTab
from .grammar_actions import GrammarActions
from .icons import app_icon
from .palette import WARNING_COLOR
from .report_actions import ReportActions
from .review_actions import ReviewActions
from .theme import apply_theme, system_prefers_dark

MAX_RECENT = 10
# Okabe–Ito bluish green, vermillion and orange: apart for colour-blind readers, legible on dark.
APPROVAL_COLORS = {APPROVED: "#009E73", CHANGED: WARNING_COLOR, NOT_APPROVED: "#E69F00"}
SAVEABLE = (".txt", ".md", ".markdown")


class MainWindow(ReviewActions, GrammarActions, ReportActions, QMainWindow):
    """Tabs of drafts, the menus and the status bar; the actions live in the mixins."""

    def __init__(self, analyzer: Analyzer, policy: Policy, store: ReviewStore, settings: QSettings) -> None:
        super().__init__()
        self.analyzer = analyzer
        self.policy = policy
        self.store = store
        self.settings = settings
        self.messages: list[QMessageBox] = []  # kept so non-modal boxes stay alive
        self.setWindowTitle("reviewapp")
        self.setAcceptDrops(True)
        self.resize(1200, 860)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._refresh_status)
        self.setCentralWidget(self.tabs)

        self.words_label = QLabel()
        self.open_label = QLabel()
        self.state_label = QLabel("No draft open")
        self.exports = 0  # reports being written in the pool
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a report has no useful percentage
        self.progress.setMaximumWidth(120)
        self.progress.setVisible(False)
        self.statusBar().addPermanentWidget(self.progress)
        self.approval_label = QLabel()
        self.approval_label.setObjectName("approval")
        for label in (self.approval_label, self.state_label, self.open_label, self.words_label):
            self.statusBar().addPermanentWidget(label)
        self.grammar_label = QLabel()
        self.grammar_label.setObjectName("grammar-state")
        self.statusBar().addPermanentWidget(self.grammar_label)
        self.grammar: GrammarChecker | None = None
        self.configure_grammar()
        self.dark = bool(settings.value("view/dark", system_prefers_dark(), type=bool))
        self._build_menus()
        apply_theme(self.dark)

    # -- menus

    def _action(self, menu, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(file, "&Open…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file.addMenu("Open &Recent")
        self._action(file, "&Paste as New Draft", self.paste_new, "Ctrl+Shift+V")
        file.addSeparator()
        self._action(file, "&Save", self.save, QKeySequence.StandardKey.Save)
        self._action(file, "Save &As…", self.save_as, QKeySequence.StandardKey.SaveAs)
        self._action(file, "&Export Report…", self.export_dialog, "Ctrl+E")
        self._action(
            file,
            "&Close Draft",
            lambda: self.close_tab(self.tabs.currentIndex()),
            QKeySequence.StandardKey.Close,
        )
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu("&Edit")
        for text, name, key in (
            ("&Undo", "undo", QKeySequence.StandardKey.Undo),
            ("&Redo", "redo", QKeySequence.StandardKey.Redo),
            ("Cu&t", "cut", QKeySequence.StandardKey.Cut),
            ("&Copy", "copy", QKeySequence.StandardKey.Copy),
            ("&Paste", "paste", QKeySequence.StandardKey.Paste),
            ("Select &All", "selectAll", QKeySequence.StandardKey.SelectAll),
        ):
            self._action(edit, text, lambda _=False, n=name: self._editor_call(n), key)
        edit.addSeparator()
        self._action(edit, "Pre&ferences…", self.preferences, QKeySequence.StandardKey.Preferences)

        review = bar.addMenu("&Review")
        self._action(review, "&Next Open Finding", lambda: self.step(False), "F8")
        self._action(review, "&Previous Open Finding", lambda: self.step(True), "Shift+F8")
        self._action(review, "&Resolve Finding…", self.resolve_current, "Ctrl+R")
        review.addSeparator()
        self._action(review, "&Sign Off…", self.sign_off, "Ctrl+Shift+A")
        self._action(review, "&History…", self.show_history, "Ctrl+H")
        self._action(review, "&Verify Audit Log", self.verify_audit)
        review.addSeparator()
        self._action(review, "Focus &Text", lambda: self._focus("editor"), "Ctrl+1")
        self._action(review, "Focus &Findings", lambda: self._focus("table"), "Ctrl+2")

        view = bar.addMenu("&View")
        self.dark_action = self._action(view, "&Dark Theme", self.toggle_dark, "Ctrl+Shift+D", checkable=True)
        self.dark_action.setChecked(self.dark)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&About reviewapp", self.about)
        self._rebuild_recent()

    # -- tabs

    def current(self) -> DocumentTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, DocumentTab) else None

    def tab_list(self) -> list[DocumentTab]:
        return [t for i in range(self.tabs.count()) if isinstance(t := self.tabs.widget(i), DocumentTab)]

    def open_path(self, path: str | Path) -> DocumentTab | None:
        path = Path(path)
        for tab in self.tab_list():
            if tab.path and tab.path.resolve() == path.resolve():
                self.tabs.setCurrentWidget(tab)
                return tab
        try:
            document = load_path(path)
        except ReviewAppError as exc:
            self.show_error("Cannot open the draft", str(exc))
            return None
        for warning in document.warnings:
            self.statusBar().showMessage(warning, 10000)
        self._remember(path)
        return self._add_tab(document)

    def _add_tab(self, document) -> DocumentTab:
        tab = DocumentTab(document, self.analyzer, {}, self.dark)
        tab.resolutions.update(self.store.resolutions(tab.key))
        tab.highlighter.resolved = set(tab.resolutions)
        tab.grammar = self.grammar
        tab.grammar_state.connect(self._show_grammar_state)
        tab.word_accepted.connect(self.accept_word)
        tab.analysis_state.connect(lambda state, t=tab: self._tab_state(t, state))
        tab.analysed.connect(lambda _r, t=tab: self._update_gate(t))
        tab.editor.document().modificationChanged.connect(lambda _m, t=tab: self._retitle(t))
        index = self.tabs.addTab(tab, tab.title)
        if document.path:
            self.tabs.setTabToolTip(index, str(document.path))
        self.tabs.setCurrentIndex(index)
        tab.start_analysis_soon()
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
        tab.deleteLater()

    def _retitle(self, tab: DocumentTab) -> None:
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.setTabText(index, tab.title)

    # -- files

    def open_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open drafts", str(self._last_folder()), f"Drafts ({patterns});;All files (*)"
        )
        for path in paths:
            self.open_path(path)

    def paste_new(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage("The clipboard holds no text to paste.", 5000)
            return
        self._add_tab(load_text(text))

    def save(self) -> bool:
        tab = self.current()
        if tab is None:
            return False
        if tab.path is None or tab.path.suffix.lower() not in SAVEABLE:
            return self.save_as()
        return self._write(tab, tab.path)

    def save_as(self) -> bool:
        tab = self.current()
        if tab is None:
            return False
        start = tab.path.with_suffix(".txt") if tab.path else self._last_folder() / "draft.txt"
        name, _ = QFileDialog.getSaveFileName(
            self, "Save draft as", str(start), "Text (*.txt);;Markdown (*.md)"
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() not in SAVEABLE:
            path = path.with_suffix(".txt")
        if self._write(tab, path):
            tab.path, tab.format = path, "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
            self._remember(path)
            self._retitle(tab)
            return True
        return False

    def _write(self, tab: DocumentTab, path: Path) -> bool:
        """Write through a temporary file, so a failed save never leaves half a draft."""
        try:
            write_atomic(path, tab.text)  # the editor's text has \n line ends already
        except ReviewAppError as exc:
            self.show_error("Cannot save the draft", str(exc))
            return False
        tab.editor.document().setModified(False)
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def _remember(self, path: Path) -> None:
        recent = [p for p in self._recent() if p != str(path.resolve())]
        self.settings.setValue("recent", [str(path.resolve()), *recent][:MAX_RECENT])
        self._rebuild_recent()

    def _recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            return [value]
        return [str(item) for item in value] if isinstance(value, list | tuple) else []

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        for number, name in enumerate(self._recent(), 1):
            action = self.recent_menu.addAction(f"&{number % 10} {name}")
            action.triggered.connect(lambda _=False, n=name: self.open_path(n))
        self.recent_menu.setEnabled(bool(self._recent()))

    def _last_folder(self) -> Path:
        recent = self._recent()
        return Path(recent[0]).parent if recent else Path.home()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if isinstance(url, QUrl) and url.isLocalFile():
                self.open_path(url.toLocalFile())
        event.acceptProposedAction()

    # -- review

    def _open_dialog(self, dialog: QDialog) -> None:
        """Window-modal, not exec(): no nested event loop, and tests can drive the real buttons."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- grammar

    # -- reports

    def _focus(self, which: str) -> None:
        tab = self.current()
        if tab is not None:
            (tab.editor if which == "editor" else tab.table).setFocus()

    def _editor_call(self, name: str) -> None:
        tab = self.current()
        if tab is not None:
            getattr(tab.editor, name)()

    # -- view

    def toggle_dark(self, dark: bool) -> None:
        self.dark = dark
        self.settings.setValue("view/dark", dark)
        apply_theme(dark)
        for tab in self.tab_list():
            tab.set_dark(dark)

    def about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("about-box")
        box.setWindowTitle("About reviewapp")
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setText(f"<b>reviewapp {__version__}</b>")
        box.setInformativeText(
            "Review AI-assisted news drafts before publication.<br>"
            f"Review database: {html.escape(str(self.store.path))}"
        )
        self._open_dialog(box)
        return box

    def show_error(self, title: str, text: str) -> None:
        self.statusBar().showMessage(text, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("error-box")
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.messages.append(box)
        box.finished.connect(lambda _r, b=box: self.messages.remove(b))
        box.open()  # not exec(): the window keeps working while it shows

    # -- status

    def _tab_state(self, tab: DocumentTab, state: str | None) -> None:
        if tab is self.current():
            if state is not None:
                self.state_label.setText(state)
            self._refresh_status()

    def _refresh_status(self) -> None:
        tab = self.current()
        if tab is None:
            self.words_label.setText("")
            self.open_label.setText("")
            self.approval_label.setText("")
            self.setWindowTitle("reviewapp")
            return
        # The last analysis's count: splitting a long draft on every keystroke would stall typing.
        words = tab.result.document.words if tab.result else 0
        self.words_label.setText(f"{words:,} words")
        self.open_label.setText(f"{tab.open_count()} open findings")
        approval = self.approval_text(tab)
        self.approval_label.setText(approval.capitalize())
        self.approval_label.setStyleSheet(f"color: {APPROVAL_COLORS[approval]}; font-weight: bold")
        self.approval_label.setToolTip("\n".join(tab.gate.reasons) if tab.gate else "")
        self.setWindowTitle(f"{tab.title} — {approval} — reviewapp")

    def approval_text(self, tab: DocumentTab) -> str:
        """Approved, changed since approval, or not approved: for the text in the editor now."""
        if tab.gate is None:
            return "not approved"
        if tab.gate.approval == APPROVED and not tab.up_to_date:
            return CHANGED  # typed since the last analysis: the approval no longer holds
        return tab.gate.approval

    def closeEvent(self, event) -> None:
        for index in reversed(range(self.tabs.count())):
            before = self.tabs.count()
            self.tabs.setCurrentIndex(index)
            self.close_tab(index)
            if self.tabs.count() == before:  # the editor cancelled
                event.ignore()
                return
        event.accept()
