"""The finding categories: one table that the editor, the findings panel, the reports and the
JSON Schema all read. A new category is one row here (tests/core/test_registry.py checks it
is fully described and that an analyzer emits it)."""

from __future__ import annotations

from typing import Literal, NamedTuple

Mark = Literal["underline", "background"]


class Category(NamedTuple):
    """How one category of finding looks to an editor."""

    id: str
    label: str
    color: str  # on a light background (the Okabe–Ito palette, apart for colour-blind readers)
    dark_color: str  # on a dark background
    # Claims cover whole sentences and are underlined, so the hedge or peacock
    # words inside them keep their own background; the others paint a background.
    mark: Mark
    description: str  # one line, for legends and help
    default_resolution: str  # what the resolve dialog offers first (core/decisions.py)
    # The underline an editor can tell apart without colour (Qt's underline styles by name:
    # single, dash, dot, dashdot, dashdotdot, wave), or "strike" for text to cut.
    line: str

    def colour(self, dark: bool = False) -> str:
        return self.dark_color if dark else self.color

    def tint(self, strength: float, dark: bool = False) -> str:
        """The colour laid over the page at this strength (for print, where alpha is unreliable)."""
        return tint(self.colour(dark), strength, "#1E1F22" if dark else "#FFFFFF")


# In the order every list and legend shows them.
CATEGORY_TABLE: tuple[Category, ...] = (
    Category("claim", "Unverified claim", "#E69F00", "#E69F00", "underline",
             "a check-worthy statement of fact: who says so?", "verified", "single"),
    Category("hedge", "Hedge / vague", "#56B4E9", "#56B4E9", "background",
             "uncertain or vague wording, unnamed sources", "opinion", "dot"),
    Category("peacock", "Peacock wording", "#CC79A7", "#CC79A7", "background",
             "promotional wording presented as fact", "opinion", "dash"),
    Category("disclosure", "AI disclosure", "#D55E00", "#FF7A2E", "background",
             "gaps in the AI-use disclosure against the house policy", "disputed", "dashdotdot"),
    Category("boilerplate", "Page furniture", "#999999", "#8C8C8C", "background",
             "scraped page chrome that is not article text", "removed", "strike"),
    Category("ai_tell", "Generated phrasing", "#009E73", "#2EC49A", "background",
             "phrasing typical of unedited generated text", "removed", "dashdot"),
    Category("grammar", "Grammar", "#0072B2", "#4DA3E0", "background",
             "spelling and grammar, from LanguageTool", "false_positive", "wave"),
)  # fmt: skip
CATEGORY: dict[str, Category] = {c.id: c for c in CATEGORY_TABLE}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY)
LABELS: dict[str, str] = {c.id: c.label for c in CATEGORY_TABLE}


def tint(hex_color: str, strength: float, paper: str = "#FFFFFF") -> str:
    """`hex_color` laid over `paper` at this strength, as an opaque colour."""
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    pr, pg, pb = (int(paper[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(p + (c - p) * strength) for c, p in ((r, pr), (g, pg), (b, pb))]
    return "#{:02X}{:02X}{:02X}".format(*mix)


def shade(hex_color: str, darkness: float) -> str:
    """`hex_color` darkened toward black by `darkness` (0: as is, 1: black)."""
    return tint(hex_color, 1 - darkness, "#000000")
