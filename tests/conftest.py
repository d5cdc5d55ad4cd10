from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the real settings, database or dictionary; commands run as subprocesses inherit it.
os.environ["REVIEWAPP_HOME"] = tempfile.mkdtemp(prefix="reviewapp-tests-")

DATA = Path(__file__).parent / "data"

# Hypothesis: deterministic in CI (the same examples every run, a few thousand in all);
# `pytest --hypothesis-profile=long` tries many more, at random.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "ci", derandomize=True, max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile("ci")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def analyzer():
    from reviewapp.core import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def foxconn_expected() -> dict:
    return json.loads((DATA / "openai-foxconn.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def riverside_expected() -> dict:
    return json.loads((DATA / "riverside-library.expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def languagetool():
    """A LanguageTool stand-in on 127.0.0.1 answering with recorded matches; yields (url, log)."""
    from languagetool_server import ServerLog, start  # tests/ is on sys.path (rootdir conftest)

    log = ServerLog()
    server, url = start(log)
    yield url, log
    server.shutdown()
    server.server_close()


@pytest.fixture
def people(tmp_path):
    """Signers with keys of their own: people.signer("Ana Ruiz")."""
    from people import People

    return People(tmp_path / "people")


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    """Every test its own user folders: settings, signing key, anchors, database (subprocesses inherit it)."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("REVIEWAPP_HOME", str(home))
    return home
