"""One person's settings, read by the desktop app and the command line alike.

A small JSON file in the user's config folder (see paths.py). Each value,
when set, goes over the house policy's; when not set, the policy's holds, so
`reviewapp status` and the app reach the same verdict for the same text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from .errors import ReviewAppError
from .files import write_atomic
from .grammar_settings import MODES, GrammarSettings, check_server_url
from .paths import config_dir


class SettingsError(ReviewAppError):
    """The user's settings file cannot be read or holds a bad value."""


class UserSettings(NamedTuple):
    """Values the user chose; None means the house policy's value holds."""

    grammar_mode: str | None = None  # "off", "local" or "server"
    grammar_server_url: str | None = None
    languagetool_dir: str | None = None
    dictionary: str | None = None  # the accepted-words file; default in the data folder
    store_url: str | None = None  # the newsroom's review server (postgresql://...), over the policy's

    def grammar(self, base: GrammarSettings) -> GrammarSettings:
        """The policy's grammar settings with these on top."""
        return base.with_overrides(
            mode=self.grammar_mode,
            server_url=self.grammar_server_url,
            languagetool_dir=Path(self.languagetool_dir) if self.languagetool_dir else None,
            dictionary=Path(self.dictionary) if self.dictionary else None,
        )

    def with_values(self, **values: Any) -> UserSettings:
        """These settings with some changed; an empty string clears a value."""
        return self._replace(**{k: (v or None) for k, v in values.items()})


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_user_settings(path: Path | None = None) -> UserSettings:
    """The user's settings; none when the file does not exist yet."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return UserSettings()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read your settings ({exc})") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{path}: your settings must be a JSON object")
    known = {name: data.get(name) for name in UserSettings._fields}
    for name, value in known.items():
        if value is not None and not isinstance(value, str):
            raise SettingsError(f"{path}: {name} must be text, not {value!r}")
    settings = UserSettings(**known)
    if settings.grammar_mode is not None and settings.grammar_mode not in MODES:
        raise SettingsError(f"{path}: grammar_mode must be one of {', '.join(MODES)}")
    if settings.grammar_server_url:
        check_server_url(settings.grammar_server_url, path)
    if settings.store_url:
        from .policy import check_store_url

        try:
            check_store_url(settings.store_url, f"{path}: store_url")
        except ReviewAppError as exc:
            raise SettingsError(str(exc)) from None
    return settings


def record_location(db: str | None, user: UserSettings, policy_url: str | None, default: Path) -> str | Path:
    """Where the review record is: --db, else the user's server, else the house policy's, else local."""
    return db or user.store_url or policy_url or default


def save_user_settings(settings: UserSettings, path: Path | None = None) -> None:
    path = path or settings_path()
    values = {k: v for k, v in settings._asdict().items() if v is not None}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SettingsError(f"{path.parent}: cannot create the settings folder ({exc.strerror})") from None
    write_atomic(path, json.dumps(values, indent=2, ensure_ascii=False) + "\n")
