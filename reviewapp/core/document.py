"""The loaded draft: text, paragraphs with offsets, hash and metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph (a line of the text); offsets are Python string indices."""

    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Metadata:
    """What the draft says about itself."""

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    ai_statement: str | None = None
    declared_ai_use: str | None = None  # from front matter / meta tags: "none", "assisted", ...


@dataclass(slots=True)
class Document:
    """A draft ready for analysis."""

    text: str
    path: Path | None = None
    format: str = "txt"
    metadata: Metadata = field(default_factory=Metadata)
    warnings: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(init=False)
    sha256: str = field(init=False)
    words: int = field(init=False)

    def __post_init__(self) -> None:
        self.paragraphs = split_paragraphs(self.text)
        self.sha256 = text_sha256(self.text)
        self.words = count_words(self.text)

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled draft"


def text_sha256(text: str) -> str:
    """SHA-256 of the text as UTF-8: the identity of one version of a draft."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def count_words(text: str) -> int:
    return len(text.split())


def split_paragraphs(text: str) -> list[Paragraph]:
    """Each non-blank line is a paragraph.

    Lines, not blank-line blocks, because the editor (a QTextDocument) works in
    lines too, so a paragraph maps to exactly one text block in the GUI.
    """
    paragraphs: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            paragraphs.append(Paragraph(len(paragraphs), start, start + len(stripped), stripped))
        pos = end + 1
    return paragraphs
