from __future__ import annotations

import pytest

from reviewapp.core.analyzers.claim import sentence_signals

from .helpers import findings_of as helper_findings_of
from .helpers import rule_findings_of as findings_of

BODY = "Intro line one.\n"  # so the tested line is not taken for a headline


def claims_a(sentence: str, kind: str) -> bool:
    """Do the rules read a claim of this kind in the sentence?"""
    signals = sentence_signals(sentence)
    return signals is not None and kind in signals.kinds


def sourced(sentence: str, kind: str | None = None) -> bool | None:
    """Do the rules read the sentence's claim (of this kind) as attributed? None: no such claim."""
    signals = sentence_signals(sentence)
    if signals is None or (kind is not None and kind not in signals.kinds):
        return None
    return signals.attributed


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Unemployment fell to 4.1% in March, the lowest level in a decade.", "figure"),
        ("The company spent $3 billion on new plants last year.", "figure"),
        ("Tesla is the world's largest maker of electric cars.", "ranking"),
        ("She was the first woman elected to the council.", "superlative"),
        ("The merger is expected to close early next year.", "prediction"),
        # A record forecast stands however low the debate-trained score puts "will be".
        ("It will be the tallest building in the city.", "forecast"),
        ("The new council will be the most diverse ever elected in the state.", "forecast"),
        ("Siemens and Alstom signed a joint venture agreement in Berlin.", "event"),
        ("Senator Warren has been urging regulators to block the deal.", "statement"),
        ("The city hired 40 new teachers.", "figure"),
    ],
)
def test_checkable_sentences_are_unattributed_claims(sentence, kind):
    found = findings_of(BODY + sentence, "claim")
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert found[0].rule == f"claim.{kind}"
    assert found[0].text == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Unemployment fell to 4.1% in March, according to the Bureau of Labor Statistics.",
        "The company spent $3 billion on new plants last year, its chief executive said.",
        "The agency estimated 12,000 jobs were lost (https://example.org/report-2024).",
        "“We will open 40 new stores,” Mr. Jones told reporters on Monday.",
        "Turnout reached 71 percent, official figures from the electoral commission show.",
        # A document of record that shows it names where to check.
        "The council voted 7-2 on Tuesday to approve the budget, the minutes show.",
        "The firm paid a $2 million fine in March, court records show.",
        "Ridership fell 22 percent during the pandemic, transit authority figures show.",
        "The report also found that 40 percent of residents rent their homes.",
        "Prosecutors allege Bell set the fire in October after a $2,000 debt.",
        # "It" and "they" speaking name whom the sentence before named.
        "It also said unemployment rose to 5 percent.",
        "They said 300 people had signed the petition.",
        # A document with whose it is, or "per" an office (both were "no source").
        "The district spent $3 million on consultants, a review by the Tribune found.",
        "Turnout was 58 percent, per the secretary of state's office.",
    ],
)
def test_attributed_claims_are_suggestions(sentence):
    found = findings_of(BODY + sentence, "claim")
    assert [f.severity for f in found] == ["suggestion"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Why did the council change its mind?",
        "I think the new bridge is a waste of money.",
        "The garden is quiet in the early morning.",
        "Residents can comment on the plans until 30 April.",
        "She walked to the window and looked out at the rain.",
        "It's a really smart move, if you ask me.",
        # A number before "of" or "to" is a reference, not a count of something.
        "The rules are set out in section 4 of the staff handbook.",
        "Version 3 of the app adds a dark mode.",
        # "the stated aim": a reporting verb used as an adjective is no statement.
        "The stated aim of the Acme plan was unclear.",
        # The piece counting its own list is no figure to source.
        "Here are five destinations that deserve a spot on your itinerary.",
    ],
)
def test_questions_opinions_and_description_are_not_claims(sentence):
    assert findings_of(BODY + sentence, "claim") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Some experts say the tax raised 2 billion euros.",
        "Studies show the tax raised 2 billion euros.",  # which studies? (hedge.weasel)
        "The tax raised 2 billion euros, new figures show.",  # whose?
        "It is said that the tax raised 2 billion euros.",
        "They say the tax raised 2 billion euros.",
    ],
)
def test_weasel_speaker_does_not_attribute_a_claim(sentence):
    found = findings_of(BODY + sentence, "claim")
    assert [f.severity for f in found] == ["warning"]


def test_digits_in_a_link_are_not_figures():
    signals = sentence_signals("Read the full minutes at https://example.org/2024/03/15/minutes-2024 today.")
    assert signals is not None and signals.kinds == () and "figure" not in signals.cues


def test_a_sentence_that_is_only_a_link_is_not_a_claim():
    # Its words all lie in the link, so none are left once the link is set aside.
    assert sentence_signals("https://example.org/2024/03/15/minutes-of-the-board") is None


def test_united_states_is_not_the_verb_states():
    signals = sentence_signals("Acme will build chips in the United States.")
    assert signals is not None and not signals.attributed


def test_headline_is_not_a_claim():
    headline = "Acme buys rival for $2 billion"
    found = findings_of(f"{headline}\nMore text follows here.", "claim")
    assert [f for f in found if f.start < len(headline)] == []


@pytest.mark.parametrize(
    "source",
    [
        "That's according to figures released by the transit authority on Monday.",
        "The figures come from the city budget office.",
        "Source: Office for National Statistics.",
    ],
)
def test_a_claim_sourced_by_the_next_sentence_is_attributed(source):
    """The source may follow the claim in a sentence of its own; that sentence is no claim."""
    claim = "Ridership on city buses fell 22 percent last year."
    found = findings_of(f"{BODY}{claim} {source}", "claim")
    assert [(f.text, f.severity) for f in found] == [(claim, "suggestion")]


def test_the_source_sentence_attributes_only_the_claim_just_before_it():
    text = (
        f"{BODY}The city spent $3 billion on new buses in 2024. Ridership fell 22 percent last year. "
        "That's according to the transit authority."
    )
    found = findings_of(text, "claim")
    assert [(f.text[:14], f.severity) for f in found] == [
        ("The city spent", "warning"),
        ("Ridership fell", "suggestion"),
    ]


def test_a_source_opening_the_next_paragraph_attributes_the_last_sentence_above_it():
    """News paragraphs are often one sentence long, and the source one of its own."""
    text = (
        f"{BODY}The city spent $3 billion on new buses in 2024.\n"
        "The plan cost $40 million. Ridership fell 22 percent last year.\n"
        "That's according to the agency's annual report.\n"
    )
    found = findings_of(text, "claim")
    assert [(f.text[:14], f.severity) for f in found] == [
        ("The city spent", "warning"),  # two paragraphs up: not this source's
        ("The plan cost ", "warning"),  # not the last sentence above it
        ("Ridership fell", "suggestion"),
    ]


def test_a_court_story_lead_has_the_filing_the_next_paragraph_names_for_its_source():
    """ "A construction company that lost a $2.3 million contract has sued the city…" over "The
    lawsuit, filed Thursday in Franklin County Superior Court, claims…" was an unsourced figure."""
    lead = "A construction company that lost a $2.3 million sewer contract has sued the city."
    filing = "The lawsuit, filed Thursday in Franklin County Superior Court, claims the bids were rigged."
    found = findings_of(f"{BODY}{lead}\n{filing}\n", "claim")
    (first,) = [f for f in found if f.text == lead]
    assert first.severity == "suggestion" and "the first sentence of the next paragraph" in first.message
    # Not any lawsuit: "A lawsuit was filed…" names none the lead told of.
    other = findings_of(f"{BODY}{lead}\nA lawsuit was filed last year over the bids.\n", "claim")
    assert [f.severity for f in other if f.text == lead] == ["warning"]


@pytest.mark.parametrize(
    ("text", "edit", "changed"),
    [
        (  # the source opening the paragraph below
            f"{BODY}Ridership fell 22 percent last year.\nThat's according to the agency.\n",
            ("That's according to the agency.", "Riders noticed."),
            [1, 2],
        ),
        (  # the introduction in the paragraph above
            f"{BODY}The agency said:\nRidership fell 22 percent last year.\n",
            ("The agency said:", "The changes include:"),
            [1, 2],
        ),
        (  # the source line under a table
            f"{BODY}| Year | Riders |\n|---|---|\n| 2025 | 4.1 million |\nSource: Transit Authority.\n",
            ("Source: Transit Authority.", "Riders noticed."),
            [3, 4],
        ),
    ],
)
def test_an_edit_to_a_neighbour_that_attributes_a_claim_reanalyses_the_claim(text, edit, changed):
    from reviewapp.core import Analyzer, IncrementalAnalysis, load_text

    session = IncrementalAnalysis(Analyzer())
    before = session.run(load_text(text))
    assert [f.severity for f in before.findings if f.rule == "claim.figure"] == ["suggestion"]
    after = session.run(load_text(text.replace(*edit)))
    assert after.changed == changed
    assert [f.severity for f in after.findings if f.rule == "claim.figure"] == ["warning"]


def test_an_interviews_answer_is_the_interviewees_statement():
    text = (
        f"{BODY}Q: How will you pay for it?\nA: The sales tax increase covers about two-thirds of the cost.\n"
    )
    found = findings_of(text, "claim")
    # The label is no part of the answer: the finding starts after it.
    assert [(f.text[:12], f.severity) for f in found] == [("The sales ta", "suggestion")]
    unlabelled = findings_of(f"{BODY}The sales tax increase covers about two-thirds of the cost.\n", "claim")
    assert [f.severity for f in unlabelled] == ["warning"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Route 9 bus now stops at the library.",
        "The company filed for Chapter 11 protection in Delaware.",
        "Traffic on Interstate 95 moved slowly.",
        "Students in grade 9 take the test.",
        "Critics want Congress to repeal Section 230 soon.",
        "Bill No. 12 goes to committee.",
        "The Boeing 737 jets were grounded.",  # a name, a number, and no unit of what is counted
        "Shoppers queued as the iPhone 15 went on sale.",
        "Night shots came out cleaner than on my iPhone 16 Pro.",  # the model's name goes on
        "Last year, she was named to Forbes' 30 Under 30 list.",  # an honours list's name
        "The police department has started sending counselors to some 911 calls.",  # the service
        "A 999 operator took the call at 2 a.m.",
    ],
)
def test_a_number_that_names_something_is_no_figure(sentence):
    signals = sentence_signals(sentence)
    assert signals is not None and "figure" not in signals.cues


@pytest.mark.parametrize(
    "sentence",
    [
        "Flight 370 carried 239 people.",  # the label is no figure; the count is
        "The route carried 9,000 riders last year.",
        "Section 4 of the bill raises taxes by 3 percent.",
        "Cuba lies 90 miles from the coast.",  # a name, then what the number counts
        "The storm hit Texas 12 times this year.",
        "Officials told CNN 40 people died in the flooding.",
        "Riverside beat Oakdale 3 to 2 on Saturday night.",
    ],
)
def test_a_label_does_not_hide_a_figure_beside_it(sentence):
    signals = sentence_signals(sentence)
    assert signals is not None and "figure" in signals.kinds


@pytest.mark.parametrize(
    ("sentence", "not_read_as"),
    [
        ("She grew up in the 1990s in Ohio.", "trend"),
        ("The mayor fell ill during the campaign.", "trend"),
        ("The shop at 123 Main St. reopened on Friday.", "figure"),
        ("Call the city office at 555-0142 for details.", "figure"),
        ("Call the city office at 555-123-4567 for details.", "figure"),
        # An obituary's family: its numbers count relatives.
        ("She is survived by her husband of 52 years, three children and seven grandchildren.", "figure"),
        # charges dropped are a case's end, no measure falling ("Sales dropped 5%" is one)
        ("Charges were dropped in 2022 when surveillance video showed he was at work.", "trend"),
        ("Prosecutors dropped the charges against him in 2022.", "trend"),
    ],
)
def test_a_life_an_address_and_a_telephone_number_are_no_data(sentence, not_read_as):
    signals = sentence_signals(sentence)
    assert signals is not None and not_read_as not in signals.kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "The lamb meatballs ($14) come in a bright tomato sauce with plenty of bread.",
        "Start with the grilled octopus ($18), charred at the edges and tender inside.",
        "Millbrook visits Deschutes on Friday.",  # a team's next game
        "The museum is open from 10 a.m. to 5 p.m. Tuesday through Sunday.",
        "Services will be held at 11 a.m. Saturday at St. Mary's Church.",
        "The road will be closed between 9 a.m. and 4 p.m. on Saturday.",
        "Tickets cost $15 for adults and $8 for children under 12.",
        "The meeting is at 6:30 p.m. on Monday in the council chamber.",
        "An evacuation center has opened at Pine Hollow High School, 300 Oak St.",  # where to go
        # where to go, and a road's closure: two named places are no parties to an event
        "Cooling centers will open at the Central Library and the Eastside Recreation Center.",
        "The city has opened a warming shelter at the Lincoln Recreation Center.",  # who opened it
        "They will look to build on the win when they host Central next Tuesday.",  # a recap's last line
        "Highway 9 will remain closed between Mill Road and Summit Drive until crews clear the debris.",
        # a public meeting to come ("The company will hold talks…" stays news)
        "The district will hold two public forums in January to explain the change.",
        # the place's address between what is available and when
        "Flu shots are available at the health department's clinic, 400 Main St., from 8 a.m. to "
        "4 p.m. weekdays.",
        # what parking costs, and how often the shuttle from it runs
        "Parking is available at Riverside High School for $5, with a free shuttle running every 15 minutes.",
    ],
)
def test_information_for_readers_is_no_claim(sentence):
    """Opening hours, when a service is held, what a ticket costs: checked against a listing,
    not for a source (each was a blocking dated or figure claim)."""
    signals = sentence_signals(sentence)
    assert signals is not None and "service" in signals.cues and signals.kinds == ()
    assert findings_of(BODY + sentence, "claim") == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # a figure beside the service line's own times and prices
        ("The market closed at 4 p.m. with the Dow down 300 points.", "figure"),
        (
            "The meeting starts at 7 p.m. on Monday, when members will vote on the $4 million budget.",
            "figure",
        ),
        ("Tickets cost $15, up from $10 last year.", "figure"),  # a rise
        # a change of price or hours is the news, not the notice (an explainer's answer)
        ("Meters will run until 9 p.m., and the hourly rate rises from $1.50 to $2.", "figure"),
        ("Meters will run until 9 p.m. instead of 6 p.m.", "dated"),
        ("The vote is at 7 p.m. Tuesday, and the mayor is expected to win.", "prediction"),
        ("Admission is $25, the highest price in the festival's history.", "superlative"),
        ("The museum, which drew a record 2 million visitors last year, is open from 10 a.m.", "figure"),
        ("The new trains will run every 10 minutes, at a cost of $40 million.", "figure"),
    ],
)
def test_a_service_line_that_says_more_is_still_a_claim(sentence, kind):
    signals = sentence_signals(sentence)
    assert signals is not None and "service" in signals.cues and kind in signals.kinds


