"""Article text out of HTML, parsed by libxml2's HTML parser (through lxml).

Chosen by measurement (benchmarks/HISTORY.md): it stays linear on malformed
markup that made the standard library's tokenizer and the Lexbor-based
selectolax take minutes (runs of unclosed tags, stray end tags), closes an
unterminated comment at the end of the file instead of keeping it as text,
and caps nesting depth. Nothing is executed or fetched: no scripts, no
network, no entities expanded. Scripts, styles, forms and page navigation
are dropped; when the page has an <article> (or <main>) element, only that is
kept. The tree is walked without recursion, so no depth can overflow it.

An article's own <footer> or <aside> is dropped too (tags, author boxes,
related links), except a paragraph of it that discloses the use of AI: the
disclosure is the article's, and reviewing the text without it reported none.

Text that the page hides from its readers (an element marked `hidden`, or
styled `display: none` or `visibility: hidden`) is read like the rest, so
that an approval covers it too (it is published with the page), and each
such passage is told (`HtmlArticle.hidden`): an editor reading the draft here
would otherwise take it for text the page shows.

The lines of each block quotation are kept too (`HtmlArticle.quoted`): an
embedded social post is one, and its credit line then vouches for all of its
lines, however many its line breaks made.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from .hidden import HiddenLine
from .text import table_rule

# Elements whose whole content is never article text.
_DROP = frozenset(
    "script style noscript template nav header footer aside form iframe svg math button "
    "select textarea object embed canvas video audio dialog menu head".split()
)
# Dropped inside an article or main element too, but for a paragraph that is an AI disclosure.
_SIDE = frozenset(("footer", "aside"))
# Elements that end a paragraph.
_BLOCK = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre figure "
    "figcaption table tr td th caption br hr address details summary".split()
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
# What hides an element's text: display: none, visibility: hidden, a font size of 0, no opacity;
# a place far off the page ("left: -9999px", "text-indent: -10000px": the screen-reader trick a
# prompt to an AI tool may use too), clipped to nothing ("clip: rect(0 0 0 0)", "clip-path:
# inset(50%)") or scaled to nothing.
_HIDING_STYLE = re.compile(
    r"(?:^|[;\s{])(?:(?:display\s*:\s*none|visibility\s*:\s*hidden)\b|font-size\s*:\s*0(?![.\d])"
    r"|opacity\s*:\s*0(?![.\d]*[1-9])"
    r"|(?:left|top|right|text-indent|margin-left|margin-top)\s*:\s*-(?:\d{4,}(?:\.\d+)?px|\d{3,}(?:\.\d+)?(?:em|rem|vw|vh|%))"
    r"|clip\s*+:\s*+rect\(\s*+0(?:px)?[\s,]++0(?:px)?[\s,]++0(?:px)?[\s,]++0(?:px)?\s*+\)"
    r"|clip-path\s*:\s*inset\(\s*50%|transform\s*:\s*scale\(\s*0(?:\.0+)?\s*\)"
    # text no one can see on any page: transparent, or a pixel high
    r"|color\s*:\s*transparent\b|font-size\s*:\s*(?:0?\.\d+|1)px\b)",
    re.IGNORECASE,
)
# White text: hidden where nothing on the page sets a background (_PAGE_COLOURS), so that it
# stands on the reader's white page; a dark page's white text is its text.
_WHITE_TEXT = re.compile(
    r"(?:^|[;\s{])color\s*:\s*(?:white|#fff(?:fff)?|rgba?\(\s*255\s*,\s*255\s*,\s*255\s*(?:,\s*[\d.]+\s*)?\))"
    r"\s*(?:!important\s*)?(?=;|}|$)",
    re.IGNORECASE,
)
_PAGE_COLOURS = re.compile(r"background|bgcolor|color-scheme", re.IGNORECASE)
# A style sheet's simple selector: a class or an id, of any element or of one ("span.note").
_SIMPLE_SELECTOR = re.compile(r"\A(?:[a-z][a-z0-9]*+)?+([.#])([\w-]++)\Z", re.IGNORECASE)  # whole, linear
_MAX_CSS = 200_000  # characters of a page's style sheets read for what they hide
# How an element closes, as bits: 1 always; 2 when it hides its text; 4 when it is a block
# quotation; 8 when it is a table.
_CLOSE, _HIDES, _QUOTES, _TABLE = 1, 2, 4, 8
_TABLE_PARTS = frozenset(("tr", "td", "th"))
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)


class HtmlArticle:
    """Text and metadata of an HTML page."""

    def __init__(
        self,
        text: str,
        title: str | None,
        meta: dict[str, str],
        hidden: list[str] | None = None,
        quoted: list[str] | None = None,
        placed: list[HiddenLine] | None = None,
    ) -> None:
        self.text = text
        self.title = title
        self.meta = meta
        self.hidden = hidden or []  # passages hidden from the page's readers, in order (lines by "\n")
        self.quoted = quoted or []  # the block quotations (the outermost ones), in order, likewise
        self.placed = placed or []  # which of alike lines the hidden ones are (hidden.py)


def _parse(markup: str) -> Any | None:
    from lxml import etree, html

    parser = etree.HTMLParser(
        recover=True, no_network=True, remove_comments=True, remove_pis=True, huge_tree=True
    )
    try:
        root = html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):  # "Document is empty"
        return None
    if any("Excessive depth" in e.message for e in parser.error_log):
        raise TooDeepError(MAX_DEPTH)  # what lies deeper is dropped: say so, not "no text"
    return root


MAX_DEPTH = 2048  # libxml2's deepest nesting with huge_tree; no page nests a tenth as deep


class TooDeepError(ValueError):
    """The markup nests deeper than the parser reads (a hostile file, not a web page)."""


def extract_article(markup: str) -> HtmlArticle:
    # The text is decoded already: a declaration naming another encoding must not mislead the parser.
    root = _parse(_XML_DECLARATION.sub("", markup, count=1))
    if root is None:
        return HtmlArticle("", None, {})
    white_hides = _PAGE_COLOURS.search(markup) is None
    hiding = _hiding_selectors(root, white_hides)
    chunks: dict[str, list[str]] = {"all": [], "article": [], "main": []}
    inside = {"article": 0, "main": 0}
    title: list[str] = []
    h1: list[str] = []
    meta: dict[str, str] = {}
    drop = in_title = in_h1 = 0
    held: list[tuple[Any, list[str]]] = []  # an article's footers and asides and their text, innermost last
    hidden, quoted = _Passages(chunks), _Passages(chunks)  # hidden elements; block quotations
    tables: list[_Table] = []  # the tables the walk is inside, innermost last

    def emit(text: str) -> None:
        if drop:
            return
        if held:
            held[-1][1].append(text)
            return
        out(text)

    def out(text: str) -> None:
        add(chunks, text)
        if hidden.depth:
            add(hidden.found[-1], text)
        if quoted.depth:
            add(quoted.found[-1], text)

    def add(parts: dict[str, list[str]], text: str) -> None:
        parts["all"].append(text)
        for name, depth in inside.items():
            if depth:
                parts[name].append(text)

    def text(content: str | None) -> None:
        if not content:
            return
        if in_title:
            title.append(content)
            return
        if in_h1:  # kept even inside a dropped <header>: it is the headline
            h1.append(content)
        emit(content)

    # (element, 0) to open it; (element, _CLOSE with _HIDES or _QUOTES set as it applies) to close
    # it (what it is, looked up once, as it opens).
    stack: list[tuple[Any, int]] = [(root, 0)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if closing:
            if tag in _TABLE_PARTS and tables and tables[-1].of_data:
                tables[-1].end(tag, emit)
            elif tag in _BLOCK:
                emit("\n")
            if closing & _TABLE:
                tables.pop()
            if tag in _SIDE and held and not drop and element is held[-1][0]:
                for line in _disclosures(held.pop()[1]):
                    # Out now, even from a footer inside another: each line judged once (nested a
                    # thousand deep, passed up level by level, they were judged a million times).
                    out(f"\n{line}\n")
                text(element.tail)
                continue
            hidden.depth -= bool(closing & _HIDES)
            quoted.depth -= bool(closing & _QUOTES)
            drop -= tag in _DROP
            in_title -= tag == "title"
            in_h1 -= tag == "h1"
            if tag in inside:
                inside[tag] -= 1
            text(element.tail)  # the tail belongs to the parent's context
            continue
        if tag == "meta":
            key = (element.get("name") or element.get("property") or "").lower()
            if key and element.get("content") is not None:
                meta[key] = element.get("content")
        if tag in _SIDE and not drop and (inside["article"] or inside["main"]):
            held.append((element, []))  # kept aside, read when the element ends (see _disclosures)
            text(element.text)
            stack.append((element, _CLOSE))
            stack.extend((child, 0) for child in reversed(element))
            continue
        drop += tag in _DROP
        in_title += tag == "title"
        in_h1 += tag == "h1"
        if tag in inside:
            inside[tag] += 1
        close = _CLOSE
        if not drop and _hides(element, hiding, white_hides):
            hidden.enter()
            close |= _HIDES
        if tag == "blockquote" and not drop:
            quoted.enter()
            close |= _QUOTES
        if tag == "table":
            tables.append(_Table(_holds_data(element)))
            close |= _TABLE
        if tag in _TABLE_PARTS and tables and tables[-1].of_data:
            tables[-1].start(tag, emit)
        elif tag in _BLOCK:
            emit("\n")
        text(element.text)
        stack.append((element, close))
        stack.extend((child, 0) for child in reversed(element))

    for part in ("article", "main", "all"):
        body = _tidy(chunks[part])
        if body:
            break

    headline = _SPACES.sub(" ", "".join(h1 or title)).strip() or None
    if headline and not body.startswith(headline):
        # The headline often sits outside <article>; keep it as the first line.
        body = f"{headline}\n{body}" if body else headline
    return HtmlArticle(
        body,
        headline,
        meta,
        hidden.lines(part),
        quoted.lines(part),
        hidden.placed(part, body) if hidden.found else [],
    )


def _holds_data(table: Any) -> bool:
    """Is this a table of data, each cell a run of text, not one laying out the page (a cell
    holding paragraphs, lists or another table)? Only its own rows' cells are looked at, and
    only their children: a page of tables nested in tables costs no more than its size."""
    for row in _rows(table):
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                return False
            if any(isinstance(child.tag, str) and child.tag.lower() in _BLOCK for child in cell):
                return False
    return True


def _rows(table: Any) -> Any:
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child if isinstance(row.tag, str) and row.tag.lower() == "tr")


class _Table:
    """A table the walk is in. A table of data's row is a line, its cells between bars ("| Q1 2025
    | 4.1 |"); the first row, when others follow, is its heading, ruled under as a Markdown
    table's is ("|---|---|"), so that the two read alike."""

    __slots__ = ("cells", "of_data", "rows", "width")

    def __init__(self, of_data: bool) -> None:
        self.of_data = of_data  # a table of data, not one laying out the page (_holds_data)
        self.rows = 0  # the rows read so far
        self.cells = 0  # the cells of the row the walk is in
        self.width = 0  # the first row's cells

    def start(self, tag: str, emit: Callable[[str], None]) -> None:
        if tag == "tr":
            emit("\n")
            if self.rows == 1:  # a row under the first: that one is the heading, ruled under
                emit(table_rule(self.width) + "\n")
            self.cells = 0
        else:
            emit("| " if self.cells == 0 else " | ")
            self.cells += 1

    def end(self, tag: str, emit: Callable[[str], None]) -> None:
        if tag != "tr" or not self.cells:
            return
        emit(" |\n")
        if self.rows == 0:
            self.width = self.cells
        self.rows += 1


