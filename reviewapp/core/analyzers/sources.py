"""Where a claim's source is when its sentence names none: the next sentence ("That's according
to the agency."), the next paragraph's opening, the introduction above a statement, an
interview's answer, a speaker's label, a post's credit line. The claim check (claim.py) asks, and
its finding says where ("Its source: …").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..roles import (
    ABOVE_CREDIT,
    ABOVE_SOURCE,
    ANSWER,
    ASKS_AND_ANSWERS,
    INTRODUCED,
    LIST_ITEM,
    LOG,
    TURN,
    TURN_LABEL,
    introduces_below,
)
from ..rules import single_pattern
from ..text import Sentence
from .context import ParagraphContext


def sourced_by_next(ctx: ParagraphContext, sentences: Sequence[Sentence]) -> dict[int, str]:
    """The sentences whose next one gives their source ("That's according to the agency.",
    "The figures come from the budget office."), the last one's in the next paragraph too: where
    (a key of WHERE), by the sentence's index."""
    # The last sentence's source may open the next paragraph (roles.paragraph_contexts).
    found: dict[int, str] = {}
    if sentences and ctx.context & ABOVE_SOURCE:
        last = len(sentences) - 1
        if LIST_ITEM.match(ctx.text):
            found[last] = "list_below"
        elif introduces_below(sentences[last].text):
            found[last] = "introduced_below"
        else:
            found[last] = "next_paragraph"
    back = single_pattern("back_attribution")
    if len(sentences) < 2 or not back.may_match(ctx.text, ctx.words):  # most paragraphs: at C speed
        return found
    for i in range(len(sentences) - 1):
        if back.search(sentences[i + 1].text) is not None:
            found[i] = "next_sentence"
    return found


def whose_words(ctx: ParagraphContext) -> tuple[str | None, int]:
    """Whose words the whole paragraph is, when someone else's (a key of WHERE): an embedded
    post's, a statement's introduced above or named at its end, an interview's answer's, a
    speaker's named before a colon; and where the label that says so ends ("A:", "LOPEZ:",
    "[00:01:07] RUIZ:", "Mayor Maria Lopez:"; 0 when there is none). The label is no part of what
    is said: "HOST: Welcome back." was a check-worthy statement, on the name in the label alone."""
    if ctx.context & ABOVE_CREDIT:
        return "post", 0
    if ctx.context & INTRODUCED:
        return "introduced", 0
    # A log's entry ("Nov. 24: A bicycle … was reported stolen…") or its introduction ("The
    # following incidents were reported to Riverside police…"): the record's.
    if ctx.context & LOG:
        return "log", 0
    text = ctx.text
    correction = single_pattern("correction")
    if correction.may_match(text, ctx.words) and correction.regex.match(text) is not None:
        return "correction", 0  # "An article on Tuesday misstated the amount… It is $1.2 million."
    if ctx.context & ANSWER:  # "A: Ridership fell…", or under a Q&A's question, or after it
        answer = single_pattern("qa_answer").regex.match(text)
        if answer is not None:
            return "answer", _after_colon(text, answer)
        # "What about zoning? Our zoning code still bans…": the question is the interviewer's
        return "answer", ctx.sentences[0].end if ctx.context & ASKS_AND_ANSWERS and ctx.sentences else 0
    # "Mayor Lopez: “…”", a transcript's "LOPEZ: …"
    label = (TURN_LABEL.match(text) if ctx.context & TURN else None) or single_pattern(
        "speaker_label"
    ).regex.match(text)
    if label is not None:
        return "speaker_label", _after_colon(text, label)
    return ("speaker_label", 0) if ctx.context & TURN else (None, 0)


def _after_colon(text: str, label: re.Match[str]) -> int:
    return text.rfind(":", 0, label.end()) + 1


def after_label(text: str, sentence: Sentence, label_end: int) -> Sentence:
    """The part of the paragraph's first sentence after its speaker's label."""
    start = label_end
    while start < sentence.end and text[start].isspace():
        start += 1
    return Sentence(start, sentence.end, text[start : sentence.end])


# Where a claim's source is, when not in its sentence (the finding says so).
WHERE = {
    "next_sentence": "the next sentence",
    "previous_sentence": "the sentence before, whose figures these go on from",
    "earlier_sentence": "a sentence before, whose figures these go on from",
    "previous_paragraph": "the end of the paragraph above, whose figures these go on from",
    "previous_forecast": "the sentence before, whose forecast this goes on with",
    "previous_paragraph_forecast": "the end of the paragraph above, whose forecast this goes on with",
    "writer": "the writer, who tells it of themselves",
    "review": "the critic, in a piece labelled as a review, who saw it",
    "next_paragraph": "the first sentence of the next paragraph",
    "introduced_below": "the source under the table or list this introduces",
    "post": "the credit line under this post",
    "introduced": "the speaker named before or at the end of this quotation",
    "answer": "the person interviewed",
    "speaker_label": "the speaker named before the colon",
    "correction": "the newsroom's own correction, from its record",
    "quotation": "the speaker named beside this quotation",
    "table_below": "the line under the table",
    "list_below": "the line under the list",
    "table_above": "the paragraph above the table",
    "record": "the public record of the vote or the game",
    "docket": "the court's docket, its public schedule of the case",
    "market": "the market's public record of the trading day (its prices, indexes and yields)",
    "log": "the record its log's introduction names (“The following … were reported to…”)",
    "court_record": "the court's record of the case, its verdicts, rulings and sentences",
    "study_itself": "the study, poll or report itself, which says how it was made and paid for",
    "agenda": "the public body's agenda, its public schedule of meetings and votes",
    "terms": "the law, bill, deal or settlement whose terms these are",
    "meeting_record": "the public body's record of its meeting (its agenda, votes and minutes)",
}
