"""Decide what each paragraph is: title, metadata line, page furniture, disclosure or body."""

from __future__ import annotations

from collections.abc import Sequence

from .analyzers.context import BODY, BOILERPLATE, DISCLOSURE, META, TITLE
from .analyzers.disclosure import is_disclosure
from .analyzers.lexicon import whole_line_rule
from .metadata import HEAD_LINES, is_byline, is_date_line
from .rules import LexiconRule

_MAX_TITLE_WORDS = 20


def position_class(index: int) -> int:
    """0 for the first paragraph, 1 near the top, 2 elsewhere: all a role depends on."""
    return 0 if index == 0 else 1 if index < HEAD_LINES else 2


def classify(
    text: str,
    position: int,
    boilerplate: Sequence[LexiconRule],
    in_front_matter: bool,
    words: frozenset[str] | None = None,
) -> str:
    """The paragraph's role; `words` (its word set) saves working it out again."""
    if in_front_matter:
        return META
    if whole_line_rule(text, boilerplate) is not None:
        return BOILERPLATE
    if position < 2 and (is_byline(text) or is_date_line(text)):
        return META
    if position == 0 and len(text.split()) <= _MAX_TITLE_WORDS and not text.endswith((".", "!", "?")):
        return TITLE
    if text.startswith("#") and len(text.split()) <= _MAX_TITLE_WORDS:
        return TITLE
    if is_disclosure(text, words):
        return DISCLOSURE
    return BODY
