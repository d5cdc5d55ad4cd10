"""The analysis engine: every registered analyzer over a document, re-analysing only
paragraphs that changed.

Each paragraph gets a role (roles.py), then each analyzer that reads that role
its paragraph hook; those results are kept per paragraph text, so an edit
re-analyses one paragraph. Document hooks (a missing disclosure) work from the
paragraph results and always rerun. Analyzers come from the registry in
analyzers/__init__.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import chain, compress, count, islice, pairwise, repeat
from operator import attrgetter, is_, itemgetter
from typing import Any, NamedTuple, Protocol, cast

from .analysis_result import AnalysisResult
from .analyzers import REGISTRY, Check, DocumentView
from .analyzers.base import RuleInfo
from .analyzers.context import ParagraphContext
from .document import Document
from .findings import Finding
from .forked import can_fork, each_result
from .metadata import front_matter
from .numbering import InOrder, Key, Numbered, change_from, keyset, number, paragraph_findings
from .patterns import prepare_sets, word_set
from .policy import Policy, load_policy
from .roles import classify, paragraph_contexts, position_classes
from .rules import house_rules, whole_line_rules
from .text import last_sentence_start


class ParagraphResult(NamedTuple):
    """What the analyzers found in one paragraph (offsets relative to it), and their notes."""

    role: str
    findings: list[Finding]
    notes: dict[str, list[tuple[int, int]]]  # analyzer name -> spans its document hook needs


class Analyzer:
    """Every registered analyzer, configured by one house policy. Safe to share between threads."""

    def __init__(self, policy: Policy | None = None) -> None:
        self.policy = policy or load_policy()
        self.checks: tuple[Check, ...] = tuple(check(self.policy) for check in REGISTRY)
        self._rules: dict[str, RuleInfo] | None = None
        # A paragraph that is page furniture is known by the house's boilerplate rules.
        self.boilerplate = house_rules(self.policy.extra_rule_files, self.policy.disabled_rules)[
            "boilerplate"
        ]
        whole_line_rules(self.boilerplate)  # prepared now, its RE2 set with the others' (prepare_sets)

    def rule(self, name: str) -> RuleInfo | None:
        """What a rule is (why it flags, the fix it offers), from the check that emits it."""
        if self._rules is None:
            self._rules = {info.name: info for check in self.checks for info in check.rules()}
        return self._rules.get(name)

    def paragraph_result(self, ctx: ParagraphContext) -> ParagraphResult:
        """Findings and notes of one paragraph whose role is set, offsets relative to its start."""
        role = ctx.role
        found: list[Finding] = []
        notes: dict[str, Any] = {}
        for check in self.checks:
            if role in check.roles:
                found.extend(check.paragraph(ctx))
            if role in check.note_roles:
                note = check.notes(ctx)
                if note is not None:
                    notes[check.name] = note
        return ParagraphResult(role, self.apply_policy(found), notes)

    def apply_policy(self, found: list[Finding]) -> list[Finding]:
        """Drop the rules the policy switches off; give others the severity it sets."""
        disabled, overrides = self.policy.disabled_rules, self.policy.severity_overrides
        if not disabled and not overrides:  # the default policy: nothing to do for any finding
            return found
        out = []
        for f in found:
            if f.rule in disabled:
                continue
            out.append(f._replace(severity=overrides[f.rule]) if f.rule in overrides else f)
        return out

    def analyze(self, document: Document, workers: int = 1) -> AnalysisResult:
        """Analyse a whole document from scratch."""
        return IncrementalAnalysis(self).run(document, workers)


RoleKey = tuple[str, int, int]  # paragraph text, position class, context flags (roles.py)
# Told how many of a big batch's paragraphs are analysed so far, and of how many (the app's
# status bar shows it while a long draft is read).
Progress = Callable[[int, int], None]


class IncrementalAnalysis:
    """Keeps the last pass's per-paragraph results so the next pass reuses them.

    Only results of the previous pass are reused (not repeats within one pass),
    so a document analysed once costs the same as a full analysis. Not shared
    between threads: one pass at a time.
    """

    def __init__(self, analyzer: Analyzer, runner: ParagraphRunner | None = None) -> None:
        self.analyzer = analyzer
        self.runner = runner  # worker processes for a big batch of paragraphs (the desktop app's)
        self._by_key: dict[RoleKey, ParagraphResult] = {}  # the last pass's result of each paragraph
        self._last: Numbered | None = None  # the last pass's findings by paragraph, with their ids
        self._keysets: dict[RoleKey, frozenset[Key]] = {}  # a paragraph's findings' id keys
        # The grammar findings the review merged into the last pass (review.py), so that the
        # change it gives a view accounts for them too.
        self.grammar_shown: list[Finding] = []

    def run(self, document: Document, workers: int = 1, progress: Progress | None = None) -> AnalysisResult:
        """Analyse `document`, reusing the previous pass's unchanged paragraphs.

        With workers > 1 the paragraphs are split between processes (for big
        documents on the command line; the GUI edits one paragraph at a time).
        `progress` hears how far a batch of PROGRESS_MIN_PARAGRAPHS or more has gone.
        """
        analyzer = self.analyzer
        fm_end = front_matter(document.text)[1] if document.format == "md" else 0
        paragraphs = document.paragraphs
        texts = list(map(_TEXT, paragraphs))
        fronts = [p.start < fm_end for p in paragraphs] if fm_end else None
        metadata = document.metadata
        contexts = paragraph_contexts(
            texts, fronts, metadata.hidden_lines, metadata.byline, metadata.quoted_lines, metadata.title
        )
        # Paragraph i is numbered i (document.py), so its position class is the i-th.
        keys = list(zip(texts, position_classes(len(paragraphs)), contexts, strict=True))
        # The last pass's result of each paragraph whose key it had, looked up at C speed (a long
        # draft has tens of thousands of paragraphs, and an edit changes one).
        found = list(map(self._by_key.get, keys))
        todo = list(compress(count(), map(is_, found, repeat(None))))
        starts = list(map(_START, paragraphs))
        last = self._last
        # A first pass numbers each paragraph's findings as its result comes in: with forked
        # processes that is while they analyse the paragraphs after it (numbering 290,000
        # findings of a 20 MB draft took 0.9 s, the other CPU idle).
        first_pass = InOrder() if last is None and len(todo) == len(keys) else None
        for index, result in zip(
            todo, self._analyse([keys[i] for i in todo], workers, progress), strict=True
        ):
            found[index] = result
            if first_pass is not None:
                first_pass.add(starts[index], result.findings)
        results = cast(list[ParagraphResult], found)
        self._by_key = dict(zip(keys, results, strict=True))
        roles = list(map(_ROLE, results))
        notes: dict[str, list[tuple[Any, Any]]] = {}
        for index in compress(count(), map(_NOTES, results)):  # the few paragraphs with notes
            for name, note in results[index].notes.items():
                notes.setdefault(name, []).append((paragraphs[index], note))
        # After an edit, each paragraph's (rule, text, sentence) keys, to find those holding a key the
        # edit touched (numbering.number): kept like its result, only this pass's.
        keysets: list[frozenset[Key]] = []
        if last is not None:  # a first pass numbers every finding: it needs none
            kept_keysets = cast(list[frozenset[Key] | None], list(map(self._keysets.get, keys)))
            for index in compress(count(), map(is_, kept_keysets, repeat(None))):
                kept_keysets[index] = keyset(results[index].findings)
            keysets = cast(list[frozenset[Key]], kept_keysets)
        self._keysets = dict(zip(keys, keysets, strict=True)) if last is not None else {}

        size = len(document.text)
        if first_pass is not None:
            flat, bounds, region = first_pass.flat, first_pass.bounds, range(len(keys))
        else:
            flat, bounds, region = paragraph_findings(last, keys, starts, size, list(map(_FINDINGS, results)))
        doc: list[Finding] = []
        for check in analyzer.checks:
            # What the hooks before it found too: stacked connectives count toward "reads as
            # generated" for the disclosure check, as a paragraph's do.
            so_far = [*flat, *doc] if doc else flat
            view = DocumentView(document, roles, so_far, notes.get(check.name, []))
            doc.extend(analyzer.apply_policy(check.document(view)))
        if first_pass is not None:
            findings = first_pass.finish(doc)
        else:
            findings = number(last, flat, bounds, region, doc, keysets)
        self._last = Numbered(keys, starts, flat, bounds, doc, size)
        change = change_from(last, self._last, region) if last is not None else None
        return AnalysisResult(document, findings, roles, len(todo), todo, change)

    def _analyse(
        self, keys: list[RoleKey], workers: int, progress: Progress | None
    ) -> Iterable[ParagraphResult]:
        if len(keys) < PROGRESS_MIN_PARAGRAPHS:
            progress = None  # over before anyone could read it
        if self.runner is not None and len(keys) >= self.runner.min_paragraphs:
            results = self.runner.analyse(self.analyzer.policy, keys, progress)
            if results is not None:
                return results
        if progress is not None and workers <= 1:
            return _analyse_told(self.analyzer, keys, progress)
        return _analyse_many(self.analyzer, keys, workers)


class ParagraphRunner(Protocol):
    """Somewhere else to analyse many paragraphs at once (processes.AnalysisProcesses)."""

    min_paragraphs: int  # fewer are analysed in the caller's thread

    def analyse(
        self, policy: Policy, keys: list[RoleKey], progress: Progress | None = None
    ) -> list[ParagraphResult] | None:
        """Each paragraph's result, in order (telling `progress` as they come); None when it
        cannot (the caller analyses them)."""
        ...


PROGRESS_MIN_PARAGRAPHS = 1000  # a smaller batch is analysed in well under a second
PROGRESS_STEP = 500  # paragraphs analysed in a thread between two reports


def _analyse_told(analyzer: Analyzer, keys: list[RoleKey], progress: Progress) -> list[ParagraphResult]:
    """Each paragraph's result, in this thread, telling `progress` every PROGRESS_STEP of them."""
    out: list[ParagraphResult] = []
    for start in range(0, len(keys), PROGRESS_STEP):
        out += [analyse_one(analyzer, key) for key in keys[start : start + PROGRESS_STEP]]
        progress(len(out), len(keys))
    return out


