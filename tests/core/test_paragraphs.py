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
        # Front matter's fields (the report showed them as one line), an e-mail's headers.
        "title: What the new transit tax means for you\nauthor: Jordan Lee\n",
        "From: Metro desk <metro@example.org> on Tuesday night\nsubject: fares rise\n",
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


def test_an_edits_paragraphs_are_those_a_whole_split_gives(data_dir):
    """after_edit splits again only the lines around an edit: random edits of a one-block draft
    (a generated draft's shape), of hard-wrapped copy and of blocks of short and long lines, each
    compared with splitting and counting the whole text, and an edit of an edit too."""
    import random
    import textwrap

    from reviewapp.core.document import Document, after_edit

    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    library = (data_dir / "riverside-library.txt").read_text(encoding="utf-8")
    bases = [
        "\n".join([article] * 3),
        "\n".join([article, textwrap.fill(article.replace("\n", " ")[:2000], width=70), library]),
        library,
        WRAPPED,
        "\n".join(["Short", "Tiny line here", "w" * 101, "short again", "v" * 99, "x" * 100] * 15),
    ]
    new_lines = [
        "",
        "   ",
        "Short title",
        "a" * 100,
        "b" * 101,
        "- a list item",
        "lower case, wrapped on",
        "q" * 60,
    ]
    rng = random.Random(29)
    for _ in range(400):
        previous = Document(rng.choice(bases))
        lines = previous.text.split("\n")
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(lines))
            edit = rng.randrange(4)
            if edit == 0:
                lines.insert(at, rng.choice(new_lines))
            elif edit == 1 and len(lines) > 1:
                del lines[at]
            elif edit == 2:
                lines[at] = lines[at][: rng.randrange(len(lines[at]) + 1)] + rng.choice(
                    ["", " word", "x" * 50]
                )
            elif at:
                lines[at - 1 : at + 1] = [lines[at - 1] + " " + lines[at]]
        text = "\n".join(lines)
        if not text.strip():
            continue
        whole = Document(text)
        paragraphs, words = after_edit(previous, text)
        assert (paragraphs, words) == (whole.paragraphs, whole.words)
        text2 = (
            text[: len(text) // 2]
            + rng.choice(["\n", "\n\n", " word", "z" * 130 + "\n"])
            + text[len(text) // 2 :]
        )
        assert after_edit(Document(text, known=(paragraphs, words)), text2) == (
            Document(text2).paragraphs,
            Document(text2).words,
        )


def test_an_edit_in_the_app_splits_the_draft_as_loading_it_does():
    from reviewapp.core.loaders import edited

    original = load_text(WRAPPED)
    text = WRAPPED.replace("raises spending", "raises all spending")
    assert edited(original, text, original).paragraphs == load_text(text).paragraphs
    assert edited(original, text, original).words == load_text(text).words
