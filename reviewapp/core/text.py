"""Sentence splitting and spans that analyzers skip or need (quotes, URLs)."""

from __future__ import annotations

import re
from typing import NamedTuple

from .regex_cache import compile_rule

_new = tuple.__new__  # a Sentence from its fields, without the class's Python-level __new__

APOSTROPHE = "['’]"

# Abbreviations after which a full stop never ends a sentence.
_NEVER_ENDS = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt rev hon mt ft fig figs no nos vol "
    "vols pp ed eds approx cf vs e.g i.e al dept est".split()
)
# Abbreviations that end a sentence only when an obvious sentence opener follows ("St." is a
# saint before a name and a street at the end of an address: "…at 300 W. Elm St. It opens at 9.").
_MAYBE_ENDS = frozenset(
    "st inc ltd co corp plc llc jr sr etc a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_OPENERS = frozenset(
    "the a an it he she they we i this that these those there but and so yet in on at for if "
    "when while after before as its his her their our however meanwhile".split()
)
# A time goes on with a day, a month or its zone ("at 9 a.m. Friday", "4 p.m. ET", "7 p.m.
# Eastern", "8 p.m. London time"): after a.m. and p.m., any other capitalised word opens a
# sentence ("…stretched past 4 a.m. Lawmakers debated…" was one).
_TIMES = frozenset(("a.m", "p.m"))
_TIME_GOES_ON = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "et est edt ct cst cdt mt mst mdt pt pst pdt akst hst gmt bst utc cet cest ist jst aest "
    "eastern central mountain pacific local".split()
)
# Linear on any input: a run of punctuation is only taken from its first character (the
# look-behind), and taken whole (possessive), so "....." 10,000 long is one try, not 10,000².
# The look-behind comes after the first mark, not before it: an expression that opens with a
# set of characters lets the engine skip to the next of them in C (a sixth of the time).
# Markdown's emphasis closes and opens around the boundary as quotation marks do:
# "- **Council approves budget.** The council voted…" is two sentences.
_BOUNDARY = compile_rule(r"([.!?…](?<![.!?…].)[.!?…]*+)([\"”’')\]*_]*+)(\s++)(?=[\"“‘(\[*_]{0,3}+[A-Z0-9])")
_INITIALISM = compile_rule(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
URL_RE = compile_rule(r"\bhttps?://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+", re.IGNORECASE)
# Used per paragraph, so a quotation may run over the line breaks of a
# hard-wrapped paragraph but never past a blank line.
_QUOTED = compile_rule(r"“[^”]{1,600}”|\"[^\"]{1,600}\"|(?<![\w])‘[^’]{1,600}’(?!\w)")


class Sentence(NamedTuple):
    """One sentence of a paragraph (a named tuple: split_sentences makes one for every sentence)."""

    start: int
    end: int
    text: str


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Split one paragraph into sentences; offsets are relative to `offset`."""
    sentences: list[Sentence] = []
    begin = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(1) == "." and not _ends_sentence(text, match):
            continue
        cut = match.start(3)
        _append(sentences, text, begin, cut, offset)
        begin = match.end(3)
    _append(sentences, text, begin, len(text), offset)
    return sentences


def last_sentence_start(text: str, lo: int, hi: int) -> int | None:
    """Where the last sentence that begins within text[lo:hi] begins (as `split_sentences` cuts), or None."""
    window = text[lo:hi]
    found = None
    for match in _BOUNDARY.finditer(window):
        if match.group(1) != "." or _ends_sentence(window, match):
            found = match.end(3)
    return None if found is None else lo + found


def _append(out: list[Sentence], text: str, begin: int, end: int, offset: int) -> None:
    piece = text[begin:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        start = begin + lead
        if stripped[0] in _EMPHASIS or stripped[-1] in _EMPHASIS:
            start, stripped = _outside_emphasis(start, stripped)
        out.append(_new(Sentence, (offset + start, offset + start + len(stripped), stripped)))


def _outside_emphasis(start: int, sentence: str) -> tuple[int, str]:
    """The sentence without Markdown's marks of emphasis around it, and where it then starts.

    Marks that open or close emphasis over the sentence, or over more than it ("**Test scores
    fell 12% last year. Why?**"), are no part of its words, highlight or quote (nor did "Why?**"
    end in a question mark). Marks closed within it stay ("_Then_ it rose.", "- **Approved.**"),
    as do a list's bullet ("* Item") and a line of marks ("***").
    """
    words = sentence.lstrip(_EMPHASIS)
    opening = sentence[: len(sentence) - len(words)]
    inner = words.rstrip(_EMPHASIS)
    closing = words[len(inner) :]
    if not inner or inner[0].isspace() or inner[-1].isspace():
        return start, sentence
    if opening and opening in inner:  # closed within: "_Then_ it rose."
        inner, opening = opening + inner, ""
    if closing and closing in inner:  # opened within: "- **Approved.**"
        inner += closing
    return start + len(opening), inner


_EMPHASIS = "*_~"  # Markdown's marks of emphasis, strong emphasis and strikethrough


_WORD_WINDOW = 100  # characters looked at either side of a full stop: no abbreviation is longer


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    # A bounded window, not the whole text before: in one huge paragraph, copying
    # everything before each full stop made splitting quadratic.
    before = text[max(0, match.start(1) - _WORD_WINDOW) : match.start(1)]
    word = before[before.rfind(" ") + 1 :].lstrip('"“‘([').lower()
    if not word:
        return True
    if word in _NEVER_ENDS or (len(word) == 1 and word.isalpha()):
        return False  # "Mr. Smith", "J. Smith"
    if word in _MAYBE_ENDS or _INITIALISM.match(word):
        after = text[match.end(3) : match.end(3) + _WORD_WINDOW].split(" ", 2)
        following = after[0].strip('"“‘(').lower()
        if word in _TIMES and following.isalpha():
            zone = following in _TIME_GOES_ON or (len(after) > 1 and after[1].rstrip(".,;") == "time")
            return not zone
        return following in _OPENERS
    return True


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotations (inside the quote marks)."""
    if '"' not in text and "“" not in text and "‘" not in text:
        return []  # most paragraphs: skip the scan
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def line_starts(text: str) -> list[int]:
    """Where each line of `text` starts (a search for line breaks, not a step per character: a
    20 MB draft's took 0.55 s so)."""
    return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]


