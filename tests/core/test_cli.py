"""`reviewapp check` as other tools use it: a real process, the findings contract."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.subprocess

CONTRACT_KEYS = {"id", "category", "rule", "severity", "start", "end", "text", "message", "suggestion"}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reviewapp", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_json_follows_the_contract(data_dir):
    proc = run("check", "--format", "json", str(data_dir / "openai-foxconn.txt"))
    assert proc.returncode == 1  # the truncated disclosure is an error
    report = json.loads(proc.stdout)
    assert report["tool"]["name"] == "reviewapp"
    [doc] = report["documents"]
    content = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    import hashlib

    assert doc["sha256"] == hashlib.sha256(content.encode()).hexdigest()
    assert doc["words"] == len(content.split())
    categories = {"claim", "hedge", "peacock", "disclosure", "boilerplate", "ai_tell", "grammar"}
    for f in doc["findings"]:
        assert f.keys() >= CONTRACT_KEYS
        assert f["category"] in categories and f["rule"].startswith(f["category"] + ".")
        assert f["severity"] in ("error", "warning", "suggestion")
        assert content[f["start"] : f["end"]] == f["text"]


def test_exit_zero_and_min_severity(data_dir):
    proc = run(
        "check", "--format", "json", "--min-severity", "warning", str(data_dir / "riverside-library.txt")
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["documents"][0]["findings"] == []


def test_folder_and_unreadable_inputs(data_dir, tmp_path):
    (tmp_path / "good.txt").write_text("Council approves budget\nThe council met on Tuesday.\n")
    (tmp_path / "empty.md").write_text("")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "skip.txt").write_text("hidden")
    proc = run("check", "--format", "json", str(tmp_path), str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    paths = [d["path"] for d in json.loads(proc.stdout)["documents"]]
    assert paths == [str(tmp_path / "good.txt")]  # the other inputs were still checked
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("reviewapp: ") for line in errors)
    assert any("empty" in line for line in errors) and any("no such file" in line for line in errors)


def test_folder_drafts_in_sorted_path_order(tmp_path):
    """A folder's drafts: as sorted Paths order them (part by part: "a/b.txt" before "a-b.txt"),
    any case of suffix, none hidden or behind a link to a folder; a link to a file is read."""
    from reviewapp.cli.common import drafts_in
    from reviewapp.core.loaders import SUPPORTED_SUFFIXES

    for name in ("a/b.txt", "a-b.txt", "a/c/d.md", "B.TXT", "a.html", "z/.hid/x.txt", ".top.txt",
                 "notes.pdf", "a/c/e.docx", "x/y/z/deep.odt", "real/r.txt"):  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text")
    (tmp_path / "folder.txt").mkdir()  # a folder named as a draft is none
    (tmp_path / "linked").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "link.md").symlink_to(tmp_path / "a-b.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    failures: list[str] = []
    found = drafts_in(tmp_path, SUPPORTED_SUFFIXES, failures.append)
    expected = sorted(
        p
        for p in tmp_path.rglob("*")
        if p.suffix.lower() in SUPPORTED_SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(tmp_path).parts)
    )
    assert found == expected and failures == []
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "B.TXT", "a/b.txt", "a/c/d.md", "a/c/e.docx", "a-b.txt", "a.html", "link.md", "real/r.txt",
        "x/y/z/deep.odt",
    ]  # fmt: skip


def test_unreadable_subfolder_is_one_line(tmp_path):
    from reviewapp.cli.common import drafts_in

    (tmp_path / "ok.txt").write_text("text")
    failures: list[str] = []
    # A folder that vanished between being listed and being read (as one a user cannot open would).
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    (tmp_path / "locked").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "scandir", scandir)
        found = drafts_in(tmp_path, (".txt",), failures.append)
    assert found == [tmp_path / "ok.txt"]
    assert failures == [f"{tmp_path / 'locked'}: Permission denied"]


def test_text_format_shows_line_and_column(data_dir):
    proc = run("check", str(data_dir / "openai-foxconn.txt"))
    assert "2:1: warning: [boilerplate.share]" in proc.stdout
    assert proc.stdout.rstrip().endswith("suggestions")
    # Every finding's line and column, counted as an editor's window counts them (from 1).
    text = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
    lines = text.split("\n")
    places = re.findall(r"^  (\d+):(\d+): \w+: \[[\w.]+\] .*\n      > (.{1,20})", proc.stdout, re.M)
    assert len(places) > 20
    for line, column, quote in places:
        at = lines[int(line) - 1][int(column) - 1 :]
        assert at.startswith(quote.rstrip(".")[:10]), (line, column, quote)


def test_text_format_shows_a_quote_as_written(tmp_path):
    # A finding that opens with a quotation mark is shown with it, and with no other around it.
    draft = tmp_path / "quoted.txt"
    draft.write_text('"Sales rose 40 percent last year," the company said in a statement.\n')
    proc = run("check", str(draft))
    assert '\n      > "Sales rose 40 percent last year," the company' in proc.stdout
    assert '""' not in proc.stdout


def test_policy_option(data_dir, tmp_path):
    policy = tmp_path / "house.toml"
    policy.write_text('[rules]\ndisabled = ["disclosure.truncated"]\n')
    proc = run("check", "--format", "json", "--policy", str(policy), str(data_dir / "openai-foxconn.txt"))
    rules = {f["rule"] for f in json.loads(proc.stdout)["documents"][0]["findings"]}
    assert "disclosure.truncated" not in rules and proc.returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "--policy", "nope.toml", "x.txt"), "policy file not found"),
        (("check", "--min-severity", "loud", "x.txt"), "invalid choice"),
        (("check",), "required"),
    ],
)
def test_usage_errors_exit_2(args, message):
    proc = run(*args)
    assert proc.returncode == 2 and message in proc.stderr and proc.stdout == ""


def test_bad_policy_values(tmp_path, data_dir):
    policy = tmp_path / "bad.toml"
    policy.write_text('[disclosure]\nplacement = "middle"\n')
    proc = run("check", "--policy", str(policy), str(data_dir / "riverside-library.txt"))
    assert proc.returncode == 2 and "disclosure.placement must be one of" in proc.stderr


def test_version_is_the_package_metadata():
    """One version: the installed metadata, `--version` and the module agree."""
    from importlib.metadata import version

    from reviewapp import __version__

    proc = run("--version")
    assert proc.stdout.strip() == f"reviewapp {version('reviewapp')}"
    assert __version__ == version("reviewapp")


@pytest.mark.parametrize(
    ("argv", "command", "db", "paths"),
    [
        ([], "open", None, []),
        (["--db", "x.sqlite3"], "open", "x.sqlite3", []),
        (["draft.txt", "--db", "x.sqlite3"], "open", "x.sqlite3", ["draft.txt"]),
        (["status", "d.txt", "--db", "y.sqlite3"], "status", "y.sqlite3", None),
    ],
)
def test_no_command_means_the_desktop_app_with_its_options(argv, command, db, paths):
    from reviewapp.cli import build_parser, gui_by_default

    parser = build_parser()
    args = parser.parse_args(gui_by_default(argv, parser))
    assert args.command == command and args.db == db
    if paths is not None:
        assert args.paths == paths


def test_a_mistyped_command_is_a_usage_error_not_the_desktop_app():
    """Before, `reviewapp frobnicate x` started the GUI, which aborts in a terminal with no display."""
    proc = subprocess.run(
        [sys.executable, "-m", "reviewapp", "frobnicate", "x"],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("reviewapp: unknown command 'frobnicate'; the commands are: check, open")
    assert len(proc.stderr.splitlines()) == 1


def test_a_reader_that_stops_early_gets_no_traceback(data_dir):
    """`reviewapp check ... | head`: the closed pipe ends the run quietly, with the status a shell
    shows for a program a SIGPIPE ended (141), not 0: this draft has an error finding, and a
    script with `pipefail` must not read a cut-short run as a clean draft."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reviewapp",
            "check",
            "--format",
            "json",
            str(data_dir / "openai-foxconn.txt"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader is gone before the first write, as after `head -c 10`
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert stderr == ""


def test_min_score_leaves_out_low_scored_findings(data_dir):
    draft = str(data_dir / "openai-foxconn.txt")

    def findings(*extra: str) -> list[dict]:
        return json.loads(run("check", "--format", "json", *extra, draft).stdout)["documents"][0]["findings"]

    everything, high = findings(), findings("--min-score", "0.5")
    assert 0 < len(high) < len(everything)
    assert all(f.get("score", 1) >= 0.5 for f in high)
    assert {f["id"] for f in everything if "score" not in f} <= {f["id"] for f in high}  # unscored ones stay
    bad = run("check", "--min-score", "2", draft)
    assert bad.returncode == 2 and "from 0 to 1" in bad.stderr


def test_many_drafts_are_checked_on_every_cpu_with_the_same_result(tmp_path, data_dir, monkeypatch):
    """A folder of drafts: the parallel run reports exactly what one process does, in order, and a
    bad file among them is one line while the others are still reported."""
    import contextlib
    import io
    import json

    from reviewapp.cli import check, main

    folder = tmp_path / "drafts"
    folder.mkdir()
    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    paragraphs = article.split("\n")
    for i in range(12):
        (folder / f"d{i:02}.txt").write_text("\n".join(paragraphs[: 3 + i]), encoding="utf-8")
    (folder / "d05b.txt").write_bytes(b"\x00\x01\x02binary\xff" * 100)

    def run() -> tuple[int, dict, str]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["check", "--format", "json", str(folder)])
        return status, json.loads(out.getvalue()), err.getvalue()

    parallel = run()
    monkeypatch.setattr(check, "PARALLEL_MIN_DRAFTS", 10_000)
    sequential = run()
    assert parallel == sequential
    status, report, err = parallel
    assert status == 2 and len(report["documents"]) == 12
    assert [d["path"] for d in report["documents"]] == sorted(d["path"] for d in report["documents"])
    assert err.count("\n") == 1 and "d05b.txt" in err


