"""The house policy: what a disclosure must contain, who must sign off, rule switches."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .allowlist import normalise_term, read_terms
from .errors import PolicyError
from .findings import SEVERITIES
from .grammar_settings import GrammarSettings, grammar_settings
from .limits import InputLimits
from .resources import resource_path
from .toml_files import read_toml

if TYPE_CHECKING:
    from .keyring import Keyring

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
PAPER_SIZES = ("A4", "Letter")


class ScoreSettings(NamedTuple):
    """When the learned scores flag a sentence, and when a rule's hit needs their agreement.

    Keys are the scores' categories: "claim" (check-worthiness) and "hedge"
    (hedged or vague, which also scores peacock wording).
    """

    thresholds: dict[str, float]  # flag a sentence on its score alone from here
    floors: dict[str, float]  # a rule's hit in a sentence stands from this score
    rule_floors: dict[str, float]  # rules with a floor of their own (0: every hit stands)

    def floor(self, key: str, rule: str) -> float:
        return self.rule_floors.get(rule, self.floors[key])


SCORE_KEYS = ("claim", "hedge")


class Policy(NamedTuple):
    """A house policy. Every value comes from the policy file over resources/policy/default.toml,
    which is the one place defaults are written."""

    source: Path
    disclosure_required: str
    ai_tell_threshold: int
    placement: str
    placement_window: int
    require_human_responsibility: bool
    require_scope: bool
    required_roles: tuple[str, ...]
    roles: tuple[str, ...]
    distinct_signers: bool  # each required role approved by a different person
    override_roles: tuple[str, ...]  # roles that may override a rejection, with a reason
    keyring: Keyring | None  # who may sign in which role (None: anyone with a key)
    block_unresolved_at: str
    paper: str
    digital_source_type: str
    responsible_role: str
    disabled_rules: frozenset[str]
    extra_rule_files: tuple[Path, ...]
    limits: InputLimits  # the one size limit on a draft
    allow_list: Path | None  # the house allow-list file (None: none named, or a recorded policy)
    allowed_terms: frozenset[str]  # normalised (allowlist.normalise_term)
    severity_overrides: dict[str, str]
    grammar: GrammarSettings
    scores: ScoreSettings
    store_url: str | None  # [store] url: the newsroom's review server (not part of the fingerprint)
    raw: dict[str, Any]
    recorded_as: str | None  # the fingerprint it was recorded under (a policy from the record)

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the policy as read (every value, defaults included): recorded with each decision."""
        return self.recorded_as or policy_fingerprint(self.raw)


