"""Exporting the review report of a 100,000-word draft in each format.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_report.py [--words 100000]

The draft is the Foxconn article repeated (about 9,000 findings). The report
model is gathered once from a fresh database (with one resolution per 20
findings), then each format is rendered and written to benchmarks/out/,
timed as a whole (build + render + write), median of 3. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import atexit
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reviewapp.core import load_path, load_policy
from reviewapp.core.decisions import Signer
from reviewapp.core.keys import create_identity
from reviewapp.core.report import REPORT_FORMATS, build_report
from reviewapp.core.review import Reviewer
from reviewapp.core.store import ReviewStore

OUT = Path(__file__).resolve().parent / "out"
ARTICLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "openai-foxconn.txt"
TARGETS = {"html": 1.0, "md": 1.0, "json": 1.0, "pdf": 5.0}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    article = ARTICLE.read_text(encoding="utf-8")
    path = OUT / f"report-draft-{args.words}.txt"
    path.write_text("\n".join([article] * (-(-args.words // len(article.split())))), encoding="utf-8")
    policy = load_policy()
    reviewer = Reviewer(policy)
    review = reviewer.review(load_path(path))
    db = OUT / "bench-report.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = ReviewStore(db)
    keys = Path(tempfile.mkdtemp())
    atexit.register(shutil.rmtree, keys, ignore_errors=True)
    signer = Signer(create_identity("Bench Mark", None, keys / "key.json"), policy)
    store.resolve_all(review.draft, review.findings[::20], "false_positive", signer)
    print(f"{review.document.words:,} words, {len(review.findings):,} findings\n")
    print("| format | build + render + write (median) | output | target |")
    print("|---|---|---|---|")
    failed = False
    for fmt, target in TARGETS.items():
        out = OUT / f"report-{args.words}.{fmt}"
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            report = build_report(reviewer.judge(review, store), store, policy)
            written = REPORT_FORMATS[fmt].write(report, out)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        size = out.stat().st_size / 1e6
        extra = f", {written[0].detail}" if written[0].detail else ""
        print(f"| {fmt} | {median:.2f} s | {size:.1f} MB{extra} | < {target:.0f} s |")
        failed = failed or median >= target
    store.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
