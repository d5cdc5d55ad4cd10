"""The team record on a PostgreSQL server at scale: 1,000,000 decisions over 10,000 drafts.

    python benchmarks/bench_server.py [--decisions 1000000] [--drafts 10000] [--url postgresql://...]

Without --url, a server of its own is started on 127.0.0.1 (tests/pg_server.py,
from Debian's postgresql package) and stopped at the end. The record is made
as the store makes it (the same hash chain, each entry signed by one of eight
signers with the real keys, the same index tables), but written with COPY:
through the API a million signed decisions take hours, which would time
the filling, not the record. Then, as the issue asks: one draft's history in
a fresh connection; `reviewapp status` of a draft, whole process; `reviewapp
audit verify`, whole process. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from reviewapp.core import load_policy  # noqa: E402
from reviewapp.core.keys import b64, create_identity  # noqa: E402
from reviewapp.core.store.audit import GENESIS, entry_hash, payload_json  # noqa: E402
from reviewapp.core.store.locations import open_store  # noqa: E402
from reviewapp.core.store.server_admin import init_server  # noqa: E402

DRAFT_TEXT = "Library hours\nThe library opens at nine on weekdays.\n"


def fill(url: str, decisions: int, drafts: int, folder: Path) -> tuple[float, Path]:
    """The record, entry by entry as the store writes it; the draft file of draft 0 (for status)."""
    import psycopg

    policy = load_policy()
    people = [create_identity(f"Person {i}", None, folder / f"{i}.json") for i in range(8)]
    keys = [b64(p.public_key) for p in people]
    draft_file = folder / "draft-0.txt"
    draft_file.write_text(DRAFT_TEXT, encoding="utf-8")
    sha0 = hashlib.sha256(DRAFT_TEXT.encode()).hexdigest()
    names = [str(draft_file.resolve())] + [f"/news/draft-{d}.txt" for d in range(1, drafts)]
    shas = [sha0] + [f"{d:064x}" for d in range(1, drafts)]
    start = time.perf_counter()
    audit: list[tuple] = []
    resolutions: list[tuple] = []
    signoffs: list[tuple] = []
    last_of: dict[str, str] = {}
    prev = GENESIS

    def append(kind: str, document: str | None, sha: str, payload: dict, signer: int) -> int:
        nonlocal prev
        entry_id = len(audit) + 1
        at = f"2026-11-29T00:00:00.{entry_id:06d}+00:00"
        text, key = payload_json(payload), keys[signer]
        signer_prev = last_of.get(key, GENESIS)
        digest = entry_hash(prev, at, kind, document, sha, text, key, signer_prev)
        signature = b64(people[signer].sign(bytes.fromhex(digest)))
        audit.append((entry_id, at, kind, document, sha, text, prev, digest, key, signature, signer_prev))
        prev, last_of[key] = digest, digest
        return entry_id

    append("policy", None, policy.fingerprint, policy.raw, 0)
    for i in range(decisions):
        d, signer = i % drafts, i % 8
        common = {"words": 8, "title": "Library hours", "policy": policy.fingerprint}
        person = f"Person {signer}"
        if i % 4 == 3:
            payload = {"person": person, "role": "author", "decision": "approve", "comment": "ok", **common}
            entry_id = append("signoff", names[d], shas[d], payload, signer)
            signoffs.append(
                (
                    len(signoffs) + 1,
                    d + 1,
                    d + 1,
                    shas[d],
                    person,
                    "author",
                    "approve",
                    "ok",
                    audit[-1][1],
                    entry_id,
                )
            )
        else:
            finding = f"cl-{i:012x}"
            payload = {
                "finding_id": finding,
                "status": "verified",
                "note": None,
                "source_url": "https://example.org/source",
                "person": person,
                "rule": "claim.figure",
                "text": "Some text",
                **common,
            }
            entry_id = append("resolution", names[d], shas[d], payload, signer)
            resolutions.append(
                (
                    len(resolutions) + 1,
                    d + 1,
                    d + 1,
                    shas[d],
                    finding,
                    "claim.figure",
                    "Some text",
                    "verified",
                    None,
                    "https://example.org/source",
                    person,
                    audit[-1][1],
                    entry_id,
                )
            )
    tables: dict[str, tuple[str, list[tuple]]] = {
        "documents": (
            "id, key, title, created",
            [(d + 1, names[d], "Library hours", "x") for d in range(drafts)],
        ),
        "versions": (
            "id, document_id, sha256, words, created",
            [(d + 1, d + 1, shas[d], 8, "x") for d in range(drafts)],
        ),
        "audit": (
            "id, at, kind, document, sha256, payload, prev_hash, hash, key, signature, signer_prev",
            audit,
        ),
        "resolutions": (
            "id, document_id, version_id, sha256, finding_id, rule, text, status, note, source_url, "
            "person, at, audit_id",
            resolutions,
        ),
        "signoffs": (
            "id, document_id, version_id, sha256, person, role, decision, comment, at, audit_id",
            signoffs,
        ),
    }
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET search_path TO reviewapp")
        for table, (columns, rows) in tables.items():
            with conn.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        for table in ("documents", "versions", "resolutions", "signoffs"):
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            )
        conn.execute("ANALYZE")
    return time.perf_counter() - start, draft_file


def timed(action, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def shown(times: list[float], unit: str = "ms") -> str:
    if unit == "ms":
        return f"{statistics.median(times) * 1000:.0f} ms ({min(times) * 1000:.0f}–{max(times) * 1000:.0f})"
    return f"{statistics.median(times):.2f} s ({min(times):.2f}–{max(times):.2f})"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--decisions", type=int, default=1_000_000)
    parser.add_argument("--drafts", type=int, default=10_000)
    parser.add_argument("--url", help="a server set up with `reviewapp db init-server` (default: start one)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-server-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["REVIEWAPP_HOME"] = str(folder / "home")  # anchors and keys of this run only
    server = None
    url = args.url
    if url is None:
        from pg_server import start_server

        server = start_server()
        url = server.url()
        init_server(url)
    try:
        fill_s, draft = fill(url, args.decisions, args.drafts, folder)

        def history() -> None:
            with open_store(url) as store:  # a fresh connection, as when the history view opens
                assert len(store.history(str(draft.resolve()))) == args.decisions // args.drafts + 1

        def command(*words: str) -> None:
            done = subprocess.run(
                [sys.executable, "-m", "reviewapp", *words, "--db", url], capture_output=True, text=True
            )
            assert done.returncode in (0, 1), done.stderr

        history_t = timed(history, 7)
        status_t = timed(lambda: command("status", str(draft)), 5)
        verify_t = timed(lambda: command("audit", "verify"), 3)
    finally:
        if server is not None:
            server.remove()
    print(
        f"{args.decisions:,} signed decisions over {args.drafts:,} drafts, 8 signers, PostgreSQL,"
        f" {os.cpu_count()} CPUs; filled in {fill_s:.0f} s\n"
    )
    print("| measure | median (min–max) | target |")
    print("|---|---|---|")
    print(f"| one draft's history, fresh connection | {shown(history_t)} | < 50 ms |")
    print(f"| `reviewapp status DRAFT --db URL`, whole process | {shown(status_t)} | < 100 ms |")
    print(f"| `reviewapp audit verify --db URL`, whole process | {shown(verify_t, 's')} | < 30 s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
