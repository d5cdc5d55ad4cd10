"""The review record cannot be forged, rolled back or misread: each tamper is found, and the
draft is never "publishable" on a record that does not verify.

Tried as someone with write access to the database file would: plain SQL, with
the append-only triggers dropped where the tamper needs it.
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3

import pytest

from reviewapp.core import load_path, load_policy
from reviewapp.core.document import text_sha256
from reviewapp.core.gate import APPROVED, NOT_VERIFIED
from reviewapp.core.keys import b64
from reviewapp.core.review import Reviewer
from reviewapp.core.store import DraftRef, Head, RecordNotVerifiedError, ReviewStore
from reviewapp.core.store.audit import entry_hash

CLEAN = "Library hours\nThe library opens at nine on weekdays. It feels like it is always busy.\n"


@pytest.fixture
def case(tmp_path, people):
    """A draft with its blocking findings resolved and the editor's approval: publishable."""
    draft = tmp_path / "draft.txt"
    draft.write_text(CLEAN, encoding="utf-8")
    db = tmp_path / "r.sqlite3"
    reviewer = Reviewer(load_policy())
    store = ReviewStore(db)
    review = reviewer.review(load_path(draft), store=store)
    assert review.gate.unresolved  # "It feels like"
    for finding in review.gate.unresolved:
        store.resolve(
            review.draft, finding, "verified", people.signer("Ana Ruiz"), source_url="https://example.org/h"
        )
    store.sign_off(review.draft, people.signer("Carmen Ortiz"), "editor", "approve")
    case = Case(reviewer, store, draft, db, people)
    assert case.gate().publishable and case.gate().approval == APPROVED
    assert store.verify_audit().ok
    yield case
    case.store.close()


@dataclasses.dataclass
class Case:
    reviewer: Reviewer
    store: ReviewStore
    draft: object
    db: object
    people: object

    def gate(self, text_path=None):
        return self.reviewer.review(load_path(text_path or self.draft), store=self.store).gate

    def sql(self, *statements: str, params=()):
        for statement in statements:
            self.store.conn.execute(statement, params)

    def reopen(self):
        """A new process's view (nothing cached): close and open the file again."""
        self.store.close()
        self.store = ReviewStore(self.db)


def refused(gate) -> bool:
    return not gate.publishable and not gate.verified and gate.approval == NOT_VERIFIED


def test_rows_inserted_into_the_tables_are_not_a_record(tmp_path, people):
    """A document, version, resolutions and an approving sign-off by plain INSERT, no trigger touched."""
    draft = tmp_path / "fresh.txt"
    draft.write_text(CLEAN, encoding="utf-8")
    reviewer = Reviewer(load_policy())
    with ReviewStore(tmp_path / "r.sqlite3") as store:
        review = reviewer.review(load_path(draft))
        sha, key = review.draft.sha256, review.draft.key
        store.conn.execute("INSERT INTO documents (key, created) VALUES (?, 'x')", (key,))
        store.conn.execute(
            "INSERT INTO versions (document_id, sha256, words, created) VALUES (1, ?, 8, 'x')", (sha,)
        )
        for finding in review.findings:
            store.conn.execute(
                "INSERT INTO resolutions (document_id, version_id, sha256, finding_id, status, person, at) "
                "VALUES (1, 1, ?, ?, 'opinion', 'Eve', 'x')",
                (sha, finding.id),
            )
        store.conn.execute(
            "INSERT INTO signoffs (document_id, version_id, sha256, person, role, decision, at) "
            "VALUES (1, 1, ?, 'Eve', 'editor', 'approve', 'x')",
            (sha,),
        )
        gate = reviewer.judge(review, store).gate
        assert not gate.publishable and gate.approval != APPROVED  # the tables are not the record
        report = store.verify_audit()
        assert not report.ok and "not in the audit log" in report.reason


def test_a_signoff_moved_to_an_edited_text_is_found(case):
    edited = CLEAN + "It closes at six.\n"
    case.sql("DROP TRIGGER signoffs_no_update")
    case.sql("UPDATE signoffs SET sha256 = ?", params=(text_sha256(edited),))
    case.draft.write_text(edited, encoding="utf-8")
    assert not case.gate().publishable  # the edited text was never approved: the log says so
    report = case.store.verify_audit()
    assert not report.ok and "differs from its audit entry" in report.reason


