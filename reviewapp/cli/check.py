"""`reviewapp check`: analyse drafts and print the findings (text, or the JSON findings contract)."""

from __future__ import annotations

import argparse
import os
import sys
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from operator import attrgetter
from typing import Any, NamedTuple, TextIO

from .. import __version__
from ..core.findings import SEVERITIES
from ..core.loaders import STDIN_FORMATS
from ..core.shown import display_path
from ..core.wording import counted
from . import json_out
from .check_many import review_many, review_one
from .common import EXIT_ERROR_FINDINGS, EXIT_OK, EXIT_USAGE, iter_drafts, reviewer

MAX_WORKERS = 4


# What `register` adds: cli/__init__.py builds only the command being run.
COMMANDS = ("check",)


def register(commands: Any, common: argparse.ArgumentParser, only: str | None = None) -> None:
    check = commands.add_parser("check", parents=[common], help="analyse drafts and print the findings")
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="draft files (.txt .md .html .docx .odt) or folders; - reads a draft from standard input",
    )
    check.add_argument(
        "--stdin-format",
        choices=STDIN_FORMATS,
        default="txt",
        help="how the draft read from standard input (-) is written: plain text (the default), "
        "Markdown or HTML",
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

    # The contract as one line is made draft by draft, where each is reviewed (in a folder's check,
    # by the forked workers); indented for a person at a terminal, here at the end.
    encode = args.format == "json" and not out.isatty()

    drafts: list[Checked] = []
    grammar_step = "check"
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    paths = list(iter_drafts(args.paths, fail))
    many = pipeline.grammar is None and workers > 1 and len(paths) >= PARALLEL_MIN_DRAFTS
    # Many drafts' findings are many: orjson, imported once in each process. A few drafts' each by
    # its own count (json_out.py).
    dumps = json_out.orjson_dumps if many else None

    def checked(document: Any, review: Any) -> Checked:
        found = filter_score(filter_severity(review.findings, args.min_severity), args.min_score)
        return checked_draft(document, found, encode, dumps)

    if args.format == "json" and not many:
        json_out.import_orjson_after_forks()
    if many:
        reviewed = review_many(pipeline, paths, workers, checked, args.stdin_format)
    else:
        reviewed = (review_one(pipeline, path, grammar_step, workers, args.stdin_format) for path in paths)
    for outcome in reviewed:
        if isinstance(outcome, str):
            fail(outcome)
            continue
        if not isinstance(outcome, Checked):
            document, review = outcome
            if pipeline.grammar is not None and grammar_step == "check" and not review.grammar.available:
                # Said once; the other drafts do not wait on a server that is not there.
                print(f"reviewapp: grammar check unavailable: {review.grammar.reason}", file=sys.stderr)
                grammar_step = "cached"
            outcome = checked(document, review)
        for warning in outcome.warnings:
            print(f"reviewapp: warning: {display_path(warning)}", file=sys.stderr)
        drafts.append(outcome)
        if args.format == "text":
            print_findings(out, outcome)
    if args.format == "json":
        status = pipeline.grammar.status if pipeline.grammar is not None else None
        grammar = status.to_json() if status is not None else _grammar_off()
        if encode:
            write_contract(out, drafts, grammar)
        else:
            found = sum(len(draft.findings) for draft in drafts)
            write_bytes(out, json_out.indented(findings_json(drafts, grammar), found))
    if failures:
        return EXIT_USAGE
    return EXIT_ERROR_FINDINGS if any(draft.has_error for draft in drafts) else EXIT_OK


PARALLEL_MIN_DRAFTS = 8  # below this, starting worker processes costs more than it saves


class Checked(NamedTuple):
    """A draft's part of `check`'s output, made where the draft was reviewed."""

    document: Any  # None once `encoded`
    warnings: list[str]
    findings: list[Any]  # those shown (--min-severity, --min-score); none kept once `encoded`
    summary: dict[str, int]  # how many of them at each severity
    # The draft's object in the contract as one line of JSON, in pieces (not joined: a 20 MB
    # draft's findings are 100 MB of it); or None.
    encoded: tuple[bytes, ...] | None

    @property
    def has_error(self) -> bool:
        return "error" in self.summary


def checked_draft(
    document: Any, findings: list[Any], encode: bool, dumps: json_out.Dumps | None = None
) -> Checked:
    """A draft and its `findings`, with `encode` as its object in the contract (one line of JSON,
    by `dumps`, else the encoder quicker for so many findings): in a folder's check a forked
    worker does this for its drafts, and sends back those bytes where it sent its document and
    every finding, to be made into dicts and encoded here, on one CPU."""
    summary = dict(Counter(map(_SEVERITY, findings)))  # counted at C speed
    if not encode:
        return Checked(document, document.warnings, findings, summary, None)
    dumps = dumps or json_out.dumps_for(len(findings))
    head = json_out.json_dumps(_document_head(document, summary))
    # "findings" is a document's last field: put in where its object closes.
    encoded = (head[:-1] + b',"findings":', dumps([f.to_json() for f in findings]), b"}")
    return Checked(None, document.warnings, [], summary, encoded)


def write_bytes(out: TextIO, *pieces: bytes) -> None:
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a text stream only (a test's StringIO)
        out.write(b"".join(pieces).decode("utf-8"))
        return
    out.flush()
    buffer.writelines(pieces)
    buffer.flush()


def _grammar_off() -> dict[str, Any]:
    from ..core.review import GRAMMAR_OFF

    return GRAMMAR_OFF.to_json()


_SEVERITY = attrgetter("severity")


def findings_json(drafts: list[Checked], grammar: dict) -> dict:
    """The findings contract (../shared/contract/findings.md), of drafts whose findings are kept."""
    documents = []
    for draft in drafts:
        head = _document_head(draft.document, draft.summary)
        documents.append({**head, "findings": [f.to_json() for f in draft.findings]})
    return {**_contract_head(grammar), "documents": documents}


def write_contract(out: TextIO, drafts: list[Checked], grammar: dict) -> None:
    """The findings contract as one line of JSON (what json_out's encoders make of findings_json),
    from each draft's encoded object: "documents" is the contract's last field. Written piece by
    piece, not joined first (a 20 MB draft's contract is 100 MB)."""
    head = json_out.json_dumps(_contract_head(grammar))[:-1] + b',"documents":['
    write_bytes(out, head, *_joined(drafts), b"]}\n")


def _joined(drafts: list[Checked]) -> Iterator[bytes]:
    """The drafts' encoded objects, with a comma between each two."""
    for number, draft in enumerate(drafts):
        assert draft.encoded is not None
        if number:
            yield b","
        yield from draft.encoded


def _contract_head(grammar: dict) -> dict[str, Any]:
    return {"tool": {"name": "reviewapp", "version": __version__}, "grammar": grammar}


def _document_head(document: Any, summary: dict[str, int]) -> dict[str, Any]:
    """A document's fields in the contract, its findings aside (they come last)."""
    return {
        "path": str(document.path),
        "sha256": document.sha256,
        "words": document.words,
        "title": document.metadata.title,
        "warnings": document.warnings,
        "summary": summary,
    }


def print_findings(out: TextIO, draft: Checked) -> None:
    """One draft's findings for a person at a terminal: line:column, severity, rule, message, quote."""
    from ..core.text import line_starts, short_quote

    document, findings, counts = draft.document, draft.findings, draft.summary
    text = document.text
    out.write(
        f"{display_path(document.path)}: {counted(document.words, 'word')}, sha256 {document.sha256[:12]}\n"
    )
    starts = line_starts(text)
    for f in findings:
        line = bisect_right(starts, f.start)
        col = f.start - starts[line - 1] + 1
        quote = short_quote(f.text, 70, "...")
        out.write(f"  {line}:{col}: {f.severity}: [{f.rule}] {f.message}\n")
        if quote:  # after a mark, not inside quotation marks: a quote may open with its own
            out.write(f"      > {quote}\n")
    summary = ", ".join(
        f"{counts.get(s, 0)} {s}{'s' if counts.get(s, 0) != 1 else ''}" for s in reversed(SEVERITIES)
    )
    out.write(f"  {counted(len(findings), 'finding')}: {summary}\n\n")
