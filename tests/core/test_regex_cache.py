"""The rules' compiled expressions kept between runs (core/regex_cache.py), in a real cache folder."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys

import pytest

from reviewapp.core import regex_cache
from reviewapp.core.regex_prefix import with_first_chars
from reviewapp.core.rules import builtin_rules

pytestmark = pytest.mark.skipif(regex_cache._TAG is None, reason="not CPython's engine")

SAMPLES = [
    "Share this article",
    "- 12 Comments",
    "5 min read",
    "It is widely believed that the council will approve it, some experts say.",
    "We use cookies to improve your experience.",
    "Sales rose 12 percent in 2024, the company said on Friday.",
    "",
]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWAPP_HOME", str(tmp_path))
    regex_cache.forget()
    yield tmp_path / "cache"
    regex_cache.forget()


def rule_expressions() -> list[tuple[str, int]]:
    return [
        (pattern.source, pattern.flags)
        for category in ("boilerplate", "hedge", "peacock", "ai_tell")
        for rule in builtin_rules(category)
        for pattern in rule.patterns
    ]


def behaves_as_compiled(compiled: re.Pattern[str], source: str, flags: int) -> None:
    expected = re.compile(with_first_chars(source, flags), flags)
    assert (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex) == (
        expected.pattern,
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    for text in SAMPLES:
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in expected.finditer(text)]


def test_programs_kept_in_one_run_are_used_in_the_next(cache_home, monkeypatch):
    expressions = rule_expressions()
    assert len(expressions) > 10
    for source, flags in expressions:
        behaves_as_compiled(regex_cache.compile_rule(source, flags, first_chars=True), source, flags)
    regex_cache.save()
    files = list(cache_home.iterdir())
    assert len(files) == 1 and files[0].name.startswith("regexes-")
    assert files[0].stat().st_mode & 0o077 == 0  # this user's only

    regex_cache.forget()  # the next run: nothing is compiled, everything read

    from reviewapp.core import regex_prefix

    worked_out: list[str] = []
    program, prefix = regex_cache._program, regex_prefix.with_first_chars
    monkeypatch.setattr(regex_cache, "_program", lambda *a: worked_out.append("program") or program(*a))
    monkeypatch.setattr(
        regex_prefix, "with_first_chars", lambda *a: worked_out.append("prefix") or prefix(*a)
    )
    for source, flags in expressions:
        compiled = regex_cache.compile_rule(source, flags, first_chars=True)
        behaves_as_compiled(compiled, source, flags)
    assert worked_out == []
    regex_cache.compile_rule("a new (rule)", 0, first_chars=True)
    assert worked_out == ["prefix", "program"]  # what the file lacks is compiled


def test_a_damaged_file_or_entry_means_compiling_as_usual(cache_home):
    source, flags = rule_expressions()[0]
    regex_cache.compile_rule(source, flags, first_chars=True)
    regex_cache.save()
    path = next(cache_home.iterdir())
    entries = marshal.loads(path.read_bytes())
    ((key, entry),) = entries.items()
    *named, pattern, program = marshal.loads(entry)
    program = [program[0], [999999, 1, 2], *program[2:]]  # a program the engine refuses
    path.write_bytes(marshal.dumps({key: marshal.dumps((*named, pattern, program))}))
    regex_cache.forget()
    behaves_as_compiled(regex_cache.compile_rule(source, flags, first_chars=True), source, flags)

    path.write_bytes(marshal.dumps({key: b"\xffnot marshal data"}))  # one damaged entry
    regex_cache.forget()
    behaves_as_compiled(regex_cache.compile_rule(source, flags, first_chars=True), source, flags)

    # Another expression's program under this one's key: refused (the entry names its expression).
    other, other_flags = rule_expressions()[1]
    regex_cache.forget()
    regex_cache.compile_rule(other, other_flags, first_chars=True)
    other_entry = regex_cache.TABLE.get(regex_cache._key(other, other_flags, True))
    path.write_bytes(marshal.dumps({key: other_entry}))
    regex_cache.forget()
    behaves_as_compiled(regex_cache.compile_rule(source, flags, first_chars=True), source, flags)

    path.write_bytes(b"\xffnot marshal data")
    regex_cache.forget()
    behaves_as_compiled(regex_cache.compile_rule(source, flags, first_chars=True), source, flags)
    regex_cache.save()  # written whole again
    assert len(marshal.loads(path.read_bytes())) == 1


def test_a_bad_expression_is_refused_as_re_compile_refuses_it(cache_home):
    with pytest.raises(re.error):
        regex_cache.compile_rule("(unclosed", 0)
    regex_cache.save()
    assert not cache_home.exists()  # nothing compiled, nothing kept


def test_a_cache_folder_that_cannot_be_made_costs_nothing_but_time(cache_home):
    cache_home.write_text("a file where the folder would be")  # as root too, unlike permissions
    source, flags = rule_expressions()[1]
    behaves_as_compiled(regex_cache.compile_rule(source, flags, first_chars=True), source, flags)
    regex_cache.save()
    assert cache_home.read_text() == "a file where the folder would be"


@pytest.mark.subprocess
def test_check_reports_the_same_with_and_without_the_kept_programs(tmp_path, data_dir):
    env = {**os.environ, "REVIEWAPP_HOME": str(tmp_path)}
    draft = data_dir / "openai-foxconn.txt"

    def check() -> str:
        done = subprocess.run(
            [sys.executable, "-m", "reviewapp", "check", "--format", "json", str(draft)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode in (0, 1), done.stderr
        return done.stdout

    first = check()
    kept = list((tmp_path / "cache").glob("regexes-*"))
    assert len(kept) == 1 and len(marshal.loads(kept[0].read_bytes())) > 10
    assert check() == first


def test_past_the_limit_a_save_keeps_only_what_this_process_used(cache_home, monkeypatch):
    """The patterns of house rules edited long ago do not pile up in the file."""
    monkeypatch.setattr(regex_cache.TABLE, "limit", 3)
    old = [f"old rule {n}" for n in range(4)]
    for source in old:
        regex_cache.compile_rule(source)
    regex_cache.save()
    path = next(cache_home.iterdir())
    assert kept_sources(path) == old  # all new: all kept

    regex_cache.forget()  # a later run uses two of them and compiles one more
    regex_cache.compile_rule("old rule 0")
    regex_cache.compile_rule("old rule 2")
    regex_cache.compile_rule("new rule")
    regex_cache.save()
    assert kept_sources(path) == ["new rule", "old rule 0", "old rule 2"]


def kept_sources(path) -> list[str]:
    return sorted(marshal.loads(entry)[0] for entry in marshal.loads(path.read_bytes()).values())


def test_a_file_of_the_earlier_format_is_replaced(cache_home):
    """The earlier format (every program decoded at each start) is removed when this one is written."""
    cache_home.mkdir()
    earlier = cache_home / f"regex-{regex_cache._TAG}.marshal{marshal.version}"
    earlier.write_bytes(marshal.dumps([["x", 0, False, "x", [0, [1], 0, {}, ()]]]))
    source, flags = rule_expressions()[0]
    behaves_as_compiled(regex_cache.compile_rule(source, flags, first_chars=True), source, flags)
    regex_cache.save()
    assert [p.name for p in cache_home.iterdir()] == [regex_cache.TABLE.name]


def test_a_run_decodes_only_the_programs_it_uses(cache_home, monkeypatch):
    expressions = rule_expressions()[:20]
    for source, flags in expressions:
        regex_cache.compile_rule(source, flags, first_chars=True)
    regex_cache.save()
    regex_cache.forget()
    decoded: list[bytes] = []
    loads = marshal.loads
    monkeypatch.setattr(regex_cache, "marshal", type("M", (), {
        "loads": staticmethod(lambda data: decoded.append(data) or loads(data)), "dumps": marshal.dumps,
    }))  # fmt: skip
    source, flags = expressions[3]
    behaves_as_compiled(regex_cache.compile_rule(source, flags, first_chars=True), source, flags)
    assert len(decoded) == 1  # one entry decoded of the twenty the file holds
