from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp.core import Analyzer, load_policy, load_text

GOOD = (
    "Note: This article was drafted with an AI writing assistant. Ana Ruiz, the duty editor, "
    "reviewed and edited it and holds editorial responsibility for it."
)
BODY = (
    "Council approves budget\n"
    "The council voted 7-2 on Tuesday, according to the minutes.\n"
    "The library will open later on Sundays, the library said.\n"
)
AI_TELLS = (
    "In today's fast-paced world, libraries matter. Let's dive in. "
    "It's not just about books; it's about community.\n"
)


def rules(text: str, analyzer: Analyzer | None = None) -> list[str]:
    result = (analyzer or Analyzer()).analyze(load_text(text))
    return [f.rule for f in result.findings if f.category == "disclosure"]


def policy_file(tmp_path: Path, body: str) -> Analyzer:
    path = tmp_path / "policy.toml"
    path.write_text(body)
    return Analyzer(load_policy(path))


def test_complete_disclosure_is_quiet():
    assert rules(BODY + GOOD) == []


def test_truncated_disclosure():
    text = (
        BODY
        + "Disclaimer: This article was written with the help of AI. Readers should check before relying on"
    )
    result = Analyzer().analyze(load_text(text))
    truncated = [f for f in result.findings if f.rule == "disclosure.truncated"]
    assert len(truncated) == 1 and truncated[0].severity == "error"
    assert truncated[0].text == "Readers should check before relying on"


@pytest.mark.parametrize(
    "cut",
    [
        "This article was produced with the help of",
        "*This story was written with the assistance of*",
        "This report was generated using",
    ],
)
def test_a_disclosure_cut_off_before_it_names_the_tool_is_truncated(cut):
    """Cut before the AI term, the line was no disclosure at all: nothing was flagged."""
    assert "disclosure.truncated" in rules(BODY + cut)


def test_a_line_cut_off_that_says_nothing_of_making_the_article_is_no_disclosure():
    assert rules(BODY + "The council met with the help of") == []
    assert rules(BODY + "This story was edited by") == []


@pytest.mark.parametrize(
    ("last", "truncated"),
    [
        ("Its full policy is at https://news.example.org/ai-policy", False),
        ("Access a Zacks stock report on ACME at https://www.zacks.com/ap/ACME", False),
        ("Its full policy is at https://news.example.org/ai-policy and", True),
    ],
)
def test_a_disclosure_that_ends_with_a_link_is_not_cut_off(last, truncated):
    """An automated earnings story's disclosure ends with the data vendor's link, no full stop
    after it (a full stop would break the link): it was an error, "cut off mid-sentence"."""
    assert ("disclosure.truncated" in rules(f"{BODY}{GOOD} {last}")) is truncated


def test_disclosure_ending_in_ellipsis_is_truncated():
    assert "disclosure.truncated" in rules(BODY + GOOD[:-1] + "…")


@pytest.mark.parametrize(
    "error",
    [
        "We makes no warranties",
        "They is responsible",
        "This article contain errors",
        "He answers for it's content",
    ],
)
def test_agreement_errors_in_disclosure(error):
    text = BODY + GOOD + f" {error}."
    assert "disclosure.grammar" in rules(text)


def test_its_as_a_possessive_is_no_error():
    assert "disclosure.grammar" not in rules(BODY + GOOD + " For what it's worth, he checked its figures.")


def test_a_disclosures_errors_are_found_in_the_order_they_come():
    """A word written twice and a verb that does not agree, each where it is, in text order."""
    text = (
        BODY
        + "This article was drafted with AI and the the editor Jane Smith reviewed it. We makes no promises."
    )
    found = [f.text for f in Analyzer().analyze(load_text(text)).findings if f.rule == "disclosure.grammar"]
    assert found == ["the the", "We makes"]


def test_no_human_named():
    text = BODY + "Disclosure: Parts of this story were generated using ChatGPT."
    assert rules(text) == ["disclosure.no_human"]


