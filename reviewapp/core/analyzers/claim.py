"""Check-worthy claims: sentences asserting facts that a reader cannot check as written.

A sentence is a claim when it carries one strong signal (a figure, a
superlative, a prediction, a reported statement by a named party) or two
weaker ones (a date, a named party doing something, a trend, "will").
Questions, opinions marked as such and pure description are not claims.
A claim is a `warning` when nothing in the sentence attributes it, and a
`suggestion` (confirm the source) when something does.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from itertools import compress, count
from operator import itemgetter
from typing import NamedTuple

from ..findings import SOURCE_PLACEHOLDER, Finding
from ..neighbour_sources import MODALS
from ..patterns import GatedAny, GatedPattern, PatternIndex
from ..policy import Policy
from ..roles import (
    ABOVE_SOURCE,
    BELOW_SOURCED_FIGURES,
    BELOW_SOURCED_FORECAST,
    BODY,
    LABELLED_REVIEW,
    TABLE_INTRODUCED,
    TABLE_MORE,
    TABLE_ROW,
    introduces_below,
    is_heading_line,
)
from ..rules import builtin_rules, pattern_list, single_pattern, word_list
from ..scoring.explain import claim_reasons
from ..scoring.features import NUMBER_WORDS, cue_features
from ..scoring.model import load_model
from ..text import Sentence, inside, overlaps, quoted_spans
from .base import Check, RuleInfo
from .context import ParagraphContext
from .sources import WHERE, after_label, sourced_by_next, whose_words

_MIN_WORDS = 4

# kind -> (message when nothing attributes the claim, message when something does, why it is flagged)
_KINDS = {
    "accusation": (
        "Wrongdoing stated as fact with no source: who makes the accusation, or which court or record "
        "established it?",
        "Accusation with a source: confirm the source makes it in these words (and say “alleged” until a "
        "court has ruled).",
        "Saying someone lied, stole or broke the law in the paper's own voice makes the accusation the "
        "publisher's: a claim to check and a legal risk, unless a court, a regulator or a named accuser "
        "makes it.",
    ),
    "statement": (
        "Reported statement with no source: who says so, and where?",
        "Reported statement: confirm it against the cited source.",
        "Someone named is said to have stated something: a reader needs to know where.",
    ),
    "figure": (
        "Unsourced figure: nothing in this sentence says where the number comes from.",
        "Figure with a source: confirm it against the source.",
        "Numbers are the facts readers quote and the ones generated text gets wrong most often.",
    ),
    "superlative": (
        "Superlative presented as fact with no source.",
        "Superlative with a source: confirm the source supports it.",
        "A first, a record, a biggest or a best is a claim about every other case, and needs a source.",
    ),
    "forecast": (
        "Forecast of a record (a superlative still to come) with no source.",
        "Forecast of a record with a source: confirm whose forecast it is.",
        "“Will be the largest” claims a record not yet set: the reader must know whose forecast it is.",
    ),
    "ranking": (
        "A place in a ranking or a record (the world's, the country's, in its history, on record) "
        "stated as fact with no source.",
        "Ranking with a source: confirm the source ranks it so.",
        "“The world's most valuable”, “the largest in the state's history”: a claim about every "
        "other case, which a ranking or an archive holds.",
    ),
    "prediction": (
        "Prediction or schedule stated as fact with no source: whose forecast or announcement is it?",
        "Prediction or schedule with a source: confirm who predicts or announced it.",
        "A forecast or a schedule stated as fact (“is expected to”, “is scheduled to”): the reader must "
        "know whose forecast or announcement it is.",
    ),
    "record": (
        "Statement of record (what someone did) with no source.",
        "Statement of record with a source: confirm it.",
        "Votes, decisions and actions are facts of record that a reader can check.",
    ),
    "comparison": (
        "Comparison stated as fact with no source.",
        "Comparison with a source: confirm both sides of it.",
        "A comparison is a claim about two things at once; both need checking.",
    ),
    "event": (
        "A named person or organisation doing something, with no source or announcement cited.",
        "Reported event: confirm it against the cited source.",
        "Someone named is said to have done something; that is a fact to check.",
    ),
    "trend": (
        "Trend stated without data or a source.",
        "Trend with a source: confirm the data.",
        "A rise or fall is a comparison over time and needs the data behind it.",
    ),
    "dated": (
        "Dated factual statement with no source.",
        "Dated statement with a source: confirm it.",
        "A statement tied to a date is a fact of record that can be checked.",
    ),
}
_SUGGEST_UNSOURCED = "Verify it and add the source (who said it, a document, a link), or remove it."
# An accusation is not verified by the editor alone: whoever makes it is named, or it goes.
_SUGGEST_ACCUSATION = (
    "Name who makes the accusation (or the court, regulator or record that found it) and say "
    "“alleged” until a court has ruled, or remove it."
)
_SUGGEST_PLACEHOLDER = f"Replace “{SOURCE_PLACEHOLDER}” with the source (who said it, a document, a link)."
_SUGGEST_SOURCED = "Check the cited source says exactly this."
# A public record the sentence cites nowhere (a vote's, a court's, the market's): it is looked up.
_SUGGEST_RECORD = "Look it up in that record: the figures, names and dates as it has them."
# The writer's own account ("I have ridden the bus for eleven years", "the best vacuum we have
# tested"): nothing cited to check it against, so the editor asks the writer.
_SUGGEST_WRITER = "Confirm it with the writer: their notes, tests or what they saw."


class ClaimSignals(NamedTuple):
    """What the rules see in one sentence (a named tuple: made for every sentence of a draft)."""

    kinds: tuple[str, ...]  # the claim kinds, strongest first; empty when the rules see no claim
    attributed: bool
    cues: frozenset[str]  # every signal seen, vetoes too (the learned score reads them)
    names: Sequence[str] = ()  # the named parties seen (not a cited headline's words, nor placeholders)


class ClaimCheck(Check):
    """Check-worthy claims in body text: the rules' kinds, weighed by the learned claim score."""

    name = "claim"
    categories = ("claim",)
    roles = frozenset({BODY})

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self.model = load_model("claim")
        self.scores = policy.scores
        # Each kind's floor, looked up once here rather than for every sentence.
        self._floors = {kind: policy.scores.floor("claim", f"claim.{kind}") for kind in _KINDS}
        _claim_patterns()  # its index made now, for patterns.prepare_sets to find

    def rules(self) -> Sequence[RuleInfo]:
        return [
            *(RuleInfo(f"claim.{kind}", "claim", why) for kind, (_, _, why) in _KINDS.items()),
            RuleInfo(LEARNED, "claim", _LEARNED_WHY),
        ]

    def paragraph(self, ctx: ParagraphContext) -> list[Finding]:
        if ctx.context & TABLE_ROW:
            return self._table_row(ctx)
        found = []
        threshold = self.scores.thresholds["claim"]
        sentences = ctx.sentences
        sources = _Sources(ctx, sentences)
        # A paragraph that opens with a source ("That's according to…") is not itself a claim there.
        source_first = single_pattern("back_attribution").regex.match(ctx.text) is not None
        # A subheading or a list item is no sentence of the kind the score learned from: its rules'
        # claims stand, the score alone says nothing there.
        learned = not is_heading_line(ctx.text)
        for index, sentence in enumerate(sentences):
            if index == 0 and sources.label_stop > sentence.start:  # "RUIZ: Thanks for having me."
                sentence = after_label(ctx.text, sentence, sources.label_stop)
            signals = signals_at(ctx, sentence)
            if signals is None:
                continue
            if ctx.context & LABELLED_REVIEW and "accusation" in signals.kinds:
                # A review's plot ("His wife lied to the police."): the story's, accusing no one.
                signals = signals._replace(kinds=tuple(k for k in signals.kinds if k != "accusation"))
            # Where the source is, when not in the sentence (a key of sources.WHERE).
            where = None if signals.attributed else sources.where(index, sentence, signals)
            if where is not None:
                signals = ClaimSignals(signals.kinds, True, signals.cues | _SOURCED_CUES, signals.names)
            sources.seen(index, sentence, signals, where)
            words = ctx.sentence_features(sentence)
            cues = cue_features(signals.cues)
            score = self.model.score(words, cues)
            floor = min(map(self._floors.__getitem__, signals.kinds), default=2.0)
            if score >= floor:
                found.append(_rule_finding(ctx, sentence, signals, score, where))
            elif (
                learned
                and score >= threshold
                and index - 1 not in sources.by_next
                and not (index == 0 and source_first)
                # "In a statement, the agency said:" introduces what follows; it states nothing.
                and not introduces_below(sentence.text)
                # Opening hours and whom to call are checked against a listing, a critic's rating is
                # the critic's, the interview is the piece's own: no source is missing.
                and (signals.attributed or _OWN_WORD.isdisjoint(signals.cues))
            ):
                drivers = self.model.drivers([*words, *cues])
                reasons = claim_reasons(
                    drivers,
                    signals.attributed,
                    figure="figure" in signals.cues,
                    names=frozenset(map(str.lower, signals.names)),
                    named=bool(signals.names),
                )
                if reasons:  # none: the score rose with the source alone, and says nothing to check
                    found.append(_learned_finding(ctx, sentence, signals.attributed, score, reasons))
        return found

    def _table_row(self, ctx: ParagraphContext) -> list[Finding]:
        """A table's figures, once: on its first row, for the table (always: the score, learned
        from sentences, is given but decides nothing for a row, which is none)."""
        text = ctx.text.strip()
        if ctx.context & TABLE_MORE or not text:
            return []
        signals = _signals(ctx.text, ctx.tokens, 0, ctx.urls, _paragraph_ready(ctx), ctx.norms)
        # A number in a cell after the first is a figure: the heading says of what ("Riders
        # (millions)"), where a bare "4.1" in a sentence counts nothing the rules can tell.
        cells = text.strip("|").split("|")[1:]
        if not any(map(_DIGIT.search, cells)) and (signals is None or "figure" not in signals.cues):
            return []
        where = "table_below" if ctx.context & ABOVE_SOURCE else None
        where = where or ("table_above" if ctx.context & TABLE_INTRODUCED else None)
        sourced = (signals is not None and signals.attributed) or where is not None
        start = ctx.text.index(text)
        row = Sentence(start, start + len(text), text)
        cues = cue_features(signals.cues) if signals is not None else []
        score = self.model.score(ctx.sentence_features(row), cues)
        message = _TABLE_SOURCED if sourced else _TABLE_UNSOURCED
        if where is not None:
            message = f"{message} Its source: {WHERE[where]}."
        return [
            ctx.finding(
                "claim",
                "claim.figure",
                "suggestion" if sourced else "warning",
                start,
                start + len(text),
                message,
                _SUGGEST_SOURCED if sourced else _SUGGEST_UNSOURCED,
                score,
            )
        ]


