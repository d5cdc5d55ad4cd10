"""How long the packaged app takes to start to a shown window.

    bash resources/packaging/build.sh
    python benchmarks/bench_packaged_start.py [APP] [--runs 10]

APP is the packaged executable (default: build/packaging/dist/reviewapp/reviewapp,
or /usr/bin/reviewapp once the .deb is installed). Each run is a whole, cold
process: `APP open --screenshot OUT.png` with no draft shows the window, waits
for its first 50 ms poll, saves a picture of it and quits, so the time is an
upper bound on the time to a shown window. With a draft, the time also covers
loading and analysing it. The development install (`python -m reviewapp`) is
measured beside it for comparison. Uses the platform in QT_QPA_PLATFORM
(offscreen when unset; run under `xvfb-run` with QT_QPA_PLATFORM=xcb for X11).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "tests" / "data" / "openai-foxconn.txt"
TARGET_S = 1.5


def time_start(command: list[str], draft: Path | None, folder: Path) -> float:
    env = {**os.environ, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder), "XDG_DATA_HOME": str(folder)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = [*command, "open", "--db", str(folder / "r.sqlite3"), "--screenshot", str(folder / "w.png")]
    if draft:
        args.append(str(draft))
    started = time.perf_counter()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT / "build" / "packaging" / "dist" / "reviewapp" / "reviewapp"
    parser.add_argument("app", nargs="?", default=str(default), help="the packaged executable")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    if not Path(args.app).is_file():
        print(f"no packaged app at {args.app}: run resources/packaging/build.sh first", file=sys.stderr)
        return 2
    subjects = {"packaged": [args.app], "development": [sys.executable, "-m", "reviewapp"]}
    cases = {"empty window": None, "Foxconn article, analysed": DRAFT}
    times: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for command in subjects.values():  # warm the page cache: later runs are "cold" processes only
            time_start(command, None, Path(tmp))
        for _ in range(args.runs):
            for subject, command in subjects.items():  # interleaved, so machine noise hits both
                for case, draft in cases.items():
                    folder = Path(tempfile.mkdtemp(dir=tmp))
                    times.setdefault((subject, case), []).append(time_start(command, draft, folder))
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, {args.runs} runs each\n")
    print("| app | start to | median s | min s | max s |")
    print("|---|---|---|---|---|")
    for (subject, case), values in times.items():
        median, low, high = statistics.median(values), min(values), max(values)
        print(f"| {subject} | {case} | {median:.3f} | {low:.3f} | {high:.3f} |")
    shown = statistics.median(times[("packaged", "empty window")])
    verdict = "met" if shown < TARGET_S else "NOT met"
    print(f"\nTarget: the packaged app shows its window in under {TARGET_S} s: {verdict} ({shown:.3f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
