"""The review record from the command line: status, resolve, signoff, history, audit."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

from ..core.errors import ReviewAppError
from ..core.shown import display_path
from ..core.wording import counted
from .common import (
    EXIT_ERROR_FINDINGS,
    EXIT_OK,
    CliError,
    guarded,
    load_draft,
    open_store,
    reviewer,
    signer,
)

EXIT_NOT_VERIFIED = 3  # the record does not verify (see core/store/errors.py for the others)


# What `register` adds: cli/__init__.py builds only the command being run.
COMMANDS = ("status", "resolve", "signoff", "history", "audit")


def register(commands: Any, common: argparse.ArgumentParser, only: str | None = None) -> None:
    """The group's commands, or only the one named `only` (each parser costs about a millisecond)."""
    for name in COMMANDS:
        if only is None or name == only:
            _BUILDERS[name](commands, common)


def _status(commands: Any, common: argparse.ArgumentParser) -> None:
    status = commands.add_parser(
        "status", parents=[common], help="may this draft be published? (exit 0 if so)"
    )
    status.add_argument("file", metavar="FILE")
    status.set_defaults(handler=run_status, quick_exit=True)  # closes the record itself


def _resolve(commands: Any, common: argparse.ArgumentParser) -> None:
    # Here, not at the top: every command imports this module, and only these commands need it.
    from ..core.decisions import RESOLUTION_STATUSES

    resolve = commands.add_parser("resolve", parents=[common], help="record a decision on one finding")
    resolve.add_argument("file", metavar="FILE")
    resolve.add_argument(
        "--finding", required=True, metavar="ID", help="the finding's id (see check --format json)"
    )
    resolve.add_argument(
        "--status",
        required=True,
        choices=RESOLUTION_STATUSES,
        metavar="STATUS",
        help="one of: %(choices)s (reopened takes back the finding's last decision)",
    )
    resolve.add_argument("--source", metavar="URL", help="where it was verified")
    resolve.add_argument("--note")
    resolve.add_argument("--by", required=True, metavar="NAME")
    resolve.set_defaults(handler=run_resolve)


def _signoff(commands: Any, common: argparse.ArgumentParser) -> None:
    from ..core.decisions import DECISIONS

    signoff = commands.add_parser(
        "signoff", parents=[common], help="approve or reject this exact text in a role"
    )
    signoff.add_argument("file", metavar="FILE")
    signoff.add_argument("--role", required=True)
    signoff.add_argument("--by", required=True, metavar="NAME")
    signoff.add_argument(
        "--decision",
        required=True,
        choices=DECISIONS,
        metavar="DECISION",
        help="%(choices)s; withdraw: take back your own rejection; "
        "override: a rejection, with a reason (--comment)",
    )
    signoff.add_argument("--comment")
    signoff.set_defaults(handler=run_signoff)


def _history(commands: Any, common: argparse.ArgumentParser) -> None:
    history = commands.add_parser(
        "history", parents=[common], help="versions, decisions and sign-offs of a draft"
    )
    history.add_argument("file", metavar="FILE")
    history.set_defaults(handler=run_history, quick_exit=True)  # closes the record itself


def _audit(commands: Any, common: argparse.ArgumentParser) -> None:
    audit = commands.add_parser(
        "audit",
        parents=[common],
        help="verify the record (verify), or print its head to keep elsewhere (head)",
    )
    audit.add_argument("action", choices=("verify", "head"))
    audit.add_argument(
        "--expect", metavar="HEAD", help="verify: fail unless the log still reaches this head (COUNT:SHA256)"
    )
    audit.add_argument(
        "--every-signature",
        action="store_true",
        help="verify: check each entry's own signature too (each signer's last vouches for the rest)",
    )
    audit.set_defaults(handler=run_audit)


_BUILDERS = {
    "status": _status,
    "resolve": _resolve,
    "signoff": _signoff,
    "history": _history,
    "audit": _audit,
}


def judged(args: argparse.Namespace):  # -> (Reviewer, ReviewStore, Review)
    """The draft named on the command line, reviewed through the pipeline and judged against the
    record; its analysis read from the copy kept by an earlier record command when there is one
    (kept_analysis.py: status on an unchanged draft need not import the analyzers)."""
    pipeline = reviewer(args, lazy=True)
    document = load_draft(pipeline, args.file)
    store = open_store(args, pipeline.policy)
    review = guarded(lambda: pipeline.review(document, store=store, kept=True))
    if pipeline.grammar is not None and not review.grammar.available:
        print(f"reviewapp: grammar check unavailable: {review.grammar.reason}", file=sys.stderr)
    return pipeline, store, review


