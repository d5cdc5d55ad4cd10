from __future__ import annotations

import pytest

from reviewapp.core.text import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith went to Washington. He voted no.", ["Mr. Smith went to Washington.", "He voted no."]),
        ("Prices rose 3.5 per cent. Wages did not.", ["Prices rose 3.5 per cent.", "Wages did not."]),
        ("The U.S. economy grew. It was fast.", ["The U.S. economy grew.", "It was fast."]),
        ("He moved to the U.S. The move was quick.", ["He moved to the U.S.", "The move was quick."]),
        ("Many fruits, e.g. Apples, are cheap.", ["Many fruits, e.g. Apples, are cheap."]),
        ("J. K. Rowling wrote it. Fans agree.", ["J. K. Rowling wrote it.", "Fans agree."]),
        ("“It is over.” Then he left.", ["“It is over.”", "Then he left."]),
        ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
        ("See https://example.org/a.b?c=1. Then go.", ["See https://example.org/a.b?c=1.", "Then go."]),
        ("It opens at 8 p.m. on weekdays.", ["It opens at 8 p.m. on weekdays."]),
        # after a time, a capitalised word opens a sentence unless it is a day, a month or a zone
        (
            "The session stretched past 4 a.m. Lawmakers debated 30 amendments.",
            ["The session stretched past 4 a.m.", "Lawmakers debated 30 amendments."],
        ),
        ("Polls close at 8 p.m. Eastern on Tuesday.", ["Polls close at 8 p.m. Eastern on Tuesday."]),
        ("It starts at 9 a.m. Friday.", ["It starts at 9 a.m. Friday."]),
        ("The talks began at 2:51 p.m. EST in Geneva.", ["The talks began at 2:51 p.m. EST in Geneva."]),
        ("It ends at 8 p.m. London time.", ["It ends at 8 p.m. London time."]),
        ("It ended at 8 p.m. It was late.", ["It ended at 8 p.m.", "It was late."]),
        ("Acme Inc. The company said so.", ["Acme Inc.", "The company said so."]),
        # a street closing an address ends its sentence; a saint opening a name does not
        ("It is at 300 W. Elm St. It opens at 9.", ["It is at 300 W. Elm St.", "It opens at 9."]),
        ("She moved to St. Louis in May.", ["She moved to St. Louis in May."]),
    ],
)
def test_split_sentences(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_offsets_are_shifted():
    sentences = split_sentences("One. Two.", offset=100)
    assert [(s.start, s.end) for s in sentences] == [(100, 104), (105, 109)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("it's", "it['’]s"),
        (r"[\w'-]+", r"[\w'’-]+"),  # inside a class the typographic one joins it
        (r"[^']x'", r"[^'’]x['’]"),
        (r"[]']'", r"[]'’]['’]"),  # a "]" first in a class is a member
        (r"[a^]'", r"[a^]['’]"),
    ],
)
def test_apostrophes_in_rule_patterns(pattern, expected):
    import re

    from reviewapp.core.text import apostrophes

    assert apostrophes(pattern) == expected
    re.compile(expected)


def test_a_short_quote_of_a_long_text_is_the_whole_texts_quote():
    """Worked out from the text's head where that is enough, and the same as from the whole."""
    import random

    from reviewapp.core.text import short_quote

    def whole(text: str, limit: int) -> str:
        line = " ".join(text.split())
        return line if len(line) <= limit else line[: limit - 3] + "…"

    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice("ab \n") for _ in range(rng.randrange(0, 200)))
        for limit in (3, 10, 40, 80):
            assert short_quote(text, limit) == whole(text, limit), (text, limit)


def test_markdown_emphasis_around_a_sentence_boundary():
    """ "- **Council approves budget.** The council voted 7-2." was one sentence, so the bullet's
    bold lead-in was part of the claim it introduces."""
    from reviewapp.core.text import split_sentences

    texts = [
        s.text
        for s in split_sentences("- **Council approves budget.** The council voted 7-2. _Then_ it rose.")
    ]
    assert texts == ["- **Council approves budget.**", "The council voted 7-2.", "_Then_ it rose."]


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        (
            "**Test scores fell 12% last year. Why?** The district blamed staffing.",
            ["Test scores fell 12% last year.", "Why?", "The district blamed staffing."],
        ),
        ("*The budget grew by $4 million.*", ["The budget grew by $4 million."]),
        (
            "__Enrollment dropped to 4,200.__ Officials said so.",
            ["Enrollment dropped to 4,200.", "Officials said so."],
        ),
        # marks closed within the sentence, a bullet, a line of marks: as they are
        ("_Then_ it rose.", ["_Then_ it rose."]),
        ("__init__ is a method.", ["__init__ is a method."]),
        ("* Item text.", ["* Item text."]),
        ("***", ["***"]),
    ],
)
def test_emphasis_over_a_whole_sentence_is_not_part_of_it(paragraph, sentences):
    """A Markdown Q&A's bold question ("**Test scores fell 12% last year. Why?**") was found with
    its "**" in the finding's text and highlight, and "Why?**" read as no question."""
    from reviewapp.core.text import split_sentences

    found = split_sentences(paragraph, 10)
    assert [s.text for s in found] == sentences
    assert all(paragraph[s.start - 10 : s.end - 10] == s.text for s in found)
