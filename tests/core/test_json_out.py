"""The two JSON encoders `check` chooses between write the same bytes (cli/json_out.py)."""

from __future__ import annotations

import sys

import orjson
from hypothesis import given
from hypothesis import strategies as st

from reviewapp.cli import json_out

CONTRACT_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text()
    | st.builds(lambda n: round(n / 1000, 3), st.integers(0, 1000)),  # a score, as findings round it
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(CONTRACT_VALUES)
def test_both_json_encoders_write_the_same_bytes(data):
    """What the contract holds (text of any characters, counts, scores to three places, lists and
    objects): the standard library's json and orjson write it alike, compact and indented."""
    try:
        expected = orjson.dumps(data)
    except orjson.JSONEncodeError:  # a lone surrogate: not UTF-8, and no text a draft can hold
        return
    assert json_out.json_dumps(data) == expected
    assert json_out.orjson_dumps(data) == expected
    assert json_out.indented(data, 0) == orjson.dumps(
        data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
    )


def test_the_encoder_follows_the_findings_count(monkeypatch):
    monkeypatch.delitem(sys.modules, "orjson")  # as in a process that has not imported it
    assert json_out.dumps_for(0) is json_out.json_dumps
    assert json_out.dumps_for(json_out.MANY_FINDINGS - 1) is json_out.json_dumps
    assert json_out.dumps_for(json_out.MANY_FINDINGS) is json_out.orjson_dumps


def test_orjson_once_imported_encodes_any_count():
    """Imported while a long draft was analysed (check.py), it is the quicker for a few findings too."""
    assert "orjson" in sys.modules  # this module imports it
    assert json_out.dumps_for(0) is json_out.orjson_dumps
