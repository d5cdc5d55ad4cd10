"""Word-list and pattern rules from resources/rules/*.toml: hedges, peacock wording and
phrasing typical of generated text, in titles and body text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import cache
from itertools import compress, count

from ..findings import Finding
from ..patterns import WORD_RE, GatedPattern, PatternIndex, normalise
from ..policy import Policy
from ..roles import BODY, LABELLED_OPINION, TITLE
from ..rules import LexiconRule, builtin_rules, house_rules, word_list
from ..scoring.explain import driver_span, hedge_words
from ..scoring.features import Token, cue_features
from ..scoring.model import load_model
from ..text import Sentence, inside
from .base import Check, RuleInfo
from .claim import ClaimSignals, names_its_source, signals_at
from .context import ParagraphContext

WORD_LIST_CATEGORIES = ("hedge", "peacock", "ai_tell")
UNCERTAINTY = ("hedge", "peacock")  # the categories the uncertainty score is about


class WordListCheck(Check):
    """Every word-list rule of the house, in one pass over a paragraph's words; hedge and
    peacock hits weighed by the learned uncertainty score of their sentence."""

    name = "wordlists"
    categories = WORD_LIST_CATEGORIES
    # A disclosure's "may contain errors" is legal boilerplate, not a hedge.
    roles = frozenset({BODY, TITLE})

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        rules = house_rules(policy.extra_rule_files, policy.disabled_rules)
        self.lexicon = tuple(rule for category in self.categories for rule in rules[category])
        self.terms = TermIndex(self.lexicon)
        self.model = load_model("uncertainty")
        self.scores = policy.scores
        # A newsroom's own rules stand whatever a score learned elsewhere says.
        builtin = {rule.name for category in self.categories for rule in builtin_rules(category)}
        self.house = frozenset(rule.name for rule in self.lexicon if rule.name not in builtin)

    def rules(self) -> Sequence[RuleInfo]:
        return [
            *(RuleInfo(rule.name, rule.category, rule.why, rule.fix) for rule in self.lexicon),
            RuleInfo(LEARNED, "hedge", _LEARNED_WHY),
        ]

    def paragraph(self, ctx: ParagraphContext) -> list[Finding]:
        found = run_rules(ctx, self.terms, self.categories)
        return [f for f in found if f.category not in UNCERTAINTY] + self._weigh(ctx, found)

    def _weigh(self, ctx: ParagraphContext, found: list[Finding]) -> list[Finding]:
        """Each sentence's hedge and peacock hits, kept where its score reaches their floor, and a
        learned finding where it reads as hedged but no rule fired."""
        by_sentence: dict[int, list[Finding]] = {}
        sentence_starts = ctx.sentence_starts
        for f in found:
            if f.category in UNCERTAINTY:
                by_sentence.setdefault(max(0, bisect_right(sentence_starts, f.start) - 1), []).append(f)
        out: list[Finding] = []
        threshold = self.scores.thresholds["hedge"]
        body = ctx.role == BODY
        for i, sentence in enumerate(ctx.sentences):
            hits = by_sentence.get(i, [])
            if hits and not body:
                hits = [f for f in hits if not _headline_credit(ctx.text, f)]
            if not hits and not body:  # a headline's score alone says nothing (below): not worked out
                continue
            words = ctx.sentence_features(sentence)
            cues = cue_features({f.rule for f in hits}) if hits else []
            score = self.model.score(words, cues)
            kept = [f.with_score(score) for f in hits if f.rule in self.house or score >= self._floor(f.rule)]
            if kept and body:
                attributed = _unless_attributed(kept, ctx, sentence)
                if len(attributed) == len(kept) and i:
                    attributed = _unless_alleged_before(kept, ctx, ctx.sentences[i - 1])
                if len(attributed) < len(kept):
                    out.extend(attributed)  # and no learned finding on the same word
                    continue
            if kept and i + 1 < len(ctx.sentences) and body:
                named = _unless_named_next(kept, ctx, ctx.sentences[i + 1])
                if len(named) < len(kept):
                    out.extend(named)  # and no learned finding on the same vague words
                    continue
            out.extend(kept)
            # A headline ("Riverside schools to add 40 teachers") is no sentence of the kind the
            # score learned from: its rules' hits are weighed, but the score alone says nothing.
            # Nor where the sentence says who says it, or states a figure or a date (held_back).
            if not kept and score >= threshold and body and not held_back(signals_at(ctx, sentence)):
                tokens = ctx.sentence_tokens(sentence)
                learned = _learned_finding(ctx, self.model.drivers([*words, *cues]), tokens, score)
                if learned is not None:
                    out.append(learned)
        return out

    def _floor(self, rule: str) -> float:
        return self.scores.floor("hedge", rule)


# Claim kinds that make a sentence specific: no hedge on its uncertainty score alone.
SPECIFIC_KINDS = frozenset(("figure", "dated"))


def held_back(signals: ClaimSignals | None) -> bool:
    """Is a sentence with these claim signals one its uncertainty score alone does not flag?

    One that says who says it: what the score reads as hedged is theirs, as in a quotation
    ("Northwind Foods said Wednesday that its profit fell…", "…, police said in a statement"; not
    "experts say", a weasel the rules flag). And one that states a figure or a date: a specific
    statement, where the score learned from Wikipedia reads topic words ("The council voted 6-3
    on Tuesday to add bike lanes…" was "hedged" for "to add"). Cross-validated on the training
    splits, with both the shipped F1 is 0.6186, against 0.6182 with only a named speaker and
    0.6206 with neither test of who says it (benchmarks/quality decides with this function).
    """
    return signals is not None and (signals.attributed or not SPECIFIC_KINDS.isdisjoint(signals.kinds))


@cache
def _groups() -> frozenset[str]:
    lists = ("vague_subjects", "vague_groups", "named_groups", "advising_trades", "everyday_groups")
    return frozenset().union(*map(word_list, lists)) - _NO_MEMBERS


# Vague subjects with no member to name: "It is widely believed…", "Everyone knows…"; and the
# documents no one names ("Studies show…", "research showing that…"), whose source is a study
# or a report, not the person the next sentence quotes ("…," said parent Kim Tran).
_NO_MEMBERS = frozenset(("it", "they", "everyone", "somebody", "someone", "studies", "research", "reports"))


def _unless_named_next(kept: list[Finding], ctx: ParagraphContext, following: Sentence) -> list[Finding]:
    """Without the weasel words whose vague group the next sentence gives a named member of
    ("Migration experts cautioned that… Maria Lopez, a demographer, said…")."""
    groups = [f for f in kept if _is_group_weasel(f)]
    if not groups or not names_its_source(ctx, following):
        return kept
    return [f for f in kept if f not in groups]


def _is_group_weasel(finding: Finding) -> bool:
    """Is this weasel wording a vague group ("analysts", "experts") that a source could name?"""
    return finding.rule == WEASEL and not _groups().isdisjoint(WORD_RE.findall(finding.text.lower()))


def _unless_attributed(kept: list[Finding], ctx: ParagraphContext, sentence: Sentence) -> list[Finding]:
    """Without "allegedly" and "reportedly" where the sentence names its source ("Moss allegedly
    smashed car windows…, according to a criminal complaint"): the hearsay is attributed, as the
    trade asks of it, and a crime story must say "allegedly". So is a vague group where the
    sentence says where it comes from ("…the $4.05 billion analysts had expected, according to a
    survey by LSEG"); a speaker is no source for it ("…, researchers say" is the weasel itself)."""
    hearsay = [f for f in kept if f.rule == WEASEL and _is_hearsay(f.text.lower())]
    groups = [f for f in kept if _is_group_weasel(f) and f not in hearsay]
    if not hearsay and not groups:
        return kept
    signals = signals_at(ctx, sentence)
    if signals is None or not signals.attributed:
        return kept
    if "attribution" not in signals.cues:
        groups = []
    return [f for f in kept if f not in hearsay and f not in groups]


def _unless_alleged_before(kept: list[Finding], ctx: ParagraphContext, before: Sentence) -> list[Finding]:
    """Without "allegedly" and "reportedly" where the sentence before names whose word it is
    ("Prosecutors allege that Marsh wrote checks to himself. He allegedly used the money…"). Not a
    link ("…, according to the CDC. Sleep loss has been linked to obesity."): the figure sourced
    before is no source of it."""
    hearsay = [f for f in kept if f.rule == WEASEL and f.text.lower() in _HEARSAY]
    if not hearsay:
        return kept
    signals = signals_at(ctx, before)
    if signals is None or not signals.attributed:
        return kept
    return [f for f in kept if f not in hearsay]


def _is_hearsay(text: str) -> bool:
    """Is this weasel wording hearsay, which a source the sentence names attributes ("allegedly",
    "has been linked to")?"""
    return text in _HEARSAY or text.endswith(_LINKED)


_HEARSAY = frozenset(("allegedly", "reportedly", "purportedly", "rumoredly", "rumouredly"))
_LINKED = ("linked to", "linked with")


def _headline_credit(text: str, finding: Finding) -> bool:
    """Is this a headline's closing credit, "Coffee may cut cancer risk, researchers say"? The
    convention stands for the source the story names; the story's own sentences are checked."""
    return (
        finding.rule == WEASEL
        and text[: finding.start].rstrip().endswith(",")
        and not text[finding.end :].strip(" .!?\n")
    )


WEASEL = "hedge.weasel"
LEARNED = "hedge.learned"
_LEARNED_WHY = (
    "No hedge rule fired, but the sentence reads like those annotators marked as hedged, "
    "vague or promotional (a score learned from annotated Wikipedia sentences)."
)


def _learned_finding(
    ctx: ParagraphContext, drivers: list[tuple[str, float]], tokens: list[Token], score: float
) -> Finding | None:
    """A hedge finding on the words that drove the score; none inside a quotation (the speaker's)."""
    span = driver_span(drivers, tokens)
    words = hedge_words(drivers)
    if span is None or not words or inside(ctx.quotes, *span):
        return None
    listed = ", ".join(words)
    return ctx.finding(
        "hedge",
        LEARNED,
        "suggestion",
        span[0],
        span[1],
        f"Reads as hedged or vague (score {score:.2f}): {listed}.",
        "Say who says so and how much, or state the fact plainly.",
        score,
    )


_Entry = tuple[tuple[str, ...], LexiconRule, int, int]  # see TermIndex.__init__


class TermIndex:
    """Every term of a set of rules, for one pass over a paragraph's tokens.

    One-word terms are keyed by the word and longer ones by their first two
    words, so common first words ("a", "in", "the") cost nothing unless the
    second word matches too.
    """

    def __init__(self, rules: Iterable[LexiconRule]) -> None:
        # Each entry: the term's words, its rule, which token field its words are compared with,
        # and from which word on (the words its table was looked up by need no comparing again,
        # unless the rule minds case: the tables hold words in lower case).
        self._single: dict[str, list[_Entry]] = {}
        self._pairs: dict[tuple[str, str], list[_Entry]] = {}
        patterned: list[tuple[LexiconRule, GatedPattern]] = []
        for rule in rules:
            if rule.whole_paragraph:
                continue
            patterned.extend((rule, pattern) for pattern in rule.patterns)
            for term in rule.terms:
                words = tuple(WORD_RE.findall(term.replace("’", "'")))
                if " ".join(words) != " ".join(term.split()):
                    raise ValueError(f"rule {rule.name}: term {term!r} must be plain words")
                key = words if rule.case_sensitive else tuple(normalise(w) for w in words)
                first = tuple(normalise(w) for w in key[:2])
                field, looked_up = (3, 0) if rule.case_sensitive else (2, len(first))
                entry = (key, rule, field, looked_up)
                if len(key) == 1:
                    self._single.setdefault(first[0], []).append(entry)
                else:
                    self._pairs.setdefault((first[0], first[1]), []).append(entry)
        for table in (self._single, self._pairs):
            for entries in table.values():
                entries.sort(key=lambda entry: -len(entry[0]))
        self.patterns = PatternIndex(patterned)
        # Sets, to intersect with a paragraph's words (a dict's keys take three times as long).
        self._singles = frozenset(self._single)
        self._firsts = frozenset(first for first, _ in self._pairs)

    def matches(
        self, ctx: ParagraphContext, categories: Collection[str]
    ) -> Iterator[tuple[LexiconRule, int, int]]:
        tokens = ctx.tokens
        norms = ctx.norms
        candidates: list[tuple[int, list[_Entry]]] = []
        # The positions of words that begin a term, found at C speed ("a", "in" and "the" begin
        # some): a Python step is taken only there, not for every word.
        singles = ctx.words & self._singles
        if singles:
            single = self._single
            candidates += [(i, single[norms[i]]) for i in compress(count(), map(singles.__contains__, norms))]
        firsts = ctx.words & self._firsts
        if firsts:
            pairs = self._pairs
            for i in compress(count(), map(firsts.__contains__, norms[:-1])):
                if entries := pairs.get((norms[i], norms[i + 1])):
                    candidates.append((i, entries))
        text = ctx.text
        for i, entries in candidates:
            for key, rule, field, looked_up in entries:
                end = i + len(key)
                if rule.category not in categories or end > len(tokens):
                    continue
                if looked_up < len(key) and not all(
                    tokens[i + j][field] == key[j] for j in range(looked_up, len(key))
                ):
                    continue
                if end - i > 1 and not all(
                    text[tokens[k - 1][1] : tokens[k][0]].isspace() for k in range(i + 1, end)
                ):
                    continue
                yield rule, tokens[i][0], tokens[end - 1][1]


def uncertainty_rule_hits(text: str) -> set[str]:
    """The built-in hedge and peacock rules that flag this text: the cues the uncertainty score reads."""
    check = _default_check()
    return {f.rule for f in run_rules(ParagraphContext(text, BODY), check.terms, UNCERTAINTY)}


@cache
def _default_check() -> WordListCheck:
    from ..policy import load_policy

    return WordListCheck(load_policy())


def run_rules(ctx: ParagraphContext, index: TermIndex, categories: Collection[str]) -> list[Finding]:
    found: list[Finding] = []
    spans = list(index.matches(ctx, categories))
    for rule, pattern in index.patterns.candidates(ctx.text, ctx.words):
        if rule.category in categories:
            spans.extend((rule, *_trim(ctx.text, m.span())) for m in _overlapping(pattern.regex, ctx.text))
    opinion = bool(ctx.context & LABELLED_OPINION)
    for rule, start, end in spans:
        if start == end or (rule.skip_quoted and inside(ctx.quotes, start, end)):
            continue
        if opinion and rule.news_only:  # "I think" in a column labelled as one
            continue
        if rule.sentence_span:
            sentence = ctx.sentence_at(start)
            start, end = sentence.start, max(sentence.end, end)
        message, suggestion = rule.describe(ctx.text[start:end])
        found.append(ctx.finding(rule.category, rule.name, rule.severity, start, end, message, suggestion))
    return _drop_nested(found)


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Drop spaces a pattern may have taken at its edges."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _overlapping(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches that may overlap ("It feels" and "feels like"), unlike finditer's."""
    pos = 0
    while (match := regex.search(text, pos)) is not None:
        yield match
        pos = match.start() + 1


def _drop_nested(found: list[Finding]) -> list[Finding]:
    """One finding per stretch of text: overlapping matches of one rule become one span
    ("It feels" + "feels like" -> "It feels like"); a match inside a longer one of
    the same category adds nothing."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in found:
        last = kept[-1] if kept else None
        if last and last.category == finding.category and finding.start < last.end:
            if finding.rule == last.rule and finding.end > last.end:
                kept[-1] = _union(last, finding)
            if finding.end <= last.end or finding.rule == last.rule:
                continue
        kept.append(finding)
    return kept


def _union(first: Finding, second: Finding) -> Finding:
    text = first.text + second.text[first.end - second.start :]
    message = first.message.replace(f'"{first.text}"', f'"{text}"')
    return first._replace(end=second.end, text=text, message=message)
