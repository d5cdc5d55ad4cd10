"""People for tests: each with a signing key of their own (as each has an account of their own)."""

from __future__ import annotations

import re
from pathlib import Path

from reviewapp.core import load_policy
from reviewapp.core.decisions import Signer
from reviewapp.core.keys import Identity, create_identity, load_identity
from reviewapp.core.policy import Policy


class People:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)

    def identity(self, name: str) -> Identity:
        path = self.folder / (re.sub(r"\W+", "-", name.lower()) + ".json")
        return load_identity(None, path) or create_identity(name, None, path)

    def signer(self, name: str, policy: Policy | None = None) -> Signer:
        return Signer(self.identity(name), policy or load_policy())
