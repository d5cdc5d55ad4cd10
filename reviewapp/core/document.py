"""The loaded draft: text, paragraphs with offsets, hash and metadata."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

from .encoding import FileEncoding


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph (a line of the text, or hard-wrapped lines); offsets are Python string indices."""

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
    declared_ai_use: str | None = None  # from front matter / meta tags: "none", "assisted", ...


@dataclass(slots=True)
class Document:
    """A draft ready for analysis.

    `sha256` identifies the text that was reviewed: SHA-256 of the text as
    decoded (from UTF-8, UTF-16 or the legacy encoding it was read as, without
    a byte-order mark), with every line ending made LF, encoded as UTF-8. So a
    sign-off holds when a file is saved again with CRLF line endings, a BOM or
    another encoding of the same text, and not after any change to the text.
    `file_sha256` is SHA-256 of the file's bytes, as `sha256sum` prints it.
    """

    text: str
    path: Path | None = None
    format: str = "txt"
    metadata: Metadata = field(default_factory=Metadata)
    warnings: list[str] = field(default_factory=list)
    file_sha256: str | None = None  # of the file as read from disk; None for text from the editor
    encoding: FileEncoding | None = None  # how its text file was written (None: not a text file)
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
    """SHA-256 of the text as UTF-8: the identity of one version of a draft (see Document)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def count_words(text: str) -> int:
    return len(text.split())


def at_most_words(text: str, limit: int) -> bool:
    """Has `text` `limit` words or fewer (words as str.split finds them)? Looks at no more than
    limit + 1 of them: a paragraph of a scraped page may be megabytes long."""
    return _more_words_than(limit).match(text) is None


@cache
def _more_words_than(limit: int) -> re.Pattern[str]:
    """Matches the start of a text of more than `limit` words, in one call (this runs several times
    for every paragraph). Possessive: spaces and words cannot share a character, so it never
    backtracks."""
    return re.compile(rf"\s*+(?:\S++\s++){{{limit}}}\S")


def first_word(line: str) -> str:
    """The first word of a line that has one (as str.split finds it), without splitting the rest."""
    found = _WORD_RUN.search(line)
    return found.group() if found else ""


_WORD_RUN = re.compile(r"\S+")  # \S is what str.split keeps: both follow str.isspace


def split_paragraphs(text: str) -> list[Paragraph]:
    """Each non-blank line is a paragraph, except that hard-wrapped lines are one.

    Lines, because drafts (generated ones above all) put a paragraph on a line,
    and the editor (a QTextDocument) works in lines too. But plain text from
    e-mail or wire copy is often wrapped at a fixed width, and a sentence cut
    at each line end cannot be analysed; see `is_hard_wrapped`. A wrapped
    paragraph keeps its line breaks: offsets still index the text as it is.
    """
    paragraphs: list[Paragraph] = []
    block: list[tuple[int, str]] = []  # (offset, line) of consecutive non-blank lines

    def flush() -> None:
        if not block:
            return
        runs = wrapped_runs([line for _, line in block])
        for group in (block[a:b] for a, b in runs):
            first_pos, first_line = group[0]
            last_pos, last_line = group[-1]
            start = first_pos + len(first_line) - len(first_line.lstrip())
            end = last_pos + len(last_line.rstrip())
            paragraphs.append(Paragraph(len(paragraphs), start, end, text[start:end]))
        block.clear()

    pos = 0
    for line in text.split("\n"):
        if line.strip():
            block.append((pos, line))
        else:
            flush()
        pos += len(line) + 1
    flush()
    return paragraphs


_TERMINAL = (".", "!", "?", ":", ";", '"', "”", "’", ")")
_BLOCK_MARKER = re.compile(r"^\s*(?:[-*+•>|#]|\d+[.)]\s|```|~~~)")
WRAP_WIDTHS = (40, 100)  # the narrowest and widest wrapping taken for one


def wrapped_runs(lines: list[str]) -> list[tuple[int, int]]:
    """The lines of a block as paragraphs, each a range [start, end) of them.

    A block may be wrapped as a whole, or hold a wrapped paragraph beside
    lines that are not (a headline or a byline above it, a second paragraph
    straight after it): a wrapped paragraph ends at the first line that could
    have taken the next line's first word, so the block is cut there and each
    piece is tested on its own. (A block wrapped as a whole has no cut, so it
    is one piece.)
    """
    widths = [len(line.rstrip()) for line in lines]
    fitting = [w for w in widths if w <= WRAP_WIDTHS[1]]
    if len(fitting) < 2:  # the usual generated draft: a long line per paragraph
        return [(i, i + 1) for i in range(len(lines))]
    width = max(fitting)
    cuts = [0]
    for i in range(len(lines) - 1):
        too_wide = widths[i] > width or widths[i + 1] > width
        if too_wide or widths[i] + 1 + len(first_word(lines[i + 1])) <= width:
            cuts.append(i + 1)
    cuts.append(len(lines))
    runs: list[tuple[int, int]] = []
    for a, b in pairwise(cuts):
        if b - a > 1 and is_hard_wrapped(lines[a:b]):
            runs.append((a, b))
        else:
            runs.extend((i, i + 1) for i in range(a, b))
    return runs


def is_hard_wrapped(lines: list[str]) -> bool:
    """Are these consecutive lines one paragraph wrapped at a fixed width?

    Yes when each line but the last is full: the next line's first word would
    not have fitted on it (how every wrapping tool breaks lines), the width is
    a usual one, they share a left margin, some line goes on in lower case, and
    they are not lines that each end a sentence, list items, headings,
    quotations, tables or code.
    """
    # Cheapest tests first: most blocks of a generated draft have long lines.
    if len(lines) < 2 or len(max(lines, key=len).rstrip()) > WRAP_WIDTHS[1]:
        return False
    if any(_BLOCK_MARKER.match(line) for line in lines):
        return False
    # One left margin (the first line may be indented more): centred lines are not wrapped.
    margins = {len(line) - len(line.lstrip()) for line in lines[1:]}
    if len(margins) > 1 or len(lines[0]) - len(lines[0].lstrip()) < margins.pop():
        return False
    widths = [len(line.rstrip()) for line in lines]
    width = max(widths)
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return False
    if all(line.rstrip().endswith(_TERMINAL) for line in lines[:-1]):
        return False
    # Wrapping breaks mid-sentence, so some line goes on in lower case; a list of
    # headlines ("Related stories") is capitalised line by line.
    if not any(line.lstrip()[:1].islower() for line in lines[1:]):
        return False
    return all(
        used + 1 + len(first_word(following)) > width
        for used, following in zip(widths, lines[1:], strict=False)
    )