def run_status(args: argparse.Namespace) -> int:
    _, store, review = judged(args)
    store.close()  # the gate is judged: the record is not read again
    gate = review.gate
    document = review.document
    verdict = "publishable" if gate.publishable else "not publishable"
    print(f"{display_path(document.path)}: {gate.approval}; {verdict}")
    print(f"  text sha256 {document.sha256} (decoded, LF line ends)")
    if document.file_sha256:
        print(f"  file sha256 {document.file_sha256} (as sha256sum prints it)")
    for reason in gate.reasons:
        print(f"  - {reason}")
    for note in gate.notes:
        print(f"  note: {note}")
    if not gate.verified:
        return EXIT_NOT_VERIFIED
    return EXIT_OK if gate.publishable else EXIT_ERROR_FINDINGS


def run_resolve(args: argparse.Namespace) -> int:
    from ..core.decisions import REOPENED

    _pipeline, store, review = judged(args)
    finding = next((f for f in review.findings if f.id == args.finding), None)
    if finding is None:
        raise CliError(
            f"{args.file}: no finding {args.finding!r} in this text (see reviewapp check --format json)"
        )
    if args.status == REOPENED and (review.gate is None or finding.id not in review.gate.resolutions):
        raise CliError(f"{args.file}: finding {finding.id} is open: there is no decision to take back")
    who = signer(args, _pipeline)
    guarded(
        lambda: store.resolve(review.draft, finding, args.status, who, source_url=args.source, note=args.note)
    )
    print(
        f"{finding.id} ({finding.rule}): {args.status}, by {who.identity.name} ({who.identity.fingerprint})"
    )
    return EXIT_OK


def run_signoff(args: argparse.Namespace) -> int:
    from ..core.decisions import check_role

    pipeline, store, review = judged(args)
    guarded(lambda: check_role(args.role, pipeline.policy.roles))  # a typo before the gate
    gate = review.gate
    if not gate.verified:
        print(f"reviewapp: cannot sign off: {gate.reasons[0]}", file=sys.stderr)
        return EXIT_NOT_VERIFIED
    if args.decision == "approve" and gate.unresolved:
        print(f"reviewapp: cannot approve: {gate.reasons[0]}", file=sys.stderr)
        return EXIT_ERROR_FINDINGS
    who = signer(args, pipeline)
    guarded(
        lambda: store.sign_off(
            review.draft, who, args.role, args.decision, comment=args.comment, text=review.document.text
        )
    )
    print(f"{args.decision} by {who.identity.name} as {args.role} for sha256 {review.draft.sha256[:12]}")
    return EXIT_OK


def run_history(args: argparse.Namespace) -> int:
    from ..core import load_policy
    from ..core.loaders import load_path
    from ..core.store import draft_key

    # The record names a saved draft by its path: it is loaded for its hashes, not analysed.
    path = Path(args.file)
    policy = guarded(lambda: load_policy(args.policy))
    with closing(open_store(args, policy)) as store:
        entries = store.history(draft_key(path, ""))
    shown = display_path(args.file)
    try:
        document = load_path(path, policy.limits)
        print(f"{shown}: text sha256 {document.sha256} (decoded, LF line ends)")
        print(f"{' ' * len(shown)}  file sha256 {document.file_sha256} (as sha256sum prints it)")
    except (OSError, ReviewAppError):
        print(f"{shown}: (the file cannot be read now; its record follows)")
    if not entries:
        print(f"{shown}: no review record yet")
    for entry in entries:
        print(f"{entry.at}  {entry.kind:<10}  {entry.sha256[:12]}  {entry.summary}")
    return EXIT_OK


def run_audit(args: argparse.Namespace) -> int:
    from ..core import load_policy
    from ..core.store import Head

    policy = guarded(lambda: load_policy(args.policy))
    store = open_store(args, policy)
    if args.action == "head":
        print(store.head())
        return EXIT_OK
    try:
        expect = Head.parse(args.expect) if args.expect else None
    except ValueError as exc:
        raise CliError(str(exc)) from None
    keyring = policy.keyring
    report = store.verify_audit(keyring, expect, args.every_signature)
    if report.ok:
        signatures = (
            "each entry's signature valid" if args.every_signature else "every decision signed by its signer"
        )
        print(
            f"the record verifies: {counted(report.entries, 'entry', 'entries')}, chain intact, {signatures}"
        )
        print(f"head {report.head}")
        return EXIT_OK
    print(f"the record does NOT verify ({counted(len(report.problems), 'problem')}):", file=sys.stderr)
    for problem in report.problems[:20]:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_NOT_VERIFIED
