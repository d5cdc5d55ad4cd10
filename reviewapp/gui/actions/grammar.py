"""Grammar: LanguageTool settings (Edit > Preferences), the user's dictionary, the download."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ...core import ReviewAppError
from ...core.allowlist import read_terms, write_terms
from ...core.grammar import add_to_dictionary, default_dictionary_path
from ...core.grammar_settings import GrammarSettings, GrammarStatus
from ...core.policy import load_policy
from ...core.review import GRAMMAR_OFF
from ...core.settings import UserSettings, load_user_settings, save_user_settings
from ..dialogs.allow_list import AllowListEditor
from ..dialogs.preferences import PreferencesDialog
from ..workers import DownloadWorker, PasswordWorker
from . import make_action
from .host import Host, widget


class GrammarActions(QObject):
    """The user's settings are the same file `reviewapp check` and `status` read."""

    def __init__(self, window: Host, user: UserSettings) -> None:
        super().__init__(widget(window))
        self.window = window
        self.user = user
        self.download_progress: QProgressDialog | None = None  # while LanguageTool downloads
        self.preferences = make_action(
            self, "Preference&s…", self.show_preferences, QKeySequence.StandardKey.Preferences
        )

    def settings(self) -> GrammarSettings:
        return self.user.grammar(self.window.reviewer.policy.grammar)

    def dictionary_path(self) -> Path:
        return self.settings().dictionary or default_dictionary_path()

    def configure(self) -> None:
        """(Re)build the LanguageTool client from policy and settings; every draft uses it."""
        self.window.reviewer.configure_grammar(self.settings())
        for tab in self.window.tab_list():
            tab.scheduler.refresh_grammar()
        if self.window.reviewer.grammar is None:
            self.show_state(GRAMMAR_OFF)
        else:
            self.window.status.grammar_label.setText("Grammar: connecting…")

    def show_state(self, status: GrammarStatus) -> None:
        self.window.status.show_grammar(status, off=self.window.reviewer.grammar is None)

    def accept_word(self, word: str) -> None:
        try:
            add_to_dictionary(word, self.dictionary_path())
        except ReviewAppError as exc:
            self.window.show_error("Cannot add the word", str(exc))
            return
        checker = self.window.reviewer.grammar
        if checker is not None:
            checker.accept(word)
        for tab in self.window.tab_list():
            tab.scheduler.refresh_grammar()
        self.window.status.showMessage(f"“{word}” is in your dictionary now.", 5000)

    def show_preferences(self) -> PreferencesDialog:
        policy = self.window.reviewer.policy
        try:
            allowed = read_terms(policy.allow_list) if policy.allow_list else []
        except ReviewAppError as exc:
            self.window.show_error("Cannot read the house allow-list", str(exc))
            allowed = []
        dialog = PreferencesDialog(
            self.settings(), widget(self.window), policy.allow_list, allowed, self.user.store_url
        )
        dialog.accepted.connect(lambda: self.apply(dialog.values()))
        dialog.accepted.connect(lambda: self.apply_allow_list(dialog.allow_list))
        dialog.download.clicked.connect(lambda: self.confirm_download(dialog))
        self.window.open_dialog(dialog)
        return dialog

    def apply(self, values: dict[str, str]) -> None:
        """Save the choices where every front end reads them, and use them now."""
        try:
            # The file may have changed since the app started (another window, the command line).
            current = load_user_settings()
        except ReviewAppError:
            current = self.user
        user = current.with_values(
            grammar_mode=values["mode"],
            grammar_server_url=values["server_url"],
            languagetool_dir=values["languagetool_dir"],
            store_url=values.get("store_url", current.store_url or ""),
        )
        try:
            save_user_settings(user)
        except ReviewAppError as exc:
            self.window.show_error("Cannot save the preferences", str(exc))
            return
        moved = user.store_url != self.user.store_url
        self.user = user
        self.configure()
        if values.get("store_password") and user.store_url:
            self.keep_server_password(user.store_url, values["store_password"])
        if moved:
            self.window.status.showMessage(
                "The review record moves to "
                + (user.store_url or "this computer's database")
                + " when reviewapp starts again.",
                10000,
            )

    def keep_server_password(self, url: str, password: str) -> PasswordWorker:
        """Log in with it once (a mistyped one is not kept), then keep it in the system keyring;
        in the thread pool, and the status bar says how it went."""
        from ...core.store.postgres import shown_url

        worker = PasswordWorker(url, password)
        worker.signals.kept.connect(self._password_kept)
        worker.signals.failed.connect(self._password_failed)
        self.window.status.showMessage(f"Checking the password for {shown_url(url)}…", 10000)
        QThreadPool.globalInstance().start(worker)
        return worker

    def _password_kept(self, where: str, keyring: str) -> None:
        self.window.status.showMessage(
            f"The password for {where} is kept in the system keyring ({keyring}).", 10000
        )

    def _password_failed(self, message: str) -> None:
        self.window.show_error("The password was not kept", message)

    def apply_allow_list(self, editor: AllowListEditor) -> None:
        """Write the house allow-list if it was changed, and review every draft under it."""
        if not editor.changed() or editor.path is None:
            return
        reviewer = self.window.reviewer
        try:
            write_terms(editor.path, editor.terms())
            reviewer.policy = load_policy(reviewer.policy.source)
        except ReviewAppError as exc:
            self.window.show_error("Cannot save the house allow-list", str(exc))
            return
        for tab in self.window.tab_list():
            tab.scheduler.edited()

    def confirm_download(self, parent: QWidget) -> QMessageBox:
        """Ask first: LanguageTool is a download of about 250 MB from languagetool.org."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Download LanguageTool",
            "Download LanguageTool (about 250 MB) from languagetool.org into your user folder? "
            "It runs on this computer with Java; your drafts stay here.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        box.setObjectName("confirm-download")
        box.accepted.connect(self.download_languagetool)  # Yes is the accept role
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def download_languagetool(self) -> None:
        progress = QProgressDialog("Downloading LanguageTool…", "", 0, 0, widget(self.window))
        progress.setObjectName("download-progress")
        progress.setCancelButton(None)  # the library's download cannot be interrupted
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        worker = DownloadWorker()
        # To methods of this object (see keep_server_password): a lost result would leave the
        # window-modal progress dialog up for good.
        self.download_progress = progress
        worker.signals.finished.connect(self._downloaded)
        worker.signals.failed.connect(self._download_failed)
        progress.show()
        QThreadPool.globalInstance().start(worker)

    def _downloaded(self) -> None:
        self._close_download_progress()
        self.configure()

    def _download_failed(self, message: str) -> None:
        self._close_download_progress()
        self.window.show_error("LanguageTool was not downloaded", message)

    def _close_download_progress(self) -> None:
        if self.download_progress is not None:
            self.download_progress.close()
            self.download_progress = None
