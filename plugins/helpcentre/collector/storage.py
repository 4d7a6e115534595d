"""Storage of votes, failed searches, reformulations and contact events behind one
:class:`FeedbackStore`.

Two backends pass the same test-suite:

- SQLite, the default, a local file: ``sqlite:///feedback.db`` (relative) or
  ``sqlite:////var/lib/helpcentre/feedback.db`` (absolute, four slashes), in WAL mode;
- PostgreSQL through psycopg 3: ``postgresql://user:password@host/db``.

A store is used by one thread at a time; the collector keeps one for its writer thread and opens
short-lived ones for exports. :meth:`FeedbackStore.record` returns only once its transaction is
committed durably, which is what lets the collector acknowledge a vote.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import fields
from types import TracebackType
from typing import Protocol

from helpcentre.collector.migrations import LATEST_VERSION
from helpcentre.records import (
    ContactRecord,
    Record,
    ReformulationRecord,
    SearchRecord,
    VoteRecord,
)


class StorageError(RuntimeError):
    """The database URL is wrong or the database cannot be used."""


class FeedbackStore(Protocol):
    """What the collector and the exporter need from a database."""

    backend: str
    """``"sqlite"`` or ``"postgresql"``."""

    def migrate(self) -> int:
        """Apply missing schema steps (idempotent) and return the schema version."""
        ...

    def schema_version(self) -> int:
        """Return the highest applied schema step, 0 for an empty database."""
        ...

    def record(self, records: Sequence[Record]) -> None:
        """Write votes, searches and contact events in one transaction, committed durably on return.

        A vote replaces the same reader's vote on the same page the same day; a search replaces
        the same reader's search for the same normalised query the same day; a contact event
        already recorded for the same visit, event and page the same day is kept, the repeat
        ignored.
        """
        ...

    def reader_salt(self, day: str) -> bytes:
        """Return the salt of ``day`` (creating it), deleting the salts of earlier days."""
        ...

    def maintain(self) -> None:
        """Periodic housekeeping kept off the write path; safe to call from any thread."""
        ...

    def fetch_votes(self, since_day: str) -> list[VoteRecord]:
        """Return the votes of ``since_day`` (``YYYY-MM-DD``) and later."""
        ...

    def fetch_searches(self, since_day: str) -> list[SearchRecord]:
        """Return the failed searches of ``since_day`` and later."""
        ...

    def fetch_contact_events(self, since_day: str) -> list[ContactRecord]:
        """Return the contact-page events of ``since_day`` and later."""
        ...

    def fetch_reformulations(self, since_day: str) -> list[ReformulationRecord]:
        """Return the reformulations of ``since_day`` and later."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...

    def __enter__(self) -> FeedbackStore: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...


# SQL shared by both backends; ``{p}`` is the driver's placeholder.
UPSERT_VOTE = """
INSERT INTO votes (day, reader, locale, page, created_at, helpful, reason, comment)
VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}, {p})
ON CONFLICT (day, reader, locale, page) DO UPDATE SET
    created_at = excluded.created_at,
    helpful = excluded.helpful,
    reason = excluded.reason,
    comment = excluded.comment
WHERE excluded.created_at >= votes.created_at
"""
UPSERT_SEARCH = """
INSERT INTO searches (day, reader, locale, normalised, query, created_at, results, clicked)
VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}, {p})
ON CONFLICT (day, reader, locale, normalised) DO UPDATE SET
    query = excluded.query,
    created_at = excluded.created_at,
    results = excluded.results,
    clicked = excluded.clicked
WHERE excluded.created_at >= searches.created_at
"""
SELECT_VOTES = """
SELECT day, created_at, reader, locale, page, helpful, reason, comment
FROM votes WHERE day >= {p} ORDER BY locale, page, created_at
"""
SELECT_SEARCHES = """
SELECT day, created_at, reader, locale, query, normalised, results, clicked
FROM searches WHERE day >= {p} ORDER BY locale, normalised, created_at
"""
INSERT_CONTACT_EVENT = """
INSERT INTO contact_events (day, session, locale, event, page, created_at, query_length, context)
VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}, {p})
ON CONFLICT (day, session, locale, event, page) DO NOTHING
"""
SELECT_CONTACT_EVENTS = """
SELECT day, created_at, session, locale, event, page, query_length, context
FROM contact_events WHERE day >= {p} ORDER BY day, locale, session, event, page
"""
#: The columns of ``reformulations`` in the order of :class:`ReformulationRecord`'s fields.
REFORMULATION_COLUMNS = tuple(field.name for field in fields(ReformulationRecord))
UPSERT_REFORMULATION = f"""
INSERT INTO reformulations ({", ".join(REFORMULATION_COLUMNS)})
VALUES ({", ".join("{p}" for _ in REFORMULATION_COLUMNS)})
ON CONFLICT (day, reader, locale, normalised, then_normalised, page) DO UPDATE SET
    query = excluded.query,
    then_query = excluded.then_query,
    created_at = excluded.created_at
WHERE excluded.created_at >= reformulations.created_at
"""
SELECT_REFORMULATIONS = f"""
SELECT {", ".join(REFORMULATION_COLUMNS)}
FROM reformulations WHERE day >= {{p}}
ORDER BY locale, normalised, then_normalised, page, created_at
"""
SELECT_VERSION = "SELECT COALESCE(MAX(version), 0) FROM schema_version"
INSERT_VERSION = (
    "INSERT INTO schema_version (version, description, applied_at) VALUES ({p}, {p}, {p})"
)


