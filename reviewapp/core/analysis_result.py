"""What an analysis pass gives. A module of its own, light to import: the record commands hold
a kept analysis (kept_analysis.py) without importing the analyzers."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .document import Document
from .findings import Finding

if TYPE_CHECKING:
    from .numbering import FindingsChange


class AnalysisResult(NamedTuple):
    document: Document
    findings: list[Finding]
    roles: list[str]
    reanalysed: int  # paragraphs analysed in this pass rather than reused
    changed: list[int]  # indices of those paragraphs
    # How the findings (those of allowed terms among them, set aside by the review) came from the
    # session's last pass; None on a first pass, and once the list is no longer the analysis's own.
    change: FindingsChange | None = None

    @property
    def ai_statement(self) -> str | None:
        """The draft's AI-use disclosure (the last, if it has several)."""
        from .roles import DISCLOSURE  # the roles' module imports the rules: only asked for by reports

        return next(
            (p.text for p, role in zip(reversed(self.document.paragraphs), reversed(self.roles), strict=True)
             if role == DISCLOSURE),
            None,
        )  # fmt: skip
