"""One-click fixes: the edit a rule knows for its finding, as a span and its replacement.

Pure text work (no Qt): the app applies a fix as one undoable edit, and only
while the text at the span is still the finding's. What a rule offers comes
from its data (`fix = "delete"`, `"delete_aside"`, `"delete_line"`,
`"delete_passage"` or `"delete_filler"` in resources/rules/*.toml);
an unsourced claim offers a "[source]" placeholder; a grammar finding offers
LanguageTool's replacements.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .findings import SOURCE_PLACEHOLDER, Finding
from .rules import word_list

_CLOSERS = ".!?;:"
_VOWEL_SOUND = re.compile(r"[aeiouAEIOU]")
_INTENSIFIER = re.compile(r"\b(pretty|really|truly|quite|particularly)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace text[start:end] with `replacement`."""

    label: str  # as a menu or button shows it
    start: int
    end: int
    replacement: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]


def fixes_for(finding: Finding, text: str, rule_fix: str | None) -> list[Fix]:
    """The fixes on offer for a finding of `text`, best first; none if its text moved on."""
    if text[finding.start : finding.end] != finding.text or finding.start == finding.end:
        return []
    fixes = [
        Fix(f"Replace with “{replacement}”", finding.start, finding.end, replacement)
        for replacement in finding.replacements[:5]
    ]
    if rule_fix == "delete_line":
        fixes.append(delete_line(finding, text))
    elif rule_fix == "delete_passage":
        fixes.append(delete_passage(finding, text))
    elif rule_fix == "delete_filler":
        fixes.append(delete_filler(finding, text))
    elif offers_deletion(finding, text, rule_fix):  # "delete", "delete_aside": where it leaves a sentence
        fixes.append(delete_words(finding, text))
    if (
        finding.category == "claim"
        and finding.severity != "suggestion"
        and SOURCE_PLACEHOLDER not in finding.text
    ):
        fixes.append(insert_source(finding, text))  # once: until it is filled in, the claim stays
    return fixes


def delete_span(finding: Finding, text: str, rule_fix: str | None = None) -> Fix:
    """Take the finding's words out (what "Removed from the text" does): the tidiest deletion.
    `rule_fix`: the fix its rule offers (a passage hidden in a shown paragraph is no line)."""
    if rule_fix == "delete_passage":
        return delete_passage(finding, text)
    if finding.category == "boilerplate":
        return delete_line(finding, text)
    return delete_words(finding, text)


def deletions(
    findings: list[Finding], text: str, rule_fix: Callable[[str], str | None] = lambda rule: None
) -> list[Fix]:
    """delete_span of each finding, in reading order, none overlapping another: two findings on
    one line of page furniture delete it once, and words inside a deleted sentence go with it.
    `rule_fix`: the fix a rule (by name) offers."""
    spans = (delete_span(f, text, rule_fix(f.rule)) for f in findings)
    out: list[Fix] = []
    for fix in sorted(spans, key=lambda fix: (fix.start, -fix.end)):
        if out and fix.start < out[-1].end:
            if fix.end > out[-1].end:  # overlapping, not inside: one deletion of both
                last = out[-1]
                out[-1] = Fix(last.label, last.start, fix.end, "")
            continue
        out.append(fix)
    return out


def offers_deletion(finding: Finding, text: str, rule_fix: str | None) -> bool:
    """Does a rule with this fix offer a deletion of this finding's words?"""
    if rule_fix == "delete":
        return not (
            bares_a_verb(finding, text)
            or heads_a_phrase(finding, text)
            or bares_an_article(finding, text)
            or is_a_noun_of_praise(finding)
            or heads_a_complement(finding, text)
            or leaves_a_conjunction(finding, text)
        )
    if rule_fix == "delete_aside":
        return (
            stands_apart(finding, text)
            and not leaves_a_fragment(finding, text)
            and not bares_a_verb(finding, text)  # "the library remains at the forefront of innovation, …"
        )
    return rule_fix is not None


def bares_an_article(finding: Finding, text: str) -> bool:
    """Would an article be left with no noun ("this district is a must-visit for travelers" →
    "is a for travelers")?"""
    if _ARTICLE_BEFORE.search(text, max(0, finding.start - 4), finding.start) is None:
        return False
    after = _text_after(finding, text)
    series = _NEXT_ADJECTIVE.match(after)  # "a groundbreaking, expensive study": the next one stays
    if series is not None and series.group(1) not in _JOINS:
        return False
    return _nothing_to_stand_on(after)


_NEXT_ADJECTIVE = re.compile(r", ([a-z]+)")
_JOINS = frozenset("and but or so yet which who whose where when that says said".split())


def is_a_noun_of_praise(finding: Finding) -> bool:
    """Is the praise the noun of its phrase ("that massive manufacturing powerhouse behind…" →
    "that massive manufacturing behind…")? (words.toml's praise_nouns)"""
    return _last_word(finding) in word_list("praise_nouns")


