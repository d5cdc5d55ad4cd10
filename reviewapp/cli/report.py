"""`reviewapp report`: a review report in any of the report formats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import EXIT_OK, CliError, guarded
from .records import judged

# What `register` adds: cli/__init__.py builds only the command being run.
COMMANDS = ("report",)


def register(commands: Any, common: argparse.ArgumentParser, only: str | None = None) -> None:
    # Here, not at the top: every command imports this module, and only `report` builds it.
    from ..core.report.formats import REPORT_FORMATS

    report = commands.add_parser(
        "report", parents=[common], help="export a review report (HTML, PDF, Markdown or JSON)"
    )
    report.add_argument("file", metavar="FILE")
    report.add_argument(
        "--format",
        choices=tuple(REPORT_FORMATS),
        metavar="FORMAT",
        help="%(choices)s; default: from the output's suffix",
    )
    report.add_argument(
        "-o", "--output", metavar="OUT", help="file to write; '-' or none: standard output (text formats)"
    )
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    from ..core.report import build_report
    from ..core.report.formats import REPORT_FORMATS

    to_stdout = args.output in (None, "-")
    fmt = REPORT_FORMATS[args.format] if args.format else _format_from_name(args.output)
    if to_stdout and not fmt.is_text:
        raise CliError(f"a {fmt.label} needs a file: add -o OUT{fmt.suffix}")
    pipeline, store, review = judged(args)
    report = guarded(lambda: build_report(review, store, pipeline.policy))
    if to_stdout:
        render = fmt.render
        assert render is not None
        sys.stdout.write(render(report))
        return EXIT_OK
    for written in guarded(lambda: fmt.write(report, Path(args.output))):
        print(f"wrote {written}", file=sys.stderr)
    return EXIT_OK


def _format_from_name(output: str | None):  # -> ReportFormat
    from ..core.report.formats import REPORT_FORMATS, format_for_path

    if output in (None, "-"):
        raise CliError(f"say which report: --format {'|'.join(REPORT_FORMATS)}")
    fmt = format_for_path(output)
    if fmt is None:
        raise CliError(
            f"{output}: cannot tell the report format from its name; add --format {'|'.join(REPORT_FORMATS)}"
        )
    return fmt
