"""TOML files read from a kept copy when unchanged (core/toml_files.py), in a real cache folder."""

from __future__ import annotations

import marshal
import tomllib

import pytest

from reviewapp.core import kept, toml_files
from reviewapp.core.policy import load_policy
from reviewapp.core.toml_files import read_toml

RULES = """
[[rule]]
name = "hedge.example"
terms = ["arguably", "it seems"]
severity = "suggestion"
weights = [1, 2.5, -0.0]
nested = { deep = { deeper = true } }
"""


def kept_file(cache_home):
    return cache_home / toml_files.TABLE.name


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWAPP_HOME", str(tmp_path / "home"))
    toml_files.forget()
    yield tmp_path / "home" / "cache"
    toml_files.forget()


def test_an_unchanged_file_is_read_from_its_kept_copy(cache_home, tmp_path, monkeypatch):
    path = tmp_path / "rules.toml"
    path.write_text(RULES, encoding="utf-8")
    first = read_toml(path)
    assert first == tomllib.loads(RULES)
    toml_files.save()
    assert kept_file(cache_home).stat().st_mode & 0o077 == 0

    toml_files.forget()  # the next run
    parsed: list[str] = []
    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(text) or real(text))
    again = read_toml(path)
    assert again == first and parsed == []
    again["rule"][0]["terms"].append("changed")  # the caller's copy, not the kept one
    assert read_toml(path) == first

    path.write_text(RULES.replace("arguably", "reportedly"), encoding="utf-8")
    assert read_toml(path)["rule"][0]["terms"] == ["reportedly", "it seems"] and len(parsed) == 1


def test_errors_are_those_of_reading_and_parsing(cache_home, tmp_path):
    with pytest.raises(FileNotFoundError):
        read_toml(tmp_path / "missing.toml")
    (tmp_path / "latin.toml").write_bytes('name = "caf\xe9"'.encode("latin-1"))
    with pytest.raises(UnicodeDecodeError):
        read_toml(tmp_path / "latin.toml")
    (tmp_path / "bad.toml").write_text("name = ", encoding="utf-8")
    with pytest.raises(tomllib.TOMLDecodeError):
        read_toml(tmp_path / "bad.toml")
    toml_files.save()
    assert not cache_home.exists()  # nothing read, nothing kept


def test_data_that_is_not_plain_is_never_kept(cache_home, tmp_path):
    path = tmp_path / "dated.toml"
    path.write_text("published = 2026-11-29\nhuge = 123456789012345678901234567890\n", encoding="utf-8")
    data = read_toml(path)
    assert data == tomllib.loads(path.read_text(encoding="utf-8"))
    toml_files.save()
    assert not cache_home.exists()


def test_the_policy_and_its_fingerprint_are_the_same_from_a_kept_copy(cache_home):
    read = load_policy()
    toml_files.save()
    toml_files.forget()
    kept = load_policy()
    assert kept_file(cache_home).exists()
    assert kept.raw == read.raw and kept.fingerprint == read.fingerprint


def test_no_cache_means_nothing_kept_and_nothing_read(cache_home, tmp_path, monkeypatch):
    """REVIEWAPP_NO_CACHE=1 (a house that wants no kept copies): every start parses again."""
    path = tmp_path / "rules.toml"
    path.write_text(RULES, encoding="utf-8")
    read_toml(path)
    toml_files.save()
    assert kept_file(cache_home).exists()

    monkeypatch.setenv("REVIEWAPP_NO_CACHE", "1")
    toml_files.forget()
    parsed: list[str] = []
    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(text) or real(text))
    assert read_toml(path) == tomllib.loads(RULES) and len(parsed) == 2  # read, and the check here
    kept_file(cache_home).unlink()
    toml_files.save()
    assert not kept_file(cache_home).exists()


