"""What each paragraph is before anything is analysed: the head's bylines and date lines are
metadata, not claims."""

from __future__ import annotations

import pytest

from reviewapp.core import Analyzer, load_text
from reviewapp.core.roles import (
    ABOVE_CREDIT,
    ABOVE_SOURCE,
    ANSWER,
    AUTHOR_BIO,
    BELOW_SOURCED_FIGURES,
    BELOW_SOURCED_FORECAST,
    CREDIT_LINE,
    IN_FRONT_MATTER,
    INTRODUCED,
    LABELLED_OPINION,
    LABELLED_REVIEW,
    LOG,
    TABLE_HEAD,
    TABLE_INTRODUCED,
    TABLE_MORE,
    TABLE_ROW,
    TURN,
    byline_names,
    paragraph_contexts,
)


@pytest.mark.parametrize(
    "line",
    [
        "Updated Nov. 30, 2026, 3:45 p.m. ET",
        "Last updated: 30 November 2026 14:05 GMT",
        "Posted Tuesday, Nov. 3, 2026 at 9:15 a.m. EST",
        "Published on 2026-11-30",
        "- November 22, 2025",
        "**Updated 3:45 p.m.**",  # a live blog's, in emphasis, the time alone (a learned claim)
        "*Published at 9:02 a.m. ET*",
    ],
)
def test_a_date_line_in_the_head_is_metadata(line):
    """ "Updated …, 3:45 p.m. ET" was a check-worthy statement with no source."""
    text = f"Council approves budget\nBy Jane Smith\n{line}\nThe council voted 7-2, the minutes show.\n"
    result = Analyzer().analyze(load_text(text))
    assert result.roles == ["title", "meta", "meta", "body"]
    assert [f.rule for f in result.findings if f.start < text.index("The council")] == []


def test_a_sentence_with_a_date_is_not_a_date_line():
    text = "Council approves budget\nThe council met on Nov. 30, 2026, at 3:45 p.m. in the town hall.\n"
    assert Analyzer().analyze(load_text(text)).roles == ["title", "body"]
    text = "Council approves budget\nUpdated 3:45 p.m. figures show the river still rising.\n"
    assert Analyzer().analyze(load_text(text)).roles == ["title", "body"]


LEAD = "Home prices in the metro area fell for the third month in a row in October, as rates rose."
POST = "Big news for riders: the city approved 14 new routes today."
CREDIT = "— Maria Lopez (@marialopez) November 30, 2026"


@pytest.mark.parametrize(
    ("texts", "front", "expected"),
    [
        (["Title", POST, CREDIT, "Text."], None, [0, ABOVE_CREDIT, CREDIT_LINE, 0]),
        ([CREDIT, "Text."], None, [CREDIT_LINE, 0]),  # a credit line first credits nothing
        (["---", "title: x", "---", POST, CREDIT], [True, True, True, False, False],
         [IN_FRONT_MATTER] * 3 + [ABOVE_CREDIT, CREDIT_LINE]),
        (["A new plan adds 14 routes.", "- A list item"], None, [0, 0]),
        (["Ridership fell 22 percent.", "That's according to the agency.", POST, CREDIT], None,
         [ABOVE_SOURCE, 0, ABOVE_CREDIT, CREDIT_LINE]),
        (["The agency said in a statement:", "Ridership fell.", "The changes include:", "Fares rise."], None,
         [0, INTRODUCED, 0, 0]),
        (["Ridership fell, the agency said:"], None, [0]),  # nothing below it to introduce
        (["The mayor said:", "“We will add routes.", "“Ridership fell.”", "“Fares rise.”"], None,
         [0, INTRODUCED, INTRODUCED, 0]),  # a quotation of two paragraphs, then another one
        (["He said:", '"We will add routes.', '"Ridership fell."', "Fares rise."], None,
         [0, INTRODUCED, INTRODUCED, 0]),
        (["Title", "“Ridership fell.", "“We will win riders back,” Lopez said.", "“Fares rise.”"], None,
         [0, INTRODUCED, 0, 0]),  # its speaker named at its end
        (["Title", "“Ridership fell.", "“We will win riders back.”", "Fares rise."], None,
         [0, 0, 0, 0]),  # named nowhere
        (["Rates fell to 6.2%, Freddie Mac said.", "A year ago, they averaged 6.8%.", "Fares rise."], None,
         [0, BELOW_SOURCED_FIGURES, 0]),  # figures and their source end the paragraph above
        (["Rates fell, Freddie Mac said.", "Rates fell 2%. Fares rose.", "“Rates fell 2%,” Lee said."],
         None, [0, 0, 0]),  # no figure; figures with no source; figures in someone's words
        (["Forecasters said travel could be very difficult.", "Snow is expected by noon."], None,
         [0, BELOW_SOURCED_FORECAST]),  # someone's forecast ends the paragraph above
        (["Title", "By Ann Lee", LEAD, "Prices fell 2%, according to the Realtors group.", "Sales fell."],
         None, [0, 0, ABOVE_SOURCE, 0, BELOW_SOURCED_FIGURES]),  # the lead, sourced under it
        (["Title", LEAD, "Prices fell 2%. Sales fell, according to the Realtors association."], None,
         [0, 0, 0]),  # the source of another sentence
        (["Title", LEAD, LEAD, "Prices fell 2%, according to the Realtors association."], None,
         [0, 0, 0, 0]),  # below another paragraph than the lead
    ],
)  # fmt: skip
def test_paragraph_contexts(texts, front, expected):
    assert paragraph_contexts(texts, front) == expected


