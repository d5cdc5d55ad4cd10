"""A real PostgreSQL server for the tests: a fresh cluster in a temporary folder on 127.0.0.1.

Made from Debian's `postgresql` package (`.ci/run` installs it): `initdb`,
then `pg_ctl start`; stopped when the test session ends. As root (CI), the
server runs as the `postgres` user, as PostgreSQL requires. The superuser
`admin` logs in with a password over TCP, as a newsroom's server would ask.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ADMIN, ADMIN_PASSWORD = "admin", "admin-secret"
REVIEWER_PASSWORD = "kr-Secret-7"  # the password of the tests' reviewer login (conftest: `login`)


def server_binaries() -> Path | None:
    """The folder of initdb and pg_ctl, if PostgreSQL is installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    bin: Path
    folder: Path
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(
        self, database: str = "postgres", user: str = ADMIN, password: str | None = ADMIN_PASSWORD
    ) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=on"
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start"
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        """Stop it for good and delete its files."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def restart(self) -> None:
        self.stop()
        self.start()


def start_server() -> PgServer:
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (apt install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="reviewapp-pg-"))
    secret = folder / "pw"
    secret.write_text(ADMIN_PASSWORD + "\n")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(secret, "postgres")
    server = PgServer(binaries, folder, _free_port())
    server._run("initdb", "-D", str(server.data), "-U", ADMIN, f"--pwfile={secret}", "-A", "scram-sha-256",
                "--no-sync", "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
    server.start()
    return server
