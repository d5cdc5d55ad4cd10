"""The loaded draft: text, paragraphs with offsets, hash and metadata."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import accumulate, pairwise
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from .encoding import FileEncoding
from .regex_cache import compile_rule


class Paragraph(NamedTuple):
    """One paragraph (a line of the text, or hard-wrapped lines); offsets are Python string indices."""

    index: int  # type: ignore[assignment]  # hides tuple.index, which nothing here calls on a paragraph
    start: int
    end: int
    text: str


_new = tuple.__new__
_START = attrgetter("start")
_END = attrgetter("end")

# Metadata and Document are plain classes, not dataclasses: every command loads a draft, and
# the dataclasses module (with inspect, which it imports) and compiling a dataclass's methods
# cost about 10 ms of each start. They change after loading (a loader fills in the metadata).


# The declared AI use of a Word or OpenDocument draft whose page header or footer discloses it: the
# draft says AI was used, in a place the article will not carry (packages.py).
DECLARED_IN_MARGINS = "in a page header or footer"


class Metadata:
    """What the draft says about itself."""

    __slots__ = ("byline", "date", "declared_ai_use", "hidden_lines", "hidden_parts", "quoted_lines", "title")

    def __init__(
        self,
        title: str | None = None,
        byline: str | None = None,
        date: str | None = None,
        declared_ai_use: str | None = None,  # from front matter / meta tags: "none", "assisted", ...
    ) -> None:
        self.title, self.byline, self.date, self.declared_ai_use = title, byline, date, declared_ai_use
        # Paragraphs the file hides from its readers (hidden.py), whole (by their text: an edit moves them).
        self.hidden_lines: frozenset[tuple[str, int]] = frozenset()  # (text, which of alike ones)
        # Passages it hides inside paragraphs it shows ("<span hidden>…</span>"), by their text.
        self.hidden_parts: tuple[str, ...] = ()
        # Paragraphs in a web page's block quotations (an embedded post's lines), likewise.
        self.quoted_lines: frozenset[str] = frozenset()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Metadata) and self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _METADATA_FIELDS)
        return f"Metadata({shown})"

    def _values(self) -> tuple[str | None, ...]:
        return tuple(getattr(self, name) for name in _METADATA_FIELDS)


_METADATA_FIELDS = ("title", "byline", "date", "declared_ai_use")


class Document:
    """A draft ready for analysis.

    `sha256` identifies the text that was reviewed: SHA-256 of the text as
    decoded (from UTF-8, UTF-16 or the legacy encoding it was read as, without
    a byte-order mark), with every line ending made LF, encoded as UTF-8. So a
    sign-off holds when a file is saved again with CRLF line endings, a BOM or
    another encoding of the same text, and not after any change to the text.
    `file_sha256` is SHA-256 of the file's bytes, as `sha256sum` prints it.
    """

    __slots__ = (
        "encoding",
        "file_sha256",
        "format",
        "metadata",
        "paragraphs",
        "path",
        "sha256",
        "text",
        "warnings",
        "words",
    )  # fmt: skip

    def __init__(
        self,
        text: str,
        path: Path | None = None,
        format: str = "txt",
        metadata: Metadata | None = None,
        warnings: list[str] | None = None,
        file_sha256: str | None = None,  # of the file as read from disk; None for text from the editor
        encoding: FileEncoding | None = None,  # how its text file was written (None: not a text file)
        # The paragraphs and word count when already known (an edit's: see after_edit).
        known: tuple[list[Paragraph], int] | None = None,
    ) -> None:
        self.text, self.path, self.format = text, path, format
        self.metadata = metadata if metadata is not None else Metadata()
        self.warnings = warnings if warnings is not None else []
        self.file_sha256, self.encoding = file_sha256, encoding
        self.paragraphs: list[Paragraph]
        self.words: int
        if known is None:
            self.paragraphs = split_paragraphs(self.text)
            self.words = count_words(self.text)
        else:
            self.paragraphs, self.words = known
        self.sha256 = text_sha256(self.text)

    def __repr__(self) -> str:
        shown = f"{self.path!r}, format={self.format!r}, words={self.words}, sha256={self.sha256[:12]!r}"
        return f"Document({shown})"

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
    return compile_rule(rf"\s*+(?:\S++\s++){{{limit}}}\S")


def first_word(line: str) -> str:
    """The first word of a line that has one (as str.split finds it), without splitting the rest."""
    found = _WORD_RUN.search(line)
    return found.group() if found else ""


_WORD_RUN = compile_rule(r"\S+")  # \S is what str.split keeps: both follow str.isspace


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
        paragraphs.extend(_paragraphs(text, block, runs, len(paragraphs)))
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


def _paragraphs(
    text: str, lines: list[tuple[int, str]], runs: list[tuple[int, int]], index: int
) -> list[Paragraph]:
    """The paragraphs of runs of `lines` ((offset, line) in `text`), numbered from `index`."""
    out: list[Paragraph] = []
    for a, b in runs:
        first_pos, first_line = lines[a]
        last_pos, last_line = lines[b - 1]
        start = first_pos + len(first_line) - len(first_line.lstrip())
        end = last_pos + len(last_line.rstrip())
        # tuple.__new__: Paragraph's own __new__ is Python code (a 20 MB draft's 40,000: 14 ms of 0.2 s).
        out.append(_new(Paragraph, (index + len(out), start, end, text[start:end])))
    return out


def after_edit(previous: Document, text: str) -> tuple[list[Paragraph], int]:
    """The paragraphs and word count of `text`, an edit of `previous`'s text, as split_paragraphs
    and count_words give them; only the lines around the edit are split and counted again.

    In the app an edit changes a few lines of a draft that may have ten thousand
    paragraphs: splitting and counting it all again took about 20 ms. The lines
    split again are those of the block (lines between blank ones) that the edit
    touched; and when that block's wrap width is the same before and after the
    edit, only those between the nearest lines on either side too wide to be
    wrapped (each of those is a paragraph of its own, whatever the edit). A
    generated draft is one block of long lines, so that is the edited line.
    """
    old_lines, new_lines = previous.text.split("\n"), text.split("\n")
    same_start, same_end = same_ends(old_lines, new_lines)
    shift = len(new_lines) - len(old_lines)  # lines after the edit move by this many
    # The whole blocks around the changed lines (the unchanged lines are the same in both texts).
    first, new_stop = same_start, len(new_lines) - same_end
    while first > 0 and new_lines[first - 1].strip():
        first -= 1
    while new_stop < len(new_lines) and new_lines[new_stop].strip():
        new_stop += 1
    new_block, old_block = new_lines[first:new_stop], old_lines[first : new_stop - shift]
    new_widths = [len(line.rstrip()) for line in new_block]  # 0: a blank line
    width, block_first = wrap_width(new_widths), first
    one_block = all(new_widths) and all(line.strip() for line in old_block)
    if one_block and width == wrap_width([len(line.rstrip()) for line in old_block]):
        # Narrowed to the lines between the nearest too-wide ones around the change.
        limit = -1 if width is None else width  # no wrap width: every line is its own paragraph
        top, bottom = same_start, len(new_lines) - same_end
        while top > first and new_widths[top - 1 - first] <= limit:
            top -= 1
        while bottom < new_stop and new_widths[bottom - first] <= limit:
            bottom += 1
        first, new_stop = top, bottom
    old_stop = new_stop - shift
    start = sum(map(len, new_lines[:first])) + first  # where line `first` starts, in both texts
    old_piece, new_piece = "\n".join(old_lines[first:old_stop]), "\n".join(new_lines[first:new_stop])
    # Where the first line after the old lines starts (the piece and its line break, if any).
    old_next, delta = start + len(old_piece) + (old_stop > first), len(text) - len(previous.text)
    # Paragraphs are in reading order and do not overlap: their ends and starts rise.
    paragraphs = previous.paragraphs
    before = paragraphs[: bisect_right(paragraphs, start, key=_END)]
    after = paragraphs[bisect_left(paragraphs, old_next, key=_START) :]
    if one_block and first < new_stop:
        segment = new_lines[first:new_stop]
        offsets = accumulate((len(line) + 1 for line in segment[:-1]), initial=start)
        widths = new_widths[first - block_first : new_stop - block_first]
        runs = _runs(segment, widths, width)
        middle = _paragraphs(text, list(zip(offsets, segment, strict=True)), runs, len(before))
    else:
        middle = [
            Paragraph(len(before) + p.index, p.start + start, p.end + start, p.text)
            for p in split_paragraphs(new_piece)
        ]
    index = len(before) + len(middle)
    # Made by tuple.__new__ from unpacked fields (Paragraph's own __new__ is Python code): a long
    # draft moves thousands after each edit.
    moved = [
        _new(Paragraph, (number, start + delta, end + delta, text))
        for number, (_, start, end, text) in enumerate(after, index)
    ]
    words = previous.words - count_words(old_piece) + count_words(new_piece)
    return [*before, *middle, *moved], words


def same_ends(a: list[str], b: list[str]) -> tuple[int, int]:
    """How many items the two lists share at their start, and then at their end (the end never
    counting an item of the start again)."""
    head = _common_prefix(a, b)
    return head, _common_prefix(a[head:][::-1], b[head:][::-1])


def _common_prefix(a: list[str], b: list[str]) -> int:
    """How many items the two lists share at their start."""
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


LINE_ENDS_SENTENCE = (".", "!", "?", ":", ";", '"', "”", "’", ")")  # a line that ends so ends a sentence
_BLOCK_MARKER = compile_rule(r"^\s*(?:[-*+•>|#]|\d+[.)]\s|```|~~~)")
_FIELD_LINE = compile_rule(r"\A\s*+[A-Za-z][\w-]{0,30}:\s")  # "author: Jordan Lee", "Subject: Fares"
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
    return _runs(lines, widths, wrap_width(widths))


def wrap_width(widths: list[int]) -> int | None:
    """The width a block of lines (their widths) may be wrapped at: its widest line that fits a
    usual wrapping; None with fewer than two such lines (then none of them is wrapped)."""
    fitting = [w for w in widths if w <= WRAP_WIDTHS[1]]
    return max(fitting) if len(fitting) >= 2 else None


def _runs(lines: list[str], widths: list[int], width: int | None) -> list[tuple[int, int]]:
    """wrapped_runs of lines whose block is wrapped at `width` (see wrap_width)."""
    if width is None:  # the usual generated draft: a long line per paragraph
        return [(i, i + 1) for i in range(len(lines))]
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
    if all(map(_FIELD_LINE.match, lines)):  # front matter's or an e-mail's fields, a line each
        return False
    # One left margin (the first line may be indented more): centred lines are not wrapped.
    margins = {len(line) - len(line.lstrip()) for line in lines[1:]}
    if len(margins) > 1 or len(lines[0]) - len(lines[0].lstrip()) < margins.pop():
        return False
    widths = [len(line.rstrip()) for line in lines]
    width = max(widths)
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return False
    if all(line.rstrip().endswith(LINE_ENDS_SENTENCE) for line in lines[:-1]):
        return False
    # Wrapping breaks mid-sentence, so some line goes on in lower case; a list of
    # headlines ("Related stories") is capitalised line by line.
    if not any(line.lstrip()[:1].islower() for line in lines[1:]):
        return False
    return all(
        used + 1 + len(first_word(following)) > width
        for used, following in zip(widths, lines[1:], strict=False)
    )
