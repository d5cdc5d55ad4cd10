"""Text from outside (a file name, the draft's words) in a menu, a button or a tab.

Qt reads "&" there as the mark of an access key: "Q&A.txt" shows as "QA.txt" with
an underlined A, and Alt+A runs it. Doubled, it shows as itself.
"""

from __future__ import annotations


def literal(text: str) -> str:
    """`text` shown as written where Qt looks for an access key."""
    return text.replace("&", "&&")