class _Passages:
    """The text of the outermost elements of one kind the walk enters (hidden ones, block
    quotations), each by the part of the page it went to, as the walk's chunks: only what the
    draft keeps of them is told."""

    def __init__(self, parts: dict[str, list[str]]) -> None:
        self.parts = parts
        self.depth = 0  # how many such elements the walk is inside
        self.found: list[dict[str, list[str]]] = []
        self.starts: list[dict[str, int]] = []  # where each began in each part's chunks

    def enter(self) -> None:
        if not self.depth:
            self.found.append({name: [] for name in self.parts})
            self.starts.append({name: len(chunks) for name, chunks in self.parts.items()})
        self.depth += 1

    def lines(self, part: str) -> list[str]:
        """Each passage's text in `part` (lines joined by "\n"), the empty ones left out."""
        return [lines for passage in self.found if (lines := _tidy(passage[part]))]

    def placed(self, part: str, body: str) -> list[HiddenLine]:
        """Which of the `body`'s alike lines (in `part`) each passage's lines are: told only for a
        line the body has more than once, for the first _MOST_PLACED such passages (each costs a
        look at the text before it); the others are all hidden where they stand alike."""
        counts = Counter(body.split("\n"))
        placed: list[HiddenLine] = []
        looked = 0
        for passage, starts in zip(self.found, self.starts, strict=True):
            lines = _tidy(passage[part]).split("\n")
            if not any(counts[line] > 1 for line in lines):
                continue
            looked += 1
            if looked > _MOST_PLACED:
                break
            before = Counter(_tidy(self.parts[part][: starts[part]]).split("\n"))
            for line in lines:
                placed.append((line, before[line]))
                before[line] += 1
        return placed


