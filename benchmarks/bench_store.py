"""The review database with 100,000 records: history of one document and `audit verify`.

    python benchmarks/bench_store.py [--records 100000]

Fills a fresh database in benchmarks/out/ through the real ReviewStore API
(resolutions and sign-offs across 1,000 documents, every one an audit entry),
then times, in fresh connections, opening one document's history and
verifying the whole audit chain. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from reviewapp.core import Finding
from reviewapp.core.store import DraftRef, ReviewStore

OUT = Path(__file__).resolve().parent / "out"


def fill(path: Path, records: int, documents: int = 1000) -> float:
    start = time.perf_counter()
    with ReviewStore(path) as store:
        for i in range(records):
            draft = DraftRef(f"/news/draft-{i % documents}.txt", f"{i % documents:064x}", 800)
            if i % 4 == 3:
                store.sign_off(draft, "Ana Ruiz", "editor", "approve", comment="ok")
            else:
                finding = Finding(
                    "claim", "claim.figure", "warning", 0, 9, "Some text", "A claim.", id=f"cl-{i:012x}"
                )
                store.resolve(draft, finding, "verified", "Ana Ruiz", source_url="https://example.org/source")
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
    path = OUT / "bench-store.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    fill_s = fill(path, args.records)

    def history() -> None:
        with ReviewStore(path) as store:  # a fresh connection, as when the history view opens
            entries = store.history("/news/draft-500.txt")
            assert len(entries) == args.records // 1000 + 1

    def verify() -> None:
        with ReviewStore(path) as store:
            report = store.verify_audit()
            assert report.ok and report.entries == args.records

    history_s, verify_s = timed(history), timed(verify)
    print(f"{args.records} records (resolutions and sign-offs, each an audit entry), 1,000 documents\n")
    print("| measure | median | target |")
    print("|---|---|---|")
    print(f"| fill through the API | {fill_s:.1f} s | - |")
    print(f"| open one document's history (fresh connection) | {history_s * 1000:.1f} ms | < 100 ms |")
    print(f"| audit verify, whole chain | {verify_s:.2f} s | < 2 s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
