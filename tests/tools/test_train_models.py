"""Training is deterministic, and the shipped weights are what the public training data gives."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_models  # noqa: E402


def synthetic() -> tuple[list[list[str]], list[int]]:
    """Sentences that are positive exactly when they hold a figure, in several wordings."""
    examples, labels = [], []
    for i in range(60):
        figure = i % 2 == 0
        words = ["w:the", "w:council", f"w:topic{i % 7}", "w:<num>" if figure else "w:plans"]
        examples.append(sorted(words))
        labels.append(int(figure))
    return examples, labels


def test_fitting_is_deterministic_and_learns_the_signal():
    examples, labels = synthetic()
    settings = train_models.Settings(epochs=10)
    first = train_models.fit("t", examples, labels, settings)
    again = train_models.fit("t", examples, labels, settings)
    assert first == again
    assert first.weights["w:<num>"] > 0 > first.weights["w:plans"]
    assert first.score(["w:<num>", "w:the"]) > 0.5 > first.score(["w:plans", "w:the"])


def test_rare_features_are_not_kept():
    examples, labels = synthetic()
    examples[0] = [*examples[0], "w:once-only"]
    model = train_models.fit("t", examples, labels, train_models.Settings(epochs=3))
    assert "w:once-only" not in model.weights  # seen in fewer than MIN_DF sentences


@pytest.mark.slow
@pytest.mark.skipif(
    not train_models.DATA.is_dir(), reason=f"the public training splits are not at {train_models.DATA}"
)
def test_retraining_reproduces_the_shipped_weights_bit_for_bit(tmp_path):
    assert train_models.main(["--out", str(tmp_path)]) == 0
    for name in train_models.SPECS:
        shipped = (train_models.MODELS / f"{name}.json").read_bytes()
        assert (tmp_path / f"{name}.json").read_bytes() == shipped, name
        assert json.loads(shipped)["name"] == name
