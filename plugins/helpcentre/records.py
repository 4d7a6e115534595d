"""What the collector stores: one row per vote, failed search, reformulation and contact-page event,
validated.

These are plain data with one home below both their users: the collector's storage backends
write and read them, and :func:`helpcentre.feedback.summary.build_summary` aggregates them, so
neither package imports the other for the schema. No raw client address ever appears here:
``reader`` is a keyed hash that changes every day (see :mod:`helpcentre.collector.readers`), and
so is a contact event's ``session``.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Reasons a reader may give with a "No, this did not help" vote, in display order.
REASONS: tuple[str, ...] = ("outdated", "unclear", "missing-information", "not-solved", "other")
#: What the contact page reports, in the order a visit goes through them.
CONTACT_EVENTS: tuple[str, ...] = ("shown", "clicked", "contacted")
#: What a help widget context id may be: what a product page writes in ``data-context``.
CONTEXT_PATTERN = r"[a-z0-9][a-z0-9_-]{0,39}"


@dataclass(frozen=True, slots=True)
class VoteRecord:
    """One reader's vote on one page for one day (a later vote the same day replaces it)."""

    day: str
    """UTC date of the vote, ``YYYY-MM-DD``."""
    created_at: int
    """Time of the vote in milliseconds since the Unix epoch (UTC)."""
    reader: str
    """Daily-rotating keyed hash of client address and user agent."""
    locale: str
    page: str
    helpful: bool
    reason: str | None
    comment: str | None


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """A search that found nothing useful: no results, or results nobody clicked."""

    day: str
    created_at: int
    reader: str
    locale: str
    query: str
    """The query as typed, trimmed."""
    normalised: str
    """The grouping key, see :func:`helpcentre.feedback.summary.normalise_query`."""
    results: int
    clicked: bool


@dataclass(frozen=True, slots=True)
class ContactRecord:
    """One event of one visit to the contact page or of one opening of the help widget on a
    product's page: suggestions shown, an article opened, or a contact.

    A visit records each event once per day (a click once per suggested page), so counts are
    visits, not repeated clicks.
    """

    day: str
    created_at: int
    session: str
    """Keyed hash, under the day's salt, of the random id the page drew for this visit."""
    locale: str
    event: str
    """One of :data:`CONTACT_EVENTS`."""
    page: str | None
    """The suggested page opened (``clicked`` only)."""
    query_length: int | None
    """Characters typed in the question when the event happened; the question never leaves the
    page."""
    context: str | None = None
    """The widget's context (``billing``) for an event of the widget; None on the contact page."""


@dataclass(frozen=True, slots=True)
class ReformulationRecord:
    """A failed search followed, in the same browser tab, by another query whose result the reader
    opened: how readers rephrase what the help centre did not understand.

    One per reader, day, pair of queries and page (a repeat the same day replaces it).
    """

    day: str
    created_at: int
    reader: str
    """Daily-rotating keyed hash of client address and user agent, as for votes."""
    locale: str
    query: str
    """The failed query, trimmed, personal identifiers replaced."""
    normalised: str
    """Its grouping key, see :func:`helpcentre.feedback.summary.normalise_query`."""
    then_query: str
    """The query whose result was opened, trimmed, personal identifiers replaced."""
    then_normalised: str
    page: str
    """The page id of the result opened."""


Record = VoteRecord | SearchRecord | ContactRecord | ReformulationRecord
