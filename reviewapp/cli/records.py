"""The review record from the command line: status, resolve, signoff, history, audit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core.decisions import DECISIONS, RESOLUTION_STATUSES
from .common import EXIT_ERROR_FINDINGS, EXIT_OK, CliError, guarded, open_store, reviewer


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    status = commands.add_parser(
        "status", parents=[common], help="may this draft be published? (exit 0 if so)"
    )
    status.add_argument("file", metavar="FILE")
    status.set_defaults(handler=run_status)

    resolve = commands.add_parser("resolve", parents=[common], help="record a decision on one finding")
    resolve.add_argument("file", metavar="FILE")
    resolve.add_argument(
        "--finding", required=True, metavar="ID", help="the finding's id (see check --format json)"
    )
    resolve.add_argument("--status", required=True, choices=RESOLUTION_STATUSES)
    resolve.add_argument("--source", metavar="URL", help="where it was verified")
    resolve.add_argument("--note")
    resolve.add_argument("--by", required=True, metavar="NAME")
    resolve.set_defaults(handler=run_resolve)

    signoff = commands.add_parser(
        "signoff", parents=[common], help="approve or reject this exact text in a role"
    )
    signoff.add_argument("file", metavar="FILE")
    signoff.add_argument("--role", required=True)
    signoff.add_argument("--by", required=True, metavar="NAME")
    signoff.add_argument("--decision", required=True, choices=DECISIONS)
    signoff.add_argument("--comment")
    signoff.set_defaults(handler=run_signoff)

    history = commands.add_parser(
        "history", parents=[common], help="versions, decisions and sign-offs of a draft"
    )
    history.add_argument("file", metavar="FILE")
    history.set_defaults(handler=run_history)

    audit = commands.add_parser("audit", parents=[common], help="check the audit log")
    audit.add_argument("action", choices=("verify",))
    audit.set_defaults(handler=run_audit)


def judged(args: argparse.Namespace):  # -> (Reviewer, ReviewStore, Review)
    """The draft named on the command line, reviewed through the pipeline and judged against the record."""
    pipeline = reviewer(args)
    document = guarded(lambda: pipeline.load(args.file))
    store = open_store(args)
    review = guarded(lambda: pipeline.review(document, store=store))
    if pipeline.grammar is not None and not review.grammar.available:
        print(f"reviewapp: grammar check unavailable: {review.grammar.reason}", file=sys.stderr)
    return pipeline, store, review


def run_status(args: argparse.Namespace) -> int:
    _, _, review = judged(args)
    gate = review.gate
    document = review.document
    print(f"{document.path}: {gate.approval}; {'publishable' if gate.publishable else 'not publishable'}")
    print(f"  sha256 {document.sha256}")
    for reason in gate.reasons:
        print(f"  - {reason}")
    return EXIT_OK if gate.publishable else EXIT_ERROR_FINDINGS


def run_resolve(args: argparse.Namespace) -> int:
    _, store, review = judged(args)
    finding = next((f for f in review.findings if f.id == args.finding), None)
    if finding is None:
        raise CliError(
            f"{args.file}: no finding {args.finding!r} in this text (see reviewapp check --format json)"
        )
    guarded(
        lambda: store.resolve(
            review.draft, finding, args.status, args.by, source_url=args.source, note=args.note
        )
    )
    print(f"{finding.id} ({finding.rule}): {args.status}, by {args.by.strip()}")
    return EXIT_OK


def run_signoff(args: argparse.Namespace) -> int:
    from ..core.decisions import check_role

    pipeline, store, review = judged(args)
    guarded(lambda: check_role(args.role, pipeline.policy.roles))  # a typo before the gate
    if args.decision == "approve" and review.gate.unresolved:
        print(f"reviewapp: cannot approve: {review.gate.reasons[0]}", file=sys.stderr)
        return EXIT_ERROR_FINDINGS
    guarded(
        lambda: store.sign_off(
            review.draft, args.by, args.role, args.decision, comment=args.comment, roles=pipeline.policy.roles
        )
    )
    print(f"{args.decision} by {args.by.strip()} as {args.role} for sha256 {review.draft.sha256[:12]}")
    return EXIT_OK


def run_history(args: argparse.Namespace) -> int:
    from ..core.store import draft_key

    # The record names a saved draft by its path: no need to read or analyse it.
    entries = open_store(args).history(draft_key(Path(args.file), ""))
    if not entries:
        print(f"{args.file}: no review record yet")
    for entry in entries:
        print(f"{entry.at}  {entry.kind:<10}  {entry.sha256[:12]}  {entry.summary}")
    return EXIT_OK


def run_audit(args: argparse.Namespace) -> int:
    report = open_store(args).verify_audit()
    if report.ok:
        print(f"audit log verifies: {report.entries} entries, chain intact")
        return EXIT_OK
    print(f"audit log broken at entry {report.first_broken}: {report.reason}", file=sys.stderr)
    return EXIT_ERROR_FINDINGS
