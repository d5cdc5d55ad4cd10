"""The command line and the desktop app reach the same findings and the same verdict.

Both build the review pipeline from the same policy and the same user
settings file (which Edit > Preferences writes): here grammar is switched on
there, against the LanguageTool stand-in, and only `status` and the app are
asked. Before the pipeline was one, `status` ignored the app's preferences and
could call a draft publishable that the app refused.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from reviewapp.core import load_path
from reviewapp.core.review import Reviewer
from reviewapp.core.settings import UserSettings, save_user_settings
from reviewapp.core.store import ReviewStore
from reviewapp.gui.app import build_window

pytestmark = pytest.mark.subprocess


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reviewapp", *args], capture_output=True, text=True, timeout=60, env=os.environ
    )


def status_of(output: str) -> tuple[str, list[str]]:
    first, *rest = output.splitlines()
    return first.split(": ", 1)[1], [line.removeprefix("  - ") for line in rest if line.startswith("  - ")]


def test_cli_and_app_agree_with_grammar_from_the_users_settings(
    qtbot, tmp_path, home, data_dir, languagetool, people
):
    url, _log = languagetool
    save_user_settings(UserSettings(grammar_mode="server", grammar_server_url=url))
    draft = tmp_path / "fox.txt"
    shutil.copy(data_dir / "openai-foxconn.txt", draft)
    policy = tmp_path / "policy.toml"
    policy.write_text('[signoff]\nrequired_roles = ["editor"]\n[grammar]\ntimeout = 5\n', encoding="utf-8")
    db = tmp_path / "r.sqlite3"

    # Every finding but the grammar ones resolved, and an approval on record: publishable
    # only to a front end that leaves out the user's grammar settings.
    reviewer = Reviewer.configured(policy, UserSettings())
    with ReviewStore(db) as store:
        review = reviewer.review(load_path(draft))
        ana = people.signer("Ana Ruiz", reviewer.policy)
        for finding in review.findings:
            store.resolve(review.draft, finding, "opinion", ana)
        store.sign_off(review.draft, ana, "editor", "approve")

    window = build_window(
        argparse.Namespace(db=str(db), policy=str(policy), paths=[str(draft)]),
        QSettings(str(tmp_path / "qt.ini"), QSettings.Format.IniFormat),
    )
    try:
        window.show()
        tab = window.current()
        qtbot.waitUntil(
            lambda: (
                tab.up_to_date
                and not tab.scheduler.grammar_running
                and any(f.category == "grammar" for f in tab.review.findings)
            ),
            timeout=20000,
        )
        app_ids = sorted(f.id for f in tab.review.findings)
        app_gate = tab.review.gate

        checked = cli("check", "--format", "json", "--policy", str(policy), str(draft))
        assert checked.returncode == 1, checked.stderr  # the draft has error-level findings
        cli_ids = sorted(f["id"] for f in json.loads(checked.stdout)["documents"][0]["findings"])
        status = cli("status", str(draft), "--db", str(db), "--policy", str(policy))
    finally:
        window.close()
        window.deleteLater()
        window.store.close()

    assert cli_ids == app_ids
    assert any(i.startswith("gr-") for i in cli_ids)
    verdict, reasons = status_of(status.stdout)
    assert status.returncode == 1 and not app_gate.publishable
    assert verdict == f"{app_gate.approval}; not publishable"
    assert reasons == app_gate.reasons
    assert "findings at warning or above are unresolved" in reasons[0]
