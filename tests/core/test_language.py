"""A draft that is not English says so: the rules read English only, and their silence on a
German draft must not pass for a clean review."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewapp.core import load_path
from reviewapp.core.language import MIN_WORDS, reads_as_english
from reviewapp.core.loaders import edited, load_text

GERMAN = (
    "Der Stadtrat hat am Dienstag mit sieben zu zwei Stimmen den Haushalt für das kommende Jahr "
    "beschlossen. Die Ausgaben steigen um zwölf Prozent auf 48 Millionen Euro. Bürgermeisterin Anna "
    "Weber sprach von einem historischen Tag für die Stadt. Kritiker bemängeln, dass die Schulden "
    "weiter wachsen, und die Opposition will gegen den Beschluss klagen."
)
SPANISH = (
    "El ayuntamiento aprobó el martes el presupuesto para el próximo año con siete votos a favor y "
    "dos en contra. El gasto aumentará un 12 por ciento hasta alcanzar los 48 millones de euros. La "
    "alcaldesa habló de un día histórico para la ciudad, mientras que la oposición anunció que "
    "recurrirá la decisión ante los tribunales."
)
# Terse English (headline words, few articles) still reads as English.
TERSE_ENGLISH = (
    "Council approves budget. Spending up 12 percent to 48 million euros. Mayor Anna Weber: "
    "historic day for the city. Critics: debt keeps growing. Opposition plans court challenge. "
    "Next meeting in May. Vote 7-2. Two members absent. Budget takes effect January. Taxes "
    "unchanged this year, rise expected next year, officials say."
)


@pytest.mark.parametrize(("text", "english"), [(GERMAN, False), (SPANISH, False), (TERSE_ENGLISH, True)])
def test_reads_as_english(text, english):
    assert reads_as_english(text) is english


def test_too_short_to_tell():
    assert reads_as_english(" ".join(["Haushalt"] * (MIN_WORDS - 1))) is None


def test_a_german_draft_says_so_and_english_ones_do_not(tmp_path, data_dir):
    path = tmp_path / "haushalt.txt"
    path.write_text(GERMAN, encoding="utf-8")
    assert load_path(path).warnings == [
        f"{path}: this draft does not read as English: reviewapp's rules and scores read English only, "
        "so most of what they look for cannot be found in it. Review it by hand."
    ]
    assert load_path(data_dir / "openai-foxconn.txt").warnings == []
    assert load_text(TERSE_ENGLISH).warnings == []


def test_an_edit_in_the_app_does_not_judge_again():
    """Said once, when the draft is read (the app shows it above the text while it is open)."""
    original = load_text(GERMAN)
    assert len(original.warnings) == 1
    assert edited(original, GERMAN + " Noch ein Satz.").warnings == []


@given(st.text(alphabet=st.sampled_from("abz AZ09_'’‘“”–—…\u00a0.,-\n\téüİß"), max_size=60))
def test_the_ascii_words_are_the_same_words(text):
    """Where the letters are ASCII, the words found in the bytes are those the expression finds."""
    from reviewapp.core import language

    sample = text.lower()
    if language._NOT_ASCII_OR_PUNCTUATION.search(sample) is None:
        found = [word.replace("’", "'").encode() for word in language._WORD.findall(sample)]
        assert language.ascii_words(sample) == found
    else:
        assert any(c in sample for c in "éüi̇ß")
