"""What each paragraph is, decided before analysis: title, metadata line, page furniture,
AI disclosure or body text. Analyzers read only the roles they declare."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache
from heapq import merge
from itertools import compress, count, groupby, islice, repeat

from .document import LINE_ENDS_SENTENCE, at_most_words
from .hidden import by_text
from .metadata import HEAD_LINES, TIME_OF_DAY, TIME_ZONE, heading, is_byline, is_date_line
from .neighbour_sources import FIGURES, FORECAST, closes_with_source, lead_index, opens_with_sourced_figures
from .patterns import GatedPattern, word_set
from .regex_cache import compile_rule
from .rules import LexiconRule, pattern_list, single_pattern, whole_line_rule
from .text import split_sentences
from .typos import corrected, typo_words

TITLE, META, BOILERPLATE, DISCLOSURE, BODY = "title", "meta", "boilerplate", "disclosure", "body"
ROLES = (TITLE, META, BOILERPLATE, DISCLOSURE, BODY)

# What else a paragraph's reading depends on, beyond its text and position: flags, worked out
# for the whole document (paragraph_contexts) and part of the paragraph's analysis key.
IN_FRONT_MATTER = 1
ABOVE_CREDIT = 2  # a credit line under it credits the embedded social post it is (a line of)
ABOVE_SOURCE = 4  # the next paragraph opens with the source of this one's last sentence
HIDDEN = 8  # the file it came from hides it from its readers (hidden.py: a page, a Word or .odt file)
CREDIT_LINE = 16  # it is the credit line under an embedded social post
INTRODUCED = 32  # someone's words, introduced above ("… the agency said:") or named at its end
AUTHOR_BIO = 64  # it says who the byline's author is ("Ana Ruiz is a transit advocate…")
TURN = 128  # a transcript's turn: its speaker's name and a colon ("LOPEZ: …", "Lopez: …")
# A Markdown table's rows ("| Q1 2025 | 4.1 | +3% |"), each a paragraph: its heading and the rule
# under it; its rows of figures; those after the first (the first row's finding stands for the
# table's figures); and its source, when the paragraph above it gives one ("…, according to
# the transit authority's figures.") or the line under it ("Source: …": ABOVE_SOURCE, each row).
TABLE_HEAD = 256
TABLE_ROW = 512
TABLE_MORE = 1024
TABLE_INTRODUCED = 2048
# A comment in the markup, a paragraph of its own ("<!-- TODO: check the vote -->") or a line of
# one over several ("<!--", "note for the desk", "-->"): no text readers see.
IN_COMMENT = 4096
# A comment's opening mark, never closed (nor within _MAX_COMMENT_LINES): published as a web page
# or Markdown, what follows would be hidden (what follows is read, as the editor sees it).
UNCLOSED_COMMENT = 8192
# A press release's section about its sender, its heading ("About Acme Corp.") and the paragraphs
# under it ("Acme Corp. is a leading provider of…"): the sender's words about itself.
ABOUT_SENDER = 16384
# The draft's title, under a first line that is not it ("FOR IMMEDIATE RELEASE", a section's name).
TITLE_LINE = 32768
# An interview's answer: "A: …", or a paragraph under a question of a Q&A (its questions in bold,
# "**Is the target still realistic?**", or after "Q:"): the words of the person interviewed.
ANSWER = 65536
# The paragraph above ends with figures and their source ("…fell to 6.2%, Freddie Mac said."): the
# figures this one opens with may go on from them (claim.py). Or with someone's forecast
# ("Forecasters said travel could be very difficult."), which its first sentence may go on with
# (BELOW_SOURCED_FORECAST). Found by neighbour_sources.py.
BELOW_SOURCED_FIGURES = 131072
# The draft is labelled as its writer's view: "Opinion: …", "Review: …", a head line "OPINION".
LABELLED_OPINION = 262144
BELOW_SOURCED_FORECAST = 524288
# A log: a paragraph that says what follows is a record's ("The following incidents were reported
# to Riverside police between Nov. 24 and Nov. 30."), and the entries under it, each opening with
# its date or time ("Nov. 24: A bicycle…") or as a list's item: a police log, permits issued,
# property sales recorded. What they tell is the record's.
LOG = 1048576
# The draft is labelled as a review ("Review: …"): what the critic saw the people reviewed do, and
# how it compares, is the critic's own account (claim.py).
LABELLED_REVIEW = 2097152
# One of three paragraphs or more that each open with a question they answer ("Who is covered?
# Salaried workers who…"): an explainer in questions and answers, the form of the piece and no
# writer's device (ai_tell.question_reveal).
ASKS_AND_ANSWERS = 4194304

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


def paragraph_contexts(
    texts: Sequence[str],
    in_front_matter: Sequence[bool] | None = None,
    hidden: frozenset[tuple[str, int]] = frozenset(),
    byline: str | None = None,
    quoted: frozenset[str] = frozenset(),
    title: str | None = None,
) -> list[int]:
    """Each paragraph's context flags: inside the front matter, an embedded post's credit line or
    a line of the post above it, above the source of its last sentence ("That's according to the
    transit authority."), someone's words introduced above ("In a statement, the agency said:"),
    hidden by its file (`hidden`: such paragraphs' texts, each with which of the paragraphs with
    that text it is), the bio of an author the `byline` names. `quoted`: the lines of a web page's
    block quotations (an embedded post's extent). `title`: the draft's (its metadata's), flagged
    on the second line when the first is not it."""
    contexts = (
        [IN_FRONT_MATTER if front else 0 for front in in_front_matter]
        if in_front_matter
        else [0] * len(texts)
    )
    if hidden:
        _flag_hidden(texts, contexts, hidden)
    if title and len(texts) > 1 and heading(texts[1]) == title and heading(texts[0]) != title:
        contexts[1] |= TITLE_LINE
    _flag_neighbour_lines(texts, contexts, quoted)
    _flag_quotations(texts, contexts)
    _flag_transcript_turns(texts, contexts)
    _flag_answers(texts, contexts)
    _flag_author_bios(texts, contexts, byline)
    _flag_tables(texts, contexts)
    _flag_comments(texts, contexts)
    _flag_about_sender(texts, contexts)
    _flag_sources_across(texts, contexts)
    _flag_logs(texts, contexts)
    _flag_questions_answered(texts, contexts)
    if labelled_opinion(texts[:HEAD_LINES], title):
        review = LABELLED_REVIEW if labelled_review(texts[:HEAD_LINES], title) else 0
        contexts = [context | LABELLED_OPINION | review for context in contexts]
    return contexts


_BELOW_SOURCED = {
    FIGURES: BELOW_SOURCED_FIGURES,
    FORECAST: BELOW_SOURCED_FORECAST,
    FIGURES | FORECAST: BELOW_SOURCED_FIGURES | BELOW_SOURCED_FORECAST,
}


def _flag_sources_across(texts: Sequence[str], contexts: list[int]) -> None:
    """What a paragraph's source in its neighbour gives it: the figures or forecast that end the
    paragraph above (to go on from), the figures and source under the lead (its source)."""
    sourced_above = list(map(closes_with_source, texts[:-1]))
    for index in compress(count(1), sourced_above):
        contexts[index] |= _BELOW_SOURCED[sourced_above[index - 1]]
    lead = lead_index(texts)
    if lead is not None and lead + 1 < len(texts) and opens_with_sourced_figures(texts[lead + 1]):
        contexts[lead] |= ABOVE_SOURCE


def _flag_hidden(texts: Sequence[str], contexts: list[int], hidden: frozenset[tuple[str, int]]) -> None:
    """The paragraphs the file hides: by text, and which of the paragraphs with that text (a shown
    paragraph is not hidden for a hidden copy of it). Once edits leave no more paragraphs with a
    text than were hidden (the shown copy edited), those that are left are the hidden ones."""
    which = by_text(hidden)
    found = list(compress(count(), map(which.__contains__, texts)))
    alike = Counter(texts[index] for index in found)
    seen: dict[str, int] = {}
    for index in found:
        text = texts[index]
        nth = seen[text] = seen.get(text, -1) + 1
        if alike[text] <= len(which[text]) or nth in which[text]:
            contexts[index] |= HIDDEN


_MAX_ABOUT_HEADINGS = 10  # looked at: a draft of thousands of "About …" lines costs no more
_MAX_ABOUT_PARAGRAPHS = 6
_SENDER_NAMED_IN = 200


# A review labelled with its kind: "Restaurant review: …", "Book review | …" (not "Budget review:",
# a news story's).
_REVIEW = (
    r"(?:(?:restaurant|dining|food|book|film|movie|theat(?:er|re)|stage|album|music|concert|dance|"
    r"opera|art|exhibition|game|video\s++game|tv|television|series|podcast|product|hotel|wine|car)\s++)?review"
)
# A label before the title ("Opinion: Riverton needs more buses", "Review | The Pixel 11…") or a
# line of its own in the head ("OPINION", "Letters to the editor").
_OPINION_LABEL = compile_rule(
    r"\A\W*+(?:opinion|op-?ed|commentary|column|editorial|" + _REVIEW + r"|essay|perspective|viewpoint|"
    r"letters?\s++to\s++the\s++editor)(?:\s*+[:|—–]\s*+\S|\W*+\Z)",
    re.IGNORECASE,
)


def labelled_opinion(head: Sequence[str], title: str | None) -> bool:
    """Is the draft labelled as its writer's view, in its title or a line of its head?"""
    return any(map(_OPINION_LABEL.match, (title or "", *head)))


def labelled_review(head: Sequence[str], title: str | None) -> bool:
    """Is the draft labelled as a review ("Review: …", "Restaurant review: …"), in its title or a line
    of its head?"""
    return any(map(_REVIEW_LABEL.match, (title or "", *head)))


_REVIEW_LABEL = compile_rule(r"\A\W*+" + _REVIEW + r"(?:\s*+[:|—–]\s*+\S|\W*+\Z)", re.IGNORECASE)


def _flag_about_sender(texts: Sequence[str], contexts: list[int]) -> None:
    """A section about a sender the draft names above it ("About Acme Corp." where the story says
    "Acme Corp. said…"), its heading and the paragraphs under it, up to the next heading, a
    press release's closing line or its end. Not the draft's first line ("About Time" is a title)."""
    headings = list(compress(count(), map(str.startswith, texts, repeat("About "))))  # at C speed
    for index in headings[:_MAX_ABOUT_HEADINGS]:
        heading = _ABOUT_HEADING.match(texts[index]) if index else None
        # Named in the story's first paragraphs, where a sender is (a 20 MB draft's are not all read).
        name = heading.group("name") if heading else None
        if name is None or not any(name in text for text in islice(texts, min(index, _SENDER_NAMED_IN))):
            continue
        contexts[index] |= ABOUT_SENDER
        for under in range(index + 1, min(len(texts), index + 1 + _MAX_ABOUT_PARAGRAPHS)):
            text = texts[under]
            if not text.strip() or _ends_about(text):
                break
            contexts[under] |= ABOUT_SENDER


def _ends_about(text: str) -> bool:
    """Does the section about the sender end here: another heading (a short line with no full
    stop), a Markdown heading, a contact line or an end mark?"""
    return text.startswith(("#", "About ", "Media ", "Press ", "Contact", "-", "*")) or (
        at_most_words(text, 8) and not text.rstrip().endswith((".", "!", "?", ":"))
    )


# "About Acme Corp.", "About the Riverside Foundation": capitalised words; the first is the name
# looked for above (a name of two letters or more).
_ABOUT_HEADING = compile_rule(
    r"About\s++(?:the\s++)?(?P<name>[A-Z][\w&'’-]++)(?:\s++[A-Z0-9&][\w&.,'’-]*+){0,5}\s*+\Z"
)


_MAX_COMMENT_LINES = 200  # a comment runs no further: its opening mark is said to be unclosed


def _flag_comments(texts: Sequence[str], contexts: list[int]) -> None:
    """The paragraphs of comments in the markup ("<!--" … "-->", in one paragraph or over
    several), and opening marks never closed."""
    opening = list(compress(count(), map(str.startswith, texts, repeat("<!--"))))
    if not opening:  # most drafts: found at C speed
        return
    # Where comments close, looked up for each opening (a draft of nothing but "<!--" lines costs
    # a search a line, not a scan of the lines after each).
    closing = list(compress(count(), map(str.__contains__, texts, repeat("-->"))))
    for start in opening:
        at = bisect_left(closing, start)
        if at < len(closing) and closing[at] == start:
            # Closed where it opens: all of it one comment, whatever its length ("<!-- a --> b" is not).
            text = texts[start].rstrip()
            if text.find("-->") == len(text) - 3:
                contexts[start] |= IN_COMMENT
            continue
        end = closing[at] if at < len(closing) else None
        if end is None or end - start >= _MAX_COMMENT_LINES:
            contexts[start] |= UNCLOSED_COMMENT
        elif texts[end].rstrip().endswith("-->"):
            for index in range(start, end + 1):
                contexts[index] |= IN_COMMENT


def _flag_tables(texts: Sequence[str], contexts: list[int]) -> None:
    """The rows of Markdown tables."""
    for start, rule, end in markdown_tables(texts):
        _flag_table(texts, contexts, start, rule, end)


def markdown_tables(texts: Sequence[str]) -> Iterator[tuple[int, int, int]]:
    """Each Markdown table's first paragraph, its rule row's and its last: runs of paragraphs
    opening with "|" with a rule row ("|---|---|") under their heading and a row under it."""
    # The paragraphs opening with a bar, found at C speed (every pass of an edit looks: a 20 MB
    # draft has 290,000 paragraphs), then taken in runs.
    bars = list(compress(count(), map(str.startswith, texts, repeat("|"))))
    at = 0
    while at < len(bars):
        start = end = bars[at]
        while at + 1 < len(bars) and bars[at + 1] == end + 1:
            at, end = at + 1, end + 1
        rule = next((i for i in range(start, end + 1) if _TABLE_RULE.match(texts[i])), None)
        if rule is not None and rule < end:
            yield start, rule, end
        at += 1


def _flag_table(texts: Sequence[str], contexts: list[int], start: int, rule: int, end: int) -> None:
    for head in range(start, rule + 1):
        contexts[head] |= TABLE_HEAD
    sourced_below = contexts[end] & ABOVE_SOURCE
    introduced = start > 0 and pattern_list("attribution").search(texts[start - 1]) is not None
    if sourced_below and start > 0 and introduces_below(texts[start - 1]):
        contexts[start - 1] |= ABOVE_SOURCE  # "The steepest increases were on the east side:"
    for row in range(rule + 1, end + 1):
        contexts[row] |= TABLE_ROW | sourced_below | (TABLE_INTRODUCED if introduced else 0)
        if row > rule + 1:
            contexts[row] |= TABLE_MORE


def introduces_below(text: str) -> bool:
    """Does the paragraph (or sentence) end by introducing what follows, a table or a list ("The
    steepest increases were on the east side:")?"""
    return text.rstrip().endswith(":")


# A table's rule row under its heading: "|---|:---:|", "--- | ---".
# Anchored and taken whole (possessive): linear on any line, a run of spaces or dashes included.
# A list's item: "- $600 million for bus service", "2. Lower fares".
LIST_ITEM = compile_rule(r"\A\s*+(?:[-*•+]|\d{1,3}[.)])\s")
_MOST_LIST_ITEMS = 50
_TABLE_RULE = compile_rule(r"\A\s*+\|?+\s*+:?+-{3,}+:?+\s*+(?:\|\s*+:?+-{3,}+:?+\s*+)*+\|?+\s*+\Z")


def _flag_neighbour_lines(texts: Sequence[str], contexts: list[int], quoted: frozenset[str]) -> None:
    """Credit lines and the posts above them; paragraphs whose source opens the next one."""
    # One anchored match a paragraph, at C speed (every pass of an edit makes them: 290,000
    # paragraphs of a 20 MB draft in 55 ms); the few that match are looked at again.
    lines = _neighbour_lines()
    for index in compress(count(), map(lines.match, texts)):
        match = lines.match(texts[index])
        credit = match is not None and match.lastgroup == "credit"
        if credit:
            contexts[index] |= CREDIT_LINE
        if index:
            contexts[index - 1] |= ABOVE_CREDIT if credit else ABOVE_SOURCE
        if not credit:  # "The figures come from the expenditure plan." under a list: each item's
            above = index - 1
            while above >= 0 and index - above <= _MOST_LIST_ITEMS and LIST_ITEM.match(texts[above]):
                contexts[above] |= ABOVE_SOURCE
                above -= 1
            if above >= 0 and above < index - 1 and introduces_below(texts[above]):
                contexts[above] |= ABOVE_SOURCE  # and the list's introduction ("The plan includes:")
        if credit and texts[index] in quoted:
            above = index - 2  # a post's earlier lines, as its line breaks made them
            while above >= 0 and texts[above] in quoted and not contexts[above] & CREDIT_LINE:
                contexts[above] |= ABOVE_CREDIT
                above -= 1


def _flag_logs(texts: Sequence[str], contexts: list[int]) -> None:
    """A log's introduction and its entries (LOG), where at least one entry follows it."""
    intro = single_pattern("log_intro").regex
    # Only a paragraph opening "The following" may introduce one (found at C speed).
    for index in compress(count(), map(str.startswith, texts, repeat(_LOG_OPENINGS))):
        if intro.match(texts[index]) is None:
            continue
        below = index + 1
        while below < len(texts) and below - index <= _MOST_LOG_ENTRIES and _is_log_entry(texts[below]):
            contexts[below] |= LOG
            below += 1
        if below > index + 1:
            contexts[index] |= LOG


def _is_log_entry(text: str) -> bool:
    return _LOG_ENTRY.match(text) is not None or LIST_ITEM.match(text) is not None


_LOG_OPENINGS = ("The following", "the following", "THE FOLLOWING")
_MOST_LOG_ENTRIES = 500
# An entry's date or time and a colon: "Nov. 24:", "Monday, 10:42 p.m.:", "1:15 a.m.:".
_LOG_ENTRY = compile_rule(
    r"\A\W*+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*+\.?\s++\d{1,2}\b"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d{1,2}(?::\d\d)?\s*+[ap]\.?m\b)(?:[^:\n]|:(?=\d)){0,30}+:\s",
    re.IGNORECASE,
)


def _flag_quotations(texts: Sequence[str], contexts: list[int]) -> None:
    """Someone's words: what a paragraph ending "… the agency said:" introduces, and a quotation of
    several paragraphs (each opens with a quotation mark, only the last closes it) whose speaker
    its last paragraph names ("…,” Lopez said.")."""
    # Only a paragraph ending in a colon can introduce the next (found at C speed).
    intro = single_pattern("quote_intro").regex
    for index in compress(count(), map(str.endswith, texts[:-1], repeat(":"))):
        if intro.search(texts[index]) is not None:
            for below in range(index + 1, _quotation_end(texts, index + 1) + 1):
                contexts[below] |= INTRODUCED
    speaker = single_pattern("quotation_speaker").regex
    end = -1
    for start in compress(count(), map(str.startswith, texts, repeat(('"', "“")))):
        if start <= end:
            continue  # inside the last quotation
        end = _quotation_end(texts, start)
        if end > start and speaker.search(texts[end]) is not None:
            for index in range(start, end):
                contexts[index] |= INTRODUCED


def _quotation_end(texts: Sequence[str], start: int) -> int:
    """The last paragraph of a quotation that may go on from `start`: while a paragraph leaves it
    open, the next one opening with a quotation mark is more of it."""
    end = start
    while end + 1 < len(texts) and _runs_on(texts[end]) and texts[end + 1][:1] in '"“':
        end += 1
    return end


def _runs_on(text: str) -> bool:
    """Does the paragraph open a quotation that it does not close?"""
    if text[:1] == "“":
        return text.rfind("”") < text.rfind("“")
    return text[:1] == '"' and text.count('"') % 2 == 1


def _flag_transcript_turns(texts: Sequence[str], contexts: list[int]) -> None:
    """A transcript's turns ("LOPEZ: Ridership fell 22 percent."): a speaker's name and a colon
    opening two paragraphs or more (a dateline or "UPDATE:" opens one, or is no name). A name not
    in capitals ("Lopez: We will add routes.") is a speaker's only where the draft names that
    person too ("Mayor Maria Lopez"): "Where:" and "Cost:" open an event listing's lines."""
    labels: dict[str, list[int]] = {}
    for index, match in enumerate(map(TURN_LABEL.match, texts)):
        if match is not None and (label := match.group("label")).lower() not in _NOT_SPEAKERS:
            labels.setdefault(label, []).append(index)
    turns = {label: indices for label, indices in labels.items() if len(indices) >= 2}
    named = _named_in(texts, [label for label in turns if not label.isupper()][:_MAX_NAMES_LOOKED_FOR])
    for label, indices in turns.items():
        if label.isupper() or label.split()[-1] in named:
            for index in indices:
                contexts[index] |= TURN


_MAX_NAMES_LOOKED_FOR = 20  # a draft of thousands of "Name:" lines is no interview


def _flag_answers(texts: Sequence[str], contexts: list[int]) -> None:
    """An interview's answers: a paragraph opening "A:", and in a Q&A of two questions or more
    (a paragraph all in bold that asks, or one opening "Q:", or, as a web page's text gives bold
    questions, a short paragraph that only asks), the paragraphs under each question
    up to the next one or a heading, at most _MOST_ANSWER_LINES lines (what follows the last answer,
    a bio or a note, is no answer). Only where the draft says it is an interview ("The interview
    has been edited for length and clarity."): an explainer's questions in bold are the writer's
    own, answered by the writer, and its claims need their sources."""
    answer = single_pattern("qa_answer").regex.match
    for index in compress(count(), map(str.startswith, texts, repeat(_ANSWER_OPENINGS))):  # at C speed
        if answer(texts[index]) is not None:
            contexts[index] |= ANSWER
    marked = compress(count(), map(str.startswith, texts, repeat(_QUESTION_OPENINGS)))  # at C speed
    asking = compress(count(), map(str.endswith, texts, repeat("?")))
    # In order, once each, and no more than an interview has (a draft of a million "Why?" lines).
    candidates = islice((index for index, _ in groupby(merge(marked, asking))), _MOST_QUESTION_LINES)
    questions = [index for index in candidates if _is_question(texts[index])]
    if len(questions) < 2:
        return
    if not _says_interview(texts, questions[0]):
        return
    for question, following in zip(questions, [*questions[1:], len(texts)], strict=True):
        for index in range(question + 1, min(following, question + 1 + _MOST_ANSWER_LINES)):
            if texts[index].startswith("#"):
                break
            contexts[index] |= ANSWER


def _flag_questions_answered(texts: Sequence[str], contexts: list[int]) -> None:
    """ASKS_AND_ANSWERS: paragraphs that open with a question asked in full ("How many people will
    benefit? The Labor Department estimates…"), when at least _FEWEST_ANSWERED do. Not a fragment
    ("The catch? …"): that is the device, however often it comes."""
    # At C speed, no copy made: a question mark near each paragraph's start; and no more than an
    # explainer has (a draft of a million "Why not? Yes." lines).
    asking = compress(count(), map(str.count, texts, repeat("?"), repeat(0), repeat(_ASKED_WITHIN)))
    match = _ASKED_AND_ANSWERED.match
    answered = [index for index in islice(asking, _MOST_QUESTION_LINES) if match(texts[index]) is not None]
    if len(answered) < _FEWEST_ANSWERED:
        return
    # An interview's ("The interview has been edited for length and clarity."): what follows each
    # question is the answer of the person interviewed (ANSWER; sources.whose_words ends the label
    # at the question).
    interview = _says_interview(texts, answered[0])
    for index in answered:
        contexts[index] |= ASKS_AND_ANSWERS | (ANSWER if interview else 0)


_FEWEST_ANSWERED = 3
_ASKED_WITHIN = 200  # characters: the question, not a question later in the paragraph
_ASKED_AND_ANSWERED = compile_rule(
    r"(?:who|what|when|where|why|how|which|whose|is|are|was|were|can|could|will|would|should|does|do|did|has|have|may)\b[^.!?\n]{1,150}\?\s++\S",
    re.IGNORECASE,
)


def _says_interview(texts: Sequence[str], first_question: int) -> bool:
    """Does the draft say it is an interview, above its first question or at its end?"""
    around = [*texts[max(0, first_question - _NOTE_LINES) : first_question], *texts[-_NOTE_LINES:]]
    return any(map(_INTERVIEW_NOTE.search, around))


def _is_question(text: str) -> bool:
    return _QUESTION.match(text) is not None or (
        _PLAIN_QUESTION.match(text) is not None and at_most_words(text, _MOST_QUESTION_WORDS)
    )


_PLAIN_QUESTION = compile_rule(r"\A(?-i:[A-Z\"“‘])[^\n]{0,300}\?\Z")
_MOST_QUESTION_WORDS = 40
_MOST_QUESTION_LINES = 500
# A question of a Q&A, a paragraph of its own: "**What will you do first?**", "Q: What…?",
# "**Q: What…?**" (its question mark inside the bold or after it).
_QUESTION = compile_rule(
    r"\A\s*+(?:(?P<bold>\*\*|__)(?!\s)[^\n]{1,300}?\?[\s\"”’)]*+(?P=bold)|\W{0,4}Q\s*+[:.](?:\*\*|__)?\s[^\n]{0,300}\?)\W{0,4}$"
)
_QUESTION_OPENINGS = ("**", "__", "Q", " ", "*Q", "_Q")
_ANSWER_OPENINGS = ("A", "**A", "__A", "*A", "_A", " ")
_MOST_ANSWER_LINES = 12
# Where a Q&A says it is one: above its first question or at its end ("Letters may be edited for
# length" is no interview's).
_INTERVIEW_NOTE = compile_rule(
    r"\b(?:interview|conversation|q\s*+&\s*+a|exchange|discussion|answer|response)s?+\b[^.\n]{0,80}?"
    r"\b(?:edited|condensed|shortened)\b",
    re.IGNORECASE,
)
_NOTE_LINES = 20


def _named_in(texts: Sequence[str], labels: list[str]) -> set[str]:
    """The last words of `labels` that the draft names as people: after a capitalised word
    ("Maria Lopez", "Mayor Lopez"), not as a label again. One pass over the text for them all."""
    if not labels:
        return set()
    surnames = "|".join(sorted({re.escape(label.split()[-1]) for label in labels}))
    pattern = re.compile(rf"[A-Z][\w.'’-]*+[ \t]++({surnames})\b(?![ \t]*+:)")
    return {match.group(1) for match in pattern.finditer("\n".join(texts))}


# A name and a colon at a paragraph's start: "LOPEZ: …", "MARIA LOPEZ: …", "DR. KIM: …", "Lopez: …",
# after a recording's time if there is one ("[00:01:07] RUIZ: …").
TURN_LABEL = compile_rule(
    r"(?:[\[(]?\d{1,2}(?::\d{2}){1,2}[\])]?\s++)?"
    r"(?P<label>[A-Z][A-Za-z.'’-]{1,20}(?: [A-Z][A-Za-z.'’-]{1,20}){0,3}):\s"
)
_NOT_SPEAKERS = frozenset(
    "update updated breaking correction note editor's note disclaimer disclosure source sources photo "
    "video watch read more related advertisement sponsored analysis opinion exclusive live q a".split()
) | {"editor's note", "read more", "ai disclosure", "ai notice"}


def _flag_author_bios(texts: Sequence[str], contexts: list[int], byline: str | None) -> None:
    """A line that opens with an author's name and says who they are."""
    for name in byline_names(byline):
        openings = (name, f"*{name}", f"_{name}", f"**{name}")  # a bio is often in italics
        for index in compress(count(), map(str.startswith, texts, repeat(openings))):
            if _WHO_THEY_ARE.match(texts[index].lstrip("*_"), len(name)) is not None:
                contexts[index] |= AUTHOR_BIO


def byline_names(byline: str | None) -> list[str]:
    """The people a byline names ("Jane Smith and Tom Baker" -> both), two words or more each: a
    first name alone would start too many sentences."""
    if not byline:
        return []
    names = (name.strip() for name in _NAME_SEPARATORS.split(byline))
    return [name for name in names if len(name.split()) >= 2 and name[:1].isupper()]


_NAME_SEPARATORS = compile_rule(r",|&|\band\b", re.IGNORECASE)


# After the author's name, a line that says who the person is ("Ana Ruiz is a transit advocate…",
# "Ana Ruiz, a transit advocate, lives in…", "Ana Ruiz covers education for…"), in a few dozen
# words: not a story about them. Not after a space: a search would start again at each space of a
# long run (test_linear_patterns.py).
_WHO_THEY_ARE = compile_rule(
    r"(?:(?<!\s)\s++(?:is\s++(?:a|an|the)|covers|writes\s++about|reports\s++on)\s|,\s++(?:a|an|the)\s)(?!.{400})"
)


@cache
def _neighbour_lines() -> re.Pattern[str]:
    """A paragraph that says something of the one above it: an embedded post's credit line, or
    the source of its last sentence ("That's according to the agency.")."""
    credit, source = single_pattern("embed_credit").regex, single_pattern("back_attribution").regex
    flags = (credit.flags | source.flags) & ~re.UNICODE  # as the rules' own are compiled
    return compile_rule(f"(?P<credit>{credit.pattern})|(?P<source>{source.pattern})", flags)


# A time alone on its line: "9:02 a.m.", "10:30 a.m. ET", "14:05 GMT" (as a dateline writes it).
_TIME_LINE = compile_rule(rf"{TIME_OF_DAY}(?:\s++{TIME_ZONE})?\W{{0,3}}$", re.IGNORECASE)
_MAX_TIME_LINE = 24
# "[^1]: Urban Institute, 2023." and "[1]: https://…", as Markdown defines notes and links.
_NOTE_DEFINITION = compile_rule(r"\[\^?[\w-]{1,40}\]:\s")


def is_heading_line(text: str) -> bool:
    """Is the paragraph a subheading: a short line, numbered ("3. iRobot Roomba j9+") or in title
    case ("Why We Chose It"), that does not end as a sentence? (A learned score, taken from
    sentences, reads none. Any short line without a full stop is not one: a post or a list's item
    may be a sentence written so.)"""
    text = text.rstrip()
    if not at_most_words(text, _MAX_TITLE_WORDS) or _ends_as_sentence(text):
        return False
    if _LIST_NUMBER.match(text) is not None:
        return True
    long_words = [w for w in text.split() if len(w) > 3 and w[:1].isalpha()]
    return bool(long_words) and all(w[:1].isupper() for w in long_words)


_LIST_NUMBER = compile_rule(r"\d{1,2}[.)]\s")


def _ends_as_sentence(text: str) -> bool:
    """Does the line end as a sentence does? Not on an abbreviation's full stop ("The baker who
    wakes at 3 a.m.", "Acme buys Globex Inc.")."""
    if not text.endswith((".", "!", "?")):
        return False
    return text.rsplit(None, 1)[-1].lower() not in _ABBREVIATIONS_AT_END


_ABBREVIATIONS_AT_END = frozenset(
    ("a.m.", "p.m.", "inc.", "co.", "corp.", "ltd.", "jr.", "sr.", "u.s.", "u.k.", "d.c.")
)


def classify(
    text: str,
    position: int,
    boilerplate: Sequence[LexiconRule],
    context: int,
    words: frozenset[str] | None = None,
) -> str:
    """The paragraph's role (`context`: its flags, paragraph_contexts); `words` (its word set)
    saves working it out again."""
    if context & (HIDDEN | IN_COMMENT | UNCLOSED_COMMENT | ABOUT_SENDER):  # not the article's words
        return BOILERPLATE
    if context & (IN_FRONT_MATTER | CREDIT_LINE | AUTHOR_BIO | TABLE_HEAD):
        return META
    if whole_line_rule(text, boilerplate) is not None:
        return BOILERPLATE
    if position < 2 and (is_byline(text) or is_date_line(text)):
        return META
    if (
        (position == 0 or context & TITLE_LINE)
        and at_most_words(text, _MAX_TITLE_WORDS)
        and not _ends_as_sentence(text)
    ):
        return TITLE
    if text.startswith("#") and at_most_words(text, _MAX_TITLE_WORDS):
        return TITLE
    words = word_set(text) if words is None else words  # once, for the tests below
    if is_disclosure(text, words):
        return DISCLOSURE
    if _denies_ai(text, words):
        return META  # "No AI was used in the writing of this article.": about the article, no claim
    if text[:1].isdigit() and len(text) <= _MAX_TIME_LINE and _TIME_LINE.match(text) is not None:
        return META  # a live blog's time stamp ("9:02 a.m.") over its update
    if text.startswith("[") and _NOTE_DEFINITION.match(text) is not None:
        return META  # a Markdown footnote or link definition: where a source is, not a statement
    note = single_pattern("article_note")  # a bio, an update note (its trigger words first: C speed)
    if note.may_match(text, words) and note.regex.match(text) is not None:
        return META
    return BODY


def _denies_ai(text: str, words: frozenset[str]) -> bool:
    """Is this a short note that this article was made without AI? (A denial elsewhere, "the
    company said no AI was used in the ads", is the story's.)"""
    return (
        at_most_words(text, _MAX_DENIAL_WORDS)
        and pattern_list("no_ai").search(text, words) is not None
        and pattern_list("this_article").search(text, words) is not None
    )


_MAX_DENIAL_WORDS = 40


def is_disclosure(text: str, words: frozenset[str] | None = None) -> bool:
    """Is this paragraph a statement that AI was used to make the article?"""
    # The cheap tests first: most paragraphs have neither a label nor "this article".
    words = word_set(text) if words is None else words
    if not typo_words().isdisjoint(words):  # "…generated with Artifical Intelligence": as meant
        text = corrected(text)
        words = word_set(text)
    ai = pattern_list("ai_term")
    if single_pattern("disclosure_label").regex.match(text) is not None:
        if ai.search(text, words) is None:
            return False
    elif not (
        _made_near_ai(text, words, single_pattern("production"), "the_article")
        or _made_near_ai(text, words, single_pattern("production_active"), "this_article")
        or _cut_before_ai(text, words)
    ):
        return False
    no_ai = pattern_list("no_ai")
    if no_ai.search(text, words) is None:
        return True
    # Told and denied in one paragraph ("…written with AI and reviewed by Tom Baker. No AI was used
    # in this article."): what it says beside its denials decides, and the denial contradicts it.
    told = " ".join(s.text for s in split_sentences(text) if no_ai.search(s.text) is None)
    return bool(told) and is_disclosure(told)


def _cut_before_ai(text: str, words: frozenset[str]) -> bool:
    """A disclosure cut off before it names what helped ("This article was produced with the help
    of"): the article said to be made, the paragraph ending where the tool's name should follow."""
    if text.endswith(LINE_ENDS_SENTENCE):  # most paragraphs
        return False
    end = text.rstrip(_TRAILING)[-_CUT_TAIL:]
    return (
        end.lower().endswith(_CUT_WORDS)
        and _CUT_BEFORE_TOOL.search(end) is not None
        and single_pattern("production").search(text, words) is not None
        and pattern_list("the_article").search(text, words) is not None
    )


# The end of a line that breaks off before the tool it names: "…with the help of", "…using".
_TRAILING = " \t*_"
_CUT_TAIL = 60
_CUT_WORDS = (" with", " using", " via", " of", " from", " by")
_CUT_BEFORE_TOOL = compile_rule(
    r"\b(?:with(?:\s++(?:the\s++)?(?:help|assistance|aid|support|use)\s++(?:of|from))?|using|via"
    r"|(?:help|assistance|aid)\s++(?:of|from)|generated\s++by)\Z",
    re.IGNORECASE,
)


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
