"""PostgreSQL backend through psycopg 3.

Durability comes from the server: with its default ``synchronous_commit = on``, ``COMMIT`` returns
after the WAL is flushed, and :meth:`PostgresStore.record` returns after ``COMMIT``. A schema can be
chosen in the URL with libpq's ``options`` parameter
(``postgresql://.../db?options=-csearch_path%3Dhelpcentre``).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from types import TracebackType

import psycopg

from helpcentre.collector import storage
from helpcentre.collector.migrations import MIGRATIONS, SCHEMA_VERSION_TABLE
from helpcentre.records import (
    ContactRecord,
    Record,
    ReformulationRecord,
    SearchRecord,
    VoteRecord,
)

_P = "%s"
# Arbitrary constant identifying "helpcentre schema migration" among advisory locks.
_MIGRATION_LOCK = 4_711_020_251


def _without_password(url: str) -> str:
    conninfo = psycopg.conninfo.conninfo_to_dict(url)
    conninfo.pop("password", None)
    return " ".join(f"{key}={value}" for key, value in conninfo.items())


class PostgresStore:
    """A :class:`~helpcentre.collector.storage.FeedbackStore` over a PostgreSQL database."""

    backend = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            # Autocommit outside explicit ``transaction()`` blocks: reads do not leave an idle
            # transaction open between calls.
            self._connection = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            raise storage.StorageError(
                f"cannot connect to PostgreSQL ({_without_password(url)}): {error}".strip()
            ) from None

    def __enter__(self) -> PostgresStore:
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
        """Return the highest applied schema step (0 for an empty schema)."""
        row = self._connection.execute("SELECT to_regclass('schema_version')").fetchone()
        if row is None or row[0] is None:
            return 0
        return int(self._connection.execute(storage.SELECT_VERSION).fetchone()[0])  # type: ignore[index]

    def migrate(self) -> int:
        """Apply the missing schema steps in one transaction; return the schema version."""
        with self._connection.transaction():
            # Serialises concurrent start-ups; released at the end of the transaction.
            self._connection.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self._connection.execute(SCHEMA_VERSION_TABLE)
            current = int(self._connection.execute(storage.SELECT_VERSION).fetchone()[0])  # type: ignore[index]
            for migration in MIGRATIONS:
                if migration.version <= current:
                    continue
                for statement in migration.statements("postgresql"):
                    self._connection.execute(statement)
                self._connection.execute(
                    storage.INSERT_VERSION.format(p=_P),
                    (migration.version, migration.description, storage.now_ms()),
                )
                current = migration.version
        return current

    def record(self, records: Sequence[Record]) -> None:
        """Write ``records`` in one transaction, committed before returning."""
        tables = storage.rows_by_table(records)
        with self._connection.transaction(), self._connection.cursor() as cursor:
            for statement, rows in tables:
                cursor.executemany(statement.format(p=_P), rows)

    def reader_salt(self, day: str) -> bytes:
        """Return the salt of ``day``, creating it; salts of earlier days are deleted."""
        with self._connection.transaction():
            self._connection.execute("DELETE FROM reader_salts WHERE day < %s", (day,))
            self._connection.execute(
                "INSERT INTO reader_salts (day, salt) VALUES (%s, %s) ON CONFLICT (day) DO NOTHING",
                (day, secrets.token_bytes(32)),
            )
            row = self._connection.execute(
                "SELECT salt FROM reader_salts WHERE day = %s", (day,)
            ).fetchone()
        return bytes(row[0])  # type: ignore[index]

    def maintain(self) -> None:
        """Nothing to do: the server checkpoints and vacuums on its own."""

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
