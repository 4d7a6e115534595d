"""Schema migrations: a versioned list of SQL steps, applied in order at start-up.

Each applied step is recorded in ``schema_version``; opening a store applies the missing steps in
one transaction (serialised between processes), so running it again is a no-op. Never edit a
released step: append a new one. Steps give one list of statements per dialect (``sqlite``,
``postgresql``).

Dates are stored as ISO ``YYYY-MM-DD`` text and times as integer milliseconds since the epoch in
both databases, so both backends return exactly the same records.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One schema step."""

    version: int
    description: str
    sqlite: tuple[str, ...]
    postgresql: tuple[str, ...]

    def statements(self, dialect: str) -> tuple[str, ...]:
        """Return the statements of this step for ``dialect``."""
        return self.sqlite if dialect == "sqlite" else self.postgresql


def _both(*statements: str) -> dict[str, tuple[str, ...]]:
    return {"sqlite": statements, "postgresql": statements}


SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at BIGINT NOT NULL
)
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "votes and failed searches",
        **_both(
            # One row per reader, page and day: the primary key is what makes a second vote the
            # same day replace the first.
            """
            CREATE TABLE votes (
                day TEXT NOT NULL,
                reader TEXT NOT NULL,
                locale TEXT NOT NULL,
                page TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                helpful BOOLEAN NOT NULL,
                reason TEXT,
                comment TEXT,
                PRIMARY KEY (day, reader, locale, page)
            )
            """,
            "CREATE INDEX votes_by_page ON votes (locale, page, day)",
            """
            CREATE TABLE searches (
                day TEXT NOT NULL,
                reader TEXT NOT NULL,
                locale TEXT NOT NULL,
                normalised TEXT NOT NULL,
                query TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                results INTEGER NOT NULL,
                clicked BOOLEAN NOT NULL,
                PRIMARY KEY (day, reader, locale, normalised)
            )
            """,
            "CREATE INDEX searches_by_query ON searches (locale, normalised, day)",
        ),
    ),
    Migration(
        2,
        "daily reader salt (only the current day's is kept)",
        sqlite=("CREATE TABLE reader_salts (day TEXT PRIMARY KEY, salt BLOB NOT NULL)",),
        postgresql=("CREATE TABLE reader_salts (day TEXT PRIMARY KEY, salt BYTEA NOT NULL)",),
    ),
    Migration(
        3,
        "contact-page events (suggestions shown, clicked, contacts)",
        **_both(
            # One row per visit, event and page a day: the primary key is what makes a page
            # re-sending an event count once. ``page`` is '' for events about no page, since a
            # primary-key column cannot be NULL in PostgreSQL.
            """
            CREATE TABLE contact_events (
                day TEXT NOT NULL,
                session TEXT NOT NULL,
                locale TEXT NOT NULL,
                event TEXT NOT NULL,
                page TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                query_length INTEGER,
                PRIMARY KEY (day, session, locale, event, page)
            )
            """,
            "CREATE INDEX contact_events_by_day ON contact_events (day, locale)",
        ),
    ),
    Migration(
        4,
        "help widget events: the context of the product page ('' on the contact page)",
        **_both("ALTER TABLE contact_events ADD COLUMN context TEXT NOT NULL DEFAULT ''"),
    ),
    Migration(
        5,
        "reformulations: a failed search, then another query whose result the reader opened",
        **_both(
            # One row per reader, pair and page a day: a reader repeating the same rephrasing the
            # same day counts once, so one reader cannot make a proposal alone in a day.
            """
            CREATE TABLE reformulations (
                day TEXT NOT NULL,
                reader TEXT NOT NULL,
                locale TEXT NOT NULL,
                normalised TEXT NOT NULL,
                then_normalised TEXT NOT NULL,
                page TEXT NOT NULL,
                query TEXT NOT NULL,
                then_query TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (day, reader, locale, normalised, then_normalised, page)
            )
            """,
            "CREATE INDEX reformulations_by_day ON reformulations (day, locale)",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
