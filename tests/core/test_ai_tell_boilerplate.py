from __future__ import annotations

import pytest

from reviewapp.core import Analyzer, load_text

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
        # a generated health article's stock phrases
        ("If sleep problems persist, consult a healthcare professional.", "ai_tell.cliche"),
        ("Everyone is different, so find what works best for you.", "ai_tell.cliche"),
        # a generated travel piece's
        ("Lisbon is a city that effortlessly blends old-world charm with modern flair.", "ai_tell.cliche"),
        ("No visit to Lisbon would be complete without trying a pastel de nata.", "ai_tell.cliche"),
        ("In a world where technology is everywhere, privacy matters.", "ai_tell.cliche"),
        ("The stakes have never been higher.", "ai_tell.cliche"),
        # a generated tech story's closing verdict
        ("Ultimately, the success of tools like Lumen will depend on teachers.", "ai_tell.cliche"),
        # a generated local story's turn and its report of speech without what was said
        ("Despite these challenges, the initiative represents a bold step.", "ai_tell.cliche"),
        ("Mayor Lisa Grant emphasized the importance of the project.", "ai_tell.cliche"),
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
        "The bill's fate will ultimately depend on the Senate.",
        "Despite the rain, the parade went ahead.",
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
        ("Published 3 hours ago", "boilerplate.read_time"),
        ("4 min read · Mar 3, 2025", "boilerplate.read_time"),
        ("Staff Writer | Published 3 hours ago | 4 min read", "boilerplate.read_time"),
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
    "line", ["Published 3 hours ago", "4 min read · Mar 3, 2025", "Jane Doe · 5 min read"]
)
def test_a_scraped_time_line_is_furniture_and_claims_nothing(line):
    """A scraped "4 min read · Mar 3, 2025" was an unsourced figure, "Published 3 hours ago" a
    check-worthy statement ("ago" + a date)."""
    text = f"Headline here\n{line}\nThe council met on Tuesday to discuss the plan."
    assert [f.rule for f in findings_of(text, "claim") if f.start < text.index("The council")] == []


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


def test_a_comment_of_one_long_line_is_found():
    """Past the whole-line rules' 30 words, a comment on a line of its own was body text."""
    from reviewapp.core import Analyzer, load_text

    note = "<!-- " + " ".join(["The clerk's count of the vote was 8-1, not 7-2, say it so."] * 4) + " -->"
    result = Analyzer().analyze(load_text(f"# Budget\n\nThe council voted on Tuesday.\n\n{note}\n", fmt="md"))
    assert [(f.rule, f.text) for f in result.findings] == [("boilerplate.comment", note)]
    # Two comments with text between them on one line are not one comment: the text is read.
    mixed = "<!-- a --> The council voted 7-2 on Tuesday. <!-- b -->"
    result = Analyzer().analyze(load_text(f"# Budget\n\nIntro.\n\n{mixed}\n", fmt="md"))
    assert "boilerplate.comment" not in {f.rule for f in result.findings}


@pytest.mark.parametrize("lines_after", [1, 250])
def test_a_comment_never_closed_is_said_and_what_follows_is_read(lines_after):
    """An unclosed "<!--" hides the rest of a web page or Markdown file from its readers: the mark
    is a warning; what follows is read as the editor sees it (its claim still found). A comment
    closed 250 paragraphs later is said the same way, as one that does not close."""
    from reviewapp.core import Analyzer, load_text

    after = "\n\n".join(["The council voted 7-2 on Tuesday."] * lines_after)
    text = (
        f"# Budget\n\n<!-- held for the desk\n\n{after}\n\n-->\n"
        if lines_after > 1
        else (f"# Budget\n\n<!-- held for the desk\n\n{after}\n")
    )
    result = Analyzer().analyze(load_text(text, fmt="md"))
    unclosed = [f for f in result.findings if f.rule == "boilerplate.unclosed_comment"]
    assert [(f.text, f.severity) for f in unclosed] == [("<!-- held for the desk", "warning")]
    assert "not closed" in unclosed[0].message
    assert result.roles[1] == "boilerplate" and result.roles[2] == "body"
    assert any(f.category == "claim" for f in result.findings)


