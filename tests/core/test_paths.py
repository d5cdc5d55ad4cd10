"""Where the user's files live: the XDG folders on Linux, as platformdirs gives them."""

from __future__ import annotations

import platformdirs
import pytest

from reviewapp.core import paths

pytestmark = pytest.mark.skipif(
    not paths._xdg_platform(), reason="the XDG folders are a Linux and BSD matter"
)


def _platformdirs(kind: str):
    return {
        "data": platformdirs.user_data_path,
        "config": platformdirs.user_config_path,
        "cache": platformdirs.user_cache_path,
    }[kind]("reviewapp", appauthor=False)


@pytest.mark.parametrize("kind", ["data", "config", "cache"])
@pytest.mark.parametrize("xdg", ["unset", "absolute", "relative", "empty"])
def test_the_folders_are_those_platformdirs_gives(monkeypatch, tmp_path, kind, xdg):
    monkeypatch.delenv(paths.HOME_VARIABLE, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    variable = paths._XDG[kind][0]
    value = {"unset": None, "absolute": str(tmp_path / "xdg"), "relative": "rel/xdg", "empty": ""}[xdg]
    if value is None:
        monkeypatch.delenv(variable, raising=False)
    else:
        monkeypatch.setenv(variable, value)
    ours = {"data": paths.data_dir, "config": paths.config_dir, "cache": paths.cache_dir}[kind]()
    assert ours == _platformdirs(kind)
    assert ours.is_absolute() and ours.name == "reviewapp"


def test_reviewapp_home_holds_them_all(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.HOME_VARIABLE, str(tmp_path))
    assert paths.data_dir() == paths.config_dir() == tmp_path
    assert paths.cache_dir() == tmp_path / "cache"
