"""Category colours: the Okabe–Ito palette, distinguishable with every common colour-vision deficiency."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ..core.findings import CATEGORIES

# (light theme, dark theme). Backgrounds are tinted so black or white text stays readable.
_OKABE_ITO = {
    "claim": ("#E69F00", "#E69F00"),  # orange
    "hedge": ("#56B4E9", "#56B4E9"),  # sky blue
    "peacock": ("#CC79A7", "#CC79A7"),  # reddish purple
    "disclosure": ("#D55E00", "#FF7A2E"),  # vermillion
    "boilerplate": ("#999999", "#8C8C8C"),  # grey
    "ai_tell": ("#009E73", "#2EC49A"),  # bluish green
    "grammar": ("#0072B2", "#4DA3E0"),  # blue
}
LABELS = {
    "claim": "Unverified claim",
    "hedge": "Hedge / vague",
    "peacock": "Peacock wording",
    "disclosure": "AI disclosure",
    "boilerplate": "Page furniture",
    "ai_tell": "Generated phrasing",
    "grammar": "Grammar",
}
assert set(_OKABE_ITO) == set(CATEGORIES)


def category_color(category: str, dark: bool) -> QColor:
    return QColor(_OKABE_ITO[category][1 if dark else 0])


def highlight_background(category: str, dark: bool, resolved: bool = False) -> QColor:
    color = category_color(category, dark)
    color.setAlpha(40 if resolved else (110 if dark else 85))
    return color
