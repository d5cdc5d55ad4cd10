"""Page furniture: share buttons, counters, reading times and banners scraped with the article.

Whole short lines, never words inside running text; a paragraph that matches
one of these rules has the role `boilerplate` (see roles.py), and only such
paragraphs are read here.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import Finding
from ..policy import Policy
from ..roles import BOILERPLATE
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

    def rules(self) -> Sequence[RuleInfo]:
        return [RuleInfo(rule.name, rule.category, rule.why, rule.fix) for rule in self.lexicon]

    def paragraph(self, ctx: ParagraphContext) -> list[Finding]:
        rule = whole_line_rule(ctx.text, self.lexicon)
        if rule is None:
            return []
        message, suggestion = rule.describe(ctx.text)
        return [ctx.finding(rule.category, rule.name, rule.severity, 0, len(ctx.text), message, suggestion)]
