"""Train the learned scores from the public training splits in ../shared/train.

    python tools/train_models.py [--data DIR]      # writes resources/models/*.json

Logistic regression over the sentence features of reviewapp/core/scoring/
features.py, fitted by stochastic gradient descent with an exact L2 penalty
(the weights are kept as a vector times a scale, so the penalty shrinks all of
them at each step at no cost) and a decaying step, as in Bottou's SGD; it
reaches the regularised optimum that a batch solver finds. Pure Python.
Deterministic: a fixed seed orders the examples, and features are summed in
sorted order, so the same data gives the same weights bit for bit
(tests/tools/test_train_models.py checks it). The penalty of each model was
chosen by 5-fold cross-validation (benchmarks/quality/).

Nothing of the data is copied: the model files hold feature weights (single
words, word pairs, shapes and rule cues seen in at least MIN_DF sentences),
and resources/models/NOTICE names the sources and their licences.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewapp.core.scoring.features import sentence_features  # noqa: E402
from reviewapp.core.scoring.model import LinearModel  # noqa: E402

DATA = ROOT.parent / "shared" / "train"
MODELS = ROOT / "resources" / "models"
SEED = 20261128
MIN_DF = 3  # a feature must occur in this many training sentences: no rare words, no sentence fragments
DECIMALS = 4


@dataclass(frozen=True, slots=True)
class Settings:
    epochs: int = 20
    rate: float = 0.3  # the first step; it decays as 1 / (1 + rate * l2 * t)
    l2: float = 1e-3
    bias_rate: float = 0.1  # the bias moves at this share of the step
    # Each feature's value is how far its naive-Bayes log-count ratio between the two classes is
    # from even (smoothed by this; scaled to a mean of 1), not 1, as in Wang and Manning's
    # NBSVM: the penalty then holds back the features that tell the classes apart least.
    # Cross-validated: uncertain sentences AP 0.651 to 0.665, best F1 0.602 to 0.612; claims the
    # same F1 at higher precision. None: plain features.
    nb_alpha: float | None = 0.5


@dataclass(frozen=True, slots=True)
class Spec:
    """One model: its name, its training file, how to read a sentence's rule cues, its settings."""

    name: str
    file: str
    cues: Callable[[str], Iterable[str]]
    settings: Settings


def claim_cues(text: str) -> Iterable[str]:
    from reviewapp.core.analyzers.claim import sentence_signals

    signals = sentence_signals(text)
    return signals.cues if signals is not None else ()


def uncertainty_cues(text: str) -> Iterable[str]:
    from reviewapp.core.analyzers.lexicon import uncertainty_rule_hits

    return uncertainty_rule_hits(text)


SPECS = {
    "claim": Spec("claim", "claimbuster-train.jsonl", claim_cues, Settings(l2=1e-3)),
    "uncertainty": Spec("uncertainty", "wikiweasel-train.jsonl", uncertainty_cues, Settings(l2=2e-3)),
}


def read_rows(path: Path) -> list[tuple[str, int]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            rows.append((item["text"], int(item["label"])))
    return rows


def featurize(spec: Spec, texts: Sequence[str]) -> list[list[str]]:
    """Each text's features, sorted (so sums run in one order on every machine)."""
    from reviewapp.core.analyzers.context import ParagraphContext
    from reviewapp.core.roles import BODY

    out = []
    for text in texts:
        ctx = ParagraphContext(text, BODY)
        out.append(sorted(sentence_features(ctx.tokens, text, spec.cues(text))))
    return out


def fit(name: str, examples: Sequence[list[str]], labels: Sequence[int], settings: Settings) -> LinearModel:
    """Logistic regression with an L2 penalty over the features seen in MIN_DF examples or more,
    each valued as Settings.nb_alpha says."""
    df = Counter(f for features in examples for f in features)
    vocabulary = {f for f, n in df.items() if n >= MIN_DF}
    rows = [[f for f in features if f in vocabulary] for features in examples]
    vector: dict[str, float] = dict.fromkeys(sorted(vocabulary), 0.0)
    value = _nb_values(vector.keys(), rows, labels, settings.nb_alpha)
    scale, bias, step_count = 1.0, 0.0, 0
    order = list(range(len(rows)))
    shuffle = random.Random(SEED)
    for _ in range(settings.epochs):
        shuffle.shuffle(order)
        for i in order:
            rate = settings.rate / (1 + settings.rate * settings.l2 * step_count)
            step_count += 1
            features = rows[i]
            z = bias
            for f in features:
                z += scale * vector[f] * value[f]
            p = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
            error = p - labels[i]
            scale *= 1 - rate * settings.l2  # the penalty, on every weight at once
            if scale < 1e-9:  # fold the scale in before it underflows
                for f in vector:
                    vector[f] *= scale
                scale = 1.0
            step = rate * error / scale
            for f in features:
                vector[f] -= step * value[f]
            bias -= settings.bias_rate * rate * error
    # A feature's weight times its value is what it adds to a sentence's sum: shipped as one number.
    weights = {f: round(v * scale * value[f], DECIMALS) for f, v in vector.items()}
    return LinearModel(name, round(bias, DECIMALS), {f: w for f, w in weights.items() if w != 0.0})


def _nb_values(
    vocabulary: Iterable[str], rows: Sequence[list[str]], labels: Sequence[int], alpha: float | None
) -> dict[str, float]:
    """Each feature's value (see Settings.nb_alpha), in sorted order so that sums are the same on
    every machine."""
    ordered = sorted(vocabulary)
    if alpha is None:
        return dict.fromkeys(ordered, 1.0)
    positive = Counter(f for features, y in zip(rows, labels, strict=True) if y for f in features)
    negative = Counter(f for features, y in zip(rows, labels, strict=True) if not y for f in features)
    p_total = sum(positive.values()) + alpha * len(ordered)
    n_total = sum(negative.values()) + alpha * len(ordered)
    ratio = [
        abs(math.log(((positive[f] + alpha) / p_total) / ((negative[f] + alpha) / n_total))) for f in ordered
    ]
    mean = math.fsum(ratio) / len(ratio) if ratio else 1.0
    return {f: r / mean for f, r in zip(ordered, ratio, strict=True)}


def train(spec: Spec, data: Path) -> LinearModel:
    rows = read_rows(data / spec.file)
    examples = featurize(spec, [text for text, _ in rows])
    return fit(spec.name, examples, [label for _, label in rows], spec.settings)


def write(model: LinearModel, folder: Path = MODELS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{model.name}.json"
    path.write_text(
        json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train reviewapp's learned scores.")
    parser.add_argument("--data", type=Path, default=DATA, help=f"the training splits (default: {DATA})")
    parser.add_argument("--out", type=Path, default=MODELS)
    parser.add_argument("models", nargs="*", default=list(SPECS))
    args = parser.parse_args(argv)
    for name in args.models:
        model = train(SPECS[name], args.data)
        path = write(model, args.out)
        print(f"{path}: {len(model.weights)} weights, {path.stat().st_size / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