def test_reviewed_without_a_name_or_role_names_no_human():
    # "then carefully reviewed": two lower-case words before "reviewed" are not a name.
    text = BODY + "This article was drafted with an AI tool and then carefully reviewed before publication."
    assert rules(text) == ["disclosure.no_human"]


def test_a_named_person_who_reviewed_it_is_a_human():
    text = BODY + "This article was drafted with an AI tool. Ana Ruiz, who reviewed it, holds responsibility."
    assert rules(text) == []


@pytest.mark.parametrize(
    ("responsible", "found"),
    [
        ("Chris Adler is responsible for its content.", []),
        ("Ana Ruiz takes editorial responsibility.", []),
        ("Microsoft Copilot is responsible for its content.", ["disclosure.no_human"]),  # a product
        ("The text is responsible for itself.", ["disclosure.no_human"]),
    ],
)
def test_a_later_sentence_may_name_who_holds_responsibility(responsible, found):
    """ "AI was used to help draft this review. Chris Adler is responsible for its content." was
    told it named no one: a name counted only at the disclosure's start."""
    assert rules(BODY + f"AI was used to help draft this review. {responsible}") == found


@pytest.mark.parametrize(
    ("editor", "found"),
    [
        ("Human editor: Li Wei.", []),
        ("Editor: Ana Ruiz.", []),
        ("Editor: see the staff page.", ["disclosure.no_human"]),  # a label, but nobody named
    ],
)
def test_an_editor_named_in_a_label_is_a_human_who_holds_responsibility(editor, found):
    """ "AI was used in the creation of this content. Human editor: Li Wei." names the editor who
    answers for the text; it raised "names no person or role"."""
    assert rules(BODY + f"AI was used to draft parts of this content. {editor}") == found


@pytest.mark.parametrize(
    "reviewer",
    [
        "it was edited by J. Smith.",
        "it was reviewed by Mary-Jane O'Neil.",
        "it was reviewed by José García.",
        "it was checked by Anna van der Berg.",
        "Łukasz Nowak checked it.",
        "Reviewed by: Sam Patel.",
    ],
)
def test_names_as_people_write_them_are_humans(reviewer):
    """A name with an initial, a hyphen, an apostrophe, accents or a particle, or after "Reviewed
    by:", was no name: the disclosure was told it named no one."""
    assert rules(BODY + f"AI helped draft this story; {reviewer}") == []


@pytest.mark.parametrize(
    ("reviewer", "found"),
    [
        ("The reporting and editing were done by Jane Doe.", []),
        ("Fact-checking by the metro desk.", []),
        ("The reporting was done by Jane Doe.", ["disclosure.no_human"]),  # wrote it; nobody reviewed it
    ],
)
def test_the_editing_done_by_someone_is_a_human_review(reviewer, found):
    """ "…The reporting and editing were done by Jane Doe." named her, and the disclosure was told
    it named no one who reviewed the text."""
    assert (
        rules(
            BODY + f"We used artificial intelligence to summarize public records for this report. {reviewer}"
        )
        == found
    )


@pytest.mark.parametrize(
    ("reviewer", "found"),
    [
        ("Reviewed by a human.", ["disclosure.no_human"]),
        ("A human reviewed it, with human oversight throughout.", ["disclosure.no_human"]),
        ("It was reviewed by a human editor.", []),  # an editor: a role
        ("Human review by the metro desk.", []),
    ],
)
def test_a_human_unnamed_holds_no_editorial_responsibility(reviewer, found):
    """ "Reviewed by a human." counted as naming who reviewed the text and answers for it: it names
    neither a person nor a role (the policy's requirement, EU AI Act art. 50(4))."""
    assert rules(BODY + f"This article was written with the help of AI. {reviewer}") == found


def test_a_product_in_capitals_is_no_name():
    assert rules(BODY + "AI helped draft this story; it was reviewed by AI Tools.") == ["disclosure.no_human"]


def test_missing_when_the_text_reads_as_generated():
    found = Analyzer().analyze(load_text(BODY + AI_TELLS)).findings
    missing = [f for f in found if f.rule == "disclosure.missing"]
    assert len(missing) == 1
    assert missing[0].start == missing[0].end == len(BODY + AI_TELLS)  # where the fix goes: the end
    assert missing[0].severity == "error"


