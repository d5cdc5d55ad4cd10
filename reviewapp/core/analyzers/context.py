"""What every paragraph analyzer gets: the paragraph, its role, its sentences."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..findings import Finding
from ..text import Sentence, quoted_spans, split_sentences, url_spans

# Paragraph roles, decided before analysis (see roles.py).
TITLE, META, BOILERPLATE, DISCLOSURE, BODY = "title", "meta", "boilerplate", "disclosure", "body"


@dataclass
class ParagraphContext:
    """One paragraph; offsets in findings are relative to the paragraph start."""

    text: str
    role: str

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text)

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return quoted_spans(self.text)

    @cached_property
    def urls(self) -> list[tuple[int, int]]:
        return url_spans(self.text)

    def sentence_at(self, pos: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.start <= pos < sentence.end:
                return sentence
        return self.sentences[-1] if self.sentences else Sentence(0, len(self.text), self.text)

    def finding(
        self,
        category: str,
        rule: str,
        severity: str,
        start: int,
        end: int,
        message: str,
        suggestion: str | None,
    ) -> Finding:
        return Finding(
            category=category,
            rule=rule,
            severity=severity,
            start=start,
            end=end,
            text=self.text[start:end],
            message=message,
            suggestion=suggestion,
            anchor=self.sentence_at(start).text,
        )
