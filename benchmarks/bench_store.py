"""The review database with 100,000 signed records: history, status and `audit verify`, cold and warm.

    python benchmarks/bench_store.py [--records 100000]

Fills a fresh database in benchmarks/out/ through the real ReviewStore API
(signed resolutions and sign-offs across 1,000 documents, each an audit
entry; the fill runs with synchronous = NORMAL, as a bulk import would, since
a flush per decision would only time the disk). Then, in fresh connections:
one document's history; the verified record a verdict reads; `audit verify`
(in this process and as the command), and with --every-signature. No anchor
is kept between runs: each verify is a stranger's first. Prints a Markdown
table.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reviewapp.core import Finding, load_policy
from reviewapp.core.decisions import Signer
from reviewapp.core.keys import create_identity
from reviewapp.core.store import DraftRef, ReviewStore
from reviewapp.core.store.anchors import anchors_path

OUT = Path(__file__).resolve().parent / "out"


def fill(path: Path, records: int, documents: int = 1000) -> float:
    policy = load_policy()
    folder = Path(tempfile.mkdtemp())
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    people = [Signer(create_identity(f"Person {i}", None, folder / f"{i}.json"), policy) for i in range(8)]
    start = time.perf_counter()
    with ReviewStore(path) as store:
        store.conn.execute("PRAGMA synchronous = NORMAL")
        for i in range(records):
            draft = DraftRef(f"/news/draft-{i % documents}.txt", f"{i % documents:064x}", 800)
            signer = people[i % len(people)]
            if i % 4 == 3:
                store.sign_off(draft, signer, "author", "approve", comment="ok")
            else:
                finding = Finding(
                    "claim", "claim.figure", "warning", 0, 9, "Some text", "A claim.", id=f"cl-{i:012x}"
                )
                store.resolve(draft, finding, "verified", signer, source_url="https://example.org/source")
    return time.perf_counter() - start


def timed(action, rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    os.environ["REVIEWAPP_HOME"] = tempfile.mkdtemp()  # anchors of this run only
    atexit.register(shutil.rmtree, os.environ["REVIEWAPP_HOME"], ignore_errors=True)
    path = OUT / "bench-store.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    fill_s = fill(path, args.records)
    entries = args.records + 1  # and the policy, recorded once

    def history() -> None:
        with ReviewStore(path) as store:  # a fresh connection, as when the history view opens
            found = store.history("/news/draft-500.txt")
            assert len(found) == args.records // 1000 + 1

    def record() -> None:
        with ReviewStore(path) as store:
            assert store.record("/news/draft-500.txt").verified

    def verify(every_signature: bool) -> None:
        anchors_path().unlink(missing_ok=True)  # as on a machine that never saw this database
        with ReviewStore(path) as store:
            report = store.verify_audit(every_signature=every_signature)
            assert report.ok and report.entries == entries, report

    def verify_command() -> None:
        anchors_path().unlink(missing_ok=True)
        done = subprocess.run(
            [sys.executable, "-m", "reviewapp", "audit", "verify", "--db", str(path)], capture_output=True
        )
        assert done.returncode == 0, done.stderr

    history_s, record_s = timed(history), timed(record)
    verify_s = timed(lambda: verify(False))
    command_s = timed(verify_command, rounds=3)
    every_s = timed(lambda: verify(True), rounds=3)
    print(
        f"{args.records:,} signed records (resolutions and sign-offs, each an audit entry), "
        f"1,000 documents, 8 signers, {os.cpu_count()} CPUs\n"
    )
    print("| measure | median | target |")
    print("|---|---|---|")
    print(f"| fill through the API (signing each) | {fill_s:.1f} s | - |")
    print(f"| one document's history (fresh connection) | {history_s * 1000:.0f} ms | < 100 ms |")
    print(f"| one document's verified record, as a verdict reads it | {record_s * 1000:.0f} ms | - |")
    print(f"| audit verify (every hash, each signer's chain and last signature) | {verify_s:.2f} s | < 2 s |")
    print(f"| `reviewapp audit verify`, whole process | {command_s:.2f} s | < 2 s |")
    print(f"| audit verify --every-signature (each entry's own, on every CPU) | {every_s:.2f} s | - |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