def heads_a_phrase(finding: Finding, text: str) -> bool:
    """Are the words a whole noun phrase that a phrase of a preposition goes on from ("Acme, a
    global leader in intelligent automation, …" → "Acme, in intelligent automation, …")?"""
    return _PHRASE_ARTICLE.match(finding.text) is not None and _opens_with_preposition(
        _text_after(finding, text)
    )


def heads_a_complement(finding: Finding, text: str) -> bool:
    """Is the praise an adjective that a phrase of a preposition completes ("Famous for its
    thousands of gates, this shrine…" → "For its thousands of gates, this shrine…", "a city
    renowned for its beaches" → "a city for its beaches")? Not an adverb of certainty
    ("undeniably in the lead" → "in the lead"), nor a place ("Nestled in the heart of…")."""
    if finding.category != "peacock":
        return False
    last = _last_word(finding)
    return (
        bool(last)
        and not last.endswith("ly")
        and last not in _PREPOSITIONS  # "noted for", "hailed as": the phrase's own preposition
        and _opens_with(_text_after(finding, text), _COMPLEMENTS)
    )


def _last_word(finding: Finding) -> str:
    """The finding's last word, lower case ("" if it has none)."""
    words = _FIRST_WORD.findall(finding.text.lower())
    return words[-1] if words else ""


# The prepositions that complete an adjective of praise ("famous for", "known as", "popular with",
# "beloved by"); a place's ("Nestled in the heart of downtown, the library…") stands without it.
_COMPLEMENTS = frozenset("for as with among by to of".split())


def leaves_a_conjunction(finding: Finding, text: str) -> bool:
    """Would "and" or "or" be left with nothing before it ("The city is vibrant and diverse." →
    "The city is and diverse.")? Before a noun ("a vibrant and diverse city") the conjunction
    goes with the word (_delete_words)."""
    after = _text_after(finding, text)
    if not after.startswith(("and ", "or ")):
        return False
    return _ATTRIBUTIVE_BEFORE.search(text, max(0, finding.start - 8), finding.start) is None


def leaves_a_fragment(finding: Finding, text: str) -> bool:
    """Would its sentence keep only a word or two ("However, not everyone is convinced." →
    "However.")? A sentence of its own alone goes whole."""
    start = max(text.rfind(end, 0, finding.start) for end in _SENTENCE_ENDS) + 1
    stops = [i for i in (text.find(end, finding.end) for end in _SENTENCE_ENDS) if i >= 0]
    stop = min(stops, default=len(text))
    left = len(_FIRST_WORD.findall(text, start, finding.start))
    return 0 < left + len(_FIRST_WORD.findall(text, finding.end, stop)) < _MIN_SENTENCE_WORDS


def bares_a_verb(finding: Finding, text: str) -> bool:
    """Would taking the words out leave "is" with nothing it can stand on? "The school is highly
    regarded." → "The school is."; "She is best known for her novels" → "She is for her novels";
    "The town is noted for its beaches" → "The town is its beaches". (Not "a highly regarded
    school" → "a school", nor "He was, frankly, wrong".)"""
    copula = _COPULA_BEFORE.search(text, max(0, finding.start - _ASIDE_LOOK * 2), finding.start)
    if copula is None:
        return False
    last = finding.text.rsplit(None, 1)[-1].lower() if finding.text.strip() else ""
    if last in _PREPOSITIONS or _nothing_to_stand_on(_text_after(finding, text)):
        return True
    # After a verb (not a possessive: "the city's vibrant downtown"), praise that is no adverb is
    # the whole predicate: "The view is especially stunning today." → "The view is today.".
    return (
        copula.group(1) is not None
        and _PHRASE_ARTICLE.match(finding.text) is None  # "is a leading innovator": the noun stays
        and not _is_an_adverb(_last_word(finding))
    )


def _is_an_adverb(word: str) -> bool:
    """Does the word read as an adverb, which qualifies what follows it ("is remarkably quick")?"""
    return word.endswith("ly") and word not in _LY_ADJECTIVES


def _text_after(finding: Finding, text: str) -> str:
    """What follows the words, from the next word or mark on (a few words of it)."""
    return text[finding.end : finding.end + _ASIDE_LOOK * 2].lstrip(" ")


def _opens_with_preposition(after: str) -> bool:
    return _opens_with(after, _PREPOSITIONS)


def _opens_with(after: str, words: frozenset[str]) -> bool:
    first = _FIRST_WORD.match(after)
    return first is not None and first.group().lower() in words


def _nothing_to_stand_on(after: str) -> bool:
    """Would what comes before the words be left with nothing after it: the end of the text, a
    closing mark, or a preposition ("is a for travelers", "The school is.")?"""
    return not after or after[0] in _ASIDE_CLOSES or _opens_with_preposition(after)