_DIGIT = re.compile(r"\d")
_TABLE_UNSOURCED = "Unsourced figures: nothing says where this table's numbers come from."
_TABLE_SOURCED = "Table of figures with a source: confirm its numbers against the source."

LEARNED = "claim.learned"
_LEARNED_WHY = (
    "No claim rule fired, but the sentence reads like the statements fact-checkers pick "
    "(a score learned from annotated debates)."
)


def _rule_finding(
    ctx: ParagraphContext, sentence: Sentence, signals: ClaimSignals, score: float, where: str | None
) -> Finding:
    unsourced, sourced, _ = _KINDS[signals.kinds[0]]
    if where is not None:  # the source is outside the sentence: say where, the editor looks there
        sourced = f"{sourced} Its source: {WHERE[where]}."
    suggest_unsourced = _SUGGEST_ACCUSATION if signals.kinds[0] == "accusation" else _SUGGEST_UNSOURCED
    if SOURCE_PLACEHOLDER in sentence.text:  # the fix's placeholder, put in and not yet filled
        unsourced = f"{unsourced} Its “{SOURCE_PLACEHOLDER}” is still to be filled in."
        suggest_unsourced = _SUGGEST_PLACEHOLDER
    suggest_sourced = (
        _SUGGEST_RECORD
        if where in _PUBLIC_RECORDS
        else _SUGGEST_WRITER
        if where == "writer"
        else _SUGGEST_SOURCED
    )
    return ctx.finding(
        "claim",
        f"claim.{signals.kinds[0]}",
        "suggestion" if signals.attributed else "warning",
        sentence.start,
        sentence.end,
        sourced if signals.attributed else unsourced,
        suggest_sourced if signals.attributed else suggest_unsourced,
        score,
    )


def _learned_finding(
    ctx: ParagraphContext, sentence: Sentence, attributed: bool, score: float, reasons: list[str]
) -> Finding:
    what = "Check-worthy statement" + (", attributed" if attributed else "")
    # A suggestion: a score alone informs the editor, it does not hold up publication.
    return ctx.finding(
        "claim",
        LEARNED,
        "suggestion",
        sentence.start,
        sentence.end,
        f"{what} (score {score:.2f}): {' + '.join(reasons)}.",
        _SUGGEST_SOURCED if attributed else _SUGGEST_UNSOURCED,
        score,
    )


_SOURCED_CUES = frozenset(("attribution", "attributed"))  # what a source within the sentence adds
# What a vote's or a game's result may claim beside it and still have the record for its source.
# "The board voted 5-2 on Tuesday to…", "The Hawks fell to 5-3" (a team's record changing).
_TALLY_KINDS = frozenset(("figure", "dated", "event", "trend"))
# What a court's schedule tells: when a named defendant is due ("Reed is due back in court on Jan. 6.").
_DOCKET_KINDS = frozenset(("dated", "prediction", "event"))
# A paragraph about shares, where a company's name rising or falling by a percentage is its share
# price ("Technology shares led the decline. Nvidia fell 2.8% and Apple dropped 1.2%.").
_MARKET_WORDS = frozenset(
    ("stocks", "shares", "stock", "index", "indexes", "indices", "nasdaq", "dow", "trading", "traders",
     "investors", "sector")
)  # fmt: skip
# What a trading day's prices may claim beside them: the tally's kinds, and a statement read from
# "added", which there is a price's move ("Chevron added 1.9%"), not someone's words.
_MARKET_KINDS = _TALLY_KINDS | {"statement"}
# What a court's decision tells beside it (and a public body's, at its meeting): the counts, the
# sums and the dates of its verdict or ruling ("A jury on Monday found him guilty of embezzling
# $1.2 million"); not a record or a comparison ("the largest award in the state's history"), nor
# what someone said of it.
_VERDICT_KINDS = frozenset(("figure", "dated", "event"))
# What a law's, a bill's or a deal's terms tell: its sums, its dates, who gets or pays what, what
# it will do ("Under the deal, shareholders will receive $45 a share."); not a comparison or a
# record ("the strictest law in the nation"), nor what someone said of it.
_TERMS_KINDS = _VERDICT_KINDS | {"prediction"}


class _Record(NamedTuple):
    """A source that a cue of the sentence's own names (a vote's record, a court's docket…), where
    the sentence claims no more than `kinds`."""

    cue: str
    where: str  # its key in sources.WHERE
    kinds: frozenset[str]
    public: bool  # a public record: the editor looks the claim up there
    # Only where the rules see a claim: a source would raise a plain sentence's score to a learned
    # finding ("The council voted on Tuesday.").
    with_claim: bool = False


# In this order: the first that fits is the sentence's source.
_RECORDS = (
    _Record("tally", "record", _TALLY_KINDS, True),  # "The vote was 70-29."
    _Record("docket", "docket", _DOCKET_KINDS, True),  # "He is scheduled to appear in court Dec. 9."
    _Record("agenda", "agenda", _DOCKET_KINDS, True, True),  # "The council will take it up Dec. 15."
    _Record("market", "market", _MARKET_KINDS, True),  # "The S&P 500 fell 0.6% to 5,912.40."
    _Record("verdict", "court_record", _VERDICT_KINDS, True),  # "It acquitted him on two counts."
    _Record("meeting", "meeting_record", _VERDICT_KINDS, True, True),  # "The council approved…"
    _Record("provenance", "study_itself", _VERDICT_KINDS, False, True),  # "The study was funded by…"
    _Record("terms", "terms", _TERMS_KINDS, True),  # "The law would have fined platforms up to $10,000…"
)
# The public records a claim's source may be: it says to look the claim up there (a log's is
# found by its paragraph's role, roles.LOG).
_PUBLIC_RECORDS = frozenset([*(record.where for record in _RECORDS if record.public), "log"])
_MARKET = frozenset(("market",))
_TERMS = frozenset(("terms",))
# What a sentence right after a sourced figure may claim and still be more of the same figures: no
# statement, event or forecast of its own.
_CONTINUED_KINDS = frozenset(("figure", "dated", "trend"))  # "… Hospitalizations rose to 386 from 201."
# In the same paragraph, the same figures compared and ranked go on too: "…, the study found. Most
# particles were fibers smaller than a human hair. The highest counts were in older homes."
_CONTINUED_HERE = _CONTINUED_KINDS | {"comparison", "superlative"}
# Across a paragraph break, figures compared go on too ("Rents are now 3.4 percent lower than a
# year ago."), not a comparison without them ("Most particles were smaller than a human hair.").
_CONTINUED_COMPARED = _CONTINUED_KINDS | {"comparison"}
# A forecast someone made, and what a sentence right after it may claim and still be more of it,
# said with a modal ("… forecasters warned. Wind gusts up to 40 mph could cause blowing snow."):
# figures, comparisons, changes, no one named doing anything.
_FORECAST_CUES = frozenset(("will", "prediction", "forecast"))
_FORECAST_GOES_ON = frozenset(("figure", "dated", "trend", "comparison", "change", "prediction"))
# Across a paragraph break, only when and whether: new figures there need a source of their own
# ("The mayor said the vote would come in May." then "The plan will cost $4 million.").
_FORECAST_GOES_ON_ACROSS = frozenset(("dated", "prediction"))
# The writer speaking for themselves: "I …", "My …", a critic's "On my two visits…" (outside
# quotation marks). Not any "We…": a politician's op-ed ("We cut the budget by 40 percent") claims
# for a government (_we_observed).
_WRITER = ("I ", "I'", "I’", "My ", "On my ", "During my ")