def test_a_closure_that_says_why_is_news_not_a_notice():
    sentence = (
        "Highway 9 will remain closed between Mill Road and Summit Drive after a crash that killed two."
    )
    signals = sentence_signals(sentence)
    assert signals is not None and "service" not in signals.cues and "event" in signals.kinds


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        ("Analysts polled by FactSet had expected revenue of $1.9 billion.", True),
        ("Economists surveyed by Reuters expect rates to stay at 4 percent.", True),
        ("Analysts polled by phone had expected revenue of $1.9 billion.", False),
        ("The company now expects sales growth of 9% to 11%.", True),  # its own forecast
        ("Most analysts now expect sales growth of 9% to 11%.", False),
    ],
)
def test_those_asked_by_someone_named_are_a_source(sentence, attributed):
    signals = sentence_signals(sentence)
    assert signals is not None and "figure" in signals.kinds and signals.attributed is attributed


def test_a_statement_introduced_by_the_paragraph_above_is_attributed():
    """ "In a statement, the agency said:" then the statement, with or without quotation marks."""
    statement = "Ridership fell 22 percent last year."
    for intro in ("In a statement, the transit authority said:", "The mayor told reporters on Wednesday:"):
        found = findings_of(f"{BODY}{intro}\n{statement}\n", "claim")
        assert [(f.text, f.severity) for f in found] == [(statement, "suggestion")], intro
    listed = findings_of(f"{BODY}The changes include:\n{statement}\n", "claim")
    assert [(f.text, f.severity) for f in listed] == [(statement, "warning")]


def test_only_the_next_paragraph_is_the_introduced_statement():
    text = f"{BODY}The agency said:\nRidership fell 22 percent.\nFares rose 10 percent in March.\n"
    found = findings_of(text, "claim")
    assert [(f.text[:8], f.severity) for f in found] == [("Ridershi", "suggestion"), ("Fares ro", "warning")]


def test_a_hedge_in_an_introduced_statement_is_the_speakers():
    statement = "The new routes are arguably the best thing to happen to riders."
    quoted = findings_of(f"{BODY}The mayor wrote on X:\n{statement}\n", "hedge")
    plain = findings_of(f"{BODY}The mayor was there.\n{statement}\n", "hedge")
    assert plain and not quoted


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We waited a long time," manager Claire Dunn said. "Ridership fell 22 percent last year."',
        "“Ridership fell 22 percent last year. We will win riders back,” the director said.",
    ],
)
def test_a_quotation_that_goes_on_is_its_speakers(paragraph):
    """A sentence all inside the quotation of a speaker named beside another part of it."""
    found = findings_of(f"{BODY}{paragraph}\n", "claim")
    figure = [f for f in found if "22 percent" in f.text]
    assert [f.severity for f in figure] == ["suggestion"]


def test_a_quotation_with_no_speaker_is_no_source():
    found = findings_of(f'{BODY}Riders waited. "Ridership fell 22 percent last year."\n', "claim")
    assert [f.severity for f in found if "22 percent" in f.text] == ["warning"]


@pytest.mark.parametrize(
    "sentence",
    ["Police arrested him two days later after a tip from a resident.", "The plant closed 3 years later."],
)
def test_a_time_counted_from_another_is_a_date_not_a_figure(sentence):
    """ "two days later" was a blocking "unsourced figure"; what it dates may still be a claim."""
    assert "claim.figure" not in {f.rule for f in findings_of(f"{BODY}{sentence}\n", "claim")}
    assert "dated" in sentence_signals(sentence).cues


def test_a_prison_term_is_still_a_figure():
    assert [f.rule for f in findings_of(f"{BODY}He had faced up to 25 years in prison.\n", "claim")] == [
        "claim.figure"
    ]


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        ("In Australia, hospitals saw record numbers of flu patients last winter.", False),
        ("Record numbers of riders took the new buses in March.", False),
        ("The council voted 7-2 on Tuesday, the minutes record.", True),
        ("The minutes record that the council voted 7-2 on Tuesday.", True),
    ],
)
def test_record_before_a_noun_describes_it_and_reports_nothing(sentence, attributed):
    """ "saw record numbers" read as hospitals reporting something: an attributed statement."""
    signals = sentence_signals(sentence)
    assert signals.attributed is attributed
    assert ("statement" in signals.kinds) is False


@pytest.mark.parametrize(
    "sentence",
    [
        "Flu shots are available at the clinic on Fifth Street, which is open on weekdays until 6 p.m.",
        "The Riverside council will run its own buses from March.",
        "Smith repeated their claims about Acme on Tuesday.",
    ],
)
def test_a_verb_after_a_possessive_or_saying_how_a_thing_is_is_no_action(sentence):
    """ "which is open", "its own buses", "their claims" read as a named party acting or speaking."""
    cues = sentence_signals(sentence).cues
    assert "acting" not in cues and "reported" not in cues


def test_the_same_words_as_verbs_still_act():
    assert "acting" in sentence_signals("Acme will open its plant in Riverside in March.").cues
    assert "acting" in sentence_signals("The Riverside council will own the buses from March.").cues


@pytest.mark.parametrize(
    "quotation",
    [
        "The mayor said:\n“Ridership fell 22 percent last year.\n“We will win riders back.”",
        "“Ridership fell 22 percent last year.\n“We will win riders back,” Mayor Maria Lopez said.",
    ],
)
def test_every_paragraph_of_a_quotation_of_several_is_its_speakers(quotation):
    """News prints a long quotation as paragraphs that each open with a quotation mark, only the
    last closing it; the first paragraph's figure was a blocking "no source" warning."""
    found = findings_of(f"{BODY}{quotation}\n", "claim")
    assert [f.severity for f in found if "22 percent" in f.text] == ["suggestion"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Ridership fell 22 percent last year. That's according to the agency.", "the next sentence"),
        (
            "Ridership fell 22 percent last year.\nThat's according to the agency.",
            "the first sentence of the next paragraph",
        ),
        ("The agency said:\nRidership fell 22 percent last year.", "the speaker named before or at the end"),
        ("Q: How far?\nA: Ridership fell 22 percent last year.", "the person interviewed"),
        ('"We tried," Dunn said. "Ridership fell 22 percent last year."', "the speaker named beside"),
        ('Resident Carla Diaz: "Ridership fell 22 percent last year."', "the speaker named before the colon"),
        (
            "SMITH: Why?\nLOPEZ: Ridership fell 22 percent last year.\nSMITH: And?\nLOPEZ: We act.",
            "the speaker named",
        ),
    ],
)
def test_a_claim_sourced_outside_its_sentence_says_where_the_source_is(text, where):
    """ "Figure with a source" sent the editor looking for a source the sentence does not have."""
    (figure,) = [f for f in findings_of(f"{BODY}{text}\n", "claim") if "22 percent" in f.text]
    assert figure.severity == "suggestion"
    assert f"Its source: {where}" in figure.message


def test_a_qa_interviews_answers_are_the_words_of_the_person_interviewed():
    text = (
        "Delgado took over the office in October. This interview has been edited and condensed.\n"
        "**What is the biggest threat?**\nWater. We have lost about a third of our snowpack in 50 years.\n"
        "**Is the target realistic?**\nI think so. Solar output rose 40 percent last year.\n"
    )
    found = findings_of(f"{BODY}{text}")
    figures = [f for f in found if f.category == "claim" and ("percent" in f.text or "snowpack" in f.text)]
    assert len(figures) == 2
    assert figures and all("Its source: the person interviewed" in f.message for f in figures)
    assert not [f for f in found if f.rule == "hedge.opinion"]


def test_a_claim_sourced_in_its_sentence_needs_no_pointer():
    (figure,) = findings_of(f"{BODY}Ridership fell 22 percent last year, the agency said.\n", "claim")
    assert "Its source" not in figure.message


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        ("He is best known for his novels, published in 1990, which sold two million copies.", False),
        ("The figures, posted online last week, show rents rose 8 percent.", False),
        # Who did it is named: a source.
        ("The figures, reported on Tuesday by the agency, show rents rose 8 percent.", True),
        ("Rents rose 8 percent last year, the agency reported on Tuesday.", True),
        ("“Rents rose 8 percent,” said Lopez.", True),
        ("The agency reported on Tuesday that rents rose 8 percent.", True),
        # The speaker set off by an appositive: "said" is the sentence's verb, no participle.
        ("The budget rose 5% this year, Joe Garcia, the city's finance director, said on Monday.", True),
        ("Rents rose 8 percent, Ana Ruiz, an economist at the bank, said in an interview.", True),
        # A relative clause between the speaker and the verb: the company said it, not the people.
        ("The company, which employs 1,200 people, said it would close the plant.", True),
        ("Some people, who asked not to be named, said 40 jobs would go.", False),
        # An appositive after a name: the name speaks, not the appositive's last words.
        (
            "Dr. Marcus Lee, a cardiologist at Johns Hopkins University who was not involved in the "
            "research, said 40 percent of the studies were flawed.",
            True,
        ),
        ("Many experts, a group that grows each year, said 40 jobs would go.", False),
    ],
)
def test_a_participle_set_off_by_commas_describes_and_names_no_source(sentence, attributed):
    """ "his novels, published in 1990," read as someone publishing: the unsourced figure after it
    was a claim "with a source"."""
    assert sentence_signals(sentence).attributed is attributed


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        # A share of a group that says something is a poll's figure: its source is the poll ("74% of
        # workers say…" read "workers" as the speaker, a figure "with a source").
        ("74% of workers say they would prefer to work from home.", False),
        ("Two-thirds of voters in the city said they oppose the tax.", False),
        ("About 40 percent of respondents said they had been affected.", False),
        ("A majority of residents said the buses ran late.", False),
        ("The chief of police said 12 people were arrested.", True),  # a named party of something
        ("Three of the council members said 12 people were arrested.", True),  # people who spoke
        ("A Gallup poll found 74% of workers say they would prefer to work from home.", True),
        # A speech participle after a comma is said by the sentence's subject ("The school board …
        # postponed a vote…, saying it needed more information" was a statement "with no source").
        ("The school board on Monday postponed the vote to 2027, saying it needed more information.", True),
        ("Acme cut 200 jobs, citing weaker demand.", True),
        ("Hall's attorney, James Ortega, asked for probation, telling the court he had paid $40,000.", True),
        ("Some experts criticised the plan, saying it would cost $2 million.", False),
        # and one that promises, claims or warns (a launch story's "Orbit Mobile unveiled its phone,
        # promising a battery that lasts up to two days" was an unsourced figure)
        (
            "Orbit Mobile unveiled its phone on Wednesday, promising a battery that lasts up to two days.",
            True,
        ),
        ("The union sued the city, claiming the law cost its members $2 million.", True),
        ("Some experts criticised the plan, warning that it would cost $2 million.", False),
        ("He left the meeting without saying a word about the $2 million.", False),
        # "added" with an object adds something and says nothing ("The county added about 1,200 jobs"
        # read as the county saying so).
        ("The county added about 1,200 jobs over the past year.", False),
        ("Lopez added 20 points in the second half.", False),
        ("Rents rose 8 percent, she added.", True),
        ("She added that rents rose 8 percent.", True),
        ("The mayor added: rents rose 8 percent.", True),
        # A speech verb in the passive names no one unless "by" does ("Wind gusts of 70 mph were
        # recorded at the airport" was a figure "with a source").
        ("Wind gusts of 70 mph were recorded at the airport.", False),
        ("Wind gusts of 70 mph were recorded by the weather service.", True),
        # A placeholder where the source would be is none (it was a "cited source").
        ("Spending on parks rose 12 percent, according to [CITATION NEEDED].", False),
        ('"We will invest $2 million," said [Mayor\'s name].', False),
        ('"We will invest $2 million," said Mayor Tom Hale.', True),
        # The quotation's last words before the verb are nobody: the speaker follows the verb
        # ("…it was,” said lead author…" read "it was" as a passive with no one named).
        ('"It was widespread in 80% of rivers," said lead author Dr. Hannah Cho.', True),
        ('"We were surprised by how widespread it was," said Maria Lopez.', True),
        ('"Rents were up 8 percent," said some experts.', False),
        # Naming it in someone's words is saying it ("Moreno called it “the most significant…”" was
        # an unsourced superlative); not naming without a quotation, nor calling the police.
        ('Speaking in Salem, Moreno called it "the most significant investment in our history."', True),
        ('The mayor described the plan as "the largest in the state."', True),
        ('Critics called it "the worst budget in decades."', False),
        ("The mayor described the plan as the largest in the state.", False),
        ("Moreno called the police at 9 p.m. on March 3.", False),
        # The plain present of a verb of telling ("estimate", "predict") tells too.
        ("Officials estimate the new system will save the city $1.1 million a year.", True),
        ("The estimate of $4 billion was too low.", False),
        # Nor a clause's "half of" before a comma: the speaker follows it.
        ("The robot will ship in the second half of 2027, Acme Robotics said.", True),
        # A quotation's "quarter of" is no share of a group speaking (it was "no source").
        ('"We delivered another quarter of record growth," Chief Executive Maria Chen said.', True),
    ],
)
def test_who_says_it_as_news_writes_it(sentence, attributed):
    assert sentence_signals(sentence).attributed is attributed


