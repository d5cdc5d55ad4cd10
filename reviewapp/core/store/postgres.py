"""The review record on a PostgreSQL server: one record for a newsroom.

The same record as the local database (sqlite.py: the same tables, hash
chain, signatures and verification, which this class inherits); what differs
is the connection. Appending to the chain takes one transaction-level
advisory lock, so editors on many machines never fork it; the server
refuses changes to the decision tables (server_schema.py). The password
comes from where libpq looks (PGPASSFILE, ~/.pgpass, a service file), else
from the desktop's keyring (passwords.py); it is never shown.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import first_line
from .anchors import load_anchor
from .audit import CHAIN_COLUMNS, ChainScan, scan_chain
from .dialect import POSTGRESQL
from .errors import SchemaError, StoreError, StoreLockedError, StoreReadOnlyError
from .passwords import needs_password, stored_password
from .schema import SCHEMA_VERSION
from .server_schema import FIRST_SERVER_VERSION, NOTIFY_CHANNEL, SCHEMA
from .sqlite import ReviewStore, _busy_timeout

APPEND_LOCK = 0x7265766965776170  # "reviewap": the one advisory lock every writer of the chain takes
CONNECT_TIMEOUT_S = 5


def driver() -> Any:
    """psycopg, or a one-line error naming what to install."""
    try:
        import psycopg
    except ImportError:
        raise StoreError(
            "this reviewapp was installed without PostgreSQL support: pip install 'reviewapp[server]'"
        ) from None
    return psycopg


def shown_url(url: str) -> str:
    """The URL as messages show it: no password, no query."""
    driver()
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # a malformed URL: say no more than its scheme
        return "postgresql://(unreadable address)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host', 'localhost')}{port}/{parts.get('dbname', '')}"


def _database_id(url: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # malformed: connecting says so, in one line
        return shown_url(url)
    return (
        f"postgresql://{parts.get('host', 'localhost')}:{parts.get('port', 5432)}/{parts.get('dbname', '')}"
    )


def connect(url: str) -> tuple[Any, str | None]:
    """A connection to the server in autocommit mode, and the password it took from the keyring
    (None: libpq found one in its own places), to connect again with. Failures in one line."""
    psycopg = driver()
    started = time.monotonic()
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S), None
    except psycopg.Error as exc:
        if not (isinstance(exc, psycopg.OperationalError) and needs_password(exc)):
            raise translate_server(exc, shown_url(url), time.monotonic() - started) from None
        refused = exc
    try:
        password = stored_password(url)
    except StoreError as exc:
        raise StoreError(f"{_refused(refused, url)} ({exc})") from None
    if password is None:
        raise StoreError(
            f"{_refused(refused, url)}. Keep the password in ~/.pgpass, or in the system keyring "
            f"with: reviewapp db password {shown_url(url)}"
        ) from None
    try:
        return psycopg.connect(
            url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, password=password
        ), password
    except psycopg.Error as exc:
        raise translate_server(exc, shown_url(url), time.monotonic() - started) from None


def check_password(url: str, password: str) -> None:
    """Log in once with this password; a one-line StoreError when the server refuses it."""
    psycopg = driver()
    try:
        psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_S, password=password).close()
    except psycopg.Error as exc:
        raise translate_server(exc, shown_url(url), 0.0) from None


def _refused(exc: Exception, url: str) -> str:
    return f"{shown_url(url)}: the review server wants a password ({_reason(exc)})"


def _reason(exc: Exception) -> str:
    """libpq's own words at the end of its first line ("no password supplied"), without the
    connection details in front of them."""
    return first_line(exc).rsplit(": ", 1)[-1].strip()


class _Connection:
    """psycopg's connection as the store uses sqlite3's: `?` parameters, `in_transaction`."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> Any:
        return self.raw.execute(sql.replace("?", "%s"), tuple(params))

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return bool(self.raw.info.transaction_status != TransactionStatus.IDLE)

    def close(self) -> None:
        self.raw.close()