def roles_after_a_body_paragraph(note: str) -> list[str]:
    text = f"Council approves budget\nThe council voted 7-2 on Tuesday, the minutes show.\n{note}\n"
    return Analyzer().analyze(load_text(text)).roles


def test_a_bio_or_an_update_note_is_metadata_wherever_it_stands():
    """A reporter's bio line was a check-worthy statement with no source, an update note another;
    an update note that discloses AI use is the disclosure."""
    bio = "Jane Smith is a reporter covering transit for the Riverside News. Contact her at jane@example.org."
    assert roles_after_a_body_paragraph(bio) == ["title", "body", "meta"]
    update = "Updated at 5:02 p.m. to include comment from the mayor."
    assert roles_after_a_body_paragraph(update) == ["title", "body", "meta"]
    disclosing = "Updated to include a note: this article was drafted with AI and edited by Jane Smith."
    assert roles_after_a_body_paragraph(disclosing) == ["title", "body", "disclosure"]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Ana Ruiz", ["Ana Ruiz"]),
        ("Jane Smith and Tom Baker", ["Jane Smith", "Tom Baker"]),
        ("Jane Smith, Tom Baker & Li Wei", ["Jane Smith", "Tom Baker", "Li Wei"]),
        ("Ana", []),  # a first name alone would start too many sentences
        (None, []),
    ],
)
def test_byline_names(byline, names):
    assert byline_names(byline) == names


def test_the_bylines_author_described_is_a_bio_wherever_it_stands():
    """An opinion column's "Ana Ruiz is a transit advocate and a member of Riders United." was a
    blocking "named party doing something" with no source."""
    texts = [
        "Our city deserves better buses",
        "By Ana Ruiz",
        "Ana Ruiz, the council's critic, spoke on Monday after a long debate that ran past midnight"
        + " and" * 200,  # a story about her, not a bio line
        "The council's plan is a start.",
        "Ana Ruiz is a transit advocate and a member of Riders United.",
        "*Ana Ruiz is a correspondent based in Madrid.*",
        "Ana Ruiz covers education for the Riverside News.",
        "Tom Baker is a reporter.",  # not the byline's
    ]
    contexts = paragraph_contexts(texts, byline="Ana Ruiz")
    assert [bool(c & AUTHOR_BIO) for c in contexts] == [False, False, False, False, True, True, True, False]
    roles = Analyzer().analyze(load_text("\n".join(texts) + "\n")).roles
    assert roles[4:7] == ["meta", "meta", "meta"] and roles[7] == "body"


