"""A record of every finding reviewapp makes on the shared corpus and the 90,000-word text.

Restructuring and speed work must not change what the tool finds; detection
work changes it on purpose. So the record is compared in a test
(tests/core/test_findings_record.py), and rewritten, after a deliberate change,
with:

    .venv/bin/python tests/findings_record.py --write

Small drafts are recorded finding by finding (so a difference shows where it
is); the long text by a digest of all its findings and their count.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
RECORD = HERE / "records" / "findings.json"
LONG_WORDS = 90_000


def long_text() -> str:
    """The benchmark text: the Foxconn article repeated to 90,000 words (benchmarks/bench_check.py)."""
    article = (DATA / "openai-foxconn.txt").read_text(encoding="utf-8")
    copies = -(-LONG_WORDS // len(article.split()))
    return "\n\n".join([article] * copies)


def inputs() -> dict[str, str]:
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(DATA.glob("*.txt"))}
    texts["foxconn-90k.txt"] = long_text()
    return texts


def findings_json(text: str) -> list[dict]:
    from reviewapp.core import Analyzer, load_text

    return [f.to_json() for f in Analyzer().analyze(load_text(text)).findings]


def record() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for name, text in inputs().items():
        found = findings_json(text)
        canonical = json.dumps(found, sort_keys=True, ensure_ascii=False).encode("utf-8")
        entry: dict = {"count": len(found), "digest": hashlib.sha256(canonical).hexdigest()}
        if len(text) < 50_000:
            entry["findings"] = [
                [f["id"], f["rule"], f["severity"], f["start"], f["end"], f["message"]] for f in found
            ]
        out[name] = entry
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write", action="store_true", help="rewrite the record from what the code finds now"
    )
    args = parser.parse_args()
    now = record()
    if args.write:
        RECORD.write_text(json.dumps(now, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {RECORD}: " + ", ".join(f"{k} {v['count']}" for k, v in now.items()))
        return 0
    same = json.loads(RECORD.read_text(encoding="utf-8")) == now
    print("findings unchanged" if same else "findings differ from the record")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