@pytest.mark.parametrize(
    ("table", "change"),
    [
        ("signoffs", "SET person = 'Mallory'"),
        ("signoffs", "SET decision = 'reject'"),
        ("resolutions", "SET source_url = 'https://forged.example'"),
    ],
)
def test_an_edited_table_row_is_found_and_the_verdict_follows_the_log(case, table, change):
    case.sql(f"DROP TRIGGER {table}_no_update", f"UPDATE {table} {change}")
    assert case.gate().publishable  # the verdict reads the signed log, not the table
    report = case.store.verify_audit()
    assert not report.ok and "differs from its audit entry" in report.reason


@pytest.mark.parametrize(
    "change",
    [
        "SET payload = replace(payload, 'Carmen Ortiz', 'Mallory')",
        "SET payload = replace(payload, '\"approve\"', '\"reject\"')",
    ],
)
def test_an_edited_audit_entry_is_found_and_nothing_is_publishable(case, change):
    case.sql("DROP TRIGGER audit_no_update", f"UPDATE audit {change} WHERE kind = 'signoff'")
    case.reopen()
    assert refused(case.gate())
    assert not case.store.verify_audit().ok


def test_the_last_entry_deleted_is_found_by_the_anchor(case):
    case.sql(
        "DROP TRIGGER audit_no_delete",
        "DROP TRIGGER signoffs_no_delete",
        "DELETE FROM signoffs",
        "DELETE FROM audit WHERE id = (SELECT MAX(id) FROM audit)",
    )
    case.reopen()
    gate = case.gate()
    assert refused(gate) and "went backwards" in gate.reasons[0]
    assert not case.store.verify_audit().ok


def test_a_rejection_deleted_from_the_middle_of_the_log_is_found(case, people):
    """A rejection removed, with later entries after it: the gap (and the broken link) give it away."""
    review = case.reviewer.review(load_path(case.draft))
    case.store.sign_off(review.draft, people.signer("Lee Park"), "editor", "reject", comment="unsourced")
    case.store.resolve(review.draft, review.findings[0], "opinion", people.signer("Ana Ruiz"))
    case.sql(
        "DROP TRIGGER audit_no_delete",
        "DELETE FROM audit WHERE id = (SELECT MAX(id) FROM audit WHERE kind = 'signoff')",
    )
    case.reopen()
    gate = case.gate()
    assert refused(gate) and "missing from the log" in gate.reasons[0]
    assert "deleted" in case.store.verify_audit().reason


def test_a_rejection_moved_to_another_draft_is_found(case, people):
    """Moving legal's rejection off this draft would make it publishable: every entry is re-hashed."""
    review = case.reviewer.review(load_path(case.draft))
    case.store.sign_off(review.draft, people.signer("Lee Park"), "editor", "reject", comment="unsourced")
    case.store.resolve(review.draft, review.findings[0], "opinion", people.signer("Ana Ruiz"))
    case.sql("DROP TRIGGER audit_no_update")
    case.sql("UPDATE audit SET document = 'elsewhere.txt' WHERE payload LIKE '%\"reject\"%'")
    case.reopen()
    gate = case.gate()
    assert refused(gate) and "does not match its hash" in gate.reasons[0]


def test_an_older_copy_put_back_is_found(case, people):
    old = case.db.with_name("before-legal.sqlite3")
    case.store.close()
    shutil.copy(case.db, old)
    case.store = ReviewStore(case.db)
    review = case.reviewer.review(load_path(case.draft))
    case.store.sign_off(
        review.draft, people.signer("Lee Legal"), "fact-checker", "reject", comment="libel risk"
    )
    assert not case.gate().publishable
    case.store.close()
    for suffix in ("", "-wal", "-shm"):  # the older copy over the newer file
        target = case.db.with_name(case.db.name + suffix)
        target.unlink(missing_ok=True)
    shutil.copy(old, case.db)
    case.store = ReviewStore(case.db)
    gate = case.gate()
    assert refused(gate) and "went backwards" in gate.reasons[0]