def test_a_credit_line_vouches_for_the_lines_of_its_block_quotation():
    lines = ["Title", "Intro.", "Line one of the post.", "Line two.", CREDIT, "Text."]
    quoted = frozenset(lines[2:5])
    assert paragraph_contexts(lines, quoted=quoted) == [0, 0, ABOVE_CREDIT, ABOVE_CREDIT, CREDIT_LINE, 0]
    # In plain text, where nothing tells a post's extent, only the line above it.
    assert paragraph_contexts(lines) == [0, 0, 0, ABOVE_CREDIT, CREDIT_LINE, 0]
    # Two posts one after the other: each credit line vouches for its own post's lines only.
    two = ["Post one.", CREDIT, "Post two.", CREDIT]
    assert paragraph_contexts(two, quoted=frozenset(two)) == [
        ABOVE_CREDIT,
        CREDIT_LINE,
        ABOVE_CREDIT,
        CREDIT_LINE,
    ]


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Jane Smith and Tom Baker", "Jane Smith and Tom Baker"),  # was "Jane Smith and Tom"
        ("By Jane Smith in London", "Jane Smith"),  # was "Jane Smith in London"
        ("By Jane Smith, Tom Baker and Li Wei", "Jane Smith, Tom Baker and Li Wei"),
        ("By Tom Baker, sports reporter", "Tom Baker"),
        ("By Ursula von der Leyen", "Ursula von der Leyen"),
        ("By María José García-Pérez", "María José García-Pérez"),
    ],
)
def test_a_bylines_names(line, byline):
    document = load_text(f"Council approves budget\n{line}\nThe council voted 7-2 on Tuesday.\n")
    assert document.metadata.byline == byline


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("**By Lena Fischer** | Business | Updated Nov. 3, 2026", "Lena Fischer"),
        ("By Lena Fischer · Business desk · 4 min read", "Lena Fischer"),
        ("By Lena Fischer, who covered the council for the paper for more than a decade", None),
    ],
)
def test_a_byline_with_the_sites_other_fields(line, byline):
    """A Markdown byline in bold, with the section and the date after separators, was a
    check-worthy statement ("a date + a named person")."""
    document = load_text(
        f"# Council approves budget\n\n{line}\n\nThe council voted 7-2 on Tuesday.\n", fmt="md"
    )
    assert document.metadata.byline == byline
    assert (Analyzer().analyze(document).roles[1] == "meta") is (byline is not None)


@pytest.mark.parametrize(
    "line",
    ["By Tuesday, it was over.", "By March the plan had stalled.", "By then, nobody was counting."],
)
def test_a_sentence_opening_with_by_and_a_time_is_no_byline(line):
    """ "By Tuesday, it was over." as a draft's second line was its byline, and metadata."""
    document = load_text(f"Council approves budget\n{line}\nThe council voted 7-2 on Tuesday.\n")
    assert document.metadata.byline is None
    assert Analyzer().analyze(document).roles == ["title", "body", "body"]


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By the Ledger staff", "the Ledger staff"),
        ("From staff reports", "staff reports"),
        ("**By The Times Editorial Board**", "The Times Editorial Board"),
        ("By Ledger staff and wire reports", "Ledger staff and wire reports"),
        ("By the staff's count, 40 people came.", None),
        ("By the time the staff arrived, the fire was out.", None),
    ],
)
def test_a_newsrooms_byline_with_no_person_in_it(line, byline):
    """ "By the Ledger staff" under an explainer's title was a check-worthy claim."""
    document = load_text(f"Council approves budget\n{line}\nThe council voted 7-2 on Tuesday.\n")
    assert document.metadata.byline == byline
    assert (Analyzer().analyze(document).roles[1] == "meta") is (byline is not None)


def test_an_author_named_like_a_month_is_still_a_byline():
    document = load_text("Council approves budget\nBy May Smith\nThe council voted 7-2 on Tuesday.\n")
    assert document.metadata.byline == "May Smith"


def test_the_bio_of_a_second_author_is_metadata_too():
    text = (
        "Council approves budget\nBy Jane Smith and Tom Baker\nThe council met.\n"
        "Tom Baker is a reporter covering City Hall.\n"
    )
    assert Analyzer().analyze(load_text(text)).roles == ["title", "meta", "body", "meta"]


@pytest.mark.parametrize(
    "definition",
    [
        '[^1]: Urban Institute, "Rental Housing Trends", 2023.',
        "[zillow]: https://www.zillow.com/research/ 2024",
    ],
)
def test_a_markdown_note_or_link_definition_is_metadata(definition):
    """A footnote naming a 2023 study was a check-worthy statement."""
    text = f"# Rents keep rising\n\nRents rose 8% last year.[^1]\n\n{definition}\n"
    assert Analyzer().analyze(load_text(text, fmt="md")).roles[-1] == "meta"
    assert Analyzer().analyze(load_text("Title\nIntro.\n[Note] Rents rose 8% in 2023.\n")).roles[-1] == "body"


