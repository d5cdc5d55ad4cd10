from __future__ import annotations

import pytest

from reviewapp.core import Analyzer, load_text
from reviewapp.core.analyzers.claim import sentence_signals

from .helpers import rule_findings_of as findings_of

BODY = "Intro line one.\n"


def weasels(text: str) -> list[str]:
    """The words the weasel rule flags in `text`, in order."""
    return [f.text for f in findings_of(text, "hedge") if f.rule == "hedge.weasel"]


@pytest.mark.parametrize(
    ("sentence", "cue", "rule"),
    [
        ("The drug might reduce the risk of stroke.", "might", "hedge.modal"),
        ("The drug may reduce the risk of stroke.", "may", "hedge.possibility"),
        ("The vote could be delayed again.", "could", "hedge.possibility"),
        ("It seems the plan has stalled.", "seems", "hedge.epistemic"),
        ("The bridge appears to be unsafe.", "appears to", "hedge.epistemic"),
        ("It feels like the end of an era.", "It feels like", "hedge.impression"),
        ("Some experts say the policy failed.", "Some experts say", "hedge.weasel"),
        ("It is widely believed that the mayor will resign.", "It is widely believed", "hedge.weasel"),
        ("The band is widely regarded as the best of its time.", "is widely regarded", "hedge.weasel"),
        ("The minister reportedly left early.", "reportedly", "hedge.weasel"),
        ("He is considered one of the best players.", "is considered one of", "hedge.weasel"),
        ("Observers noted a sharp drop in turnout.", "Observers noted", "hedge.weasel"),
        ("The change is overdue, in my opinion.", "in my opinion", "hedge.opinion"),
        ("The fire destroyed about 200 homes.", "about", "hedge.approximator"),
        ("A number of residents objected.", "A number of", "hedge.vague_quantity"),
        # evidence read as fitting or indicating, and a question said to be open (a scientific
        # abstract's hedges: "consistent with", "indicate a", "raise the question of whether")
        (
            "These findings are consistent with a model of growth.",
            "findings are consistent with",
            "hedge.epistemic",
        ),
        ("The data indicate a role for the gene.", "data indicate a", "hedge.epistemic"),
        (
            "The results raise the question of whether it works.",
            "raise the question of whether",
            "hedge.unknown",
        ),
    ],
)
def test_hedges_found(sentence, cue, rule):
    found = findings_of(BODY + sentence, "hedge")
    assert any(f.rule == rule and f.text == cue for f in found), [(f.rule, f.text) for f in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "The festival opens in May with a concert in the park.",
        "The report is about the housing shortage.",
        "He walked around the lake before the meeting.",
        "They sat around a table in the hall.",
        "The council approved the budget on Tuesday.",
        "The proposal was considered by the planning committee.",
        "Researchers at the University of Leeds said the data were complete.",
    ],
)
def test_plain_sentences_have_no_hedges(sentence):
    assert findings_of(BODY + sentence, "hedge") == []


def test_hedges_inside_quotations_are_the_speakers():
    text = BODY + "“We might sell the stadium,” the club's chairman said."
    assert findings_of(text, "hedge") == []


def test_disclosure_legal_wording_is_not_a_hedge():
    text = BODY + "Note: This article was written with the help of AI and may contain errors."
    assert findings_of(text, "hedge") == []


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("The museum houses a world-class collection.", "world-class"),
        ("It was a landmark ruling for privacy.", "landmark"),
        ("The firm makes cutting-edge batteries.", "cutting-edge"),
        ("She is one of the leading scientists in her field.", "one of the leading scientists"),
    ],
)
def test_peacock_terms(sentence, term):
    found = findings_of(BODY + sentence, "peacock")
    assert [f.text for f in found] == [term]


@pytest.mark.parametrize(
    "sentence",
    [
        "The road leading to the harbour was closed.",
        "“It is a landmark decision,” the lawyer said.",
        "The council met at the old market hall.",
    ],
)
def test_not_peacock(sentence):
    assert findings_of(BODY + sentence, "peacock") == []


def test_certainty_the_writer_asserts_is_flagged_with_the_shipped_scores():
    """ "The Fold 3 is, without a doubt, the best foldable" told the reader nothing to check in
    "without a doubt"; it stands whatever the uncertainty score (a booster scores as certain)."""
    text = (
        "Intro line.\nThe phone is, without a doubt, the best foldable. “It is undeniably good,” she said.\n"
    )
    found = [f for f in Analyzer().analyze(load_text(text)).findings if f.rule == "peacock.certainty"]
    assert [f.text for f in found] == ["without a doubt"]  # the quotation is the speaker's