def test_a_survey_with_no_name_sources_nothing():
    """ "According to a recent survey" read as an attribution; it names no one to check."""
    text = f"{BODY}According to a recent survey, 74% of workers say they would prefer to stay home.\n"
    (figure,) = findings_of(text, "claim")
    assert (figure.rule, figure.severity) == ("claim.figure", "warning")
    assert [f.text for f in findings_of(text, "hedge") if f.rule == "hedge.weasel"] == [
        "According to a recent survey"
    ]


@pytest.mark.parametrize(
    ("sentence", "acting"),
    [
        ("Spend the morning at the Gulbenkian Museum, then watch the sunset from the Miradouro.", False),
        ("Visit the Pena Palace in Sintra before the crowds arrive.", False),
        # A verb opening its sentence in another form tells what someone did.
        ("Launched in 2019 by Acme, the app now has 2 million users.", True),
        ("The Gulbenkian Museum will spend $2 million on a new wing.", True),
    ],
)
def test_a_sentence_telling_the_reader_what_to_do_names_no_party_acting(sentence, acting):
    """A travel piece's "Spend the morning at the Gulbenkian Museum…" was a blocking "named party
    doing something, with no source"."""
    assert ("acting" in sentence_signals(sentence).cues) is acting


def test_a_pronouns_contraction_is_no_name():
    """ "A: It's a start." read "It's", after the answer's label, as a named party."""
    assert "name" not in sentence_signals("A: It's a start.").cues
    assert "name" not in sentence_signals("Q: That's a lot of new hires for one year.").cues


def test_figures_that_go_on_from_a_sourced_sentence_share_its_source():
    """ "A third candidate, Sam Ortiz, had 2.6%." after "…, according to unofficial results from the
    county elections office." was an unsourced figure: the source goes on, as reporters write it."""
    lead = "Lopez had 52.3% of the vote, according to unofficial results from the county elections office."
    found = findings_of(
        f"{BODY}{lead} A third candidate, Sam Ortiz, had 2.6%. Write-ins had 0.1%.\n", "claim"
    )
    assert [(f.severity, f.text.split()[0]) for f in found] == [
        ("suggestion", "Lopez"),
        ("suggestion", "A"),
        ("suggestion", "Write-ins"),
    ]
    assert "the sentence before" in found[1].message
    # Not a forecast or an event of its own.
    forecast = findings_of(f"{BODY}{lead} Hill is expected to win 40% next time.\n", "claim")
    assert [(f.rule, f.severity) for f in forecast][1:] == [("claim.figure", "warning")]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Most particles were fibers smaller than a human hair.", "comparison"),
        ("The highest counts were in homes with old pipes.", "superlative"),
    ],
)
def test_the_same_figures_compared_or_ranked_go_on_in_their_paragraph(sentence, kind):
    """ "Most particles were fibers smaller than a human hair." after "…, the study found." was an
    unsourced comparison; in the next paragraph it still is (only figures go on across)."""
    above = "The average sample held 5.4 particles per liter, the study found."
    found = findings_of(f"{BODY}{above} {sentence}\n", "claim")
    assert [(f.rule, f.severity) for f in found][1:] == [(f"claim.{kind}", "suggestion")]
    apart = findings_of(f"{BODY}{above}\n{sentence}\n", "claim")
    assert [(f.rule, f.severity) for f in apart][1:] == [(f"claim.{kind}", "warning")]


@pytest.mark.parametrize(
    "above",
    [
        "Lopez had 52.3% of the vote, according to unofficial results from the county elections office.",
        "The average rate on a 30-year loan fell to 6.2% this week, Freddie Mac said.",
        "Acme Foods said Tuesday that its profit fell 18% as shoppers traded down.",
        "The fire has burned 3,200 acres, the forestry department said in its afternoon update.",
    ],
)
def test_a_paragraph_that_opens_with_figures_goes_on_from_the_sourced_figures_above(above):
    """ "A year ago, the rate averaged 6.8%." under "…fell to 6.2% this week, Freddie Mac said." was
    an unsourced figure: reporters give a run of figures their source once."""
    found = findings_of(
        f"{BODY}{above}\nThe rate was 38%, up from 31% in 2022. It was 29% in 2018.\n", "claim"
    )
    # At one remove, it sources no more: what follows it in its paragraph is the draft's own.
    assert [f.severity for f in found] == ["suggestion", "suggestion", "warning"]
    assert "the paragraph above" in found[1].message


@pytest.mark.parametrize(
    ("below", "severities", "where"),
    [
        # figures compared go on across the break; a remark on them passes their source on
        ("Rents are now 3.4 percent lower than a year ago.", ["suggestion"], "the paragraph above"),
        (
            "It was the third monthly decline in a row. Rents are now 3.4 percent lower than a year ago.",
            ["suggestion"],
            "the paragraph above",
        ),
        # a claim of its own between them ends the run (at one remove, it sources no more)
        (
            "Landlords have cut prices. Rents are now 3.4 percent lower than a year ago.",
            ["warning"],
            None,
        ),
    ],
)
def test_figures_compared_and_a_remark_between_go_on_from_the_sourced_figures_above(below, severities, where):
    """A rent report's "It was the third monthly decline in a row. Rents are now 3.4 percent lower
    than a year ago." under "…, according to a report by Apartment List." was an unsourced figure."""
    above = (
        "Rents fell 1.2 percent in November, to a median of $1,640, according to a report by Apartment List."
    )
    found = [f for f in findings_of(f"{BODY}{above}\n{below}\n", "claim") if f.rule != "claim.learned"]
    assert [f.severity for f in found][1:] == severities
    if where:
        assert where in found[-1].message
    run = findings_of(f"{BODY}{above} {below}\n", "claim")  # in one paragraph
    if len(below.split(". ")) == 2 and severities == ["suggestion"]:
        assert "a sentence before, whose figures these go on from" in run[-1].message


def test_a_lead_has_its_source_in_the_figures_under_it():
    """A lead that sums up figures ("…elected mayor…by more than 20 percentage points") was an
    unsourced figure when the paragraph under it opened with them and their source."""
    lead = (
        "Elena Garcia was elected mayor on Tuesday, defeating Robert Hayes by more than 20 percentage points."
    )
    below = "Garcia had 58% of the vote to 36%, according to unofficial results from the elections office."
    found = findings_of(f"Garcia wins\nBy Ann Lee\n{lead}\n{below}\n", "claim")
    assert [f.severity for f in found] == ["suggestion", "suggestion"]
    assert "the first sentence of the next paragraph" in found[0].message
    later = findings_of(f"Garcia wins\nBy Ann Lee\n{below}\n{lead}\n{below}\n", "claim")
    assert [f.severity for f in later] == ["suggestion", "warning", "suggestion"]


@pytest.mark.parametrize(
    ("above", "below"),
    [
        ("“We lost 40 percent of our customers,” Smith said.", "Sales fell 12% last year."),  # Smith's words
        ("Rents rose 5%, experts said.", "Sales fell 12% last year."),  # no one to ask
        ("Rents rose 5%, Acme said.", "Acme Foods cut 40 jobs in May."),  # an event of its own
        ("Rents rose 5%, Acme said. The council met on Monday.", "Sales fell 12% last year."),
        ("The council met on Monday, the mayor said.", "Sales fell 12% last year."),  # no figures above
    ],
)
def test_a_paragraphs_figures_have_no_source_from_above_but_sourced_figures(above, below):
    found = findings_of(f"{BODY}{above}\n{below}\n", "claim")
    assert found[-1].text == below and found[-1].severity == "warning"


@pytest.mark.parametrize("sentence", ["Verdict: 4 out of 5 stars.", "We give it 3.5 stars out of 5."])
def test_a_critics_rating_is_no_figure_nor_check_worthy(sentence):
    """A rating was an unsourced figure (and then a learned check-worthy statement): the critic's."""
    signals = sentence_signals(sentence)
    assert signals is not None and "figure" not in signals.kinds and "rating" in signals.cues
    assert [f.rule for f in findings_of(BODY + sentence, "claim")] == []


def test_a_count_out_of_a_total_is_still_a_figure():
    signals = sentence_signals("4 out of 5 residents rent their homes.")
    assert signals is not None and "figure" in signals.kinds and "rating" not in signals.cues


@pytest.mark.parametrize(
    "sentence",
    ["The battery lasted two days in my testing.", "In our tests, the phone charged to 50% in 22 minutes."],
)
def test_a_reviewers_own_tests_are_a_source(sentence):
    signals = sentence_signals(sentence)
    assert signals is not None and "figure" in signals.kinds and signals.attributed


def test_the_writers_own_account_names_its_source():
    """Outside quotation marks "I" is the writer: "I have ridden the Route 9 bus for eleven years."
    was an unsourced figure in a column; the finding now says whom to ask."""
    found = findings_of(f"{BODY}I have ridden the Route 9 bus to work for 11 years.\n", "claim")
    assert [(f.severity, "the writer" in f.message) for f in found] == [("suggestion", True)]
    quoted = findings_of(f'{BODY}"I have ridden the bus for 11 years," a rider wrote.\n', "claim")
    assert not any("the writer" in f.message for f in quoted)
    for critic in (
        "On my two visits, the octopus cost $18.",
        "During my stay, the pool was shut for 3 days.",
    ):
        found = findings_of(f"{BODY}{critic}\n", "claim")
        assert [(f.severity, "the writer" in f.message) for f in found] == [("suggestion", True)], critic
    other = findings_of(f"{BODY}Ice has covered the road for 11 days.\n", "claim")
    assert [f.severity for f in other] == ["warning"]


@pytest.mark.parametrize(
    ("sentence", "writer"),
    [
        ("On two visits, I found the service warm, if occasionally slow.", True),
        ("This is the chicken I make when I have 30 minutes.", True),
        ('"I will cut taxes by 10 percent," Lopez said of the 2027 budget.', False),  # Lopez's "I"
        ("World War I ended in 1918, after four years of fighting.", False),  # a numeral
    ],
)
def test_the_writers_i_later_in_the_sentence_is_the_writers_account(sentence, writer):
    """ "On two visits, I found…" in a review was an unsourced figure: only a sentence opening with
    "I" was the writer's."""
    found = findings_of(f"{BODY}{sentence}\n", "claim")
    assert [("the writer" in f.message) for f in found] == [writer]


@pytest.mark.parametrize(
    ("sentence", "writer"),
    [
        ("We waited 25 minutes for our table on a Friday night.", True),
        ("We counted 212 empty storefronts along Main Street.", True),
        ("We've tested dozens of coffee makers to find the best one.", True),
        ("We have counted 212 empty storefronts along Main Street.", True),
        # What a government did, told by its politician, is a claim for the government.
        ("We cut the budget by 40 percent.", False),
        ("We spent 2 billion dollars on schools.", False),
        ("We've spent 2 billion dollars on schools.", False),
    ],
)
def test_what_we_saw_or_did_to_report_is_the_writers_account(sentence, writer):
    """A restaurant review's "We waited 25 minutes for our table" was an unsourced figure."""
    found = findings_of(f"{BODY}{sentence}\n", "claim")
    expected = ("suggestion", True) if writer else ("warning", False)
    assert [(f.severity, "the writer" in f.message) for f in found] == [expected]


@pytest.mark.parametrize(
    ("sentence", "rules"),
    [
        ("Take the tram to Foz, where the Douro meets the Atlantic.", []),
        ("Walk along the Ribeira, where the Douro meets the old town and the Dom Luis I bridge.", []),
        # What someone did there is still an event; so is an order that is no tip.
        ("Visit the Pena Palace, which King Ferdinand II built in the 1840s.", ["claim.event"]),
        ("Order was restored after Smith met Jones.", ["claim.event"]),
        ("Apple sued Samsung in California.", ["claim.event"]),
    ],
)
def test_a_tip_for_the_reader_that_tells_how_a_place_is_is_no_event(sentence, rules):
    """A travel guide's "Take the tram to Foz, where the Douro meets the Atlantic." was a named
    party acting with no source."""
    assert [f.rule for f in findings_of(f"{BODY}{sentence}\n", "claim")] == rules


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("A tree fell on a house on Oak Street.", ["Oak"]),
        ("Oak Street was closed after a water main broke.", ["Oak"]),
        ("Crews repaired Mill Rd. and Summit Drive.", ["Mill", "Summit"]),
        # Not a way's name: a street word alone, or after no name.
        ("The Street Fair drew Ana Ruiz.", ["Street", "Fair", "Ana", "Ruiz"]),
    ],
)
def test_a_ways_name_is_one_place_not_two_names(sentence, names):
    """A live blog's "A tree fell on a house on Oak Street." was an event warning: "Oak" and
    "Street" counted as two named parties."""
    signals = sentence_signals(sentence)
    assert signals is not None and signals.names == names


def test_a_tree_falling_on_a_named_street_is_no_claim():
    assert findings_of(f"{BODY}A tree fell on a house on Oak Street.\n", "claim") == []


def test_a_cited_headlines_capitals_name_no_one():
    """ "Your story “Council Approves Bus Plan” left out…" in a letter was a named party acting."""
    signals = sentence_signals('Your story "Council Approves Bus Plan" left out the people it will hurt.')
    assert signals is not None and "name" not in signals.cues and signals.kinds == ()
    named = sentence_signals('Mayor Lopez called the plan "A Bold Step Forward" at a rally on Tuesday.')
    assert named is not None and "name" in named.cues


