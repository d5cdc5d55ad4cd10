"""`reviewapp check` over many drafts: the drafts shared between processes, results in order.

Each draft is loaded and reviewed in a forked worker (which inherits the
pipeline with every rule compiled), and comes back as its document and
findings, in the order given; the parent prints and writes JSON as for one
process. Only without grammar checking: LanguageTool's client and its cache
belong to one process.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .common import unreadable

_PIPELINE: Any = None  # the pipeline a forked worker inherits
CHUNK = 4  # drafts handed to a worker at a time: fewer round trips, an even share at the end


def review_one(pipeline: Any, path: Any, grammar_step: str, workers: int) -> Any:
    """(document, review) of one draft, or the one line that says why it could not be read."""
    from ..core import ReviewAppError

    try:
        document = pipeline.load(path)
        return document, pipeline.review(document, grammar=grammar_step, workers=workers)
    except ReviewAppError as exc:
        return str(exc)
    except Exception as exc:  # a reader's own failure on hostile input: one line, then the next draft
        return unreadable(path, exc)


def _review(path: Path) -> Any:
    outcome = review_one(_PIPELINE, path, "off", 1)
    if isinstance(outcome, str):
        return outcome
    document, review = outcome
    return document, _Reviewed(review.findings)


class _Reviewed:
    """What the parent reads of a review: its findings (the rest stays in the worker)."""

    def __init__(self, findings: list[Any]) -> None:
        self.findings = findings
        self.grammar = None


def review_many(pipeline: Any, paths: list[Path], workers: int) -> Iterator[Any]:
    """(document, review) or a one-line failure for each path, in order, from `workers` processes."""
    import multiprocessing  # here: the record commands, which share this package, never need it

    from ..core.rules import load_all

    if "fork" not in multiprocessing.get_all_start_methods():
        yield from (review_one(pipeline, path, "off", workers) for path in paths)
        return
    global _PIPELINE
    _PIPELINE = pipeline
    load_all()  # compiled once here, inherited by every worker
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_review, paths, CHUNK)
    finally:
        _PIPELINE = None
