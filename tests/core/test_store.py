"""The review database with a real SQLite file: decisions, the gate, migrations, the audit chain."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from reviewapp.core import Finding, ReviewAppError, load_path, load_policy
from reviewapp.core.gate import APPROVED, CHANGED, NOT_APPROVED
from reviewapp.core.review import Reviewer
from reviewapp.core.store import DraftRef, NewerSchemaError, ReviewStore, StoreError
from reviewapp.core.store.locations import open_store
from reviewapp.core.store.postgres import ServerStore
from reviewapp.core.store.schema import MIGRATIONS, SCHEMA_VERSION

pytestmark = pytest.mark.usefixtures("people")

CLEAN = "Library hours\nThe library opens at nine on weekdays.\n"
DRAFT = DraftRef("a.txt", "ab" * 32, 10)
REVIEWER = Reviewer(load_policy())


def finding(finding_id: str) -> Finding:
    return Finding("claim", "claim.figure", "warning", 0, 4, "Text", "A claim.", id=finding_id)


@pytest.fixture
def store(record_location):
    """The same behaviour on both backends: a local SQLite file and a PostgreSQL server."""
    with open_store(record_location) as s:
        yield s


def unguard(store, table, action):
    """What a tamperer with the database's own tools does first: take away the append-only guard."""
    if isinstance(store, ServerStore):
        store.conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_no_change")
    else:
        store.conn.execute(f"DROP TRIGGER {table}_no_{action}")


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(CLEAN, encoding="utf-8")
    return path


def analyse(path):
    return REVIEWER.review(load_path(path))


def gate_of(review, store):
    return REVIEWER.judge(review, store).gate


def approve(store, people, review, role="editor", person="Ana Ruiz", decision="approve"):
    store.sign_off(review.draft, people.signer(person), role, decision)


def test_approval_is_bound_to_the_exact_text(store, draft, people):
    review = analyse(draft)
    assert gate_of(review, store).approval == NOT_APPROVED
    approve(store, people, review)
    gate = gate_of(review, store)
    assert gate.publishable and gate.approval == APPROVED

    draft.write_text(CLEAN + "It closes at six.\n", encoding="utf-8")
    edited = gate_of(analyse(draft), store)
    assert not edited.publishable and edited.approval == CHANGED
    assert any("changed since it was approved" in r for r in edited.reasons)


def test_gate_gives_its_reasons(store, data_dir, tmp_path, people):
    path = tmp_path / "foxconn.txt"
    path.write_text((data_dir / "openai-foxconn.txt").read_text(encoding="utf-8"), encoding="utf-8")
    review = analyse(path)
    gate = gate_of(review, store)
    assert not gate.publishable
    assert gate.reasons[0].startswith(f"{len(gate.unresolved)} findings at warning or above are unresolved")
    assert "(first: “" in gate.reasons[0]  # the words, not an internal id
    assert "no approval by the editor for this exact text" in gate.reasons

    for f in gate.unresolved:
        store.resolve(review.draft, f, "disputed", people.signer("Ana Ruiz"), note="cut in the edit")
    approve(store, people, review, decision="reject")
    gate = gate_of(review, store)
    assert gate.unresolved == []
    assert gate.reasons == [
        "the editor (Ana Ruiz) rejected this text",
        "no approval by the editor for this exact text",
    ]


def test_resolutions_follow_the_text_when_edited_elsewhere(store, data_dir, tmp_path, people):
    path = tmp_path / "foxconn.txt"
    text = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    review = analyse(path)
    hedge = next(f for f in review.findings if f.text == "if you ask me")
    store.resolve(review.draft, hedge, "opinion", people.signer("Ana Ruiz"))
    path.write_text(text.replace("Well, this is", "Well, this really is"), encoding="utf-8")
    gate = gate_of(analyse(path), store)
    assert hedge.id in gate.resolutions
    assert hedge.id not in {f.id for f in gate.unresolved}


def test_migrates_an_empty_database(tmp_path):
    path = tmp_path / "new.sqlite3"
    with ReviewStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        tables = {row[0] for row in s.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"documents", "versions", "resolutions", "signoffs", "audit", "settings", "texts"} <= tables
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("start", range(1, SCHEMA_VERSION))
def test_migrates_from_each_earlier_schema(tmp_path, start):
    import sqlite_utils

    path = tmp_path / "old.sqlite3"
    old = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    for migration in MIGRATIONS[:start]:
        migration(old)
    old.execute(f"PRAGMA user_version = {start}")
    old.conn.close()
    # Records written by that version of the app:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO documents (key, created) VALUES ('a.txt', '2026-01-01')")
    conn.execute(
        "INSERT INTO versions (document_id, sha256, words, created) VALUES (1, 'abc', 3, '2026-01-01')"
    )
    conn.close()
    with ReviewStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.history("a.txt") == []  # the record is the audit log; that version had no decision
        s.set_setting("signoff.name", "Ana Ruiz")
        assert s.setting("signoff.name") == "Ana Ruiz"
        assert s.verify_audit().ok


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "future.sqlite3"
    ReviewStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerSchemaError, match="newer reviewapp"):
        ReviewStore(path)