def test_tokens_outside_links_are_those_a_test_of_each_keeps():
    from reviewapp.core.analyzers.claim import _outside
    from reviewapp.core.analyzers.context import ParagraphContext
    from reviewapp.core.text import url_spans

    text = "See https://a.example/2031/x and www.b.example/9 then 40 more at http://c.example"
    tokens = ParagraphContext(text, "body").tokens
    spans = url_spans(text)
    assert len(spans) == 3
    naive = [t for t in tokens if not any(s <= t[0] < e for s, e in spans)]
    assert _outside(tokens, spans) == naive
    assert [t[3] for t in naive] == ["See", "and", "then", "40", "more", "at"]
    assert _outside(tokens, []) == tokens


def test_a_source_under_a_list_is_each_items_source():
    """ "The figures come from the measure's expenditure plan." under a list sourced its last item
    only; the items above were each an unsourced figure."""
    items = [
        "- About $2.4 billion for new light rail lines",
        "- $600 million for bus service",
        "1. $150 million for bike lanes",
    ]
    text = (
        BODY
        + "Where the money goes:\n"
        + "\n".join(items)
        + "\nThe figures come from the expenditure plan.\n"
    )
    found = [f for f in findings_of(text, "claim") if f.text in items]
    assert [(f.text, f.severity) for f in found] == [(item, "suggestion") for item in items]
    assert all("Its source: the line under the list" in f.message for f in found)
    # Without the line under it, each is unsourced.
    alone = BODY + "Where the money goes:\n" + "\n".join(items) + "\nThe council meets in May.\n"
    assert {f.severity for f in findings_of(alone, "claim") if f.text in items} == {"warning"}


def test_days_of_the_week_in_the_plural_name_no_one():
    """ "The budget would close every branch on Sundays and Mondays." was a named party doing
    something ("Sundays", "Mondays" read as names)."""
    signals = sentence_signals("The proposed budget would close every branch on Sundays and Mondays.")
    assert "name" not in signals.cues and "event" not in signals.kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "Traders will be watching Friday's jobs report for more clues about the economy.",
        "Shoppers lined up early for the store’s reopening on Saturday’s holiday sale.",
        "The council will vote on it at January's meeting.",
    ],
)
def test_a_weekday_or_a_month_as_a_possessive_names_no_one(sentence):
    """ "Traders will be watching Friday's jobs report…" was a named party's event and a
    prediction, a warning: "Friday's" read as a name."""
    signals = sentence_signals(sentence)
    assert not signals.names and "event" not in signals.kinds


def test_a_trend_in_figures_that_goes_on_from_sourced_figures_has_their_source():
    """ "The Department of Health reported 4,812 cases … Hospitalizations rose to 386 from 201." was
    an unsourced figure: its figures go on from the sourced ones before it."""
    reported = "The Department of Health reported 4,812 cases this week."
    text = f"{BODY}{reported} Hospitalizations rose to 386 from 201.\n"
    (rose,) = [f for f in findings_of(text, "claim") if f.text.startswith("Hospitalizations")]
    assert rose.severity == "suggestion" and "Its source: the sentence before" in rose.message


@pytest.mark.parametrize(
    ("after", "sourced"),
    [
        ("Wind gusts up to 40 mph could cause blowing snow on Interstate 84.", True),
        ("Higher elevations could see more than a foot.", True),
        ("Gusts reached 40 mph on Interstate 84 last winter.", False),  # no modal: the writer's
        ("The Harlow County Fair could draw 40,000 visitors.", False),  # something named: its own
    ],
)
def test_a_forecast_that_goes_on_from_someones_has_their_source(after, sourced):
    """ "Travel will be difficult to impossible at times, forecasters warned. Wind gusts up to 40
    mph could cause blowing snow…" was an unsourced figure: the forecast goes on."""
    text = f"{BODY}Travel will be difficult to impossible at times, forecasters warned. {after}\n"
    found = [f for f in findings_of(text, "claim") if f.text == after]
    if sourced:
        assert [f.severity for f in found] == ["suggestion"]
        assert "Its source: the sentence before, whose forecast" in found[0].message
    else:
        assert [f.severity for f in found] == ["warning"]


@pytest.mark.parametrize(
    ("above", "below", "severity"),
    [
        ("Forecasters said travel over the pass could be very difficult.",
         "The storm is expected to arrive late Wednesday afternoon.", "suggestion"),
        ("The mayor said the vote would come in May.", "The council is expected to approve it in June.",
         "suggestion"),
        # figures of its own across a paragraph break: a source of their own
        ("The mayor said the vote would come in May.", "The plan will cost $4 million.", "warning"),
        ("Forecasters said travel could be difficult. Roads were icy.",  # not what the paragraph ends with
         "The storm is expected to arrive late Wednesday afternoon.", "warning"),
    ],
)  # fmt: skip
def test_a_paragraph_may_open_by_going_on_with_the_forecast_that_ends_the_one_above(above, below, severity):
    """ "The storm is expected to arrive late Wednesday afternoon." under "…Forecasters said travel
    over Snoqualmie Pass could be very difficult." was an unsourced prediction."""
    found = [f for f in findings_of(f"{BODY}{above}\n{below}\n", "claim") if f.text == below]
    assert [f.severity for f in found] == [severity]
    if severity == "suggestion":
        assert "the end of the paragraph above, whose forecast" in found[0].message


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        ("She found that the number of hot days has roughly tripled since 1980.", True),
        ("They concluded that the number of hot days has roughly tripled since 1980.", True),
        ("The study also suggests that nighttime lows rose 3 degrees.", True),
        ("A new study found that rents rose 12 percent.", False),  # no one a reader can ask
        ("Researchers found that 30 percent walked daily.", False),
        ("Police found the car 3 miles away.", False),  # found a thing, told nothing
    ],
)
def test_a_finding_told_as_someones_is_attributed(sentence, attributed):
    """ "They found that the number of days above 110 degrees…has roughly tripled", after the
    researchers were named, was an unsourced figure; "found" was no verb of telling."""
    signals = sentence_signals(sentence)
    assert signals is not None and signals.attributed is attributed


def test_a_passive_speech_verb_after_an_adverb_names_no_one():
    """ "Livraria Lello, the bookshop that is often said to have inspired…" was a reported statement
    with a source: "often" stood between "is" and "said", so the passive went unseen."""
    signals = sentence_signals("The bookshop that is often said to have inspired the books draws long lines.")
    assert signals is not None and not signals.attributed
    named = sentence_signals("The plan was also announced by Mayor Lopez in 2020.")
    assert named is not None and named.attributed


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote was 70-29.",
        "The board voted 5-2 on Tuesday to approve the plan.",
        "The bill passed the Senate 70-29.",
    ],
)
def test_a_vote_or_a_games_result_has_the_public_record_for_its_source(sentence):
    """ "The vote was 70-29." was an unsourced figure, a warning in every meeting story: the vote's
    record is its source, and the editor confirms it there."""
    [found] = findings_of(f"{BODY}{sentence}\n", "claim")
    assert found.severity == "suggestion" and "public record" in found.message


def test_a_result_beside_other_figures_still_needs_their_source():
    found = findings_of(f"{BODY}The board voted 5-2 to cut 40 jobs.\n", "claim")
    assert [f.severity for f in found] == ["warning"]


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        ("The mayor's office did not respond to requests for comment on Thursday.", 0),
        ("A spokesperson for Johnson did not immediately respond to a request for comment.", 0),
        ("The company, which laid off 400 workers in March, declined to comment.", 1),
    ],
)
def test_a_note_that_no_one_answered_is_no_claim(sentence, claims):
    """ "The mayor's office did not respond to requests for comment." was a check-worthy statement:
    the trade's note that the reporter asked, not a claim; a figure beside it still is."""
    assert len(findings_of(f"{BODY}{sentence}\n", "claim")) == claims


def test_a_named_speaker_with_any_title_set_off_by_commas_is_a_source():
    """ "Dylan Patel, chief analyst at the research firm SemiAnalysis, said that…" was a statement with
    no source: the appositive, not opening with "a" or "the", left "research firm SemiAnalysis" as
    the speaker, and "research" is a vague one ("research shows")."""
    signals = sentence_signals(
        "Dylan Patel, chief analyst at the research firm SemiAnalysis, said that newcomers struggle."
    )
    assert signals is not None and signals.attributed
    vague = sentence_signals("In March, some experts said the dam was unsafe.")
    assert vague is not None and not vague.attributed  # "In March" is no name


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        # A telephone number with its area code runs into the words after it ("555-0100 to").
        ("Call (614) 555-0100 to register.", None),
        ("Residents can report outages at 1-800-555-0100.", None),
        # What a company forecast is its statement, as "forecasts" was.
        ("It had previously forecast growth of 1 to 2 percent.", "suggestion"),
        ("The forecast calls for 3 inches of rain.", "warning"),
        # Economists and scientists unnamed are no source, like experts.
        ("Economists forecast growth of 2 percent.", "warning"),
        ("Economists at Goldman Sachs forecast growth of 2 percent.", "suggestion"),
        # A demand is no claim, its figures included.
        ("We need buses that come every 15 minutes.", None),
        ("We needed three more weeks to finish the count of 4,000 ballots.", "warning"),
    ],
)
def test_found_in_an_earnings_story_a_storm_report_and_a_column(sentence, severity):
    found = [f for f in findings_of(f"{BODY}{sentence}\n", "claim") if f.rule != "claim.learned"]
    assert [f.severity for f in found] == ([severity] if severity else [])


@pytest.mark.parametrize(
    "sentence",
    [
        "The Tigers trailed 21-14 with six minutes left before Price found Eli Moore for a 35-yard score.",
        "The Hawks fell to 5-3.",
        "The Tigers (7-1) host Central next Friday with a chance to clinch the conference title.",
        "Westfield's Andre Lewis ran for 142 yards and two touchdowns.",
        "After a Westfield punt, Price hit tight end Sam Okafor from 12 yards out with 48 seconds remaining.",
        "The Tigers beat Oakdale 3 to 2.",
        # a basketball recap's margins, records and shooting
        "Jaylen Carter scored 24 points as Eastfield rallied from a 10-point halftime deficit to beat "
        "Millbrook 68-61.",
        "Eastfield (6-2, 3-1 Valley League) outscored the Panthers 21-9 to take a 47-45 lead.",
        "The Panthers shot 38% from the field and committed 17 turnovers.",
        # a football match's saves, clock and table
        "City goalkeeper Tomas Novak made six saves, including a diving stop on Diaz.",
        "City equalized five minutes after halftime when Grant's shot deflected off a defender.",
        "City moved up to sixth place with 24 points from 15 games.",
        # a season's and a stretch's
        "Quarterback Ben Price has thrown for 1,480 yards this season.",
        "The Tigers (6-1) have scored at least 35 points in each of their last four games.",
        "The Eagles (11-3) have won six of their last seven games.",
        "Running back Saquon Barkley leads the league with 1,702 rushing yards.",
        # a vote named after what it decided, far from "approved"
        "The council approved the new zoning rules for the downtown district on Tuesday on a 6-1 vote.",
    ],
)
def test_a_games_score_record_and_box_score_have_the_game_for_their_source(sentence):
    """A game story's every figure was an unsourced-figure warning; the game's record holds them."""
    found = findings_of(f"{BODY}{sentence}\n", "claim")
    assert [(f.severity, "public record" in f.message) for f in found] == [("suggestion", True)]


@pytest.mark.parametrize(
    ("sentence", "sourced"),
    [
        ("He is scheduled to appear in court Dec. 9.", True),
        ("Sentencing is set for Jan. 14.", True),
        ("Acme is scheduled to report earnings Dec. 9.", False),  # no court's: a company's plan
        ("Reed is scheduled to appear in court Dec. 9, where he faces 20 years in prison.", False),
    ],
)
def test_a_courts_schedule_has_its_docket_for_its_source(sentence, sourced):
    """ "He is scheduled to appear in court Dec. 9." was an unsourced prediction: the court's
    docket holds the date; a figure beside it still needs its own source."""
    found = findings_of(f"{BODY}{sentence}\n", "claim")
    if not sourced:
        assert [f.severity for f in found] == ["warning"]
        return
    assert "warning" not in [f.severity for f in found]
    ruled = [f for f in found if f.rule != "claim.learned"]  # a learned one says what it read
    assert all("the court's docket" in f.message for f in ruled)


@pytest.mark.parametrize(
    ("sentence", "sourced"),
    [
        (
            "A Franklin County jury on Monday found former county treasurer Dale Whitcomb guilty of "
            "embezzling more than $1.2 million from a fund meant for road repairs.",
            True,
        ),
        (
            "The jury deliberated for about six hours before returning guilty verdicts on 14 of the "
            "16 counts.",
            True,
        ),
        ("It acquitted him on two counts of forgery.", True),
        ("Whitcomb was convicted on 14 counts of theft in 2019.", True),
        ("A federal judge on Tuesday blocked the rule, which would have cut 40,000 jobs.", True),
        ("Moss is being held in the county jail on $25,000 bond.", True),  # the bail the court set
        # the counts a charge names (a crime brief's "He faces 14 counts of burglary…" was unsourced)
        ("He faces 14 counts of burglary and two counts of possession of stolen property.", True),
        ("She was charged with two counts of fraud.", True),
        ("He faces up to 20 years in prison.", False),  # the penalty: a figure often misstated
        ("Police found the stolen car 20 miles away on Monday.", False),  # no court's finding
        ("The jury awarded the largest verdict in the state's history.", False),  # a record
    ],
)
def test_a_courts_decision_has_the_courts_record_for_its_source(sentence, sourced):
    """A court story's verdict ("found … guilty of embezzling more than $1.2 million", "returning
    guilty verdicts on 14 of the 16 counts", "acquitted him on two counts") was an unsourced-figure
    warning: the court's record of the case holds its counts, sums and dates."""
    found = findings_of(f"{BODY}{sentence}\n", "claim")
    if not sourced:
        assert "warning" in [f.severity for f in found]
        return
    assert found and "warning" not in [f.severity for f in found]
    ruled = [f for f in found if f.rule != "claim.learned"]  # a learned one says what it read
    assert ruled and all("the court's record of the case" in f.message for f in ruled)


