"""`reviewapp report` as a real process: every format, to a file or standard output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

pytestmark = pytest.mark.subprocess


def run(*args: str, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "reviewapp", *args], capture_output=True, text=True, timeout=120, env=env
    )


def test_every_format_to_a_file(tmp_path, data_dir):
    draft = str(data_dir / "openai-foxconn.txt")
    db = str(tmp_path / "r.sqlite3")
    for name in ("r.html", "r.md", "r.json"):
        proc = run("report", draft, "--db", db, "--init", "-o", str(tmp_path / name))
        assert proc.returncode == 0, proc.stderr
        assert f"wrote {tmp_path / name}" in proc.stderr
    assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
    assert (tmp_path / "r.md").read_text().startswith("# Review report: A Landmark Alliance")
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["document"]["path"] == draft and data["findings"]
    assert json.loads((tmp_path / "r.jsonld").read_text()) == data["disclosure"]


@pytest.mark.parametrize(
    "display",
    [
        {},  # none at all: a server, a CI job
        {"DISPLAY": ":93"},  # one that cannot be reached (an SSH session's, its tunnel closed): Qt aborted
        {"QT_QPA_PLATFORM": ""},
    ],
)
def test_pdf_from_the_command_line_without_a_display(tmp_path, data_dir, display):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(display)
    out = tmp_path / "r.pdf"
    proc = run("report", str(data_dir / "openai-foxconn.txt"), "--db", str(tmp_path / "r.sqlite3"), "--init",
               "--format", "pdf", "-o", str(out), env=env)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert re.fullmatch(rf"wrote {re.escape(str(out))} \(\d+ pages\)\n", proc.stderr), "one line, no Qt's"


def test_standard_output_and_format_errors(tmp_path, data_dir):
    draft = str(data_dir / "openai-foxconn.txt")
    db = str(tmp_path / "r.sqlite3")
    proc = run("report", draft, "--db", db, "--init", "--format", "md")
    assert proc.returncode == 0 and proc.stdout.startswith("# Review report")
    for args, message in [
        (("--format", "pdf"), "a PDF report needs a file"),
        ((), "say which report"),
        (("-o", str(tmp_path / "r.txt")), "cannot tell the report format"),
    ]:
        proc = run("report", draft, "--db", db, "--init", *args)
        assert proc.returncode == 2 and message in proc.stderr and not proc.stdout


@pytest.mark.parametrize("bad", ["missing.txt", "empty.txt"])
def test_a_draft_that_cannot_be_read_writes_no_report(tmp_path, bad):
    (tmp_path / "empty.txt").write_text("")
    out = tmp_path / "r.html"
    proc = run("report", str(tmp_path / bad), "--db", str(tmp_path / "r.sqlite3"), "--init", "-o", str(out))
    assert proc.returncode == 2 and proc.stderr.startswith("reviewapp: ") and not out.exists()
