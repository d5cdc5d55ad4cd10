"""The learned models read from a kept copy when their files are unchanged (scoring/model.py)."""

from __future__ import annotations

import json
import marshal
import shutil

import pytest

from reviewapp.core import kept
from reviewapp.core.resources import resource_path
from reviewapp.core.scoring import model as model_module
from reviewapp.core.scoring.model import ModelError, load_model


@pytest.fixture
def models(tmp_path, monkeypatch):
    """A copy of the shipped models to edit, and an empty cache folder; load_model forgets between uses."""
    folder = tmp_path / "models"
    shutil.copytree(resource_path("models"), folder)
    monkeypatch.setenv("REVIEWAPP_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(model_module, "resource_path", lambda *parts: folder.joinpath(*parts[1:]))
    model_module._KEPT.forget()
    load_model.cache_clear()
    yield folder
    model_module._KEPT.forget()
    load_model.cache_clear()


def next_run() -> None:
    model_module._KEPT.save()
    model_module._KEPT.forget()
    load_model.cache_clear()


def refuse_parsing(monkeypatch) -> list[bytes]:
    parsed: list[bytes] = []
    import orjson

    monkeypatch.setattr(orjson, "loads", lambda raw: parsed.append(raw) or pytest.fail("parsed again"))
    return parsed


def test_an_unchanged_model_is_read_from_its_copy(models, monkeypatch):
    first = load_model("claim")
    assert first == load_model("claim")  # once per process
    next_run()
    assert (models.parent / "home" / "cache" / model_module._KEPT.name).stat().st_mode & 0o077 == 0
    refuse_parsing(monkeypatch)
    again = load_model("claim")
    assert again == first and again is not first
    assert again.score(["w:said", "b:<s> the"]) == first.score(["w:said", "b:<s> the"])


def test_an_edited_model_file_is_read_afresh(models):
    load_model("uncertainty")
    next_run()
    path = models / "uncertainty.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["bias"] = 1.25
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_model("uncertainty").bias == 1.25


def test_a_retrained_model_replaces_its_kept_copy(models):
    """Seven copies of the two models were kept through retraining; every start read them all."""
    load_model("claim"), load_model("uncertainty")
    next_run()
    path = models / "claim.json"
    for bias in (1.25, 1.5):  # retrained twice
        data = json.loads(path.read_text(encoding="utf-8"))
        data["bias"] = bias
        path.write_text(json.dumps(data), encoding="utf-8")
        assert load_model("claim").bias == bias
        next_run()
    kept_models = marshal.loads((models.parent / "home" / "cache" / model_module._KEPT.name).read_bytes())
    assert sorted((name, bias) for name, bias, _ in kept_models.values()) == [
        ("claim", 1.5),
        ("uncertainty", load_model("uncertainty").bias),
    ]


@pytest.mark.parametrize(
    "damage",
    [
        lambda key: b"\xffnot marshal data",
        lambda key: marshal.dumps({key: ("claim", 0.5, {"w:said": "heavy"})}),  # a weight, not a number
        lambda key: marshal.dumps({key: ("claim", 0.5)}),
        lambda key: marshal.dumps(["not", "a", "table"]),
    ],
)
def test_a_damaged_copy_means_reading_the_file_again(models, damage):
    first = load_model("claim")
    next_run()
    key = kept.content_key((models / "claim.json").read_bytes())
    (models.parent / "home" / "cache" / model_module._KEPT.name).write_bytes(damage(key))
    assert load_model("claim") == first


def test_a_damaged_model_file_is_one_clear_error(models):
    (models / "claim.json").write_text('{"format": 1, "name": "claim"', encoding="utf-8")
    with pytest.raises(ModelError, match="cannot read the claim model"):
        load_model("claim")