def _we_observed(text: str) -> bool:
    """Does the sentence open with what the writer's party saw or did to report ("We waited…",
    "We counted…", "We've tested dozens…")? Not what a government did ("We cut the budget…")."""
    opening = _WE_OPENING.match(text)
    if opening is None:
        return False
    verb = text[opening.end() :].split(" ", 1)[0].lower()
    return verb in word_list("observation_verbs")


# A buying guide's tests, the writer's own: "the best robot vacuum we have tested", "98 percent of
# the debris in our tests", "the shortest of our picks" (not "we tried", a government's as often).
_OUR_TESTING = re.compile(
    r"\b(?:we(?:\s+have|['’]ve)?\s+(?:ever\s+)?(?:tested|reviewed|measured)|in\s+our\s+(?:tests?|testing|trials"
    r"|measurements|lab)|of\s+our\s+(?:picks|test\s+group))\b",
    re.IGNORECASE,
)
_WE_OPENING = re.compile(r"We(?: have |['’]ve | )")  # the longer first: "We have" is no verb "have"
# A sentence about what the one before said: "It was the third decline in a row.", "That is the
# lowest since 2019."
_REMARK = re.compile(r"(?:It|That|This)\s+(?:was|is|marks|marked|has\s+been|had\s+been)\s")
# What a piece labelled as a review may claim as the critic's own account: someone named doing
# something, a comparison; no figure, date or statement to check elsewhere.
_VIEW_KINDS = frozenset(("event", "comparison"))


class _Sources:
    """Where the sentences of one paragraph, taken in turn, have their source when they name none:
    whose words the paragraph is, the next sentence, the speaker of a quotation that goes on, the
    sentence before (figures that go on from sourced ones), the writer ("I …")."""

    def __init__(self, ctx: ParagraphContext, sentences: Sequence[Sentence]) -> None:
        self.ctx = ctx
        self.said, self.label_stop = whose_words(ctx)
        self.by_next = sourced_by_next(ctx, sentences)  # "… That's according to…"
        self._quoted_speaker: bool | None = None  # worked out when a sentence is all quoted
        # The last sentence whose figures have a source: -1, the paragraph above's last.
        self._sourced_figures = -1 if ctx.context & BELOW_SOURCED_FIGURES else -2
        # A remark between sourced figures and more of them ("It was the third monthly decline in
        # a row."): its index, and whether the figures it passes on are the paragraph above's.
        self._remark, self._remark_for_above = -2, False
        self._sourced_forecast = -1 if ctx.context & BELOW_SOURCED_FORECAST else -2  # someone's forecast
        self._terms = -2  # the last sentence that told a document's terms

    def where(self, index: int, sentence: Sentence, signals: ClaimSignals) -> str | None:
        kinds, cues = signals.kinds, signals.cues
        where = self.said or self.by_next.get(index)
        if where is not None:
            return where
        quotes = self.ctx.quotes
        quoted = bool(quotes) and inside(quotes, sentence.start, sentence.end)
        if quoted:
            # The quotation goes on ("…," Dunn said. "The players were outstanding."): the speaker
            # named beside another part of it says this too.
            if self._quoted_speaker is None:
                self._quoted_speaker = _quote_has_speaker(self.ctx)
            if self._quoted_speaker:
                return "quotation"
        if "stock_move" in cues and not _MARKET_WORDS.isdisjoint(self.ctx.words):
            cues = cues | _MARKET  # "Nvidia fell 2.8%" where the paragraph is about shares: its price
        if "terms" in cues and sentence.text.startswith("It ") and self._terms != index - 1:
            cues = cues - _TERMS  # "It would also have required…" tells terms only right after them
        for record in _RECORDS:
            if record.cue in cues and (kinds or not record.with_claim) and record.kinds.issuperset(kinds):
                return record.where
        if self._sourced_figures == index - 1 and kinds:
            # "…52.3% of the vote, according to the county elections office. A third candidate,
            # Sam Ortiz, had 2.6%.": more of the same figures, from the same source; and so a
            # paragraph's first after "…, Freddie Mac said." ends the one above.
            remark = self._remark == index - 1
            above = index == 0 or (remark and self._remark_for_above)
            across = _CONTINUED_COMPARED if "figure" in kinds else _CONTINUED_KINDS
            if (across if above else _CONTINUED_HERE).issuperset(kinds):
                return (
                    "previous_paragraph" if above else "earlier_sentence" if remark else "previous_sentence"
                )
        if (
            self._sourced_forecast == index - 1
            and kinds
            and (_FORECAST_GOES_ON if index else _FORECAST_GOES_ON_ACROSS).issuperset(kinds)
            and not MODALS.isdisjoint(self.ctx.norms[self.ctx.sentence_words(sentence)])
            # "The Harlow County Fair could draw 40,000 visitors" is a forecast of its own, of
            # something named
            and not (signals.names and _opens_with(self.ctx.sentence_tokens(sentence), signals.names[0]))
        ):
            return "previous_forecast" if index else "previous_paragraph_forecast"
        if not quoted and self.ctx.context & LABELLED_REVIEW and kinds and _VIEW_KINDS.issuperset(kinds):
            # A review's "Director Ana Morales has cut the play hard…" and "It works better than it
            # sounds.": what the critic saw and judges. (Not an opinion piece's "Yet the city has no
            # heat plan, unlike Phoenix": a fact it argues from, to check.)
            return "review"
        if not quoted and (
            sentence.text.startswith(_WRITER)
            or _we_observed(sentence.text)
            or _writer_says_i(self.ctx, sentence)
            or _OUR_TESTING.search(sentence.text) is not None
        ):
            # "I have ridden the Route 9 bus for eleven years.": the writer's own account (outside
            # quotation marks "I" is the one who wrote it), for the editor to confirm. So is what
            # "we" saw or did to report ("We waited 25 minutes", "We counted 212 storefronts"), and
            # a verdict from the writer's own tests ("the best robot vacuum we have tested").
            return "writer"
        return None

    def seen(self, index: int, sentence: Sentence, signals: ClaimSignals, where: str | None) -> None:
        if where == "terms":
            self._terms = index
        # Figures or a forecast that go on from the paragraph above are sourced at one remove: what
        # follows them in their paragraph is not ("…, a report found." then "Adoption has doubled.
        # Farmers who use it save up to 30% on water.": the second is the draft's own).
        if signals.attributed and "figure" in signals.kinds and where != "previous_paragraph":
            self._sourced_figures = index
        elif self._sourced_figures == index - 1 and not signals.kinds and _REMARK.match(sentence.text):
            # "It was the third monthly decline in a row.": a remark on the figures before, which
            # claims nothing of its own, passes their source on to the next sentence's.
            self._remark, self._remark_for_above = index, index == 0 or self._remark_for_above
            self._sourced_figures = index
        if (
            signals.attributed
            and not _FORECAST_CUES.isdisjoint(signals.cues)
            and where != "previous_paragraph_forecast"
        ):
            self._sourced_forecast = index


def _writer_says_i(ctx: ParagraphContext, sentence: Sentence) -> bool:
    """Does the writer say "I" later in the sentence, outside quotation marks ("On two visits, I
    found…", "This is the chicken I make when…")? Not a Roman numeral after a name ("World War I")."""
    tokens = ctx.sentence_tokens(sentence)
    for k, (start, _, _, raw) in enumerate(tokens):
        if raw != "I" or (ctx.quotes and inside(ctx.quotes, start, start + 1)):
            continue
        if k > 1 and tokens[k - 1][3][:1].isupper() and tokens[k - 1][1] + 1 == start:
            continue  # a numeral after a name: "World War I", "Elizabeth I"
        return True
    return False


def _opens_with(tokens: list[Token], name: str) -> bool:
    """Is `name` among the sentence's first three words (its subject, most likely)?"""
    return any(token[3] == name for token in tokens[:3])


def _quote_has_speaker(ctx: ParagraphContext) -> bool:
    """Does a sentence of the paragraph name the speaker of a quotation in it ("…," Dunn said.)?"""
    for sentence in ctx.sentences:
        if overlaps(ctx.quotes, sentence.start, sentence.end):
            at = ctx.sentence_words(sentence)
            if _speaker_named(ctx.tokens[at], ctx.norms[at], ctx.text):
                return True
    return False


def sentence_signals(text: str) -> ClaimSignals | None:
    """The claim signals in one sentence; None for a question or a fragment too short to judge."""
    ctx = ParagraphContext(text, BODY)
    return _signals(text, ctx.tokens, 0, ctx.urls, _paragraph_ready(ctx))


