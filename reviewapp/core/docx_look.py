"""How a Word run looks, as far as it bears on whether anyone can read it: hidden, white or a
point or less in size, and whether colour is set behind it.

Word formats a run in layers: the document's defaults, the paragraph's style, the run's
character style, then the run's own formatting. Each setting comes from the nearest layer that
names it, and a style takes what it does not name from the style it is based on. The styles
are in word/styles.xml; a paragraph without a style has the default paragraph style ("Normal").
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .looks import StyleChain, near_white_hex

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The tags and attribute the reader (docx.py) looks for too.
VAL, _FILL = f"{W}val", f"{W}fill"
VANISH, COLOR, SIZE = f"{W}vanish", f"{W}color", f"{W}sz"
SHADING, _HIGHLIGHT = f"{W}shd", f"{W}highlight"
RUN_PROPERTIES, _PARAGRAPH_PROPERTIES = f"{W}rPr", f"{W}pPr"
_STYLE, _STYLE_ID, _TYPE, _BASED_ON = f"{W}style", f"{W}styleId", f"{W}type", f"{W}basedOn"
_DEFAULT_RUN = f"{W}docDefaults/{W}rPrDefault/{W}rPr"
_OFF = frozenset(("0", "false", "off"))
UNSEEN_HALF_POINTS = 2  # w:sz counts half points: 1 pt and less reads as a line, not as words
STYLES_PART = "word/styles.xml"
STYLES_MOST_BYTES = 8_000_000


class Look(NamedTuple):
    """One layer's settings (None: the layer does not name it), or a run's once layered."""

    vanish: bool | None = None
    color: str | None = None  # as written: "FFFFFF", "auto"
    size: str | None = None  # half points, as written
    marked: bool | None = None  # a highlight or shading of a colour behind the text

    def over(self, below: Look) -> Look:
        """This layer over `below`: each setting from here where named, else from below."""
        return Look(
            self.vanish if self.vanish is not None else below.vanish,
            self.color if self.color is not None else below.color,
            self.size if self.size is not None else below.size,
            self.marked if self.marked is not None else below.marked,
        )

    def hides(self) -> bool:
        """Is text that looks so unseen whatever is behind it: hidden, or a point or less?"""
        return bool(self.vanish) or tiny(self.size)

    def white(self) -> bool:
        """Is text that looks so white, with no highlight or shading of its own behind it?"""
        return near_white(self.color) and not self.marked

    def may_hide(self) -> bool:
        """Could text that looks so be unseen somewhere (on a white page, nothing behind it)?"""
        return self.hides() or self.white()


NO_LOOK = Look()


def look_of(properties: Any) -> Look:
    """The settings one run-properties element (w:rPr) names."""
    if properties is None:
        return NO_LOOK
    vanish = properties.find(VANISH)
    color = properties.find(COLOR)
    size = properties.find(SIZE)
    highlight = properties.find(_HIGHLIGHT)
    shading = properties.find(SHADING)
    marked = None
    if highlight is not None or shading is not None:
        marked = (highlight is not None and highlight.get(VAL, "none") not in ("none", "white")) or coloured(
            shading
        )
    return Look(
        None if vanish is None else vanish.get(VAL, "true") not in _OFF,
        None if color is None else color.get(VAL),
        None if size is None else size.get(VAL),
        marked,
    )


class Style(NamedTuple):
    kind: str  # "paragraph", "character", "table", "numbering"
    based_on: str | None
    run: Look  # the run settings it names itself
    shaded: bool  # does it shade its paragraphs with a colour?


class Styles:
    """The document's defaults and its paragraph and character styles, each layered over the style
    it is based on; the ids of those that may hide text, and of paragraph styles shading it."""

    def __init__(
        self,
        defaults: Look,
        styles: dict[str, Style],
        default_paragraph: str | None,
    ) -> None:
        self.defaults = defaults
        self.default_paragraph = default_paragraph
        self._chain = StyleChain(NO_LOOK)
        for style_id, style in styles.items():
            self._chain.add(style_id, style.based_on, style.run)
        self.hiding = frozenset(
            style_id
            for style_id, style in styles.items()
            if style.kind in ("paragraph", "character") and self.look(style_id).over(defaults).may_hide()
        )
        self.shading = frozenset(
            style_id for style_id, style in styles.items() if style.shaded and style.kind == "paragraph"
        )
        self.always = defaults.may_hide() or (
            default_paragraph is not None and default_paragraph in self.hiding
        )

    def look(self, style_id: str | None) -> Look:
        """A style's run settings, with those of the styles it is based on."""
        return self._chain.look(style_id)

    def run_look(self, paragraph_style: str | None, run_style: str | None, direct: Look) -> Look:
        """How a run looks: its own settings over its character style, its paragraph's style and
        the document's defaults."""
        paragraph_style = paragraph_style or self.default_paragraph
        return direct.over(self.look(run_style).over(self.look(paragraph_style).over(self.defaults)))


def read_styles(root: Any | None) -> Styles:
    """The styles part's settings, from its parsed XML (none where there is none: the part is
    missing, too big or damaged)."""
    if root is None:
        return Styles(NO_LOOK, {}, None)
    styles: dict[str, Style] = {}
    default_paragraph = None
    for element in root.iter(_STYLE):
        style_id, kind = element.get(_STYLE_ID), element.get(_TYPE, "paragraph")
        if style_id is None:
            continue
        based_on = element.find(_BASED_ON)
        paragraph = element.find(_PARAGRAPH_PROPERTIES)
        styles[style_id] = Style(
            kind,
            None if based_on is None else based_on.get(VAL),
            look_of(element.find(RUN_PROPERTIES)),
            paragraph is not None and coloured(paragraph.find(SHADING)),
        )
        if kind == "paragraph" and element.get(f"{W}default") in ("1", "true", "on"):
            default_paragraph = style_id
    return Styles(look_of(root.find(_DEFAULT_RUN)), styles, default_paragraph)


def tiny(half_points: str | None) -> bool:
    return half_points is not None and half_points.isdigit() and int(half_points) <= UNSEEN_HALF_POINTS


def near_white(value: str | None) -> bool:
    """Is a colour as Word writes it ("FFFFFF") white to the eye? "auto" and no colour are not
    (Word shows them dark on a light page, light on a dark one)."""
    return value is not None and near_white_hex(value)


def coloured(shading: Any) -> bool:
    """Does a shading (w:shd) put a colour other than white behind the text? Its fill, or for a
    solid pattern its colour."""
    if shading is None:
        return False
    fill = shading.get(_FILL)
    if shading.get(VAL) == "solid":
        fill = shading.get(COLOR, fill)
    return fill not in (None, "auto") and not near_white(fill)
