"""The house allow-list: terms the newsroom accepts, never flagged as hedge, peacock, page
furniture, generated phrasing or grammar.

A plain text file named in the policy (`[rules] allow_list`), one term per
line, `#` for comments; terms may also be listed in the policy itself
(`[rules] allowed`). The terms become part of the policy as read (and so of
its fingerprint, recorded with each decision): a term allowed after an
approval does not change the verdict on what was approved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .errors import PolicyError
from .files import write_atomic
from .findings import Finding

# Claims and disclosure gaps are about a sentence's standing, not its words: never allowed away.
ALLOWABLE = frozenset({"hedge", "peacock", "boilerplate", "ai_tell", "grammar"})
HEADER = (
    "# The house allow-list: one term per line; reviewapp never flags these as hedging,\n"
    "# peacock wording, page furniture, generated phrasing or grammar. Named in the house\n"
    "# policy as [rules] allow_list.\n"
)


def normalise_term(text: str) -> str:
    """How terms are compared: case-folded, typographic apostrophes straight, spaces collapsed."""
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2018", "'")).strip().casefold()


def is_allowed(finding: Finding, terms: frozenset[str]) -> bool:
    return bool(terms) and finding.category in ALLOWABLE and normalise_term(finding.text) in terms


def read_terms(path: Path) -> list[str]:
    """The terms of an allow-list file (a missing file is an empty list: it is made on first add)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{path}: cannot read the allow-list ({exc})") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def write_terms(path: Path, terms: Iterable[str]) -> None:
    """Keep these terms (sorted, one per line), replacing the file atomically."""
    unique = sorted({t.strip() for t in terms if t.strip()}, key=normalise_term)
    write_atomic(path, HEADER + "".join(f"{t}\n" for t in unique))
