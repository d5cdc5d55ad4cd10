"""A linear model over sentence features: a score from 0 to 1, and the features that drove it."""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple

from ..errors import ReviewAppError
from ..kept import KeptTable, content_key
from ..resources import resource_path

MODEL_FORMAT = 1


class ModelError(ReviewAppError):
    """A shipped model file is missing or damaged (reinstall reviewapp)."""


class LinearModel(NamedTuple):
    """Logistic regression: score = 1 / (1 + e^-(bias + sum of the weights of the features present))."""

    name: str
    bias: float
    weights: dict[str, float]

    def score(self, features: Iterable[str], more: Iterable[str] = ()) -> float:
        """The score of a sentence with these features (and `more`, not among them).

        Summed exactly (math.fsum): a set's order varies from process to process,
        and the score must not.
        """
        get = self.weights.get
        total = math.fsum(map(get, features, repeat(0.0)))
        if more:  # most sentences: no rule's cue (adding fsum's 0.0 would change nothing)
            total += math.fsum(map(get, more, repeat(0.0)))
        return sigmoid(self.bias + total)

    def drivers(self, features: Iterable[str]) -> list[tuple[str, float]]:
        """The features present that raise the score, strongest first."""
        features = list(features)
        weights = map(self.weights.get, features, repeat(0.0))
        found = [(f, w) for f, w in zip(features, weights, strict=True) if w > 0]
        # Strongest first, alike ones by name: two stable sorts with C-level keys.
        found.sort(key=itemgetter(0))
        found.sort(key=itemgetter(1), reverse=True)
        return found

    def to_json(self) -> dict[str, object]:
        return {
            "format": MODEL_FORMAT,
            "name": self.name,
            "bias": self.bias,
            "weights": dict(sorted(self.weights.items())),
        }


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@cache
def load_model(name: str) -> LinearModel:
    """A shipped model, read once (resources/models/NAME.json), from its kept copy when unchanged."""
    path = resource_path("models", f"{name}.json")
    try:
        raw = path.read_bytes()
        key = content_key(raw)
        kept = _KEPT.get(key)
        if kept is not None:
            return LinearModel(*kept)
        import orjson  # twice as fast as json for these files (its import takes 12 ms, hence the copy)

        data = orjson.loads(raw)
        if data.get("format") != MODEL_FORMAT:
            raise ModelError(f"{path}: model format {data.get('format')!r}, expected {MODEL_FORMAT}")
        weights = data["weights"]
        if set(map(type, weights.values())) != {float}:  # a weight written as 1, not 1.0 (C-speed test)
            weights = {feature: float(w) for feature, w in weights.items()}
        model = LinearModel(data["name"], float(data["bias"]), weights)
        _KEPT.add(key, (model.name, model.bias, model.weights))
        return model
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ModelError(f"{path}: cannot read the {name} model ({exc}); reinstall reviewapp") from None


Kept = tuple[str, float, dict[str, float]]  # a model's name, bias and weights


def _decode(data: Any) -> dict[str, Kept]:
    """The kept models, each checked for its shape (the weights' types at C speed)."""
    if not isinstance(data, dict):
        raise TypeError("not a table of models")
    for name, bias, weights in data.values():
        if not (isinstance(name, str) and isinstance(bias, float) and isinstance(weights, dict)):
            raise TypeError("not a model")
        if set(map(type, weights)) - {str} or set(map(type, weights.values())) - {float}:
            raise TypeError("not a model's weights")
    return data


# A model file's hash -> the model read from it (kept.py): parsing each model's JSON took
# orjson (12 ms to import) or json (5 ms a model); its copy reads in about 1 ms. A retrained
# model replaces its copy (a version of the same name); two installations of one version
# share it. Named anew (the file that kept every version is removed).
_KEPT: KeptTable[str, Kept] = KeptTable(
    "model-copies", 8, _decode, dict, version_of=lambda _, model: model[0], replaces=("models",)
)