def stands_apart(finding: Finding, text: str) -> bool:
    """Do the finding's words stand apart from their sentence's grammar: a sentence of their own,
    or set off at its start, at its end or between commas ("In today's fast-paced world, banks…",
    "Let's dive in.")? Only then does taking them out leave a sentence: "Olea is a culinary gem
    that…" would read "Olea is a that…"."""
    before = text[max(0, finding.start - _ASIDE_LOOK) : finding.start].rstrip(" ")
    after = text[finding.end : finding.end + _ASIDE_LOOK].lstrip(" ")
    if after and after[0] not in _ASIDE_CLOSES:
        return False
    # Set off before it too, or a phrase of a preposition ending the sentence ("AI models of tomorrow.").
    first = finding.text.split(None, 1)[0].lower() if finding.text.strip() else ""
    return not before or before[-1] in _ASIDE_OPENS or first in _PREPOSITIONS


_ASIDE_LOOK = 8
_SENTENCE_ENDS = (".", "!", "?", "\n")
_MIN_SENTENCE_WORDS = 3
# An article opening the words ("a leading innovator"): it stays, for the noun after them.
_OWN_ARTICLE = re.compile(r"(?:a|an)\s", re.IGNORECASE)
_PHRASE_ARTICLE = re.compile(r"(?:a|an|the)\s", re.IGNORECASE)  # a noun phrase's ("The Ultimate Guide")
# The degree words an adjective of praise may carry ("so stunning", "a very impressive result"): a
# deletion takes them with it (_DEGREE_BEFORE), so after "is" they leave it bare too.
_DEGREES = "very|so|too|really|truly|quite|extremely|incredibly|particularly|especially"
_COPULA_BEFORE = re.compile(
    r"(?:\b(is|are|was|were|be|been|being|am|seems?|seemed|became|becomes|remains?|remained)|\w['’]s)"
    rf"(?: (?:{_DEGREES}))? \Z",
    re.IGNORECASE,
)
_FIRST_WORD = re.compile(r"\w+")
# Adjectives of praise ending in -ly: after "is" they are the predicate too ("The garden is lovely today").
_LY_ADJECTIVES = frozenset("lovely lively stately friendly heavenly costly timely homely".split())
_PREPOSITIONS = frozenset("for as to of by in at with on from across around".split())
_ASIDE_OPENS = '\n.!?:;,(—–"“'
_ASIDE_CLOSES = '\n.!?:;,)—–"”'


def delete_line(finding: Finding, text: str) -> Fix:
    """The whole line the finding is on, with its line end."""
    start = text.rfind("\n", 0, finding.start) + 1
    end = text.find("\n", finding.end)
    end = len(text) if end < 0 else end + 1
    if end == len(text) and start > 0 and not text.endswith("\n"):
        start -= 1  # the last line: take the line end before it instead
    return Fix("Delete the line", start, end, "")


def delete_passage(finding: Finding, text: str) -> Fix:
    """The finding's line when it is all of the line (a paragraph a file hides), else its words:
    a passage hidden inside a paragraph readers see goes, and the paragraph stays."""
    line = delete_line(finding, text)
    if text[line.start : line.end].strip() == finding.text.strip():
        return line
    return delete_words(finding, text)


_SEAM = 256  # characters on either side of the words that a deletion reads


def delete_words(finding: Finding, text: str) -> Fix:
    """`_delete_words` on the stretch around the finding: it reads only the seam, and the whole
    text copied several times took 0.25 s of each card shown in a 20 MB draft."""
    lo, hi = max(0, finding.start - _SEAM), min(len(text), finding.end + _SEAM)
    before, after = text[lo : finding.start], text[finding.end : hi]
    # Only spaces (and a comma) out to the stretch's edge: the seam may reach further.
    if (lo > 0 and not before.strip(" ,")) or (hi < len(text) and not after.strip(" ,")):
        return _delete_words(finding, text)
    fix = _delete_words(finding._replace(start=finding.start - lo, end=finding.end - lo), text[lo:hi])
    return Fix(fix.label, fix.start + lo, fix.end + lo, fix.replacement)


