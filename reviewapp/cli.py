"""The `reviewapp` command line. Imports stay lazy: `check` must start fast."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__

EXIT_OK, EXIT_ERROR_FINDINGS, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A usage problem or unreadable input: printed as one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewapp",
        description="Review AI-assisted news drafts. With no command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"reviewapp {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="review database (default: in your user data folder)")
    common.add_argument("--policy", metavar="FILE", help="house policy (TOML); default: the built-in policy")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", parents=[common], help="analyse drafts and print the findings")
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="draft files (.txt .md .html .docx) or folders"
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--min-severity",
        choices=("suggestion", "warning", "error"),
        default="suggestion",
        help="leave out findings below this severity",
    )
    check.set_defaults(handler=run_check)

    gui = commands.add_parser("open", parents=[common], help="open drafts in the desktop app")
    gui.add_argument("paths", nargs="*", metavar="FILE")
    gui.add_argument(
        "--screenshot", metavar="OUT.png", help="save a picture of the window once analysed, then quit"
    )
    gui.set_defaults(handler=run_gui)

    from .records import add_record_commands

    add_record_commands(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(gui_by_default(list(sys.argv[1:] if argv is None else argv)))
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        status = args.handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not as a traceback at exit
        return status
    except CliError as exc:
        print(f"reviewapp: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `reviewapp check ... | head`: the reader has all it wanted
        # Python flushes stdout again at exit; point it at /dev/null so that
        # flush cannot fail too (the recipe in the `signal` module's docs).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


COMMANDS = ("check", "open", "status", "resolve", "signoff", "history", "report", "audit")


def gui_by_default(argv: list[str]) -> list[str]:
    """No command means the desktop app: `reviewapp`, `reviewapp --db X`, `reviewapp draft.txt`."""
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version")):
        return argv
    return ["open", *argv]


def run_gui(args: argparse.Namespace) -> int:
    try:
        from .gui.app import run
    except ImportError as exc:
        raise CliError(
            f"the desktop app needs PySide6 ({exc}); install with: pip install 'reviewapp[gui]'"
        ) from None
    return run(args)


def iter_drafts(paths: Sequence[str], fail: Callable[[str], None]) -> Iterator[Path]:
    """Files named, and drafts found in folders named (sorted, hidden ones skipped)."""
    from .core.loaders import SUPPORTED_SUFFIXES

    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUPPORTED_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                fail(f"{path}: no drafts (.txt, .md, .html, .docx) in this folder")
            yield from found
        else:
            yield path


def run_check(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from .core import Analyzer, ReviewAppError, load_path, load_policy
    from .core.findings import filter_severity
    from .core.grammar import GrammarChecker, with_grammar

    out = out or sys.stdout
    try:
        policy = load_policy(args.policy)
        analyzer = Analyzer(policy)
    except ReviewAppError as exc:
        raise CliError(str(exc)) from None
    use_grammar = policy.grammar.mode != "off"
    # The user's dictionary matters only to LanguageTool: not read (nor its
    # folder looked up) when grammar checking is off.
    grammar = (
        GrammarChecker.with_dictionary(policy.grammar) if use_grammar else GrammarChecker(policy.grammar)
    )
    failures: list[str] = []

    def fail(message: str) -> None:
        failures.append(message)
        print(f"reviewapp: {message}", file=sys.stderr)

    documents = []
    has_error = False
    for path in iter_drafts(args.paths, fail):
        try:
            document = load_path(path)
        except ReviewAppError as exc:
            fail(str(exc))
            continue
        for warning in document.warnings:
            print(f"reviewapp: warning: {warning}", file=sys.stderr)
        result = analyzer.analyze(document, workers=min(os.cpu_count() or 1, 4))
        if use_grammar:
            result = with_grammar(result, grammar.check(document.paragraphs, result.roles))
            if not grammar.status.available:  # said once; no further waiting on a dead server
                print(f"reviewapp: grammar check unavailable: {grammar.status.reason}", file=sys.stderr)
                use_grammar = False
        findings = filter_severity(result.findings, args.min_severity)
        has_error = has_error or any(f.severity == "error" for f in findings)
        documents.append((document, findings))
        if args.format == "text":
            write_text_report(out, document, findings)
    if args.format == "json":
        # Indented only for a person at a terminal: with indent, json falls back
        # to its pure-Python encoder, several times slower on big reports.
        indent = 2 if out.isatty() else None
        status = grammar.connect() if policy.grammar.mode == "off" else grammar.status
        out.write(json.dumps(json_report(documents, status.to_json()), ensure_ascii=False, indent=indent))
        out.write("\n")
    if failures:
        return EXIT_USAGE
    return EXIT_ERROR_FINDINGS if has_error else EXIT_OK


def json_report(documents: list, grammar: dict) -> dict:
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
                "summary": dict(Counter(f.severity for f in findings)),
                "findings": [f.to_json() for f in findings],
            }
            for document, findings in documents
        ],
    }


def write_text_report(out: TextIO, document, findings) -> None:
    text = document.text
    out.write(f"{document.path}: {document.words} words, sha256 {document.sha256[:12]}\n")
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    from bisect import bisect_right

    from .core.text import short_quote

    for f in findings:
        line = bisect_right(line_starts, f.start)
        col = f.start - line_starts[line - 1] + 1
        quote = short_quote(f.text, 70, "...")
        out.write(f"  {line}:{col}: {f.severity}: [{f.rule}] {f.message}\n")
        if quote:
            out.write(f'      "{quote}"\n')
    counts = Counter(f.severity for f in findings)
    summary = ", ".join(
        f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "suggestion")
    )
    out.write(f"  {len(findings)} findings: {summary}\n\n")
