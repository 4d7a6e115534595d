"""Feedback summaries computed straight from the collector's database.

The aggregation itself is :func:`helpcentre.feedback.summary.build_summary`, which knows nothing of
databases; this module reads the events from a store and hands them over, so the collector
depends on the feedback aggregation and never the other way round.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone

from helpcentre.collector.storage import open_store
from helpcentre.feedback import summary as feedback_summary
from helpcentre.feedback.summary import DEFAULT_SINCE, FeedbackSummary, build_summary, parse_since

_DATABASE_URL = re.compile(r"^(sqlite|postgres|postgresql)://")


def summarise_database(url: str, *, since: str = DEFAULT_SINCE) -> FeedbackSummary:
    """Read the events of the last ``since`` (``90d``, ``12w``, ``2025-01-31``) from a database.

    Args:
        url: ``sqlite:///path/feedback.db`` or ``postgresql://...``.
        since: The window to export.
    """
    today = datetime.now(timezone.utc).date()
    first = parse_since(since, today=today)
    with open_store(url) as store:
        votes = store.fetch_votes(first.isoformat())
        searches = store.fetch_searches(first.isoformat())
        contact_events = store.fetch_contact_events(first.isoformat())
        reformulations = store.fetch_reformulations(first.isoformat())
    return build_summary(
        votes,
        searches,
        since=first,
        until=today,
        contact_events=contact_events,
        reformulations=reformulations,
    )


def load_summary(source: str | os.PathLike[str], *, since: str = DEFAULT_SINCE) -> FeedbackSummary:
    """Load a summary from an exported JSON file or compute it from a database URL.

    Args:
        source: A file written by ``helpcentre feedback export``, or a database URL.
        since: The window when reading a database (a file carries its own).

    Raises:
        ValueError: The file is missing, not JSON, or not a version-1 summary.
    """
    text = os.fspath(source)
    if _DATABASE_URL.match(text):
        return summarise_database(text, since=since)
    return feedback_summary.load_summary(text)