def analyse_one(analyzer: Analyzer, key: RoleKey) -> ParagraphResult:
    """One paragraph's role, findings and notes (offsets relative to it)."""
    text = key[0]
    if len(text) > PIECE_CHARS:
        return _analyse_in_pieces(analyzer, key)
    ctx = ParagraphContext(text, "", key[2])
    ctx.role = classify(text, key[1], analyzer.boilerplate, key[2], ctx.words)
    return analyzer.paragraph_result(ctx)


# No article has a paragraph this long; a scraped page or a hostile file may. It is
# analysed in pieces cut at sentence ends, so memory follows the piece, not the
# paragraph (its words, tokens and sentences would otherwise all be held at once).
# Only the sentences on either side of a cut can differ from one whole analysis. Nor is it
# read as an embedded post when a credit line follows it (no post is that long), nor its last
# sentence as sourced by the paragraph after it.
PIECE_CHARS = 50_000
_CUT_WINDOW = 5_000  # how far back from a piece's end a sentence end is looked for


def _analyse_in_pieces(analyzer: Analyzer, key: RoleKey) -> ParagraphResult:
    role, pieces = _piece_plan(analyzer, key)
    text = key[0]
    results = [_piece_result(analyzer, text[start:end], role) for start, end in pieces]
    return _joined(role, [start for start, _ in pieces], results)


