"""Options of the ``helpcentre/feedback`` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FeedbackConfig(Config):
    """The "Was this article helpful?" widget and what the build learns from past votes."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off: no widget, no helpfulness data on pages."""

    endpoint = c.Type(str, default="/api/v1")
    """Base URL of the feedback collector's API; votes go to ``<endpoint>/votes``. A path
    (``/api/v1``) posts to the site's own origin, as ``make run`` serves it; a full URL
    (``https://feedback.example.com/api/v1``) posts to a collector elsewhere, which must list the
    site's origin in ``HELPCENTRE_CORS_ORIGINS``."""

    summary = c.Optional(c.Type(str))
    """Feedback summary to learn from: a file written by ``helpcentre feedback export`` (relative
    paths from ``mkdocs.yml``) or a database URL (``sqlite:///...``, ``postgresql://...``).
    Unset: pages get no helpfulness data."""

    summary_since = c.Type(str, default="90d")
    """Window of votes read from a database URL (``90d``, ``12w``, ``2025-01-31``); an exported
    file carries its own window."""

    show_helpful_share = c.Type(bool, default=False)
    """Show "N% found this helpful" under the widget of pages with at least ``min_votes``."""

    min_votes = c.Type(int, default=10)
    """Votes a page needs before its helpful share is shown."""

    top_reasons = c.Type(int, default=3)
    """How many of the most frequent "not helpful" reasons ``page.meta["helpfulness"]`` lists."""
