"""Command-line access to the review record: status, resolve, signoff, history, audit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .cli import EXIT_ERROR_FINDINGS, EXIT_OK, CliError


def add_record_commands(commands: Any, common: argparse.ArgumentParser) -> None:
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
    resolve.add_argument(
        "--status", required=True, choices=("verified", "disputed", "removed", "opinion", "false_positive")
    )
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
    signoff.add_argument("--decision", required=True, choices=("approve", "reject"))
    signoff.add_argument("--comment")
    signoff.set_defaults(handler=run_signoff)

    history = commands.add_parser(
        "history", parents=[common], help="versions, decisions and sign-offs of a draft"
    )
    history.add_argument("file", metavar="FILE")
    history.set_defaults(handler=run_history)

    report = commands.add_parser(
        "report", parents=[common], help="export a review report (HTML, PDF, Markdown or JSON)"
    )
    report.add_argument("file", metavar="FILE")
    report.add_argument(
        "--format", choices=("html", "pdf", "md", "json"), help="default: from the output's suffix"
    )
    report.add_argument(
        "-o", "--output", metavar="OUT", help="file to write; '-' or none: standard output (not for PDF)"
    )
    report.set_defaults(handler=run_report)

    audit = commands.add_parser("audit", parents=[common], help="check the audit log")
    audit.add_argument("action", choices=("verify",))
    audit.set_defaults(handler=run_audit)


class _Session:
    """The draft analysed, the policy and the open database, for one command."""

    def __init__(self, args: argparse.Namespace, file: str | None = None) -> None:
        from .core import Analyzer, ReviewAppError, load_path, load_policy
        from .core.store import ReviewStore, default_db_path

        try:
            self.policy = load_policy(args.policy)
            self.result = Analyzer(self.policy).analyze(load_path(file)) if file else None
            self.store = ReviewStore(Path(args.db) if args.db else default_db_path())
        except ReviewAppError as exc:
            raise CliError(str(exc)) from None
        if self.result is not None and self.policy.grammar.mode != "off":
            self.result = _with_grammar(self.result, self.policy)

    @property
    def key(self) -> str:
        from .core.gate import document_key

        assert self.result is not None
        return document_key(self.result.document.path, self.result.document.sha256)

    def record(self, action: Any) -> Any:
        from .core import ReviewAppError

        try:
            return action()
        except ReviewAppError as exc:
            raise CliError(str(exc)) from None


def _with_grammar(result: Any, policy: Any) -> Any:
    """The same findings the app and `check` see, grammar included when it is configured."""
    from .core.grammar import GrammarChecker, with_grammar

    checker = GrammarChecker.with_dictionary(policy.grammar)
    found = checker.check(result.document.paragraphs, result.roles)
    if not checker.status.available:
        print(f"reviewapp: grammar check unavailable: {checker.status.reason}", file=sys.stderr)
    return with_grammar(result, found)


def run_status(args: argparse.Namespace) -> int:
    from .core.gate import evaluate

    session = _Session(args, args.file)
    assert session.result is not None
    gate = evaluate(session.result, session.store, session.policy)
    document = session.result.document
    print(f"{document.path}: {gate.approval}; {'publishable' if gate.publishable else 'not publishable'}")
    print(f"  sha256 {document.sha256}")
    for reason in gate.reasons:
        print(f"  - {reason}")
    return EXIT_OK if gate.publishable else EXIT_ERROR_FINDINGS


def run_resolve(args: argparse.Namespace) -> int:
    session = _Session(args, args.file)
    result = session.result
    assert result is not None
    finding = next((f for f in result.findings if f.id == args.finding), None)
    if finding is None:
        raise CliError(
            f"{args.file}: no finding {args.finding!r} in this text (see reviewapp check --format json)"
        )
    doc = result.document
    session.record(
        lambda: session.store.resolve(
            session.key,
            doc.sha256,
            doc.words,
            finding.id,
            args.status,
            args.by,
            note=args.note,
            source_url=args.source,
            rule=finding.rule,
            text=finding.text,
            title=doc.metadata.title,
        )
    )
    print(f"{finding.id} ({finding.rule}): {args.status}, by {args.by.strip()}")
    return EXIT_OK


def run_signoff(args: argparse.Namespace) -> int:
    from .core.gate import evaluate
    from .core.store import check_role

    session = _Session(args, args.file)
    result = session.result
    assert result is not None
    session.record(lambda: check_role(args.role, session.policy.roles))  # a typo before the gate
    if args.decision == "approve":
        gate = evaluate(result, session.store, session.policy)
        if gate.unresolved:
            print(f"reviewapp: cannot approve: {gate.reasons[0]}", file=sys.stderr)
            return EXIT_ERROR_FINDINGS
    doc = result.document
    session.record(
        lambda: session.store.sign_off(
            session.key,
            doc.sha256,
            doc.words,
            args.by,
            args.role,
            args.decision,
            comment=args.comment,
            roles=session.policy.roles,
            title=doc.metadata.title,
        )
    )
    print(f"{args.decision} by {args.by.strip()} as {args.role} for sha256 {doc.sha256[:12]}")
    return EXIT_OK


def run_history(args: argparse.Namespace) -> int:
    session = _Session(args, args.file)
    entries = session.store.history(session.key)
    if not entries:
        print(f"{args.file}: no review record yet")
    for entry in entries:
        print(f"{entry.at}  {entry.kind:<10}  {entry.sha256[:12]}  {entry.summary}")
    return EXIT_OK


def run_audit(args: argparse.Namespace) -> int:
    session = _Session(args)
    report = session.store.verify_audit()
    if report.ok:
        print(f"audit log verifies: {report.entries} entries, chain intact")
        return EXIT_OK
    print(f"audit log broken at entry {report.first_broken}: {report.reason}", file=sys.stderr)
    return EXIT_ERROR_FINDINGS


def run_report(args: argparse.Namespace) -> int:
    from .core.report import SUFFIXES, build_report, render_text, write_text_report

    to_stdout = args.output in (None, "-")
    fmt = args.format or _format_from_suffix(args.output, SUFFIXES)
    if fmt == "pdf" and to_stdout:
        raise CliError("a PDF report needs a file: add -o OUT.pdf")
    session = _Session(args, args.file)
    assert session.result is not None
    report = session.record(lambda: build_report(session.result, session.store, session.policy))
    if to_stdout:
        sys.stdout.write(render_text(report, fmt))
        return EXIT_OK
    out = Path(args.output)
    if fmt == "pdf":
        try:
            from .gui.pdf_report import ensure_gui_application, write_pdf
        except ImportError as exc:
            raise CliError(
                f"PDF reports need PySide6 ({exc}); install: pip install 'reviewapp[gui]'"
            ) from None
        ensure_gui_application()
        pages = session.record(lambda: write_pdf(report, out))
        print(f"wrote {out} ({pages} pages)", file=sys.stderr)
    else:
        for written in session.record(lambda: write_text_report(report, fmt, out)):
            print(f"wrote {written}", file=sys.stderr)
    return EXIT_OK


def _format_from_suffix(output: str | None, suffixes: dict[str, str]) -> str:
    if output in (None, "-"):
        raise CliError("say which report: --format html|pdf|md|json")
    suffix = Path(output).suffix.lower()
    for fmt, known in suffixes.items():
        if suffix == known or (fmt == "md" and suffix == ".markdown") or (fmt == "html" and suffix == ".htm"):
            return fmt
    raise CliError(f"{output}: cannot tell the report format from its name; add --format html|pdf|md|json")
