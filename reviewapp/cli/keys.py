"""Signing keys and the house keyring: `reviewapp keys show|create`, `reviewapp keyring sign FILE`."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from .common import EXIT_OK, CliError, guarded

# What `register` adds: cli/__init__.py builds only the command being run.
COMMANDS = ("keys", "keyring")


def register(commands: Any, common: argparse.ArgumentParser, only: str | None = None) -> None:
    """The group's commands, or only the one named `only`."""
    if only in (None, "keys"):
        _keys(commands)
    if only in (None, "keyring"):
        _keyring(commands)


def _keys(commands: Any) -> None:
    keys = commands.add_parser("keys", help="your signing key: show it, or make it")
    keys.add_argument("action", choices=("show", "create"))
    keys.add_argument("--name", help="create: whose key it is (as decisions will name them)")
    keys.add_argument(
        "--passphrase", action="store_true", help="create: protect the key with a passphrase (asked for)"
    )
    keys.set_defaults(handler=run_keys)


def _keyring(commands: Any) -> None:
    keyring = commands.add_parser(
        "keyring", help="the house keyring: sign it as its administrator after editing it"
    )
    keyring.add_argument("action", choices=("sign",))
    keyring.add_argument("file", metavar="FILE")
    keyring.set_defaults(handler=run_keyring)


def run_keys(args: argparse.Namespace) -> int:
    from ..core.keys import b64, create_identity, identity_path, load_identity

    if args.action == "create":
        if not args.name:
            raise CliError("keys create needs --name NAME")
        if load_identity() is not None or identity_path().exists():
            raise CliError(f"{identity_path()}: you have a signing key already (reviewapp keys show)")
        passphrase = _ask_passphrase() if args.passphrase else None
        identity = guarded(lambda: create_identity(args.name, passphrase))
    else:
        found = guarded(load_identity)
        if found is None:
            raise CliError(
                "no signing key yet: it is made with your first decision, or by: keys create --name NAME"
            )
        identity = found
    print(f"name         {identity.name}")
    print(f"fingerprint  {identity.fingerprint}")
    print(f"public key   {b64(identity.public_key)}")
    print(f"kept in      {identity_path()}")
    return EXIT_OK


def _ask_passphrase() -> str:
    from ..core.keys import PASSPHRASE_VARIABLE

    if os.environ.get(PASSPHRASE_VARIABLE):
        return os.environ[PASSPHRASE_VARIABLE]
    if not sys.stdin.isatty():
        raise CliError(f"no terminal to ask for a passphrase: set {PASSPHRASE_VARIABLE}")
    first = getpass.getpass("Passphrase for your signing key: ")
    if first != getpass.getpass("Again: ") or not first:
        raise CliError("the passphrases differ (or are empty); nothing was made")
    return first


def run_keyring(args: argparse.Namespace) -> int:
    from ..core.keyring import sign_keyring
    from ..core.keys import load_identity

    admin = guarded(load_identity)
    if admin is None:
        raise CliError("no signing key here to sign the keyring with (reviewapp keys create --name NAME)")
    count = guarded(lambda: sign_keyring(Path(args.file), admin))
    print(f"{args.file}: {count} people, signed by {admin.name} ({admin.fingerprint})")
    return EXIT_OK