def test_a_chat_assistants_words_to_its_user_are_proof_of_generated_text():
    """One "I hope this helps!" is proof where three stock phrases are a sign: the disclosure is
    missing, and the finding says why."""
    text = BODY + "I hope this helps! Let me know if you need any changes.\n"
    found = Analyzer().analyze(load_text(text)).findings
    assert [f.rule for f in found if f.category == "ai_tell"] == ["ai_tell.assistant"] * 2
    missing = [f for f in found if f.rule == "disclosure.missing"]
    assert len(missing) == 1 and "chat assistant's words" in missing[0].message
    assert "“I hope this helps”" in missing[0].message


def test_not_missing_for_plain_human_text():
    assert rules(BODY) == []


def test_missing_when_policy_always_requires(tmp_path):
    analyzer = policy_file(tmp_path, '[disclosure]\nrequired = "always"\n')
    assert rules(BODY, analyzer) == ["disclosure.missing"]


def test_missing_when_metadata_declares_ai_use():
    text = "---\ntitle: Budget\nai_use: assisted\n---\n" + BODY
    result = Analyzer().analyze(load_text(text, fmt="md"))
    assert [f.rule for f in result.findings if f.category == "disclosure"] == ["disclosure.missing"]


@pytest.mark.parametrize("key", ["ai_assisted", "ai-generated", "AI_Generated"])
def test_a_publishing_systems_name_for_ai_use_declares_it(key):
    """A CMS export's "ai_assisted: true" was read as no declaration: no disclosure was asked for."""
    text = f"---\ntitle: Budget\n{key}: true\n---\n" + BODY
    result = Analyzer().analyze(load_text(text, fmt="md"))
    assert [f.rule for f in result.findings if f.category == "disclosure"] == ["disclosure.missing"]
    denied = f"---\ntitle: Budget\n{key}: false\n---\n" + BODY + "\n" + GOOD
    found = Analyzer().analyze(load_text(denied, fmt="md")).findings
    assert "disclosure.contradiction" in [f.rule for f in found]


def test_placement_at_the_end(tmp_path):
    text = (
        "Council approves budget\n"
        + GOOD
        + "\n"
        + "\n".join(f"Paragraph {i} says something about the library." for i in range(6))
    )
    assert rules(text) == ["disclosure.placement"]
    anywhere = policy_file(tmp_path, '[disclosure]\nplacement = "anywhere"\n')
    assert rules(text, anywhere) == []


def test_contradiction_with_a_denial_elsewhere():
    text = BODY + "This story was written entirely by our reporters without AI.\n" + GOOD
    found = Analyzer().analyze(load_text(text)).findings
    contradiction = [f for f in found if f.rule == "disclosure.contradiction"]
    assert len(contradiction) == 1
    assert "without AI" in contradiction[0].text


def test_a_disclosure_that_denies_itself_is_a_contradiction():
    """ "…written with AI and reviewed by…. No AI was used in this article." in one paragraph was
    read as a note that no AI was used: nothing was found at all."""
    text = (
        BODY
        + "This article was written with AI and reviewed by editor Tom Baker. "
        + "No AI was used in this article.\n"
    )
    result = Analyzer().analyze(load_text(text))
    assert result.roles[-1] == "disclosure"
    contradiction = [f for f in result.findings if f.rule == "disclosure.contradiction"]
    assert [f.text for f in contradiction] == ["No AI was used in this article."]
    assert rules(BODY + "No AI was used in this article.\n") == []  # a denial alone contradicts nothing


@pytest.mark.parametrize("byline", ["By ChatGPT", "By Ann Lee and ChatGPT", "Written by AI"])
def test_a_byline_that_names_an_ai_asks_for_a_disclosure(byline):
    """ "By Ann Lee and ChatGPT" declared AI use and asked for no disclosure."""
    head, rest = BODY.split("\n", 1)
    found = Analyzer().analyze(load_text(f"{head}\n{byline}\n{rest}")).findings
    missing = [f for f in found if f.category == "disclosure"]
    assert [f.rule for f in missing] == ["disclosure.missing"]
    assert "in the byline" in missing[0].message
    assert rules(f"{head}\n{byline}\n{rest}{GOOD}\n") == []
    assert rules(f"{head}\nBy Ann Lee\n{rest}") == []


