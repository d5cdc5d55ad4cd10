"""How OpenDocument text looks, as far as it bears on whether anyone can read it: hidden
(LibreOffice's Hidden setting, text:display="none"), white, a point or less in size, and
whether colour is set behind it.

A paragraph or span names a style: an automatic one (content.xml, before the text) or a named
one (styles.xml). A style takes what it does not set from its parent style, and a span's text
from its paragraph's style where the span's style does not set it. The page's colour is the
page layout's (styles.xml).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .looks import StyleChain, near_white_hex

STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE_ELEMENT, _NAME, _PARENT = f"{STYLE}style", f"{STYLE}name", f"{STYLE}parent-style-name"
_TEXT_PROPERTIES = f"{STYLE}text-properties"
_BACKGROUNDS = (f"{STYLE}paragraph-properties", f"{STYLE}table-cell-properties")
_PAGE = f"{STYLE}page-layout-properties"
_COLOR, _BACKGROUND, _FONT_SIZE = f"{FO}color", f"{FO}background-color", f"{FO}font-size"
_DISPLAY = f"{TEXT}display"
_WINDOW_COLOR = f"{STYLE}use-window-font-color"  # the text's colour is the window's: no white
_UNSEEN_POINTS = 1.0
STYLES_PART = "styles.xml"
STYLES_MOST_BYTES = 8_000_000


class Look(NamedTuple):
    """One style's settings (None: it does not set them), or a text's once layered."""

    hidden: bool | None = None  # text:display="none"
    size: str | None = None  # as written: "1pt"
    color: str | None = None  # as written: "#ffffff"
    window_color: bool | None = None
    highlight: str | None = None  # the text's own background
    background: str | None = None  # the paragraph's or table cell's background

    def over(self, below: Look) -> Look:
        """These settings over `below`: each from here where set, else from below."""
        return Look(
            self.hidden if self.hidden is not None else below.hidden,
            self.size if self.size is not None else below.size,
            self.color if self.color is not None else below.color,
            self.window_color if self.window_color is not None else below.window_color,
            self.highlight if self.highlight is not None else below.highlight,
            self.background if self.background is not None else below.background,
        )

    def hides(self) -> bool:
        """Is text that looks so unseen whatever is behind it: hidden, or a point or less?"""
        return bool(self.hidden) or tiny(self.size)

    def white(self) -> bool:
        """Is text that looks so white, with no highlight of its own behind it?"""
        return near_white(self.color) and not self.window_color and not coloured(self.highlight)

    def shaded(self) -> bool:
        return coloured(self.background)


NO_LOOK = Look()


def look_of(style: Any) -> Look:
    """The settings one style element names itself."""
    text = style.find(_TEXT_PROPERTIES)
    background = next(
        (value for element in style.iter(*_BACKGROUNDS) if (value := element.get(_BACKGROUND)) is not None),
        None,
    )
    if text is None:
        return Look(background=background)
    display, window = text.get(_DISPLAY), text.get(_WINDOW_COLOR)
    return Look(
        None if display is None else display == "none",
        text.get(_FONT_SIZE),
        text.get(_COLOR),
        None if window is None else window == "true",
        text.get(_BACKGROUND),
        background,
    )


class Styles:
    """The named and automatic styles read so far, each layered over its parent; and whether the
    page is coloured."""

    def __init__(self, dark_page: bool = False) -> None:
        self.dark_page = dark_page
        self._chain = StyleChain(NO_LOOK)
        self.may_hide = False  # does any style read so far hide text or make it white?

    def add(self, style: Any) -> None:
        name = style.get(_NAME)
        if name is None:
            return
        own = look_of(style)
        self._chain.add(name, style.get(_PARENT), own)
        if own.hides() or (own.white() and not self.dark_page):
            self.may_hide = True

    def look(self, name: str | None) -> Look:
        """A style's settings, with its parents'."""
        return self._chain.look(name)


def read_named_styles(root: Any | None) -> Styles:
    """styles.xml's named styles and page colour, from its parsed XML (none where there is none:
    the part is missing, too big or damaged)."""
    if root is None:
        return Styles()
    dark = any(coloured(page.get(_BACKGROUND)) for page in root.iter(_PAGE))
    styles = Styles(dark)
    named = root.find(f"{OFFICE}styles")
    for style in named.iter(STYLE_ELEMENT) if named is not None else ():
        styles.add(style)
    return styles


def tiny(size: str | None) -> bool:
    """Is a font size as OpenDocument writes it ("1pt", "0.5pt") a point or less? (A percentage
    or another unit is not read.)"""
    if size is None or not size.endswith("pt"):
        return False
    try:
        return float(size[:-2]) <= _UNSEEN_POINTS
    except ValueError:
        return False


def near_white(color: str | None) -> bool:
    """Is a colour as OpenDocument writes it ("#ffffff") white to the eye?"""
    return color is not None and color.startswith("#") and near_white_hex(color[1:])


def coloured(color: str | None) -> bool:
    """Is a background ("#1f3864", "transparent") a colour other than white?"""
    return color is not None and color.startswith("#") and not near_white(color)
