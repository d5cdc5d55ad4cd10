"""AI-use disclosure against the house policy.

Per paragraph (run with the other paragraph analyzers, so in parallel and
cached while the editor types): a disclosure is not truncated, has basic
grammar, names a human role that reviewed the text and holds editorial
responsibility, and says what the AI did; and any paragraph's denials of AI
use are noted. Per document, from those: a disclosure is present when AI
involvement is declared or evident, placed where the policy says, and not
contradicted elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..document import DECLARED_IN_MARGINS, Metadata, Paragraph
from ..findings import Finding
from ..patterns import word_set
from ..policy import Policy
from ..roles import BOILERPLATE, DISCLOSURE, META, ROLES
from ..rules import pattern_list
from ..text import Sentence, url_spans
from ..typos import corrected, misspellings
from ..wording import quoted
from .base import Check, DocumentView, RuleInfo
from .context import ParagraphContext

# A declared AI use that says there was none ("ai_generated: false").
DECLARED_NONE = frozenset({"none", "no", "false", "0", "off"})

_TERMINAL = tuple('.!?)"”’»')
_EMPHASIS = "*_~` \t"  # Markdown's emphasis and code marks around a closing full stop

_WHY = {
    "disclosure.missing": "The house policy requires readers to be told when AI helped write an article.",
    "disclosure.truncated": "A disclosure cut off mid-sentence tells readers less than the policy requires.",
    "disclosure.grammar": "A legal notice with language errors reads as unreviewed.",
    "disclosure.no_human": "EU AI Act art. 50(4): AI text needs no label only when a human reviewed it "
    "and holds editorial responsibility; the disclosure must say who.",
    "disclosure.vague": "The house policy asks the disclosure to say what the AI did.",
    "disclosure.placement": "The house policy says where readers find the disclosure.",
    "disclosure.contradiction": "A draft that both admits and denies AI use misleads readers either way.",
}


_KEPT_TEXTS = 64  # disclosure paragraphs whose findings a check keeps (a house has a few templates)


class DisclosureCheck(Check):
    """The AI-use disclosure: its own wording per paragraph, its presence and place per draft."""

    name = "disclosure"
    categories = ("disclosure",)
    roles = frozenset({DISCLOSURE})
    note_roles = frozenset(ROLES)  # a denial of AI use may stand anywhere

    def rules(self) -> Sequence[RuleInfo]:
        return [RuleInfo(rule, "disclosure", why) for rule, why in _WHY.items()]

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        # A house template closes most drafts word for word: its findings (relative to the
        # paragraph, immutable) are kept per text, for the drafts after the first (the policy is
        # this check's own).
        self._kept: dict[str, list[Finding]] = {}

    def paragraph(self, ctx: ParagraphContext) -> list[Finding]:
        kept = self._kept.get(ctx.text)
        if kept is None:
            kept = paragraph_findings(ctx, self.policy)
            if len(self._kept) >= _KEPT_TEXTS:
                self._kept.clear()
            self._kept[ctx.text] = kept
        return list(kept)

    def notes(self, ctx: ParagraphContext) -> list[tuple[int, int]] | None:
        return denials(ctx) or None

    def document(self, view: DocumentView) -> list[Finding]:
        denied = [(p.start + s, p.start + e) for p, spans in view.notes for s, e in spans]
        doc = view.document
        generated = _byline_names_ai(doc.metadata.byline) or _reads_generated(view.findings, self.policy)
        return check(doc.text, doc.paragraphs, view.roles, doc.metadata, generated, self.policy, denied)


ASSISTANT_RULE = "ai_tell.assistant"  # resources/rules/ai_tell.toml


def _byline_names_ai(byline: str | None) -> str | None:
    """What the byline says of AI use, when it names an AI among the authors ("By Ann Lee and
    ChatGPT"): the article then tells readers so, as a disclosure would, but names no one who
    holds editorial responsibility for it."""
    found = pattern_list("ai_term").search(byline) if byline else None
    return None if found is None else f"names {quoted(found.group())} among its authors in the byline"


def _reads_generated(findings: Sequence[Finding], policy: Policy) -> str | None:
    """What makes the draft read as generated text ("reads like…", "holds…"), if anything: a chat
    assistant's words to its user left in it (one is proof), or as many typical phrasings as the
    policy asks."""
    tells = [f for f in findings if f.category == "ai_tell"]
    assistant = next((f for f in tells if f.rule == ASSISTANT_RULE), None)
    if assistant is not None:
        return f"holds a chat assistant's words to its user ({quoted(assistant.text)})"
    if len(tells) >= policy.ai_tell_threshold:
        return f"reads like generated text ({len(tells)} typical phrasings)"
    return None


def denials(ctx: ParagraphContext) -> list[tuple[int, int]]:
    """Sentences of this paragraph that deny AI use ("written entirely by humans"), relative spans."""
    spans = []
    for m in pattern_list("no_ai").finditer(ctx.text, ctx.words):
        start, end = m.span()
        sentence = next((s for s in ctx.sentences if s.start <= start < s.end), None)
        spans.append((sentence.start, max(sentence.end, end)) if sentence else (start, end))
    return spans


def check(
    text: str,
    paragraphs: Sequence[Paragraph],
    roles: Sequence[str],
    metadata: Metadata,
    generated: str | None,
    policy: Policy,
    denied: Sequence[tuple[int, int]],
) -> list[Finding]:
    """The document-level checks; `generated` says why the draft reads as generated text (None:
    it does not); `denied` holds the denial sentences of every paragraph."""
    disclosures = [p for p, role in zip(paragraphs, roles, strict=True) if role == DISCLOSURE]
    declared = (metadata.declared_ai_use or "").strip().lower()
    declared_use = bool(declared) and declared not in DECLARED_NONE
    evident = generated is not None
    found: list[Finding] = []

    if denied and (disclosures or declared_use or evident):
        why = "the article also says AI was used" if disclosures or declared_use else f"the text {generated}"
        for start, end in denied:
            found.append(
                _finding(
                    text,
                    "disclosure.contradiction",
                    "error",
                    start,
                    end,
                    f"This denies AI use, but {why}.",
                    "Make the disclosure and the rest of the article agree.",
                )
            )
    if disclosures and declared in DECLARED_NONE:
        p = disclosures[0]
        found.append(
            _finding(
                text,
                "disclosure.contradiction",
                "error",
                p.start,
                p.end,
                "The draft's metadata declares no AI use, but this disclosure says AI was used.",
                "Correct the metadata or the disclosure.",
            )
        )

    if not disclosures:
        needed = policy.disclosure_required == "always" or (
            policy.disclosure_required == "when_ai_detected" and (declared_use or evident)
        )
        if needed and not denied:
            where = _missing_position(text, paragraphs, roles, policy)
            reason = (
                _declared_reason(declared)
                if declared_use
                else (f"it {generated}" if generated else "the house policy always requires one")
            )
            found.append(
                _finding(
                    text,
                    "disclosure.missing",
                    "error",
                    where,
                    where,
                    f"No AI-use disclosure, but {reason}.",
                    _DISCLOSURE_TEMPLATE,
                )
            )
        return found

    return [*found, *_check_placement(text, disclosures[-1], paragraphs, roles, policy)]


def paragraph_findings(ctx: ParagraphContext, policy: Policy) -> list[Finding]:
    """What is wrong with this disclosure paragraph itself; offsets relative to it."""
    text = ctx.text
    found: list[Finding] = []
    first, last = ctx.sentences[0], ctx.sentences[-1]
    body = text.rstrip().rstrip(_EMPHASIS)  # "*…editorial responsibility.*": Markdown's italics
    if not (body.endswith(_TERMINAL) or _ends_with_link(body)) or body.endswith(("...", "…")):
        found.append(
            _finding(
                text,
                "disclosure.truncated",
                "error",
                last.start,
                last.end,
                "The AI disclosure is cut off mid-sentence.",
                "Restore the full disclosure text from the house template.",
            )
        )
    words = ctx.words  # the paragraph's, worked out once: each call without them works them out again
    for m in pattern_list("agreement").finditer(text, words):
        found.append(
            _finding(
                text,
                "disclosure.grammar",
                "warning",
                m.start(),
                m.end(),
                f'Grammar error in the disclosure: "{m.group()}".',
                "Correct it, or restore the house template's wording.",
            )
        )
    typos = misspellings(text)
    found += [_misspelt(text, start, end, right) for start, end, right in typos]
    if typos:  # "reviewd by our editors": a typo is said once, the rest read as it was meant
        text = corrected(text, typos)
        words = word_set(text)
    if policy.require_human_responsibility:
        found += _no_human(ctx, text, words, first)
    if policy.require_scope and not pattern_list("scope").search(text, words):
        found.append(
            _finding(
                ctx.text,
                "disclosure.vague",
                "warning",
                first.start,
                first.end,
                "The disclosure does not say what the AI did (which parts, which task).",
                "Say what the AI was used for: a first draft, translation, a summary…",
            )
        )
    return found


def _no_human(ctx: ParagraphContext, text: str, words: frozenset[str], first: Sentence) -> list[Finding]:
    """The disclosure names no person or role who reviewed the text and answers for it, or says no
    one reviewed it ("No human editor reviewed it."; its role and verb of review are no review)."""
    denied = pattern_list("review_denied").search(text, words)
    if denied is not None:
        # The sentence that says so (as written: with a typo corrected, the offsets may differ).
        at = ctx.sentence_at(denied.start()) if text is ctx.text else first
        message = (
            "The disclosure says no one reviewed the text: nobody holds editorial responsibility "
            "for it, and once an editor has, it misleads readers."
        )
        fix = "Have it reviewed, then say who did"
    elif pattern_list("human_role").search(text, words) and pattern_list("human_review").search(text, words):
        return []
    else:
        at = first
        message = (
            "The disclosure names no person or role who reviewed the text and holds editorial responsibility."
        )
        fix = "Say who reviewed it"
    suggestion = (
        f'{fix}, e.g. "…checked by the duty editor, who holds editorial responsibility." '
        "(EU AI Act art. 50(4))."
    )
    return [_finding(ctx.text, "disclosure.no_human", "warning", at.start, at.end, message, suggestion)]


def _misspelt(text: str, start: int, end: int, right: str) -> Finding:
    return _finding(
        text,
        "disclosure.grammar",
        "warning",
        start,
        end,
        f"Misspelt word in the disclosure: {quoted(text[start:end])}, for {quoted(right)}.",
        f"Correct it to {quoted(right)}.",
    )._replace(replacements=(right,))


def _ends_with_link(body: str) -> bool:
    """Does the paragraph end with a web address ("Access a Zacks stock report on ACME at
    https://www.zacks.com/ap/ACME"), as a sentence may, with no full stop to break the link?"""
    links = url_spans(body[-_LONGEST_LINK:])
    return bool(links) and links[-1][1] == min(len(body), _LONGEST_LINK)


_LONGEST_LINK = 2_000  # characters looked at from the end: a longer "link" ends no disclosure


def _body_paragraphs(paragraphs: Sequence[Paragraph], roles: Sequence[str]) -> list[Paragraph]:
    return [p for p, r in zip(paragraphs, roles, strict=True) if r not in (BOILERPLATE, META)]


def _check_placement(
    text: str, p: Paragraph, paragraphs: Sequence[Paragraph], roles: Sequence[str], policy: Policy
) -> list[Finding]:
    if policy.placement == "anywhere":
        return []
    body = _body_paragraphs(paragraphs, roles)
    position = next(i for i, q in enumerate(body) if q.index == p.index)
    window = policy.placement_window
    ok = position >= len(body) - window if policy.placement == "end" else position < window + 1
    if ok:
        return []
    where = "at the end" if policy.placement == "end" else "at the start"
    return [
        _finding(
            text,
            "disclosure.placement",
            "warning",
            p.start,
            p.end,
            f"The house policy puts the AI disclosure {where} of the article (within {window} paragraphs).",
            f"Move the disclosure {where}.",
        )
    ]


def _declared_reason(declared: str) -> str:
    if declared == DECLARED_IN_MARGINS:
        return "a page header or footer says AI was used, and it is no part of the article"
    return "the draft declares AI use"


def _missing_position(
    text: str, paragraphs: Sequence[Paragraph], roles: Sequence[str], policy: Policy
) -> int:
    if policy.placement == "start":
        body = _body_paragraphs(paragraphs, roles)
        return body[1].start if len(body) > 1 else len(text)
    return len(text)


_DISCLOSURE_TEMPLATE = (
    'Add a disclosure, e.g. "This article was drafted with an AI assistant. '
    '[Name], [role], reviewed it and holds editorial responsibility."'
)


def _finding(
    text: str, rule: str, severity: str, start: int, end: int, message: str, suggestion: str | None
) -> Finding:
    return Finding(
        "disclosure", rule, severity, start, end, text[start:end], message, suggestion, anchor=rule
    )