def test_a_headlines_closing_credit_is_the_storys_source():
    """ "Coffee may cut cancer risk, researchers say" over a story that names the study was a weasel
    warning: the headline's convention stands for the source the story names."""
    story = "\nBy Ana Ruiz\n\nA study by researchers at the University of Leeds found the link.\n"
    credit = findings_of("Coffee may cut cancer risk, researchers say" + story, "hedge")
    assert "hedge.weasel" not in [f.rule for f in credit]
    opening = findings_of("Experts say coffee may cut cancer risk" + story, "hedge")
    assert "hedge.weasel" in [f.rule for f in opening]  # not the convention: the headline's own claim
    body = findings_of("Coffee and cancer\n\nThe risk falls, researchers say.\n", "hedge")
    assert "hedge.weasel" in [f.rule for f in body]  # in the story itself it names no one


@pytest.mark.parametrize(
    ("paragraph", "weasel"),
    [
        (
            'Migration experts cautioned that the numbers could rise. "The pressure will not ease soon," '
            "said Maria Lopez, a demographer at the University of Texas.",
            [],
        ),
        ("Some analysts expect a cut. Jane Roe, an economist at UBS, said the bank would act in June.", []),
        ('Supporters said the rentals drove up costs. "My rent doubled," said Tara Lynn, a teacher.', []),
        ("Experts not involved in the research said it was sound. Ana Ruiz, a statistician at Yale, "
         "said the sample was large.", []),
        # Named again by the surname alone, as news does ("Nguyen said"); "however" between.
        ("Critics, however, contended that the money should go to schools. Nguyen said the city "
         "should invest in prevention.", []),
        # No member named: the vague group stands ("Prosecutors" are a group, not a surname).
        ("Critics contended that the money should go to schools. Prosecutors said it should not.",
         ["Critics contended"]),
        ("Migration experts cautioned that the numbers could rise. The pressure will not ease soon.",
         ["experts cautioned"]),
        # advocates are such a group too
        ("Advocates warn the change could put babies at risk. The drive takes 45 minutes.",
         ["Advocates warn"]),
        ('Advocates warn the change could put babies at risk. "It is dangerous," said Ana Ruiz of '
         "the group Birth Rights.", []),
        # a trade's general advice: a weasel, unless one of them is named next
        ("Audiologists caution that such devices are no substitute for an exam. The app is free.",
         ["Audiologists caution"]),
        ("Audiologists caution that such devices are no substitute for an exam. “Get tested,” said "
         "Dr. Ana Ruiz, an audiologist in Boston.", []),
        ("Doctors said the boy was in stable condition. The app is free.", []),  # his doctors
        # A named speaker is no member of "it is widely believed".
        ("It is widely believed that the plan failed. Maria Lopez said so on Tuesday.",
         ["It is widely believed"]),
        # nor of the research or the studies no one names (a school-board story's parent)
        ('Supporters cited research showing that teenagers sleep more. "My son is exhausted," said '
         "parent Kim Tran.", ["research showing that"]),
        ("Studies show the drug works. Maria Lopez, a nurse, said she had seen it.", ["Studies show"]),
    ],
)  # fmt: skip
def test_a_vague_group_whose_member_the_next_sentence_names_is_no_weasel(paragraph, weasel):
    """ "Migration experts cautioned…" stayed a weasel warning when the next sentence quoted one."""
    found = findings_of(BODY + paragraph, "hedge")
    assert [f.text for f in found if f.rule == "hedge.weasel"] == weasel
    if not weasel:  # nor a learned hedge on the same vague words
        first_end = len(BODY) + paragraph.index(". ")
        assert [f.text for f in found if f.rule == "hedge.learned" and f.start < first_end] == []


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        ("Moss allegedly smashed car windows on Elm Street, according to a criminal complaint.", []),
        ("The mayor reportedly plans to resign, the Riverside Ledger said.", []),
        # Hearsay with no source, or a vague one: the weasel stands.
        ("Moss allegedly smashed car windows on Elm Street.", ["allegedly"]),
        (
            "The mayor reportedly plans to resign, according to experts.",
            ["reportedly", "according to experts"],
        ),
        # a link no one is said to have made is hearsay too
        ("Sleep loss has been linked to obesity.", ["has been linked to"]),
        ("The outbreak has been linked to romaine lettuce from Arizona, the CDC said.", []),
        # a vague group the sentence sources (not a speaker: "…, researchers say" is the weasel)
        ("The results topped the $4.05 billion analysts had expected, according to a survey by LSEG.", []),
        ("The results topped the $4.05 billion analysts had expected.", ["analysts had expected"]),
    ],
)
def test_hearsay_the_sentence_attributes_is_no_weasel(sentence, weasel):
    """A crime story's "Moss allegedly smashed car windows…, according to a criminal complaint"
    was a weasel warning on "allegedly", the word the trade asks for, attributed."""
    found = findings_of(BODY + sentence, "hedge")
    assert [f.text for f in found if f.rule == "hedge.weasel"] == weasel
    assert [f.rule for f in found if f.rule == "hedge.learned"] == []