def test_a_recomputed_chain_fails_its_signatures(case):
    """Flip the approval to a rejection and recompute every hash after it, the signers' links too:
    the signatures give it away."""
    case.sql("DROP TRIGGER audit_no_update")
    rows = case.store.conn.execute(
        "SELECT id, at, kind, document, sha256, payload, key FROM audit ORDER BY id"
    ).fetchall()
    prev, last_of = "0" * 64, {}
    for entry_id, at, kind, document, sha, payload, key in rows:
        if kind == "signoff":
            payload = payload.replace('"approve"', '"reject"')
        signer_prev = last_of.get(key, "0" * 64)
        digest = entry_hash(prev, at, kind, document, sha, payload, key, signer_prev)
        case.sql(
            "UPDATE audit SET payload = ?, prev_hash = ?, hash = ?, signer_prev = ? WHERE id = ?",
            params=(payload, prev, digest, signer_prev, entry_id),
        )
        prev = last_of[key] = digest
    case.reopen()
    gate = case.gate()
    assert refused(gate)
    report = case.store.verify_audit()
    assert not report.ok and any("signature" in p for p in report.problems)


def forge_last_entry_signature(case) -> int:
    """Replace the signature of the last audit entry with one made by another key."""
    entry_id, digest = case.store.conn.execute(
        "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"
    ).fetchone()
    forged = b64(case.people.identity("Mallory").sign(bytes.fromhex(digest)))
    case.sql("DROP TRIGGER audit_no_update")
    case.sql("UPDATE audit SET signature = ? WHERE id = ?", params=(forged, entry_id))
    return entry_id


def test_an_entry_in_someones_name_with_a_bad_signature_is_found_and_not_signed_over(case, people):
    """The signer's next decision would vouch for it, so the app refuses to sign after it."""
    entry_id = forge_last_entry_signature(case)
    case.reopen()
    report = case.store.verify_audit()
    assert not report.ok and f"entry {entry_id}: its signature does not match" in report.problems[0]
    assert refused(case.gate())
    review = case.reviewer.review(load_path(case.draft))
    with pytest.raises(RecordNotVerifiedError, match=f"audit entry {entry_id}"):
        case.store.sign_off(review.draft, people.signer("Carmen Ortiz"), "editor", "approve")


def test_one_signature_vouches_for_the_signers_earlier_entries(case, people):
    """A bad signature on an earlier entry is covered by the signer's later signed entry that links to it:
    the default verify and the verdict agree; --every-signature names it."""
    review = case.reviewer.review(load_path(case.draft))
    case.store.sign_off(review.draft, people.signer("Carmen Ortiz"), "editor", "withdraw")
    case.store.sign_off(review.draft, people.signer("Carmen Ortiz"), "editor", "approve")
    earlier = case.store.conn.execute("SELECT MAX(id) - 1 FROM audit").fetchone()[0]
    digest = case.store.conn.execute("SELECT hash FROM audit WHERE id = ?", (earlier,)).fetchone()[0]
    case.sql("DROP TRIGGER audit_no_update")
    case.sql(
        "UPDATE audit SET signature = ? WHERE id = ?",
        params=(b64(people.identity("Mallory").sign(bytes.fromhex(digest))), earlier),
    )
    case.reopen()
    assert case.store.verify_audit().ok
    assert case.gate().publishable
    report = case.store.verify_audit(every_signature=True)
    assert not report.ok and report.problems == (
        f"entry {earlier}: its signature does not match its content",
    )


def test_an_entry_cut_out_of_a_signers_chain_is_found(case, people):
    """Relinking an entry to another of the signer's entries breaks the signer's chain."""
    case.sql("DROP TRIGGER audit_no_update")
    entry_id = case.store.conn.execute("SELECT MAX(id) FROM audit WHERE kind = 'resolution'").fetchone()[0]
    case.sql("UPDATE audit SET signer_prev = ? WHERE id = ?", params=("0" * 64, entry_id))
    case.reopen()
    report = case.store.verify_audit()
    assert not report.ok and any(f"entry {entry_id}: its link to its signer" in p for p in report.problems)


def test_an_approval_forged_with_another_key_is_found(case, people):
    """Without a keyring: a new key signing in the editor's name is caught (the name had another key)."""
    review = case.reviewer.review(load_path(case.draft))
    forger = people.signer("Mallory")._replace(
        identity=people.identity("Mallory")._replace(name="Carmen Ortiz")
    )
    case.store.sign_off(review.draft, forger, "editor", "approve")
    gate = case.gate()
    assert refused(gate) and "another key" in gate.reasons[0]


def test_a_record_that_verifies_still_publishes_after_reopening(case):
    case.reopen()
    assert case.gate().publishable


# --- separation of duties ----------------------------------------------------


