"""What every paragraph analyzer gets: the paragraph, its role, its sentences."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Set as AbstractSet
from re import Match
from typing import Any

from ..cached import cached
from ..findings import Finding, new_finding
from ..patterns import WORD_RE, with_parts
from ..roles import ABOVE_CREDIT, ANSWER, INTRODUCED, TURN
from ..scoring.features import text_features
from ..text import Sentence, quoted_spans, split_sentences, url_spans

_GROUP, _START, _END = Match.group, Match.start, Match.end


class ParagraphContext:
    """One paragraph; offsets in findings are relative to the paragraph start.

    A plain class: what it works out is kept in its __dict__ (see cached.py).
    """

    def __init__(self, text: str, role: str, context: int = 0) -> None:
        self.text = text
        self.role = role  # one of roles.ROLES
        self.context = context  # what the paragraphs around it say of it (roles.paragraph_contexts)

    @property
    def quoted_whole(self) -> bool:
        """Is the whole paragraph someone's words, quoted: an embedded social post (its credit line
        follows), a statement the paragraph above introduces ("In a statement, the agency said:"),
        a transcript's turn ("LOPEZ: …"), an interview's answer?"""
        return bool(self.context & (ABOVE_CREDIT | INTRODUCED | TURN | ANSWER))

    @cached
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text)

    @cached
    def tokens(self) -> list[tuple[int, int, str, str]]:
        """Words as (start, end, lower-case with straight apostrophes, as written)."""
        return self._words[0]

    @cached
    def norms(self) -> list[str]:
        """The words, lower case with straight apostrophes, in order."""
        return self._words[1]

    @cached
    def token_starts(self) -> list[int]:
        return self._words[2]

    @cached
    def _words(self) -> tuple[list[tuple[int, int, str, str]], list[str], list[int]]:
        """The tokens, their lower-case forms and their starts, made column by column with C-level
        maps (a Python step per word made them a tenth of the analysis)."""
        straight = self.text.replace("’", "'")
        matches = list(WORD_RE.finditer(straight))
        written = list(map(_GROUP, matches))
        starts = list(map(_START, matches))
        ends = list(map(_END, matches))
        lowered = straight.lower() if "Σ" in straight else None
        if lowered is not None and len(lowered) == len(straight):
            # A capital sigma lowers by what follows it (final sigma), as the whole text lowers it.
            norms = [lowered[s:e] for s, e in zip(starts, ends, strict=True)]
        else:  # each word lowers alone as in the text (no letter but sigma looks at its neighbours)
            norms = list(map(str.lower, written))
        return list(zip(starts, ends, norms, written, strict=True)), norms, starts

    @cached
    def words(self) -> frozenset[str]:
        text = self.text
        if "-" in text or "'" in text or "’" in text:
            return with_parts(self.norms)
        return frozenset(self.norms)  # no word is a compound (tested at C speed, on the text)

    @cached
    def quotes(self) -> list[tuple[int, int]]:
        return [(0, len(self.text))] if self.quoted_whole else quoted_spans(self.text)

    @cached
    def urls(self) -> list[tuple[int, int]]:
        return url_spans(self.text)

    @cached
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_words(self, sentence: Sentence) -> slice:
        """Where the sentence's words are in `tokens` (and `norms`)."""
        starts = self.token_starts
        return slice(bisect_left(starts, sentence.start), bisect_left(starts, sentence.end))

    def sentence_tokens(self, sentence: Sentence) -> list[tuple[int, int, str, str]]:
        return self.tokens[self.sentence_words(sentence)]

    def sentence_features(self, sentence: Sentence) -> AbstractSet[str]:
        """The learned scores' features of one sentence's words, worked out once for every score."""
        cache = self._features
        key = (sentence.start, sentence.end)
        found = cache.get(key)
        if found is None:
            words = self.sentence_words(sentence)
            found = cache[key] = text_features(self.tokens[words], sentence.text, self.norms[words])
        return found

    @cached
    def _features(self) -> dict[tuple[int, int], AbstractSet[str]]:
        return {}

    @cached
    def shared(self) -> dict[object, Any]:
        """What one check works out of the paragraph that another asks for too (claim.signals_at:
        the word lists ask whether a sentence names its speaker), by the key its owner gives it."""
        return {}

    def sentence_at(self, pos: int) -> Sentence:
        if not self.sentences:
            return Sentence(0, len(self.text), self.text)
        return self.sentences[max(0, bisect_right(self.sentence_starts, pos) - 1)]

    def finding(
        self,
        category: str,
        rule: str,
        severity: str,
        start: int,
        end: int,
        message: str,
        suggestion: str | None,
        score: float | None = None,
    ) -> Finding:
        return new_finding(
            category,
            rule,
            severity,
            start,
            end,
            self.text[start:end],
            message,
            suggestion,
            self.sentence_at(start).text,
            score,
        )
