"""Grammar: LanguageTool settings, the user's dictionary, Preferences and the download."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from ..core import ReviewAppError
from ..core.grammar import (
    HOW_TO_ENABLE,
    GrammarChecker,
    GrammarStatus,
    add_to_dictionary,
    default_dictionary_path,
)
from ..core.grammar_settings import GrammarSettings
from .preferences import PreferencesDialog, grammar_from_settings, save_grammar_preferences
from .window_parts import WindowParts
from .worker import DownloadWorker


class GrammarActions(WindowParts):
    """Mixed into MainWindow; uses its store, policy, settings and tabs."""

    def grammar_settings(self) -> GrammarSettings:
        return grammar_from_settings(self.policy.grammar, self.settings)

    def dictionary_path(self) -> Path:
        configured = str(self.settings.value("grammar/dictionary", "", type=str))
        return Path(configured) if configured else default_dictionary_path()

    def configure_grammar(self) -> None:
        """(Re)build the LanguageTool client from policy and preferences; give it to every tab."""
        if self.grammar is not None:
            self.grammar.close()
        settings = self.grammar_settings()
        self.grammar = (
            None
            if settings.mode == "off"
            else GrammarChecker.with_dictionary(settings, self.dictionary_path())
        )
        for tab in self.tab_list():
            tab.grammar = self.grammar
            tab.refresh_grammar()
        if self.grammar is None:
            self._show_grammar_state(GrammarStatus(False, f"grammar check is off; {HOW_TO_ENABLE}"))
        else:
            self.grammar_label.setText("Grammar: connecting…")

    def _show_grammar_state(self, status: GrammarStatus) -> None:
        off = self.grammar is None
        if status.available:
            self.grammar_label.setText("Grammar: LanguageTool")
            self.grammar_label.setToolTip(status.reason or "")
            return
        self.grammar_label.setText("Grammar check off" if off else "Grammar check unavailable")
        self.grammar_label.setToolTip(
            (status.reason or "") + ("" if off else f".\nTo enable it: {HOW_TO_ENABLE}.")
        )
        if not off and status.reason != self._last_grammar_problem:
            self._last_grammar_problem = status.reason
            self.statusBar().showMessage(f"Grammar check unavailable: {status.reason}", 10000)

    _last_grammar_problem: str | None = None

    def accept_word(self, word: str) -> None:
        try:
            add_to_dictionary(word, self.dictionary_path())
        except ReviewAppError as exc:
            self.show_error("Cannot add the word", str(exc))
            return
        if self.grammar is not None:
            self.grammar.accept(word)
        for tab in self.tab_list():
            tab.refresh_grammar()
        self.statusBar().showMessage(f"“{word}” is in your dictionary now.", 5000)

    def preferences(self) -> None:
        dialog = PreferencesDialog(self.grammar_settings(), self)
        dialog.accepted.connect(lambda: self._apply_preferences(dialog.values()))
        dialog.download.clicked.connect(lambda: self.confirm_download(dialog))
        self._open_dialog(dialog)

    def _apply_preferences(self, values: dict[str, str]) -> None:
        save_grammar_preferences(self.settings, values)
        self.configure_grammar()

    def confirm_download(self, parent) -> QMessageBox:
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
        progress = QProgressDialog("Downloading LanguageTool…", "", 0, 0, self)
        progress.setObjectName("download-progress")
        progress.setCancelButton(None)  # the library's download cannot be interrupted
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        worker = DownloadWorker()

        def finished() -> None:
            progress.close()
            self.configure_grammar()

        def failed(message: str) -> None:
            progress.close()
            self.show_error("LanguageTool was not downloaded", message)

        worker.signals.finished.connect(finished)
        worker.signals.failed.connect(failed)
        progress.show()
        QThreadPool.globalInstance().start(worker)
