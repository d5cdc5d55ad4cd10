"""`reviewapp check --format json` against proselint and write-good on a 90,000-word text.

Each tool runs as a whole, cold process (nothing cached between runs), in
turn, several rounds; wall time is the median and peak memory the largest
resident set of the process tree (wait4's ru_maxrss).

    python benchmarks/bench_check.py [--rounds 5]

reviewapp is measured as users run it: installed from this working tree into
its own virtual environment (benchmarks/out/venv), as `pip install` does,
with its bytecode written; like proselint, installed by pip. The editable
development install is measured too: it has an import hook, and where
PYTHONDONTWRITEBYTECODE is set (as on the development machine) no bytecode
either, so it compiles every module on each run.

Needs proselint (pip) and write-good (npm; installed under benchmarks/out/ on
first run). Prints a Markdown table and writes benchmarks/out/check.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
ROOT = HERE.parent
ARTICLE = ROOT / "tests" / "data" / "openai-foxconn.txt"
TARGET_WORDS = 90_000
OURS = "reviewapp check --format json"


def build_text() -> Path:
    article = ARTICLE.read_text(encoding="utf-8")
    copies = -(-TARGET_WORDS // len(article.split()))
    path = OUT / "foxconn-90k.txt"
    path.write_text("\n\n".join([article] * copies), encoding="utf-8")
    return path


def write_good() -> list[str] | None:
    binary = OUT / "node" / "node_modules" / ".bin" / "write-good"
    if not binary.exists() and shutil.which("npm"):
        subprocess.run(
            ["npm", "install", "--silent", "--prefix", str(OUT / "node"), "write-good@1.0.8"],
            check=False,
            capture_output=True,
        )
    return [str(binary)] if binary.exists() else None


def installed_reviewapp() -> Path:
    """reviewapp installed (not editable) from this working tree; its command."""
    venv = OUT / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)
    else:  # a dependency added since (left out, reviewapp fails), then this tree's code afresh
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(ROOT)],
            check=True,
        )
    return venv / "bin" / "reviewapp"


def measure(command: list[str]) -> tuple[float, int]:
    """Wall time and peak memory of one run; a run that printed no findings is a failure, not a time
    (proselint without its google-re2 once gave 0.06 s: a traceback, timed)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err)
        _, _, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if out.tell() == 0:
            err.seek(0)
            lines = err.read().decode(errors="replace").strip().splitlines() or ["no output"]
            raise SystemExit(f"{command[0]} printed no findings: {lines[-1]}")
    return seconds, usage.ru_maxrss // 1024  # MB


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    text = build_text()
    words = len(text.read_text(encoding="utf-8").split())
    bindir = Path(sys.executable).parent
    check = ["check", "--format", "json", str(text)]
    tools: dict[str, list[str]] = {
        OURS: [str(installed_reviewapp()), *check],
        "reviewapp, editable dev install": [str(bindir / "reviewapp"), *check],
    }
    if (bindir / "proselint").exists():
        tools["proselint check"] = [str(bindir / "proselint"), "check", str(text)]
    wg = write_good()
    if wg:
        tools["write-good"] = [*wg, str(text)]
    times: dict[str, list[float]] = {name: [] for name in tools}
    memory: dict[str, int] = dict.fromkeys(tools, 0)
    names = list(tools)
    for round_number in range(args.rounds):
        # In turn, so load on the machine hits all alike; each round starting one tool later, so none
        # always runs right after write-good's Node process (the installed reviewapp, always next,
        # took 0.37-0.40 s where it takes 0.35-0.36 s in turn with the others).
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            command = tools[name]
            seconds, mb = measure(command)
            times[name].append(seconds)
            memory[name] = max(memory[name], mb)
    ours = statistics.median(times[OURS])
    results = {
        name: {
            "median_s": round(statistics.median(t), 3),
            "min_s": round(min(t), 3),
            "peak_mb": memory[name],
            "times_ours": round(statistics.median(t) / ours, 2),
        }
        for name, t in times.items()
    }
    report = {"words": words, "rounds": args.rounds, "cpus": os.cpu_count(), "results": results}
    (OUT / "check.json").write_text(json.dumps(report, indent=2))
    print(f"{words} words, {args.rounds} rounds, {os.cpu_count()} CPUs\n")
    print("| tool | median s | min s | peak MB | its time / reviewapp's |")
    print("|---|---|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {r['median_s']} | {r['min_s']} | {r['peak_mb']} | {r['times_ours']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
