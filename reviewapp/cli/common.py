"""What every command shares: exit codes, errors as one line, the configured pipeline, the record."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from ..core.errors import ReviewAppError

EXIT_OK, EXIT_ERROR_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 70  # a bug of ours (sysexits' EX_SOFTWARE)
# The reader closed the pipe before the end (`| head`): what a shell shows for a program a SIGPIPE
# ended. Not 0: the run did not finish, and a script with `pipefail` must not take it as clean.
EXIT_BROKEN_PIPE = 141
T = TypeVar("T")


class CliError(Exception):
    """A usage problem or unreadable input: printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """argparse's parser with a help formatter that reads the terminal's width itself: argparse's
    own imports shutil to ask (with bz2, lzma and fnmatch: 1.4 ms of every command), when
    checking each option as it is added. Subcommands' parsers are made of the same class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


class _Formatter(argparse.HelpFormatter):
    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ):
        super().__init__(
            prog, indent_increment, max_help_position, _terminal_width() if width is None else width
        )


def _terminal_width() -> int:
    """What argparse asks shutil.get_terminal_size for: $COLUMNS, else the terminal's, else 80; less 2."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns or 80) - 2


def common_options() -> argparse.ArgumentParser:
    """--db, --init and --policy, on every command."""
    common = Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="review database (default: in your user data folder)")
    common.add_argument(
        "--init",
        action="store_true",
        help="make a new review database at --db if there is none (else an error)",
    )
    common.add_argument("--policy", metavar="FILE", help="house policy (TOML); default: the built-in policy")
    return common


def guarded(action: Callable[[], T]) -> T:
    """Run `action`; an error becomes one line for the user (a database error keeps its exit status)."""
    from ..core.store import StoreError

    try:
        return action()
    except StoreError:
        raise
    except ReviewAppError as exc:
        raise CliError(str(exc)) from None


def unreadable(path: object, exc: BaseException) -> str:
    """One line for a reader's own failure on hostile input (not one of ours: no traceback either)."""
    from ..core.shown import display_path

    return f"{display_path(path)}: cannot be read ({type(exc).__name__}: {str(exc)[:120]})"


def load_draft(pipeline: Any, path: str | Path) -> Any:  # -> Document
    """A draft loaded through the pipeline; any failure is one line, its warnings said on stderr."""
    from ..core.shown import display_path

    try:
        document = pipeline.load(path)
    except ReviewAppError as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:  # lxml, zipfile... on input built to break them
        raise CliError(unreadable(path, exc)) from None
    for warning in document.warnings:
        print(f"reviewapp: warning: {display_path(warning)}", file=sys.stderr)
    return document


def reviewer(
    args: argparse.Namespace, *, lazy: bool = False
):  # -> Reviewer (imported lazily: `check` must start fast)
    """The pipeline from the policy named on the command line and the user's saved settings
    (`lazy`: its analyzers configured when first needed, see Reviewer)."""
    from ..core.review import Reviewer

    return guarded(lambda: Reviewer.configured(args.policy, lazy=lazy))


def store_location(args: argparse.Namespace, policy: Any = None) -> tuple[str | Path, bool]:
    """Where the review record is: --db (a path, or a postgresql:// server), else the user's review
    server, else the policy's [store] url, else the default database; and whether that is the
    default (made on first use, where one named with --db is made only with --init)."""
    from ..core.settings import load_user_settings, record_location
    from ..core.store import default_db_path

    default = default_db_path()
    user = guarded(load_user_settings)
    location = record_location(args.db, user, policy.store_url if policy is not None else None, default)
    return location, location == default


def open_store(args: argparse.Namespace, policy: Any = None):  # -> ReviewStore
    """The review record (see `store_location`)."""
    from ..core.store.locations import open_store as open_location

    location, is_default = store_location(args, policy)
    create = bool(getattr(args, "init", False)) or is_default
    return guarded(lambda: open_location(location, create=create))


def signer(args: argparse.Namespace, pipeline):  # -> Signer
    """The person deciding: this account's signing key, made for --by on first use."""
    from ..core.keys import identity_for

    return pipeline.signer(guarded(lambda: identity_for(args.by)))


# The draft read from standard input: `-` among the paths. Known by identity, not by name: "./-"
# names a file.
STDIN = Path("-")


def iter_drafts(paths: list[str], fail: Callable[[str], None]) -> Iterator[Path]:
    """Files named, and drafts found in folders named (sorted, hidden ones skipped); STDIN for `-`."""
    from ..core.loaders import SUPPORTED_SUFFIXES

    stdin_named = False
    for name in paths:
        if name == "-":
            if stdin_named:
                fail("-: standard input is named twice; it is read once")
            else:
                stdin_named = True
                yield STDIN
            continue
        path = Path(name)
        if path.is_dir():
            found = drafts_in(path, SUPPORTED_SUFFIXES, fail)
            if not found:
                fail(f"{path}: no drafts ({', '.join(SUPPORTED_SUFFIXES)}) in this folder")
            yield from found
        else:
            yield path


def drafts_in(folder: Path, suffixes: tuple[str, ...], fail: Callable[[str], None]) -> list[Path]:
    """The files in `folder` and the folders in it (not those behind a link) whose names end in
    one of `suffixes` (any case), hidden ones and those in hidden folders left out; in the order
    sorted paths take, folder by folder. Read with os.scandir, whose entries know their kind:
    Path.rglob and a stat of each file took 11 ms for a folder of 1,000 drafts, before the work
    could be shared between processes."""
    found: list[tuple[tuple[str, ...], str]] = []
    pending: list[tuple[tuple[str, ...], str]] = [((), os.fspath(folder))]
    while pending:
        parts, directory = pending.pop()
        try:
            with os.scandir(directory) as entries:
                listed = list(entries)
        except OSError as exc:
            fail(f"{directory}: {exc.strerror or exc}")
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(((*parts, entry.name), entry.path))
                elif entry.name.lower().endswith(suffixes) and entry.is_file():
                    found.append(((*parts, entry.name), entry.path))
            except OSError:  # gone, or a link that cannot be followed: no draft to read
                continue
    # Paths compare part by part ("a/b.txt" before "a-b.txt"), and on Windows without case.
    found.sort(key=lambda item: tuple(map(os.path.normcase, item[0])))
    return [folder.joinpath(*parts) for parts, _ in found]
