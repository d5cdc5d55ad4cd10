"""The house keyring: who may sign, under which name, in which roles.

A TOML file of people (name, public key, roles), signed by an administrator
whose public key the house policy names (`[signoff] keyring` and
`admin_key`). With a keyring, a decision signed by a key it does not list, or
a sign-off in a role the key does not hold, is refused when it is made and
flagged when the record is verified.

    [[person]]
    name = "Ana Ruiz"
    key = "base64 public key"          # reviewapp keys show
    roles = ["editor"]

    [signature]                        # added by: reviewapp keyring sign FILE
    by = "base64 public key of the administrator"
    value = "base64 signature"
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from .errors import PolicyError
from .files import write_atomic
from .keys import Identity, b64, fingerprint, unb64, verify


class Member(NamedTuple):
    name: str
    key: str  # base64 public key
    roles: tuple[str, ...]


class Keyring(NamedTuple):
    members: dict[str, Member]  # by base64 public key
    source: Path

    def problem(self, key: str, name: str, role: str | None = None) -> str | None:
        """Why this key may not sign as `name` (in `role`), or None when it may."""
        member = self.members.get(key)
        if member is None:
            return f"the key {fingerprint(unb64(key))} is not in the house keyring"
        if member.name != name:
            return f"the key {fingerprint(unb64(key))} is {member.name}'s in the house keyring, not {name}'s"
        if role is not None and role not in member.roles:
            held = ", ".join(member.roles) or "no role"
            return f"{name} may not sign as {role} (the house keyring gives {held})"
        return None


def members_of(data: dict) -> list[Member]:
    people = data.get("person", [])
    if not isinstance(people, list):
        raise ValueError("[[person]] entries expected")
    return [
        Member(str(p["name"]), str(p["key"]), tuple(sorted(str(r) for r in p.get("roles", ()))))
        for p in people
    ]


def signed_bytes(members: list[Member]) -> bytes:
    """What the administrator signs: the members, in a fixed order and form."""
    rows = sorted([m.name, m.key, list(m.roles)] for m in members)
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def load_keyring(path: Path, admin_key: str) -> Keyring:
    """Read a keyring and check the administrator's signature on it."""
    import tomllib  # here: every record command imports this module, few read a keyring

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        members = members_of(data)
        signature = data["signature"]
        by, value = str(signature["by"]), unb64(str(signature["value"]))
    except FileNotFoundError:
        raise PolicyError(f"{path}: the house keyring named in the policy is missing") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise PolicyError(f"{path}: cannot read the house keyring ({exc})") from None
    if by != admin_key:
        raise PolicyError(
            f"{path}: the keyring is signed by {fingerprint(unb64(by))}, not the policy's administrator"
        )
    if not verify(unb64(admin_key), value, signed_bytes(members)):
        raise PolicyError(
            f"{path}: the keyring's signature does not match its content (changed after signing)"
        )
    return Keyring({m.key: m for m in members}, path)


def sign_keyring(path: Path, admin: Identity) -> int:
    """Sign a keyring file as its administrator; returns how many people it lists."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        members = members_of(data)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise PolicyError(f"{path}: cannot read the keyring ({exc})") from None
    lines = []
    for m in members:
        roles = ", ".join(json.dumps(r) for r in m.roles)
        lines += [
            "[[person]]",
            f"name = {json.dumps(m.name)}",
            f"key = {json.dumps(m.key)}",
            f"roles = [{roles}]",
            "",
        ]
    lines += [
        "[signature]",
        f"by = {json.dumps(b64(admin.public_key))}",
        f"value = {json.dumps(b64(admin.sign(signed_bytes(members))))}",
    ]
    write_atomic(
        path,
        "# The house keyring, signed by its administrator: edit, then sign again.\n"
        + "\n".join(lines)
        + "\n",
    )
    return len(members)
