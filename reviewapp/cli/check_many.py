"""`reviewapp check` over many drafts: the drafts shared between processes, results in order.

Each draft is loaded and reviewed in this process or a forked copy of it
(which inherits the pipeline with every rule compiled), and comes back as what
the caller made of it there (check.py: its findings counted, and as JSON
already), in the order given; this process prints and writes the output as
for one process. Only without grammar checking: LanguageTool's client
and its cache belong to one process.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .common import STDIN, unreadable

CHUNK = 4  # drafts taken by a process at a time: fewer round trips, an even share at the end
# Drafts enough (of 500 words or so) for the rule patterns' RE2 sets to save more than they cost
# (about 22 ms of a run: see analysis.PREFILTER_MIN_CHARS): they saved 0.08 s of the 1,000-draft
# folder's 1.8 s, a tenth of a millisecond a draft.
PREFILTER_MIN_DRAFTS = 250


def review_one(pipeline: Any, path: Any, grammar_step: str, workers: int, stdin_format: str = "txt") -> Any:
    """(document, review) of one draft (STDIN: read from standard input, as `stdin_format`), or
    the one line that says why it could not be read."""
    from ..core import ReviewAppError

    try:
        if path is STDIN:
            document = pipeline.load_stream(sys.stdin.buffer, stdin_format, path)
        else:
            document = pipeline.load(path)
        return document, pipeline.review(document, grammar=grammar_step, workers=workers)
    except ReviewAppError as exc:
        return str(exc)
    except Exception as exc:  # a reader's own failure on hostile input: one line, then the next draft
        return unreadable(path, exc)


def _review(pipeline: Any, path: Path, finish: Callable[[Any, Any], Any], stdin_format: str) -> Any:
    outcome = review_one(pipeline, path, "off", 1, stdin_format)
    if isinstance(outcome, str):
        return outcome
    document, review = outcome
    # The caller reads no paragraph (it prints and writes findings); sent back pickled from a
    # worker, their objects were half of what a draft sent, and unpickling them the parent's work.
    document.paragraphs = []
    return finish(document, review)


def review_many(
    pipeline: Any,
    paths: list[Path],
    workers: int,
    finish: Callable[[Any, Any], Any],
    stdin_format: str = "txt",
) -> Iterator[Any]:
    """finish(document, review) or a one-line failure for each path, in order, from `workers`
    processes (this one included: core/forked.py), each result as soon as those before it are
    in. `finish` runs where the draft was reviewed: what it gives back is all the caller gets."""
    from ..core.forked import can_fork, each_result
    from ..core.patterns import prepare_sets
    from ..core.rules import load_all

    if len(paths) >= PREFILTER_MIN_DRAFTS:
        prepare_sets()  # the rule patterns' RE2 sets, made here once for all (patterns.py)
    if not can_fork():
        yield from (_review(pipeline, path, finish, stdin_format) for path in paths)
        return
    load_all()  # compiled once here, inherited by every worker
    pieces = [paths[start : start + CHUNK] for start in range(0, len(paths), CHUNK)]

    def reviewed(number: int) -> list[Any]:
        return [_review(pipeline, path, finish, stdin_format) for path in pieces[number]]

    for piece in each_result(len(pieces), reviewed, workers):
        yield from piece
