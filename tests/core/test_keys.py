"""A signing key protected by a passphrase: opened with the right one only, said in one line."""

from __future__ import annotations

import json

import pytest

from reviewapp.core.keys import PASSPHRASE_VARIABLE, IdentityError, create_identity, load_identity


def test_a_key_kept_under_a_passphrase_opens_with_it_only(tmp_path, monkeypatch):
    path = tmp_path / "identity.json"
    made = create_identity("Ana Ruiz", "correct horse", path)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["private_key"] is None and stored["encrypted"]["box"]  # not kept in the clear

    monkeypatch.delenv(PASSPHRASE_VARIABLE, raising=False)
    with pytest.raises(IdentityError, match=f"protected by a passphrase; set {PASSPHRASE_VARIABLE}"):
        load_identity(None, path)
    with pytest.raises(IdentityError, match="wrong passphrase"):
        load_identity("battery staple", path)
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "correct horse")
    opened = load_identity(None, path)
    assert opened is not None and opened.fingerprint == made.fingerprint and opened.name == "Ana Ruiz"
