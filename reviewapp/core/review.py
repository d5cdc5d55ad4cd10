"""The review pipeline: load → analyse → grammar → gate, the same for every front end.

`reviewapp check`, `status`, `report` and the desktop app's analysis worker all
build one `Reviewer` from the house policy and the user's settings, and call
`review()`; none of them wires the steps itself, so they reach the same
findings and the same verdict for the same text.

    reviewer = Reviewer.configured(policy_path)
    review = reviewer.review(reviewer.load("draft.txt"), store=store)
    review.findings, review.gate.publishable
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal, NamedTuple

from .allowlist import is_allowed, read_terms, write_terms
from .analysis_result import AnalysisResult
from .document import Document
from .errors import PolicyError
from .findings import Finding
from .grammar_settings import HOW_TO_ENABLE, GrammarSettings, GrammarStatus
from .loaders import load_path, load_stream
from .policy import Policy, load_policy
from .settings import UserSettings, load_user_settings
from .store.draft import DraftRef

if TYPE_CHECKING:  # the record's side is imported when a record is consulted: `check` never does
    from .analysis import Analyzer, IncrementalAnalysis, ParagraphRunner, Progress  # (and a kept review)
    from .analyzers.base import RuleInfo
    from .decisions import Signer
    from .gate import GateResult
    from .grammar import GrammarChecker  # and LanguageTool's when the check is on
    from .keys import Identity
    from .store import DraftRecord, ReviewStore

# "check": ask LanguageTool about the paragraphs it has not seen (and wait);
# "cached": only what it said before (the app, while a check runs in the background);
# "off": none.
GrammarStep = Literal["check", "cached", "off"]
GRAMMAR_OFF = GrammarStatus(False, f"grammar check is off; {HOW_TO_ENABLE}")


class Review(NamedTuple):
    """One version of a draft, reviewed: its findings, the grammar check's state, the gate."""

    analysis: AnalysisResult  # grammar findings merged in
    draft: DraftRef
    grammar: GrammarStatus
    gate: GateResult | None = None  # None when no review record was consulted
    allowed: tuple[Finding, ...] = ()  # findings of terms on the house allow-list: not counted

    @property
    def document(self) -> Document:
        return self.analysis.document

    @property
    def findings(self) -> list[Finding]:
        return self.analysis.findings