def _fill(store, people, n=5):
    for i in range(n):
        store.resolve(DRAFT, finding(f"cl-{i}"), "opinion", people.signer("Ana Ruiz"))
    store.sign_off(DRAFT, people.signer("Ana Ruiz"), "editor", "approve")


def test_audit_verifies_a_clean_log_and_names_a_changed_entry(store, people):
    _fill(store, people)
    report = store.verify_audit()
    assert report.ok and report.entries == 7  # the policy, five resolutions, one sign-off
    import psycopg

    with pytest.raises((sqlite3.DatabaseError, psycopg.Error), match="append-only"):
        store.conn.execute("UPDATE audit SET payload = 'x' WHERE id = 3")
    # A tamperer with plain SQL can drop the guard, but not fix the chain.
    unguard(store, "audit", "update")
    store.conn.execute("UPDATE audit SET payload = replace(payload, 'opinion', 'verified') WHERE id = 3")
    report = store.verify_audit()
    assert not report.ok and report.first_broken == 3 and "does not match" in report.reason


def test_audit_names_a_deleted_entry(store, people):
    _fill(store, people)
    unguard(store, "audit", "delete")
    store.conn.execute("DELETE FROM audit WHERE id = 2")
    report = store.verify_audit()
    assert not report.ok and report.first_broken == 2 and "missing" in report.reason


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, p: s.sign_off(DRAFT, p.signer("Ana"), "janitor", "approve"), "unknown role"),
        (lambda s, p: s.sign_off(DRAFT, p.signer("Ana"), "editor", "maybe"), "one of approve, reject"),
        (lambda s, p: s.sign_off(DRAFT, p.signer("Ana"), "editor", "override", comment="x"), "overridden by"),
        (lambda s, p: s.resolve(DRAFT, finding("cl-1"), "fine", p.signer("Ana")), "unknown status"),
        (lambda s, p: s.resolve(DRAFT, finding("cl-1"), "verified", p.signer("Ana")), "source URL or a note"),
        (lambda s, p: s.resolve(DRAFT, finding("cl-1"), "removed", p.signer("Ana")), "still in the draft"),
    ],
)
def test_bad_requests_write_nothing(store, people, call, message):
    with pytest.raises(ReviewAppError, match=message):
        call(store, people)
    assert store.verify_audit().entries == 0
    assert store.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is a text file, not a database" * 20, "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "corrupt"),
    ],
)
def test_not_a_database_or_corrupt(tmp_path, content, message):
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        ReviewStore(path)
    assert path.read_bytes() == content


WRITER = textwrap.dedent("""
    import sys
    import pathlib
    from reviewapp.core import Finding, load_policy
    from reviewapp.core.decisions import Signer
    from reviewapp.core.keys import create_identity
    from reviewapp.core.store import DraftRef, ReviewStore
    path, who, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    key_file = pathlib.Path(path).parent / f"{who}.json"  # beside the database: pytest removes both
    signer = Signer(create_identity(who, None, key_file), load_policy())
    draft = DraftRef("shared.txt", "cd" * 32, 100)
    with ReviewStore(path) as store:
        for i in range(n):
            finding = Finding("claim", "claim.figure", "warning", 0, 4, "Text", "A claim.", id=f"{who}-{i}")
            store.resolve(draft, finding, "opinion", signer)
            store.sign_off(draft, signer, "editor", "approve")
""")


@pytest.mark.subprocess
def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "shared.sqlite3"
    ReviewStore(path).close()
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), who, "40"]) for who in ("ana", "ben")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    with ReviewStore(path) as s:
        assert len(s.resolutions("shared.txt")) == 80
        assert len(s.signoffs("shared.txt")) == 80
        report = s.verify_audit()
        assert report.ok and report.entries == 161  # and the policy, recorded once


KILLED = textwrap.dedent("""
    import pathlib, sys, time
    from reviewapp.core import load_policy
    from reviewapp.core.decisions import Signer
    from reviewapp.core.keys import create_identity
    from reviewapp.core.store import DraftRef, ReviewStore
    original = ReviewStore._append
    def slow(self, *args):
        entry = original(self, *args)
        if entry.kind == "signoff":
            print("inside", flush=True)   # the audit entry is written; the sign-off row is not yet
            time.sleep(60)
        return entry
    ReviewStore._append = slow
    key = create_identity("Killed Person", None, pathlib.Path(sys.argv[1]).parent / "id.json")
    signer = Signer(key, load_policy())
    with ReviewStore(sys.argv[1]) as store:
        store.sign_off(DraftRef("a.txt", "ab" * 32, 10), signer, "editor", "approve")
""")


