"""What a paragraph's last sentence gives the paragraph under it, with its source; the lead's source
below it."""

from __future__ import annotations

import pytest

from reviewapp.core.neighbour_sources import (
    FIGURES,
    FORECAST,
    closes_with_source,
    lead_index,
    opens_with_sourced_figures,
)


@pytest.mark.parametrize(
    ("paragraph", "gives"),
    [
        ("Rates fell to 6.2% this week, Freddie Mac said.", FIGURES),
        ("Acme said Tuesday that its profit fell 18%.", FIGURES),
        (
            "Fares will rise 10% on Jan. 1, the ferry district said, the first increase since 2019.",
            FIGURES | FORECAST,
        ),
        ("Roads were icy. Forecasters said travel over the pass could be very difficult.", FORECAST),
        ("Rates rose 5%, Acme said. The council met.", 0),  # the source is not in the last sentence
        ("“Rates fell 2%,” Lee said.", 0),  # someone's words
        ("Rates rose 5%, experts said.", 0),  # no one to ask
        ("It rose after Acme said that 5 were hurt.", 0),
        ("The council met on Monday, the mayor said.", 0),  # neither figures nor a forecast
    ],
)
def test_what_a_paragraphs_last_sentence_gives_with_its_source(paragraph, gives):
    assert closes_with_source(paragraph) == gives


def test_the_lead_is_the_first_sentence_of_some_length_near_the_top():
    texts = [
        "Garcia wins",
        "By Ann Lee",
        "Nov. 3, 2026",
        "Elena Garcia was elected mayor of Riverton on Tuesday by a wide margin.",
        "x",
    ]
    assert lead_index(texts) == 3
    assert lead_index(["Title", "Short line."]) is None


def test_a_paragraph_that_opens_with_figures_and_their_source():
    assert opens_with_sourced_figures(
        "Garcia had 58% of the vote, according to the elections office. Turnout rose."
    )
    assert not opens_with_sourced_figures(
        "Turnout rose. Garcia had 58% of the vote, according to the elections office."
    )
    assert not opens_with_sourced_figures("x" * 5_000_000 + " 5, according to the office.")  # its start only


@pytest.mark.parametrize(
    ("paragraph", "sourced"),
    [
        (
            "Of the 1,100 nurses who cast ballots, 94 percent voted in favor, according to the Nurses "
            "Alliance, the union that represents them. The union must give notice.",
            True,
        ),
        ("Sales rose 4%, according to Acme, which did not say why.", True),
        ("Rents rose 5%, according to some experts, who did not say why.", False),
    ],
)
def test_a_source_after_according_to_may_be_described_after_a_comma(paragraph, sourced):
    """A strike story's second paragraph, "…, according to the Nurses Alliance, the union that
    represents them.", did not source the lead above it: the words that said who the source is
    were read as more of the sentence."""
    assert opens_with_sourced_figures(paragraph) is sourced
