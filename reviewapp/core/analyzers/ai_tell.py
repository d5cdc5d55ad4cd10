"""ai_tell rules that need sentence structure, beyond the word lists."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..document import at_most_words
from ..findings import Finding
from ..roles import BODY
from ..text import inside
from .base import Check, RuleInfo
from .context import ParagraphContext

_MAX_QUESTION_WORDS = 6


class QuestionRevealCheck(Check):
    name = "question_reveal"
    categories = ("ai_tell",)
    roles = frozenset({BODY})

    def rules(self) -> Sequence[RuleInfo]:
        return [
            RuleInfo(
                "ai_tell.question_reveal",
                "ai_tell",
                "A writer asking and at once answering its own question is a device generated text leans on.",
            )
        ]

    def paragraph(self, ctx: ParagraphContext) -> list[Finding]:
        return question_reveal(ctx)


def question_reveal(ctx: ParagraphContext) -> list[Finding]:
    """A short question answered by the very next sentence: "Their joint mission? To ..."

    A news story states facts; a writer asking and answering its own question is
    a device generated text leans on. Questions in quotations are the speaker's.
    """
    found = []
    sentences = ctx.sentences
    for sentence, following in pairwise(sentences):
        if not sentence.text.endswith("?") or not at_most_words(sentence.text, _MAX_QUESTION_WORDS):
            continue
        if inside(ctx.quotes, sentence.start, sentence.end) or following.text.endswith("?"):
            continue
        found.append(
            ctx.finding(
                "ai_tell",
                "ai_tell.question_reveal",
                "suggestion",
                sentence.start,
                sentence.end,
                f'Question-and-reveal device typical of generated text: "{sentence.text}".',
                "State the point directly.",
            )
        )
    return found
