"""`status` and `history` start fast: they do not import what they do not use.

Each heavy module costs tens of milliseconds at start-up (issue 20: both under
100 ms whole-process); the figures are in benchmarks/README.md, this test only
keeps the import graph from growing back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.subprocess

# What the record commands never need: the renderers, the GUI, the .docx and
# HTML readers, the grammar client, worker processes, and the schema tool
# (an existing, current database needs no migration).
HEAVY = (
    "PySide6",
    "lxml",
    "language_tool_python",
    "sqlite_utils",
    "keyring",  # read only when libpq found no password for a server
    "nacl.pwhash",  # a passphrase-protected key is only opened to sign
    "multiprocessing",
    "reviewapp.core.store.postgres",  # a local record needs nothing of the server's
    "reviewapp.core.store.server_admin",
    "reviewapp.gui",
    "reviewapp.core.docx",
    "reviewapp.core.odt",
    "reviewapp.core.htmltext",
    "reviewapp.core.report.html",
    "reviewapp.core.report.markdown",
    "reviewapp.core.report.model",
    "reviewapp.core.grammar",  # LanguageTool's side, when the grammar check is off
    # 12 ms with what it imports: the kept copies (rules, policy, models) are marshal, not JSON
    "orjson",
    # Imported only to make dataclasses (about 1 ms each, with inspect's 8 ms): none on these paths
    "dataclasses",
    "inspect",
    # argparse's help formatter imports it (with bz2, lzma, fnmatch) to ask the terminal's width,
    # as each option is added: 1.4 ms (cli.common.Parser asks itself)
    "shutil",
    # The rule patterns' RE2 sets are made for much text only (a long draft, a big folder): 2 ms
    "re2",
)

PROBE = """
import contextlib, io, json, sys
from reviewapp.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)))
"""


def modules_after(*args: str, env: dict[str, str] | None = None) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60, check=True, env=env
    )
    return set(json.loads(done.stdout))


def heavy_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.fixture
def recorded(tmp_path, data_dir):
    draft = tmp_path / "fox.txt"
    draft.write_text((data_dir / "openai-foxconn.txt").read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "r.sqlite3"
    modules_after("status", str(draft), "--db", str(db), "--init")  # made (and migrated) here
    return draft, db


def test_status_and_history_do_not_import_heavy_modules(recorded):
    draft, db = recorded
    status = modules_after("status", str(draft), "--db", str(db))
    assert "reviewapp.core.store.sqlite" in status and "reviewapp.core.gate" in status
    assert heavy_in(status) == []
    history = modules_after("history", str(draft), "--db", str(db))
    assert "reviewapp.core.store.sqlite" in history
    assert heavy_in(history) == []
    assert "reviewapp.core.analysis" not in history  # it shows the record; it does not analyse


def test_status_of_a_text_judged_before_reads_its_kept_analysis(recorded):
    """The fixture's status kept the draft's analysis (kept_analysis.py): the next one imports no
    analyzer; an edited text is analysed (and kept) again."""
    draft, db = recorded
    status = modules_after("status", str(draft), "--db", str(db))
    assert not {"reviewapp.core.analysis", "reviewapp.core.analyzers", "reviewapp.core.scoring"} & status
    draft.write_text(draft.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    edited = modules_after("status", str(draft), "--db", str(db))
    assert "reviewapp.core.analyzers.claim" in edited and heavy_in(edited) == []
    assert "reviewapp.core.analyzers.claim" not in modules_after("status", str(draft), "--db", str(db))


def test_status_reads_the_rules_from_the_copies_an_earlier_run_kept(recorded):
    """The fixture's first run kept the parsed rule files and compiled expressions (kept.py): the
    next status imports no TOML parser (toml_files.py) and parses no expression (regex_cache.py)."""
    draft, db = recorded
    status = modules_after("status", str(draft), "--db", str(db))
    assert "reviewapp.core.toml_files" in status and "tomllib" not in status
    assert "reviewapp.core.regex_prefix" not in status  # parses an expression to find its first characters


def test_the_probe_sees_heavy_modules_where_they_are_used(recorded, tmp_path):
    """The names above are real: a report imports its renderer, a new database the schema tool."""
    draft, _ = recorded
    report = modules_after("report", str(draft), "--db", str(tmp_path / "new.sqlite3"), "--init",
                           "-o", str(tmp_path / "r.html"))  # fmt: skip
    assert {"reviewapp.core.report.html", "sqlite_utils"} <= set(heavy_in(report))
    long = tmp_path / "long.txt"  # thousands of findings written as JSON (cli/json_out.py)
    long.write_text("\n\n".join([draft.read_text(encoding="utf-8")] * 100), encoding="utf-8")
    assert "orjson" in heavy_in(modules_after("check", "--format", "json", str(long)))


def test_a_short_drafts_check_writes_its_json_without_orjson(recorded):
    """Its few findings take the standard library's json less time than importing orjson. (After
    the fixture's run: a first run reads the models' JSON with orjson, then keeps their copies.)"""
    draft, _ = recorded
    check = modules_after("check", "--format", "json", str(draft))
    assert "reviewapp.core.analysis" in check
    assert {"orjson", "dataclasses", "inspect"}.isdisjoint(check)


@pytest.mark.skipif(
    (os.cpu_count() or 1) < 2, reason="a draft is shared between processes only with two CPUs"
)
def test_a_draft_shared_with_another_process_has_orjson_imported_meanwhile(recorded, tmp_path):
    """Long enough to be shared (analysis.PARALLEL_MIN_PARAGRAPHS), though it has no finding:
    orjson is imported after the fork, while the other process analyses (json_out.py)."""
    calm = tmp_path / "calm.txt"
    calm.write_text("\n\n".join(["The river was calm that morning."] * 1200), encoding="utf-8")
    assert "orjson" in modules_after("check", "--format", "json", str(calm))
    assert "orjson" not in modules_after("check", "--format", "text", str(calm))  # no JSON to write


def test_check_does_not_import_the_record(data_dir):
    """`check` consults no record: no database, no gate, no signing library."""
    check = modules_after("check", "--format", "json", str(data_dir / "openai-foxconn.txt"))
    assert "reviewapp.core.analysis" in check
    record_side = (
        "reviewapp.core.store.sqlite",
        "reviewapp.core.store.records",  # a review names its draft (store/draft.py), not decisions
        "reviewapp.core.gate",
        "reviewapp.core.keyring",
        "nacl",
        "sqlite3",
    )
    assert [m for m in check if m in record_side] == []
    # The other commands' option tables are read when their groups' parsers are built (cli.build_parser).
    assert "reviewapp.core.decisions" not in check and "reviewapp.core.report.formats" not in check


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are worked out on Linux")
def test_the_users_folders_are_found_without_platformdirs(tmp_path, data_dir):
    """On Linux the XDG folders are worked out (paths.py): platformdirs' import took 4.5 ms of
    every command. Run as a user runs it, with no REVIEWAPP_HOME: the record lands in them."""
    draft = tmp_path / "fox.txt"
    draft.write_text((data_dir / "openai-foxconn.txt").read_text(encoding="utf-8"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "REVIEWAPP_HOME" and not k.startswith("XDG_")}
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    status = modules_after("status", str(draft), "--init", env=env)
    assert "reviewapp.core.store.sqlite" in status and "platformdirs" not in status
    assert (tmp_path / "data" / "reviewapp").is_dir() and (tmp_path / "cache" / "reviewapp").is_dir()