@pytest.mark.parametrize(
    ("paragraph", "sourced"),
    [
        ("The S&P 500 fell 0.6% to 5,912.40.", True),
        (
            "The Dow Jones Industrial Average lost 210 points, or 0.5%, and the Nasdaq composite slid 0.9%.",
            True,
        ),
        ("The yield on the 10-year Treasury rose to 4.41% from 4.36% late Monday.", True),
        ("Brent crude, the international benchmark, rose 3.1% to $84.20 a barrel.", True),
        ("Shares of Acme rose 4% in early trading on Tuesday.", True),
        # a company's name alone: its share price where the paragraph is about shares
        ("Technology shares led the decline. Nvidia fell 2.8% and Apple dropped 1.2%.", True),
        ("Energy stocks gained. Exxon Mobil rose 2.4%, and Chevron added 1.9%.", True),
        ("Turnout was high. Riverside rose 2.4% and Oakdale fell 1.2%.", False),  # no shares
        ("Acme's sales rose 4% in the quarter.", False),  # the company's own figures
        ("Stocks could fall 10% next year.", False),  # a forecast
    ],
)
def test_a_trading_days_prices_have_the_markets_record_for_their_source(paragraph, sourced):
    """A market report's every figure was an unsourced-figure warning ("The S&P 500 fell 0.6% to
    5,912.40."): the market's public record of the day holds its closes, moves and yields."""
    found = findings_of(f"{BODY}{paragraph}\n", "claim")
    last_sentence = len(BODY) + (paragraph.rfind(". ") + 2 if ". " in paragraph else 0)
    last = [f for f in found if f.start >= last_sentence]
    if not sourced:
        assert "warning" in [f.severity for f in last]
        return
    assert last and "warning" not in [f.severity for f in last]
    ruled = [f for f in last if f.rule != "claim.learned"]
    assert ruled and all("the market's public record" in f.message for f in ruled)
    # No source is cited: the editor looks the prices up (not "Check the cited source…").
    assert all(f.suggestion.startswith("Look it up in that record") for f in ruled)


def test_a_stock_indexs_number_is_its_name():
    """ "the S&P 500" counts nothing: "Energy stocks were the only sector in the S&P 500 to gain."
    read "500" as a figure."""
    assert "figure" not in sentence_signals("Energy stocks were the only sector in the S&P 500 to gain.").cues
    assert "figure" not in sentence_signals("The FTSE 100 closed at its high.").cues


def test_a_logs_entries_have_the_record_its_introduction_names_for_their_source():
    """A police log's every entry was an unsourced-figure or event warning: the introduction above
    them names the record they come from."""
    entries = [
        "Nov. 24: A bicycle valued at $1,200 was reported stolen from a garage on Elm Street.",
        "Nov. 27: A 34-year-old Riverside man was arrested on a charge of driving under the influence.",
    ]
    intro = "The following incidents were reported to Riverside police between Nov. 24 and Nov. 30.\n"
    found = findings_of(BODY + intro + "\n".join(entries) + "\n", "claim")
    logged = [f for f in found if f.text in entries]
    assert len(logged) == 2 and {f.severity for f in found} == {"suggestion"}
    assert all("its log's introduction names" in f.message for f in logged if f.rule != "claim.learned")
    alone = findings_of(BODY + "\n".join(entries) + "\n", "claim")  # no introduction: the writer's
    assert "warning" in {f.severity for f in alone}


@pytest.mark.parametrize(
    ("sentence", "comparison"),
    [
        ("He embezzled more than $1.2 million.", False),
        ("More than 300 people attended the hearing on Tuesday.", False),
        ("Fewer than a third of the voters turned out.", False),
        ("More than half of Americans lack savings.", True),  # no figure pattern reads "half"
        ("The plan costs more than the council expected.", True),
        ("Prices are higher than 5% above last year's.", True),
        # how often: a crime brief's "…broken into more than once" was an unsourced comparison
        ("Several said their cars had been broken into more than once.", False),
        ("The shares are worth more than twice what he paid.", True),
    ],
)
def test_more_than_a_number_is_the_figures_bound_not_a_comparison(sentence, comparison):
    """ "more than $1.2 million" read as a comparison, a kind no record or continuation covers: it
    bounds the figure, with nothing else it is compared to."""
    assert ("comparison" in sentence_signals(sentence).kinds) is comparison


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The Pixel 11 does not try to do everything.", False),  # its name's number
        ("Windows 11 is slower on old laptops.", False),
        ("District 4 has 12 schools.", True),  # the count is a figure, the district's number not
        ("The Dow fell 300 points.", True),  # no player's points
    ],
)
def test_a_products_number_before_a_verb_is_its_name(sentence, figure):
    signals = sentence_signals(sentence)
    assert signals is not None and ("figure" in signals.kinds) is figure


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Heat 2 tablespoons of olive oil in a large skillet over medium-high heat.", False),
        ("Season 4 chicken thighs with salt and pepper and cook for 8 minutes, until golden.", False),
        ("Allow 20 minutes for the climb.", False),
        ("Turn left at the church and walk 200 meters.", False),
        # An instruction that tells of someone or something done is still a claim.
        ("Visit the museum, which drew 2 million visitors last year.", True),
        ("Heat rose 40 percent in June.", True),  # no instruction: "Heat" with no object
        ("Book ahead: the restaurant seats only 30 people.", True),
        ("Look at the figures: crime fell 20 percent in 2024.", True),
        ("Set in 1920s Paris, the film grossed 40 million dollars.", True),
        # The piece's note on its own numbers.
        ("Figures are rounded to the nearest $10.", False),
        ("Percentages may not add up to 100 because of rounding.", False),
        ("The city rounded up 40 stray dogs.", True),
    ],
)
def test_an_instruction_or_a_note_on_the_numbers_is_the_writers_own_word(sentence, claim):
    """A recipe's steps ("Heat 2 tablespoons of olive oil…") and a data story's "Figures are rounded
    to the nearest $10." were each an unsourced figure."""
    assert bool(findings_of(f"{BODY}{sentence}\n", "claim")) is claim


def test_a_tables_introduction_shares_the_source_under_the_table():
    """ "The steepest increases were on the east side:" above a table with a "Source: …" line under
    it was an unsourced superlative."""
    text = (
        f"{BODY}The steepest increases were on the east side:\n"
        "| Neighborhood | Change |\n|---|---|\n| East Side | +14% |\n| Downtown | +8% |\n"
        "Source: Riverside Herald analysis of 4,200 listings.\n"
    )
    intro = [f for f in findings_of(text, "claim") if f.text.startswith("The steepest")]
    assert [(f.severity, "the source under the table" in f.message) for f in intro] == [("suggestion", True)]
    unsourced = text.replace("Source: Riverside Herald analysis of 4,200 listings.\n", "")
    intro = [f for f in findings_of(unsourced, "claim") if f.text.startswith("The steepest")]
    assert [f.severity for f in intro] == ["warning"]


def test_a_lists_introduction_shares_the_source_under_the_list():
    text = (
        f"{BODY}The largest cuts fall on three services:\n- Buses: $4 million\n- Libraries: $2 million\n"
        "- Parks: $1 million\nThe figures come from the city budget office.\n"
    )
    intro = [f for f in findings_of(text, "claim") if f.text.startswith("The largest")]
    assert [f.severity for f in intro] == ["suggestion"]


def test_a_letter_citing_the_papers_story_names_its_source_and_a_months_short_form_no_one():
    """ "Your Nov. 3 story on the proposed bus cuts left out…" was a named party ("Nov") acting."""
    signals = sentence_signals("Your Nov. 3 story on the proposed bus cuts left out the people hurt most.")
    assert signals is not None and signals.names == [] and signals.attributed
    assert sentence_signals("On Dec. 4 Acme sued Globex.").names == ["Acme", "Globex"]
    assert not sentence_signals("Your plan will cost 40 million dollars.").attributed


def test_the_newsrooms_own_correction_is_sourced_by_its_record():
    """A correction ("An article on Tuesday … misstated the amount of the proposed cut. It is $1.2
    million, not $12 million.") was an unsourced event and an unsourced figure."""
    correction = (
        "An article on Tuesday about the library budget misstated the amount of the proposed cut. "
        "It is $1.2 million, not $12 million."
    )
    found = findings_of(f"{BODY}{correction}\n", "claim")
    assert [(f.text[:5], f.severity, "own correction" in f.message) for f in found] == [
        ("It is", "suggestion", True)
    ]
    other = findings_of(f"{BODY}An article in the Times misstated the deficit by $2 million.\n", "claim")
    assert [f.severity for f in other] == ["warning"]


@pytest.mark.parametrize(
    "sentence",
    [
        "She spoke with the Riverton Ledger about the district's plans.",
        "Park sat down with the Daily Courier.",
    ],
)
def test_the_interview_the_piece_is_with_a_paper_named_so_is_no_event(sentence):
    """ "She spoke with the Riverton Ledger…" was a named party doing something, unsourced: the
    paper's own interview (its names besides "Times", "Post", "Herald"…)."""
    assert [f.severity for f in findings_of(f"{BODY}{sentence}\n", "claim") if f.severity == "warning"] == []


@pytest.mark.parametrize(
    ("sentence", "record"),
    [
        ("Morales received 18,244 votes to Dale's 15,540, with all 62 precincts reporting.", "the vote"),
        ("Chu received 54,210 votes, or 56 percent, to Hale's 42,880, or 44 percent.", "the vote"),
        ("In Ward 3, newcomer Amir Haddad unseated Councilman Joe Brennan by 212 votes.", "the vote"),
        ("Turnout was 41%, up from 33% in the last mayoral election in 2021.", "the vote"),
        (
            "Harbour Rovers came from behind to beat Northgate City 2-1 at Castle Park on Saturday, "
            "moving into sixth place in the Championship with eight games left.",
            "the game",
        ),
        (
            "In other business, the council approved a $2.3 million contract with Acme Paving for "
            "repairs on Fifth Street.",
            "its meeting",
        ),
        ("The school board on Tuesday unanimously approved a $48 million budget.", "its meeting"),
        ("More than 30 people spoke during public comment, most of them against it.", "its meeting"),
        ("Marcus Lee poured in a game-high 28 points and grabbed 11 rebounds.", "the game"),
        ("With the win, the Eagles improve to 7-2 on the season.", "the game"),
        ("Acme's board approved a $2 billion buyback.", None),  # the company's word, not a public record
        ("52% of voters support the plan.", None),  # a poll's share, not a count
        ("The council will vote on the $4 million plan in May.", None),
    ],
)
def test_an_elections_count_and_a_public_bodys_decision_have_their_public_record(sentence, record):
    """An election night's counts ("received 18,244 votes to Dale's 15,540", "by 212 votes", "Turnout
    was 41%"), a match report's lead ("… with eight games left") and a council's decision at its
    meeting ("the council approved a $2.3 million contract") were unsourced-figure warnings: each
    has a public record to look it up in."""
    found = findings_of(f"{BODY}{sentence}\n", "claim")
    if record is None:
        assert "warning" in [f.severity for f in found]
        return
    assert found and "warning" not in [f.severity for f in found]
    ruled = [f for f in found if f.rule != "claim.learned"]
    assert ruled and all(record in f.message and "Look it up in that record" in f.suggestion for f in ruled)


@pytest.mark.parametrize(
    ("sentence", "sourced"),
    [
        ("The study was funded by the National Institutes of Health.", True),
        ("The survey was conducted Nov. 1-5 among 1,004 adults.", True),
        ("The poll has a margin of error of plus or minus 4 percentage points.", True),
        ("The stadium was funded by the National Football League in 2019.", False),  # no study's making
    ],
)
def test_how_a_cited_study_was_made_has_the_study_for_its_source(sentence, sourced):
    """A science story's "The study was funded by the National Institutes of Health." was an
    unsourced event, a poll's method an unsourced figure: the study or poll says so itself."""
    found = findings_of(f"{BODY}{sentence}\n", "claim")
    if not sourced:
        assert "warning" in [f.severity for f in found]
        return
    ruled = [f for f in found if f.rule != "claim.learned"]
    assert ruled and all(
        f.severity == "suggestion" and "the study, poll or report itself" in f.message for f in ruled
    )


@pytest.mark.parametrize(
    ("sentence", "superlative"),
    [
        ("It is arguably the most beautiful public building in the city.", False),  # taste
        ("This is the most delicious soup in town.", False),
        ("It is the most expensive building in the city.", True),  # a measure, ranked
        # a review's verdict on a film's parts
        ("The script, co-written by the director and a novelist, is the weakest link.", False),
        ("The chase is the funniest scene of the summer.", False),
        ("It was the strongest earthquake in the region since 1906.", True),
    ],
)
def test_a_superlative_of_taste_is_no_claim_to_source(sentence, superlative):
    """A library story's "It is arguably the most beautiful public building in the city." was an
    unsourced-superlative warning: no record ranks beauty (the hedge says whose judgment it is)."""
    rules = [f.rule for f in findings_of(f"{BODY}{sentence}\n", "claim")]
    assert bool({"claim.superlative", "claim.ranking"} & set(rules)) is superlative