def names_its_source(ctx: ParagraphContext, sentence: Sentence) -> bool:
    """Does one of the paragraph's sentences name who says it ("Maria Lopez, a demographer, said…",
    or by the surname alone, as news names someone again: "Nguyen said…")?"""
    signals = signals_at(ctx, sentence)
    if signals is None or not signals.attributed:
        return False
    return bool(signals.names) or _surname_speaks(ctx.sentence_tokens(sentence))


# Plural nouns that open "… said" as a group does, not a surname: "Prosecutors said", "Residents said".
_GROUP_ENDINGS = ("ers", "ors", "ists", "ies", "ents", "ants", "ans")


def _surname_speaks(tokens: list[Token]) -> bool:
    """Does the sentence open with one capitalised word, no common one, and a speech verb ("Nguyen
    said", "Price added")? A name alone at a sentence's start is not told from any other word by
    its capital, but before "said" it is who speaks, unless it is a group ("Critics said",
    "Police said", "Prosecutors said")."""
    if len(tokens) < 2 or not tokens[0][3][:1].isupper() or tokens[1][2] not in word_list("speech_verbs"):
        return False
    first = tokens[0][2]
    return first not in _no_surnames() and not first.endswith(_GROUP_ENDINGS)


@cache
def _no_surnames() -> frozenset[str]:
    """Words that open "… said" as no one's surname: vague subjects and groups, words that are no
    names, function words, "police"."""
    lists = ("vague_subjects", "vague_groups", "named_groups", "not_names", "function_words")
    return frozenset().union(*map(word_list, lists), ("police",))


def signals_at(ctx: ParagraphContext, sentence: Sentence) -> ClaimSignals | None:
    """The claim signals of one of the paragraph's sentences, worked out once for every check that
    asks (the claim check, and the word lists for a weasel's next sentence)."""
    shared = ctx.shared
    key = (_SIGNALS, sentence.start, sentence.end)
    if key in shared:
        return shared[key]
    if _READY not in shared:  # the paragraph's patterns that may match, once for its sentences
        shared[_READY] = _paragraph_ready(ctx)
    at = ctx.sentence_words(sentence)
    found = shared[key] = _signals(
        sentence.text, ctx.tokens[at], sentence.start, ctx.urls, shared[_READY], ctx.norms[at]
    )
    return found


_SIGNALS, _READY = "claim.signals", "claim.ready"  # their keys in ParagraphContext.shared


Token = tuple[int, int, str, str]  # start, end, normalised, as written
Ready = dict[str, list[re.Pattern[str]]]  # pattern name -> the parts whose triggers are present


def _paragraph_ready(ctx: ParagraphContext) -> Ready | None:
    """The claim patterns that may match somewhere in the paragraph, by their trigger words; None
    where each sentence is asked instead (the patterns' RE2 set: one call a sentence says which
    may match it, where a sentence ran every search its paragraph's words let through)."""
    if _claim_patterns().has_set:
        return None
    return _ready(_claim_patterns().candidates(ctx.text, ctx.words))


def _ready(candidates: list[tuple[str, GatedPattern]]) -> Ready:
    ready: Ready = {}
    for name, pattern in candidates:
        ready.setdefault(name, []).append(pattern.regex)
    return ready


def _signals(
    text: str,
    tokens: list[Token],
    offset: int,
    urls: list[tuple[int, int]],
    ready: Ready | None,  # the patterns that may match (None: asked of the text's own)
    norms: list[str] | None = None,  # the tokens' lower-case forms, when the caller has them
) -> ClaimSignals | None:
    if len(tokens) < _MIN_WORDS or text.rstrip("\"”’') ").endswith("?"):
        return None
    linked = False
    local_urls = (
        [(s - offset, e - offset) for s, e in urls if s >= offset and e <= offset + len(text)] if urls else []
    )
    # Blanked out: links, so the digits in them are not read as figures (a link is a source); and
    # placeholders, which stand where a source would and are none ("according to [CITATION
    # NEEDED]", "said [Mayor's name]": ai_tell.placeholder flags them).
    blanks = local_urls
    if "[" in text or "{" in text or "XX" in text:
        holes = _placeholder_spans(text)
        blanks = (
            sorted([*local_urls, *(h for h in holes if not overlaps(local_urls, *h))]) if holes else blanks
        )
    if blanks:
        linked = bool(local_urls)
        for s, e in blanks:
            text = text[:s] + " " * (e - s) + text[e:]
        tokens = _outside(tokens, [(s + offset, e + offset) for s, e in blanks])
        norms = None
        if len(tokens) < _MIN_WORDS:
            return None
    if ready is None:  # after links are blanked out: a pattern may match across one's place
        ready = _ready(_claim_patterns().candidates(text))
    # Only the patterns that may match are searched. Plain loops, not any() over a generator: this
    # runs for each cue of every sentence.
    cues: set[str] = set()
    for name, regexes in ready.items():
        if name in _CUE_SET:
            for regex in regexes:
                if regex.search(text):
                    cues.add(name)
                    break
    # A superlative ranked in a field ("the world's most valuable"): looked for only beside a
    # superlative (as a cue of its own, tried on every sentence with "est" in it, it cost about a
    # tenth of the analysis of the 90,000 words).
    if "superlative" in cues and single_pattern("ranking").regex.search(text) is not None:
        cues.add("ranking")
    if norms is None:
        norms = [t[2] for t in tokens]
    titles = _quoted_titles(text) if '"' in text or "“" in text else None
    if titles:  # a cited headline's capitals name no one: "Your story “Council Approves Bus Plan”…"
        names = _named_entities([t for t in tokens if not inside(titles, t[0] - offset, t[1] - offset)])
    else:
        names = _named_entities(tokens)
    dates = _spans(ready, "date", text)
    figures = [
        m
        for regex in ready.get("figure", ())
        for m in regex.finditer(text)
        if not (dates and overlaps(dates, *m.span())) and not _names_something(text, m.start())
    ]
    if "family" in cues:  # "survived by her husband of 52 years and three children": relatives
        figures = []
    # "Here are five destinations…" counts the piece's own list; "4 out of 5 stars" is a critic's
    # judgment: no figures to source.
    if figures and (listed := _spans(ready, "listing", text)):
        figures = [m for m in figures if not overlaps(listed, *m.span())]
    if figures and (ratings := _spans(ready, "rating", text)):
        cues.add("rating")
        figures = [m for m in figures if not overlaps(ratings, *m.span())]
    # "The board voted 5-2", "beat the Hawks 28-21": a result the public record holds (_Sources).
    tallies = _spans(ready, "tally", text) if figures else []
    if tallies and all(overlaps(tallies, *m.span()) for m in figures):
        cues.add("tally")
    service = _spans(ready, "service", text)
    if service:
        cues.add("service")
    reported = bool(names) and _has_verb(tokens, norms, _reporting_verbs())
    # The interview the piece is ("She spoke with reporter Tom Smith") is no event to source.
    acting = bool(names) and "interview" not in cues and _has_verb(tokens, norms, word_list("action_verbs"))
    cues.update(name for name, seen in (("figure", figures), ("dated", dates), ("name", names),
                                        ("reported", reported), ("acting", acting)) if seen)  # fmt: skip
    attributed = linked or "attribution" in cues or _speaker_named(tokens, norms, text, offset)
    if attributed:
        cues.add("attributed")

    strong: list[str] = []
    weak: list[str] = []
    if "wrongdoing" in cues and not _supposed(ready, text):
        strong.append("accusation")  # first: of all a sentence may claim, the one with a legal risk
    if figures:
        strong.append("figure")
    if reported and "conversation" not in cues:  # not "as you just said"
        strong.append("statement")
    if "record" in cues:
        strong.append("record")
    if "superlative" in cues and "evaluative" not in cues:  # not "the worst thing"
        if "forecast" in cues:  # "It will be the tallest building in the city."
            strong.append("forecast")
        elif "ranking" in cues:  # "Tesla is the world's most valuable carmaker."
            strong.append("ranking")
        strong.append("superlative")
    if "comparison" in cues:
        strong.append("comparison")
    if "change" in cues:
        strong.append("trend")
    if "prediction" in cues:
        strong.append("prediction")
    if acting:
        weak.append("event")
    if "trend" in cues:
        weak.append("trend")
    if dates:
        weak.append("dated")
    if (names or dates or figures) and "will" in cues:
        weak.append("prediction")
    # Two named parties make an event a claim on its own ("Apple sued Samsung."), not in a tip for
    # the reader that tells how a place is ("Take the tram to Foz, where the Douro meets the
    # Atlantic."); what one did there still is ("Visit the palace, which King Ferdinand II built").
    claim = (
        strong
        or len(set(weak)) >= 2
        or ("event" in weak and len(names) >= 2 and not _tells_how_a_place_is(norms))
    )
    # Plans and promises are no claims; an opinion is none unless it carries a figure; nor is
    # information for readers (opening hours, prices, whom to call) unless it says more.
    # "Heat 2 tablespoons of oil…", "Allow 20 minutes for the climb", "Go to bed at the same time
    # every day": the writer's instructions, no one's claim for the learned score either.
    if _instructs(text, norms):
        cues.add("instruction")
    vetoed = (
        "plan" in cues
        or ("instruction" in cues and _INSTRUCTION_KINDS.issuperset(strong + weak))
        # "Figures are rounded to the nearest $10.": the piece's note on its own numbers
        or ("method" in cues and strong == ["figure"] and not weak)
        # "The mayor's office did not respond to requests for comment." (not "The company, which
        # laid off 400 workers in March, declined to comment.")
        or ("no_comment" in cues and not figures)
        or ("opinion" in cues and not figures)
        # "For example, if inflation is 5%, …": a worked example, made up to illustrate
        or "hypothetical" in cues
        # "In the novel, a banker embezzled millions.": a story's plot
        or "fiction" in cues
        # "An index fund is a type of mutual fund that tracks a market index, such as the S&P 500.":
        # what something is, nobody doing anything (its figures are still claims)
        or ("definition" in cues and _DEFINED_KINDS.issuperset(strong + weak))
        # "The council should fund these measures." (not "…, the sheriff said.": a statement)
        or ("recommendation" in cues and not attributed and (not figures or _proposed(ready, text, figures)))
        or _only_service(text, service, figures, strong, cues)
    )
    kinds = tuple(dict.fromkeys(strong + weak)) if claim and not vetoed else ()
    return ClaimSignals(kinds, attributed, frozenset(cues), names)