def policy_fingerprint(raw: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(raw, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def policy_from_record(raw: dict[str, Any], fingerprint: str) -> Policy:
    """A policy recorded in the review database with the decisions taken under it.

    A policy recorded by an earlier reviewapp lacks the settings added since;
    those take their defaults (which leave its judgement as it was).
    """
    source = Path(f"<recorded policy {fingerprint[:12]}>")
    policy = _build(_merge(_read(default_policy_path()), raw, source), source)
    return policy._replace(recorded_as=fingerprint)


def default_policy_path() -> Path:
    return resource_path("policy", "default.toml")


def load_policy(path: str | Path | None = None) -> Policy:
    """Read a policy file; values it leaves out come from the default policy."""
    default = _read(default_policy_path())
    if path is None:
        return _build(default, default_policy_path())
    path = Path(path)
    merged = _merge(default, _read(path), path)
    return _build(merged, path)


def _read(path: Path) -> dict[str, Any]:
    try:
        return read_toml(path)
    except FileNotFoundError:
        raise PolicyError(f"{path}: policy file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{path}: cannot read policy ({exc})") from None
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise PolicyError(f"{path}: not valid TOML ({exc})") from None


def _merge(base: dict[str, Any], over: dict[str, Any], source: Path, where: str = "") -> dict[str, Any]:
    """`over` on top of `base`, table by table; a table of the default stays a table."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(base.get(key), dict):
            if not isinstance(value, dict):
                raise PolicyError(f"{source}: {where}{key} must be a table ([{where}{key}])")
            value = _merge(base[key], value, source, f"{where}{key}.")
        out[key] = value
    return out


def _choice(value: Any, allowed: tuple[str, ...], what: str, source: Path) -> str:
    if value not in allowed:
        raise PolicyError(f"{source}: {what} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _build(data: dict[str, Any], source: Path) -> Policy:
    # Where the record is kept is no part of how drafts are judged: not recorded, not fingerprinted.
    data = dict(data)
    store_url = _store_url(data.pop("store", {}), source)
    disclosure, signoff, rules, report = (data[k] for k in ("disclosure", "signoff", "rules", "report"))
    severity = data["severity"]
    for rule, level in severity.items():
        _choice(level, SEVERITIES, f"severity of {rule}", source)
    window = disclosure["placement_window"]
    if not isinstance(window, int) or window < 1:
        raise PolicyError(f"{source}: disclosure.placement_window must be a whole number of at least 1")
    allow_list = None
    if rules["allow_list"] and not str(source).startswith("<recorded"):
        allow_list = (source.parent / str(rules["allow_list"])).resolve()
        # The file's terms join the policy as read, so they are recorded (and fingerprinted) with it.
        rules["allowed"] = sorted({*map(str, rules["allowed"]), *read_terms(allow_list)}, key=normalise_term)
    roles = tuple(signoff["roles"])
    required_roles = tuple(signoff["required_roles"])
    unknown = set(required_roles) - set(roles)
    if unknown:
        raise PolicyError(f"{source}: required role(s) {', '.join(sorted(unknown))} not in signoff.roles")
    return Policy(
        source=source,
        disclosure_required=_choice(disclosure["required"], _REQUIRED, "disclosure.required", source),
        ai_tell_threshold=int(disclosure["ai_tell_threshold"]),
        placement=_choice(disclosure["placement"], _PLACEMENT, "disclosure.placement", source),
        placement_window=window,
        require_human_responsibility=bool(disclosure["require_human_responsibility"]),
        require_scope=bool(disclosure["require_scope"]),
        required_roles=required_roles,
        roles=roles,
        distinct_signers=bool(signoff["distinct_signers"]),
        override_roles=_roles_in(signoff["override_roles"], roles, "signoff.override_roles", source),
        keyring=_keyring(signoff, source),
        block_unresolved_at=_choice(
            signoff["block_unresolved_at"], SEVERITIES, "signoff.block_unresolved_at", source
        ),
        paper=_choice(report["paper"], PAPER_SIZES, "report.paper", source),
        digital_source_type=_choice(
            report["digital_source_type"], DIGITAL_SOURCE_TYPES, "report.digital_source_type", source
        ),
        responsible_role=_choice(report["responsible_role"], roles, "report.responsible_role", source),
        disabled_rules=frozenset(rules["disabled"]),
        extra_rule_files=tuple((source.parent / f).resolve() for f in rules["extra_files"]),
        limits=_limits(data["input"], source),
        allow_list=allow_list,
        allowed_terms=frozenset(normalise_term(t) for t in rules["allowed"]),
        severity_overrides=dict(severity),
        grammar=grammar_settings(data["grammar"], source),
        scores=_scores(data["scores"], source),
        store_url=store_url,
        raw=data,
        recorded_as=None,
    )


def _store_url(table: Any, source: Path) -> str | None:
    """[store] url = "postgresql://user@host/db": the review record on a server; never a password."""
    if not isinstance(table, dict) or set(table) - {"url"}:
        raise PolicyError(f"{source}: [store] takes one key, url")
    url = table.get("url")
    if url is None or url == "":
        return None
    return check_store_url(url, f"{source}: store.url")


def check_store_url(url: Any, what: str) -> str:
    """A review server's address as a setting holds it: postgresql://, and no password in it."""
    if not isinstance(url, str) or not url.startswith(("postgresql://", "postgres://")):
        raise PolicyError(f"{what} must be a postgresql:// address")
    if "password" in url.lower() or re.match(r"postgres(?:ql)?://[^/@]*:[^/@]*@", url):
        raise PolicyError(
            f"{what} must not hold a password: put it in ~/.pgpass (PGPASSFILE) or a service "
            "file, where PostgreSQL's own tools look, or in the system keyring with "
            "`reviewapp db password URL`"
        )
    return url


def _limits(table: dict[str, Any], source: Path) -> InputLimits:
    size = table["max_text_mb"]
    if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= 1000:
        raise PolicyError(f"{source}: input.max_text_mb must be a whole number of MB from 1 to 1000")
    return InputLimits(size)


def _roles_in(value: Any, roles: tuple[str, ...], what: str, source: Path) -> tuple[str, ...]:
    chosen = tuple(str(r) for r in value)
    unknown = set(chosen) - set(roles)
    if unknown:
        raise PolicyError(f"{source}: {what} names {', '.join(sorted(unknown))}, not in signoff.roles")
    return chosen


def _keyring(signoff: dict[str, Any], source: Path) -> Keyring | None:
    path, admin = str(signoff["keyring"]), str(signoff["admin_key"])
    if not path:
        return None
    from .keyring import load_keyring  # with the signing library: only for a house with a keyring

    if not admin:
        raise PolicyError(
            f"{source}: signoff.keyring needs signoff.admin_key, the administrator's public key"
        )
    return load_keyring((source.parent / path).resolve(), admin)


def _scores(table: dict[str, Any], source: Path) -> ScoreSettings:
    def share(value: Any, what: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise PolicyError(f"{source}: {what} must be a number from 0 to 1, not {value!r}")
        return float(value)

    floors = table["floors"]
    if not isinstance(floors, dict):
        raise PolicyError(f"{source}: scores.floors must be a table of rule names and numbers")
    return ScoreSettings(
        thresholds={key: share(table[key], f"scores.{key}") for key in SCORE_KEYS},
        floors={key: share(table[f"{key}_floor"], f"scores.{key}_floor") for key in SCORE_KEYS},
        rule_floors={str(rule): share(value, f"scores.floors.{rule}") for rule, value in floors.items()},
    )