def _piece_plan(analyzer: Analyzer, key: RoleKey) -> tuple[str, list[tuple[int, int]]]:
    """A long paragraph's role (from all its words) and the pieces it is analysed in."""
    text = key[0]
    pieces = _pieces(text)
    words = frozenset().union(*(word_set(text[s:e]) for s, e in pieces))
    return classify(text, key[1], analyzer.boilerplate, key[2], words), pieces


def _piece_result(analyzer: Analyzer, piece: str, role: str) -> ParagraphResult:
    return analyzer.paragraph_result(ParagraphContext(piece, role))


def _joined(role: str, starts: list[int], results: list[ParagraphResult]) -> ParagraphResult:
    """The pieces' results as one paragraph's (each piece's offsets moved by where it starts)."""
    findings: list[Finding] = []
    notes: dict[str, list[tuple[int, int]]] = {}
    for start, result in zip(starts, results, strict=True):
        findings.extend(f.shifted(start) for f in result.findings)
        for name, spans in result.notes.items():
            notes.setdefault(name, []).extend((s + start, e + start) for s, e in spans)
    return ParagraphResult(role, findings, notes)


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of pieces of at most PIECE_CHARS, each ending where a sentence does if one does
    near its end, else at a space, else anywhere (a "word" that long is no word)."""
    out = []
    start = 0
    while len(text) - start > PIECE_CHARS:
        target = start + PIECE_CHARS
        lo = max(start + 1, target - _CUT_WINDOW)
        cut = last_sentence_start(text, lo, target)
        if cut is None:
            space = max(text.rfind(" ", lo, target), text.rfind("\n", lo, target))
            cut = space + 1 if space > lo else target
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


# What a worker process is given: a paragraph (its key), or a piece of a long one (its text, and
# the role of the whole paragraph).
Job = tuple[RoleKey, None] | tuple[str, str]


def _run(analyzer: Analyzer, job: Job) -> ParagraphResult:
    first, role = job
    if role is None:
        assert isinstance(first, tuple)
        return analyse_one(analyzer, first)
    assert isinstance(first, str)
    return _piece_result(analyzer, first, role)


def _analyse_many(analyzer: Analyzer, keys: list[RoleKey], workers: int) -> Iterator[ParagraphResult]:
    """Each paragraph's result, in order, as it comes. With workers > 1 and enough text, shared
    among forked processes: paragraphs, and the pieces of a long one, so that one huge paragraph
    is shared too."""
    chars = sum(map(len, map(itemgetter(0), keys)))
    if chars >= PREFILTER_MIN_CHARS:
        prepare_sets()  # before a fork: the processes share them
    if workers <= 1 or not can_fork() or (len(keys) < PARALLEL_MIN_PARAGRAPHS and chars < PARALLEL_MIN_CHARS):
        return map(partial(analyse_one, analyzer), keys)
    return _shared(analyzer, keys, workers)


# Text enough for the rule patterns' RE2 sets (patterns.prepare_sets) to save more than they cost:
# 12 ms to make and about 10 ms in each process to build the states of their automata, for a
# tenth of the analysis's instructions. On the 90,000-word benchmark (600,000 characters) the two
# were even (benchmarks/HISTORY.md); a folder of many drafts has its own threshold (check_many).
PREFILTER_MIN_CHARS = 1_000_000


def _shared(analyzer: Analyzer, keys: list[RoleKey], workers: int) -> Iterator[ParagraphResult]:
    jobs: list[Job] = []
    long_ones: dict[int, tuple[str, list[int]]] = {}  # key index -> role, piece starts
    for index, key in enumerate(keys):
        if len(key[0]) > PIECE_CHARS:
            role, pieces = _piece_plan(analyzer, key)
            long_ones[index] = (role, [start for start, _ in pieces])
            jobs.extend((key[0][start:end], role) for start, end in pieces)
        else:
            jobs.append((key, None))
    results = _in_processes(analyzer, jobs, workers)
    for index in range(len(keys)):
        if index in long_ones:
            role, starts = long_ones[index]
            yield _joined(role, starts, list(islice(results, len(starts))))
        else:
            yield next(results)


def _in_processes(analyzer: Analyzer, jobs: list[Job], workers: int) -> Iterator[ParagraphResult]:
    """The jobs' results, in order, each as soon as it and those before it are in: in chunks
    shared among forked processes (each takes the next chunk when done with one: a fixed share
    had left one waiting for the other for up to 150 ms on a busy machine)."""
    chunks = _chunks([len(job[0]) if job[1] is not None else len(job[0][0]) for job in jobs], workers)

    def chunk_results(number: int) -> list[ParagraphResult]:
        start, end = chunks[number]
        return [_run(analyzer, job) for job in jobs[start:end]]

    return chain.from_iterable(each_result(len(chunks), chunk_results, workers))


def _chunks(sizes: list[int], workers: int) -> list[tuple[int, int]]:
    """Runs of jobs, in order, each about the text still left over workers × GUIDE (guided
    self-scheduling): the first large, for few round trips, the last small, so that the process
    taking the last one finishes soon after the others (chunks of equal size, a 24th of a
    90,000-word draft each, left one process waiting 10-20 ms for the other). None over
    CHUNK_CHARS, so that a forked process's result fits in its pipe while this process is busy
    with a chunk of its own (forked.py), and none under LAST_CHUNK_CHARS but the very last."""
    left = sum(sizes)
    edges = [0]
    held = 0
    goal = _chunk_goal(left, workers)
    for index, size in enumerate(sizes[:-1]):
        held += size
        if held >= goal:
            edges.append(index + 1)
            left -= held
            held = 0
            goal = _chunk_goal(left, workers)
    edges.append(len(sizes))
    return list(pairwise(edges))


def _chunk_goal(left: int, workers: int) -> int:
    return min(CHUNK_CHARS, max(LAST_CHUNK_CHARS, left // (workers * GUIDE)))


GUIDE = 4
# A chunk's findings, pickled, take several times its text (three for the 90,000-word text; a
# 20 MB draft cut in 24 chunks had 4 MB each, and a forked process then waited on its full pipe,
# 1 MB, until this process read it: a fifth of the CPUs' time went unused).
CHUNK_CHARS = 100_000
LAST_CHUNK_CHARS = 2_000  # a millisecond or two of work: more round trips would cost more than that
# Below both, starting processes costs more than it saves.
PARALLEL_MIN_PARAGRAPHS = 1000
PARALLEL_MIN_CHARS = 2 * PIECE_CHARS  # so that one paragraph of two pieces or more is shared


_START = attrgetter("start")
_FINDINGS = attrgetter("findings")
_TEXT = attrgetter("text")
_ROLE = attrgetter("role")
_NOTES = attrgetter("notes")

__all__ = ["AnalysisResult", "Analyzer", "IncrementalAnalysis"]
