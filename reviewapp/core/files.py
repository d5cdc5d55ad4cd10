"""Writing files so that a failure never leaves half a file where a good one was."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ReviewAppError


class WriteError(ReviewAppError):
    """A file could not be written; what was there before is untouched."""


def write_atomic(path: Path, content: str | bytes, mode: int | None = None) -> None:
    """Write through a temporary file in the same folder, then rename over the target.

    `mode` sets the file's permissions (0o600 for a private key); by default a
    file keeps the mode it had, and a new one gets the usual 0o644.
    """
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    import tempfile  # here, not at start-up (3 ms): most commands write nothing

    try:
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            keep_mode(Path(name), path)
        else:
            os.chmod(name, mode)
        os.replace(name, path)
    except OSError as exc:
        Path(name).unlink(missing_ok=True)
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from None


def replace_from(temporary: Path, path: Path) -> None:
    """Move a finished temporary file over `path` (for writers that need a file name, like Qt's)."""
    try:
        keep_mode(temporary, path)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from None


def keep_mode(temporary: Path, path: Path) -> None:
    """Temporary files are private (0600); the result gets the old file's mode, or a usual one."""
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = 0o644
    os.chmod(temporary, mode)
