"""Page furniture: share buttons, counters, reading times and banners scraped with the article.

Whole short lines, never words inside running text; a paragraph that matches
one of these rules has the role `boilerplate` (see roles.py), and only such
paragraphs are read here.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import Finding
from ..policy import Policy
from ..roles import BOILERPLATE, HIDDEN, IN_COMMENT
from ..rules import house_rules, whole_line_rule
from .base import Check, RuleInfo
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
            RuleInfo(HIDDEN_RULE, "boilerplate", _HIDDEN_WHY, "delete_line"),
        ]

    def paragraph(self, ctx: ParagraphContext) -> list[Finding]:
        if ctx.context & HIDDEN:
            return [ctx.finding("boilerplate", HIDDEN_RULE, "warning", 0, len(ctx.text), *_HIDDEN_SAYS)]
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
    "The web page this draft was read from hides this paragraph from its readers (hidden, "
    "display: none): it is published with the page, seen by search engines and AI tools, "
    "but not by readers. Hidden instructions and keyword stuffing are written so."
)
_HIDDEN_SAYS = (
    "Hidden from the page's readers (hidden or display: none), but published with the page.",
    "Delete it from the page, or show it to readers.",
)