@pytest.mark.parametrize(
    ("sentence", "sourced"),
    [
        ("The budget will be put to a vote of the full council on 26 February.", True),
        ("The council is expected to take up the measure again on Dec. 15.", True),
        ("The school board is scheduled to vote on the contract Tuesday.", True),
        ("The council will vote on the $4 million plan in May.", False),  # a figure of its own
        ("The mayor will veto the plan on Friday.", False),  # someone's forecast, no agenda
    ],
)
def test_a_public_bodys_schedule_has_its_agenda_for_its_source(sentence, sourced):
    """ "The budget will be put to a vote of the full council on 26 February." was an unsourced
    dated claim: the council's agenda, which is public, holds the date."""
    found = findings_of(f"{BODY}{sentence}\n", "claim")
    if not sourced:
        assert "warning" in [f.severity for f in found]
        return
    ruled = [f for f in found if f.rule != "claim.learned"]
    assert ruled and all(f.severity == "suggestion" and "agenda" in f.message for f in ruled)


@pytest.mark.parametrize(
    ("sentence", "rules"),
    [
        ("The council should fund these measures in next year's budget.", []),
        ("Cities must act before next summer.", []),
        # With a figure it still claims something to check; and what was owed is no advice.
        ("The city should spend $4 million on cooling centers, twice what it spends now.", ["claim.figure"]),
        ("Acme should have told regulators about the 2023 recall of 40,000 heaters.", ["claim.figure"]),
        # Someone's, said: their statement.
        ("The city must act now, Mayor Ana Ruiz said.", ["claim.statement"]),
    ],
)
def test_a_recommendation_without_a_figure_is_no_claim(sentence, rules):
    """An op-ed's "The council should fund these measures in next year's budget." was a
    check-worthy statement, by its learned score (in the training sentences 8 of 119
    recommendations are): the rules and the score together, as shipped."""
    from .helpers import findings_of as shipped_findings_of

    assert [f.rule for f in shipped_findings_of(f"{BODY}{sentence}\n", "claim")] == rules


@pytest.mark.parametrize(
    ("sentence", "reported"),
    [
        ("When Denver added frequent routes, ridership grew.", False),  # a thing done
        ("The company added 200 jobs last year.", False),
        ("The mayor, Ana Ruiz, added the plan would cost $4 million.", True),  # speech, no "that"
        ("The mayor, Ana Ruiz, added later that the plan was sound.", True),
        ("The mayor, Ana Ruiz, added in a statement that the plan was sound.", True),
    ],
)
def test_added_tells_of_speech_only_without_an_object(sentence, reported):
    """ "When Denver added frequent routes, ridership grew." was a named party's statement."""
    signals = sentence_signals(sentence)
    assert signals is not None and ("reported" in signals.cues) is reported


def test_an_instruction_without_a_figure_is_no_claim_for_the_learned_score_either():
    """A how-to's "Go to bed and wake up at the same time every day" was a learned claim: the
    instruction was read as the writer's only when it held a figure."""
    from .helpers import findings_of as shipped_findings_of

    sentence = "Go to bed and wake up at the same time every day, even on weekends."
    signals = sentence_signals(sentence)
    assert signals is not None and "instruction" in signals.cues and signals.kinds == ()
    assert shipped_findings_of(BODY + sentence, "claim") == []


@pytest.mark.parametrize(
    ("sentence", "made_up"),
    [
        ("For example, if inflation is 5%, something that cost $100 last year would cost $105 today.", True),
        ("Suppose you earn $50,000 a year and pay 20% in tax.", True),
        # a promise, a band's name: claims
        ("If elected, she would cut taxes by 5%.", False),
        ("Imagine Dragons sold 2 million tickets last year.", False),
    ],
)
def test_a_worked_example_the_writer_makes_up_is_no_claim(sentence, made_up):
    """An explainer's "For example, if inflation is 5%, something that cost $100 last year would
    cost $105 today." was an unsourced-figure warning: its figures illustrate."""
    from .helpers import findings_of as shipped_findings_of

    found = shipped_findings_of(BODY + sentence, "claim")
    assert (found == []) is made_up


@pytest.mark.parametrize(
    "sentence",
    [
        # a number word in a name within the sentence counts nothing
        "The Seven Sisters cliffs are chalk.",
        # nor is a tip a claim when a connective opens it ("So pack your bags…" was an event warning:
        # three capitalised words, "City of Seven Hills", read as named parties and a figure)
        "So pack your bags and get ready to fall in love with the City of Seven Hills!",
    ],
)
def test_a_name_with_a_number_word_in_a_tip_is_no_claim(sentence):
    signals = sentence_signals(sentence)
    assert signals is not None and signals.kinds == ()


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        (
            "A 2017 review of more than 130 studies by economists John Bradbury, Dennis Coates and "
            "Brad Humphreys found little evidence that stadiums pay.",
            True,
        ),
        ("A review by economists found that 40 percent of stadiums lose money.", False),  # no one named
    ],
)
def test_work_by_people_named_after_by_names_its_source(sentence, attributed):
    """An op-ed's "A 2017 review of more than 130 studies by economists John Bradbury, Dennis Coates
    and Brad Humphreys found…" was an unsourced figure: the names were too many words after "of"."""
    signals = sentence_signals(sentence)
    assert signals is not None and signals.attributed is attributed


@pytest.mark.parametrize(
    ("sentence", "labelled", "unlabelled"),
    [
        ("Director Ana Morales has cut the play hard and set it in a modern state.", "suggestion", "warning"),
        ("It works better than it sounds.", "suggestion", "warning"),
        # a figure is still the critic's to check elsewhere
        ("The production runs just under three hours.", "warning", "warning"),
    ],
)  # fmt: skip
def test_what_a_critic_saw_is_the_writers_view_in_a_labelled_review(sentence, labelled, unlabelled):
    """A theatre review's "Director Ana Morales has cut the play hard…" was a named party acting
    with no source, and "It works better than it sounds." an unsourced comparison."""
    review = findings_of(f"Review: Hamlet at the Rep\nBy Ann Lee\n{sentence}\n", "claim")
    assert [f.severity for f in review if f.rule != "claim.learned"] == [labelled]
    if labelled == "suggestion":
        assert "the critic, in a piece labelled as a review" in review[0].message
    news = findings_of(f"Hamlet at the Rep\nBy Ann Lee\n{sentence}\n", "claim")
    assert [f.severity for f in news if f.rule != "claim.learned"] == [unlabelled]
    opinion = findings_of(f"Opinion: Fund the Rep\nBy Ann Lee\n{sentence}\n", "claim")
    assert [f.severity for f in opinion if f.rule != "claim.learned"] == [unlabelled]  # argued, not seen


@pytest.mark.parametrize(
    ("sentence", "record"),
    [
        ("On a gray morning in October, he made the crossing for the last time.", False),  # a farewell
        ("It was the last time the council met in public.", True),
        ("For the first time since 1990, the team won the title.", True),
    ],
)
def test_for_the_last_time_is_a_farewell_not_a_record(sentence, record):
    """A feature's "…he made the crossing for the last time." was an unsourced superlative."""
    signals = sentence_signals(sentence)
    assert signals is not None and ("superlative" in signals.kinds) is record


def test_a_number_word_opening_a_headline_still_counts():
    signals = sentence_signals("Seven Workers Hurt in Blast")
    assert signals is not None and "figure" in signals.kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "Tesla is the world's most valuable carmaker.",
        "Apple is the most valuable company in the world.",
        "It was the largest fire in the state's history.",
    ],
)
def test_a_place_in_a_ranking_stands_whatever_the_score(sentence):
    """ "Tesla is the world's most valuable carmaker." raised nothing: a superlative, but its
    learned score was under the superlative's floor."""
    from .helpers import findings_of as shipped_findings_of

    found = shipped_findings_of(BODY + sentence, "claim")
    assert [(f.rule, f.severity) for f in found] == [("claim.ranking", "warning")]


@pytest.mark.parametrize(
    "sentence",
    ["It is the most beautiful building in the world.", "The team played its best game of the season."],
)
def test_taste_and_a_teams_own_best_are_no_ranking(sentence):
    signals = sentence_signals(sentence)
    assert signals is None or "ranking" not in signals.kinds


@pytest.mark.parametrize(
    "sentence", ["Rated R. 112 minutes.", "Rated PG-13 for violence. Running time: 98 minutes."]
)
def test_a_reviews_listing_line_is_the_critics_to_state(sentence):
    """A film review's closing "Rated R. 112 minutes." was an unsourced-figure warning."""
    signals = sentence_signals(sentence)
    assert signals is None or ("rating" in signals.cues and signals.kinds == ())
    assert findings_of(BODY + sentence, "claim") == []


@pytest.mark.parametrize(
    ("text", "sourced"),
    [
        ("The law, passed last year, would have fined platforms up to $10,000 for each violation.", [True]),
        ("The proposal would raise rates from $1.50 to $2.50 an hour.", [True]),
        ("Under the deal, Acme shareholders will receive $45 a share in cash.", [True]),
        ("The plan removes 48 of the street's 130 parking spots to make room for the lanes.", [True]),
        (
            "Under a proposal presented at the meeting, students at Oak Hill and Riverside elementary "
            "schools would be moved to three nearby schools starting in fall 2026.",
            [True],
        ),
        # "It" goes on with the terms of the sentence before, and only then.
        (
            "The law would have fined platforms up to $10,000 for each violation. It would also have "
            "required parental consent for users under 18 to open an account.",
            [True, True],
        ),
        ("It would also have required parental consent for users under 18 to open an account.", [False]),
        ("Italy's new law would fine platforms up to €10,000 for each violation.", [True]),  # no "It"
        # What it would bring about is someone's estimate; what happened under it, a fact to source.
        ("The bond measure would raise $40 million for new schools.", [False]),
        ("The plan would cost $3 billion over 10 years.", [False]),
        ("Under the law, 20 million people gained insurance.", [False]),
        # how many people it would reach is someone's count, not in the document
        ("The bill would extend coverage to 2 million people.", [False]),
        ("The plan gives an estimated 300,000 families a tax credit of $1,000.", [False]),
        ("The ordinance bans gatherings of more than 1,000 people in city parks.", [True]),
        # a deal's price as the buyer agreed to it (a merger story's "…agreed on Monday to buy
        # Harvest Co. for $2.1 billion" was unsourced); what the deal would save is an estimate
        ("Greenway Foods agreed on Monday to buy Harvest Co. for $2.1 billion in cash.", [True]),
        ("Greenway will pay $48 a share.", [True]),
        ("The merger would save $150 million a year.", [False]),
        # an estimate beside its terms is still an estimate
        (
            "The plan, which is expected to cost approximately $120 million, includes a new public "
            "park and developments that will bring hundreds of new jobs to the area.",
            [False],
        ),
    ],
)
def test_a_documents_terms_have_the_document_for_their_source(text, sourced):
    """An appeals-court story's "The law, passed last year, would have fined platforms up to
    $10,000 for each violation." was an unsourced-figure warning: the law's terms, to look up in
    the law."""
    found = [f for f in findings_of(f"{BODY}{text}\n", "claim") if f.rule != "claim.learned"]
    assert len(found) == len(sourced)
    for finding, is_sourced in zip(found, sourced, strict=True):
        assert (finding.severity == "suggestion" and "whose terms" in finding.message) is is_sourced


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        (
            "Layoffs.fyi, a website that tracks job cuts in the industry, has counted more than "
            "140,000 tech layoffs in 2024.",
            True,
        ),
        ("The Gun Violence Archive has tallied at least 40 mass shootings this year.", True),
        ("Some researchers have counted 40 species in the park.", False),  # no one to ask
        ("The crowd counted down the final seconds of 2024.", False),  # no count
    ],
)
def test_whoever_counted_is_the_counts_source(sentence, attributed):
    """A layoffs story's "Layoffs.fyi, a website that tracks job cuts…, has counted more than
    140,000 tech layoffs in 2024." was an unsourced-figure warning beside its source."""
    signals = sentence_signals(sentence)
    assert signals is not None and signals.attributed is attributed


def test_a_promoters_stock_phrase_compares_nothing():
    """A festival preview's "…this year's lineup promises to be bigger and better than ever." was
    an unsourced-comparison warning; it is a stock phrase (ai_tell), with nothing measured."""
    sentence = "This year's lineup promises to be bigger and better than ever."
    signals = sentence_signals(sentence)
    assert signals is None or "comparison" not in signals.cues
    assert "comparison" in sentence_signals("This year's lineup is bigger than last year's.").cues


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        ("Organizers expect more than 20,000 visitors over the two days.", True),
        ("Forecasters expect 6 inches of snow by Friday.", True),
        ("Economists expect prices to rise 3 percent next year.", False),  # a vague group
        ("Drivers should expect delays of up to 30 minutes.", False),  # advice
        ("Residents have come to expect 40 days of rain a year.", False),  # a habit
    ],
)
def test_those_who_expect_a_figure_are_its_source(sentence, attributed):
    """A festival preview's "Organizers expect more than 20,000 visitors over the two days." was an
    unsourced-figure warning: "expects" named a forecast's source, "expect" did not."""
    signals = sentence_signals(sentence)
    assert signals is not None and signals.attributed is attributed


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        (
            "An index fund is a type of mutual fund or exchange-traded fund (ETF) that tracks a market "
            "index, such as the S&P 500.",
            (),
        ),
        ("A bear market is defined as a fall of 20% from a recent high.", ("figure",)),  # still a figure
        ("Acme is a type of company that Apple sued in 2019.", ("event", "dated")),  # no definition
    ],
)
def test_a_definition_is_no_event(sentence, kinds):
    """An investing guide's "An index fund is a type of mutual fund or exchange-traded fund (ETF)
    that tracks a market index, such as the S&P 500." was an unsourced-event warning (two names
    and "tracks")."""
    signals = sentence_signals(sentence)
    assert signals is not None and signals.kinds == kinds


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        (
            "The share of homes bought by first-time buyers fell to 24 percent last year, the lowest "
            "since the National Association of Realtors began tracking it in 1981.",
            True,
        ),
        # "records" after "since" is no speech verb: nobody named keeps them
        ("It was the hottest July since records began.", False),
        ("The share fell to 24 percent, the lowest since records began in 1981.", False),
        ("Arctic sea ice reached its lowest winter maximum on record in March.", False),
    ],
)
def test_a_record_names_its_source_when_it_names_who_keeps_it(sentence, attributed):
    """A housing story's "…, the lowest since the National Association of Realtors began tracking it
    in 1981." was an unsourced-figure warning; "the hottest July since records began" read
    "records" as someone reporting, and was sourced."""
    signals = sentence_signals(sentence)
    assert signals is not None and signals.attributed is attributed