@pytest.fixture
def three_roles(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text('[signoff]\nrequired_roles = ["fact-checker", "editor"]\noverride_roles = ["editor"]\n')
    return load_policy(path)


def resolved(reviewer, store, draft, people):
    review = reviewer.review(load_path(draft), store=store)
    for finding in review.gate.unresolved:
        store.resolve(review.draft, finding, "opinion", people.signer("Ana Ruiz", reviewer.policy))
    return review


def test_one_person_cannot_fill_two_required_roles(tmp_path, people, three_roles):
    draft = tmp_path / "d.txt"
    draft.write_text(CLEAN, encoding="utf-8")
    reviewer = Reviewer(three_roles)
    with ReviewStore(tmp_path / "r.sqlite3") as store:
        review = resolved(reviewer, store, draft, people)
        ana = people.signer("Carmen Ortiz", three_roles)
        store.sign_off(review.draft, ana, "fact-checker", "approve")
        store.sign_off(review.draft, ana, "editor", "approve")
        gate = reviewer.judge(review, store).gate
        assert not gate.publishable and any("needs a different person" in r for r in gate.reasons)
        store.sign_off(review.draft, people.signer("Bo Lindqvist", three_roles), "editor", "approve")
        assert reviewer.judge(review, store).gate.publishable


def test_a_rejection_stands_until_withdrawn_or_overridden(tmp_path, people, three_roles):
    draft = tmp_path / "d.txt"
    draft.write_text(CLEAN, encoding="utf-8")
    reviewer = Reviewer(three_roles)
    with ReviewStore(tmp_path / "r.sqlite3") as store:
        review = resolved(reviewer, store, draft, people)
        checker, editor = people.signer("Fay Checker", three_roles), people.signer("Ed Itor", three_roles)
        store.sign_off(review.draft, checker, "fact-checker", "reject", comment="figure unsourced")
        store.sign_off(review.draft, editor, "editor", "approve")
        gate = reviewer.judge(review, store).gate
        assert not gate.publishable
        assert "the fact-checker (Fay Checker) rejected this text: figure unsourced" in gate.reasons
        store.sign_off(review.draft, checker, "fact-checker", "withdraw")
        gate = reviewer.judge(review, store).gate
        assert not gate.publishable and gate.reasons == [
            "no approval by the fact-checker for this exact text"
        ]
        store.sign_off(review.draft, checker, "fact-checker", "reject", comment="again")
        with pytest.raises(Exception, match="needs a reason"):
            store.sign_off(review.draft, editor, "editor", "override")
        store.sign_off(review.draft, editor, "editor", "override", comment="source confirmed by phone")
        gate = reviewer.judge(review, store).gate
        assert not any("rejected" in r for r in gate.reasons)


def test_a_first_signoff_is_not_taken_for_a_changed_text(tmp_path, people):
    draft = tmp_path / "d.txt"
    draft.write_text(CLEAN, encoding="utf-8")
    reviewer = Reviewer(load_policy())
    with ReviewStore(tmp_path / "new.sqlite3") as store:
        review = reviewer.review(load_path(draft))
        store.sign_off(review.draft, people.signer("Ana Ruiz"), "author", "approve")
        gate = reviewer.judge(review, store).gate
        assert gate.approval == "not approved"
        assert not any("changed since" in r for r in gate.reasons)


def test_the_policy_of_the_approvals_judges_not_a_laxer_one_given_later(case, tmp_path):
    lax = tmp_path / "lax.toml"
    lax.write_text('[signoff]\nrequired_roles = []\nblock_unresolved_at = "error"\n')
    edited = CLEAN + "Prices might rise 40% next year.\n"
    case.draft.write_text(edited, encoding="utf-8")  # no approval of this text
    lax_reviewer = Reviewer(load_policy(lax))
    gate = lax_reviewer.review(load_path(case.draft), store=case.store).gate
    assert not gate.publishable  # judged by the house policy recorded with the decisions
    assert any("judged by the policy the decisions were made under" in n for n in gate.notes)


# --- the house keyring ---------------------------------------------------------


@pytest.fixture
def keyring_policy(tmp_path, people):
    from reviewapp.core.keyring import sign_keyring

    admin = people.identity("Admin Istrator")
    editor = people.identity("Ed Itor")
    keyring = tmp_path / "keyring.toml"
    ana = people.identity("Ana Ruiz")
    keyring.write_text(
        f'[[person]]\nname = "Ed Itor"\nkey = "{b64(editor.public_key)}"\nroles = ["editor"]\n'
        f'[[person]]\nname = "Ana Ruiz"\nkey = "{b64(ana.public_key)}"\nroles = ["author"]\n'
    )
    sign_keyring(keyring, admin)
    policy = tmp_path / "policy.toml"
    policy.write_text(f'[signoff]\nkeyring = "keyring.toml"\nadmin_key = "{b64(admin.public_key)}"\n')
    return policy, keyring


def test_the_keyring_says_who_may_sign_in_which_role(tmp_path, people, keyring_policy):
    from reviewapp.core.decisions import DecisionError

    policy = load_policy(keyring_policy[0])
    draft = DraftRef("a.txt", "ab" * 32, 10)
    with ReviewStore(tmp_path / "r.sqlite3") as store:
        store.sign_off(draft, people.signer("Ed Itor", policy), "editor", "approve")
        with pytest.raises(DecisionError, match="may not sign as editor"):
            store.sign_off(draft, people.signer("Ana Ruiz", policy), "editor", "approve")
        with pytest.raises(DecisionError, match="not in the house keyring"):
            store.sign_off(draft, people.signer("Mallory", policy), "author", "approve")
        # A signature by an unknown key written straight into the file is flagged.
        store.sign_off(draft, people.signer("Mallory"), "editor", "approve")  # under a policy with no keyring
        report = store.verify_audit(policy.keyring)
        assert not report.ok and any("not in the house keyring" in p for p in report.problems)
        record = store.record("a.txt", policy.keyring)
        assert [s.person for s in record.signoffs] == ["Ed Itor"] and record.problems


def test_a_keyring_changed_after_signing_is_refused(keyring_policy):
    from reviewapp.core import PolicyError

    policy, keyring = keyring_policy
    keyring.write_text(keyring.read_text().replace('roles = ["author"]', 'roles = ["author", "editor"]'))
    with pytest.raises(PolicyError, match="does not match its content"):
        load_policy(policy)


# --- anchors: the head, kept elsewhere ---------------------------------------------


def test_verify_against_an_expected_head(case, people):
    head = case.store.head()
    assert case.store.verify_audit(expect=head).ok
    assert str(Head.parse(str(head))) == str(head)
    review = case.reviewer.review(load_path(case.draft))
    case.store.sign_off(review.draft, people.signer("Ana Ruiz"), "author", "approve")
    assert case.store.verify_audit(expect=head).ok  # later entries are fine
    wrong = Head(head.entries, "f" * 64)
    report = case.store.verify_audit(expect=wrong)
    assert not report.ok and "rewritten" in report.reason
    ahead = Head(head.entries + 5, head.hash)
    assert "went backwards" in case.store.verify_audit(expect=ahead).reason


def test_legacy_unsigned_decisions_do_not_count_but_do_not_condemn(tmp_path, people):
    """Decisions from before signing (schema 2) are listed, not counted, and no tampering."""
    from reviewapp.core.store.audit import payload_json

    with ReviewStore(tmp_path / "r.sqlite3") as store:
        payload = payload_json(
            {"person": "Old Timer", "role": "editor", "decision": "approve", "comment": None}
        )
        digest = entry_hash(
            "0" * 64, "2026-01-01T00:00:00+00:00", "signoff", "a.txt", "ab" * 32, payload, None, None
        )
        store.conn.execute(
            "INSERT INTO audit (at, kind, document, sha256, payload, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            ("2026-01-01T00:00:00+00:00", "signoff", "a.txt", "ab" * 32, payload, "0" * 64, digest),
        )
        record = store.record("a.txt")
        assert record.verified and record.signoffs == [] and "before decisions were signed" in record.notes[0]


def test_a_damaged_database_is_one_clear_error(tmp_path, people):
    from reviewapp.core.store import DamagedStoreError

    path = tmp_path / "r.sqlite3"
    with ReviewStore(path) as store:
        for i in range(30):
            store.sign_off(
                DraftRef(f"d{i}.txt", "ab" * 32, 10), people.signer("Ana Ruiz"), "author", "approve"
            )
    raw = bytearray(path.read_bytes())
    page = 4096
    raw[page:] = b"\xde\xad" * ((len(raw) - page) // 2)  # every page of the tables, overwritten
    path.write_bytes(bytes(raw))
    with pytest.raises(DamagedStoreError, match="damaged"), ReviewStore(path) as store:
        store.verify_audit()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("PRAGMA integrity_check").fetchall()