PRESS_RELEASE = """Acme opens new plant in Ohio

COLUMBUS, Ohio — Acme Corp. said on Tuesday it would open a battery plant near Columbus.

About Acme Corp.

Acme Corp. is a leading provider of innovative energy storage, serving customers in 40 countries.

Founded in 1998, the company is headquartered in Dayton, Ohio.

Media contact: Jane Roe, press@acme.example
"""


def test_a_press_releases_section_about_its_sender_is_furniture():
    """ "About Acme Corp." and what follows were body text: two peacock terms, an unsourced figure
    and a named party acting, in the company's words about itself."""
    from reviewapp.core import Analyzer, load_text

    result = Analyzer().analyze(load_text(PRESS_RELEASE))
    about = [f.text for f in result.findings if f.rule == "boilerplate.about_sender"]
    assert about == [
        "About Acme Corp.",
        PRESS_RELEASE.split("\n\n")[3],
        "Founded in 1998, the company is headquartered in Dayton, Ohio.",
    ]
    section = PRESS_RELEASE.index("About Acme")
    assert not [f for f in result.findings if f.start >= section and f.category in ("claim", "peacock")]
    assert [f.rule for f in result.findings if f.text.startswith("Media contact")] == [
        "boilerplate.press_release"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "About Time\n\nThe clock tower was repaired on Tuesday, the council said.\n",  # a title
        "Acme expands\n\nAcme Corp. said it would hire 400 workers.\n\nAbout 400 people applied.\n",
        "Acme expands\n\nAcme Corp. said it would hire.\n\nAbout the author\n\nJo Smith writes on trade.\n",
        # not named above:
        "Acme expands\n\nAcme Corp. said it would hire.\n\nAbout Globex Inc.\n\nGlobex makes parts.\n",
    ],
)
def test_about_lines_that_are_no_senders_section(text):
    from reviewapp.core import Analyzer, load_text

    assert "boilerplate.about_sender" not in {f.rule for f in Analyzer().analyze(load_text(text)).findings}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        (
            "[Share on Twitter](https://twitter.com/share) | [Share on Facebook](https://fb.com/s)",
            "boilerplate.share",
        ),
        ("[Read more: 10 Tips for Working From Home](https://example.com/tips)", "boilerplate.related"),
        ('[Subscribe now](https://example.com/sub "Subscribe")', "boilerplate.banner"),
    ],
)
def test_page_furniture_written_as_markdown_links(line, rule):
    """A Markdown page's share buttons and links to other articles were read as the article's own
    text ("[Read more: 10 Tips…](…)" was a figure to source)."""
    document = load_text(
        f"# Council approves budget\n\nThe council voted 7-2 on Tuesday.\n\n{line}\n", fmt="md"
    )
    found = [f for f in Analyzer().analyze(document).findings if f.text == line]
    assert [f.rule for f in found] == [rule]


@pytest.mark.parametrize(
    ("paragraphs", "marked"),
    [
        # One sentence a paragraph, as generated drafts often are: the first of each two.
        (["Moreover, the device lasts 12 hours.", "Furthermore, it ships in May.", "It costs $499."],
         ["Moreover,"]),
        (["Moreover, it lasts.", "Furthermore, it ships.", "Additionally, it is cheap."],
         ["Moreover,", "Furthermore,"]),
        # Within a paragraph the word list marks it, once.
        (["Moreover, it lasts. Additionally, it ships.", "In addition, it is cheap."], ["Moreover,"]),
        # One alone, or not opening its paragraph, is no stack.
        (["Moreover, it lasts.", "It ships in May.", "Additionally, it is cheap."], []),
        (["It lasts, moreover.", "Furthermore, it ships."], []),
    ],
)  # fmt: skip
def test_connectives_stacked_across_paragraphs_are_marked_once(paragraphs, marked):
    """A generated product launch put "Moreover," and "Furthermore," at the head of two
    one-sentence paragraphs: the word list reads a paragraph at a time and saw neither."""
    text = "Vision X launches\n" + "\n".join(paragraphs) + "\n"
    found = [f for f in findings_of(text, "ai_tell") if f.rule == "ai_tell.connectives"]
    assert [text[f.start : f.end] for f in found] == [f.text for f in found] == marked