@pytest.mark.parametrize(
    ("sentence", "trend"),
    [
        ("Embezzlement by public officials has become far more common in recent years.", True),
        ("Violent crime has become less common in recent decades.", True),
        ("Heat waves are becoming more frequent and more intense.", True),
        ("Housing has grown much less affordable since 2020.", True),
        ("Electric cars became cheaper than gas cars in Norway.", True),
        # a cause said to make it so
        ("Climate change is making storms like this one more frequent and more intense.", True),
        ("The rule made homes in the city far less affordable.", True),
        # what someone became, or a plain description, is no trend
        ("She became more confident as the season went on.", False),
        ("The design has become more elegant with each version.", False),
        ("Allergies are more common in spring.", False),
        ("It actually made him more popular.", False),
    ],
)
def test_a_measure_becoming_more_or_less_common_is_a_trend(sentence, trend):
    """A sentencing story's closing "Embezzlement by public officials has become far more common in
    recent years." raised nothing: a trend with no source."""
    signals = sentence_signals(sentence)
    found = signals is not None and "change" in signals.cues
    assert found is trend


@pytest.mark.parametrize(
    ("sentence", "trend"),
    [
        ("Prices have come down since March.", True),
        ("Taxes went up in the Reagan years.", True),
        ("Rents went up 40-50 percent.", True),
        # a player falling, an idea thought of, a topic raised: no measure that went up or down
        ("City's manager was furious that no penalty was given when Silva went down in the box.", False),
        ("The striker went down injured in the first half.", False),
        ("We came up with a plan to cut costs.", False),
        ("The question came up at the hearing.", False),
        ("The vote came up short.", False),
        # a fall or a jump from a place or an animal; from a figure or a time, a measure's
        ("Scientists believe the virus jumped from bats to humans.", False),
        ("A worker fell from the roof of the depot.", False),
        ("The climber fell from a ladder.", False),
        ("Sales jumped from a year earlier.", True),
        ("Unemployment rose from 4 percent to 5 percent.", True),
        ("Membership fell from its peak in 2019.", True),
    ],
)
def test_going_up_or_down_is_a_trend_when_a_measure_does(sentence, trend):
    """A match report's "…when Silva went down in the box on the hour mark." was an unsourced trend,
    and so was any plan someone "came up with", and a science story's "Scientists believe the virus
    jumped from bats.", as if a measure had jumped."""
    assert claims_a(sentence, "trend") is trend


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        ("Mayor Ana Ruiz urged residents to stay indoors.", "suggestion"),
        ("Dr. Helen Park, the county's health officer, urged parents to check their records.", "suggestion"),
        ("Mayor Ana Ruiz warned residents to stay indoors.", "suggestion"),
        # a stance held over time still needs a source: where, and since when?
        ("Councilwoman Rosa Diaz has campaigned for a four-day week.", "warning"),
    ],
)
def test_a_named_person_urging_is_their_statement(sentence, severity):
    """A health story's "Dr. Helen Park, the county's health officer, urged parents to check their
    children's records." was a statement with no source, where "warned parents to" is hers."""
    found = [f for f in findings_of(f"{BODY}{sentence}\n", "claim") if f.rule == "claim.statement"]
    assert [f.severity for f in found] == [severity]


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        ("The schools were chosen because they need the most repairs, Mendes said.", True),
        ("Rents rose 5 percent, officials said.", True),
        # the speaker after the comma is vague
        ("Rents rose 5 percent, many residents said.", False),
        ("The plan will cost more than most expected, some experts said.", False),
        # no name after the comma: the vague speaker before it still speaks
        ("Others, however, claimed that rents rose 5 percent.", False),
        ("I called the experts, and they said rents would rise 5 percent.", False),
    ],
)
def test_the_speaker_after_a_comma_is_not_the_words_before_it(sentence, attributed):
    """A school story's "…because they are the oldest and need the most repairs, Mendes said." was
    a statement with no source: "most", before the comma, was taken as a vague speaker."""
    assert sourced(sentence) is attributed


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        (
            "Researchers at the University of Melbourne followed participants in the UK Biobank for "
            "an average of 12.5 years.",
            True,
        ),
        ("Scientists from the Scripps Institution of Oceanography measured ice loss at 17 sites.", True),
        ("Researchers at Acme Labs developed a battery that lasts 10 times longer.", False),  # a result
        ("Researchers followed 300 families for 10 years.", False),  # whose?
    ],
)
def test_researchers_named_by_their_institution_are_their_studys_source(sentence, attributed):
    """A coffee study's "Researchers at the University of Melbourne followed participants in the UK
    Biobank for an average of 12.5 years." was an unsourced-figure warning: named researchers doing
    their study's work are its source, as "The researchers followed…" already were."""
    signals = sentence_signals(sentence)
    assert signals is not None and signals.attributed is attributed


@pytest.mark.parametrize(
    "paragraph",
    [
        "Osteria Lupa, 212 Main St. Open Tuesday through Saturday, 5 to 10 p.m. Pastas $19 to $28. "
        "Reservations recommended.",
        "Open daily, 11 a.m. to 9 p.m. Entrees $18-$32.",
    ],
)
def test_a_reviews_box_of_hours_and_prices_is_information_for_readers(paragraph):
    """A dining review's closing "Osteria Lupa, 212 Main St. Open Tuesday through Saturday, 5 to 10
    p.m. Pastas $19 to $28." was an unsourced-figure warning: the place's hours and prices, the
    critic's to state."""
    assert [f for f in findings_of(BODY + paragraph + "\n", "claim") if f.severity == "warning"] == []


@pytest.mark.parametrize(
    ("sentence", "record"),
    [
        ("It is the first bus rapid transit line in the state.", True),
        ("The clinic was the first of its kind in the country.", True),
        ("In 1998 the Boise shop became the first Acme store in the U.S.", True),
        # a first that is no record
        ("The first new routes start on March 1.", False),
        ("The first loans in the state are expected to go out in the spring.", False),
    ],
)
def test_the_first_in_a_place_is_a_record(sentence, record):
    """A transit story's "It is the first bus rapid transit line in the state." raised only a learned
    suggestion: the first in a place, as the first in history, is a record to check."""
    assert claims_a(sentence, "superlative") is record


def test_a_risk_compared_is_a_comparison_and_no_hedge():
    """A maternity-ward story's "Women in rural areas are more likely to die from pregnancy
    complications than those in cities." was a learned suggestion and a hedge on "likely": a risk
    measured against another's is a comparison to source, and no hedge ("The bill is more likely to
    pass now." still hedges)."""
    sentence = (
        "Women in rural areas are more likely to die from pregnancy complications than those in cities."
    )
    signals = sentence_signals(sentence)
    assert signals is not None and "comparison" in signals.kinds
    assert [f.rule for f in findings_of(BODY + sentence + "\n", "hedge")] == []
    assert [f.text for f in findings_of(BODY + "The bill is more likely to pass now.\n", "hedge")] == [
        "likely"
    ]


_INTERVIEW = (
    "A conversation with the city's new housing chief\n\n"
    "Denise Okafor took over as housing director in October. The interview has been edited for "
    "length and clarity.\n\n"
    "What is the biggest problem you inherited? The waitlist. Some families have been on it for "
    "seven years.\n\n"
    "Can the city build enough to catch up? Not on its own. Even if we doubled construction, we "
    "couldn't build our way out of this.\n\n"
    "What about zoning? Our zoning code still bans apartments on 75 percent of the city's land.\n"
)


def test_an_interviews_answers_after_their_questions_are_the_interviewees_words():
    """An interview printed as questions and answers in one paragraph each ("What is the biggest
    problem you inherited? The waitlist. Some families have been on it for seven years.") had its
    answers as unsourced warnings: they are the words of the person interviewed, as under a
    question of its own paragraph, and the question is no part of them."""
    found = findings_of(_INTERVIEW, "claim")
    answers = [f for f in found if _INTERVIEW.index("What is") <= f.start]
    assert answers and all(f.severity == "suggestion" for f in answers)
    assert all("?" not in f.text for f in answers)
    # without the note, an explainer's answers are the writer's: their claims need sources
    explainer = _INTERVIEW.replace(" The interview has been edited for length and clarity.", "")
    assert "warning" in [
        f.severity for f in findings_of(explainer, "claim") if f.start > explainer.index("What is")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents can call 211 to find the nearest one.",
        "Call 988 to reach the crisis line.",
        "An excessive heat warning will be in effect from 10 a.m. Saturday through 8 p.m. Monday.",
        "A winter storm watch is in effect until 6 p.m. Friday.",
    ],
)
def test_a_help_line_and_a_warning_in_effect_are_information_for_readers(sentence):
    """A heat-wave story's "Residents can call 211 to find the nearest one." was an unsourced-figure
    warning, and "An excessive heat warning will be in effect from 10 a.m. Saturday…" an unsourced
    date: whom to call, and when a warning holds, as "Call 911" and a road's closure are."""
    assert [f for f in findings_of(BODY + sentence + "\n", "claim") if f.severity == "warning"] == []


@pytest.mark.parametrize(
    "sentence",
    ["Talks are scheduled to resume Monday.", "The storm is expected to weaken as it moves inland."],
)
def test_a_schedule_or_forecast_asks_whose_it_is(sentence):
    # A schedule is an announcement, not a forecast: the message names both, and asks whose it is.
    (finding,) = [f for f in findings_of(sentence, "claim") if f.rule == "claim.prediction"]
    assert finding.severity == "warning"
    assert "schedule" in finding.message and "whose forecast or announcement" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister lied to parliament about the contracts.",
        "The treasurer embezzled money from the county's pension fund.",
        "The plant dumped untreated sewage into the bay for years.",
        "Two officers took bribes from the gang.",
        "Russia interfered in the election.",
        # each verb in the active and in the passive that names who did it
        "The man assaulted a woman outside the bar.",
        "The women were trafficked by a gang from Leeds.",
        "The essay was plagiarised by a student.",
    ],
)
def test_wrongdoing_in_the_papers_own_voice_is_an_accusation_to_source(sentence):
    """ "The minister lied to parliament about the contracts." raised nothing: an accusation with no
    one making it is the publisher's own. It stands whatever the learned score (the debates it
    learned from have too few), with a message that asks who accuses."""
    (finding,) = [f for f in helper_findings_of(sentence, "claim") if f.rule == "claim.accusation"]
    assert finding.severity == "warning"
    assert "who makes the accusation" in finding.message
    assert "alleged" in finding.suggestion


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister lied to parliament about the contracts, the committee found.",
        "Prosecutors say the treasurer embezzled money from the fund.",
        "According to the indictment, the officers took bribes from the gang.",
    ],
)
def test_an_accusation_someone_makes_asks_to_confirm_it(sentence):
    (finding,) = [f for f in helper_findings_of(sentence, "claim") if f.rule == "claim.accusation"]
    assert finding.severity == "suggestion"
    assert "alleged" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "The car was stolen from a driveway on Oak Street.",
        "She stole the show in the second act.",
        "He never lied to the committee about it.",
        "If he lied, he should resign at once.",
        "I cheated on a chemistry test in 1998.",
        "She was charged with embezzling funds from the club.",
    ],
)
def test_a_victim_a_denial_a_condition_or_an_idiom_accuses_no_one(sentence):
    assert [f for f in findings_of(sentence, "claim") if f.rule == "claim.accusation"] == []


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        ("The firm has hidden its safety records for years.", False),
        ("Reporters asked to see the court records.", False),
        ("The ship's log records that the storm hit at dawn.", True),
    ],
)
def test_records_as_a_noun_is_no_one_speaking(sentence, attributed):
    """ "The firm has falsified its safety records." read as sourced: "safety" recording something."""
    assert sentence_signals(sentence).attributed is attributed


def test_a_finding_closing_the_sentence_is_its_source():
    """ "…, the committee found." is whose finding it is, as "…, the committee said." is; not "…,
    researchers found.", no one a reader can ask."""
    assert sentence_signals("The agency overpaid 40 contractors, the auditor found.").attributed
    assert not sentence_signals("The agency overpaid 40 contractors, researchers found.").attributed


@pytest.mark.parametrize(
    "sentence",
    [
        "In the novel, a small-town banker embezzled millions from his clients.",
        "In Nolan's new film, the butler murdered the maid.",
        "The narrator lied to everyone in the first act.",
    ],
)
def test_a_storys_plot_claims_nothing(sentence):
    """A book review's "In the novel, a small-town banker embezzled millions…" was an unsourced
    accusation: the plot accuses no one, and its figures count nothing real."""
    assert findings_of(BODY + sentence + "\n", "claim") == []
    assert helper_findings_of(BODY + sentence + "\n", "claim") == []  # nor the score


def test_a_review_tells_its_plot_without_accusing():
    """In a piece labelled as a review, "His wife lied to the police." is the story's; in news, an
    accusation to source."""
    sentence = "His wife lied to the police about the money.\n"
    review = findings_of(f"Book review: The Quiet Ledger\nBy Ann Lee\n{sentence}", "claim")
    assert "claim.accusation" not in [f.rule for f in review]
    news = findings_of(f"Banker's wife questioned\nBy Ann Lee\n{sentence}", "claim")
    assert "claim.accusation" in [f.rule for f in news]


