"""`reviewapp open`: the desktop app (the only command that imports the GUI)."""

from __future__ import annotations

import argparse
from typing import Any

from .common import CliError

# What `register` adds: cli/__init__.py builds only the command being run.
COMMANDS = ("open",)


def register(commands: Any, common: argparse.ArgumentParser, only: str | None = None) -> None:
    gui = commands.add_parser("open", parents=[common], help="open drafts in the desktop app")
    gui.add_argument("paths", nargs="*", metavar="FILE")
    gui.add_argument(
        "--screenshot", metavar="OUT.png", help="save a picture of the window once analysed, then quit"
    )
    gui.add_argument(
        "--at",
        choices=("analysed", "highlighted"),
        default="analysed",
        help="with --screenshot: once every draft is analysed (the default), or as soon as each "
        "shows its first highlights (a long draft's first lines, before the whole is analysed)",
    )
    gui.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    from ..gui.system_libs import display_problem, uses_x11, x11_problem

    if uses_x11() and (problem := x11_problem()):  # Qt's own message names the wrong library
        raise CliError(problem)
    if problem := display_problem():  # else Qt aborts the process with a page of plugin messages
        raise CliError(problem)
    try:
        from ..gui.app import run
    except ImportError as exc:
        raise CliError(
            f"the desktop app needs PySide6 ({exc}); install with: pip install 'reviewapp[gui]'"
        ) from None
    return run(args)