def _supposed(ready: Ready, text: str) -> bool:
    """Is every wrongdoing in the sentence one that someone unnamed may only suppose ("Tenants who
    believe their landlord has broken the law can file a complaint", "if you think a seller cheated
    you")? No one is accused."""
    wrongs = _spans(ready, "wrongdoing", text)
    return bool(wrongs) and all(
        _SUPPOSED.search(text, max(0, start - 80), start) is not None for start, _ in wrongs
    )


# Whoever may suppose a wrong, right before it: "who believe their landlord", "if you think a seller".
_SUPPOSED = re.compile(
    r"\b(?:who|you|anyone|those)\s++(?:believes?|thinks?|suspects?|feels?|fears?)\s++(?:that\s++)?(?:[\w'’-]++\s++){1,3}\Z"
)


def _proposed(ready: Ready, text: str, figures: list[re.Match[str]]) -> bool:
    """Are the figures all what a recommendation proposes ("The council should fund frequent service
    on our five busiest routes")? Not one before it, nor one after a word that opens a reason or a
    report ("The city should act now, because it pays 73 percent of the cost", "Lawmakers must
    remember that 40 percent of bridges are failing") or after a comma: a claim the writer makes.
    Nor where the sentence tells how things are or compares ("…should spend $4 million on cooling
    centers, twice what it spends now"), nor in a condition ("If the city should lose the case, 30
    percent of its budget would go"): no recommendation."""
    proposal = _spans(ready, "recommendation", text)
    if not proposal:
        return False
    start = proposal[0][1]
    if _CONDITION.search(text, 0, start) is not None or _TELLS_HOW_THINGS_ARE.search(text, start) is not None:
        return False
    return all(
        m.start() >= start and _REASON_OR_REPORT.search(text, start, m.start()) is None for m in figures
    )


_CONDITION = re.compile(r"\b(?:if|unless|whether)\b", re.IGNORECASE)
_TELLS_HOW_THINGS_ARE = re.compile(
    r"\b(?:twice|times|double|half|than|now|currently|today|already|ago|last)\b"
)
# What opens a reason, a report or an aside after a recommendation: its figures are claims.
_REASON_OR_REPORT = re.compile(
    r"\b(?:that|because|since|as|given|which|who|where|when|while|although|though|without|if|so|but)\b|[,:;—–]"
)


def _spans(ready: Ready, name: str, text: str) -> list[tuple[int, int]]:
    """Where the patterns of `name` that may match the sentence match it."""
    return [m.span() for regex in ready.get(name, ()) for m in regex.finditer(text)]


def _placeholder_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _placeholders().finditer(text)]


@cache
def _placeholders() -> re.Pattern[str]:
    """What the placeholder rule (ai_tell.toml) flags, in one expression."""
    return next(rule for rule in builtin_rules("ai_tell") if rule.name == PLACEHOLDER_RULE).full_regex()


PLACEHOLDER_RULE = "ai_tell.placeholder"


def _outside(tokens: list[Token], spans: list[tuple[int, int]]) -> list[Token]:
    """The tokens that start outside every span (in order, not overlapping): each span's tokens are
    one run of the list, found by bisection (a test of every token against every span took a
    tenth of the claim signals of a sentence with a link)."""
    starts = list(map(itemgetter(0), tokens))
    kept: list[Token] = []
    at = 0
    for start, end in spans:
        first = bisect_left(starts, start, at)
        kept += tokens[at:first]
        at = max(first, bisect_left(starts, end, first))
    return kept + tokens[at:]


def _only_service(
    text: str, service: list[tuple[int, int]], figures: list[re.Match[str]], strong: list[str], cues: set[str]
) -> bool:
    """Is the sentence information for readers and nothing more: its figures the times and prices
    of a service line ("Tickets cost $15 for adults and $8 for children"), no forecast ("will" is
    when it happens), no other strong signal? "The market closed at 4 p.m. with the Dow down 300
    points" and "Tickets cost $15, up from $10 last year" are more."""
    return (
        bool(service)
        and "prediction" not in cues
        and all(kind == "figure" for kind in strong)
        # A figure starting in a service line is its own ("555-0100 to register" runs past it).
        and all(inside(service, m.start(), m.start() + 1) or text[m.start()] in _CURRENCY for m in figures)
        and _CHANGE_FROM.search(text) is None
    )


# A price or an hour compared with another, the news rather than the notice: "$15, up from $10",
# "rises from $1.50 to $2", "until 9 p.m. instead of 6 p.m." Looked for in service lines only (as a
# claim cue, in every paragraph with "up" or "down", it cost 0.3-0.8 % of the analysis).
_CHANGE_FROM = re.compile(
    r"\b(?:up|down)\s++from\b|\bfrom\s++[$€£¥]\s?+\d[\d.,]*+\s++to\s++[$€£¥]\s?+\d"
    r"|\b(?:instead\s++of|rather\s++than)\s++(?:[$€£¥]\s?+)?\d",
    re.IGNORECASE,
)


# The named patterns (resources/rules/patterns.toml) a claim is read from; the cues
# are those looked for by name.
_PATTERNS = (
    "opinion", "date", "figure", "superlative", "prediction", "forecast", "will", "trend", "attribution",
    "change", "record", "comparison", "plan", "conversation", "evaluative", "family", "service", "rating",
    "interview", "listing", "tally", "no_comment", "method", "docket", "verdict", "market", "stock_move",
    "meeting", "provenance", "agenda", "recommendation", "hypothetical", "terms", "definition", "wrongdoing",
    "fiction",
)  # fmt: skip
_CURRENCY = frozenset("$€£¥₹")
_DEFINED_KINDS = frozenset(("event",))  # what a definition may seem to claim and not claim
# What makes a sentence the writer's own word, with no source to add: information for readers, a
# critic's rating, the interview the piece is, a note that someone asked did not answer, an
# instruction, a worked example, a story's plot.
_OWN_WORD = frozenset(
    ("service", "rating", "interview", "no_comment", "instruction", "method", "hypothetical", "fiction")
)
_CUE_SET = frozenset(
    name for name in _PATTERNS if name not in ("date", "figure", "service", "rating", "listing", "tally")
)


@cache
def _claim_patterns() -> PatternIndex[str]:
    """All of them in one table, so a sentence looks its words up once."""
    entries: list[tuple[str, GatedPattern]] = []
    for name in _PATTERNS:
        pattern = pattern_list(name)
        entries += [(name, part) for part in (pattern.parts if isinstance(pattern, GatedAny) else (pattern,))]
    return PatternIndex(entries)


def _names_something(text: str, start: int) -> bool:
    """Is the number at `start` part of a name: after a word that labels things with numbers
    ("Route 9", "Chapter 11 bankruptcy", "grade 9"), or between a name and a word that is no
    unit of what is counted ("the Boeing 737 jets", "Windows 11 users")?"""
    if not text[start : start + 1].isdigit():
        return False
    listed = _UNDER_LIST.search(text, max(0, start - 10), start + 12)  # "Forbes' 30 Under 30 list"
    if listed is not None and listed.start() <= start < listed.end():
        return True
    if _EMERGENCY_NUMBER.match(text, start) is not None:  # "911 calls", "a 999 operator"
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if before is None:
        return False
    word = before.group(1)
    if word.lower() in word_list("number_labels") or _INDEX_NAME.search(text, max(0, start - 12), start):
        return True
    # A name: a capital ("Boeing", "iPhone"), not the sentence's first word (which any word may
    # be), no month or weekday.
    if word.islower() or not text[: before.start(1)].strip() or word.lower() in word_list("not_names"):
        return False
    # A noun after it that counts nothing ("jets", "went"); not a unit, nor a little word ("Oakdale
    # 3 to 2" is a score), but a verb the name does ("The Pixel 11 does not try…").
    after = _WORD_AFTER.match(text, start)
    if after is None:  # a model's name goes on with a capital: "the iPhone 16 Pro", "Galaxy S24 Ultra"
        return _CAPITAL_AFTER.match(text, start) is not None
    word = after.group(1)
    return word in _NAME_DOES or (
        word not in word_list("counted_units") and word not in word_list("function_words")
    )


