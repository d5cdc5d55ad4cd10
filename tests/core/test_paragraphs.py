from __future__ import annotations

from reviewapp.core import Analyzer, load_text
from reviewapp.core.document import split_paragraphs

# Wire copy wrapped at 60 columns, as e-mail and plain-text feeds deliver it.
WRAPPED = """\
Council approves budget

The council voted 7-2 on Tuesday to approve a budget that
raises spending on libraries by 12 percent, the largest
increase in a decade, according to the minutes.

“We might open the branch on Sundays if the staff can be
found,” the mayor told reporters after the meeting.
"""


def test_hard_wrapped_lines_are_one_paragraph():
    paragraphs = split_paragraphs(WRAPPED)
    assert [p.text.split()[0] for p in paragraphs] == ["Council", "The", "“We"]
    second = paragraphs[1]
    # Offsets still index the text as it is, line breaks and all.
    assert WRAPPED[second.start : second.end] == second.text
    assert second.text.endswith("according to the minutes.") and second.text.count("\n") == 2


def test_a_sentence_over_line_breaks_is_analysed_whole():
    result = Analyzer().analyze(load_text(WRAPPED))
    vote = next(f for f in result.findings if f.category == "claim" and "council" in f.text)
    assert vote.text.startswith("The council voted") and vote.text.endswith("according to the minutes.")
    assert vote.severity == "suggestion"  # attributed: "according to the minutes" is on line three
    assert vote.text == WRAPPED[vote.start : vote.end]


def test_a_quotation_may_run_over_a_line_break():
    # "might" is the mayor's word, inside a quotation that ends on the next line.
    result = Analyzer().analyze(load_text(WRAPPED))
    assert not [f for f in result.findings if f.category == "hedge"]


def test_one_paragraph_per_line_stays_so():
    # Lines that each end a sentence, list items, and lines too long for wrapping.
    cases = [
        "The council met on Tuesday to discuss the budget for next year.\nIt approved the plan.\n",
        "- first item of a list that is quite long, long enough\n- second item of the same list\n",
        "# A heading that is long enough to look like wrapped text\nThe body starts here.\n",
        "A" * 30 + " " + "b" * 90 + "\n" + "c" * 50 + "\n",  # a 121-character line
        "                    GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n",
        # Scraped "related stories": full-width lines, but each a capitalised headline.
        "Council approves new budget for library services\nMayor announces plan to reopen the old hall\n",
    ]
    for text in cases:
        assert len(split_paragraphs(text)) == 2, text


def test_a_line_that_could_have_taken_the_next_word_is_not_wrapped():
    text = (
        "This line is short but over forty characters\n"
        "and this one is much longer than the line before it, see.\n"
    )
    assert len(split_paragraphs(text)) == 2


# A headline and a byline straight above wrapped copy, and a second wrapped
# paragraph straight after the first, with no blank lines between them.
MIXED = """\
Council approves budget
By Jane Doe
The council voted 7-2 on Tuesday to approve a budget that
raises spending on libraries by 12 percent, the largest
increase in a decade, according to the minutes.
The mayor said the branch would open on Sundays if the
staff can be found, and that hiring starts in March.
"""


def test_wrapped_paragraphs_inside_a_block_are_found():
    paragraphs = split_paragraphs(MIXED)
    assert [p.text.split("\n")[0] for p in paragraphs] == [
        "Council approves budget",
        "By Jane Doe",
        "The council voted 7-2 on Tuesday to approve a budget that",
        "The mayor said the branch would open on Sundays if the",
    ]
    assert paragraphs[2].text.endswith("according to the minutes.")
    assert paragraphs[3].text.endswith("hiring starts in March.")
    assert all(MIXED[p.start : p.end] == p.text for p in paragraphs)


def test_lines_of_a_block_that_are_not_wrapped_stay_lines():
    for text in (
        "City Hall\n1 Main Street\nSpringfield\n",  # too short for wrapping
        # Full enough at first sight, but no line goes on in lower case.
        "Jane Doe, Senior Editor, The Riverside Gazette\nPhone: 555 0100\nEmail: jane@example.com, desk\n",
    ):
        assert len(split_paragraphs(text)) == 3, text
