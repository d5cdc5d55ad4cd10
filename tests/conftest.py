from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the real settings, database or dictionary; commands run as subprocesses inherit it.
os.environ["REVIEWAPP_HOME"] = tempfile.mkdtemp(prefix="reviewapp-tests-")
# Removed when the run ends, as pytest's own folders are (a run left one behind in /tmp each time).
atexit.register(shutil.rmtree, os.environ["REVIEWAPP_HOME"], ignore_errors=True)

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


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server on 127.0.0.1 for the session (tests/pg_server.py)."""
    from pg_server import server_binaries, start_server

    if server_binaries() is None:
        pytest.skip("PostgreSQL is not installed here (`.ci/run` installs Debian's postgresql)")
    server = start_server()
    yield server
    server.remove()


@pytest.fixture
def server_url(pg_server):
    """A new database on the server with the review record set up in it; its URL (as the admin)."""
    import uuid

    import psycopg

    from reviewapp.core.store.server_admin import init_server

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = pg_server.url(name)
    init_server(url)
    yield url
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(params=("sqlite", "postgresql"))
def record_location(request, tmp_path):
    """Where a new review record is kept: a local SQLite file, then a database on the server."""
    if request.param == "postgresql":
        return request.getfixturevalue("server_url")
    return tmp_path / "reviews.sqlite3"


@pytest.fixture
def login(pg_server, server_url):
    """A reviewer's login with a password, and the server's URL for it (no password in it)."""
    import psycopg
    from pg_server import REVIEWER_PASSWORD

    database = server_url.rsplit("/", 1)[1]
    name = f"kr_{database}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{REVIEWER_PASSWORD}'")
        conn.execute(f"GRANT reviewapp_editor TO {name}")
    return pg_server.url(database, user=name, password=None)


@pytest.fixture
def keyring_env(tmp_path, monkeypatch):
    """The keyring backend and its file for this test; no ~/.pgpass that could hold the password."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    env = {
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PGPASSFILE": str(tmp_path / "no-pgpass"),
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "data" / "python_keyring" / "keyring_pass.cfg")
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield {**os.environ, **env}
    keyring.set_keyring(previous)
