"""Run the analyzers over a document, re-analysing only paragraphs that changed.

Paragraph-level analyzers (boilerplate, hedge, peacock, ai_tell, claim, and the
disclosure paragraph's own checks) see one paragraph at a time, so their
findings are kept per paragraph text; the document-level disclosure checks
(missing, placement, contradiction) work from those results and always rerun.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .analyzers import ai_tell, claim, disclosure
from .analyzers.context import BODY, BOILERPLATE, DISCLOSURE, TITLE, ParagraphContext
from .analyzers.lexicon import TermIndex, run_rules, whole_line_findings
from .document import Document
from .findings import Finding, assign_ids
from .metadata import front_matter
from .policy import Policy, load_policy
from .roles import classify, position_class
from .rules import LEXICON_CATEGORIES, LexiconRule, builtin_rules, load_all, parse_rule_file

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


@dataclass(frozen=True, slots=True)
class ParagraphResult:
    """What the paragraph analyzers found in one paragraph (offsets relative to it)."""

    role: str
    findings: list[Finding]
    denials: list[tuple[int, int]]  # sentences denying AI use, for the document-level check


class Analyzer:
    """All analyzers configured by one house policy. Safe to share between threads."""

    def __init__(self, policy: Policy | None = None) -> None:
        self.policy = policy or load_policy()
        self.lexicons: dict[str, tuple[LexiconRule, ...]] = {}
        extra = [rule for path in self.policy.extra_rule_files for rule in parse_rule_file(path)]
        for category in LEXICON_CATEGORIES:
            rules = [*builtin_rules(category), *(r for r in extra if r.category == category)]
            self.lexicons[category] = tuple(r for r in rules if r.name not in self.policy.disabled_rules)
        self.terms = TermIndex(rule for rules in self.lexicons.values() for rule in rules)

    def paragraph_result(self, ctx: ParagraphContext) -> ParagraphResult:
        """Findings and AI-use denials of one paragraph, offsets relative to its start."""
        return ParagraphResult(ctx.role, self._findings(ctx), disclosure.denials(ctx))

    def _findings(self, ctx: ParagraphContext) -> list[Finding]:
        role = ctx.role
        found: list[Finding] = []
        if role == BOILERPLATE:
            found.extend(whole_line_findings(ctx, self.lexicons["boilerplate"]))
        categories = [category for category, roles in _RUNS_ON.items() if role in roles]
        if categories:
            found.extend(run_rules(ctx, self.terms, categories))
        if role == BODY:
            found.extend(claim.analyze(ctx))
            found.extend(ai_tell.question_reveal(ctx))
        elif role == DISCLOSURE:
            found.extend(disclosure.paragraph_findings(ctx, self.policy))
        return self._apply_policy(found)

    def _apply_policy(self, found: list[Finding]) -> list[Finding]:
        disabled, overrides = self.policy.disabled_rules, self.policy.severity_overrides
        out = []
        for f in found:
            if f.rule in disabled:
                continue
            out.append(f._replace(severity=overrides[f.rule]) if f.rule in overrides else f)
        return out

    def analyze(self, document: Document, workers: int = 1) -> AnalysisResult:
        """Analyse a whole document from scratch."""
        return IncrementalAnalysis(self).run(document, workers)


class IncrementalAnalysis:
    """Keeps the last pass's per-paragraph results so the next pass reuses them.

    Only results of the previous pass are reused (not repeats within one pass),
    so a document analysed once costs the same as a full analysis.
    """

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self._roles: dict[RoleKey, str] = {}
        self._results: dict[tuple[str, str], ParagraphResult] = {}

    def run(self, document: Document, workers: int = 1) -> AnalysisResult:
        """Analyse `document`, reusing the previous pass's unchanged paragraphs.

        With workers > 1 the paragraphs are split between processes (for big
        documents on the command line; the GUI edits one paragraph at a time).
        """
        analyzer = self.analyzer
        fm_end = front_matter(document.text)[1] if document.format == "md" else 0
        paragraphs = document.paragraphs
        keys = [(p.text, position_class(p.index), p.start < fm_end) for p in paragraphs]
        todo = [
            i
            for i, key in enumerate(keys)
            if key not in self._roles or (key[0], self._roles[key]) not in self._results
        ]
        fresh = dict(zip(todo, _analyse_many(analyzer, [keys[i] for i in todo], workers), strict=True))
        roles_now: dict[RoleKey, str] = {}
        results_now: dict[tuple[str, str], ParagraphResult] = {}
        roles: list[str] = []
        found: list[Finding] = []
        denied: list[tuple[int, int]] = []
        for i, (p, key) in enumerate(zip(paragraphs, keys, strict=True)):
            result = fresh[i] if i in fresh else self._results[(key[0], self._roles[key])]
            roles_now[key] = result.role
            results_now[(p.text, result.role)] = result
            roles.append(result.role)
            found.extend(f.shifted(p.start) for f in result.findings)
            denied.extend((p.start + s, p.start + e) for s, e in result.denials)
        self._roles, self._results = roles_now, results_now

        ai_tells = sum(1 for f in found if f.category == "ai_tell")
        found.extend(
            analyzer._apply_policy(
                disclosure.check(
                    document.text, paragraphs, roles, document.metadata, ai_tells, analyzer.policy, denied
                )
            )
        )
        return AnalysisResult(document, assign_ids(found), roles, len(todo), todo)


RoleKey = tuple[str, int, bool]  # paragraph text, position class, inside front matter


def _analyse_one(analyzer: Analyzer, key: RoleKey) -> ParagraphResult:
    ctx = ParagraphContext(key[0], "")
    ctx.role = classify(key[0], key[1], analyzer.lexicons["boilerplate"], key[2], ctx.words)
    return analyzer.paragraph_result(ctx)


_FORKED: Analyzer | None = None  # the analyzer a forked worker inherits


def _analyse_chunk(keys: list[RoleKey]) -> list[ParagraphResult]:
    assert _FORKED is not None
    return [_analyse_one(_FORKED, key) for key in keys]


def _analyse_many(analyzer: Analyzer, keys: list[RoleKey], workers: int) -> list[ParagraphResult]:
    import multiprocessing

    if (
        workers <= 1
        or len(keys) < PARALLEL_MIN_PARAGRAPHS
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [_analyse_one(analyzer, key) for key in keys]
    global _FORKED
    _FORKED = analyzer
    load_all()
    # This process takes the first share itself while the forked ones do the
    # rest; its share is a little larger, as they start later and must pickle
    # what they send back.
    own = int(len(keys) / workers * OWN_SHARE)
    size = -(-(len(keys) - own) // (workers - 1))
    chunks = [keys[i : i + size] for i in range(own, len(keys), size)]
    try:
        with multiprocessing.get_context("fork").Pool(len(chunks)) as pool:
            pending = pool.map_async(_analyse_chunk, chunks)
            mine = [_analyse_one(analyzer, key) for key in keys[:own]]
            return mine + [item for part in pending.get() for item in part]
    finally:
        _FORKED = None


OWN_SHARE = 1.1  # of an even share: a forked process starts late and must pickle its results
PARALLEL_MIN_PARAGRAPHS = 1000  # below this, starting processes costs more than it saves


__all__ = ["DISCLOSURE", "AnalysisResult", "Analyzer", "IncrementalAnalysis"]