@pytest.mark.parametrize(
    ("reported", "learned"),
    [
        ("Northwind Foods said that its profit fell as shoppers switched to cheaper store brands.", False),
        # a source the rules take, unnamed: the police's words
        ("A man has been arrested in connection with a string of burglaries on the east side, "
         "police said in a statement.", False),
        # the same words said by no one: the score's flag stands
        ("A man has been arrested in connection with a string of burglaries on the east side.", True),
    ],
)  # fmt: skip
def test_a_learned_hedge_is_not_read_into_what_a_source_says(reported, learned):
    """A company's results, reported ("Northwind Foods said Wednesday that its profit fell…"), read
    as hedged on "that its", "store" and "said"; a crime brief's "…arrested in connection with…,
    police said in a statement" on "in connection with"."""
    found = Analyzer().analyze(load_text("Northwind profit falls\n\n" + reported)).findings
    assert ("hedge.learned" in [f.rule for f in found]) is learned  # with the shipped scores


@pytest.mark.parametrize(
    ("sentence", "learned"),
    [
        # a figure, a date: specific, whatever the Wikipedia-learned score reads in its topic words
        ("The Springfield City Council voted 6-3 on Tuesday night to add protected bike lanes "
         "along a 1.2-mile stretch of Main Street.", False),
        ("The council voted on Tuesday night to add protected bike lanes along Main Street, "
         "ending a debate that has divided residents.", False),
        # the same score with nothing specific: still a suggestion
        ("The council agreed to add protected bike lanes along Main Street, ending a debate "
         "that has divided residents.", True),
    ],
)  # fmt: skip
def test_a_sentence_stating_a_figure_or_a_date_is_not_hedged_on_its_score_alone(sentence, learned):
    """A council story's vote was "hedged or vague" for "to add" (the score's bigram, learned from
    five Wikipedia sentences); such flags were right 41 % of the time in cross-validation."""
    found = Analyzer().analyze(load_text("Council votes on bike lanes\n\n" + sentence)).findings
    assert ("hedge.learned" in [f.rule for f in found]) is learned  # with the shipped scores


@pytest.mark.parametrize(
    ("head", "labelled"),
    [
        ("Opinion: Riverton needs more buses", True),
        ("Review | The Pixel 11 is the phone to buy", True),
        ("OPINION\nRiverton needs more buses", True),
        ("Riverton needs more buses\nLetters to the editor", True),
        ("Review of city budget finds gaps", False),  # a news story about a review
        ("Riverton needs more buses\nBy Dan Moreno", False),
    ],
)
def test_a_personal_opinion_is_no_finding_in_a_piece_labelled_opinion(head, labelled):
    """ "I think" was a warning ("no place in news copy unless it is labelled as opinion") in a
    column and a review labelled so; the rest of the checks still run there."""
    text = f"{head}\nThe bus plan is overdue, I think. It will cost $4 million.\n"
    found = Analyzer().analyze(load_text(text)).findings
    assert any(f.rule == "hedge.opinion" for f in found) is not labelled
    assert any(f.rule == "claim.figure" for f in found)


@pytest.mark.parametrize(
    ("paragraph", "weasel"),
    [
        ("Data shows that crime fell last year.", ["Data shows"]),
        ("New research suggests cats reduce stress.", ["research suggests"]),
        ("Some would argue that the city needs more parks.", ["Some would argue"]),
        ("Economists expect prices to keep rising next year.", ["Economists expect"]),
        ("There is a growing consensus that the policy failed.", ["There is a growing consensus that"]),
        # The study the story names, pointed back to: no weasel.
        ("A study by Yale found cats reduce stress. The research suggests owners live longer.", []),
        ("Its studies show mixed results.", []),
    ],
)
def test_vague_evidence_and_consensus_are_weasels_and_the_named_study_is_not(paragraph, weasel):
    """ "Some would argue…", "There is a growing consensus that…" and "Data shows…" raised no
    weasel; "The research suggests…", after the story named the study, did."""
    assert weasels(BODY + paragraph) == weasel