class ServerStore(ReviewStore):
    """One connection to the review record on a PostgreSQL server; one thread uses it."""

    dialect = POSTGRESQL

    def __init__(
        self, url: str, create: bool = False, busy_timeout: float | None = None, offline_ok: bool = False
    ) -> None:
        """`offline_ok`: a server that cannot be reached now is not an error yet (the desktop app
        opens, and says so); each use tries again, and fails in one line until it is back."""
        self.url = url
        self.path = Path(SCHEMA)
        self.label = shown_url(url)
        self.database_id = _database_id(url)  # the anchors' name for it, known without connecting
        self.busy_timeout = busy_timeout if busy_timeout is not None else _busy_timeout()
        self._start_session()
        self._writing = False  # inside a write transaction: a lost connection is not replaced there
        self._raw: Any = None
        self._password: str | None = None  # from the keyring, for the listener's connection
        self.offline: str | None = None  # why the server could not be reached when opened
        try:
            self._connect()
        except StoreError as exc:
            if not offline_ok or isinstance(exc, SchemaError):
                raise
            self.offline = str(exc)

    def _connect(self) -> None:
        psycopg = driver()
        started = time.monotonic()
        raw, self._password = connect(self.url)
        try:
            raw.execute(f"SET search_path TO {SCHEMA}")
            raw.execute(f"SET lock_timeout = '{int(self.busy_timeout * 1000)}ms'")
            self._raw = raw
            self.conn = _Connection(raw)  # type: ignore[assignment]
            self._check_schema()  # each time: the server may have been upgraded meanwhile
        except psycopg.Error as exc:
            raw.close()
            raise translate_server(exc, self.label, time.monotonic() - started) from None
        except BaseException:
            raw.close()
            raise
        self.offline = None

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()

    # -- plumbing

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """The server's failures as one-line StoreErrors."""
        import psycopg

        if (self._raw is None or self._raw.closed) and not self._writing:
            # The server restarted, or the network came back: a new connection, the same record.
            # (Never inside a transaction: what it wrote is gone, and the caller is told so.)
            self._connect()
        started = time.monotonic()
        try:
            yield
        except psycopg.Error as exc:
            raise translate_server(exc, self.label, time.monotonic() - started) from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction holding the chain's lock from its start; inside another, part of it."""
        if threading.get_ident() != self._thread:
            raise StoreError("a review database connection is used by one thread only; open another")
        if not self._writing and (self._raw is None or self._raw.closed):
            self._connect()  # back after a restart (or not: one line)
        if self.conn.in_transaction:
            yield
            return
        with self._errors():
            self.conn.execute("BEGIN")
            self._writing = True
            try:
                self.conn.execute("SELECT pg_advisory_xact_lock(?)", (APPEND_LOCK,))
                yield
            except BaseException:
                if not self._raw.closed:
                    self.conn.execute("ROLLBACK")
                raise
            else:
                self._commit()
            finally:
                self._writing = False

    def _commit(self) -> None:
        import psycopg

        try:
            self.conn.execute("COMMIT")
        except psycopg.OperationalError as exc:
            # Lost as it committed: the server may have recorded it or not. Said so; doing it
            # again is safe (the same decision again is recorded once, see ReviewStore._repeats).
            raise StoreError(
                f"{self.label}: the connection to the review server was lost as the decision was "
                f"being recorded ({first_line(exc)}); it may or may not be recorded: "
                "do it again once the server is back (it is not recorded twice)"
            ) from None

    @property
    def schema_version(self) -> int:
        return self._read(self._version)

    def chain_problems(self) -> list[str]:
        """As for a local database, but from where this machine last found the chain whole.

        On a server, no one who reviews can change or remove an entry (the
        editors' role may only add; triggers refuse changes for everyone), so
        a verdict re-hashes what was added since this machine last checked the
        chain, checks the entry it last saw is still there unchanged, and
        checks the draft's own entries and signatures (`record`). Re-hashing
        all of it, against tampering by the server's owner, is `reviewapp
        audit verify`, as an auditor runs it.
        """
        anchor = load_anchor(self.database_id)
        head = self.head()
        if anchor is None or not anchor.seen.entries or head.entries < anchor.seen.entries:
            return super().chain_problems()  # a first look here, or gone backwards: the whole of it
        if self._checked_links != (head.entries, head.hash):
            seen = anchor.seen
            problem = self.head_problem(seen, "was seen here")
            if problem:
                return [problem]
            scan = self._read(lambda: self._scan_after(seen.entries, seen.hash))
            problems = []
            if scan.broken is not None:
                problems.append(f"the audit log is broken at entry {scan.broken.entry}: {scan.broken.reason}")
            problems += [
                f"the audit log is broken at entry {entry}: its link to its signer's previous entry is broken"
                for entry in scan.signer_breaks
            ]
            if problems:
                return problems
            self._checked_links = (head.entries, head.hash)
        return self._anchor_problems(head)

    def _scan_after(self, entries: int, last: str) -> ChainScan:
        keys = [row[0] for row in self.conn.execute(
            "SELECT DISTINCT key FROM audit WHERE id > ? AND key IS NOT NULL", (entries,)
        )]  # fmt: skip
        signers_last = {}
        for key in keys:
            row = self.conn.execute(
                "SELECT hash FROM audit WHERE key = ? AND id <= ? ORDER BY id DESC LIMIT 1", (key, entries)
            ).fetchone()
            if row is not None:
                signers_last[key] = row[0]
        rows = self.conn.execute(f"SELECT {CHAIN_COLUMNS} FROM audit WHERE id > ? ORDER BY id", (entries,))
        return scan_chain(rows, (entries, last), signers_last)

    def listener(self) -> DecisionListener:
        """A connection of its own that hears of colleagues' decisions as the server records them."""
        return DecisionListener(self.url, self._password)

    def _version(self) -> int:
        exists = self.conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()[0]
        if not exists:
            return 0
        row = self.conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _check_schema(self) -> int:
        version = self._version()
        if version == 0:
            raise SchemaError(
                f"{self.label}: no review record on this server yet; "
                "its administrator sets it up with `reviewapp db init-server`"
            )
        if version < FIRST_SERVER_VERSION:
            raise SchemaError(
                f"{self.label}: the server's schema version ({version}) is not one reviewapp wrote"
            )
        if version > SCHEMA_VERSION:
            raise SchemaError(
                f"{self.label}: the review record on this server is from a newer reviewapp "
                f"(schema {version}, this version reads up to {SCHEMA_VERSION}); update reviewapp"
            )
        if version < SCHEMA_VERSION:
            raise SchemaError(
                f"{self.label}: the review record on this server has an older schema ({version}); "
                "its administrator upgrades it with `reviewapp db upgrade`"
            )
        return version

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        columns = ", ".join(row)
        marks = ", ".join("?" * len(row))
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING id", tuple(row.values())
        )
        return int(cursor.fetchone()[0])


