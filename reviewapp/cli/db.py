"""`reviewapp db`: set up the review record on a server, upgrade its schema, copy a record there."""

from __future__ import annotations

import argparse
from typing import Any

from .common import EXIT_OK, CliError, guarded, store_location

# What `register` adds: cli/__init__.py builds only the command being run.
COMMANDS = ("db",)


def register(commands: Any, common: argparse.ArgumentParser, only: str | None = None) -> None:
    db = commands.add_parser("db", help="the review record's database: init-server, upgrade, copy, password")
    actions = db.add_subparsers(dest="db_action", metavar="ACTION", required=True)

    init = actions.add_parser(
        "init-server",
        help="make the review record on a PostgreSQL server (as its administrator)",
        description="Creates the schema `reviewapp` owned by OWNER, and the role EDITORS, which may "
        "read the record and add decisions but never change or delete one. Then make each "
        "reviewer's login a member: GRANT reviewapp_editor TO alice;",
    )
    init.add_argument("url", metavar="URL", help="postgresql://admin@host/db (password: ~/.pgpass)")
    init.add_argument("--owner", default="reviewapp_owner", help="role owning the tables")
    init.add_argument("--editors", default="reviewapp_editor", help="role of the people who review")
    init.set_defaults(handler=run_init_server)

    upgrade = actions.add_parser(
        "upgrade", parents=[common], help="bring the record's schema up to this version of reviewapp"
    )
    upgrade.set_defaults(handler=run_upgrade)

    copy = actions.add_parser(
        "copy",
        help="copy a whole record (say, a local database) into an empty one (say, the server)",
        description="The record is verified before it is copied, and the copy after: the same "
        "entries, hashes and signatures.",
    )
    copy.add_argument(
        "--from", dest="source", required=True, metavar="DB", help="a path or postgresql:// URL"
    )
    copy.add_argument("--to", dest="target", required=True, metavar="DB", help="a path or postgresql:// URL")
    copy.set_defaults(handler=run_copy)

    password = actions.add_parser(
        "password",
        help="keep your password for a review server in the system keyring",
        description="Asks for the password, checks it by logging in, and keeps it in the system "
        "keyring (macOS Keychain, Windows Credential Manager, the Secret Service on Linux). It is "
        "used when ~/.pgpass and the other places libpq looks hold none for the server.",
    )
    password.add_argument("url", metavar="URL", help="postgresql://you@host/database (no password in it)")
    password.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input (for scripts)"
    )
    password.add_argument("--forget", action="store_true", help="remove the kept password instead")
    password.set_defaults(handler=run_password)


def run_init_server(args: argparse.Namespace) -> int:
    from ..core.store.locations import is_server_url
    from ..core.store.postgres import shown_url
    from ..core.store.server_admin import init_server

    if not is_server_url(args.url):
        raise CliError(f"{args.url}: init-server takes a postgresql:// address")
    setup = guarded(lambda: init_server(args.url, args.owner, args.editors))
    where = shown_url(args.url)
    if setup.created:
        print(
            f"{where}: review record made (schema {setup.version}); "
            f"owner {args.owner}, editors {args.editors}"
        )
        print(f"  next: GRANT {args.editors} TO <each reviewer's login>;")
    else:
        print(f"{where}: a review record is here already (schema {setup.version}); nothing changed")
    return EXIT_OK


def run_upgrade(args: argparse.Namespace) -> int:
    from ..core import load_policy
    from ..core.store.server_admin import upgrade

    location, _ = store_location(args, guarded(lambda: load_policy(args.policy)))
    start, end = guarded(lambda: upgrade(location))
    print(f"schema {end}" + (f" (was {start})" if start != end else " (current; nothing to do)"))
    return EXIT_OK


def run_copy(args: argparse.Namespace) -> int:
    from ..core.store.locations import open_store
    from ..core.store.server_admin import copy_record

    source = guarded(lambda: open_store(args.source, create=False))
    target = guarded(lambda: open_store(args.target, create=True))
    try:
        report = guarded(lambda: copy_record(source, target))
        head = target.head()
    finally:
        source.close()
        target.close()
    tables = ", ".join(f"{n} {t}" for t, n in report.rows.items() if t != "audit")
    print(f"copied {report.entries} audit entries ({tables}); both verify, head {head}")
    return EXIT_OK


def run_password(args: argparse.Namespace) -> int:
    from ..core.policy import check_store_url
    from ..core.store.passwords import forget_password, save_password
    from ..core.store.postgres import check_password, shown_url

    guarded(lambda: check_store_url(args.url, "the review server's address"))
    where = shown_url(args.url)
    if args.forget:
        forgotten = guarded(lambda: forget_password(args.url))
        print(
            f"{where}: password removed from the system keyring" if forgotten else f"{where}: none was kept"
        )
        return EXIT_OK
    secret = _read_password(where, args.password_stdin)
    if not secret:
        raise CliError("no password given; nothing kept")
    guarded(lambda: check_password(args.url, secret))  # a mistyped one is not kept
    keyring_name = guarded(lambda: save_password(args.url, secret))
    print(f"{where}: password checked and kept in the system keyring ({keyring_name})")
    return EXIT_OK


def _read_password(where: str, from_stdin: bool) -> str:
    import getpass
    import sys

    try:
        if from_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        return getpass.getpass(f"Password for {where}: ")
    except (EOFError, KeyboardInterrupt):
        return ""