def vote_row(vote: VoteRecord) -> tuple[object, ...]:
    """Return the parameters of :data:`UPSERT_VOTE` for ``vote``."""
    return (
        vote.day,
        vote.reader,
        vote.locale,
        vote.page,
        vote.created_at,
        vote.helpful,
        vote.reason,
        vote.comment,
    )


def search_row(search: SearchRecord) -> tuple[object, ...]:
    """Return the parameters of :data:`UPSERT_SEARCH` for ``search``."""
    return (
        search.day,
        search.reader,
        search.locale,
        search.normalised,
        search.query,
        search.created_at,
        search.results,
        search.clicked,
    )


def contact_event_row(event: ContactRecord) -> tuple[object, ...]:
    """Return the parameters of :data:`INSERT_CONTACT_EVENT` for ``event``."""
    return (
        event.day,
        event.session,
        event.locale,
        event.event,
        event.page or "",
        event.created_at,
        event.query_length,
        event.context or "",
    )


def reformulation_row(entry: ReformulationRecord) -> tuple[object, ...]:
    """Return the parameters of :data:`UPSERT_REFORMULATION` for ``entry``."""
    return tuple(getattr(entry, name) for name in REFORMULATION_COLUMNS)


def rows_by_table(records: Sequence[Record]) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Group ``records`` into (statement template, parameter rows) pairs, one per table."""
    votes = [vote_row(r) for r in records if isinstance(r, VoteRecord)]
    searches = [search_row(r) for r in records if isinstance(r, SearchRecord)]
    contacts = [contact_event_row(r) for r in records if isinstance(r, ContactRecord)]
    pairs = [reformulation_row(r) for r in records if isinstance(r, ReformulationRecord)]
    return [
        (statement, rows)
        for statement, rows in (
            (UPSERT_VOTE, votes),
            (UPSERT_SEARCH, searches),
            (INSERT_CONTACT_EVENT, contacts),
            (UPSERT_REFORMULATION, pairs),
        )
        if rows
    ]


def vote_from_row(row: Sequence[object]) -> VoteRecord:
    """Build a :class:`VoteRecord` from a :data:`SELECT_VOTES` row."""
    day, created_at, reader, locale, page, helpful, reason, comment = row
    return VoteRecord(
        day=str(day),
        created_at=int(created_at),  # type: ignore[call-overload]
        reader=str(reader),
        locale=str(locale),
        page=str(page),
        helpful=bool(helpful),
        reason=None if reason is None else str(reason),
        comment=None if comment is None else str(comment),
    )


def search_from_row(row: Sequence[object]) -> SearchRecord:
    """Build a :class:`SearchRecord` from a :data:`SELECT_SEARCHES` row."""
    day, created_at, reader, locale, query, normalised, results, clicked = row
    return SearchRecord(
        day=str(day),
        created_at=int(created_at),  # type: ignore[call-overload]
        reader=str(reader),
        locale=str(locale),
        query=str(query),
        normalised=str(normalised),
        results=int(results),  # type: ignore[call-overload]
        clicked=bool(clicked),
    )


def contact_event_from_row(row: Sequence[object]) -> ContactRecord:
    """Build a :class:`ContactRecord` from a :data:`SELECT_CONTACT_EVENTS` row."""
    day, created_at, session, locale, event, page, query_length, context = row
    return ContactRecord(
        day=str(day),
        created_at=int(created_at),  # type: ignore[call-overload]
        session=str(session),
        locale=str(locale),
        event=str(event),
        page=str(page) or None,
        query_length=None if query_length is None else int(query_length),  # type: ignore[call-overload]
        context=str(context) or None,
    )


def reformulation_from_row(row: Sequence[object]) -> ReformulationRecord:
    """Build a :class:`ReformulationRecord` from a :data:`SELECT_REFORMULATIONS` row."""
    values = {name: str(value) for name, value in zip(REFORMULATION_COLUMNS, row, strict=True)}
    return ReformulationRecord(**{**values, "created_at": int(values["created_at"])})


def now_ms() -> int:
    """Return the current time in milliseconds since the epoch."""
    return time.time_ns() // 1_000_000


def open_store(url: str) -> FeedbackStore:
    """Open the store a URL names and bring its schema up to date.

    Args:
        url: ``sqlite:///relative.db``, ``sqlite:////absolute.db`` or ``postgresql://...``
            (``postgres://`` is accepted too).

    Raises:
        StorageError: Unknown scheme, or the database cannot be opened.
    """
    store: FeedbackStore
    if url.startswith("sqlite:///"):
        from helpcentre.collector.sqlite_store import SQLiteStore

        store = SQLiteStore(url.removeprefix("sqlite:///"))
    elif url.startswith(("postgresql://", "postgres://")):
        from helpcentre.collector.postgres_store import PostgresStore

        store = PostgresStore(url)
    else:
        shown = re.sub(r"://[^@/]*@", "://***@", url)  # never echo a password
        raise StorageError(
            f"unsupported database URL {shown!r}: use sqlite:///path/to/feedback.db "
            "or postgresql://user:password@host/database"
        )
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store


__all__ = [
    "LATEST_VERSION",
    "FeedbackStore",
    "StorageError",
    "open_store",
]
