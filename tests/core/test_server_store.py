"""The review record on a real PostgreSQL server: roles, commands, many writers, crashes, restarts.

The store's own behaviour is tested on both backends in test_store.py; here is
what only a server has.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import psycopg
import pytest

from reviewapp.core import Finding, load_policy
from reviewapp.core.errors import PolicyError
from reviewapp.core.store import DraftRef, SchemaError, StoreError
from reviewapp.core.store.locations import open_store
from reviewapp.core.store.server_admin import copy_record

pytestmark = pytest.mark.usefixtures("people")
DRAFT = DraftRef("a.txt", "ab" * 32, 10)


def finding(finding_id: str) -> Finding:
    return Finding("claim", "claim.figure", "warning", 0, 4, "Text", "A claim.", id=finding_id)


def as_user(pg_server, server_url: str, login: str, password: str = "pw-" + "editor") -> str:
    """A reviewer's own login, member of the editors' role; the URL to connect as them."""
    login = f"{login}_{server_url.rsplit('/', 1)[1]}"  # roles are server-wide; each test its own
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{password}'")
        conn.execute(f"GRANT reviewapp_editor TO {login}")
    return pg_server.url(server_url.rsplit("/", 1)[1], user=login, password=password)


@pytest.mark.parametrize("table", ["audit", "resolutions", "signoffs"])
def test_an_editor_may_add_decisions_but_never_change_or_remove_one(pg_server, server_url, people, table):
    editor_url = as_user(pg_server, server_url, f"ed_{table}")
    with open_store(editor_url) as store:
        store.resolve(DRAFT, finding("cl-1"), "opinion", people.signer("Ana Ruiz"))
        store.sign_off(DRAFT, people.signer("Ana Ruiz"), "editor", "approve")
        assert store.verify_audit().ok
    with psycopg.connect(editor_url, autocommit=True) as conn:
        conn.execute("SET search_path TO reviewapp")
        for statement in (
            f"UPDATE {table} SET id = id",
            f"DELETE FROM {table}",
            f"TRUNCATE {table}",
            f"ALTER TABLE {table} DISABLE TRIGGER ALL",
            f"DROP TABLE {table}",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    with open_store(server_url) as store:
        assert store.verify_audit().entries == 3  # the policy, the resolution, the sign-off


def test_the_commands_work_against_the_server(pg_server, server_url, tmp_path, data_dir):
    from reviewapp.cli import main

    draft = tmp_path / "fox.txt"
    draft.write_text((data_dir / "openai-foxconn.txt").read_text(encoding="utf-8"), encoding="utf-8")
    editor_url = as_user(pg_server, server_url, "carmen")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reviewapp", *args], capture_output=True, text=True, timeout=120
        )

    status = run("status", str(draft), "--db", editor_url)
    assert status.returncode == 1 and "not approved; not publishable" in status.stdout
    assert main(["signoff", str(draft), "--db", editor_url, "--role", "editor", "--by", "Carmen",
                 "--decision", "reject", "--comment", "unsourced"]) == 0  # fmt: skip
    history = run("history", str(draft), "--db", editor_url)
    assert "Carmen (editor): reject - unsourced" in history.stdout
    verified = run("audit", "verify", "--db", editor_url)
    assert verified.returncode == 0 and "the record verifies: 2 entries" in verified.stdout
    assert "pw-editor" not in status.stdout + history.stdout + verified.stdout + verified.stderr

    local = tmp_path / "moved.sqlite3"
    copied = run("db", "copy", "--from", server_url, "--to", str(local))
    assert copied.returncode == 0, copied.stderr
    assert "copied 2 audit entries" in copied.stdout
    again = run("db", "copy", "--from", str(local), "--to", server_url)
    assert again.returncode != 0 and "already holds a review record" in again.stderr
    upgraded = run("db", "upgrade", "--db", server_url)
    assert upgraded.returncode == 0 and "current; nothing to do" in upgraded.stdout
    init_again = run("db", "init-server", server_url)
    assert init_again.returncode == 0 and "nothing changed" in init_again.stdout


def test_a_local_record_moves_to_the_server_entry_for_entry(server_url, tmp_path, people):
    with open_store(tmp_path / "local.sqlite3") as local, open_store(server_url) as server:
        for i in range(5):
            local.resolve(DRAFT, finding(f"cl-{i}"), "opinion", people.signer("Ana Ruiz"))
        local.sign_off(DRAFT, people.signer("Lee Park"), "editor", "approve", text=None)
        report = copy_record(local, server)
        assert report.entries == 7 and server.head() == local.head()
        assert [s.person for s in server.signoffs("a.txt")] == ["Lee Park"]
        server.resolve(DRAFT, finding("cl-9"), "opinion", people.signer("Ana Ruiz"))  # and it goes on
        assert server.verify_audit().ok and server.head().entries == 8


def test_a_record_that_does_not_verify_is_not_copied(server_url, tmp_path, people):
    with open_store(tmp_path / "local.sqlite3") as local, open_store(server_url) as server:
        local.resolve(DRAFT, finding("cl-1"), "opinion", people.signer("Ana Ruiz"))
        local.conn.execute("DROP TRIGGER audit_no_update")
        local.conn.execute("UPDATE audit SET payload = replace(payload, 'opinion', 'verified') WHERE id = 2")
        with pytest.raises(StoreError, match="does not verify, so it is not copied"):
            copy_record(local, server)
        assert server.head().entries == 0


def test_a_server_schema_this_version_does_not_know_is_refused(server_url):
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute("UPDATE reviewapp.schema_version SET version = 99")
    with pytest.raises(SchemaError, match="newer reviewapp"):
        open_store(server_url)


def test_a_server_without_the_record_says_how_to_set_it_up(pg_server):
    with pytest.raises(SchemaError, match="db init-server"):
        open_store(pg_server.url())


def test_an_unreachable_server_is_one_line_without_the_password(tmp_path, data_dir):
    draft = tmp_path / "fox.txt"
    draft.write_text("Title\nThe library opens at nine.\n", encoding="utf-8")
    url = "postgresql://carmen:hunter2@127.0.0.1:1/newsroom"  # nothing listens on port 1
    done = subprocess.run(
        [sys.executable, "-m", "reviewapp", "status", str(draft), "--db", url],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0 and len(lines) == 1, done.stderr
    assert "cannot reach the review server" in lines[0] and "127.0.0.1:1/newsroom" in lines[0]
    assert "hunter2" not in done.stderr + done.stdout


def test_the_policy_names_the_server_but_never_a_password(tmp_path):
    policy = tmp_path / "house.toml"
    policy.write_text('[store]\nurl = "postgresql://reviewers@db.example.org/newsroom"\n', encoding="utf-8")
    loaded = load_policy(policy)
    assert loaded.store_url == "postgresql://reviewers@db.example.org/newsroom"
    assert loaded.fingerprint == load_policy().fingerprint  # where the record lives is not judgement
    policy.write_text('[store]\nurl = "postgresql://reviewers:s3cret@db.example.org/newsroom"\n')
    with pytest.raises(PolicyError, match="must not hold a password"):
        load_policy(policy)


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from pathlib import Path
    from people import People
    from reviewapp.core.findings import Finding
    from reviewapp.core.store import DraftRef
    from reviewapp.core.store.locations import open_store

    url, name, count, folder = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    signer = People(Path(folder)).signer(name)
    draft = DraftRef("draft-" + name + ".txt", "cd" * 32, 10)
    store = open_store(url)
    print("ready", flush=True)
    for i in range(count):
        f = Finding("claim", "claim.figure", "warning", 0, 4, "Text", "A claim.", id=f"cl-{{i}}")
        store.resolve(draft, f, "opinion", signer)
        print(i, flush=True)
    """
).format(tests=os.path.dirname(os.path.dirname(__file__)))