def test_commands_run_without_the_cycle_collector_and_restore_it(data_dir, capsys, monkeypatch):
    """A command's review makes many short-lived objects and no cycles: the collector only walks
    them, so it is off while the command runs, and as it was afterwards."""
    import gc

    from reviewapp.cli import main
    from reviewapp.core import analysis

    seen: list[bool] = []
    analyse_one = analysis.analyse_one

    def recording(*args, **kwargs):
        seen.append(gc.isenabled())
        return analyse_one(*args, **kwargs)

    monkeypatch.setattr(analysis, "analyse_one", recording)
    assert gc.isenabled()
    main(["check", "--format", "json", str(data_dir / "openai-foxconn.txt")])
    assert seen and set(seen) == {False}  # each paragraph analysed with the collector off
    assert gc.isenabled()
    assert json.loads(capsys.readouterr().out)["documents"]


def test_a_quick_exit_still_runs_the_exit_handlers_libraries_registered(tmp_path, data_dir):
    """check ends without Python's teardown (interpreter.end_process), but what a library asked to
    run at exit still runs: language-tool-python stops a local LanguageTool server that way."""
    marker = tmp_path / "handler-ran"
    program = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(marker)!r}, 'w').write('ran'))\n"
        "from reviewapp.__main__ import main\n"
        f"sys.argv = ['reviewapp', 'check', '--format', 'json', {str(data_dir / 'openai-foxconn.txt')!r}]\n"
        "sys.exit(main())\n"
        "print('not reached')\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr  # warnings found: the command's own status
    assert json.loads(done.stdout)["documents"][0]["findings"]
    assert marker.read_text() == "ran"


