"""Words as a person writes them: "1 finding", "18 findings", never "18 finding(s)"; a sentence
begun with a capital."""

from __future__ import annotations


def sentence(text: str) -> str:
    """`text` begun with a capital, as a sentence of its own (a warning read without the file
    name before it)."""
    return text[:1].upper() + text[1:]


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and the noun in the number it takes (`plural`: where adding "s" is wrong)."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def quoted(text: str) -> str:
    """`text` in quotation marks, unless it is a quotation already (a quoted sentence of the draft:
    “"Ridership fell…"” read as two pairs of marks)."""
    if len(text) > 1 and text[0] in _OPENING and text[-1] in _CLOSING:
        return text
    return f"“{text}”"


_OPENING = frozenset("\"“‘'«„")
_CLOSING = frozenset("\"”’'»“")