def _delete_words(finding: Finding, text: str) -> Fix:
    """The words out, with the commas and spaces around them, keeping the sentence well formed.

    A deletion that opens a sentence capitalises the next word; a deletion
    after "a" or "an" makes the article agree with the next word.
    """
    own_article = _OWN_ARTICLE.match(finding.text)
    if (
        own_article
        and _FIRST_WORD.match(text, finding.end + 1)
        and text[finding.end : finding.end + 1] == " "
    ):
        # "a leading innovator" → "an innovator": the noun after the words keeps its article
        finding = finding._replace(start=finding.start + own_article.end())
    opener = _ASIDE_OPENER.match(finding.text)
    if opener and finding.text.endswith(","):
        # "Foxconn – you know, that maker" → "Foxconn – that maker": the aside's mark stays
        finding = finding._replace(start=finding.start + opener.end())
    left, right = text[: finding.start], text[finding.end :]
    joined = _JOINED_NEXT.match(right) if _ATTRIBUTIVE_BEFORE.search(left) else None
    if joined:
        # One of two adjectives, with its comma or "and": "a groundbreaking, expensive study",
        # "The sleek, lightweight glasses", "a more vibrant and prosperous downtown".
        right = right[joined.end() :]
    else:
        degree = _DEGREE_BEFORE.search(left)
        if degree:  # the praise's own degree: "the most stunning view" → "the view", not "the most view"
            left = left[: degree.start(1) if degree.group(1) else degree.start(2)]
    if left.endswith(", ") and right.startswith(":"):
        right = right[1:]  # "As the city grows, one thing is clear: the…" → "As the city grows, the…"
    elif left.endswith(", ") and right[:1] in (",", *_CLOSERS):
        left = left[:-2]  # "The plan, frankly, is" / "doomed, if you ask me."
        right = right[1:] if right.startswith(",") else right
    elif left.endswith(": ") and right[:1] in ("", "\n", ".", "!", "?"):
        left = left[:-2]  # what a colon announced, gone: "one thing is clear: the future is bright."
    opening = left.rstrip(" ")[-1:] in ("", "\n", ".", "!", "?")
    if opening and right[:1] in (",", ".", "!", "?", ":"):
        right = right[1:]  # "Frankly, the plan"; "Let's dive in. The plan…": a sentence of its own
    right = right.lstrip(" ")
    if opening:
        right = right[:1].upper() + right[1:]
    elif right[:1] in ("", "\n", *_CLOSERS):
        left = left.rstrip(" ")
    else:
        left = left.rstrip(" ") + " "
    article = _ARTICLE_BEFORE.search(left)
    if article and right:
        wanted = "an" if _VOWEL_SOUND.match(right[:1]) else "a"
        if article.group(1).lower() != wanted:
            wanted = wanted.capitalize() if article.group(1)[0].isupper() else wanted
            left = left[: article.start()] + wanted + " "
    # Only the seam changed: compare a window around it, not the whole draft.
    lo = max(0, len(left) - 64)  # `left` is text[:start] cut short and changed at its end only
    kept_right = max(0, len(right) - 64)  # `right` is text[end:] changed at its start only
    hi = len(text) - kept_right
    fix = minimal_fix("Delete", text[lo:hi], (left + right)[lo : len(left) + len(right) - kept_right])
    return Fix(fix.label, fix.start + lo, fix.end + lo, fix.replacement)


_ASIDE_OPENER = re.compile(r"[,–—] *")
_ARTICLE_BEFORE = re.compile(r"\b(a|an|A|An) $")
# What puts an adjective before its noun: an article, a possessive, a demonstrative, a degree.
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|your|my|this|that|these|those|more|most|less|least|very|so|too) \Z",
    re.IGNORECASE,
)
# To the next adjective of the series (not a clause: "so stunning, the view").
_JOINED_NEXT = re.compile(r"(?:,| and| or)(?= (?!(?:the|a|an|it|its|this|that|they|he|she|we|i|you)\b)[a-z])")
# A degree that belongs to the word after it: always "very", "truly"…; "more", "most" only after
# a determiner ("a more vibrant downtown"; "more stunning views" keeps its count).
_DEGREE_BEFORE = re.compile(
    rf"\b(?:a|an|the|its|our|their|his|her|your|my) (more|most|less|least) \Z|\b({_DEGREES}) \Z",
    re.IGNORECASE,
)


def minimal_fix(label: str, before: str, after: str) -> Fix:
    """The smallest span of `before` whose replacement gives `after` (so undo and cursors stay put)."""
    limit = min(len(before), len(after))
    prefix = 0
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    return Fix(label, prefix, len(before) - suffix, after[prefix : len(after) - suffix])


def delete_filler(finding: Finding, text: str) -> Fix:
    """Filler: an intensifier goes ("pretty exciting" → "exciting"), anything else goes whole."""
    match = _INTENSIFIER.search(finding.text)
    if match is None:
        return delete_words(finding, text)
    start = finding.start + match.start()
    return Fix(f"Delete “{match.group(1)}”", start, start + len(match.group(0)), "")


def insert_source(finding: Finding, text: str) -> Fix:
    """A "[source]" placeholder where the claim ends, before its full stop."""
    end = finding.end
    while end > finding.start and text[end - 1] in _CLOSERS + " ":
        end -= 1
    return Fix(f"Insert “{SOURCE_PLACEHOLDER}”", end, end, f" {SOURCE_PLACEHOLDER}")
