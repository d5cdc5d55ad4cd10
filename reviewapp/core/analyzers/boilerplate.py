"""Page furniture: share buttons, counters, reading times and banners scraped with the article.

Whole short lines, never words inside running text; a paragraph that matches
one of these rules has the role `boilerplate` (see roles.py), and only such
paragraphs are read here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..findings import Finding, new_finding
from ..policy import Policy
from ..roles import ABOUT_SENDER, BOILERPLATE, HIDDEN, IN_COMMENT, UNCLOSED_COMMENT
from ..rules import house_rules, whole_line_rule
from .base import Check, DocumentView, RuleInfo
from .context import ParagraphContext


class BoilerplateCheck(Check):
    name = "boilerplate"
    categories = ("boilerplate",)
    roles = frozenset({BOILERPLATE})

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self.lexicon = house_rules(policy.extra_rule_files, policy.disabled_rules)["boilerplate"]
        self._comment = next((rule for rule in self.lexicon if rule.name == COMMENT_RULE), None)

    def rules(self) -> Sequence[RuleInfo]:
        return [
            *(RuleInfo(rule.name, rule.category, rule.why, rule.fix) for rule in self.lexicon),
            # A passage hidden inside a paragraph readers see goes alone: the paragraph stays.
            RuleInfo(HIDDEN_RULE, "boilerplate", _HIDDEN_WHY, "delete_passage"),
            RuleInfo(UNCLOSED_RULE, "boilerplate", _UNCLOSED_WHY),
            RuleInfo(ABOUT_RULE, "boilerplate", _ABOUT_WHY, "delete_line"),
        ]

    def document(self, view: DocumentView) -> list[Finding]:
        """The passages a file hides inside paragraphs it shows (core/hidden.py): each where it is."""
        parts = view.document.metadata.hidden_parts
        if not parts:
            return []
        text, starts = view.text, [p.start for p in view.paragraphs]
        found: list[Finding] = []
        for part in parts:
            at = text.find(part)
            while at >= 0 and len(found) < _MAX_HIDDEN_FINDINGS:
                paragraph = bisect_right(starts, at) - 1
                if view.roles[paragraph] != BOILERPLATE:  # a hidden paragraph is its own finding
                    found.append(new_finding("boilerplate", HIDDEN_RULE, "warning", at, at + len(part), part,
                                             _HIDDEN_PART_SAYS, _HIDDEN_SAYS[1], part))  # fmt: skip
                at = text.find(part, at + len(part))
        return sorted(found, key=lambda f: f.start)

    def paragraph(self, ctx: ParagraphContext) -> list[Finding]:
        if ctx.context & HIDDEN:
            return [ctx.finding("boilerplate", HIDDEN_RULE, "warning", 0, len(ctx.text), *_HIDDEN_SAYS)]
        if ctx.context & UNCLOSED_COMMENT:  # only the mark's paragraph: what follows is the text
            return [ctx.finding("boilerplate", UNCLOSED_RULE, "warning", 0, len(ctx.text), *_UNCLOSED_SAYS)]
        if ctx.context & ABOUT_SENDER:
            return [ctx.finding("boilerplate", ABOUT_RULE, "warning", 0, len(ctx.text), *_ABOUT_SAYS)]
        # A line of a comment over several paragraphs: the comment rule's finding, each line.
        comment = self._comment if ctx.context & IN_COMMENT else None
        rule = comment or whole_line_rule(ctx.text, self.lexicon)
        if rule is None:
            return []
        message, suggestion = rule.describe(ctx.text)
        return [ctx.finding(rule.category, rule.name, rule.severity, 0, len(ctx.text), message, suggestion)]


HIDDEN_RULE = "boilerplate.hidden"
COMMENT_RULE = "boilerplate.comment"  # resources/rules/boilerplate.toml
_HIDDEN_WHY = (
    "The file this draft was read from hides this text from its readers (a web page's hidden or "
    "display: none, a Word or OpenDocument file's hidden text, white text on a white page or text "
    "of a point or less): it is published with the file, "
    "seen by search engines and AI tools, but not by readers. Hidden instructions and keyword "
    "stuffing are written so."
)
_HIDDEN_SAYS = (
    "Hidden from readers (hidden, display: none, formatted as hidden, white on white or too small to "
    "see), but published with the file.",
    "Delete it, or show it to readers.",
)
_HIDDEN_PART_SAYS = (
    "Part of this paragraph is hidden from readers (hidden, display: none, formatted as hidden, white "
    "on white or too small to see), "
    "but published with the file: instructions to AI tools and keyword stuffing hide so."
)
_MAX_HIDDEN_FINDINGS = 1_000

UNCLOSED_RULE = "boilerplate.unclosed_comment"
_UNCLOSED_WHY = (
    "A comment in the markup opens here (<!--) and is not closed (-->): a web page or Markdown "
    "hides everything after the mark from its readers, though the draft shows it here."
)
_UNCLOSED_SAYS = (
    "A comment opens here and is not closed (not within 200 paragraphs): published as a web page "
    "or Markdown, the text after it would be hidden from readers.",
    "Close the comment where it should end (-->), or delete the opening mark.",
)

ABOUT_RULE = "boilerplate.about_sender"
_ABOUT_WHY = (
    'A press release ends with a section about its sender ("About Acme Corp.": what the company '
    "says of itself, its size and its claims to lead). Copied into a story, it is the sender's "
    "promotion in the article's voice."
)
_ABOUT_SAYS = (
    "A press release's section about its sender, not article text: the sender's words about itself.",
    "Delete it, or say what matters in the story's own words, with a source.",
)
