"""The editor's text kept block by block equals the editor's own plain text after any edit."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from reviewapp.gui.document.editor_text import EditorText

PIECES = ["word", " ", "\n", "\n\n", "é", "😀", "\u00a0", "\u2028", "\u2029", "\t", "Mr. Smith said so."]


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
    assert kept.text() == editor.toPlainText()
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
        assert kept.text() == editor.toPlainText(), (seed, step, action)
    assert kept.snapshot() == kept.blocks and kept.snapshot() is not kept.blocks


def test_a_draft_with_line_separators_in_its_blocks_is_read_block_by_block(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("first\u2028still first\nsecond\u00a0line")
    kept = EditorText(editor.document())
    assert len(kept.blocks) == editor.document().blockCount() == 2
    assert kept.text() == editor.toPlainText() == "first\nstill first\nsecond line"


@pytest.mark.parametrize("seed", range(3))
def test_the_text_the_editor_was_given_is_the_text_it_gives_back(qtbot, data_dir, seed):
    """Told what the editor was set to, the kept text starts from it (not copied out of the
    editor) when it has none of the characters the editor changes; with them, from the editor."""
    rng = random.Random(seed)
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    texts = [random_text(rng, 60) for _ in range(40)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(data_dir.glob("*.txt"))]
    texts += ["line\rcarriage", "a\r\nb", "x\u00a0y", "", "\n", "ends with a break\n"]
    for text in texts:
        editor.setPlainText(text)
        kept = EditorText(editor.document(), text)
        assert kept.text() == editor.toPlainText(), text[:80]
        assert len(kept.blocks) == editor.document().blockCount()