_MOST_PLACED = 20


def _hides(element: Any, hiding: frozenset[str], white_hides: bool) -> bool:
    """Does the page hide this element from its readers (`hidden`, `display: none` and the like,
    in its style or in a style sheet's rule for its class or id: `hiding`, _hiding_selectors)?
    `white_hides`: white text is hidden too (the page sets no background)."""
    style = element.get("style")
    if element.get("hidden") is not None or (style is not None and _hiding_style(style, white_hides)):
        return True
    if not hiding:
        return False
    ident = element.get("id")
    if ident is not None and "#" + ident in hiding:
        return True
    classes = element.get("class")
    return classes is not None and any("." + name in hiding for name in classes.split())


def _hiding_style(style: str, white_hides: bool, start: int = 0, end: int | None = None) -> bool:
    """Does this style (or a style sheet's block, style[start:end]) hide what it applies to?"""
    end = len(style) if end is None else end
    if _HIDING_STYLE.search(style, start, end) is not None:
        return True
    return white_hides and _WHITE_TEXT.search(style, start, end) is not None


def _hiding_selectors(root: Any, white_hides: bool) -> frozenset[str]:
    """The classes (".name") and ids ("#name") the page's style sheets hide (".note { display:
    none }"), in rules of their own: not in @media or other at-rules, which hide for a screen or
    for print only. Read with str.find, never backtracking, from the first _MAX_CSS characters."""
    css = "".join(style.text or "" for style in root.iter("style"))[:_MAX_CSS]
    if "{" not in css:
        return frozenset()
    hiding: set[str] = set()
    at = 0
    while (brace := css.find("{", at)) >= 0:
        selectors = css[at:brace]
        if selectors.lstrip().startswith("@"):  # an at-rule: its whole block goes
            at = _block_end(css, brace)
            continue
        end = css.find("}", brace)
        end = len(css) if end < 0 else end
        if _hiding_style(css, white_hides, brace, end):
            for selector in selectors.split(","):
                simple = _SIMPLE_SELECTOR.match(selector.strip())
                if simple is not None:
                    hiding.add(simple.group(1) + simple.group(2))
        at = end + 1
    return frozenset(hiding)


def _block_end(css: str, brace: int) -> int:
    """Where the block opened at `brace` ends (past its closing brace), its inner blocks counted."""
    depth, at = 0, brace
    while at < len(css):
        opening, closing = css.find("{", at), css.find("}", at)
        if closing < 0:
            return len(css)
        if 0 <= opening < closing:
            depth, at = depth + 1, opening + 1
        else:
            depth, at = depth - 1, closing + 1
            if depth == 0:
                return at
    return len(css)


def _disclosures(chunks: list[str]) -> list[str]:
    """The lines of an article's footer or aside that disclose the use of AI."""
    from .roles import is_disclosure  # the rules' patterns, read only for such a part

    return [line for line in _tidy(chunks).split("\n") if line and is_disclosure(line)]


def _tidy(chunks: list[str]) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(chunks).split("\n"))
    return "\n".join(line for line in lines if line)
