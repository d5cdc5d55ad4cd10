"""Metadata a draft carries: title, byline, date and the declared AI use."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .document import Metadata, Paragraph, at_most_words
from .regex_cache import compile_rule

# A name: up to four words each written with a capital (any letter but a-z; "de", "van", "von" and
# the like between them), matched case by case where "by" is not: "By Jane Smith in London" is Jane
# Smith's. Up to four names, with commas, "and" or "&" between them.
_WORD = r"[^\W\d_a-z][\w.'’-]*"
_PARTICLE = r"(?:de|del|der|di|da|du|la|le|van|von|bin|al)\s+"
_NAME = rf"(?-i:{_WORD}(?:\s+(?:{_PARTICLE}){{0,2}}{_WORD}){{0,3}})"
# "By Tuesday, it was over." and "By March the plan had stalled." open sentences: a day, a month
# or a time alone is no author ("By May Smith" is one: a capitalised word follows).
_WHEN = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may"
    r"|june|july|august|september|october|november|december|today|tomorrow|tonight|yesterday"
    r"|noon|midnight|then|now|christmas|easter)\b(?!\s+(?-i:[A-Z]))"
)
_BYLINE = compile_rule(
    rf"^(?:[-•*]\s*|\*\*|__)?(?:by|written by|words by)\s+(?!{_WHEN})"
    rf"({_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME}){{0,3}})",
    re.IGNORECASE,
)
# A newsroom's byline with no person in it: "By the Ledger staff", "By Staff", "From staff
# reports", "By The Times Editorial Board", "By Ledger staff and wire reports". The line ends
# there ("By the staff's count, 40 came." is a sentence).
_STAFF_BYLINE = compile_rule(
    r"^(?:[-•*]\s*+|\*\*|__)?(?:by|from)\s++((?:the\s++)?(?:(?-i:[A-Z])[\w.&'’-]*+\s++){0,3}?"
    r"(?:staff(?:\s++(?:reports?|writers?))?|editorial\s++board|editors|news\s++desk)"
    r"(?:\s++(?:and|&)\s++(?:wire|news)\s++(?:reports|services))?)(?:\*\*|__)?\s*+$",
    re.IGNORECASE,
)
_FIELD_SEPARATOR = compile_rule(r"\s[|•·]\s")
# A time of day and its zone, as datelines and live blogs write them: "3:45 p.m. ET", "14:05 GMT",
# "9:02 a. m. IST", "10:30 UTC+2" (both matched case by case where the expression using them is not).
TIME_OF_DAY = r"\d{1,2}[:.]\d{2}(?:\s*+[ap]\.?\s?m\.?)?"
TIME_ZONE = r"(?:[ECMP][SD]?T|UTC|GMT|BST|CES?T|IST|AEST|JST)(?:[+-]\d{1,2})?"
_STAMPED = r"(?:last\s++)?(?:published|updated|posted)"
_DATE_LINE = compile_rule(
    # in emphasis or not ("**Updated 3:45 p.m.**")
    r"^(?:[-•*]\s*+)?[*_]{0,3}+(?:"
    rf"(?:{_STAMPED}(?:\s++on)?(?:\s*+:)?\s*+)?(?:\w+day,?\s++)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    # a time, and its zone: "Nov. 30, 2026, 3:45 p.m. ET" (runs of spaces taken whole: linear)
    rf"(?:,?\s++(?:at\s++)?{TIME_OF_DAY})?"
    # or the time alone, said to be when: "Updated 3:45 p.m."
    rf"|{_STAMPED}(?:\s++at)?(?:\s*+:)?\s*+{TIME_OF_DAY}"
    rf")(?:\s++{TIME_ZONE})?[*_]{{0,3}}+\s*+$",
    re.IGNORECASE,
)
_FRONT_MATTER = compile_rule(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
# Where a draft's front matter or meta tags declare AI use: the names publishing systems use
# ("ai_assisted: true" in a CMS export was read as no declaration).
_AI_KEYS = (
    "ai_use", "ai-use", "ai_disclosure", "ai-disclosure", "ai",
    "ai_assisted", "ai-assisted", "ai_generated", "ai-generated",
)  # fmt: skip
HEAD_LINES = 8  # bylines and datelines sit near the top


def is_byline(line: str) -> bool:
    """ "By Jane Smith", "By Jane Smith, Staff Writer"; with a site's other fields after a separator
    too ("**By Lena Fischer** | Business | Updated Nov. 3, 2026"); "By the Ledger staff"."""
    return byline_of(line) is not None


def byline_of(line: str) -> str | None:
    """Who the byline line names ("Jane Smith", "the Ledger staff"), or None if it is none."""
    staff = _STAFF_BYLINE.match(line) if at_most_words(line, 10) else None
    if staff is not None:
        return staff.group(1)
    match = _BYLINE.match(line)
    if match is None:
        return None
    fields = _FIELD_SEPARATOR.split(line, 1)
    if at_most_words(fields[0], 8) and (len(fields) == 1 or at_most_words(line, 20)):
        return match.group(1)
    return None


def is_date_line(line: str) -> bool:
    return bool(_DATE_LINE.match(line))


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """Simple `key: value` YAML front matter of a Markdown draft, and where it ends."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    fields = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, match.end()


def extract_metadata(
    text: str,
    fmt: str,
    paragraphs: Sequence[Paragraph],
    meta_tags: dict[str, str] | None = None,
    title: str | None = None,
) -> Metadata:
    """Title, byline, date and declared AI use, from front matter or meta tags, else the first lines."""
    meta = Metadata(title=title)
    fields = dict(meta_tags or {})
    if fmt == "md":
        fields.update(front_matter(text)[0])
    meta.title = meta.title or fields.get("title") or fields.get("og:title")
    meta.byline = fields.get("author") or fields.get("article:author")
    meta.date = fields.get("date") or fields.get("article:published_time")
    meta.declared_ai_use = next((fields[k] for k in _AI_KEYS if fields.get(k)), None)
    for p in paragraphs[:HEAD_LINES]:
        byline = byline_of(p.text) if meta.byline is None else None
        if byline is not None:
            meta.byline = byline
        elif meta.date is None and is_date_line(p.text):
            meta.date = p.text.lstrip("-•* ").strip()
    if meta.title is None and paragraphs:
        first = _title_like(paragraphs[0].text)
        if first is not None and _page_furniture(first):  # "FOR IMMEDIATE RELEASE", then the title
            first = _title_like(paragraphs[1].text) if len(paragraphs) > 1 else None
        meta.title = first
    return meta


def _title_like(text: str) -> str | None:
    """The line as a title, if it reads as one: short, with no full stop at its end."""
    line = heading(text)
    return line if at_most_words(line, 20) and not line.endswith((".", "!", "?")) else None


def heading(text: str) -> str:
    """A line as a title reads (without a Markdown heading's marks)."""
    return text.lstrip("# ").strip()


def _page_furniture(line: str) -> bool:
    """Is this line page furniture by the built-in rules (a press release's opening mark, a site's
    banner), not the draft's title?"""
    from .rules import builtin_rules, whole_line_rule

    return whole_line_rule(line, builtin_rules("boilerplate")) is not None
