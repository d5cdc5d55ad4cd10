"""Every database failure is one clear line with its own exit status, and nothing is lost or half-written.

Real failures: a database locked by another process, a file and a folder that
are truly read-only (as an unprivileged user), a truly full disk (a small
tmpfs), a damaged file, schemas reviewapp did not write, other files.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from reviewapp.core.store import ReviewStore
from reviewapp.core.store.errors import EXIT_CODES

pytestmark = pytest.mark.subprocess
DRAFT = str(Path(__file__).parent.parent / "data" / "riverside-library.txt")
SIGN = ("signoff", DRAFT, "--role", "author", "--by", "Ana Ruiz", "--decision", "approve")


def run(*args: str, env: dict | None = None, user: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "reviewapp", *args]
    if user:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}
    )


def one_line(proc: subprocess.CompletedProcess[str]) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reviewapp: ") and "Traceback" not in proc.stderr, (
        proc.stderr
    )
    return lines[0]


@pytest.fixture
def made(tmp_path):
    """A review database with one sign-off in it."""
    db = tmp_path / "r.sqlite3"
    assert run(*SIGN, "--db", str(db), "--init").returncode == 0
    return db


def entries(db: Path) -> int:
    return sqlite3.connect(db).execute("SELECT COUNT(*) FROM audit").fetchone()[0]


def test_a_misspelt_path_is_an_error_and_init_makes_one(tmp_path):
    db = tmp_path / "reveiws.sqlite3"
    proc = run(*SIGN, "--db", str(db))
    assert proc.returncode == EXIT_CODES["NotReviewDatabaseError"] and "add --init" in one_line(proc)
    assert not db.exists()
    assert run(*SIGN, "--db", str(db), "--init").returncode == 0 and db.exists()


@pytest.mark.parametrize(
    ("prepare", "error", "words"),
    [
        (lambda p: p.write_bytes(b""), "NotReviewDatabaseError", "empty file"),
        (lambda p: p.write_text("notes"), "NotReviewDatabaseError", "not an SQLite file"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE photos (x)"),
            "NotReviewDatabaseError",
            "another program",
        ),
        (lambda p: os.mkfifo(p), "NotReviewDatabaseError", "not a regular file"),
    ],
)
def test_files_that_are_no_review_database(tmp_path, prepare, error, words):
    """Not adopted, and not changed: refused before anything is written."""
    db = tmp_path / "other.sqlite3"
    prepare(db)
    before = db.read_bytes() if db.is_file() else None
    proc = run("status", DRAFT, "--db", str(db))
    assert proc.returncode == EXIT_CODES[error] and words in one_line(proc)
    if before is not None:
        assert db.read_bytes() == before  # not adopted


@pytest.mark.parametrize(("version", "words"), [(99, "newer reviewapp"), (-5, "not one reviewapp wrote")])
def test_schemas_reviewapp_did_not_write(made, version, words):
    sqlite3.connect(made).execute(f"PRAGMA user_version = {version}")
    proc = run("status", DRAFT, "--db", str(made))
    assert proc.returncode == EXIT_CODES["SchemaError"] and words in one_line(proc)


def test_a_locked_database_says_how_long_it_waited(made):
    holder = sqlite3.connect(made, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        proc = run(*SIGN, "--db", str(made), env={"REVIEWAPP_DB_TIMEOUT": "1"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    line = one_line(proc)
    assert (
        proc.returncode == EXIT_CODES["StoreLockedError"]
        and "held it for 1 s" in line
        and "ask whoever" in line
    )
    assert entries(made) == 2  # the policy and the first sign-off; nothing half-written


def test_a_damaged_database(made):
    raw = bytearray(made.read_bytes())
    raw[4096:] = b"\xde\xad" * ((len(raw) - 4096) // 2)
    made.write_bytes(bytes(raw))
    for args in (("status", DRAFT), ("audit", "verify")):
        proc = run(*args, "--db", str(made))
        assert proc.returncode == EXIT_CODES["DamagedStoreError"] and "damaged" in one_line(proc)


def _open_folder() -> Path:
    """A folder outside pytest's private ones, that an unprivileged user can reach."""
    folder = Path(tempfile.mkdtemp(prefix="reviewapp-ro-"))
    folder.chmod(0o777)
    return folder


needs_setpriv = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("setpriv"),
    reason="needs root and setpriv to act as an unprivileged user",
)


