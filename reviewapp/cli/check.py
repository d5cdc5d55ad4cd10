"""`reviewapp check`: analyse drafts and print the findings (text, or the JSON findings contract)."""

from __future__ import annotations

import argparse
import os
import sys
from bisect import bisect_right
from collections import Counter
from operator import attrgetter
from typing import Any, TextIO

from .. import __version__
from ..core.findings import SEVERITIES
from ..core.shown import display_path
from ..core.wording import counted
from .check_many import review_many, review_one
from .common import EXIT_ERROR_FINDINGS, EXIT_OK, EXIT_USAGE, iter_drafts, reviewer

MAX_WORKERS = 4


# What `register` adds: cli/__init__.py builds only the command being run.
COMMANDS = ("check",)


def register(commands: Any, common: argparse.ArgumentParser, only: str | None = None) -> None:
    check = commands.add_parser("check", parents=[common], help="analyse drafts and print the findings")
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="draft files (.txt .md .html .docx) or folders"
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        default=SEVERITIES[0],
        help="leave out findings below this severity",
    )
    check.add_argument(
        "--min-score",
        type=score_value,
        default=0.0,
        metavar="SCORE",
        help="leave out claims, hedges and peacock wording scored below this (0 to 1)",
    )
    check.set_defaults(handler=run_check, quick_exit=True)  # it opens no record: nothing to close


def score_value(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"a score is a number from 0 to 1, not {text!r}")
    return value


def run_check(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from ..core.findings import filter_score, filter_severity

    out = out or sys.stdout
    pipeline = reviewer(args)
    failures: list[str] = []

    def fail(message: str) -> None:
        failures.append(message)
        print(f"reviewapp: {message}", file=sys.stderr)

    documents = []
    has_error = False
    grammar_step = "check"
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    paths = list(iter_drafts(args.paths, fail))
    if pipeline.grammar is None and workers > 1 and len(paths) >= PARALLEL_MIN_DRAFTS:
        reviewed = review_many(pipeline, paths, workers)
    else:
        reviewed = (review_one(pipeline, path, grammar_step, workers) for path in paths)
    for outcome in reviewed:
        if isinstance(outcome, str):
            fail(outcome)
            continue
        document, review = outcome
        for warning in document.warnings:
            print(f"reviewapp: warning: {display_path(warning)}", file=sys.stderr)
        if pipeline.grammar is not None and grammar_step == "check" and not review.grammar.available:
            # Said once; the other drafts do not wait on a server that is not there.
            print(f"reviewapp: grammar check unavailable: {review.grammar.reason}", file=sys.stderr)
            grammar_step = "cached"
        findings = filter_score(filter_severity(review.findings, args.min_severity), args.min_score)
        has_error = has_error or any(f.severity == "error" for f in findings)
        documents.append((document, findings))
        if args.format == "text":
            print_findings(out, document, findings)
    if args.format == "json":
        status = pipeline.grammar.status if pipeline.grammar is not None else None
        grammar = status.to_json() if status is not None else _grammar_off()
        write_json(out, findings_json(documents, grammar), indent=out.isatty())
    if failures:
        return EXIT_USAGE
    return EXIT_ERROR_FINDINGS if has_error else EXIT_OK


PARALLEL_MIN_DRAFTS = 8  # below this, starting worker processes costs more than it saves


def write_json(out: TextIO, data: Any, indent: bool) -> None:
    """`data` as JSON and a line end, indented for a person at a terminal.

    Encoded by orjson: the standard library's encoder took 34 ms of a
    90,000-word check's 0.7 s (8,800 findings), orjson 3 ms.
    """
    import orjson

    encoded = orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if indent else 0))
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a text stream only (a test's StringIO)
        out.write(encoded.decode("utf-8"))
        return
    out.flush()
    buffer.write(encoded)
    buffer.flush()


def _grammar_off() -> dict[str, Any]:
    from ..core.review import GRAMMAR_OFF

    return GRAMMAR_OFF.to_json()


_SEVERITY = attrgetter("severity")


def findings_json(documents: list, grammar: dict) -> dict:
    """The findings contract (../shared/contract/findings.md)."""
    return {
        "tool": {"name": "reviewapp", "version": __version__},
        "grammar": grammar,
        "documents": [
            {
                "path": str(document.path),
                "sha256": document.sha256,
                "words": document.words,
                "title": document.metadata.title,
                "warnings": document.warnings,
                "summary": dict(Counter(map(_SEVERITY, findings))),
                "findings": [f.to_json() for f in findings],
            }
            for document, findings in documents
        ],
    }


def print_findings(out: TextIO, document, findings) -> None:
    """One draft's findings for a person at a terminal: line:column, severity, rule, message, quote."""
    from ..core.text import short_quote

    text = document.text
    out.write(
        f"{display_path(document.path)}: {counted(document.words, 'word')}, sha256 {document.sha256[:12]}\n"
    )
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for f in findings:
        line = bisect_right(line_starts, f.start)
        col = f.start - line_starts[line - 1] + 1
        quote = short_quote(f.text, 70, "...")
        out.write(f"  {line}:{col}: {f.severity}: [{f.rule}] {f.message}\n")
        if quote:
            out.write(f'      "{quote}"\n')
    counts = Counter(f.severity for f in findings)
    summary = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in reversed(SEVERITIES))
    out.write(f"  {counted(len(findings), 'finding')}: {summary}\n\n")