def test_past_the_limit_a_save_keeps_only_the_files_this_process_read(cache_home, tmp_path, monkeypatch):
    monkeypatch.setattr(toml_files.TABLE, "limit", 2)
    paths = []
    for n in range(3):
        path = tmp_path / f"house-{n}.toml"
        path.write_text(f"version = {n}\n", encoding="utf-8")
        paths.append(path)
        read_toml(path)
    toml_files.save()
    assert len(marshal.loads(kept_file(cache_home).read_bytes())) == 3

    toml_files.forget()  # a later run reads one kept file and one edited since
    read_toml(paths[0])
    paths[1].write_text("version = 10\n", encoding="utf-8")
    read_toml(paths[1])
    toml_files.save()
    kept = marshal.loads(kept_file(cache_home).read_bytes())
    assert sorted(marshal.loads(data)["version"] for data in kept.values()) == [0, 10]


def test_an_edited_files_kept_copy_replaces_the_one_before(cache_home, tmp_path):
    """Each edit of a rule file kept one more copy, and every start read them all."""
    rules, other = tmp_path / "house.toml", tmp_path / "other.toml"
    rules.write_text("version = 1\n", encoding="utf-8")
    other.write_text("version = 0\n", encoding="utf-8")
    read_toml(rules), read_toml(other)
    toml_files.save()
    for version in (2, 3):  # later runs, each after an edit of one file
        toml_files.forget()
        rules.write_text(f"version = {version}\n", encoding="utf-8")
        read_toml(rules)
        toml_files.save()
    kept = marshal.loads(kept_file(cache_home).read_bytes())
    assert sorted(marshal.loads(data)["version"] for data in kept.values()) == [0, 3]


def test_copies_of_a_files_earlier_contents_are_dropped_even_when_nothing_is_new(cache_home, tmp_path):
    """Two runs that read a file before and after an edit may both keep their copy: the next run
    that reads it drops the one it did not read."""
    rules = tmp_path / "house.toml"
    rules.write_text("version = 1\n", encoding="utf-8")
    old_key = kept.file_key(rules, rules.read_bytes())
    rules.write_text("version = 2\n", encoding="utf-8")
    new_key = kept.file_key(rules, rules.read_bytes())
    cache_home.mkdir(parents=True)
    copies = {old_key: marshal.dumps({"version": 1}), new_key: marshal.dumps({"version": 2})}
    kept_file(cache_home).write_bytes(marshal.dumps(copies))
    assert read_toml(rules) == {"version": 2}
    toml_files.save()
    assert marshal.loads(kept_file(cache_home).read_bytes()) == {new_key: copies[new_key]}
    written = kept_file(cache_home).stat().st_mtime_ns
    toml_files.save()  # nothing new, nothing left to drop: not written again
    assert kept_file(cache_home).stat().st_mtime_ns == written


def test_the_table_of_an_earlier_format_is_removed_when_this_one_is_written(cache_home, tmp_path):
    earlier = cache_home / f"toml.marshal{marshal.version}"  # keyed by hashes alone: never read now
    cache_home.mkdir(parents=True)
    earlier.write_bytes(marshal.dumps({"0" * 32: {"version": 0}}))
    rules = tmp_path / "house.toml"
    rules.write_text("version = 1\n", encoding="utf-8")
    read_toml(rules)
    toml_files.save()
    assert kept_file(cache_home).exists() and not earlier.exists()


def test_a_damaged_copy_is_parsed_again_and_the_earlier_format_removed(cache_home, tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(RULES, encoding="utf-8")
    key = kept.file_key(path, path.read_bytes())
    cache_home.mkdir(parents=True)
    kept_file(cache_home).write_bytes(marshal.dumps({key: b"\xffnot marshal"}))
    earlier = cache_home / f"toml-files.marshal{marshal.version}"  # decoded data, every entry at each start
    earlier.write_bytes(marshal.dumps({key: tomllib.loads(RULES)}))
    assert read_toml(path) == tomllib.loads(RULES)
    toml_files.save()
    assert not earlier.exists()
    toml_files.forget()
    assert read_toml(path) == tomllib.loads(RULES)
