"""Category colours as Qt colours (the table itself is in the core, shared with reports)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ..core.categories import CATEGORY, LABELS

__all__ = ["LABELS", "WARNING_COLOR", "category_color", "highlight_background"]

# Okabe–Ito vermillion, for refusals and warnings in dialogs: legible in light and dark themes.
WARNING_COLOR = "#D55E00"


def category_color(category: str, dark: bool) -> QColor:
    return QColor(CATEGORY[category].colour(dark))


def highlight_background(category: str, dark: bool, resolved: bool = False) -> QColor:
    color = category_color(category, dark)
    color.setAlpha(40 if resolved else (110 if dark else 85))
    return color