def test_a_live_blogs_time_stamps_are_metadata():
    """ "9:02 a.m." over each update was a check-worthy statement ("a figure + a date")."""
    text = "Live: council votes\n9:02 a.m.\nThe meeting has started.\n10:30 a.m. ET\nThe council voted.\n"
    assert Analyzer().analyze(load_text(text)).roles == ["title", "meta", "body", "meta", "body"]
    assert (
        Analyzer().analyze(load_text("Title\nIntro.\n9:02 a.m. The meeting started.\n")).roles[-1] == "body"
    )


@pytest.mark.parametrize("stamp", ["14:05 GMT", "9:02 p.m. IST", "10:30 UTC+2", "9:02 a. m."])
def test_a_time_stamp_in_any_zone_a_dateline_knows_is_metadata(stamp):
    """ "14:05 GMT" was body text: the space before the zone was taken by the space before "a.m."."""
    text = f"Live: council votes\n{stamp}\nThe meeting has started.\n"
    assert Analyzer().analyze(load_text(text)).roles == ["title", "meta", "body"]


def test_an_edit_to_the_byline_reanalyses_the_bio():
    from reviewapp.core import IncrementalAnalysis

    text = "Our buses\nBy Ana Ruiz\nThe plan is a start.\nAna Ruiz is a transit advocate in Riverside.\n"
    session = IncrementalAnalysis(Analyzer())
    assert session.run(load_text(text)).roles[-1] == "meta"
    after = session.run(load_text(text.replace("By Ana Ruiz", "By Tom Baker")))
    assert after.changed == [1, 3] and after.roles[-1] == "body"