_LINE_BREAK = re.compile("\n")


def url_spans(text: str) -> list[tuple[int, int]]:
    if "://" not in text and "www." not in text.lower():
        return []  # most paragraphs: skip the scan
    return [(m.start(), m.end()) for m in URL_RE.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) lies within one of `spans`."""
    return any(s <= start and end <= e for s, e in spans)


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def apostrophes(pattern: str) -> str:
    """Let a straight apostrophe in a rule pattern also match the typographic one.

    Outside a character class `'` becomes `['’]`; inside one, `’` joins it
    (`[\\w'-]` becomes `[\\w'’-]`, not a class cut in two).
    """
    if "'" not in pattern:  # most: the loop below (a character at a time) would copy it
        return pattern
    out: list[str] = []
    class_start = -1  # where the open class's members begin; -1 outside a class
    escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[" and class_start < 0:
            class_start = len(out) + 1
        elif ch == "^" and len(out) == class_start:
            class_start += 1  # a negated class: its members start after the caret
        elif ch == "]" and class_start >= 0 and len(out) > class_start:
            class_start = -1  # (a "]" first in a class is a member)
        elif ch == "'":
            out.append("'’" if class_start >= 0 else APOSTROPHE)
            continue
        out.append(ch)
    return "".join(out)


def short_quote(text: str, limit: int, ellipsis: str = "…") -> str:
    """`text` on one line (a hard-wrapped paragraph's breaks become spaces), cut near `limit`."""
    # From the text's head when that gives enough: a finding may be megabytes long.
    head = text[: 4 * limit + 4]
    line = " ".join(head.split())
    if len(head) < len(text) and len(line) <= limit:
        line = " ".join(text.split())  # spaces took most of the head: the whole text decides
    return line if len(line) <= limit else line[: limit - 3] + ellipsis


def table_rule(width: int) -> str:
    """A table's rule row under its heading, as the readers write a table of `width` cells
    ("|---|---|"), and as roles.py reads one."""
    return "|" + "---|" * width
