"""Who says a sentence: someone a reader can ask ("the mayor said", "It said") or nobody
("some experts say", "it is said").

The claim check reads it: a claim that someone named states is attributed. (The word lists do
not: annotators count a hedge as uncertain whoever is reported to say it, benchmarks/quality.)
"""

from __future__ import annotations

from ..rules import word_list

Token = tuple[int, int, str, str]  # start, end, normalised, as written


def speaker_named(tokens: list[Token], norms: list[str]) -> bool:
    """Does a speech verb follow someone who is not a vague "some experts"?"""
    speech = word_list("speech_verbs")
    if speech.isdisjoint(norms):  # most sentences: no speech verb
        return False
    vague = word_list("vague_subjects")
    for i, (_, _, word, raw) in enumerate(tokens):
        if word not in speech or i == 0 or raw[:1].isupper():
            continue
        before = [t[2] for t in tokens[max(0, i - 3) : i]]
        if before[-1] in ("a", "an", "the", "new", "all-time"):  # "a record", not "the minutes record"
            continue
        if vague.isdisjoint(before) or _named_before(before, word, vague):
            return True
    return False


_PASSIVE = frozenset(("is", "was", "are", "were", "be", "been", "being"))
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
