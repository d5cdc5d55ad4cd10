"""ai_tell rules that need sentence structure, beyond the word lists."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from ..document import at_most_words
from ..findings import Finding, new_finding
from ..regex_cache import compile_rule
from ..roles import ASKS_AND_ANSWERS, BODY
from ..rules import LexiconRule, builtin_rules, with_fragments
from ..text import inside, split_sentences
from .base import Check, DocumentView, RuleInfo
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
    # An explainer's opening question and its answer are the piece's form (roles.ASKS_AND_ANSWERS).
    sentences = ctx.sentences[1:] if ctx.context & ASKS_AND_ANSWERS else ctx.sentences
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


CONNECTIVES = "ai_tell.connectives"  # resources/rules/ai_tell.toml: within a paragraph


class StackedConnectivesCheck(Check):
    """ai_tell.connectives across paragraphs: a draft of one sentence a paragraph ("Moreover, …",
    then "Furthermore, …", then "Additionally, …") stacks them where the word list, which reads a
    paragraph at a time, cannot see it. The first of each two is marked, as within a paragraph."""

    name = "connectives_across"
    categories = ("ai_tell",)
    roles = frozenset({BODY})  # read by the document hook; per paragraph the rule's own patterns

    def rules(self) -> Sequence[RuleInfo]:
        return [RuleInfo(CONNECTIVES, "ai_tell", _connectives_rule().why)]  # the word list's rule

    def document(self, view: DocumentView) -> list[Finding]:
        body = [p for p, role in zip(view.paragraphs, view.roles, strict=True) if role == BODY]
        marked = {f.start for f in view.findings if f.rule == CONNECTIVES}
        found = []
        opens, opens_next = _openers()
        for paragraph, following in pairwise(body):
            opener = opens.match(paragraph.text)
            if opener is None or paragraph.start in marked or not opens_next.match(following.text):
                continue
            words = opener.group()
            message, suggestion = _connectives_rule().describe(words)
            anchor = split_sentences(paragraph.text)[0].text
            found.append(
                new_finding(
                    "ai_tell", CONNECTIVES, "suggestion", paragraph.start, paragraph.start + len(words),
                    words, message, suggestion, anchor,
                )
            )  # fmt: skip
        return found


@cache
def _openers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A paragraph opening with an essay's connective ("Moreover, …"), and one the next may open
    with ("In addition, …" too), as the rule's pattern has them within a paragraph."""
    return (
        compile_rule(with_fragments(r"(?&essay_connective),")),
        compile_rule(with_fragments(r"(?:(?&essay_connective)|In addition),")),
    )


@cache
def _connectives_rule() -> LexiconRule:
    return next(rule for rule in builtin_rules("ai_tell") if rule.name == CONNECTIVES)
