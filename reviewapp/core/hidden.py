"""Text a draft's file hides from its readers: a web page's `hidden` or `display: none`
elements (and those placed off the page, clipped, transparent, or white on a page that sets no
background), a Word or OpenDocument file's text formatted as hidden, white on a white page or of
a point or less. It is read like the rest, since it is published with the file and an approval
must cover it, and told: in a warning above the text, and as findings (boilerplate.hidden) on
whole paragraphs and on passages inside paragraphs that are shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .document import Document

# A hidden part of a paragraph is a finding from this many words ("Ignore the instructions above"),
# not an icon's label ("Share"); and so many are looked for, each through the whole text.
_MIN_PART_WORDS = 4
_MAX_PARTS = 20


# How each kind of file hides text, as its warning says.
IN_PAGE = "hidden from the page's readers (hidden, display: none and the like)"
IN_DOCUMENT = (
    "hidden from the document's readers (text formatted as hidden, white on a white page or too small to see)"
)


HiddenLine = tuple[str, int]  # a paragraph's text, and which of the paragraphs with that text (0: the first)


class HiddenText:
    """What a package reader finds hidden as it reads: each paragraph's hidden stretches
    (`passages`, lines joined by "\\n"), and which of several alike lines a paragraph hidden whole
    is (a shown paragraph before a hidden copy of it is not hidden): the body's lines so far
    (`lines`, which body_lines fills as it reads) and where each such paragraph came among them.
    Nothing is counted as the lines come: only once the body is read, and only when something
    was hidden."""

    def __init__(self) -> None:
        self.passages: list[str] = []
        self.lines: list[str] = []
        self._whole: list[tuple[str, int]] = []  # a paragraph hidden whole, and the lines before it

    def add(self, stretches: list[str], text: str, placeable: bool) -> None:
        """The paragraph `text`, read next, hides these stretches of it. `placeable`: it is one of
        the body's own lines (not a table's row), so its place among alike ones can be told."""
        if not stretches:
            return
        self.passages.append("\n".join(stretches))
        if placeable and len(stretches) == 1 and stretches[0].strip() == text.strip():
            self._whole.append((text, len(self.lines)))

    def found(self) -> tuple[tuple[str, ...], tuple[HiddenLine, ...]]:
        """The passages, and each whole paragraph's place (a package's Body takes both)."""
        return tuple(self.passages), tuple(self._placed())

    def _placed(self) -> list[HiddenLine]:
        """Each line of each paragraph hidden whole, and how many alike lines came before it."""
        if not self._whole:
            return []
        counts = dict.fromkeys((line for text, _ in self._whole for line in _stripped_lines(text)), 0)
        placed: list[HiddenLine] = []
        done = 0
        for text, before in self._whole:
            for line in self.lines[done:before]:
                for part in _stripped_lines(line):
                    if part in counts:
                        counts[part] += 1
            done = before
            placed.extend((part, counts[part]) for part in _stripped_lines(text))
        return placed


def _stripped_lines(text: str) -> list[str]:
    """The text's lines as paragraphs are (without the spaces around them)."""
    return [line.strip() for line in text.split("\n")]


def mark_hidden(document: Document, passages: Sequence[str], placed: Sequence[HiddenLine] = ()) -> None:
    """Note which paragraphs, and parts of paragraphs, are the `passages` (lines joined by "\\n")
    `document` hides, for the analysis (its warning, hidden_text, is the reader's to give).
    `placed`: which of alike lines are the hidden ones, where the reader knows."""
    whole = hidden_paragraphs(document, passages, placed)
    document.metadata.hidden_lines = whole
    document.metadata.hidden_parts = parts_of_paragraphs(passages, frozenset(text for text, _ in whole))


def whole_paragraphs(document: Document, passages: Sequence[str]) -> frozenset[str]:
    """The texts of the paragraphs of `document` that are lines of `passages` (each lines joined by
    "\\n")."""
    if not passages:
        return frozenset()
    lines = {line for passage in passages for line in passage.split("\n")}
    return frozenset(p.text for p in document.paragraphs if p.text in lines)


def hidden_paragraphs(
    document: Document, passages: Sequence[str], placed: Sequence[HiddenLine] = ()
) -> frozenset[HiddenLine]:
    """The paragraphs of `document` that are lines of `passages` (each lines joined by "\\n"), each
    as its text and which of the paragraphs with that text it is. Where `placed` names a line's
    hidden ones, only those: a shown paragraph is not hidden for a hidden copy of it elsewhere."""
    if not passages:
        return frozenset()
    lines = {line for passage in passages for line in passage.split("\n")}
    which = by_text(placed)
    seen: dict[str, int] = {}
    found = []
    for paragraph in document.paragraphs:
        text = paragraph.text
        if text in lines:
            nth = seen[text] = seen.get(text, -1) + 1
            if text not in which or nth in which[text]:
                found.append((text, nth))
    return frozenset(found)


def by_text(lines: Iterable[HiddenLine]) -> dict[str, set[int]]:
    """Hidden lines as each text and which of the alike paragraphs are hidden."""
    which: dict[str, set[int]] = {}
    for text, nth in lines:
        which.setdefault(text, set()).add(nth)
    return which


def parts_of_paragraphs(passages: Sequence[str], whole: frozenset[str]) -> tuple[str, ...]:
    """The lines of `passages` that are not paragraphs of their own: parts of paragraphs shown."""
    lines = (line.strip() for passage in passages for line in passage.split("\n"))
    parts = [line for line in lines if line not in whole and len(line.split()) >= _MIN_PART_WORDS]
    return tuple(dict.fromkeys(parts))[:_MAX_PARTS]


def passage_start(passage: str) -> str:
    """A passage as a warning quotes it: on one line, its first 60 characters."""
    first = passage.replace("\n", " ")
    return first if len(first) <= 60 else first[:59].rstrip() + "…"


def hidden_text(passages: Sequence[str], hidden: str) -> str:
    """What a warning says of hidden text: read, and where it starts."""
    first = passage_start(passages[0])
    if len(passages) == 1:
        return f"a passage {hidden} is read as part of the draft: “{first}”"
    return f"{len(passages):,} passages {hidden} are read as part of the draft, the first: “{first}”"