# A stock index's name ends with its number: "the S&P 500", "the FTSE 100", "the Russell 2000".
_INDEX_NAME = re.compile(r"(?:S&P|FTSE|Nikkei|CAC|Stoxx|Russell|Nasdaq|ASX|Nifty|Fortune)[ \u00a0]$")
# The emergency number naming its service: "sending counselors to some 911 calls", "a 999
# operator". (A count of exactly 911 calls would be read so too: rare beside the number's use.)
_EMERGENCY_NUMBER = re.compile(
    r"(?:911|999)(?![\d,.])(?=\s++(?:calls?|dispatch\w*+|operators?|lines?|systems?|centers?|centres?|services?)\b)"
)
# An honours list named by age, both numbers its name's: "30 Under 30", "40 Under 40".
_UNDER_LIST = re.compile(r"\b\d{1,3} Under \d{1,3}\b")
# The little verbs after a product's or a version's number: it is part of the name.
_NAME_DOES = frozenset(("is", "was", "has", "had", "does", "did", "can", "will", "comes", "gets", "runs"))


# "Route ", "No. " at the end of what is searched; from a word's start only (\b), or a long run of
# letters is tried from each of them.
_WORD_BEFORE = re.compile(r"\b([A-Za-z]{1,15})\.?[ \u00a0]$")
# The number at the start of what is matched, and the lower-case word after it (bounded: a search
# through a long run of digits would otherwise try each of them to its end).
_WORD_AFTER = re.compile(r"\d[\d,.]{0,20}[ \u00a0]([a-z]{1,30})\b")
# A whole number and a capitalised word after it (not a figure's "4.5 Million" or "1,200 Acres").
_CAPITAL_AFTER = re.compile(r"\d{1,4}[ \u00a0][A-Z][a-z]")


def _has_verb(tokens: list[Token], norms: list[str], verbs: frozenset[str]) -> bool:
    """Is one of `verbs` in the sentence as a verb: its first word, or lower case
    and not after an article?

    "United States" is not the verb "states", nor "the stated aim" a statement.
    """
    if verbs.isdisjoint(norms):  # most sentences: no word to look at
        return False
    if norms[0] in verbs and not _imperative(norms[0], verbs):
        return not (_describes_next(norms, 0) or _takes_an_object(norms, 0))
    return any(
        norm in verbs
        and not raw[:1].isupper()
        and norms[i - 1] not in _NO_VERB_AFTER
        and norms[i - 1] not in _MAKES_A_PARTICIPLE_DESCRIBE
        and not (norm in _ALSO_ADJECTIVES and norms[i - 1] in _BE)
        and not _describes_next(norms, i)
        and not _takes_an_object(norms, i)
        and not _hearsay(norms, i)
        for i, (_, _, norm, raw) in enumerate(tokens)
        if i
    )


# What an instruction may hold and still be the writer's: its quantities, times and dates.
_INSTRUCTION_KINDS = frozenset(("figure", "dated"))
# A clause telling of someone or somewhere ("Visit the museum, which drew 2 million visitors"), or
# a statement after the order ("Book ahead: the restaurant seats only 30 people").
_TELLS_OF = re.compile(r",\s++(?:which|who|whose|where)\b|[:;]\s")


def _instructs(text: str, norms: list[str]) -> bool:
    """Does the sentence tell the reader what to do, and nothing of anyone ("Season 4 chicken
    thighs with salt", "Allow 20 minutes for the climb")?"""
    return (
        _gives_advice(norms)
        and _TELLS_OF.search(text) is None
        and not _past_action(norms[2:])  # not the order's own words: "Turn left at the church"
    )


def _tells_how_a_place_is(norms: list[str]) -> bool:
    """Is the sentence a tip for the reader with no one's past deed in it ("Take the tram to Foz,
    where the Douro meets the Atlantic.", not "Visit the palace, which Ferdinand II built")?"""
    return _gives_advice(norms) and not _past_action(norms)


def _gives_advice(norms: list[str]) -> bool:
    """Does the sentence open by telling the reader what to do ("Take the tram to…", "Book
    ahead…", "Season 4 chicken thighs")? A word both verb and noun is read as the verb only before
    what an order goes on with, or a number ("Order the octopus", not "Order was restored")."""
    if norms and norms[0] in _ADVICE_OPENERS:  # "So pack your bags…", "Then add the onions"
        norms = norms[1:]
    if len(norms) < 2 or norms[0] not in word_list("advice_verbs"):
        return False
    return norms[1] in word_list("advice_next") or norms[1][:1].isdigit()


_ADVICE_OPENERS = frozenset("so then now just simply finally next first".split())


# The past forms among the verbs of doing that do not end in -ed.
_IRREGULAR_PAST = frozenset(
    ("bought", "brought", "built", "cut", "fell", "found", "grew", "laid", "left", "lost", "met", "paid",
     "rose", "sold", "spent", "won")
)  # fmt: skip


def _past_action(norms: list[str]) -> bool:
    """Does a verb of doing in the past tense tell what someone did ("built", "designed")?"""
    verbs = word_list("action_verbs")
    return any(norm in verbs and (norm.endswith("ed") or norm in _IRREGULAR_PAST) for norm in norms)


def _imperative(first: str, verbs: frozenset[str]) -> bool:
    """Is a verb opening its sentence in the form that tells the reader what to do ("Spend the
    morning at the Gulbenkian Museum…", "Visit the Pena Palace")? Its form with an -s is a verb
    too: no party is doing anything ("Launched in 2019, …" and "Sold in March, …" still tell what one did)."""
    return f"{first}s" in verbs or f"{first}es" in verbs


_ARTICLES = frozenset(("a", "an", "the"))
# After an article, a possessive or a determiner a word names something: "the stated aim", "its own
# buses", "their claims", "his lead", "any raise or bonus" ("her" may be an object: "fined her").
_NO_VERB_AFTER = _ARTICLES | frozenset(
    ("its", "their", "his", "our", "my", "your", "any", "every", "each", "another")
)
_PREPOSITIONS = frozenset(
    "since of in on at for from with by into about under over after before than".split()
)
# After these a speech verb is a noun: "a record", "their claims", "a new record", "the hottest
# since records began" (a preposition), nobody speaking.
_NO_SPEECH_AFTER = _NO_VERB_AFTER | _PREPOSITIONS | frozenset(("new", "all-time"))
# Verbs that after "is" or "are" say how a thing is: "the clinic is open", "the vote was close".
_ALSO_ADJECTIVES = frozenset(("open", "close", "fine"))
_BE = frozenset(("is", "are", "was", "were", "be", "been", "being", "remains", "remained", "stays", "stayed"))
# After these a participle describes a thing: "called the study well designed", "a poorly built
# wall", nobody doing anything.
_MAKES_A_PARTICIPLE_DESCRIBE = frozenset(("well", "poorly", "badly", "ill"))
# Verbs that are also words describing the noun after them: "hospitals saw record numbers", not
# "the minutes record that…".
_ALSO_DESCRIBING = frozenset(("record",))


def _describes_next(norms: list[str], i: int) -> bool:
    """Does the word at `i` describe the word after it ("record numbers"), not report anything?"""
    return (
        norms[i] in _ALSO_DESCRIBING
        and i + 1 < len(norms)
        and norms[i + 1] not in word_list("function_words")
    )


def _hearsay(norms: list[str], i: int) -> bool:
    """Is the verb at `i` a passive with "to" after it, by no one ("is often said to have inspired
    Harry Potter", "was reported to be in talks")? Hearsay (the weasel rule's), no one's statement.
    Only a verb of speech: "was elected to the Senate", "was sold to Globex" tell what was done."""
    if i + 1 >= len(norms) or norms[i + 1] != "to" or i < 1 or norms[i] not in word_list("speech_verbs"):
        return False
    before = norms[i - 1]
    if before in _PASSIVE_ADVERBS and i > 1:
        before = norms[i - 2]
    return before in _PASSIVE


def _takes_an_object(norms: list[str], i: int) -> bool:
    """Is the word at `i` a verb of speech used of a thing done ("When Denver added frequent
    routes"), not of words ("she added", "added that…", "added in a statement")? Or a stance's
    verb used of a thing moved (_moves_a_thing)?"""
    if norms[i] in _ALSO_MOVING:
        return _moves_a_thing(norms, i)
    if norms[i] not in _ALSO_DOING or i + 1 >= len(norms):
        return False
    following = norms[i + 1]
    if following in _OBJECT_OPENS:
        return True
    # Not a word of when or how ("added later", "added Tuesday", "added quickly"), nor a function
    # word ("added that", "added in a statement", "added the plan would…": speech without "that").
    return not (
        following in word_list("function_words")
        or following in word_list("not_names")
        or following in _WHEN_WORDS
        or following.endswith("ly")
    )


