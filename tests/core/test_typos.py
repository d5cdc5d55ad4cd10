from __future__ import annotations

from reviewapp.core.rules import word_list
from reviewapp.core.typos import corrected, misspellings, typos


def test_a_words_typos_are_dropped_swapped_doubled_and_wrong_vowel_letters():
    found = typos("reviewed")
    assert {"reviewd", "reveiwed", "revviewed", "reviewid"} <= found
    # Not the word, nor one of its forms with its last letter dropped ("generate" is a word).
    assert "reviewed" not in found and "reviewe" not in found
    assert "generate" not in typos("generated")


def test_no_typo_looked_for_is_a_disclosure_word():
    words = word_list("disclosure_words")
    assert all(typos(word).isdisjoint(words) for word in words)


def test_misspellings_keep_the_typos_case_and_corrected_reads_as_meant():
    text = "Made with ARTIFICAL Intelligance, reviewd by Jane."
    assert [(text[s:e], right) for s, e, right in misspellings(text)] == [
        ("ARTIFICAL", "ARTIFICIAL"),
        ("Intelligance", "Intelligence"),
        ("reviewd", "reviewed"),
    ]
    assert corrected(text) == "Made with ARTIFICIAL Intelligence, reviewed by Jane."
    assert misspellings("Reviewed by Jane, who holds editorial responsibility.") == []
