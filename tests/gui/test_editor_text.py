"""The editor's text kept block by block equals the editor's own text, as written, after any edit."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from reviewapp.gui.document.editor_text import EditorText

PIECES = ["word", " ", "\n", "\n\n", "é", "😀", "\u00a0", "\u2028", "\u2029", "\t", "Mr. Smith said so."]


def written(editor: QPlainTextEdit) -> str:
    """The editor's text as written (its raw text, blocks separated by U+2029), a line break
    between blocks: no-break spaces and line separators kept, as toPlainText does not."""
    return editor.document().toRawText().replace("\u2029", "\n")


def random_text(rng: random.Random, pieces: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(pieces))


@pytest.mark.parametrize("seed", range(6))
def test_the_kept_text_is_the_editors_after_every_kind_of_edit(qtbot, seed):
    rng = random.Random(seed)
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(random_text(rng, 40))
    document = editor.document()
    kept = EditorText(document)
    assert kept.text() == written(editor)
    for step in range(150):
        cursor = QTextCursor(document)
        size = document.characterCount() - 1
        action = rng.choice(["insert", "remove", "replace", "block", "undo", "redo", "reset", "end"])
        if action in ("insert", "remove", "replace"):
            cursor.setPosition(rng.randint(0, size))
            if action != "insert":
                cursor.setPosition(rng.randint(0, size), QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
            if action != "remove":
                cursor.insertText(random_text(rng, rng.randint(1, 6)))
        elif action == "block":  # several changes as one undo step
            cursor.beginEditBlock()
            for _ in range(3):
                cursor.setPosition(rng.randint(0, document.characterCount() - 1))
                cursor.insertText(random_text(rng, 2))
            cursor.endEditBlock()
        elif action == "undo":
            document.undo()
        elif action == "redo":
            document.redo()
        elif action == "reset":
            editor.setPlainText(random_text(rng, rng.randint(0, 30)))
        else:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(random_text(rng, 3))
        assert kept.text() == written(editor), (seed, step, action)
    assert kept.snapshot() == kept.blocks and kept.snapshot() is not kept.blocks


def test_line_separators_and_no_break_spaces_are_kept_as_written(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    text = "first\u2028still first\nsecond\u00a0line"
    editor.setPlainText(text)
    for kept in (EditorText(editor.document()), EditorText(editor.document(), text)):
        assert len(kept.blocks) == editor.document().blockCount() == 2
        assert kept.text() == written(editor) == text
    # toPlainText gives another text: a line more, and a space for the no-break space.
    assert editor.toPlainText() == "first\nstill first\nsecond line"


@pytest.mark.parametrize("seed", range(3))
def test_the_text_the_editor_was_given_is_the_text_it_gives_back(qtbot, data_dir, seed):
    """Told what the editor was set to, the kept text starts from it (not copied out of the
    editor) when it has no block break of its own; with one, from the editor."""
    rng = random.Random(seed)
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    texts = [random_text(rng, 60) for _ in range(40)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(data_dir.glob("*.txt"))]
    texts += ["line\rcarriage", "a\r\nb", "x\u00a0y", "p\u2029q", "f\ufdd0g", "", "\n", "ends with a break\n"]
    for text in texts:
        editor.setPlainText(text)
        kept = EditorText(editor.document(), text)
        assert kept.text() == written(editor), text[:80]
        assert len(kept.blocks) == editor.document().blockCount()