@pytest.mark.parametrize(
    "line",
    [
        "The Associated Press used automation to write this story.",
        "This story was generated by Automated Insights using data from Zacks Investment Research.",
    ],
)
def test_automation_that_wrote_the_story_is_disclosed_ai_use(line):
    assert rules(f"{BODY}{line}\n") == ["disclosure.no_human"]


def test_a_press_releases_disclosure_names_the_release():
    """ "This release was drafted with the help of an AI tool…" was a named party's unsourced event."""
    line = "This release was drafted with an AI tool and reviewed by Jamie Lee, who is responsible for it."
    result = Analyzer().analyze(load_text(f"{BODY}{line}\n"))
    assert result.roles[-1] == "disclosure"
    assert [f.rule for f in result.findings if f.text == line] == []
    news = "The company used AI to write the release it sent on Monday."
    assert Analyzer().analyze(load_text(f"{BODY}{news}\n")).roles[-1] == "body"


def test_body_about_ai_is_not_a_disclosure():
    text = "AI chips in demand\nNvidia sold more AI chips than ever, the company said on Monday.\n"
    assert rules(text) == []


def test_scope_required_by_policy(tmp_path):
    analyzer = policy_file(tmp_path, "[disclosure]\nrequire_scope = true\n")
    vague = BODY + (
        "Note: AI was used in making this article. The duty editor reviewed it and holds "
        "editorial responsibility."
    )
    assert rules(vague, analyzer) == ["disclosure.vague"]
    assert rules(BODY + GOOD, analyzer) == []


def test_news_about_a_company_using_ai_keeps_its_claims():
    text = "Factory news\nFoxconn uses AI to inspect 3 million circuit boards a day, the company said.\n"
    result = Analyzer().analyze(load_text(text))
    assert result.roles == ["title", "body"]
    assert [f.rule for f in result.findings if f.category == "claim"] == ["claim.figure"]


@pytest.mark.parametrize(
    "statement",
    [
        "AI was used to summarise the council's minutes for this article.",
        "AI tools helped research this story.",
        "We used ChatGPT to write the first draft of this story.",
        # "fact check" in two words, as most fact-checkers write it (only "fact-check" was read)
        "This fact check was researched with the help of an AI tool.",
        "AI tools helped research this fact check.",
        # automated generation, as wire services write it of their machine-made stories
        "This article was generated automatically from election data.",
    ],
)
def test_disclosures_in_the_active_are_read_as_disclosures(statement):
    """ "Used to summarise", "helped research": a disclosure too, so its gaps are found (here: no
    human named); it was read as body text, and the draft as having none."""
    result = Analyzer().analyze(load_text(BODY + statement))
    assert result.roles[-1] == "disclosure"
    assert rules(BODY + statement) == ["disclosure.no_human"]


def test_ai_used_for_something_else_in_the_report_is_news_not_a_disclosure():
    text = BODY + "Students used ChatGPT to write 40 percent of their essays, the report found.\n"
    result = Analyzer().analyze(load_text(text))
    assert result.roles[-1] == "body"
    assert [f.rule for f in result.findings if f.category == "claim"][-1] == "claim.figure"


@pytest.mark.parametrize("marks", ["*", "_", "**", "***"])
def test_a_disclosure_in_markdown_emphasis_is_complete(marks):
    """ "*…editorial responsibility.*" ends its sentence: the closing marks are Markdown's."""
    assert rules(BODY + f"{marks}{GOOD}{marks}") == []
    cut = GOOD.rsplit(" ", 3)[0]
    assert rules(BODY + f"{marks}{cut}{marks}") == ["disclosure.truncated"]