# Verbs of speech that also tell of a thing done to something ("added 200 jobs"), and the words
# that open the thing ("added more buses", "added two routes").
_ALSO_DOING = frozenset(("added", "adds"))
_OBJECT_OPENS = frozenset("more new extra another two three four five six seven eight nine ten".split())
_WHEN_WORDS = frozenset("later afterward afterwards today yesterday tonight again too".split())


def _moves_a_thing(norms: list[str], i: int) -> bool:
    """Is the stance's verb at `i` used of a thing moved ("pushing many families out of the city",
    "pushing prices up"), not of a cause ("pushing for a ban", "pushing a law to…")?"""
    after = norms[i + 1 : i + 7]
    return not after or (after[0] not in _STANCE_NEXT and not _MOVED.isdisjoint(after))


# A verb of a stance that also moves things: a stance right before these words ("pushing for a
# ban", "pushing to expand", "pushing ahead with"), a thing moved with a word of where after it
# ("pushing families out", "pushing prices higher") or a limit ("pushing the boundaries").
_ALSO_MOVING = frozenset(("pushing",))
_STANCE_NEXT = frozenset(("for", "to", "ahead", "back", "hard"))
_MOVED = frozenset(
    "out up down into away off aside over toward towards higher lower boundaries limits envelope".split()
)


@cache
def _reporting_verbs() -> frozenset[str]:
    return word_list("speech_verbs") | word_list("statement_verbs")


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """The spans of quoted titles in `text`: three words or more, each capitalised but the little
    ones ("“Council Approves Bus Plan”", "\"A Tale of Two Cities\"")."""
    spans = []
    for start, end in quoted_spans(text):
        words = text[start + 1 : end - 1].split()  # inside the quotation marks
        if (
            len(words) >= 3
            and end - start <= _MOST_TITLE_CHARS
            and all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)
        ):
            spans.append((start + 1, end - 1))
    return spans


_MOST_TITLE_CHARS = 152  # a title of 150 characters, in its quotation marks
_TITLE_SMALL_WORDS = frozenset("a an the of in on for and or to at by with from as vs".split())


_POSSESSIVE = ("'s", "’s")


def _named_entities(tokens: list[Token]) -> list[str]:
    """Proper names, by capitalisation: a crude but fast stand-in for NER.

    A capitalised word counts when it is not the first word, or when it is the
    first word of a multi-word name ("Sam Altman"), or looks like a brand or
    acronym ("OpenAI", "NASA").
    """
    not_names, street_words = word_list("not_names"), word_list("street_words")
    names: list[str] = []
    named_at = -2  # the token of the last name
    # Only the capitalised words are looked at (found by C-level maps: this runs for every sentence).
    for i in compress(count(), map(str.isupper, map(itemgetter(0), map(itemgetter(3), tokens)))):
        start, _, norm, word = tokens[i]
        if norm in not_names or (norm.endswith(_POSSESSIVE) and norm[:-2] in not_names):
            continue  # a weekday or a month, also as a possessive ("Friday's jobs report")
        if len(word) == 1 and i and len(tokens[i - 1][3]) == 1 and tokens[i - 1][1] + 1 == start:
            continue  # "U.S.": the letters of one initialism are one name
        if norm in street_words and named_at == i - 1:
            continue  # "Oak Street": one place with the name before it
        if i == 0:
            following = tokens[1][3] if len(tokens) > 1 else ""
            inner_capital = any(c.isupper() for c in word[1:])
            if not (inner_capital or (following[:1].isupper() and following.lower() not in not_names)):
                continue
        names.append(word)
        named_at = i
    return names


def _speaker_named(tokens: list[Token], norms: list[str], text: str, offset: int = 0) -> bool:
    """Does a speech verb follow someone who is not a vague "some experts"? (`text`: what the
    tokens are in, starting at `offset`.)"""
    speech, participles = word_list("speech_verbs"), word_list("speech_participles")
    if (
        speech.isdisjoint(norms)
        and participles.isdisjoint(norms)
        and _FINDING.isdisjoint(norms)
        and _NAMING.isdisjoint(norms)
        and _COUNTING.isdisjoint(norms)
        and _SUSPECTING.isdisjoint(norms)
    ):
        return False  # most sentences: no speech verb
    vague = word_list("vague_subjects")
    for i, (_, _, word, raw) in enumerate(tokens):
        if word in _SUSPECTING and _investigators_before(norms, i):
            return True  # "Police believe the man stole the car.": the police's suspicion
        if word in participles and i and "," in text[tokens[i - 1][1] - offset : tokens[i][0] - offset]:
            # "The board postponed the vote, saying…": its subject, the sentence's first words, says it.
            subject = norms[: min(i, _SUBJECT_WORDS)]
            if vague.isdisjoint(subject) or _named_before(subject, word, vague):
                return True
            continue
        finding = word in _FINDING
        # "Moreno called it “the most significant investment…”": naming in someone's words is saying
        naming = word in _NAMING and _quotation_follows(tokens, i, text, offset)
        # "Layoffs.fyi … has counted more than 140,000 tech layoffs": whoever counted is the source
        # (the writer's "We counted 212 storefronts" is theirs to confirm: _Sources)
        counting = word in _COUNTING and _count_follows(norms, i) and _FIRST_PERSON.isdisjoint(norms[:i])
        if not (finding or naming or counting or word in speech) or i == 0 or raw[:1].isupper():
            continue
        if i > 1 and norms[i - 1] == "to" and norms[i - 2] == "according":
            continue  # "According to reports, …": a noun, and a source no one can ask (a weasel)
        if _describes_next(norms, i):
            continue
        if finding and not _finding_told(norms, i):
            continue
        if word in _ALSO_NOT_SPEECH and not _says(tokens, norms, i, text, offset):
            continue  # "The county added 1,200 jobs": something added, nothing said
        if word in _NOUN_FIRST and not _records_something(tokens, norms, i, text, offset):
            continue  # "its safety records", "court records": no one recording anything
        gap = text[tokens[i - 1][1] - offset : tokens[i][0] - offset]
        if _CLOSING_QUOTES.intersection(gap):
            # "“…,” said lead author Dr. Hannah Cho": the quotation ends before the verb, whose
            # speaker follows it (the quotation's last words, "…it was,", are nobody).
            if i + 1 < len(tokens) and vague.isdisjoint(norms[i + 1 : i + 1 + _SUBJECT_WORDS]):
                return True
            continue  # "“…,” said [Mayor's name].", "“…,” said some experts."
        # A comma right before the verb: it may close a participle or a clause set off by commas.
        comma = "," in gap
        if comma and _describes_before(tokens, norms, i, text, offset):
            continue
        subject_end = _before_relative_clause(tokens, norms, i, text, offset) if comma else i
        if _share_of(tokens, norms, subject_end, text, offset):
            continue
        before = _subject_words(tokens, subject_end, text, offset)
        if before[-1] in _NO_SPEECH_AFTER:  # "a record", "their claims", "since records began"
            continue
        if word == "expect" and before[-1] in _NOT_A_FORECASTER:  # "Drivers should expect delays"
            continue
        auxiliary = before[-2] if before[-1] in _PASSIVE_ADVERBS and len(before) > 1 else before[-1]
        if auxiliary in _PASSIVE:
            # "Gusts of 70 mph were recorded at the airport", "the bookshop that is often said to
            # have inspired…": by no one named
            if _agent_named(tokens, norms, i):
                return True
            continue
        if vague.isdisjoint(before) or _named_before(before, word, vague):
            return True
    return False


def _subject_words(tokens: list[Token], subject_end: int, text: str, offset: int) -> list[str]:
    """The last words (three at most) before a speech verb that may be its speaker: none from
    before a comma that a name follows ("…need the most repairs, Mendes said": Mendes says it, not
    "most"; but "Others, however, claimed" and "…the experts, and they said" are the vague ones)."""
    first = max(0, subject_end - 3)
    for k in range(subject_end - 1, first, -1):
        gap = text[tokens[k - 1][1] - offset : tokens[k][0] - offset]
        if "," in gap and gap != ",":  # not a number's ("1,200")
            if tokens[k][3][:1].isupper():
                first = k
            break
    return [t[2] for t in tokens[first:subject_end]]


def _finding_told(norms: list[str], i: int) -> bool:
    """Is the verb at `i` a finding told as someone's: "She found that…", "The study also suggests
    that…", "They concluded that…", "…, the committee found."? Not "Police found the car", nor "a
    new study found that…" or "researchers found that…": no one a reader can ask (the attribution
    pattern names those who are)."""
    if i + 1 < len(norms) and norms[i + 1] != "that":
        return False  # "Police found the car": what was found, no finding told
    return _UNNAMED_FINDERS.isdisjoint(norms[max(0, i - 3) : i])