def writer(url: str, name: str, count: int, folder) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, url, name, str(count), str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


@pytest.mark.slow
def test_eight_writers_at_once_lose_nothing_and_never_fork_the_chain(server_url, tmp_path):
    writers = [writer(server_url, f"w{n}", 500, tmp_path / "people") for n in range(8)]
    for process in writers:
        _, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
    with open_store(server_url) as store:
        report = store.verify_audit(every_signature=True)
        assert report.ok, report.problems[:3]
        counts = store.conn.execute("SELECT document, count(*) FROM audit WHERE kind = 'resolution' "
                                    "GROUP BY document").fetchall()  # fmt: skip
        assert sorted(n for _, n in counts) == [500] * 8
        assert report.entries == 8 * 500 + 1  # and the policy, recorded once


def _wait_for_other_sessions_to_end(conn, timeout: float = 30.0) -> None:
    """Until the server has no session on this database but `conn`'s (killed clients' backends gone)."""
    sql = (
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        " AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
    )
    deadline = time.monotonic() + timeout
    while conn.execute(sql).fetchone()[0]:
        assert time.monotonic() < deadline, "a killed writer's session is still open on the server"
        time.sleep(0.05)


@pytest.mark.slow
def test_a_writer_killed_mid_transaction_leaves_nothing_half_written(server_url, tmp_path):
    """SIGKILL at 50 random moments: the server rolls back what was not committed; the record verifies."""
    import random

    rng = random.Random(20261129)
    for round_ in range(50):
        process = writer(server_url, f"k{round_}", 10_000, tmp_path / "people")
        assert process.stdout is not None
        process.stdout.readline()  # connected
        time.sleep(rng.uniform(0.0, 0.08))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    with open_store(server_url) as store:
        # A writer killed just after sending COMMIT is dead before the server has finished with it:
        # what it committed lands a moment later. Counted before then, the rows and the log were
        # read at two moments (the full suite on a busy machine saw one row more than entries).
        _wait_for_other_sessions_to_end(store.conn)
        report = store.verify_audit()
        assert report.ok, report.problems[:3]
        rows = store.conn.execute("SELECT count(*) FROM resolutions").fetchone()[0]
        assert rows == report.entries - 1  # each entry has its table row, and no row lacks its entry


