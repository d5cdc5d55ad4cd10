"""What every analyzer is: a registered object with one small protocol.

An analyzer declares its name, the categories and rules it emits, and the
paragraph roles it reads; the engine (core/analysis.py) calls its hooks:

- `paragraph(ctx)`: the findings in one paragraph, offsets relative to it. A
  pure function of the paragraph's text and role (and the policy), so the
  engine may cache it while the editor types and run it in worker processes.
- `notes(ctx)`: facts about one paragraph that its `document` hook needs
  (spans, counts), kept and cached with the paragraph's findings.
- `document(view)`: findings that need the whole draft (a missing
  disclosure), from the paragraphs' roles, findings and notes; always rerun.

To add one: a module in this package with a subclass of `Check`, and a line
in `REGISTRY` (analyzers/__init__.py). tests/core/test_registry.py fails if
it is not fully described.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, NamedTuple

from ..document import Document, Paragraph
from ..findings import Finding
from ..policy import Policy
from .context import ParagraphContext


class RuleInfo(NamedTuple):
    """One rule an analyzer may emit, as the editor and the docs see it."""

    name: str  # "claim.figure"
    category: str
    why: str  # why this is flagged, in an editor's words
    fix: str | None = None  # the one-click fix it offers (core/fixes.py), if any


class DocumentView(NamedTuple):
    """What a document hook sees: the draft, each paragraph's role, and what the paragraph hooks found."""

    document: Document
    roles: Sequence[str]
    # Every paragraph finding, and those of the document hooks that ran before; offsets into the
    # whole text.
    findings: Sequence[Finding]
    notes: Sequence[tuple[Paragraph, Any]]  # this analyzer's notes, with their paragraph

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.document.paragraphs


class Check:
    """Base class of the analyzers: override what applies."""

    name: ClassVar[str]
    categories: ClassVar[tuple[str, ...]]
    roles: ClassVar[frozenset[str]]  # the paragraph roles its paragraph hook reads
    note_roles: ClassVar[frozenset[str]] = frozenset()  # the roles its notes hook reads

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def rules(self) -> Sequence[RuleInfo]:
        """Every rule this analyzer may emit."""
        raise NotImplementedError

    def paragraph(self, ctx: ParagraphContext) -> list[Finding]:
        return []

    def notes(self, ctx: ParagraphContext) -> list[tuple[int, int]] | None:
        """Spans (relative to the paragraph) for the document hook; None when there are none (most
        paragraphs). Spans, so that the notes of a paragraph analysed in pieces can be joined."""
        return None

    def document(self, view: DocumentView) -> list[Finding]:
        return []
