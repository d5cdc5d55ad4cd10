"""Every regular expression the core runs is linear: on strings built from its own structure
to make it backtrack, ten times the input takes about ten times as long, never a hundred."""

from __future__ import annotations

import time

import pytest

from .redos import attacks, every_pattern

LARGE = 10_000  # characters; compared with a tenth of it
GROWTH = 30  # allowed time ratio for 10× the input (linear: ~10; quadratic: ~100)
FLOOR = 0.02  # seconds below which a time is noise, not a trend


def seconds(regex, text: str, tries: int = 1) -> float:
    """The best of `tries` runs: one run on a busy machine can take several times as long (CI once
    saw 42 ms where 7 ms is usual), which is noise, not growth."""
    best = float("inf")
    for _ in range(tries):
        start = time.perf_counter()
        for _ in regex.finditer(text):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def test_the_audit_sees_the_patterns():
    names = [name for name, _ in every_pattern()]
    assert len(names) > 60
    assert "reviewapp.core.text._BOUNDARY" in names
    assert any(name.startswith("hedge.") for name in names)
    assert any(name.startswith("patterns.toml") for name in names)


def test_the_audit_catches_a_quadratic_pattern():
    """The old sentence boundary: its punctuation run was retried from every position."""
    import re

    old = re.compile(r"([.!?…]+)([\"”’')\]]*)(\s+)(?=[\"“‘(\[]?[A-Z0-9])")
    worst = max(seconds(old, t) / max(seconds(old, t[: len(t) // 10]), 1e-6) for t in attacks(old, LARGE))
    assert worst > GROWTH


@pytest.mark.slow
def test_every_pattern_is_linear_on_its_own_worst_strings():
    slow = []
    for name, regex in every_pattern():
        for text in attacks(regex, LARGE):
            big = seconds(regex, text)
            if big < FLOOR:
                continue
            small = seconds(regex, next(attacks_of_size(regex, text)))
            if big > GROWTH * max(small, FLOOR / GROWTH):  # measured again, in case it was noise
                big = seconds(regex, text, tries=3)
                small = seconds(regex, next(attacks_of_size(regex, text)), tries=3)
            if big > GROWTH * max(small, FLOOR / GROWTH):
                slow.append(f"{name}: {big:.3f} s on {text[:40]!r}…, {small:.4f} s at a tenth")
    assert not slow, "\n".join(slow)


def attacks_of_size(regex, text: str):
    """The same attack at a tenth of the length (pumped part cut, prefix and end kept)."""
    yield text[: len(text) // 10] + text[-1:]
