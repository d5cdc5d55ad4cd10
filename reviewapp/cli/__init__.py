"""The `reviewapp` command line: one module per command group. Imports stay lazy: `check`
must start fast, and only `open` loads the desktop app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..core.errors import ReviewAppError
from ..interpreter import collector_off, end_process
from . import check, db, desktop, keys, records, report
from .common import EXIT_BROKEN_PIPE, EXIT_INTERNAL, EXIT_USAGE, CliError, Parser, common_options

COMMAND_GROUPS = (check, desktop, records, report, keys, db)
GROUP_OF = {name: group for group in COMMAND_GROUPS for name in group.COMMANDS}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `command` (a command's name), only that command: what its run
    needs (argparse makes each command's parser at a cost of about a millisecond)."""
    parser = Parser(
        prog="reviewapp",
        description="Review AI-assisted news drafts. With no command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"reviewapp {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = common_options()
    if command in GROUP_OF:
        GROUP_OF[command].register(commands, common, only=command)
    else:
        for group in COMMAND_GROUPS:
            group.register(commands, common)
    return parser


def command_names(parser: argparse.ArgumentParser) -> list[str]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


def main(argv: Sequence[str] | None = None, *, exit_when_done: bool = False) -> int:
    """Run one command; its exit status. With `exit_when_done` (the `reviewapp` program), a command
    that declares `quick_exit` ends the process itself (see interpreter.end_process)."""
    parsed: list[argparse.Namespace] = []
    with collector_off():
        status = _run_command(argv, parsed)
    from ..core.kept import save_all

    save_all()  # what this command worked out (compiled rules, read rule files), for the next one
    if exit_when_done and parsed and getattr(parsed[0], "quick_exit", False):
        end_process(status)
    return status


def _run_command(argv: Sequence[str] | None, parsed: list[argparse.Namespace]) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words[0] if words else None)
    try:
        args = parser.parse_args(gui_by_default(words, parser))
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
        parsed.append(args)
        status = args.handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not as a traceback at exit
        return int(status)
    except CliError as exc:
        print(f"reviewapp: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ReviewAppError as exc:  # a database failure: its own exit status (see README)
        print(f"reviewapp: {exc}", file=sys.stderr)
        return int(getattr(exc, "exit_code", EXIT_USAGE))
    except BrokenPipeError:  # `reviewapp check ... | head`: the reader stopped reading
        # Python flushes stdout again at exit; point it at /dev/null so that
        # flush cannot fail too (the recipe in the `signal` module's docs).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours: one line for the user, the traceback on request
        if os.environ.get("REVIEWAPP_DEBUG"):
            raise
        print(
            f"reviewapp: internal error ({type(exc).__name__}: {str(exc)[:160]}); "
            "run again with REVIEWAPP_DEBUG=1 for the details, and please report it",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def gui_by_default(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """No command means the desktop app: `reviewapp`, `reviewapp --db X`, `reviewapp draft.txt`.

    A first word that is neither a command, an option nor a draft is a
    mistyped command: a usage error, never the desktop app (which, in a
    terminal with no display, cannot start).
    """
    commands = command_names(parser)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        return ["open", *argv]
    first = argv[0]
    if first in commands or first in ("-h", "--help", "--version"):
        return argv
    from ..core.loaders import SUPPORTED_SUFFIXES  # here: the loaders cost start-up a command may not need

    if Path(first).suffix.lower() in SUPPORTED_SUFFIXES or Path(first).is_file():
        return ["open", *argv]
    raise CliError(f"unknown command {first!r}; the commands are: {', '.join(commands)}")