def test_a_transcripts_turns_are_its_speakers():
    texts = [
        "Interview with the mayor",
        "SMITH: How did ridership change?",
        "LOPEZ: Ridership fell 22 percent last year.",
        "SMITH: What now?",
        "LOPEZ: We will add 14 routes.",
        "LONDON: Fares rose 10 percent.",  # a dateline opens one paragraph, not a turn
        "UPDATE: The council voted.",
        "UPDATE: The mayor signed.",  # not a speaker, however often
    ]
    assert [bool(c & TURN) for c in paragraph_contexts(texts)] == [
        False,
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_a_speakers_name_not_in_capitals_opens_a_turn_where_the_draft_names_that_person():
    """ "Lopez: Ridership fell 22 percent." was unsourced; "Where:" and "Cost:" open an event
    listing's lines, and are no one's."""
    texts = [
        "Mayor Maria Lopez spoke with reporter Tom Smith on Tuesday.",
        "Smith: How did ridership change?",
        "Lopez: Ridership fell 22 percent last year.",
        "Smith: What now?",
        "Lopez: We will add 14 routes by March.",
    ]
    assert [bool(c & TURN) for c in paragraph_contexts(texts)] == [False, True, True, True, True]
    listing = ["Where: Riverside Park", "Cost: $10", "Where: The old mill", "Cost: $25"]
    assert [bool(c & TURN) for c in paragraph_contexts(listing)] == [False] * 4


QA = [
    "Rosa Delgado took over the State Climate Office in October. The interview has been edited for length.",
    "**What is the biggest threat?**",
    "Water. We have lost about a third of our snowpack.",
    "That trend will continue.",
    "**Is the 2035 target realistic?**",
    "I think so. We are ahead of schedule on solar.",
    "## About the office",
    "The office was founded in 2009.",
]


@pytest.mark.parametrize("bold", [True, False], ids=["bold questions", "a web page's text (no bold)"])
def test_a_qa_interviews_paragraphs_under_its_questions_are_answers(bold):
    """A Q&A with its questions in bold: the answers' figures were "no source" warnings and the
    person interviewed's "I think" a personal opinion in news copy. A web page's text has no "**":
    its questions are short paragraphs that only ask."""
    texts = QA if bold else [text.strip("*") for text in QA]
    assert [bool(c & ANSWER) for c in paragraph_contexts(texts)] == [
        False, False, True, True, False, True, False, False
    ]  # fmt: skip


def test_an_answer_labelled_a_is_one_without_a_note():
    labelled = ["Q: How far did ridership fall?", "A: 22 percent last year.", "Q: Why?", "Because of cuts."]
    assert [bool(c & ANSWER) for c in paragraph_contexts(labelled)] == [False, True, False, False]


def test_an_explainers_questions_in_bold_answer_nothing_for_anyone():
    """Without the draft saying it is an interview, bold questions are the writer's subheads: what
    follows is the writer's, and its claims need their sources."""
    explainer = [QA[0].replace(" The interview has been edited for length.", ""), *QA[1:]]
    assert not any(c & ANSWER for c in paragraph_contexts(explainer))
    letters = [QA[0].replace("The interview has", "Letters may have"), *QA[1:]]
    assert not any(c & ANSWER for c in paragraph_contexts(letters))


def test_a_recorded_transcripts_turns_after_their_times_are_its_speakers():
    """ "[00:00:12] RUIZ: Ridership fell 22 percent…" was unsourced: the time hid the label."""
    texts = [
        "[00:00:05] HOST: Welcome back. Today we're talking about the bus cuts.",
        "[00:00:12] RUIZ: Ridership fell 22 percent during the pandemic.",
        "(01:07) RUIZ: We face a $4 million gap next year.",
        "[00:01:03] HOST: So the cuts are about money?",
    ]
    assert [bool(c & TURN) for c in paragraph_contexts(texts)] == [True, True, True, True]


@pytest.mark.parametrize(
    "credits",
    [
        "Associated Press writer Jane Doe in Chicago contributed to this report.",
        "Reporting by Priya Natarajan in Paris; Additional reporting by Tom Baker; Editing by Tom Hogue",
        "(Reporting by Li Wei; Writing by Sam Holmes; Editing by Mark Potter)",
        # The newsroom on its own article: "It was 7-2, not 6-3." was a blocking unsourced figure.
        "Correction: An earlier version of this article misstated the vote. It was 7-2, not 6-3.",
    ],
)
def test_a_storys_credits_are_metadata(credits):
    """ "AP writer Jane Doe contributed to this report." was a blocking "named person doing
    something, with no source"; a wire story's "Reporting by…; Editing by…" a check-worthy statement."""
    text = f"Council approves budget\nThe council voted 7-2 on Tuesday, the minutes show.\n{credits}\n"
    result = Analyzer().analyze(load_text(text))
    assert result.roles == ["title", "body", "meta"]
    assert [f.rule for f in result.findings] == ["claim.figure"]


TABLE = ["| Quarter | Riders (millions) |", "|---|---:|", "| Q1 2025 | 4.1 |", "| Q2 2025 | 4.4 |"]


def test_a_markdown_tables_rows_are_flagged_heading_first_row_and_the_rest():
    texts = ["Ridership rose in every quarter.", *TABLE, "Source: Riverside Transit Authority."]
    flags = paragraph_contexts(texts)
    table = TABLE_HEAD | TABLE_ROW | TABLE_MORE | TABLE_INTRODUCED | ABOVE_SOURCE
    assert [f & table for f in flags] == [
        0,
        TABLE_HEAD,
        TABLE_HEAD,
        TABLE_ROW | ABOVE_SOURCE,  # "Source:" under the table gives every row its source
        TABLE_ROW | TABLE_MORE | ABOVE_SOURCE,
        0,
    ]
    above = paragraph_contexts(["Ridership rose, according to the authority's figures.", *TABLE])
    assert [bool(f & TABLE_INTRODUCED) for f in above] == [False, False, False, True, True]
    # Lines opening with "|" and no rule under a heading are no table.
    assert paragraph_contexts(["| one | two |", "| three | four |"]) == [0, 0]


def test_a_tables_figures_are_one_finding_and_its_heading_and_source_line_none():
    """Each row of a Markdown table was a blocking unsourced figure, its heading row too ("Riders
    (millions)"), and the "Source:" line under it a reported statement."""
    text = "# Ridership\n\nRidership rose in every quarter of 2025.\n\n" + "\n".join(TABLE) + "\n"
    result = Analyzer().analyze(load_text(text, fmt="md"))
    claims = [(f.text, f.severity) for f in result.findings if f.rule == "claim.figure"]
    assert claims == [("| Q1 2025 | 4.1 |", "warning")]
    sourced = Analyzer().analyze(load_text(text + "\nSource: Riverside Transit Authority.\n", fmt="md"))
    found = [f for f in sourced.findings if f.rule == "claim.figure"]
    assert [(f.text, f.severity) for f in found] == [("| Q1 2025 | 4.1 |", "suggestion")]
    assert found[0].message.endswith("Its source: the line under the table.")
    assert found[0].score is not None and sourced.roles[-1] == "meta"


@pytest.mark.parametrize(
    "title", ["The baker who wakes at 3 a.m.", "Acme buys Globex Inc.", "Rates fall in the U.S."]
)
def test_a_title_may_end_on_an_abbreviations_full_stop(title):
    """ "The baker who wakes at 3 a.m." was body text (a learned check-worthy statement)."""
    result = Analyzer().analyze(load_text(f"{title}\nMaria Santos opened her bakery in 1998, she said.\n"))
    assert result.roles[0] == "title"
    assert Analyzer().analyze(load_text("The council met at 3 p.m. It voted.\nMore.\n")).roles[0] == "body"


def test_the_title_under_a_press_releases_opening_mark_is_the_title():
    """Under "FOR IMMEDIATE RELEASE" the headline was body text (the first line is the title's
    place), and could be a check-worthy statement."""
    document = load_text(
        "FOR IMMEDIATE RELEASE\n\nAcme Announces Record Sales\n\nAcme sold 40 cars, it said.\n"
    )
    assert document.metadata.title == "Acme Announces Record Sales"
    assert Analyzer().analyze(document).roles == ["boilerplate", "title", "body"]
    # A second line that is not the title stays body text.
    document = load_text("Acme Announces Record Sales\n\nAcme Announces Record Sales\n\nAcme sold 40 cars.\n")
    assert Analyzer().analyze(document).roles[:2] == ["title", "body"]


def test_a_label_marks_every_paragraph_of_the_piece_as_its_writers_view():
    contexts = paragraph_contexts(["Opinion: More buses", "By Dan Moreno", "Buses matter.", "Fund them."])
    assert all(context & LABELLED_OPINION for context in contexts)
    assert not any(c & LABELLED_OPINION for c in paragraph_contexts(["More buses", "Opinion polls differ."]))


def test_a_logs_introduction_and_its_entries_are_the_records():
    """A police log: "The following incidents were reported to Riverside police…" and the entries
    under it, each opening with its date ("Nov. 24: …") or as a list's item, to the first that does
    neither; not without an entry, nor under "The following day, …"."""
    log = [
        "Police log",
        "The following incidents were reported to Riverside police between Nov. 24 and Nov. 30.",
        "Nov. 24: A bicycle valued at $1,200 was reported stolen from a garage on Elm Street.",
        "Monday, 10:42 p.m.: Two cars were broken into on Main Street.",
        "- A 34-year-old man was arrested on a charge of driving under the influence.",
        "Anyone with information is asked to call police at 555-0142.",
    ]
    flagged = [bool(c & LOG) for c in paragraph_contexts(log)]
    assert flagged == [False, True, True, True, True, False]
    assert not any(c & LOG for c in paragraph_contexts(log[:2] + log[5:]))  # no entry under it
    day = ["Police log", "The following day, police arrested a man.", log[2]]
    assert not any(c & LOG for c in paragraph_contexts(day))


@pytest.mark.parametrize(
    ("head", "review"),
    [
        ("Restaurant review: Osteria Lupa brings serious pasta to Main Street", True),
        ("Book review | A quiet novel of a loud family", True),
        ("Film Review: ‘The Long Night’ earns its running time", True),
        ("Review: Hamlet at the Rep", True),
        # a news story about a review, and a kind that is no art or product
        ("Budget review: council finds $2 million gap", False),
        ("Review of city budget finds gaps", False),
    ],
)
def test_a_review_labelled_with_its_kind_is_a_review(head, review):
    """A dining review headed "Restaurant review: …" was read as news: its critic's account was
    unsourced events, its impressions hedges."""
    contexts = paragraph_contexts([head, "By Ann Lee", "The pasta is the dish to order."])
    assert all(bool(c & LABELLED_REVIEW) is review and bool(c & LABELLED_OPINION) is review for c in contexts)
