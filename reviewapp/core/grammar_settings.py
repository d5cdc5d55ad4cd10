"""How to reach LanguageTool: from the policy's [grammar] table, overridden by the user's preferences."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from .errors import PolicyError

MODES = ("off", "local", "server")
PUBLIC_SERVER = "https://api.languagetool.org"
HOW_TO_ENABLE = "set it up in Edit > Preferences or in the policy's [grammar] table"


class GrammarStatus(NamedTuple):
    """Whether the grammar check ran, and why not. Here rather than in grammar.py, which a
    review with the check off (and `status`) does not import."""

    available: bool
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"available": self.available, "reason": self.reason}


class GrammarSettings(NamedTuple):
    """The policy's [grammar] table (defaults in resources/policy/default.toml), with the
    user's settings on top."""

    mode: str  # "off": nothing leaves the machine unless someone chose a server
    server_url: str | None
    languagetool_dir: Path | None  # an unpacked LanguageTool for "local"; else its own download
    language: str
    disabled_rules: tuple[str, ...]  # LanguageTool rule ids, e.g. house spellings
    timeout: float  # seconds per request
    max_chars: int  # per request; LanguageTool servers refuse larger texts
    dictionary: Path | None = None  # accepted words, one per line; default in the user's data folder

    def with_overrides(self, **values: Any) -> GrammarSettings:
        """These settings with the user's preferences on top (None leaves a value as it is)."""
        return self._replace(**{k: v for k, v in values.items() if v is not None})


def grammar_settings(table: dict[str, Any], source: Path | str) -> GrammarSettings:
    """The [grammar] table of a policy (merged over the default policy's), checked."""
    mode = table["mode"]
    if mode not in MODES:
        raise PolicyError(f"{source}: grammar.mode must be one of {', '.join(MODES)}, not {mode!r}")
    url = table["server_url"] or None
    if url is not None:
        check_server_url(url, source)
    if mode == "server" and url is None:
        raise PolicyError(f'{source}: grammar.mode is "server" but grammar.server_url is not set')
    timeout = table["timeout"]
    if not isinstance(timeout, int | float) or timeout <= 0:
        raise PolicyError(f"{source}: grammar.timeout must be a number of seconds above 0")
    directory = table["languagetool_dir"]
    return GrammarSettings(
        mode=mode,
        server_url=url,
        languagetool_dir=Path(directory).expanduser() if directory else None,
        language=str(table["language"]),
        disabled_rules=tuple(str(r) for r in table["disabled_rules"]),
        timeout=float(timeout),
        max_chars=int(table["max_chars"]),
    )


def check_server_url(url: str, source: Path | str = "preferences") -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PolicyError(f"{source}: grammar.server_url must be an http(s) address, not {url!r}")
