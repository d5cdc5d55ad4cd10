"""The editor's plain text, kept as its blocks' texts and brought up to date with each change.

A review needs a copy of the text as it starts. Copied out of the editor
(`toPlainText`), that took the window 2.5 ms for 100,000 words and 90 ms for
20 MB at each pause in typing; this keeps the blocks' texts (a keystroke
changes one), so a review takes a copy of the list and joins it in its worker.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

# What QTextDocument.toPlainText makes of a block's characters: line and paragraph separators
# (and the frame marks a QPlainTextEdit never has) become line breaks, no-break spaces spaces.
_PLAIN = str.maketrans({"\u2029": "\n", "\u2028": "\n", "\ufdd0": "\n", "\ufdd1": "\n", "\u00a0": " "})


class EditorText:
    """`"\\n".join(blocks)` is always the document's `toPlainText()`."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        plain = document.toPlainText()
        if plain.count("\n") + 1 == document.blockCount():  # no block holds a line break of its own
            self.blocks = plain.split("\n")
        else:
            self.blocks = [
                text.translate(_PLAIN) for text in _block_texts(document, 0, document.blockCount())
            ]
        document.contentsChange.connect(self._changed)

    def text(self) -> str:
        return "\n".join(self.blocks)

    def snapshot(self) -> list[str]:
        """The blocks as they are now (a copy: joined later, in another thread)."""
        return self.blocks.copy()

    def _changed(self, position: int, _removed: int, added: int) -> None:
        """Blocks before the change and after it are the same blocks as before; those from the
        one holding `position` to the one holding its end are read again."""
        document = self._document
        first = document.findBlock(position).blockNumber()
        end = document.findBlock(position + added)
        last = end.blockNumber() if end.isValid() else document.blockCount() - 1
        first = max(first, 0)
        old_last = last - (document.blockCount() - len(self.blocks))
        texts = _block_texts(document, first, last + 1)
        self.blocks[first : old_last + 1] = [text.translate(_PLAIN) for text in texts]


def _block_texts(document: QTextDocument, first: int, stop: int) -> list[str]:
    texts = []
    block = document.findBlockByNumber(first)
    for _ in range(first, stop):
        texts.append(block.text())
        block = block.next()
    return texts