@pytest.mark.parametrize(
    ("paragraph", "weasel"),
    [
        (
            "A study in Nature found the drug cut deaths by 20 percent. The researchers cautioned "
            "that the trial was small.",
            [],
        ),
        ("The bank's economists expect two rate cuts next year.", []),
        ("Researchers cautioned that the trial was small.", ["Researchers cautioned"]),
        ("Some scientists warned that the trial was small.", ["Some scientists warned"]),
    ],
)
def test_a_group_the_story_has_brought_in_is_no_weasel(paragraph, weasel):
    """An astronomy story's "…, and the researchers cautioned that it could come from starspots."
    (the study's team, named above) was a weasel warning."""
    assert weasels(BODY + paragraph) == weasel


@pytest.mark.parametrize(
    ("head", "labelled"),
    [
        ("Review: The Vantage X2 is the best budget phone you can buy", True),
        ("Opinion: Riverton needs more buses", True),
        ("Riverton weighs more buses\nBy Dan Moreno", False),
    ],
)
def test_a_critics_impression_is_no_finding_in_a_piece_labelled_a_review(head, labelled):
    """A phone review's "at 120Hz it feels as smooth as phones that cost three times as much" was a
    vague-impression warning: in a review or a column labelled so, the impression is the point."""
    text = f"{head}\nAt 120Hz it feels as smooth as phones that cost three times as much.\n"
    found = Analyzer().analyze(load_text(text)).findings
    assert any(f.rule == "hedge.impression" for f in found) is not labelled


@pytest.mark.parametrize(
    ("sentence", "weasel", "attributed"),
    [
        ("Worldwide shipments fell 11 percent last year, according to research firm IDC.", [], True),
        ("Prices rose, according to analysts at Morningstar.", [], True),
        ("Prices rose, according to research.", ["according to research"], False),
        ("Prices rose, according to industry analysts.", ["according to industry analysts"], False),
    ],
)
def test_a_named_firm_of_researchers_is_a_source_and_no_weasel(sentence, weasel, attributed):
    """A tablet story's "…, according to research firm IDC" was a weasel warning on "according to
    research" and left its figure unsourced: "research" there names what the firm does."""
    assert weasels(BODY + sentence) == weasel
    signals = sentence_signals(sentence)
    assert signals is not None and signals.attributed is attributed


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        ("Opinions on the plan are sharply divided.", ["Opinions on the plan are sharply divided"]),
        ("Reaction has been mixed.", ["Reaction has been mixed"]),
        ("Public opinion remains split over the stadium.", ["Public opinion remains split"]),
        # whose reaction, the sentence says
        ("Reaction has been mixed, according to a Gallup poll.", []),
        ("Opinions among the 40 residents at the meeting were divided.", []),
        ("The cells were divided into two groups.", []),
    ],
)
def test_a_divided_or_mixed_reaction_from_no_one_is_a_weasel(sentence, weasel):
    """ "Opinions are split." raised nothing: whose opinions, and how many on each side, no one says
    (as "The film received generally favorable reviews" is praise from no one)."""
    assert weasels(BODY + sentence) == weasel


