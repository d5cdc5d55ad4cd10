"""The draft a decision is about: its key in the record and the exact text decided on.

Apart from the decisions (records.py) because every review names its draft,
`check`'s too, and the decisions' classes are only needed with a record.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..document import Document


def draft_key(path: Path | None, sha256: str) -> str:
    """How the record names a draft: its absolute path, or its first text for a pasted one."""
    return str(path.resolve()) if path else f"pasted:{sha256}"


class DraftRef(NamedTuple):
    """One version of one draft, as a decision names it."""

    key: str  # the draft (see draft_key)
    sha256: str  # the exact text decided on
    words: int
    title: str | None = None

    @classmethod
    def of(cls, document: Document, key: str | None = None) -> DraftRef:
        return cls(
            key or draft_key(document.path, document.sha256),
            document.sha256,
            document.words,
            document.metadata.title,
        )
