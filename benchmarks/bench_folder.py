"""`reviewapp check` on a folder of 1,000 drafts against proselint on the same folder.

    python benchmarks/bench_folder.py [--drafts 1000] [--rounds 3]

The drafts are the shared corpus and the tests' drafts, and variants of them
made with a fixed seed (paragraphs dropped, repeated and reordered, so no two
drafts are the same text): about 500,000 words in all, written to
benchmarks/out/folder/. Each tool runs as one whole process over the folder,
in turn, for several rounds; /usr/bin/time gives wall time and peak memory.
reviewapp is installed from this tree as bench_check.py installs it (benchmarks/out/venv).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out"
SOURCES = [
    *sorted((ROOT.parent / "shared" / "corpus").glob("*.txt")),
    *sorted((ROOT / "tests" / "data").glob("*.txt")),
]


def make_folder(count: int) -> tuple[Path, int]:
    folder = OUT / "folder"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(20261129)
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    words = 0
    for i in range(count):
        title, *body = [p for p in rng.choice(texts).split("\n") if p.strip()]
        body += [p for p in rng.choice(texts).split("\n")[1:] if p.strip()]  # and another's body
        body = [p for p in body if rng.random() > 0.15] or body
        body += rng.sample(body, k=min(len(body), rng.randint(0, 3)))
        rng.shuffle(body)
        text = f"{title} ({i})\n" + "\n".join(body) + "\n"
        words += len(text.split())
        (folder / f"draft-{i:04}.txt").write_text(text, encoding="utf-8")
    return folder, words


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak MB of one run; a run that printed no findings is a failure, not a time."""
    done = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], capture_output=True, text=True)
    *messages, timing = done.stderr.strip().splitlines()
    if not done.stdout:
        raise SystemExit(f"{command[0]} printed no findings: {(messages or ['no output'])[-1]}")
    seconds, kilobytes = timing.split()
    return float(seconds), int(kilobytes) / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_check import installed_reviewapp

    reviewapp = installed_reviewapp()  # this working tree, installed as a user installs it
    proselint = Path(sys.executable).parent / "proselint"
    if not proselint.exists():
        print("pip install proselint first", file=sys.stderr)
        return 2
    folder, words = make_folder(args.drafts)
    tools = {
        "reviewapp check --format json": [str(reviewapp), "check", "--format", "json", str(folder)],
        "proselint check": [str(proselint), "check", str(folder)],
    }
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in tools}
    for _ in range(args.rounds):
        for name, command in tools.items():
            results[name].append(measure(command))
    base = statistics.median(s for s, _ in results["reviewapp check --format json"])
    print(f"{args.drafts:,} drafts, {words:,} words, {args.rounds} rounds\n")
    print("| tool | median s | min s | peak MB | its time / reviewapp's |")
    print("|---|---|---|---|---|")
    for name, runs in results.items():
        median = statistics.median(s for s, _ in runs)
        peak = max(m for _, m in runs)
        print(f"| {name} | {median:.2f} | {min(s for s, _ in runs):.2f} | {peak:.0f} | {median / base:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
