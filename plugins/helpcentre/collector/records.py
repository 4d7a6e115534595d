"""What the collector stores: one row per vote and per failed search, already validated.

These are plain data; storage backends write and read them, and
:func:`helpcentre.feedback.summary.build_summary` aggregates them. No raw client address ever
appears here: ``reader`` is a keyed hash that changes every day (see :mod:`.readers`).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Reasons a reader may give with a "No, this did not help" vote, in display order.
REASONS: tuple[str, ...] = ("outdated", "unclear", "missing-information", "not-solved", "other")


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


Record = VoteRecord | SearchRecord