class Reviewer:
    """The pipeline, configured once: the policy's analyzers and a grammar checker.

    Safe to share between threads, except that one `IncrementalAnalysis`
    (a session) serves one thread at a time.
    """

    def __init__(self, policy: Policy, grammar: GrammarSettings | None = None, *, lazy: bool = False) -> None:
        """`lazy`: configure the analyzers when first needed (a bad house rule is then reported
        by the first review), for a record command that may find its draft's analysis kept."""
        self.policy = policy
        self._analyzer: Analyzer | None = None
        self._making_analyzer = threading.Lock()
        if not lazy:
            self.analyzer  # noqa: B018 (configured now: a bad house rule is reported at once)
        self.grammar: GrammarChecker | None = None
        self._recorded: dict[str, Reviewer] = {}  # reviewers of recorded policies, by fingerprint
        self.configure_grammar(grammar or policy.grammar)

    @property
    def analyzer(self) -> Analyzer:
        """The policy's analyzers, configured on first use: a record command that finds the draft's
        analysis kept (kept_analysis.py) imports none of them."""
        if self._analyzer is None:
            with self._making_analyzer:  # the app's preview and review workers may both ask first
                if self._analyzer is None:
                    from .analysis import Analyzer

                    self._analyzer = Analyzer(self.policy)
        return self._analyzer

    @classmethod
    def configured(
        cls, policy_path: str | Path | None = None, user: UserSettings | None = None, *, lazy: bool = False
    ) -> Reviewer:
        """From a policy file (or the default) and this user's settings (or those saved)."""
        policy = load_policy(policy_path)
        user = user if user is not None else load_user_settings()
        return cls(policy, user.grammar(policy.grammar), lazy=lazy)

    def configure_grammar(self, settings: GrammarSettings) -> None:
        """Use these grammar settings from now on (after the user changed Preferences)."""
        if self.grammar is not None:
            self.grammar.close()
        # The user's dictionary matters only to LanguageTool: not read when grammar is off.
        self.grammar = None
        if settings.mode != "off":
            from .grammar import GrammarChecker

            self.grammar = GrammarChecker.with_dictionary(settings)

    def close(self) -> None:
        if self.grammar is not None:
            self.grammar.close()

    # -- the steps

    def load(self, path: str | Path) -> Document:
        """A draft from disk, within the policy's size limit."""
        return load_path(path, self.policy.limits)

    def load_stream(self, stream: BinaryIO, fmt: str, name: Path) -> Document:
        """A draft read from a stream (standard input), within the policy's size limit."""
        return load_stream(stream, fmt, name, self.policy.limits)

    def allow_term(self, term: str) -> None:
        """Put words on the house allow-list file, and read the policy again (the terms are part of it)."""
        path = self.policy.allow_list
        if path is None:
            raise PolicyError(
                f"{self.policy.source}: the house policy names no allow-list file ([rules] allow_list)"
            )
        write_terms(path, [*read_terms(path), term])
        self.policy = load_policy(self.policy.source)

    def rule(self, name: str) -> RuleInfo | None:
        """A rule's description: why it flags, and the fix it offers."""
        if name.startswith("grammar."):
            from .analyzers.base import RuleInfo

            return RuleInfo(name, "grammar", "LanguageTool reports a spelling or grammar mistake here.")
        return self.analyzer.rule(name)

    def session(self, runner: ParagraphRunner | None = None) -> IncrementalAnalysis:
        """Analysis state to keep between reviews of one draft as it is edited; `runner`: where a
        big batch of paragraphs is analysed (the desktop app's worker processes)."""
        from .analysis import IncrementalAnalysis

        return IncrementalAnalysis(self.analyzer, runner)

    def review(
        self,
        document: Document,
        *,
        key: str | None = None,
        store: ReviewStore | None = None,
        session: IncrementalAnalysis | None = None,
        grammar: GrammarStep = "check",
        workers: int = 1,
        progress: Progress | None = None,
        kept: bool = False,
    ) -> Review:
        """Analyse, check grammar, and (with a review record) judge the draft.

        `key` names the draft in the record when it is not its own path (a
        pasted draft keeps the name it was first recorded under); `progress`
        hears how far the analysis of a long draft has gone. `kept`: read the
        analysis from the copy an earlier record command kept of this text under
        these rules, if there is one (else keep this one): kept_analysis.py.
        """
        if kept and session is None and (self.grammar is None or grammar == "off"):
            return self._reviewed(self._kept_analysis(document), key, store)
        session = session or self.session()
        analysis = session.run(document, workers, progress)
        status = GRAMMAR_OFF
        if self.grammar is not None and grammar != "off":
            from .grammar import grammar_to_merge, merge_grammar

            paragraphs, roles = document.paragraphs, analysis.roles
            if grammar == "check":
                found = self.grammar.check(paragraphs, roles)
            else:
                found = self.grammar.cached(paragraphs, roles)
            found = grammar_to_merge(analysis, found)
            analysis = merge_grammar(analysis, found, session.grammar_shown)
            session.grammar_shown = found
            status = self.grammar.status
        elif session.grammar_shown:  # grammar switched off: those shown last time are gone now
            from .grammar import merge_grammar

            analysis = merge_grammar(analysis, [], session.grammar_shown)
            session.grammar_shown = []
        return self._reviewed(analysis, key, store, status)

    def _reviewed(
        self,
        analysis: AnalysisResult,
        key: str | None,
        store: ReviewStore | None,
        status: GrammarStatus = GRAMMAR_OFF,
    ) -> Review:
        """The review of an analysis: the allowed terms' findings set aside, judged with a record."""
        allowed: tuple[Finding, ...] = ()
        terms = self.policy.allowed_terms
        if terms:
            allowed = tuple(f for f in analysis.findings if is_allowed(f, terms))
            if allowed:
                counted = [f for f in analysis.findings if not is_allowed(f, terms)]
                analysis = analysis._replace(findings=counted)
        review = Review(analysis, DraftRef.of(analysis.document, key), status, allowed=allowed)
        return self.judge(review, store) if store is not None else review

    def _kept_analysis(self, document: Document) -> AnalysisResult:
        """The draft's analysis as kept (kept_analysis.py), else analysed now and kept."""
        from .kept_analysis import KeptAnalysis, analysis_key, keep_analysis, read_analysis

        name = analysis_key(document, self.policy)
        found = read_analysis(name)
        if found is not None and len(found.roles) == len(document.paragraphs):
            return AnalysisResult(document, found.findings, found.roles, 0, [])
        analysis = self.session().run(document)
        keep_analysis(name, KeptAnalysis(analysis.findings, analysis.roles))
        return analysis

    def judge(self, review: Review, store: ReviewStore) -> Review:
        """The review with the gate's verdict from the verified record as it stands now.

        The decisions record the policy they were made under; when the latest
        of them was made under another policy than this one, that policy
        judges (and analyses) the draft, and the verdict says so: a laxer
        policy given later cannot make a draft publishable.
        """
        from .gate import evaluate

        record = store.record(review.draft.key, self.policy.keyring)
        governing = _governing_policy(record, review.draft.sha256) or store.latest_policy()
        if governing is None or governing == self.policy.fingerprint:
            return review._replace(gate=evaluate(review.findings, review.draft, record, self.policy))
        raw = store.recorded_policy(governing)
        if raw is None:
            gate = evaluate(review.findings, review.draft, record, self.policy)
            problem = f"the policy the decisions were made under ({governing[:12]}) is not in the record"
            gate = gate._replace(publishable=False, verified=False, reasons=[problem, *gate.reasons])
            return review._replace(gate=gate)
        other = self._reviewer_for(governing, raw)
        recorded = other.review(review.document, key=review.draft.key, session=None, grammar="cached")
        gate = evaluate(recorded.findings, recorded.draft, record, other.policy)
        note = (
            f"judged by the policy the decisions were made under ({governing[:12]}), "
            f"not the one given ({self.policy.fingerprint[:12]})"
        )
        return recorded._replace(gate=gate._replace(notes=[note, *gate.notes]))

    def _reviewer_for(self, fingerprint: str, raw: dict) -> Reviewer:
        cached = self._recorded.get(fingerprint)
        if cached is None:
            from .policy import policy_from_record

            cached = self._recorded[fingerprint] = Reviewer(policy_from_record(raw, fingerprint))
            cached.grammar = self.grammar  # the same LanguageTool, and its cache
        return cached

    def signer(self, identity: Identity) -> Signer:
        from .decisions import Signer

        return Signer(identity, self.policy)


def _governing_policy(record: DraftRecord, sha256: str) -> str | None:
    """The policy of the latest sign-off of this text, else of the draft's latest decision."""
    this_text = [s.policy for s in record.signoffs if s.sha256 == sha256 and s.policy]
    if this_text:
        return this_text[-1]
    return record.policies[-1] if record.policies else None
