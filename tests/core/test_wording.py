"""Counts written as a person writes them (core/wording.py)."""

from __future__ import annotations

import pytest

from reviewapp.core.wording import counted, quoted


def test_a_count_takes_the_noun_in_its_number():
    assert counted(1, "finding") == "1 finding"
    assert counted(0, "finding") == "0 findings"
    assert counted(18, "draft") == "18 drafts"
    assert counted(293_392, "finding") == "293,392 findings"
    assert counted(2, "entry", "entries") == "2 entries"
    assert counted(1, "entry", "entries") == "1 entry"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Landmark", "“Landmark”"),
        ('"Ridership fell 22 percent."', '"Ridership fell 22 percent."'),  # not “"…"”
        ("“We waited,” she said.", "““We waited,” she said.”"),  # a quotation only in part
        ('"', '“"”'),
    ],
)
def test_a_quotation_is_not_quoted_twice(text, shown):
    assert quoted(text) == shown
