from reviewapp.core.diffing import Piece, word_diff


def test_a_changed_word_shows_as_removed_then_added():
    diff = word_diff("The library opens at nine.", "The library opens at ten.")
    assert diff.pieces == (
        Piece("equal", "The library opens at "),
        Piece("delete", "nine"),
        Piece("insert", "ten"),
        Piece("equal", "."),
    )
    assert diff.summary == "1 word(s) added, 1 removed"


def test_an_added_sentence_and_no_change():
    diff = word_diff("One.\n", "One.\nTwo more words.\n")
    assert [p.op for p in diff.pieces] == ["equal", "insert"] and diff.count("insert") == 3
    assert not word_diff("Same text.", "Same text.").changed
    assert word_diff("Same text.", "Same text.").summary == "no change"


def test_the_pieces_rebuild_both_texts():
    before, after = "Sales rose 40% in 2024, the firm said.", "Sales rose 45% in 2024, the company said."
    diff = word_diff(before, after)
    assert "".join(p.text for p in diff.pieces if p.op != "insert") == before
    assert "".join(p.text for p in diff.pieces if p.op != "delete") == after
