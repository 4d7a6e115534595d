"""SQLite backend: one local file in WAL mode.

Durability: ``synchronous=FULL`` makes every commit fsync the write-ahead log, so a vote
acknowledged after :meth:`SQLiteStore.record` returns survives a crash of the process *and* of the
machine. ``NORMAL`` would only survive a crash of the process. FULL costs one fsync per transaction,
which the collector amortises by committing votes in batches (see :mod:`.writer`), so there is no
reason to trade durability for speed. Checkpoints run beside the writer, not in its commits.
``secure_delete`` overwrites deleted salts, so yesterday's salt does not linger in free pages.

Permissions: a new database file is created ``0600`` (owner only), whatever the umask; SQLite
gives its ``-wal`` and ``-shm`` files the database file's mode, so they are owner-only too.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from helpcentre.collector import storage
from helpcentre.collector.migrations import MIGRATIONS, SCHEMA_VERSION_TABLE
from helpcentre.records import (
    ContactRecord,
    Record,
    ReformulationRecord,
    SearchRecord,
    VoteRecord,
)

_P = "?"

#: Seconds a connection waits for another one's lock (the busy timeout), here and for WAL mode.
_LOCK_TIMEOUT = 30


def _create_owner_only(path: str) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist yet (SQLite would use 0644)."""
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as error:
        raise storage.StorageError(f"{path}: cannot create the SQLite database ({error})") from None
    os.fchmod(descriptor, 0o600)  # the umask may have removed bits, never added: make it exact
    os.close(descriptor)


def _enter_wal_mode(connection: sqlite3.Connection) -> None:
    """Switch the file to WAL mode, waiting while another connection is doing the same.

    SQLite answers "database is locked" at once, without its busy timeout, when connections
    change the journal mode of a new file together (several collector processes starting at
    once): the change is tried again until the timeout.
    """
    deadline = time.monotonic() + _LOCK_TIMEOUT
    pause = 0.005
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


class SQLiteStore:
    """A :class:`~helpcentre.collector.storage.FeedbackStore` over a SQLite file."""

    backend = "sqlite"

    def __init__(self, path: str) -> None:
        if not path:
            raise storage.StorageError("sqlite URL without a path: use sqlite:///feedback.db")
        self.path = path
        if path != ":memory:" and not Path(path).parent.is_dir():
            raise storage.StorageError(
                f"{path}: the directory {Path(path).parent} does not exist -- create it first"
            )
        if path != ":memory:" and not path.startswith("file:"):
            _create_owner_only(path)
        try:
            # Autocommit mode: transactions are opened explicitly, so their extent is obvious.
            # The connection is used by one thread at a time, but not always the one that made it.
            self._connection = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=_LOCK_TIMEOUT
            )
        except sqlite3.Error as error:
            raise storage.StorageError(
                f"{path}: cannot open the SQLite database ({error})"
            ) from None
        try:
            _enter_wal_mode(self._connection)
            self._connection.execute("PRAGMA synchronous=FULL")
            self._connection.execute("PRAGMA secure_delete=ON")
            # Checkpoints copy the log back into the database file and fsync it; done at commit
            # time they stall every request waiting for that commit. :meth:`maintain` runs them
            # off the write path instead (the collector calls it every second).
            self._connection.execute("PRAGMA wal_autocheckpoint=0")
        except sqlite3.Error as error:
            self._connection.close()
            raise storage.StorageError(f"{path}: not a usable SQLite database ({error})") from None

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self._connection.close()

    def schema_version(self) -> int:
        """Return the highest applied schema step (0 for a new file)."""
        exists = self._connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone()
        if not exists:
            return 0
        return int(self._connection.execute(storage.SELECT_VERSION).fetchone()[0])

    def migrate(self) -> int:
        """Apply the missing schema steps in one transaction; return the schema version."""
        connection = self._connection
        # IMMEDIATE takes the write lock first, so two processes starting together do not both
        # apply the same step.
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.execute(SCHEMA_VERSION_TABLE)
            current = int(connection.execute(storage.SELECT_VERSION).fetchone()[0])
            for migration in MIGRATIONS:
                if migration.version <= current:
                    continue
                for statement in migration.statements("sqlite"):
                    connection.execute(statement)
                connection.execute(
                    storage.INSERT_VERSION.format(p=_P),
                    (migration.version, migration.description, storage.now_ms()),
                )
                current = migration.version
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return current

    def record(self, records: Sequence[Record]) -> None:
        """Write ``records`` in one transaction and commit it (fsync) before returning."""
        tables = storage.rows_by_table(records)
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement, rows in tables:
                connection.executemany(statement.format(p=_P), rows)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def reader_salt(self, day: str) -> bytes:
        """Return the salt of ``day``, creating it; salts of earlier days are deleted."""
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.execute("DELETE FROM reader_salts WHERE day < ?", (day,))
            connection.execute(
                "INSERT INTO reader_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING",
                (day, secrets.token_bytes(32)),
            )
            salt = connection.execute(
                "SELECT salt FROM reader_salts WHERE day = ?", (day,)
            ).fetchone()[0]
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return bytes(salt)

    def maintain(self) -> None:
        """Checkpoint the write-ahead log from a connection of its own (safe from any thread).

        A PASSIVE checkpoint never blocks the writer; it copies what it can and the log is reused
        from the start once fully copied, so it stays small.
        """
        if self.path == ":memory:":
            return
        connection = sqlite3.connect(self.path, isolation_level=None, timeout=_LOCK_TIMEOUT)
        try:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            connection.close()

    def fetch_votes(self, since_day: str) -> list[VoteRecord]:
        """Return the votes of ``since_day`` and later."""
        rows = self._connection.execute(storage.SELECT_VOTES.format(p=_P), (since_day,))
        return [storage.vote_from_row(row) for row in rows]

    def fetch_searches(self, since_day: str) -> list[SearchRecord]:
        """Return the failed searches of ``since_day`` and later."""
        rows = self._connection.execute(storage.SELECT_SEARCHES.format(p=_P), (since_day,))
        return [storage.search_from_row(row) for row in rows]

    def fetch_contact_events(self, since_day: str) -> list[ContactRecord]:
        """Return the contact-page events of ``since_day`` and later."""
        rows = self._connection.execute(storage.SELECT_CONTACT_EVENTS.format(p=_P), (since_day,))
        return [storage.contact_event_from_row(row) for row in rows]

    def fetch_reformulations(self, since_day: str) -> list[ReformulationRecord]:
        """Return the reformulations of ``since_day`` and later."""
        rows = self._connection.execute(storage.SELECT_REFORMULATIONS.format(p=_P), (since_day,))
        return [storage.reformulation_from_row(row) for row in rows]
