from __future__ import annotations

from reviewapp.gui.document.offsets import LineMap, utf16_len, utf16_positions


def test_conversions_round_trip_with_astral_characters():
    text = "ab🎉c\nd𝄞e\n\nf😀😀g"
    lines = LineMap(text)
    assert lines.line_starts == [0, 5, 9, 10]
    for index in range(len(text) + 1):
        position = lines.to_utf16(index)
        assert position == utf16_len(text[:index])
        assert lines.from_utf16(position) == index
    assert [lines.line_of(i) for i in (0, 4, 5, 9, 10, 14)] == [0, 0, 1, 2, 3, 3]


def test_positions_within_a_line_for_many_indices():
    for text in ("plain ascii", "café – no astral", "ab🎉c d𝄞e 😀😀g", "🎉", ""):
        utf16 = utf16_positions(text)
        assert [utf16(i) for i in range(len(text) + 1)] == [utf16_len(text[:i]) for i in range(len(text) + 1)]
