"""What the tool finds is recorded; a change to it must be deliberate (tests/findings_record.py --write)."""

from __future__ import annotations

import json

from findings_record import RECORD, record


def test_findings_match_the_record() -> None:
    expected = json.loads(RECORD.read_text(encoding="utf-8"))
    now = record()
    assert now.keys() == expected.keys()
    for name, entry in expected.items():
        if "findings" in entry:  # finding by finding, so a failure shows where
            assert now[name]["findings"] == entry["findings"], name
        assert (now[name]["count"], now[name]["digest"]) == (entry["count"], entry["digest"]), name
