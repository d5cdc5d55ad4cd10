"""What each paragraph is, decided before analysis: title, metadata line, page furniture,
AI disclosure or body text. Analyzers read only the roles they declare."""

from __future__ import annotations

from collections.abc import Sequence

from .document import at_most_words
from .metadata import HEAD_LINES, is_byline, is_date_line
from .patterns import GatedPattern, word_set
from .rules import LexiconRule, pattern_list, single_pattern, whole_line_rule

TITLE, META, BOILERPLATE, DISCLOSURE, BODY = "title", "meta", "boilerplate", "disclosure", "body"
ROLES = (TITLE, META, BOILERPLATE, DISCLOSURE, BODY)

_MAX_TITLE_WORDS = 20
_WINDOW = 80  # characters between the production verb and the AI term


def position_class(index: int) -> int:
    """0 for the first paragraph, 1 near the top, 2 elsewhere: all a role depends on."""
    return 0 if index == 0 else 1 if index < HEAD_LINES else 2


def position_classes(count: int) -> list[int]:
    """The position class of each of `count` paragraphs, in order (made at C speed past the head:
    every paragraph after it is of the same class)."""
    head = [position_class(index) for index in range(min(count, HEAD_LINES))]
    return head + [position_class(HEAD_LINES)] * (count - len(head))


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
    if position == 0 and at_most_words(text, _MAX_TITLE_WORDS) and not text.endswith((".", "!", "?")):
        return TITLE
    if text.startswith("#") and at_most_words(text, _MAX_TITLE_WORDS):
        return TITLE
    if is_disclosure(text, words):
        return DISCLOSURE
    return BODY


def is_disclosure(text: str, words: frozenset[str] | None = None) -> bool:
    """Is this paragraph a statement that AI was used to make the article?"""
    # The cheap tests first: most paragraphs have neither a label nor "this article".
    words = word_set(text) if words is None else words
    ai = pattern_list("ai_term")
    if single_pattern("disclosure_label").regex.match(text) is not None:
        if ai.search(text, words) is None:
            return False
    elif not (
        _made_near_ai(text, words, single_pattern("production"), "the_article")
        or _made_near_ai(text, words, single_pattern("production_active"), "this_article")
    ):
        return False
    return pattern_list("no_ai").search(text, words) is None


def _made_near_ai(text: str, words: frozenset[str], verb: GatedPattern, article: str) -> bool:
    """A verb of making (`verb`) within _WINDOW characters of an AI term, and the article named
    (`article`: which pattern names it)."""
    if not verb.may_match(text, words) or pattern_list(article).search(text, words) is None:
        return False
    ai = pattern_list("ai_term")
    return any(
        verb.regex.search(text, max(0, m.start() - _WINDOW), m.end() + _WINDOW)
        for m in ai.finditer(text, words)
    )