@pytest.mark.parametrize(
    "statement",
    [
        "Written with the help of AI and edited by Jane Smith, who takes editorial responsibility.",
        "AI-assisted. Reviewed by Jane Smith, metro editor, who holds editorial responsibility.",
        "Parts of this article were translated with DeepL and reviewed by Jane Smith.",
        # the person as the subject: "names no person" before
        "Disclosure: Jane Smith used an AI tool to help write these updates and checked each one.",
        # a piece of another kind than an article or a story: it was body text, and no disclosure
        "This explainer was drafted with AI and checked by Jane Smith, metro editor, who is responsible.",
        "This review was written by Li Wei; an AI tool checked its spelling. Li Wei is responsible for it.",
    ],
)
def test_credit_line_disclosures_are_read_and_complete(statement):
    """A participle with no subject, an "AI-assisted." tag, a translation tool, a name after
    "reviewed by": each was no disclosure, or one naming nobody, and generated text then read
    as undisclosed (a blocking error)."""
    text = BODY + AI_TELLS + statement
    result = Analyzer().analyze(load_text(text))
    assert result.roles[-1] == "disclosure"
    assert rules(text) == []


def test_news_opening_with_ai_generated_is_body_text():
    text = BODY + "AI-generated images flooded social media last year, the agency said.\n"
    assert Analyzer().analyze(load_text(text)).roles[-1] == "body"


def test_news_of_another_analysis_made_with_ai_is_body_text():
    text = BODY + "The analysis was produced with AI by the agency, which said it found 40 errors.\n"
    assert Analyzer().analyze(load_text(text)).roles[-1] == "body"


@pytest.mark.parametrize(
    ("statement", "found"),
    [
        ("Parts were drafted with ChatGPT and checked by the editor, Jane Doe.", []),
        ("Parts were drafted with ChatGPT and checked by the software.", ["disclosure.no_human"]),
    ],
)
def test_parts_drafted_with_ai_is_a_disclosure(statement, found):
    """ "Parts were drafted with ChatGPT…" names no article, but as a paragraph of its own it can
    only mean this one: it was read as no disclosure at all, and its missing human went untold."""
    assert rules(BODY + statement) == found


def test_a_note_that_this_article_was_made_without_ai_is_no_claim_and_still_a_denial():
    """ "No AI was used in the writing of this article." was a check-worthy statement of the body;
    it is a note about the article, and still contradicts a disclosure."""
    denial = "No AI was used in the writing of this article."
    result = Analyzer().analyze(load_text(BODY + denial + "\n"))
    assert [f.rule for f in result.findings if f.text.startswith("No AI")] == []
    with_disclosure = Analyzer().analyze(load_text(BODY + denial + "\n" + GOOD + "\n"))
    assert "disclosure.contradiction" in [f.rule for f in with_disclosure.findings]
    news = "The agency said no AI was used in the writing of its ads, which ran 40 times last year."
    story = Analyzer().analyze(load_text(BODY + news + "\n"))
    assert any(f.category == "claim" for f in story.findings)  # the story's words, not a note


@pytest.mark.parametrize(
    ("disclosure", "found"),
    [
        ("This article was produced by our newsroom with support from an AI writing tool, "
         "reviewed by editor Kim Lee.", []),
        ("We used generative AI to help translate this article from Spanish. It was reviewed by "
         "translator Ana Gómez.", []),
    ],
)  # fmt: skip
def test_a_newsroom_helped_by_ai_and_a_translator_who_reviewed_it(disclosure, found):
    """The first was read as a denial ("produced by our newsroom") and was no disclosure; the
    second named a translator, who was no reviewing role."""
    assert rules(BODY + disclosure + "\n") == found


def findings_of(text: str) -> list:
    return [f for f in Analyzer().analyze(load_text(text)).findings if f.category == "disclosure"]