@needs_setpriv
@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_file_or_folder(what):
    folder = _open_folder()
    try:
        home = folder / "home"
        home.mkdir()
        home.chmod(0o777)
        db = folder / "r.sqlite3"
        env = {"REVIEWAPP_HOME": str(home)}
        assert run(*SIGN, "--db", str(db), "--init", env=env, user="nobody").returncode == 0
        (home / "identity.json").chmod(0o644)
        for path in folder.iterdir():
            if path.name.startswith("r.sqlite3"):
                path.chmod(0o444 if what == "file" else 0o666)
        if what == "folder":
            for extra in ("r.sqlite3-wal", "r.sqlite3-shm"):
                (folder / extra).unlink(missing_ok=True)
            folder.chmod(0o555)
        proc = run(*SIGN, "--db", str(db), env=env, user="nobody")
        line = one_line(proc)
        assert proc.returncode == EXIT_CODES["StoreReadOnlyError"] and "read-only" in line, line
        assert ("folder" in line) == (what == "folder")
    finally:
        folder.chmod(0o777)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to mount a small filesystem")
def test_a_full_disk_loses_nothing(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        db = mount / "r.sqlite3"
        assert run(*SIGN, "--db", str(db), "--init").returncode == 0
        before = entries(db)
        subprocess.run(["dd", "if=/dev/zero", f"of={mount / 'filler'}", "bs=4k"], capture_output=True)
        proc = run(
            "signoff", DRAFT, "--role", "editor", "--by", "Ana Ruiz", "--decision", "reject", "--db", str(db)
        )
        assert proc.returncode == EXIT_CODES["StoreFullError"] and "disk is full" in one_line(proc)
        (mount / "filler").unlink()
        assert entries(db) == before
        assert run("audit", "verify", "--db", str(db)).returncode == 0
    finally:
        subprocess.run(["umount", "-l", str(mount)])


RACER = textwrap.dedent("""
    import os, pathlib, sys, time
    from reviewapp.core import load_policy
    from reviewapp.core.decisions import Signer
    from reviewapp.core.keys import create_identity
    from reviewapp.core.store import DraftRef, ReviewStore
    folder, rounds, processes = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    policy = load_policy()
    signers = [Signer(create_identity(f"P{i}", None, folder / f"key-{i}.json"), policy)
               for i in range(processes)]
    for r in range(rounds):
        db = folder / f"new-{r}.sqlite3"
        start = time.time() + 0.05
        children = []
        for i in range(processes):
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    while time.time() < start:
                        pass
                    with ReviewStore(db) as store:   # every process opens the new file at once
                        store.sign_off(DraftRef("d.txt", "ab" * 32, 9), signers[i], "author", "approve")
                except BaseException as exc:
                    print(f"round {r} process {i}: {exc}", file=sys.stderr)
                    code = 1
                os._exit(code)
            children.append(pid)
        failed = sum(os.waitpid(pid, 0)[1] != 0 for pid in children)
        with ReviewStore(db) as store:
            report = store.verify_audit()
            kept = len(store.signoffs("d.txt"))
        if failed or kept != processes or not report.ok:
            print(f"round {r}: {failed} failed, {kept} kept, verifies {report.ok}", file=sys.stderr)
            sys.exit(1)
    print("ok")
""")


@pytest.mark.slow
def test_eight_processes_opening_a_new_database_at_once_lose_nothing(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", RACER, str(tmp_path), "50", "8"], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-2000:]


def test_decisions_are_flushed_to_disk(made):
    with ReviewStore(made) as store:
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_the_readme_table_of_exit_statuses_is_the_codes_the_errors_carry():
    """The README's table names each store failure's exit status as the error classes carry it."""
    import re
    from pathlib import Path

    from reviewapp.core.store.errors import EXIT_CODES

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d) \| (.+) \|$", readme, flags=re.MULTILINE))
    words = {
        "RecordNotVerifiedError": "does not verify",
        "StoreLockedError": "locked",
        "StoreReadOnlyError": "read-only",
        "StoreFullError": "disk is full",
        "DamagedStoreError": "damaged",
        "SchemaError": "newer reviewapp",
        "NotReviewDatabaseError": "not a review database",
    }
    assert set(words) == set(EXIT_CODES)
    for name, code in EXIT_CODES.items():
        assert words[name] in table[str(code)], (name, code)
