"""A review server's password in the desktop's keyring (the macOS Keychain, the Windows Credential
Manager, the Secret Service on Linux), for people who keep no ~/.pgpass.

libpq's own places come first (PGPASSFILE, ~/.pgpass, a service file): the keyring is read
only when they held no password for the server, or a wrong one, so a machine set up the usual
way never loads the keyring library (it takes a few hundred milliseconds to find its backend).
The password is never written to the policy, the settings or a message.
"""

from __future__ import annotations

import getpass
from typing import Any

from ..errors import first_line
from .errors import StoreError

SERVICE = "reviewapp"  # the keyring's name for what reviewapp keeps there

# What libpq says when it had no password, or the server refused the one it had.
_NEEDS_PASSWORD = ("no password supplied", "password authentication failed")


def needs_password(exc: Exception) -> bool:
    """Did a connection fail for want of the right password?"""
    return any(phrase in str(exc) for phrase in _NEEDS_PASSWORD)


def account(url: str) -> str:
    """The keyring's name for one login to one database: user@host:port/database."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # malformed: connecting says so, in one line
        raise StoreError("the review server's address cannot be read") from None
    user = parts.get("user") or getpass.getuser()  # libpq's default too
    return f"{user}@{parts.get('host', 'localhost')}:{parts.get('port', 5432)}/{parts.get('dbname', '')}"


def _keyring() -> Any:
    try:
        import keyring
    except ImportError:
        raise StoreError(
            "this reviewapp was installed without keyring support: pip install 'reviewapp[server]'"
        ) from None
    return keyring


def stored_password(url: str) -> str | None:
    """The password kept in the keyring for this login, or None (none kept, or no keyring installed)."""
    try:
        keyring = _keyring()
    except StoreError:
        return None
    try:
        password = keyring.get_password(SERVICE, account(url))
    except Exception as exc:  # a locked or missing keyring: the caller says what libpq said
        raise StoreError(f"the system keyring cannot be read ({first_line(exc)})") from None
    return password or None


def save_password(url: str, password: str) -> str:
    """Keep the password for this login in the keyring; returns the keyring's name, to tell the user."""
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, account(url), password)
        return str(keyring.get_keyring().name)
    except Exception as exc:
        raise StoreError(f"the system keyring cannot keep the password ({first_line(exc)})") from None


def forget_password(url: str) -> bool:
    """Remove this login's password from the keyring; False when none was kept."""
    keyring = _keyring()
    try:
        keyring.delete_password(SERVICE, account(url))
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:
        raise StoreError(f"the system keyring cannot be changed ({first_line(exc)})") from None
    return True