def _before_relative_clause(tokens: list[Token], norms: list[str], i: int, text: str, offset: int) -> int:
    """Where the speaker's words end when a clause set off by commas stands between them and the
    verb at `i`, a comma before it ("The company, which employs 1,200 people, said…": not "people"
    said it; "Lee, a cardiologist…, said"), else `i`."""
    for k in range(i - 1, max(0, i - _MOST_CLAUSE_WORDS) - 1, -1):
        between = text[tokens[k - 1][1] - offset : tokens[k][0] - offset] if k > 0 else ""
        if "," not in between or between == ",":  # none, or a number's ("1,200")
            continue
        # A relative clause or an appositive: "Dr. Marcus Lee, a cardiologist who was not involved in
        # the research, said" (not "research" said it); after a name that opens the sentence, any
        # appositive: "Dylan Patel, chief analyst at the research firm SemiAnalysis, said".
        return k if norms[k] in _CLAUSE_OPENERS or _opens_with_name(tokens[:k]) else i
    return i


def _opens_with_name(tokens: list[Token]) -> bool:
    """Are these words, the sentence's first, all a name ("Dylan Patel", "Sen. Rand Paul"), not "In
    March"?"""
    return (
        0 < len(tokens) <= _MOST_NAME_WORDS
        and all(t[3][:1].isupper() for t in tokens)
        and bool(_named_entities(tokens))
    )


_MOST_NAME_WORDS = 4


def _says(tokens: list[Token], norms: list[str], i: int, text: str, offset: int) -> bool:
    """Is the verb at `i` one of speech: "she added that…", "…,” she added.", "he added, …"? Not with
    an object after it ("added 1,200 jobs")."""
    if i + 1 >= len(tokens) or norms[i + 1] == "that":
        return True
    after = text[tokens[i][1] - offset : tokens[i + 1][0] - offset]
    return not after.isspace()  # a comma, a colon or a quotation mark before what is said


def _records_something(tokens: list[Token], norms: list[str], i: int, text: str, offset: int) -> bool:
    """Is "record(s)" at `i` a verb of speech: "The log records that…", "…, the minutes record."
    (its subject after a comma, closing the sentence)? Not "its safety records", "court records"."""
    if i + 1 < len(norms):
        return norms[i + 1] == "that"
    return "," in text[tokens[max(0, i - _SUBJECT_WORDS)][1] - offset : tokens[i][0] - offset]


def _agent_named(tokens: list[Token], norms: list[str], i: int) -> bool:
    """Does a passive speech verb at `i` name who did it: "…were recorded by the weather service",
    "…was announced by Mayor Lopez"?"""
    return (
        i + 2 < len(tokens)
        and norms[i + 1] == "by"
        and (norms[i + 2] == "the" or tokens[i + 2][3][:1].isupper())
    )


_CLOSING_QUOTES = frozenset("\"”’'")
_PASSIVE = frozenset(("was", "were", "is", "are", "been", "being", "be"))
_PASSIVE_ADVERBS = frozenset(
    ("often", "widely", "commonly", "sometimes", "frequently", "generally", "also", "long")
)
_ALSO_NOT_SPEECH = frozenset(("added", "adds"))  # a speech verb that also adds things
# Speech verbs read far more often as nouns (_records_something).
_NOUN_FIRST = frozenset(("record", "records"))
# Verbs of a finding, which report what someone found when "that" follows ("_finding_told").
_FINDING = frozenset(("found", "finds", "concluded", "concludes", "showed", "shows", "suggested", "suggests"))
# Verbs that say something when what they name it follows in quotation marks.
_NAMING = frozenset(
    ("called", "calls", "described", "describes", "dubbed", "dubs", "labeled", "labelled", "labels", "termed")
)
_OPENING_QUOTES = frozenset('"“')
_QUOTE_WITHIN_WORDS = 4  # "called it", "described the plan as", then the quotation
# Verbs of a count, which give whose count it is when a number follows ("_count_follows").
_COUNTING = frozenset(("counted", "tallied", "tracked"))
_COUNT_WITHIN_WORDS = 3  # "has counted more than 140,000", "tallied at least 40"
_FIRST_PERSON = frozenset(("we", "i"))
# What investigators believe or suspect is theirs to answer for, as what they say is ("Police
# believe the man stole the car."); anyone else's belief is no source ("I believe he lied").
_SUSPECTING = frozenset(("believe", "believes", "believed", "suspect", "suspects", "suspected"))
_INVESTIGATORS = frozenset(
    "police detectives investigators prosecutors authorities officers agents fbi".split()
)
_SUSPECTING_AFTER = frozenset(("now", "also", "still", "initially"))
# Before "expect", words that make it advice or a habit, not someone's forecast ("Residents can
# expect delays", "have come to expect", "Don't expect…"): "Organizers expect 20,000 visitors" is.
_NOT_A_FORECASTER = frozenset("can could may might must should will would to do don't not never".split())


def _investigators_before(norms: list[str], i: int) -> bool:
    """Do investigators hold the belief at `i` ("Police believe", "Investigators now suspect")?"""
    before = i - 1 if i > 1 and norms[i - 1] in _SUSPECTING_AFTER else i
    return before > 0 and norms[before - 1] in _INVESTIGATORS


def _count_follows(norms: list[str], i: int) -> bool:
    """Does a number follow the verb at `i` within a few words ("counted more than 140,000
    layoffs"; not "counted down the seconds", "tracked the storm")?"""
    return any(
        word[:1].isdigit() or word in NUMBER_WORDS for word in norms[i + 1 : i + 1 + _COUNT_WITHIN_WORDS]
    )


def _quotation_follows(tokens: list[Token], i: int, text: str, offset: int) -> bool:
    """Does a quotation open within a few words after the verb at `i`?"""
    end = tokens[min(i + _QUOTE_WITHIN_WORDS, len(tokens) - 1)][0] - offset
    return not _OPENING_QUOTES.isdisjoint(text[tokens[i][1] - offset : end])


_UNNAMED_FINDERS = frozenset(
    "a an new recent one some many studies research researchers scientists experts".split()
)
_SUBJECT_WORDS = 4  # a participle's speaker: "The Riverside school board"
_CLAUSE_OPENERS = frozenset(("which", "who", "whose", "whom", "a", "an", "the"))


def _share_of(tokens: list[Token], norms: list[str], subject_end: int, text: str, offset: int) -> bool:
    """Is the speaker a share of a group ("74% of workers say", "two-thirds of voters said")? That
    is a poll's count, and its source the poll, not anyone a reader can ask. Not a quotation's
    words before its speaker ("“…another quarter of record growth,” Maria Chen said"), nor a
    clause's before a comma ("…in the second half of 2027, Acme said")."""
    for k in range(subject_end - 1, max(1, subject_end - _MOST_SHARE_WORDS) - 1, -1):
        gap = text[tokens[k][1] - offset : tokens[k + 1][0] - offset]
        if _CLOSING_QUOTES.intersection(gap):
            return False  # the speaker's name starts after the quotation
        if "," in gap and gap != ",":  # not a number's ("1,200")
            return False  # "…in the second half of 2027, Acme said": the speaker after the comma
        if norms[k] == "of":
            counted = norms[k - 1].rpartition("-")[2]  # "two-thirds"
            if counted in _SHARES or any(map(str.isdigit, counted)):
                return True
    return False


_SHARES = frozenset(
    "percent cent half third thirds quarter quarters fifths majority minority share proportion fraction "
    "plurality".split()
)
_MOST_SHARE_WORDS = 7  # "74% of the city's registered voters said"
_MOST_CLAUSE_WORDS = 20


def _describes_before(tokens: list[Token], norms: list[str], i: int, text: str, offset: int) -> bool:
    """Is the speech verb at `i`, a comma before it, a participle set off by commas that describes
    the thing before it ("his novels, published in 1990, sold…", "the data, posted online,
    show…"), not someone speaking? (With no comma before it, "The agency reported on Tuesday…",
    its subject speaks.) Not when it names who did it ("…, reported on Tuesday by the agency"),
    nor when no comma closes it: it is then the sentence's verb ("…, Joe Garcia, the finance
    director, said on Monday.")."""
    if i + 1 >= len(norms) or norms[i + 1] not in _SETTING_WORDS:
        return False
    if "," not in text[tokens[i][1] - offset :]:
        return False
    return "by" not in norms[i + 1 : i + 6]


# What follows a participle that says when or where something was done ("published in 1990").
_SETTING_WORDS = frozenset(
    ("in", "on", "at", "during", "since", "last", "earlier", "online", "this", "before", "after", "from")
)
_PRESENT = frozenset(("say", "says", "claim", "claims", "argue", "argues", "believe", "believes"))


def _named_before(before: list[str], verb: str, vague: frozenset[str]) -> bool:
    """ "It" and "they" as the speaker of an active verb name whom the sentence before named ("The
    agency... It said", "Residents... They said"); "it is said" and "they say" name nobody."""
    if not _PASSIVE.isdisjoint(before):
        return False
    speaker = next((word for word in reversed(before) if word in ("it", "they")), None)
    if speaker is None or any(word in vague for word in before if word != speaker):
        return False
    return speaker == "it" or verb not in _PRESENT
