"""File > Export Report from the window: written in the background, every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewapp.core.report import REPORT_FORMATS
from reviewapp.gui.actions.reports import report_target

from .conftest import wait_analysed


@pytest.mark.parametrize("fmt", ["html", "md", "json", "pdf"])
def test_export_each_format(window, qtbot, foxconn_copy, tmp_path, fmt):
    tab = window.open_path(foxconn_copy)
    result = wait_analysed(qtbot, tab)
    window.findings.record_resolution(tab, result.findings[0], "false_positive", "Ana Ruiz")
    out = tmp_path / f"review.{fmt}"
    worker = window.reports.export_report(tab, REPORT_FORMATS[fmt], out)
    assert worker is not None and window.status.progress.isVisible()
    # Not waitSignal: the worker may emit before a new connection is made; the window's own is older.
    qtbot.waitUntil(lambda: window.reports.exports == 0, timeout=20000)
    assert out.stat().st_size > 1000
    assert not window.status.progress.isVisible() and "Report saved" in window.statusBar().currentMessage()
    if fmt == "json":
        data = json.loads(out.read_text())
        assert data["summary"]["resolved"] == {"false_positive": 1}  # the decision just taken is in it
        assert data["document"]["sha256"] == result.document.sha256
        assert (tmp_path / "review.jsonld").exists()


def test_export_waits_for_the_analysis_of_an_edit(window, qtbot, foxconn_copy, tmp_path):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    qtbot.keyClicks(tab.editor, "x")
    assert window.reports.export_report(tab, REPORT_FORMATS["html"], tmp_path / "r.html") is None
    assert any("Wait for the analysis" in box.text() for box in window.messages)
    assert not (tmp_path / "r.html").exists()


def test_a_failed_export_says_why(window, qtbot, foxconn_copy, tmp_path):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    target = tmp_path / "taken.html"
    target.mkdir()
    assert window.reports.export_report(tab, REPORT_FORMATS["html"], target) is not None
    qtbot.waitUntil(lambda: window.reports.exports == 0, timeout=20000)
    assert any("taken.html" in box.text() for box in window.messages)
    assert not window.status.progress.isVisible()


@pytest.mark.parametrize(
    ("name", "chosen", "expected"),
    [
        ("/x/report.pdf", "HTML report (*.html)", ("pdf", "/x/report.pdf")),
        ("/x/report", "Markdown report (*.md)", ("md", "/x/report.md")),
        ("/x/report.v2", "JSON report (*.json)", ("json", "/x/report.v2.json")),
        ("/x/REPORT.HTML", "", ("html", "/x/REPORT.HTML")),
    ],
)
def test_report_target(name, chosen, expected):
    fmt, path = report_target(name, chosen)
    assert (fmt.id, str(path)) == (expected[0], str(Path(expected[1])))


def test_an_edited_odts_report_says_how_it_was_read(window, qtbot, tmp_path):
    """The edited draft carries no warnings of its own: the report takes the tab's notes."""
    import shutil

    from tests.core.test_odt import COUNCIL

    tab = window.open_path(shutil.copy(COUNCIL, tmp_path / "council.odt"))
    wait_analysed(qtbot, tab)
    qtbot.keyClicks(tab.editor, "Draft: ")
    wait_analysed(qtbot, tab)
    out = tmp_path / "review.json"
    assert window.reports.export_report(tab, REPORT_FORMATS["json"], out) is not None
    qtbot.waitUntil(lambda: window.reports.exports == 0, timeout=20000)
    data = json.loads(out.read_text())
    assert data["document"]["notes"] == [
        "Tracked changes not yet accepted or rejected: read as if all were accepted."
    ]