def test_each_group_declares_the_commands_it_adds():
    """A command's run builds only its own parser (cli.GROUP_OF): the names must be true."""
    import argparse

    from reviewapp.cli import COMMAND_GROUPS, build_parser, command_names
    from reviewapp.cli.common import common_options

    for group in COMMAND_GROUPS:
        parser = argparse.ArgumentParser()
        group.register(parser.add_subparsers(dest="command"), common_options())
        assert command_names(parser) == list(group.COMMANDS), group.__name__
    everything = command_names(build_parser())
    assert sorted(everything) == sorted(name for group in COMMAND_GROUPS for name in group.COMMANDS)
    assert command_names(build_parser("history")) == ["history"]
    assert command_names(build_parser("keyring")) == ["keyring"]
    assert command_names(build_parser("frobnicate")) == everything  # unknown: the whole list, for the error


def test_the_contract_made_draft_by_draft_is_the_contract_made_whole(tmp_path, data_dir):
    """`check --format json` puts together each draft's object, encoded where the draft was
    reviewed: byte for byte what encoding the whole contract at once gives."""
    import io

    import orjson

    from reviewapp.cli import json_out
    from reviewapp.cli.check import checked_draft, findings_json, write_contract
    from reviewapp.core.review import GRAMMAR_OFF, Reviewer

    pipeline = Reviewer.configured()
    drafts = []
    for name, text in [
        ("openai-foxconn.txt", (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")),
        ("nothing «here».txt", "Hello.\n"),
        ("nul.txt", "Sales rose 40 percent\x00, it seems.\n"),  # a load warning
    ]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        document = pipeline.load(path)
        drafts.append((document, pipeline.review(document, grammar="off").findings))
    assert drafts[0][1] and not drafts[1][1] and drafts[2][0].warnings
    grammar = GRAMMAR_OFF.to_json()
    for chosen in (drafts, drafts[:1], []):
        whole = findings_json([checked_draft(d, found, encode=False) for d, found in chosen], grammar)
        for dumps in (None, json_out.json_dumps, json_out.orjson_dumps):  # the one chosen, and each
            out = io.BytesIO()
            stream = io.TextIOWrapper(out, encoding="utf-8")  # as stdout is: its bytes are written
            encoded = [checked_draft(d, found, True, dumps) for d, found in chosen]
            write_contract(stream, encoded, grammar)
            assert out.getvalue() == orjson.dumps(whole, option=orjson.OPT_APPEND_NEWLINE)
        assert json_out.indented(whole, 0) == json_out.indented(whole, json_out.MANY_FINDINGS)


def stdin_run(*args: str, data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reviewapp", *args], input=data, capture_output=True, timeout=60
    )


def test_a_draft_read_from_standard_input_is_checked_as_its_file_is(data_dir, tmp_path):
    """`-` among the paths: the draft comes from standard input (`... | reviewapp check -`),
    reported as "-" with the findings, hashes and exit status its file gets; the other paths too."""
    article = data_dir / "openai-foxconn.txt"
    other = data_dir / "riverside-library.txt"
    from_file = json.loads(run("check", "--format", "json", str(article)).stdout)["documents"][0]
    piped = stdin_run("check", "--format", "json", "-", str(other), data=article.read_bytes())
    assert piped.returncode == 1 and piped.stderr == b""
    first, second = json.loads(piped.stdout)["documents"]
    assert first == {**from_file, "path": "-"}
    assert second["path"] == str(other)
    # Markup read as such when told so (the article's text, not its tags).
    page = b"<html><head><title>Rates</title></head><body><p>Sales rose 40 percent in 2024.</p></body></html>"
    done = stdin_run("check", "--format", "json", "--stdin-format", "html", "-", data=page)
    [document] = json.loads(done.stdout)["documents"]
    assert document["title"] == "Rates" and [f["text"] for f in document["findings"]] == [
        "Sales rose 40 percent in 2024."
    ]


def test_standard_input_over_the_limit_or_named_twice_is_one_line(data_dir, tmp_path):
    """Refused as soon as more comes than the policy's limit allows (not read to its end), in
    one line naming the limit; the other drafts are still checked."""
    policy = tmp_path / "policy.toml"
    policy.write_text("[input]\nmax_text_mb = 1\n", encoding="utf-8")
    article = str(data_dir / "openai-foxconn.txt")
    done = stdin_run(
        "check", "--policy", str(policy), "--format", "json", "-", article, data=b"word " * 300_000
    )
    assert done.returncode == 2
    assert done.stderr.decode() == "reviewapp: -: the input is over the 1 MB limit\n"
    assert [d["path"] for d in json.loads(done.stdout)["documents"]] == [article]
    twice = stdin_run("check", "--format", "json", "-", "-", data=b"Hello.\n")
    assert twice.returncode == 2
    assert twice.stderr.decode() == "reviewapp: -: standard input is named twice; it is read once\n"
    assert len(json.loads(twice.stdout)["documents"]) == 1


@pytest.mark.parametrize("columns", ["50", "120"])
def test_help_is_wrapped_to_the_terminal_width_as_argparse_wraps_it(columns, monkeypatch, capsys):
    """The help formatter reads the width itself (cli.common.Parser): the same help as argparse's own."""
    import argparse

    from reviewapp.cli import build_parser, main

    monkeypatch.setenv("COLUMNS", columns)
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    shown = capsys.readouterr().out
    check = build_parser("check")._subparsers._group_actions[0].choices["check"]  # type: ignore[union-attr]
    check.formatter_class = argparse.HelpFormatter
    assert shown == check.format_help()
    assert max(len(line) for line in shown.splitlines() if not line.startswith(" " * 20)) <= int(columns)
