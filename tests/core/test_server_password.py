"""A review server's password kept in the desktop's keyring, for people with no ~/.pgpass.

Against the real server the fixtures start, with a real keyring backend that keeps its
secrets in a file (keyrings.alt), as the Keychain or the Secret Service would elsewhere.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from pg_server import REVIEWER_PASSWORD as SECRET

from reviewapp.core.store.errors import StoreError
from reviewapp.core.store.postgres import ServerStore

pytestmark = pytest.mark.usefixtures("pg_server")


def reviewapp(env, *args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "reviewapp", *args],
        input=stdin, capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip


def test_without_a_password_anywhere_one_line_says_where_to_keep_it(login, keyring_env):
    with pytest.raises(StoreError) as failure:
        ServerStore(login)
    message = str(failure.value)
    assert "wants a password" in message and "reviewapp db password" in message
    assert "\n" not in message and SECRET not in message


def test_a_password_checked_and_kept_in_the_keyring_opens_the_record(login, keyring_env, tmp_path):
    wrong = reviewapp(keyring_env, "db", "password", login, "--password-stdin", stdin="not-it\n")
    assert wrong.returncode == 2 and len(wrong.stderr.strip().splitlines()) == 1, wrong.stderr
    assert "refused the password (password authentication failed" in wrong.stderr
    assert "kept" not in wrong.stdout

    kept = reviewapp(keyring_env, "db", "password", login, "--password-stdin", stdin=SECRET + "\n")
    assert kept.returncode == 0, kept.stderr
    assert "kept in the system keyring" in kept.stdout and "PlaintextKeyring" in kept.stdout
    assert SECRET not in kept.stdout + kept.stderr

    # The command line finds it there: a decision, and the verdict, with no ~/.pgpass.
    draft = tmp_path / "draft.txt"
    draft.write_text("Library hours\nThe library opens at nine on weekdays, the council said.\n")
    signed = reviewapp(
        keyring_env, "signoff", str(draft), "--db", login, "--role", "editor", "--decision", "approve",
        "--by", "Kim Reviewer",
    )  # fmt: skip
    assert signed.returncode == 0, signed.stderr
    status = reviewapp(keyring_env, "status", str(draft), "--db", login)
    assert status.returncode in (0, 1) and "approved" in status.stdout, status.stdout + status.stderr
    assert SECRET not in status.stdout + status.stderr

    # So does the desktop app's store, and its live listener (a connection of its own).
    store = ServerStore(login)
    try:
        listener = store.listener()
        listener.close()
        assert store.schema_version > 0
    finally:
        store.close()

    forgotten = reviewapp(keyring_env, "db", "password", login, "--forget")
    assert forgotten.returncode == 0 and "removed" in forgotten.stdout
    again = reviewapp(keyring_env, "status", str(draft), "--db", login)
    assert again.returncode == 2 and "wants a password" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1


def test_a_url_with_a_password_is_refused_and_the_message_names_the_keyring(keyring_env):
    done = reviewapp(keyring_env, "db", "password", "postgresql://ana:pw@127.0.0.1/news", "--password-stdin",
                     stdin="x\n")  # fmt: skip
    assert done.returncode == 2 and "must not hold a password" in done.stderr
    assert "reviewapp db password URL" in done.stderr
