"""A paragraph's words (analyzers/context.py): made column by column, as the plain definition has them."""

from __future__ import annotations

import random

from reviewapp.core.analyzers.context import ParagraphContext
from reviewapp.core.patterns import WORD_RE

# Letters whose lower case changes length ("İ") or depends on the next letter (final sigma), the
# typographic apostrophe, hyphens: what could make word-by-word lowering differ from the text's.
PIECES = [*"abcXYZ  ..,'’-ΣσςΟΔİıẞß0123ǄǅΩ\n", "ΟΔΟΣ", "ΣΑΣ.Α", "İstanbul", "Σ'", "'Σ", "AI-made"]


def plain_tokens(text: str) -> list[tuple[int, int, str, str]]:
    """The definition: the text's words, lower-cased as the whole text is where that keeps every
    offset, else word by word; typographic apostrophes straight."""
    straight = text.replace("’", "'")
    lowered = straight.lower()
    spans = [m.span() for m in WORD_RE.finditer(straight)]
    if len(lowered) == len(straight):
        return [(s, e, lowered[s:e], straight[s:e]) for s, e in spans]
    return [(s, e, straight[s:e].lower(), straight[s:e]) for s, e in spans]


def test_tokens_norms_and_starts_match_the_plain_definition():
    rnd = random.Random(20261129)
    for _ in range(20_000):
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randrange(0, 30)))
        ctx = ParagraphContext(text, "body")
        expected = plain_tokens(text)
        assert ctx.tokens == expected, text
        assert ctx.norms == [t[2] for t in expected] and ctx.token_starts == [t[0] for t in expected]


def test_a_final_sigma_lowers_as_in_the_text():
    # "Σ" before "." and a letter is not final in the text, though it ends the word.
    assert ParagraphContext("ΟΔΟΣ.Α", "body").norms == ["οδοσ", "α"]
    assert ParagraphContext("ΟΔΟΣ Α", "body").norms == ["οδος", "α"]
