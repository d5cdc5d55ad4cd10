"""Signing keys: each person signs their decisions with an Ed25519 key of their own.

The key is made on first use and kept in the user's data folder
(identity.json, readable by its owner only), optionally encrypted with a
passphrase (Argon2id and XSalsa20-Poly1305, through PyNaCl). A decision
carries the public key and a signature over its audit entry, so nobody
without the private key can write or rewrite one in that person's name.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.exceptions import ValueError as NaclValueError
from nacl.signing import SigningKey, VerifyKey

from .errors import ReviewAppError
from .files import write_atomic
from .paths import data_dir

IDENTITY_FORMAT = 1
PASSPHRASE_VARIABLE = "REVIEWAPP_PASSPHRASE"


class IdentityError(ReviewAppError):
    """The signing key cannot be made, read or used as asked."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(public_key: bytes) -> str:
    """A short name for a public key, as people compare them: 4 groups of 4 hex digits."""
    digest = hashlib.sha256(public_key).hexdigest()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def verify(public_key: bytes, signature: bytes, data: bytes) -> bool:
    try:
        VerifyKey(public_key).verify(data, signature)
    except (BadSignatureError, NaclValueError, TypeError, ValueError):
        return False
    return True


class _Verifier:
    """A public key, decoded once, for checking many signatures by its owner."""

    def __init__(self, key: str) -> None:
        try:
            self._key: VerifyKey | None = VerifyKey(unb64(key))
        except (NaclValueError, TypeError, ValueError):
            self._key = None

    def verify_digest(self, signature: bytes, digest: bytes) -> bool:
        if self._key is None:
            return False
        try:
            self._key.verify(digest, signature)
        except (BadSignatureError, NaclValueError, TypeError, ValueError):
            return False
        return True


@lru_cache(maxsize=4096)
def verify_key(key: str) -> _Verifier:
    """The verifier of a base64 public key (a newsroom has few keys and many decisions)."""
    return _Verifier(key)


class Identity(NamedTuple):
    """A person's name and signing key."""

    name: str
    public_key: bytes
    signing_key: SigningKey

    def __repr__(self) -> str:  # never the signing key
        return f"Identity(name={self.name!r}, fingerprint={self.fingerprint!r})"

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, data: bytes) -> bytes:
        return self.signing_key.sign(data).signature


def identity_path() -> Path:
    return data_dir() / "identity.json"


def load_identity(passphrase: str | None = None, path: Path | None = None) -> Identity | None:
    """This user's identity, or None before the first decision."""
    path = path or identity_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IdentityError(f"{path}: cannot read your signing key ({exc})") from None
    try:
        name, public_key = data["name"], unb64(data["public_key"])
        if data.get("encrypted"):
            seed = _decrypt(data["encrypted"], passphrase or os.environ.get(PASSPHRASE_VARIABLE), path)
        else:
            seed = unb64(data["private_key"])
        signing = SigningKey(seed)
    except (KeyError, TypeError, ValueError, NaclValueError) as exc:
        raise IdentityError(f"{path}: your signing key file is damaged ({exc})") from None
    if bytes(signing.verify_key) != public_key:
        raise IdentityError(f"{path}: the private and public keys do not belong together")
    return Identity(name, public_key, signing)


def create_identity(name: str, passphrase: str | None = None, path: Path | None = None) -> Identity:
    """A new key for `name`, saved readable by its owner only."""
    path = path or identity_path()
    name = name.strip()
    if not name:
        raise IdentityError("a signing key needs the name of the person it belongs to")
    signing = SigningKey.generate()
    seed = bytes(signing)
    data: dict[str, object] = {
        "format": IDENTITY_FORMAT,
        "name": name,
        "public_key": b64(bytes(signing.verify_key)),
        "private_key": None if passphrase else b64(seed),
        "encrypted": _encrypt(seed, passphrase) if passphrase else None,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IdentityError(f"{path.parent}: cannot make the folder for your key ({exc.strerror})") from None
    write_atomic(path, json.dumps(data, indent=2) + "\n", mode=0o600)
    return Identity(name, bytes(signing.verify_key), signing)


def identity_for(name: str, passphrase: str | None = None, path: Path | None = None) -> Identity:
    """The identity that signs decisions here: made for `name` on first use.

    A computer's key belongs to one person; a decision in another name is refused.
    """
    name = name.strip()
    identity = load_identity(passphrase, path)
    if identity is None:
        return create_identity(name, passphrase, path)
    if name and name != identity.name:
        raise IdentityError(
            f"the signing key here is {identity.name}'s ({identity.fingerprint}); "
            f"{name} must sign from their own account"
        )
    return identity


# The passphrase's key derivation is imported where a passphrase is used: the record
# commands only verify signatures, and importing it costs them about 9 ms.


def _encrypt(seed: bytes, passphrase: str) -> dict[str, object]:
    from nacl import pwhash, secret

    salt = os.urandom(pwhash.argon2id.SALTBYTES)
    ops, mem = pwhash.argon2id.OPSLIMIT_INTERACTIVE, pwhash.argon2id.MEMLIMIT_INTERACTIVE
    key = pwhash.argon2id.kdf(
        secret.SecretBox.KEY_SIZE, passphrase.encode("utf-8"), salt, opslimit=ops, memlimit=mem
    )
    return {"salt": b64(salt), "ops": ops, "mem": mem, "box": b64(bytes(secret.SecretBox(key).encrypt(seed)))}


def _decrypt(box: dict[str, object], passphrase: str | None, path: Path) -> bytes:
    if not passphrase:
        raise IdentityError(
            f"{path}: your signing key is protected by a passphrase; set {PASSPHRASE_VARIABLE}"
        )
    from nacl import pwhash, secret

    key = pwhash.argon2id.kdf(
        secret.SecretBox.KEY_SIZE,
        passphrase.encode("utf-8"),
        unb64(str(box["salt"])),
        opslimit=int(str(box["ops"])),
        memlimit=int(str(box["mem"])),
    )
    try:
        return secret.SecretBox(key).decrypt(unb64(str(box["box"])))
    except CryptoError:
        raise IdentityError(f"{path}: wrong passphrase for your signing key") from None