@pytest.mark.slow
def test_a_server_restart_during_writes_is_said_in_one_line_and_loses_nothing(
    pg_server, server_url, tmp_path
):
    process = writer(server_url, "restarted", 100_000, tmp_path / "people")
    assert process.stdout is not None
    process.stdout.readline()
    for _ in range(20):  # some decisions written
        process.stdout.readline()
    pg_server.restart()
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "review server" in err.strip().splitlines()[-1]
    with open_store(server_url) as store:  # the server is back; the record is whole and goes on
        report = store.verify_audit()
        assert report.ok, report.problems[:3]
        written = report.entries
        store.set_setting("after", "restart")
    again = writer(server_url, "restarted", 3, tmp_path / "people")
    _, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    with open_store(server_url) as store:
        assert store.verify_audit().ok and store.head().entries == written + 3


def test_a_verdict_on_the_server_checks_what_was_added_since_this_machine_last_looked(server_url, people):
    """What this machine already found whole is not re-hashed for every verdict (editors cannot
    change it on the server); what was added since is, and `audit verify` re-hashes everything."""
    ana = people.signer("Ana Ruiz")
    with open_store(server_url) as store:
        for i in range(3):
            store.resolve(DRAFT, finding(f"cl-{i}"), "opinion", ana)
        assert store.record("a.txt").problems == []  # the whole chain, the first time here
    with psycopg.connect(server_url, autocommit=True) as owner:  # the server's owner, by hand
        owner.execute("SET search_path TO reviewapp")
        owner.execute("ALTER TABLE audit DISABLE TRIGGER audit_no_change")
        with open_store(server_url) as store:
            store.resolve(DRAFT, finding("cl-9"), "opinion", ana)  # added since: checked
            owner.execute("UPDATE audit SET payload = replace(payload, 'opinion', 'verified') WHERE id = 5")
        with open_store(server_url) as store:
            assert any("entry 5" in p for p in store.record("a.txt").problems)
            owner.execute("UPDATE audit SET payload = replace(payload, 'verified', 'opinion') WHERE id = 5")
        with open_store(server_url) as store:
            assert store.record("a.txt").problems == []
            owner.execute("UPDATE audit SET payload = replace(payload, 'opinion', 'disputed') WHERE id = 2")
            report = store.verify_audit()  # the auditor's check re-hashes every entry
            assert not report.ok and report.first_broken == 2


