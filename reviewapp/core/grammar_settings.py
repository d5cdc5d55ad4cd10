"""How to reach LanguageTool: from the policy's [grammar] table, overridden by the user's preferences."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import PolicyError

MODES = ("off", "local", "server")
PUBLIC_SERVER = "https://api.languagetool.org"


@dataclass(frozen=True, slots=True)
class GrammarSettings:
    mode: str = "off"  # nothing leaves the machine unless someone chose a server
    server_url: str | None = None
    languagetool_dir: Path | None = None  # an unpacked LanguageTool for "local"; else its own download
    language: str = "en-US"
    disabled_rules: tuple[str, ...] = ()  # LanguageTool rule ids, e.g. house spellings
    timeout: float = 10.0  # seconds per request
    max_chars: int = 20_000  # per request; LanguageTool servers refuse larger texts
    dictionary: Path | None = None  # accepted words, one per line; default in the user's data folder

    def with_overrides(self, **values: Any) -> GrammarSettings:
        """These settings with the user's preferences on top (None leaves a value as it is)."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def grammar_settings(table: dict[str, Any], source: Path | str) -> GrammarSettings:
    mode = table.get("mode", "off")
    if mode not in MODES:
        raise PolicyError(f"{source}: grammar.mode must be one of {', '.join(MODES)}, not {mode!r}")
    url = table.get("server_url") or None
    if url is not None:
        check_server_url(url, source)
    if mode == "server" and url is None:
        raise PolicyError(f'{source}: grammar.mode is "server" but grammar.server_url is not set')
    timeout = table.get("timeout", 10.0)
    if not isinstance(timeout, int | float) or timeout <= 0:
        raise PolicyError(f"{source}: grammar.timeout must be a number of seconds above 0")
    directory = table.get("languagetool_dir")
    return GrammarSettings(
        mode=mode,
        server_url=url,
        languagetool_dir=Path(directory).expanduser() if directory else None,
        language=str(table.get("language", "en-US")),
        disabled_rules=tuple(str(r) for r in table.get("disabled_rules", ())),
        timeout=float(timeout),
        max_chars=int(table.get("max_chars", 20_000)),
    )


def check_server_url(url: str, source: Path | str = "preferences") -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PolicyError(f"{source}: grammar.server_url must be an http(s) address, not {url!r}")
