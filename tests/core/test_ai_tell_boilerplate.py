from __future__ import annotations

import pytest

from .helpers import findings_of

BODY = "Intro line one.\n"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Well, that is a big change, isn't it?", "ai_tell.rhetorical_opener"),
        ("Let's face it, nobody expected this result.", "ai_tell.rhetorical_opener"),
        ("It's not only about money; it's about trust.", "ai_tell.not_just"),
        ("This is not just another phone launch.", "ai_tell.not_just_another"),
        ("In today's fast-paced world, speed matters.", "ai_tell.cliche"),
        ("The report delves into the causes.", "ai_tell.cliche"),
        ("The result? A record harvest for the valley.", "ai_tell.question_reveal"),
    ],
)
def test_ai_tells_found(text, rule):
    found = findings_of(BODY + text, "ai_tell")
    assert rule in {f.rule for f in found}, [(f.rule, f.text) for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "The council voted to close the library on Sundays.",
        "Is the bridge safe? Engineers will inspect it again in June, and a report follows. Then what?",
        "It is not known when the talks will resume.",
        "“Where were you?” she asked.",
    ],
)
def test_plain_news_has_no_ai_tells(text):
    found = findings_of(BODY + text, "ai_tell")
    assert [f.rule for f in found if f.rule != "ai_tell.question_reveal"] == []
    assert all("Where were you" not in f.text for f in found)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("12 Comments", "boilerplate.counter"),
        ("- 1,204 views", "boilerplate.counter"),
        ("5 min read", "boilerplate.read_time"),
        ("Reading time: 4 minutes", "boilerplate.read_time"),
        ("Share this article", "boilerplate.share"),
        ("Facebook Twitter LinkedIn Email", "boilerplate.share"),
        ("We use cookies to improve your experience.", "boilerplate.banner"),
        ("Subscribe to our newsletter for daily updates", "boilerplate.banner"),
        ("Advertisement", "boilerplate.banner"),
    ],
)
def test_page_furniture_lines(line, rule):
    text = f"Headline here\n{line}\nThe council met on Tuesday to discuss the plan."
    found = findings_of(text, "boilerplate")
    assert [(f.rule, f.text) for f in found] == [(rule, line)]


@pytest.mark.parametrize(
    "line",
    [
        "Readers share the view that the plan is too expensive, a survey found.",
        "The mayor said 12 comments were received during the consultation period.",
        "Print runs of the paper have fallen for a decade.",
    ],
)
def test_sentences_mentioning_furniture_words_are_not_boilerplate(line):
    assert findings_of(f"Headline here\n{line}", "boilerplate") == []


def test_a_comment_in_the_markup_is_found_on_each_of_its_lines_and_read_as_nothing_else():
    """ "<!-- TODO: check the vote count… -->" was a claim with a source; a comment over several
    lines was body text ("hold until 6 p.m." a check-worthy statement)."""
    from reviewapp.core import Analyzer, load_text

    text = (
        "# Budget\n\nThe council voted 7-2 on Tuesday, the minutes show.\n\n"
        "<!-- TODO: check the vote count with the clerk; Lopez said 8-1? -->\n\n"
        "<!--\nnote for the desk:\nhold until 6 p.m.\n-->\n\nIt meets again in May.\n"
    )
    result = Analyzer().analyze(load_text(text, fmt="md"))
    found = [(f.rule, f.text) for f in result.findings if f.category != "claim" or "TODO" in f.text]
    assert [text for rule, text in found if rule == "boilerplate.comment"] == [
        "<!-- TODO: check the vote count with the clerk; Lopez said 8-1? -->",
        "<!--",
        "note for the desk:",
        "hold until 6 p.m.",
        "-->",
    ]
    assert all(rule == "boilerplate.comment" for rule, _ in found)
    # An opening mark never closed is no comment: what follows is read.
    unclosed = Analyzer().analyze(
        load_text("# Budget\n\n<!--\n\nThe council voted 7-2 on Tuesday.\n", fmt="md")
    )
    assert "body" in unclosed.roles[1:]
