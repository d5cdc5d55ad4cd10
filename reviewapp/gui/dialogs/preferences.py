"""Preferences: how to reach LanguageTool (off, a local LanguageTool, or a server), and the review server.

Saved in the user's settings file, which the command line reads too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import PolicyError
from ...core.grammar_settings import PUBLIC_SERVER, GrammarSettings, check_server_url
from ...core.policy import check_store_url
from ..palette import WARNING_COLOR
from .allow_list import AllowListEditor


class PreferencesDialog(QDialog):
    """Choose how grammar is checked; the window applies the choice when accepted."""

    def __init__(
        self,
        current: GrammarSettings,
        parent: QWidget | None = None,
        allow_list: Path | None = None,
        allowed: list[str] | None = None,
        store_url: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferences-dialog")
        self.off = QRadioButton("&Off")
        self.local = QRadioButton("&Local LanguageTool on this computer (needs Java 17 or newer)")
        self.server = QRadioButton("LanguageTool &server")
        group = QButtonGroup(self)
        for button in (self.off, self.local, self.server):
            group.addButton(button)

        self.url = QLineEdit(current.server_url or "")
        self.url.setPlaceholderText("http://localhost:8081")
        self.privacy = QLabel()
        self.privacy.setObjectName("privacy-note")
        self.privacy.setWordWrap(True)
        self.privacy.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the address typed
        self.privacy.setStyleSheet(f"color: {WARNING_COLOR}")
        self.url.textChanged.connect(self._update)
        self.folder = QLineEdit(str(current.languagetool_dir or ""))
        self.folder.setPlaceholderText("an unpacked LanguageTool folder, or empty to use a download")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.download = QPushButton("&Download LanguageTool…")
        self.download.setObjectName("download-languagetool")
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        folder_row.addWidget(self.download)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {WARNING_COLOR}")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.addRow("Server URL", self.url)
        form.addRow("", self.privacy)
        form.addRow("LanguageTool folder", folder_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        title = QLabel("<b>Grammar and spelling</b> (LanguageTool)")
        title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(title)
        for button in (self.off, self.local, self.server):
            layout.addWidget(button)
        layout.addLayout(form)
        self.allow_list = AllowListEditor(allow_list, allowed or [])
        layout.addWidget(self.allow_list)
        record = QLabel("<b>Review record</b> (who decided what)")
        record.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(record)
        self.record_url = QLineEdit(store_url or "")
        self.record_url.setObjectName("record-server")
        self.record_url.setPlaceholderText("empty: this computer's own database")
        self.record_url.setToolTip(
            "The newsroom's review server, as postgresql://you@host/database. "
            "The password goes in ~/.pgpass or in the box below, never in the address."
        )
        self.record_password = QLineEdit()
        self.record_password.setObjectName("record-password")
        self.record_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.record_password.setPlaceholderText("only if ~/.pgpass has none: kept in the system keyring")
        self.record_password.setToolTip(
            "Checked by logging in, then kept in the system keyring (Keychain, Credential Manager, "
            "Secret Service), never in reviewapp's settings."
        )
        record_form = QFormLayout()
        record_form.addRow("&Review server", self.record_url)
        record_form.addRow("Pass&word", self.record_password)
        record_form.addRow("", QLabel("Used from the next start of reviewapp."))
        layout.addLayout(record_form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 480)
        {"off": self.off, "local": self.local, "server": self.server}[current.mode].setChecked(True)
        for button in (self.off, self.local, self.server):
            button.toggled.connect(self._update)
        self._update()

    def values(self) -> dict[str, str]:
        mode = "server" if self.server.isChecked() else "local" if self.local.isChecked() else "off"
        return {
            "mode": mode,
            "server_url": self.url.text().strip(),
            "languagetool_dir": self.folder.text().strip(),
            "store_url": self.record_url.text().strip(),
            "store_password": self.record_password.text(),
        }

    def _update(self) -> None:
        self.url.setEnabled(self.server.isChecked())
        self.folder.setEnabled(self.local.isChecked())
        self.download.setEnabled(self.local.isChecked())
        public = "languagetool.org" in self.url.text() or "languagetoolplus.com" in self.url.text()
        self.privacy.setText(
            "The public LanguageTool service: the text of every draft you open is sent to "
            "LanguageTool's servers on the internet. Use your own server for unpublished copy."
            if self.server.isChecked() and public
            else f"Your own server keeps drafts in-house. The public one is {PUBLIC_SERVER}."
        )

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "LanguageTool folder", self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _check(self) -> None:
        values = self.values()
        if values["mode"] == "server":
            try:
                check_server_url(values["server_url"])
            except PolicyError:
                self.error.setText("Enter the server's address, starting with http:// or https://")
                return
        if values["store_url"]:
            try:
                check_store_url(values["store_url"], "The review server's address")
            except PolicyError as exc:
                self.error.setText(str(exc))
                self.record_url.setFocus()
                return
        elif values["store_password"]:
            self.error.setText("Enter the review server's address the password is for")
            self.record_url.setFocus()
            return
        self.accept()