def test_a_passive_that_names_who_did_it_accuses_them():
    """ "The funds were embezzled by the treasurer." raised nothing: the passive names the accused as
    the active does (not "was stolen by the time police arrived")."""
    text = BODY + "The funds were embezzled by the treasurer.\n"
    assert "claim.accusation" in [f.rule for f in helper_findings_of(text, "claim")]
    text = BODY + "The car was stolen by the time police arrived.\n"
    assert "claim.accusation" not in [f.rule for f in findings_of(text, "claim")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "City took the lead after 12 minutes when Tom Brady's cross was turned in by Marco Silva.",
        "Hart, on for just six minutes, fired in from the edge of the box to make it 2-2.",
        "The win lifts Rovers to fourth in the table, two points behind leaders United.",
        "Voters also approved Measure B, a sales tax for roads, by a margin of 58 percent to 42 percent.",
        "The Tigers have won six straight games and sit atop the division.",
    ],
)
def test_a_match_reports_clock_and_table_and_a_ballots_shares_are_the_public_record(paragraph):
    """A match report's "took the lead after 12 minutes", "on for just six minutes", "to make it
    2-2", "two points behind leaders United", and a ballot measure's "58 percent to 42 percent"
    were unsourced-figure warnings: the game's and the count's record is their source."""
    (finding,) = findings_of(BODY + paragraph, "claim")
    assert (finding.rule, finding.severity) == ("claim.figure", "suggestion")
    assert "public record" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "Firefighters arrived after 12 minutes.",
        "Labour is two points behind the Conservatives in the polls.",
        "The poll found support at 52 percent to 41 percent, up from last year, the mayor said.",
        "The city has had six straight days of rain.",
    ],
)
def test_a_response_time_or_a_polls_lead_is_no_games_record(sentence):
    assert not any("public record" in f.message for f in findings_of(BODY + sentence, "claim"))


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # an expert's verdict on a study is their statement, not a deed to source
        (
            "Dr. Paul Brennan, a professor at King's College London, called the study well designed "
            "but cautioned against reading too much into it.",
            ("statement",),
        ),
        ("Dr. Paul Brennan cautioned against reading too much into the results.", ("statement",)),
        ("The record of Peter Pelham's work in Boston is well established.", ()),
        # a participle without "well" before it still tells what was done
        ("Foster and Partners designed the new terminal at Heathrow.", ("event",)),
    ],
)
def test_a_participle_after_well_describes_and_cautioned_is_speech(sentence, kinds):
    """A health story's "Dr. Paul Brennan … called the study well designed but cautioned against
    reading too much into it." was a warning that a named person did something with no source:
    "designed" after "well" describes the study, and "cautioned" is what he said."""
    signals = sentence_signals(sentence)
    assert (signals.kinds if signals else ()) == kinds


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("Housing prices in Riverside have risen sharply, pushing many families out of the city.", False),
        ("The storm is pushing water levels at Lake Erie higher.", False),
        ("Senator Maria Lopez of Ohio is pushing a bill to cap insulin prices.", True),
        ("Mayor Lena Ruiz is pushing for a ban on leaf blowers.", True),
    ],
)
def test_pushing_things_somewhere_is_no_stance(sentence, statement):
    """An election story's "Housing prices in Riverside have risen sharply in recent years, pushing
    many families out of the city." was a reported statement with no source: nobody is pushing
    for anything."""
    assert claims_a(sentence, "statement") is statement


@pytest.mark.parametrize(
    ("sentence", "comparison"),
    [
        ("The police union had lobbied for the new officers for more than a year.", False),
        ("The plant has stood empty for more than a decade.", False),
        ("The trip took less than an hour.", False),
        # a thing compared with another is still a comparison
        ("He earns more than a teacher does.", True),
    ],
)
def test_a_times_bound_is_no_comparison(sentence, comparison):
    """A budget story's "The police union had lobbied for the new officers for more than a year."
    was a comparison stated as fact: "more than a year" bounds a time as "more than 300" bounds a
    count, with nothing compared."""
    assert claims_a(sentence, "comparison") is comparison


def test_what_a_plan_closes_is_among_its_terms():
    """ "Under the plan, branch libraries will close on Sundays and Mondays starting in January." was
    a dated warning: what the plan does is its terms, as "would be closed" was."""
    text = BODY + "Under the plan, branch libraries will close on Sundays and Mondays starting in January.\n"
    (finding,) = findings_of(text, "claim")
    assert finding.severity == "suggestion"
    assert "whose terms these are" in finding.message


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Financial planner Dana Wu suggests directing any raise or bonus to savings.", False),
        ("Coach Amy Lord praised every pass in the second half.", False),
        ("Acme Corp cut every job in the plant.", True),
    ],
)
def test_a_word_after_any_or_every_names_a_thing(sentence, event):
    """A personal-finance piece's "Financial planner Dana Wu suggests directing any raise or bonus to
    savings." was a warning that a named person did something: "any raise" is a pay rise, nobody
    raising anything."""
    assert claims_a(sentence, "event") is event


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The council should fund frequent service on our five busiest routes, starting next year.", False),
        ("The city should hire 40 more officers.", False),
        # a figure given as a reason, reported, or before the proposal is the writer's claim
        ("The city should act now, because it pays 73 percent of the cost.", True),
        ("Lawmakers must remember that 40 percent of bridges are failing.", True),
        ("After 12 deaths this year, the city should fix the crossing.", True),
        # a condition recommends nothing
        ("If the city should lose, 30 percent of its budget would go.", True),
    ],
)
def test_a_recommendations_own_figures_are_the_writers_proposal(sentence, figure):
    """An op-ed's "The council should fund frequent service on our five busiest routes, starting
    next year." was an unsourced-figure warning: the five routes are what the writer proposes,
    nothing reported (a recommendation without figures claimed nothing already)."""
    assert claims_a(sentence, "figure") is figure


@pytest.mark.parametrize(
    ("sentence", "writers"),
    [
        ("The Roborock S9 Pro is the best robot vacuum we have tested.", True),
        ("Battery life was the shortest of our picks, about 75 minutes.", True),
        # a verdict with no tests behind it, or a government's trying, is no account of the writer's
        ("The Roborock S9 Pro is the best robot vacuum on the market.", False),
        ("In 2019 the council tried to raise $5 million for parks, and we tried again in 2020.", False),
    ],
)
def test_a_verdict_from_the_writers_own_tests_is_the_writers_account(sentence, writers):
    """A buying guide's "The Roborock S9 Pro is the best robot vacuum we have tested." was a
    superlative presented as fact with no source: the writer's tests are its source, for the editor
    to confirm with the writer."""
    found = findings_of(BODY + sentence, "claim")
    assert found
    assert all(("the writer, who tells it of themselves" in f.message) is writers for f in found)
    assert all(f.suggestion.startswith("Confirm it with the writer") is writers for f in found)


def test_a_subheading_gets_no_learned_finding_but_keeps_its_claims():
    """A buying guide's subheading "3. iRobot Roomba j9+" was a learned check-worthy statement ("a
    named person or organisation"): the score, learned from sentences, reads no heading. A claim
    the rules see in one stands, and a short line without a full stop that is not a heading (a
    post's "Flour prices doubled since 2021") is scored as a sentence."""
    text = "Intro line one.\n\n3. iRobot Roomba j9+\n\nIt costs $599, the maker says.\n"
    assert [f for f in helper_findings_of(text, "claim") if "iRobot" in f.text] == []
    headed = "Intro line one.\n\n2. Costs Rose 40 Percent\n\nIt costs $599, the maker says.\n"
    assert [f.rule for f in helper_findings_of(headed, "claim") if "Costs" in f.text] == ["claim.trend"]
    plain = (
        "Intro line one.\n\nCity manager Paul Grant was furious with the penalty decision\n\nMore follows.\n"
    )
    assert [f.rule for f in helper_findings_of(plain, "claim") if "Grant" in f.text] == ["claim.learned"]


@pytest.mark.parametrize(
    ("sentence", "accusation"),
    [
        ("Tenants who believe their landlord has broken the law can file a complaint.", False),
        ("If you think a seller cheated you, call the consumer hotline.", False),
        # someone who holds it, or no one: an accusation
        ("The landlord has broken the law.", True),
        ("Tenants believe the landlord has broken the law, and the city agrees.", True),
    ],
)
def test_a_wrong_someone_unnamed_may_suppose_accuses_no_one(sentence, accusation):
    """An explainer's "Tenants who believe their landlord has broken the law can file a complaint"
    was an accusation with no source: the tenants are anyone, the landlord no one in particular."""
    assert claims_a(sentence, "accusation") is accusation


@pytest.mark.parametrize(
    "sentence",
    [
        "A new state law that takes effect on Jan. 1 caps annual rent increases at 5 percent plus inflation.",
        "The law applies to buildings more than 15 years old.",
    ],
)
def test_a_laws_terms_with_a_clause_or_applying_to_something(sentence):
    """An explainer's "A new state law that takes effect on Jan. 1 caps annual rent increases…" and
    "The law applies to buildings more than 15 years old." were unsourced figures: the law's terms
    are their source, with "a" before it and a clause after it as with "the"."""
    (finding,) = findings_of(BODY + sentence + "\n", "claim")
    assert "whose terms these are" in finding.message


@pytest.mark.parametrize(
    ("sentence", "service"),
    [
        ("Taylor's offers a tour and tasting for €25.", True),
        ("Tours cost €15 and leave every hour.", True),
        ("The firm offers consulting for $400 an hour.", False),
    ],
)
def test_what_a_visit_costs_is_information_for_readers(sentence, service):
    """A travel piece's "Taylor's offers a tour and tasting for €25." was an unsourced figure, where
    "Tickets cost €10" was information for readers (checked against the venue's listing)."""
    found = findings_of(BODY + sentence + "\n", "claim")
    assert (not any(f.severity == "warning" for f in found)) is service


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        ("According to local media, the fee could reach 80 million euros.", False),
        ("According to Spanish media, the fee could reach 80 million euros.", False),
        ("According to the Press Association, the fee could reach 80 million euros.", True),
        ("According to media reports published by the BBC, the fee could reach 80 million euros.", True),
        ("According to Italian newspaper Corriere dello Sport, the fee could reach 80 million euros.", True),
        # "reports" and "estimates" are speech verbs too: not after "according to"
        ("According to reports, the fee could reach 80 million euros.", False),
        ("According to estimates, the fee could reach 80 million euros.", False),
        ("According to court records, the fee was 80 million euros.", True),
    ],
)
def test_media_no_one_names_are_no_source(sentence, attributed):
    """A transfer story's "According to Spanish media, the fee could reach 80 million euros." had
    its source: media no one names are a weasel (hedge.toml), as "according to some reports" was,
    and no source; an outlet named, or an association, is one."""
    assert sourced(sentence) is attributed


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        ("Police believe the man stole the car.", True),
        ("Investigators now suspect the clerk embezzled the money.", True),
        ("Prosecutors suspected the clerk embezzled the money.", True),
        ("Many people believe the man stole the car.", False),  # a vague crowd
        ("Neighbours suspect the man stole the car.", False),  # no investigators
    ],
)
def test_what_investigators_believe_is_theirs(sentence, attributed):
    """A crime brief's "Police believe the man stole the car." was an accusation with no source:
    what investigators believe or suspect is theirs, as what they say is; anyone else's belief is
    no source."""
    assert sourced(sentence, "accusation") is attributed


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("One in five red dwarf stars has a planet in its habitable zone.", True),
        ("The board approved three out of four of the mayor's proposals.", True),
        ("He finished three in a row.", False),
        ("Take one in the morning and two in the evening.", False),
    ],
)
def test_a_ratio_in_words_is_a_figure(sentence, figure):
    """A science story's "One in five red dwarf stars has a planet…" had no figure: a ratio in
    words is a share, whatever follows it (a count in words needs its noun next)."""
    signals = sentence_signals(sentence)
    assert (signals is not None and "figure" in signals.kinds) is figure


@pytest.mark.parametrize(
    ("sentence", "attributed"),
    [
        ("The findings were published Wednesday in the New England Journal of Medicine.", True),
        ("The results were published in Nature.", True),
        ("The study was published in the journal Science on Monday.", True),
        ("The results were published by the Lancet.", True),
    ],
)
def test_where_a_paper_was_published_is_its_source(sentence, attributed):
    """A health story's "The findings were published Wednesday in the New England Journal of
    Medicine." was a reported statement with no source: the journal it names is one."""
    assert sourced(sentence, "statement") is attributed


@pytest.mark.parametrize(
    ("sentence", "accuses"),
    [
        ("The company is defrauding its customers.", True),
        ("The mayor lies about the budget.", True),
        ("The factory illegally dumps waste into the river.", True),
        ("The landlord steals from his tenants.", True),
        ("The village lies about two miles north of the river.", False),
        ("The headline is misleading.", False),
        ("We are not lying to anyone.", False),
    ],
)
def test_wrongdoing_in_the_present_accuses(sentence, accuses):
    """ "The company is defrauding its customers." and "The mayor lies about the budget." raised
    nothing: only the past tense accused anyone."""
    assert claims_a(sentence, "accusation") is accuses


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("Ruiz will step down at the end of the year.", True),
        ("The plant will close by the end of next month.", True),
        ("It is not the end of the world.", False),
    ],
)
def test_the_end_of_a_year_is_a_date(sentence, dated):
    """A profile's "Ruiz will step down at the end of the year." raised nothing: "the end of the
    year" is a date, as "next year" is (and with "will", a prediction)."""
    assert claims_a(sentence, "dated") is dated
