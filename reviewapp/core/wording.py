"""Counts in words as a person writes them: "1 finding", "18 findings", never "18 finding(s)"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and the noun in the number it takes (`plural`: where adding "s" is wrong)."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"