@pytest.mark.parametrize("url", ["postgresql://a b@/news", "postgresql://127.0.0.1:1/x?sslmode=bogus"])
def test_a_malformed_server_address_is_one_line(tmp_path, url):
    draft = tmp_path / "d.txt"
    draft.write_text("Title\nThe library opens at nine.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "reviewapp", "status", str(draft), "--db", url],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_the_readme_team_walkthrough(pg_server, server_url, tmp_path, data_dir):
    """README, "Team set-up": four people, each their own login, one house policy naming the server."""
    import os

    database = server_url.rsplit("/", 1)[1]
    people = tuple(f"{who}_{database}" for who in ("ana", "ben", "carmen", "dev"))  # roles are server-wide
    with psycopg.connect(server_url, autocommit=True) as conn:
        for login in people:
            conn.execute(f"CREATE ROLE {login} LOGIN PASSWORD 'pw-{login}'")
            conn.execute(f"GRANT reviewapp_editor TO {login}")
    pgpass = tmp_path / "pgpass"
    lines = [f"127.0.0.1:{pg_server.port}:{database}:{who}:pw-{who}" for who in (*people, "admin")]
    pgpass.write_text("\n".join(lines).replace("pw-admin", "admin-secret") + "\n")
    pgpass.chmod(0o600)
    house = tmp_path / "house.toml"
    house.write_text(
        f'[store]\nurl = "postgresql://127.0.0.1:{pg_server.port}/{database}"\n'
        '[signoff]\nroles = ["author", "fact-checker", "editor", "legal"]\n'
        'required_roles = ["fact-checker", "editor", "legal"]\n',
        encoding="utf-8",
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(
        (data_dir.parent.parent.parent / "shared" / "corpus" / "riverside-library.txt").read_text()
        if False
        else "Library hours\\nThe library opens at nine on weekdays, the council said.\\n"
    )

    def run(login: str, *args: str) -> subprocess.CompletedProcess[str]:
        # Each person on their own account: their own signing key and settings.
        home = tmp_path / f"home-{login}"
        env = {**os.environ, "PGUSER": login, "PGPASSFILE": str(pgpass), "REVIEWAPP_HOME": str(home)}
        return subprocess.run([sys.executable, "-m", "reviewapp", *args, "--policy", str(house)],
                              capture_output=True, text=True, timeout=120, env=env)  # fmt: skip

    roles = ("author", "fact-checker", "editor", "legal")
    names = ("Ana Ruiz", "Ben Osei", "Carmen Ortiz", "Dev Shah")
    signers = list(zip(people, roles, names, strict=True))
    for login, role, name in signers:
        done = run(login, "signoff", str(draft), "--role", role, "--decision", "approve", "--by", name)
        assert done.returncode == 0, done.stderr
    status = run(people[3], "status", str(draft))
    assert status.returncode == 0 and "approved; publishable" in status.stdout, status.stdout + status.stderr
    verified = run("admin", "audit", "verify")
    assert verified.returncode == 0 and "5 entries" in verified.stdout, verified.stderr
