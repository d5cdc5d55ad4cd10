"""Article text out of HTML, with the standard library's tokenizer.

Nothing is executed or fetched: the parser only sees tags and text. Scripts,
styles, forms and page navigation are dropped; when the page has an
<article> (or <main>) element, only that is kept.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose whole content is never article text.
_DROP = frozenset(
    "script style noscript template nav header footer aside form iframe svg math button "
    "select textarea object embed canvas video audio dialog menu".split()
)
# Elements that end a paragraph.
_BLOCK = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre figure "
    "figcaption table tr td th caption br hr address details summary".split()
)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.drop_depth = 0
        self.stack: list[str] = []
        self.chunks: dict[str, list[str]] = {"all": [], "article": [], "main": []}
        self.inside = {"article": 0, "main": 0}
        self.title: list[str] = []
        self.h1: list[str] = []
        self.in_title = False
        self.in_h1 = False
        self.meta: dict[str, str] = {}

    def _emit(self, text: str) -> None:
        self.chunks["all"].append(text)
        for name, depth in self.inside.items():
            if depth:
                self.chunks[name].append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            attr = {k: (v or "") for k, v in attrs}
            key = (attr.get("name") or attr.get("property") or "").lower()
            if key and "content" in attr:
                self.meta[key] = attr["content"]
            return
        if tag in _VOID:
            if tag in ("br", "hr") and not self.drop_depth:
                self._emit("\n")
            return
        self.stack.append(tag)
        if tag in _DROP:
            self.drop_depth += 1
            return
        if tag == "title":
            self.in_title = True
        elif tag == "h1":
            self.in_h1 = True
        if tag in self.inside:
            self.inside[tag] += 1
        if tag in _BLOCK and not self.drop_depth:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        # Close everything opened after `tag` too: browsers tolerate unclosed tags.
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag in _DROP:
                self.drop_depth -= 1
            if open_tag == "title":
                self.in_title = False
            elif open_tag == "h1":
                self.in_h1 = False
            if open_tag in self.inside:
                self.inside[open_tag] -= 1
            if open_tag in _BLOCK and not self.drop_depth:
                self._emit("\n")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.in_h1:  # kept even inside a dropped <header>: it is the headline
            self.h1.append(data)
        if not self.drop_depth:
            self._emit(data)


def _tidy(chunks: list[str]) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(chunks).split("\n"))
    return "\n".join(line for line in lines if line)


class HtmlArticle:
    """Text and metadata of an HTML page."""

    def __init__(self, text: str, title: str | None, meta: dict[str, str]) -> None:
        self.text = text
        self.title = title
        self.meta = meta


def extract_article(markup: str) -> HtmlArticle:
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    for part in ("article", "main", "all"):
        text = _tidy(parser.chunks[part])
        if text:
            break
    title = _SPACES.sub(" ", "".join(parser.h1 or parser.title)).strip() or None
    if title and not text.startswith(title):
        # The headline often sits outside <article>; keep it as the first line.
        text = f"{title}\n{text}" if text else title
    return HtmlArticle(text, title, parser.meta)