def test_connectives_stacked_across_paragraphs_count_toward_reading_as_generated():
    """Two stock phrases and a stack of connectives are three typical phrasings (the default
    policy's threshold): the draft reads as generated and asks for a disclosure."""
    text = (
        "Vision X launches\n"
        "In today's fast-paced world, the glasses matter.\n"
        "Moreover, the battery lasts 12 hours.\n"
        "Furthermore, the glasses ship in May, setting a new standard.\n"
    )
    rules = [f.rule for f in findings_of(text)]
    assert rules.count("ai_tell.connectives") == 1 and rules.count("ai_tell.cliche") == 2
    assert "disclosure.missing" in rules


BUYING_GUIDE = """The 7 Best Budget Laptops of 2026

Looking for a reliable laptop that won't break the bank? You've come to the right place.

The Aspire 5 is a solid pick for students and professionals alike. Its battery lasts up to 10 hours.

No matter your needs, there's a budget laptop out there for you. Happy shopping!
"""


def test_a_generated_buying_guide_reads_as_generated():
    """A buying guide's stock phrases (a shopper's question to open it, "You've come to the right
    place", "Happy shopping!") raised nothing: it was not read as generated, no disclosure asked."""
    found = findings_of(BUYING_GUIDE)
    assert [f.text for f in found if f.category == "ai_tell"] == [
        "Looking for a reliable laptop that won't break the bank?",
        "You've come to the right place",
        "students and professionals alike",
        "No matter your needs",
        "Happy shopping",
    ]
    assert "disclosure.missing" in {f.rule for f in found}


SAFE_HARBOR = """Acme reports record quarter

DAYTON, Ohio — Acme Corp. said on Tuesday that revenue rose 12% to $40 million.

Forward-Looking Statements

This press release contains forward-looking statements that involve risks and uncertainties, \
including demand for the company's products. Actual results may differ materially.
"""


def test_a_press_releases_caution_about_forward_looking_statements_is_furniture():
    """The lawyers' safe-harbor notice a press release ends with was read as the article's own
    text (a claim to check)."""
    found = findings_of(SAFE_HARBOR)
    caution = SAFE_HARBOR.split("\n\n")[2:]
    assert [f.text for f in found if f.rule == "boilerplate.safe_harbor"] == [p.strip() for p in caution]
    assert not [f for f in found if f.start >= SAFE_HARBOR.index("Forward") and f.category == "claim"]


def test_a_sites_standing_disclaimer_is_furniture():
    """A crypto post's "Disclaimer: This article is for informational purposes only and does not
    constitute financial advice." was read as the article's own text."""
    line = (
        "Disclaimer: This article is for informational purposes only and does not constitute "
        "financial advice."
    )
    text = f"Bitcoin rallies\nBitcoin rose on Monday, exchange data show.\n{line}\n"
    assert [(f.rule, f.text) for f in findings_of(text, "boilerplate")] == [("boilerplate.disclaimer", line)]


_EXPLAINER = (
    "What the new overtime rule means for workers\n\n"
    "A federal rule taking effect Jan. 1 changes who is owed overtime. Here is what to know.\n\n"
    "Who is covered? Salaried workers who earn less than $58,656 a year.\n\n"
    "How many people will benefit? The Labor Department estimates that about 4 million will.\n\n"
    "Can the rule be blocked? Business groups have sued to stop it.\n"
)


def test_an_explainers_questions_and_answers_are_no_generated_device():
    """A Q&A explainer ("Who is covered? Salaried workers who…", "Can the rule be blocked? Business
    groups have sued…") had three question-and-reveal findings, and so a missing-disclosure error
    ("reads like generated text"): three paragraphs or more that open with the question they
    answer are the piece's form. One such question is still the device."""
    found = Analyzer().analyze(load_text(_EXPLAINER)).findings
    assert [f for f in found if f.rule in ("ai_tell.question_reveal", "disclosure.missing")] == []
    once = "Headline here\n\nThe result? A record harvest for the valley.\n\nSales rose in May.\n"
    assert [f.rule for f in Analyzer().analyze(load_text(once)).findings if f.category == "ai_tell"] == [
        "ai_tell.question_reveal"
    ]
    # fragments, not questions asked in full, stay the device however many there are
    fragments = (
        _EXPLAINER.replace("Who is covered?", "The catch?")
        .replace("How many people will benefit?", "The upside?")
        .replace("Can the rule be blocked?", "The bottom line?")
    )
    rules = [f.rule for f in Analyzer().analyze(load_text(fragments)).findings]
    assert rules.count("ai_tell.question_reveal") == 3
