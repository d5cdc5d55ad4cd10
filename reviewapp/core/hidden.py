"""Text a draft's file hides from its readers: a web page's `hidden` or `display: none`
elements, a Word or OpenDocument file's text formatted as hidden, white on a white page or of a
point or less. It is read like the rest, since it is published with the file and an approval
must cover it, and told: in a warning above the text, and as findings (boilerplate.hidden) on
whole paragraphs and on passages inside paragraphs that are shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from .document import Document

# A hidden part of a paragraph is a finding from this many words ("Ignore the instructions above"),
# not an icon's label ("Share"); and so many are looked for, each through the whole text.
_MIN_PART_WORDS = 4
_MAX_PARTS = 20


# How each kind of file hides text, as its warning says.
IN_PAGE = "hidden from the page's readers (hidden or display: none)"
IN_DOCUMENT = (
    "hidden from the document's readers (text formatted as hidden, white on a white page or too small to see)"
)


def mark_hidden(document: Document, passages: Sequence[str]) -> None:
    """Note which paragraphs, and parts of paragraphs, are the `passages` (lines joined by "\\n")
    `document` hides, for the analysis (its warning, hidden_text, is the reader's to give)."""
    document.metadata.hidden_lines = whole_paragraphs(document, passages)
    document.metadata.hidden_parts = parts_of_paragraphs(passages, document.metadata.hidden_lines)


def whole_paragraphs(document: Document, passages: Sequence[str]) -> frozenset[str]:
    """The paragraphs of `document` that are lines of `passages` (each lines joined by "\\n")."""
    if not passages:
        return frozenset()
    lines = {line for passage in passages for line in passage.split("\n")}
    return frozenset(p.text for p in document.paragraphs if p.text in lines)


def parts_of_paragraphs(passages: Sequence[str], whole: frozenset[str]) -> tuple[str, ...]:
    """The lines of `passages` that are not paragraphs of their own: parts of paragraphs shown."""
    lines = (line.strip() for passage in passages for line in passage.split("\n"))
    parts = [line for line in lines if line not in whole and len(line.split()) >= _MIN_PART_WORDS]
    return tuple(dict.fromkeys(parts))[:_MAX_PARTS]


def hidden_text(passages: Sequence[str], hidden: str) -> str:
    """What a warning says of hidden text: read, and where it starts."""
    first = passages[0].replace("\n", " ")
    first = first if len(first) <= 60 else first[:59].rstrip() + "…"
    if len(passages) == 1:
        return f"a passage {hidden} is read as part of the draft: “{first}”"
    return f"{len(passages):,} passages {hidden} are read as part of the draft, the first: “{first}”"
