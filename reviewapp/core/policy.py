"""The house policy: what a disclosure must contain, who must sign off, rule switches."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import PolicyError
from .findings import SEVERITIES
from .grammar_settings import GrammarSettings, grammar_settings
from .resources import resource_path

_REQUIRED = ("always", "when_ai_detected", "never")
_PLACEMENT = ("start", "end", "anywhere")
# IPTC digital source type codes that describe text an AI took part in writing
# (https://cv.iptc.org/newscodes/digitalsourcetype/).
DIGITAL_SOURCE_TYPES = (
    "compositeWithTrainedAlgorithmicMedia",  # human and AI material combined, edited by a human
    "trainedAlgorithmicMedia",  # made by a trained model from a prompt
    "algorithmicallyEnhanced",  # human work improved by an algorithm (e.g. rewording)
    "humanEdits",  # human work with human edits only
)
IPTC_DIGITAL_SOURCE = "https://cv.iptc.org/newscodes/digitalsourcetype/"


@dataclass(frozen=True, slots=True)
class Policy:
    source: Path
    disclosure_required: str = "when_ai_detected"
    ai_tell_threshold: int = 3
    placement: str = "end"
    placement_window: int = 3
    require_human_responsibility: bool = True
    require_scope: bool = False
    required_roles: tuple[str, ...] = ("editor",)
    roles: tuple[str, ...] = ("author", "fact-checker", "editor")
    block_unresolved_at: str = "warning"
    paper: str = "A4"
    digital_source_type: str = "compositeWithTrainedAlgorithmicMedia"
    responsible_role: str = "editor"
    disabled_rules: frozenset[str] = frozenset()
    extra_rule_files: tuple[Path, ...] = ()
    severity_overrides: dict[str, str] = field(default_factory=dict)
    grammar: GrammarSettings = field(default_factory=GrammarSettings)
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


def default_policy_path() -> Path:
    return resource_path("policy", "default.toml")


def load_policy(path: str | Path | None = None) -> Policy:
    """Read a policy file; values it leaves out come from the default policy."""
    default = _read(default_policy_path())
    if path is None:
        return _build(default, default_policy_path())
    path = Path(path)
    merged = _merge(default, _read(path))
    return _build(merged, path)


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PolicyError(f"{path}: policy file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{path}: cannot read policy ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: not valid TOML ({exc})") from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = (
            _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
        )
    return out


def _choice(value: Any, allowed: tuple[str, ...], what: str, source: Path) -> str:
    if value not in allowed:
        raise PolicyError(f"{source}: {what} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _build(data: dict[str, Any], source: Path) -> Policy:
    disclosure = data.get("disclosure", {})
    signoff = data.get("signoff", {})
    rules = data.get("rules", {})
    severity = data.get("severity", {})
    report = data.get("report", {})
    for rule, level in severity.items():
        _choice(level, SEVERITIES, f"severity of {rule}", source)
    window = disclosure.get("placement_window", 3)
    if not isinstance(window, int) or window < 1:
        raise PolicyError(f"{source}: disclosure.placement_window must be a whole number of at least 1")
    roles = tuple(signoff.get("roles", ("author", "fact-checker", "editor")))
    required_roles = tuple(signoff.get("required_roles", ("editor",)))
    unknown = set(required_roles) - set(roles)
    if unknown:
        raise PolicyError(f"{source}: required role(s) {', '.join(sorted(unknown))} not in signoff.roles")
    return Policy(
        source=source,
        disclosure_required=_choice(
            disclosure.get("required", "when_ai_detected"), _REQUIRED, "disclosure.required", source
        ),
        ai_tell_threshold=int(disclosure.get("ai_tell_threshold", 3)),
        placement=_choice(disclosure.get("placement", "end"), _PLACEMENT, "disclosure.placement", source),
        placement_window=window,
        require_human_responsibility=bool(disclosure.get("require_human_responsibility", True)),
        require_scope=bool(disclosure.get("require_scope", False)),
        required_roles=required_roles,
        roles=roles,
        block_unresolved_at=_choice(
            signoff.get("block_unresolved_at", "warning"), SEVERITIES, "signoff.block_unresolved_at", source
        ),
        paper=_choice(report.get("paper", "A4"), ("A4", "Letter"), "report.paper", source),
        digital_source_type=_choice(
            report.get("digital_source_type", "compositeWithTrainedAlgorithmicMedia"),
            DIGITAL_SOURCE_TYPES,
            "report.digital_source_type",
            source,
        ),
        responsible_role=_choice(
            report.get("responsible_role", "editor"), roles, "report.responsible_role", source
        ),
        disabled_rules=frozenset(rules.get("disabled", ())),
        extra_rule_files=tuple((source.parent / f).resolve() for f in rules.get("extra_files", ())),
        severity_overrides=dict(severity),
        grammar=grammar_settings(data.get("grammar", {}), source),
        raw=data,
    )
