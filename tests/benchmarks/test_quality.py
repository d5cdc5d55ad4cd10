"""The quality benchmark (benchmarks/quality/run.py) on a small sample of made-up sentences."""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "benchmarks" / "quality"))

import run  # noqa: E402

PLACES = ["the library", "the bridge", "the harbour", "the depot", "the school", "the clinic"]


def sample(folder: Path) -> None:
    """Sentences written for this test (never the training data), labelled as the sets are."""
    claims, uncertain = [], []
    for i in range(40):
        place = PLACES[i % len(PLACES)]
        claims.append({"text": f"The council spent {i + 2} million euros on {place} in 2019.", "label": 1})
        claims.append({"text": f"Thank you all for coming to {place} tonight.", "label": 0})
        uncertain.append({"text": f"Some critics say {place} is widely considered unsafe.", "label": 1})
        uncertain.append(
            {"text": f"{place.capitalize()} opened in {1900 + i} with {i + 3} rooms.", "label": 0}
        )
    for name, rows in (("claimbuster-train.jsonl", claims), ("wikiweasel-train.jsonl", uncertain)):
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_the_benchmark_runs_and_measures(tmp_path):
    sample(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run.main(["--data", str(tmp_path), "--folds", "2", "--corpus", str(tmp_path / "none")]) == 0
    text = out.getvalue()
    rows = [
        line
        for line in text.splitlines()
        if line.startswith("| check-worthy") or line.startswith("| uncertain")
    ]
    assert len(rows) == 6
    numbers = [float(n) for line in rows for n in re.findall(r"\b[01]\.\d+\b", line)]
    assert numbers and all(0 <= n <= 1 for n in numbers)
    # Sentences this plain are told apart by the score trained on the other fold.
    shipped = next(line for line in rows if line.startswith("| uncertain sentences | score alone"))
    assert float(shipped.split("|")[-2]) > 0.9  # average precision
    assert "no shared corpus" in text


def test_measures_weigh_positives_to_a_share():
    labels = [1, 0, 0, 0]
    flags = [True, True, False, False]
    plain = run.measure(labels, flags)
    balanced = run.measure(labels, flags, 0.5)
    assert (plain.precision, plain.recall) == (0.5, 1.0)
    assert balanced.precision == 0.75  # the one positive weighs as much as the three negatives
    assert run.average_precision([1, 0, 1], [0.9, 0.8, 0.1]) == (1 + 2 / 3) / 2
