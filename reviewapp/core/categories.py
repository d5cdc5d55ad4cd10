"""How categories look to an editor: names and colours, shared by the app and the reports."""

from __future__ import annotations

from .findings import CATEGORIES

# The Okabe–Ito palette, distinguishable with every common colour-vision deficiency.
# (light theme, dark theme); backgrounds are tinted from these so text stays readable.
COLORS = {
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
assert set(COLORS) == set(LABELS) == set(CATEGORIES)


def tint(hex_color: str, strength: float) -> str:
    """The colour laid over white paper at this strength: for print, where alpha is unreliable."""
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * strength) for c in (r, g, b)]
    return "#{:02X}{:02X}{:02X}".format(*mix)