@pytest.mark.parametrize(
    ("paragraph", "weasel"),
    [
        (
            "Prosecutors allege that Kevin Marsh wrote dozens of checks to himself. He allegedly used "
            "the money to buy a boat.",
            [],
        ),
        ("Police said Moss broke into the home. He allegedly took cash and jewelry.", []),
        ("Police said the man broke into the home. He allegedly took cash and jewelry.", []),
        # no one named before it, or a vague one: the weasel stands
        ("Moss broke into the home. He allegedly took cash and jewelry.", ["allegedly"]),
        ("Some neighbors said Moss broke in. He allegedly took cash.", ["allegedly"]),
        # a link is no allegation the sentence before goes on with
        (
            "According to the CDC, a third of adults sleep too little. Sleep loss has been linked to "
            "obesity.",
            ["has been linked to"],
        ),
    ],
)
def test_hearsay_the_sentence_before_attributes_is_no_weasel(paragraph, weasel):
    """A campaign-theft story's "Prosecutors allege that Kevin Marsh… He allegedly used the money to
    pay off credit card debt…" was a weasel warning on "allegedly": the sentence before says whose
    allegation it is."""
    assert weasels(BODY + paragraph) == weasel


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        (
            "Experts generally agree that people with diabetes should talk to a doctor.",
            "Experts generally agree",
        ),
        ("Critics largely blamed the heat for the outage.", "Critics largely blamed"),
        ("Analysts now expect the bank to cut rates in June.", "Analysts now expect"),
    ],
)
def test_a_vague_group_with_an_adverb_before_its_verb_is_a_weasel(sentence, weasel):
    """A fasting explainer's "Experts generally agree that…" raised no weasel ("Most experts agree"
    did): the adverb stood between the group and its verb."""
    found = findings_of(BODY + sentence, "hedge")
    assert [f.text for f in found if f.rule == "hedge.weasel"] == [weasel]


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        (
            "The findings add to a growing body of evidence that moderate exercise protects the heart.",
            ["growing body of evidence"],
        ),
        ("There is mounting evidence that the drug works.", ["There is mounting evidence that"]),
        # whose research, the sentence says; or none claimed
        ("A growing body of research by Harvard economists finds the same.", []),
        ("There is no evidence that the drug works.", []),
        ("There was evidence of forced entry.", []),
    ],
)
def test_evidence_nobody_cites_is_a_weasel(sentence, weasel):
    """A health story's "The findings add to a growing body of evidence that moderate exercise
    protects the heart." raised nothing: which studies, no one says."""
    assert weasels(BODY + sentence) == weasel


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        ("Critics have pointed to their high prices and concerns about durability.",
         ["Critics have pointed to"]),
        ("Analysts cite weak demand in China.", ["Analysts cite"]),
        ("The critics pointed to the price.", []),  # those the story has brought in
        ("The report cited three experts.", []),
        # a trade's news from members no one names, as its advice is
        ("Installers say demand has already doubled.", ["Installers say"]),
        ("Retailers warn that prices will rise.", ["Retailers warn"]),
        ("Real estate agents say bidding wars have become less common.", ["agents say"]),
        ("The agents say the house sold in a day.", []),
        ("The installers say demand has doubled.", []),
        ("Dealers will inspect the anchors.", []),
    ],
)  # fmt: skip
def test_what_unnamed_critics_or_a_trade_point_to_or_say_is_a_weasel(sentence, weasel):
    """A gadget story's "Critics have pointed to their high prices…" was only a learned hedge on
    "Critics": which critics, no one says, as in "Critics say"."""
    assert weasels(BODY + sentence) == weasel


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        ("Forecasters expect the winds to ease by Thursday.", ["Forecasters expect"]),
        ("Pollsters say the race is tight.", ["Pollsters say"]),
        ("Strategists warned that the ad could backfire.", ["Strategists warned"]),
        ("Scientists have long suspected that such planets keep their air.",
         ["Scientists have long suspected"]),
        ("Experts speculate that the deal will collapse.", ["Experts speculate"]),
        ("Forecasters at the National Weather Service expect the winds to ease.", []),
        ("The forecasters expect the winds to ease.", []),
        ("The researchers suspect the signal comes from the star.", []),
        ("Police suspect arson.", []),
    ],
)  # fmt: skip
def test_unnamed_forecasters_and_what_unnamed_experts_suspect_are_weasels(sentence, weasel):
    """A wildfire story's "Forecasters expect the winds to ease by Thursday." and a science story's
    "Scientists have long suspected that…" raised no weasel, where "Economists expect" and
    "Scientists believe" do."""
    assert weasels(BODY + sentence) == weasel


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        ("Regulars say the croissants are the best in the state.", ["Regulars say"]),
        ("Commuters complain that the trains are always late.", ["Commuters complain"]),
        ("Longtime customers say the wait is worth it.", ["Longtime customers say"]),
        ("It rained. Parents worry that the school will close.", ["Parents worry"]),
        # the past tense: those the reporter met; a group the story points back to; not a speaker
        ("Residents said they had only minutes to leave.", []),
        ("The fans say the team deserved better.", []),
        ("Its customers say the wait is worth it.", []),
        ("The bus drivers say the road is dangerous.", []),
        # a member named in the next sentence is the group's source
        ("Regulars say the croissants are the best in the state. Jamie Lee, who has bought bread "
         "there for years, called them \u201ca dream.\u201d", []),
    ],
)  # fmt: skip
def test_an_everyday_group_in_the_present_tense_is_a_weasel(sentence, weasel):
    """A bakery story's "Regulars say the croissants are the best in the state." was a ranking with
    a source: which regulars, no one says."""
    assert weasels(BODY + sentence) == weasel


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The club has been linked with several strikers this summer.", "several strikers"),
        ("Several large carriers have cut jobs.", "Several large carriers"),
        ("Many business owners closed early.", "Many business owners"),
        ("Several of the injured were taken to the hospital.", "Several of the injured"),
        ("Some of the money was never spent.", "Some of the money"),
        ("Some of them were hurt.", "Some of them"),
        ("Some of the were gone.", "Some of the"),  # no noun after "the": the span ends there
    ],
)
def test_a_vague_quantity_ends_at_its_noun(sentence, span):
    """A transfer story's "…linked with several strikers this summer." flagged "several strikers
    this": "this" ends in "s", and was taken for the noun; and a crash story's "Several of the
    injured were taken to…" flagged "Several of the"."""
    found = [f.text for f in findings_of(BODY + sentence, "hedge") if f.rule == "hedge.vague_quantifier"]
    assert found == [span]


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        ("Police reports show the driver was speeding.", []),
        ("Census data show the town grew by a third.", []),
        ("Vaccination rates have fallen to 89 percent, state data show.", []),
        ("Federal data show the town grew by a third.", []),
        ("The coroner's reports show both men drowned.", []),
        ("Autopsy reports indicate the man died of a heart attack.", []),
        # whose reports or data, no one says
        ("Reports show the driver was speeding.", ["Reports show"]),
        ("New data shows the road is dangerous.", ["data shows"]),
    ],
)
def test_reports_of_a_kind_of_record_name_their_source(sentence, weasel):
    """A crime brief's "Police reports show the driver was speeding." was a weasel, where "Court
    records show…" was not: the police's reports are a record the reader can ask for."""
    assert weasels(BODY + sentence) == weasel


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        ("Local food critics have praised his pastries.", ["critics have praised"]),
        ("Reviewers panned the sequel.", ["Reviewers panned"]),
        ("The critics praised the sequel.", []),
        ("Pauline Kael, the critic, praised the sequel.", []),
    ],
)
def test_praise_from_critics_no_one_names_is_a_weasel(sentence, weasel):
    """A profile's "local food critics have praised his pastries" raised nothing: which critics,
    where, no one says (as "hailed by critics" did)."""
    assert weasels(BODY + sentence) == weasel


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        ("Two other officials have been charged.", []),
        ("Several officials were fired in May.", []),
        ("Other officials were also arrested.", []),
        # who says or thinks something is still unnamed
        ("Some officials say the plan will fail.", ["Some officials say"]),
    ],
)
def test_a_group_something_is_done_to_cites_no_one(sentence, weasel):
    """A court story's "Two other officials have been charged." was a weasel attribution: the
    officials charged are the news, not a source anyone cites."""
    assert weasels(BODY + sentence) == weasel


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        (
            "The initiative, which has garnered widespread support from residents, aims to cut heat.",
            ["garnered widespread support"],
        ),
        ("The stadium has received widespread acclaim.", ["received widespread acclaim"]),
        ("The bill has broad support in the Senate.", []),
    ],
)
def test_support_from_a_crowd_no_one_counts_is_a_weasel(sentence, weasel):
    """A generated story's "The initiative, which has garnered widespread support from residents"
    raised nothing: how many, and who, no one says."""
    assert weasels(BODY + sentence) == weasel


@pytest.mark.parametrize(
    ("sentence", "weasel", "statement"),
    [
        ("Acme Corp was reported to be in talks with Globex.", ["was reported to"], False),
        ("The Livraria Lello is often said to have inspired Harry Potter.", ["is often said"], False),
        # a report to someone, or someone's own statement
        ("The theft was reported to police on Monday.", [], False),
        ("Acme Corp said it was in talks with Globex.", [], True),
    ],
)
def test_hearsay_in_the_passive_is_a_weasel_and_no_ones_statement(sentence, weasel, statement):
    """A travel piece's "…a bookshop that … is often said to have inspired Harry Potter" was both a
    weasel and an unsourced reported statement (the same point twice); "was reported to be in
    talks" was neither: hearsay in the passive is the weasel rule's, and no one's statement."""
    assert weasels(BODY + sentence) == weasel
    signals = sentence_signals(sentence)
    assert (signals is not None and "statement" in signals.kinds) is statement
