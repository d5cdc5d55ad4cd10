"""status, resolve, signoff, history and audit verify as real processes with a real database."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import subprocess
import sys

import pytest

pytestmark = pytest.mark.subprocess


def run(*args: str):
    return subprocess.run(
        [sys.executable, "-m", "reviewapp", *args], capture_output=True, text=True, timeout=60
    )


def run_here(*args: str) -> int:
    """The same command in this process: for the many steps between the real processes."""
    from reviewapp.cli import main

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(list(args))


@pytest.mark.slow
def test_review_round_trip(tmp_path, data_dir):
    draft = tmp_path / "fox.txt"
    draft.write_text((data_dir / "openai-foxconn.txt").read_text(encoding="utf-8"), encoding="utf-8")
    db = str(tmp_path / "r.sqlite3")

    status = run("status", str(draft), "--db", db, "--init")
    assert status.returncode == 1 and "not approved; not publishable" in status.stdout

    refused = run(
        "signoff", str(draft), "--db", db, "--role", "editor", "--by", "Ana", "--decision", "approve"
    )
    assert refused.returncode == 1 and "cannot approve" in refused.stderr

    findings = json.loads(run("check", "--format", "json", "--min-severity", "warning", str(draft)).stdout)
    for f in findings["documents"][0]["findings"]:
        done = run_here(
            "resolve",
            str(draft),
            "--db",
            db,
            "--finding",
            f["id"],
            "--status",
            "verified",
            "--source",
            "https://example.org/source",
            "--by",
            "Ana",
        )
        assert done == 0
    approved = run(
        "signoff", str(draft), "--db", db, "--role", "editor", "--by", "Ana", "--decision", "approve"
    )
    assert approved.returncode == 0, approved.stderr
    assert run("status", str(draft), "--db", db).returncode == 0

    history = run("history", str(draft), "--db", db).stdout
    assert "signoff" in history and "Ana (editor): approve" in history
    assert (
        "Verified (with a source) by Ana (https://example.org/source): “Share- Nishadil” (boilerplate.share)"
        in history
    )
    verified = run("audit", "verify", "--db", db)
    assert verified.returncode == 0 and "every decision signed by its signer" in verified.stdout

    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET document = 'other.txt' WHERE id = 2")
    conn.commit()
    conn.close()
    broken = run("audit", "verify", "--db", db)
    assert broken.returncode == 3 and "entry 2: its content does not match its hash" in broken.stderr
    status = run("status", str(draft), "--db", db)
    assert status.returncode == 3 and "record does not verify; not publishable" in status.stdout


def test_bad_input_is_refused_and_writes_nothing(tmp_path, data_dir):
    draft = str(data_dir / "riverside-library.txt")
    db = tmp_path / "r.sqlite3"
    cases = [
        (
            ("resolve", draft, "--finding", "cl-000000000000", "--status", "opinion", "--by", "Ana"),
            "no finding",
        ),
        (("signoff", draft, "--role", "janitor", "--by", "Ana", "--decision", "approve"), "unknown role"),
        (("signoff", draft, "--role", "editor", "--by", " ", "--decision", "approve"), "needs the name"),
    ]
    for args, message in cases:
        proc = run(*args, "--db", str(db), "--init")
        assert proc.returncode == 2 and message in proc.stderr, proc.stderr
    audit = run("audit", "verify", "--db", str(db))
    assert "0 entries" in audit.stdout

    not_db = tmp_path / "notes.sqlite3"
    not_db.write_text("plain text")
    proc = run("status", draft, "--db", str(not_db))
    assert proc.returncode == 9 and "not an SQLite file" in proc.stderr
    assert not_db.read_text() == "plain text"


def test_status_and_history_end_their_process_with_the_record_closed(tmp_path, data_dir):
    """They end the process without Python's teardown (interpreter.end_process): the record must be
    closed by then (SQLite removes its write-ahead log when the last connection closes), and the
    whole output written."""
    draft = tmp_path / "fox.txt"
    draft.write_text((data_dir / "openai-foxconn.txt").read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "r.sqlite3"
    wal = tmp_path / "r.sqlite3-wal"

    status = run("status", str(draft), "--db", str(db), "--init")
    assert status.returncode == 1 and status.stdout.count("\n") >= 4
    assert status.stdout.rstrip().endswith("no approval by the editor for this exact text")
    assert db.exists() and not wal.exists()

    history = run("history", str(draft), "--db", str(db))
    assert history.returncode == 0 and history.stdout.rstrip().endswith("no review record yet")
    assert not wal.exists()


def test_resolve_reopened_takes_a_decision_back_and_refuses_an_open_finding(tmp_path, data_dir):
    draft = tmp_path / "fox.txt"
    draft.write_text((data_dir / "openai-foxconn.txt").read_text(encoding="utf-8"), encoding="utf-8")
    db = str(tmp_path / "r.sqlite3")
    assert run_here("status", str(draft), "--db", db, "--init") == 1
    before = run("status", str(draft), "--db", db).stdout
    findings = json.loads(run("check", "--format", "json", "--min-severity", "warning", str(draft)).stdout)
    claim = next(f for f in findings["documents"][0]["findings"] if f["category"] == "claim")["id"]

    refused = run(
        "resolve", str(draft), "--db", db, "--finding", claim, "--status", "reopened", "--by", "Ana"
    )
    assert refused.returncode == 2
    assert refused.stderr.strip().splitlines() == [
        f"reviewapp: {draft}: finding {claim} is open: there is no decision to take back"
    ]
    common = ("--db", db, "--finding", claim, "--by", "Ana")
    assert run_here("resolve", str(draft), *common, "--status", "opinion") == 0
    assert run_here("resolve", str(draft), *common, "--status", "reopened") == 0
    history = run("history", str(draft), "--db", db)
    assert "Opinion (labelled as such) by Ana" in history.stdout and "Open again by Ana" in history.stdout
    status = run("status", str(draft), "--db", db)
    assert status.returncode == 1
    assert status.stdout == before, "the finding blocks again, as before it was resolved"