@pytest.mark.subprocess
def test_sigkill_in_the_middle_of_a_signoff_leaves_the_database_consistent(tmp_path, people):
    path = tmp_path / "kill.sqlite3"
    with ReviewStore(path) as s:
        _fill(s, people, 3)
    child = subprocess.Popen([sys.executable, "-c", KILLED, str(path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "inside"
    child.kill()  # SIGKILL
    child.wait(timeout=30)
    with ReviewStore(path) as s:
        assert s.verify_audit().ok and s.verify_audit().entries == 5
        assert [x.person for x in s.signoffs("a.txt")] == ["Ana Ruiz"]
        assert len(s.resolutions("a.txt")) == 3
        s.sign_off(DRAFT, people.signer("Next Person"), "editor", "approve")  # and it still works
        assert s.verify_audit().entries == 6


def test_one_connection_per_thread(store):
    import threading

    errors = []

    def other_thread():
        try:
            store.set_setting("x", "y")
        except StoreError as exc:
            errors.append(str(exc))

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert errors and "one thread" in errors[0]


def test_removed_in_an_older_record_does_not_resolve_words_still_there(people):
    """Before "Removed" deleted the words, it could be recorded while they stayed: it counts for nothing."""

    from reviewapp.core.gate import evaluate
    from reviewapp.core.store import DraftRecord, Resolution

    review = REVIEWER.review(load_path_text("- 0 Comments\nThe library opens at nine on weekdays.\n"))
    furniture = next(f for f in review.findings if f.category == "boilerplate")
    old = Resolution(furniture.id, "removed", None, None, "Ana", "2026-01-01", review.draft.sha256)
    gate = evaluate(
        review.findings, review.draft, DraftRecord({furniture.id: old}, [], [], [], []), REVIEWER.policy
    )
    assert furniture in gate.unresolved and furniture.id not in gate.resolutions
    kept = old._replace(status="false_positive")
    gate = evaluate(
        review.findings, review.draft, DraftRecord({furniture.id: kept}, [], [], [], []), REVIEWER.policy
    )
    assert furniture not in gate.unresolved
    assert gate.progress == f"1 of {len(review.findings)} resolved, {len(gate.unresolved)} blocking"


def load_path_text(text):
    from reviewapp.core import load_text

    return load_text(text)


def test_the_same_decision_again_is_recorded_once_unless_the_draft_moved_on(store, people):
    """A retry after a lost answer (the server restarted as it committed) writes nothing twice."""
    ana, lee = people.signer("Ana Ruiz"), people.signer("Lee Park")
    first = store.resolve(DRAFT, finding("cl-1"), "opinion", ana, note="a view")
    again = store.resolve(DRAFT, finding("cl-1"), "opinion", ana, note="a view")
    assert again == first and store.head().entries == 2  # the policy and one resolution
    store.resolve(DRAFT, finding("cl-1"), "opinion", ana, note="another view")  # not the same decision
    assert store.head().entries == 3
    store.resolve(DRAFT, finding("cl-1"), "disputed", lee, note="no source")
    store.resolve(DRAFT, finding("cl-1"), "opinion", ana, note="another view")  # answers Lee's: recorded
    assert store.head().entries == 5
    assert store.resolutions("a.txt")["cl-1"].status == "opinion"
    assert store.verify_audit().ok


def test_db_upgrade_of_a_local_database_says_what_it_did(tmp_path):
    import sqlite_utils

    from reviewapp.core.store.server_admin import upgrade

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    for migration in MIGRATIONS[:3]:
        migration(sqlite_utils.Database(conn))
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    assert upgrade(path) == (3, SCHEMA_VERSION)
    assert upgrade(path) == (SCHEMA_VERSION, SCHEMA_VERSION)


def test_a_decision_taken_back_opens_the_finding_and_the_record_keeps_both(store, data_dir, tmp_path, people):
    """A resolution given by mistake is taken back ("reopened"): nothing is erased from the
    record, and the finding counts as open again, in the gate too."""
    path = tmp_path / "foxconn.txt"
    path.write_text((data_dir / "openai-foxconn.txt").read_text(encoding="utf-8"), encoding="utf-8")
    review = analyse(path)
    ana = people.signer("Ana Ruiz")
    blocking = gate_of(review, store).unresolved
    first, second = blocking[0], blocking[1]
    store.resolve(review.draft, first, "opinion", ana)
    store.resolve(review.draft, second, "disputed", ana)
    assert first not in gate_of(review, store).unresolved
    store.resolve(review.draft, first, "reopened", ana)
    gate = gate_of(review, store)
    assert first in gate.unresolved and first.id not in gate.resolutions
    assert second.id in gate.resolutions
    assert set(store.resolutions(review.draft.key)) == {second.id}
    summaries = [e.summary for e in store.history(review.draft.key) if e.kind == "resolution"]
    assert len(summaries) == 3 and summaries[-1].startswith("Open again by Ana Ruiz: ")
    store.resolve(review.draft, first, "false_positive", ana)  # and decided again
    assert store.resolutions(review.draft.key)[first.id].status == "false_positive"
    assert store.verify_audit().ok