@pytest.mark.parametrize(
    ("disclosure", "typos"),
    [
        # "reviewd" is said once, as a typo: the disclosure still names who reviewed it.
        ("This article was drafted with AI assistence and reviewd by Ana Ruiz, the duty editor, "
         "who holds editorial responsibility.", [("assistence", "assistance"), ("reviewd", "reviewed")]),
        # Read as a disclosure though its AI is misspelt.
        ("This article was generated with Artifical Intelligence and reviewed by Ana Ruiz, who "
         "holds editorial responsibilty.",
         [("Artifical", "Artificial"), ("responsibilty", "responsibility")]),
        (GOOD, []),
    ],
)  # fmt: skip
def test_a_misspelt_disclosure_word_is_found_with_its_correction(disclosure, typos):
    """A disclosure with "AI assistence and reviewd by…" raised nothing but "names no person who
    reviewed it"; one with "Artifical Intelligence" was not read as a disclosure at all."""
    found = findings_of(BODY + disclosure)
    assert [(f.text, f.replacements) for f in found] == [(typo, (right,)) for typo, right in typos]
    assert all(f.rule == "disclosure.grammar" and f.severity == "warning" for f in found)


def test_ai_tools_was_used_is_a_grammar_error_in_a_disclosure():
    found = findings_of(BODY + "AI tools was used to draft this article. " + GOOD.split(". ", 1)[1])
    assert [(f.rule, f.text) for f in found] == [("disclosure.grammar", "AI tools was")]


@pytest.mark.parametrize(
    ("disclosure", "found"),
    [
        ("AI was used to draft this.", ["disclosure.no_human"]),
        ("This was written with the help of AI.", ["disclosure.no_human"]),
        ("AI tools helped draft this. Ana Ruiz, the duty editor, reviewed it and holds editorial "
         "responsibility for it.", []),
        # "this" that is not what was made: no disclosure, so none to judge.
        ("Students used ChatGPT to write essays like this.", []),
        ("The agency said this was produced with AI.", []),
    ],
)  # fmt: skip
def test_this_alone_may_be_the_article_a_disclosure_names(disclosure, found):
    """ "AI was used to draft this." was not read as a disclosure: "this" named no kind of article,
    so it was neither checked nor counted as the draft's disclosure."""
    assert rules(BODY + disclosure) == found


def test_a_template_disclosure_checked_again_in_another_draft_is_found_where_it_stands_there():
    """A disclosure's own findings are kept per text (a house template closes most drafts): in a
    second draft, with a longer body above it, they are the same findings at its own place."""
    analyzer = Analyzer()
    bad = "AI was used to draft this story"  # cut off, and names no one
    first = analyzer.analyze(load_text(BODY + bad)).findings
    longer = BODY + "The library will also open on Mondays, the library said.\n"
    second = analyzer.analyze(load_text(longer + bad)).findings
    alone = Analyzer().analyze(load_text(longer + bad)).findings

    def disclosure(found, text):
        return [(f.rule, text[f.start : f.end]) for f in found if f.category == "disclosure"]

    assert (
        disclosure(second, longer + bad) == disclosure(alone, longer + bad) == disclosure(first, BODY + bad)
    )
    assert {f.rule for f in second if f.category == "disclosure"} >= {
        "disclosure.truncated",
        "disclosure.no_human",
    }


@pytest.mark.parametrize(
    ("reviewer", "denied"),
    [
        ("No human editor reviewed it.", True),
        ("It has not been reviewed by an editor.", True),
        ("It was published without human review.", True),
        ("It was not fact-checked by our staff.", True),
        # a review that is said to have happened
        ("The duty editor reviewed it and holds editorial responsibility.", False),
        ("No changes were made after the duty editor reviewed it.", False),
    ],
)
def test_a_disclosure_that_says_no_one_reviewed_the_text_names_no_human(reviewer, denied):
    """ "This article was created by artificial intelligence. No human editor reviewed it." raised
    nothing: a role ("human editor") and a verb of review ("reviewed") were found, the "No" before
    them not read. Nobody holds editorial responsibility (EU AI Act art. 50(4))."""
    text = BODY + f"This article was created by artificial intelligence. {reviewer}"
    found = [f for f in Analyzer().analyze(load_text(text)).findings if f.category == "disclosure"]
    assert [f.rule for f in found] == (["disclosure.no_human"] if denied else [])
    if denied:  # on the sentence that says so
        assert "says no one reviewed" in found[0].message and found[0].text == reviewer
