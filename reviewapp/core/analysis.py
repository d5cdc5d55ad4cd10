"""Run the analyzers over a document, re-analysing only paragraphs that changed.

Paragraph-level analyzers (boilerplate, hedge, peacock, ai_tell, claim) see one
paragraph at a time, so their findings are kept per paragraph text; the
disclosure check looks at the whole document and is cheap, so it always reruns.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .analyzers import ai_tell, claim, disclosure
from .analyzers.context import BODY, DISCLOSURE, TITLE, ParagraphContext
from .analyzers.lexicon import run_rules
from .document import Document
from .findings import Finding, assign_ids, sort_key
from .metadata import front_matter
from .policy import Policy, load_policy
from .roles import classify, position_class
from .rules import LEXICON_CATEGORIES, LexiconRule, builtin_rules, parse_rule_file

# Which analyzers look at which kind of paragraph. A disclosure's "may contain
# errors" is legal boilerplate, not a hedge; headlines are not claims.
_RUNS_ON = {
    "hedge": (BODY, TITLE),
    "peacock": (BODY, TITLE),
    "ai_tell": (BODY, TITLE),
}


@dataclass(slots=True)
class AnalysisResult:
    document: Document
    findings: list[Finding]
    roles: list[str]
    reanalysed: int = 0  # paragraphs analysed in this pass rather than reused
    changed: list[int] = field(default_factory=list)  # indices of those paragraphs


class Analyzer:
    """All analyzers configured by one house policy. Safe to share between threads."""

    def __init__(self, policy: Policy | None = None) -> None:
        self.policy = policy or load_policy()
        self.lexicons: dict[str, tuple[LexiconRule, ...]] = {}
        extra = [rule for path in self.policy.extra_rule_files for rule in parse_rule_file(path)]
        for category in LEXICON_CATEGORIES:
            rules = [*builtin_rules(category), *(r for r in extra if r.category == category)]
            self.lexicons[category] = tuple(r for r in rules if r.name not in self.policy.disabled_rules)

    def paragraph_findings(self, text: str, role: str) -> list[Finding]:
        """Findings of one paragraph, offsets relative to its start."""
        ctx = ParagraphContext(text, role)
        found: list[Finding] = []
        if role == "boilerplate":
            found.extend(run_rules(ctx, self.lexicons["boilerplate"]))
        for category, roles in _RUNS_ON.items():
            if role in roles:
                found.extend(run_rules(ctx, self.lexicons[category]))
        if role == BODY:
            found.extend(claim.analyze(ctx))
            found.extend(ai_tell.question_reveal(ctx))
        return self._apply_policy(found)

    def _apply_policy(self, found: list[Finding]) -> list[Finding]:
        disabled, overrides = self.policy.disabled_rules, self.policy.severity_overrides
        out = []
        for f in found:
            if f.rule in disabled:
                continue
            out.append(replace(f, severity=overrides[f.rule]) if f.rule in overrides else f)
        return out

    def analyze(self, document: Document) -> AnalysisResult:
        """Analyse a whole document from scratch."""
        return IncrementalAnalysis(self).run(document)


class IncrementalAnalysis:
    """Keeps the last pass's per-paragraph results so the next pass reuses them.

    Only results of the previous pass are reused (not repeats within one pass),
    so a document analysed once costs the same as a full analysis.
    """

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self._roles: dict[tuple[str, int, bool], str] = {}
        self._findings: dict[tuple[str, str], list[Finding]] = {}

    def run(self, document: Document) -> AnalysisResult:
        analyzer = self.analyzer
        fm_end = front_matter(document.text)[1] if document.format == "md" else 0
        boilerplate = analyzer.lexicons["boilerplate"]
        roles_now: dict[tuple[str, int, bool], str] = {}
        findings_now: dict[tuple[str, str], list[Finding]] = {}
        roles: list[str] = []
        found: list[Finding] = []
        changed: list[int] = []
        for p in document.paragraphs:
            role_key = (p.text, position_class(p.index), p.start < fm_end)
            role = self._roles.get(role_key)
            if role is None:
                role = classify(p.text, role_key[1], boilerplate, role_key[2])
            roles_now[role_key] = role
            roles.append(role)
            key = (p.text, role)
            local = self._findings.get(key)
            if local is None:
                local = analyzer.paragraph_findings(p.text, role)
                changed.append(p.index)
            findings_now[key] = local
            found.extend(f.shifted(p.start) for f in local)
        self._roles, self._findings = roles_now, findings_now

        ai_tells = sum(1 for f in found if f.category == "ai_tell")
        found.extend(
            analyzer._apply_policy(
                disclosure.check(
                    document.text, document.paragraphs, roles, document.metadata, ai_tells, analyzer.policy
                )
            )
        )
        found.sort(key=sort_key)
        return AnalysisResult(document, assign_ids(found), roles, len(changed), changed)


__all__ = ["DISCLOSURE", "AnalysisResult", "Analyzer", "IncrementalAnalysis"]
