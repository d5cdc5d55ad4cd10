from reviewapp.core.diffing import Piece, TextEdit, text_edit, word_diff


def test_a_changed_word_shows_as_removed_then_added():
    diff = word_diff("The library opens at nine.", "The library opens at ten.")
    assert diff.pieces == (
        Piece("equal", "The library opens at "),
        Piece("delete", "nine"),
        Piece("insert", "ten"),
        Piece("equal", "."),
    )
    assert diff.summary == "1 word added, 1 removed"


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


def test_a_text_edit_is_the_one_stretch_that_differs():
    import random

    assert text_edit("The library opens at nine.", "The library opens at ten.") == TextEdit(21, 25, 24)
    assert text_edit("same", "same") == TextEdit(4, 4, 4)
    assert text_edit("aaa", "aaaa") == TextEdit(3, 3, 4)  # the common end never overlaps the start
    chooser = random.Random(7)
    for _ in range(2000):
        before = "".join(chooser.choice("ab") for _ in range(chooser.randint(0, 12)))
        after = "".join(chooser.choice("ab") for _ in range(chooser.randint(0, 12)))
        edit = text_edit(before, after)
        assert before[: edit.start] == after[: edit.start]
        assert before[edit.old_end :] == after[edit.new_end :]
        assert edit.start <= min(edit.old_end, edit.new_end)
        longer = edit.start + 1
        assert before[:longer] != after[:longer] or longer > min(len(before), len(after))
    big = "word " * 200_000  # a megabyte: compared a chunk at a time, then halved within one
    edit = text_edit(big, big[:700_001] + "X" + big[700_001:])
    assert edit == TextEdit(700_001, 700_001, 700_002)


def test_a_span_clear_of_the_edit_is_mapped_and_one_touching_it_is_not():
    edit = TextEdit(10, 12, 15)  # two characters at 10 became five: later text moved by 3
    new = [("a", 2, 9), ("b", 16, 20), ("c", 5, 10), ("d", 15, 18)]
    assert edit.old_spans(new) == [("a", 2, 9), ("b", 13, 17), None, None]
    assert edit.kept_old([("a", 13, 20), ("b", 12, 14), ("c", 2, 9)]) == [("a", 13, 20), None, ("c", 2, 9)]


def test_the_pieces_rebuild_both_texts_whatever_the_edits():
    """Lines first, then words: on texts with repeated and blank lines, lines added, removed,
    moved and edited, the pieces are always the two texts."""
    import random
    from itertools import pairwise

    rng = random.Random(11)
    stock = ["The council met.", "", "It might rain, they said.", "Sales rose 5%.", "Sam Altman said so."]
    for _ in range(400):
        lines = [rng.choice(stock) for _ in range(rng.randint(0, 30))]
        edited = list(lines)
        for _ in range(rng.randint(0, 4)):
            spot = rng.randint(0, len(edited))
            action = rng.choice(["add", "remove", "edit", "move"])
            if action == "add":
                edited.insert(spot, rng.choice(stock) + " New words.")
            elif edited and spot < len(edited):
                if action == "remove":
                    del edited[spot]
                elif action == "edit":
                    edited[spot] = edited[spot].replace("e", "E", 1) + " more"
                else:
                    edited.insert(rng.randint(0, len(edited)), edited.pop(spot))
        before, after = "\n".join(lines), "\n".join(edited)
        diff = word_diff(before, after)
        assert "".join(p.text for p in diff.pieces if p.op != "insert") == before
        assert "".join(p.text for p in diff.pieces if p.op != "delete") == after
        assert diff.changed == (before != after)
        assert all(a.op != b.op for a, b in pairwise(diff.pieces))  # runs of one kind joined


def test_a_long_draft_is_compared_line_by_line_first():
    """Word by word over a whole 10,000-word draft took 13 s (difflib compares each space and
    comma with every other); an edit in one paragraph is now found by its lines."""
    article = "The council voted on Tuesday, and the mayor said so.\n\n" * 1000
    edited = article.replace("mayor said", "mayor denied", 1)
    diff = word_diff(article, edited)
    assert [(p.op, p.text) for p in diff.pieces if p.op != "equal"] == [
        ("delete", "said"),
        ("insert", "denied"),
    ]
    whole = word_diff(article, article.replace("Tuesday", "Monday"))
    assert whole.count("delete") == whole.count("insert") == 1000