class DecisionListener:
    """A connection of its own that hears of every new decision; for one thread (not the store's)."""

    def __init__(self, url: str, password: str | None = None) -> None:
        """`password`: the one the store took from the keyring, if it did (libpq finds its own)."""
        psycopg = driver()
        self.label = shown_url(url)
        extra = {"password": password} if password else {}
        try:
            self._conn: Any = psycopg.connect(
                url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, **extra
            )
            self._conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        except psycopg.Error as exc:
            raise translate_server(exc, self.label, 0.0) from None

    def wait(self, timeout: float) -> set[str]:
        """The keys of the drafts with new decisions, waiting up to `timeout` seconds for the first."""
        psycopg = driver()
        try:
            keys = {n.payload for n in self._conn.notifies(timeout=timeout, stop_after=1)}
            if keys:  # and what comes with it: a burst (resolve all) is one refresh
                keys.update(n.payload for n in self._conn.notifies(timeout=0.05))
            return keys
        except psycopg.Error as exc:
            raise translate_server(exc, self.label, 0.0) from None

    def close(self) -> None:
        self._conn.close()


def translate_server(exc: Exception, label: str, waited: float) -> StoreError:
    """The one-line error an editor sees for a failure of the review server."""
    import psycopg
    from psycopg import errors

    first = first_line(exc)
    if isinstance(exc, errors.InsufficientPrivilege):
        return StoreReadOnlyError(f"{label}: the server refused: {first}; nothing was written")
    if isinstance(exc, errors.LockNotAvailable | errors.QueryCanceled):
        return StoreLockedError(
            f"{label}: the review record is busy: another writer held it for {waited:.0f} s; try again"
        )
    if isinstance(exc, psycopg.OperationalError) and needs_password(exc):
        return StoreError(
            f"{label}: the review server refused the password ({_reason(exc)}); "
            "nothing was written. Check the one in ~/.pgpass, or keep the right one with: "
            "reviewapp db password URL"
        )
    if isinstance(exc, psycopg.OperationalError):
        return StoreError(
            f"{label}: cannot reach the review server ({first}); nothing was written. "
            "Check the network, or ask your administrator"
        )
    return StoreError(f"{label}: the review server failed ({first})")
