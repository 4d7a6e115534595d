"""Options of the ``helpcentre/stale`` plugin."""

from __future__ import annotations

import datetime

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class StaleConfig(Config):
    """Review policy, stale-page rules and the dates readers see."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off: no dates, no notices, no flags."""

    review_every = c.Optional(c.Type(str))
    """How often an article is reviewed when neither it, its category nor its type says:
    ``90d``, ``2w``, ``6m``, ``1y``."""

    max_age = c.Optional(c.Type(str))
    """Longest time an article's content may stay unchanged (``2y``); no limit by default."""

    owner = c.Optional(c.Type(str))
    """Owner of articles that name none."""

    categories = c.Type(dict, default={})
    """Defaults per category id, e.g. ``{billing: {review_every: 6m, max_age: 1y, owner:
    billing-team}}``. A category's defaults win over its type's."""

    types = c.Type(dict, default={})
    """Defaults per article type: ``{troubleshooting: {review_every: 90d}}``."""

    levels = c.Type(dict, default={})
    """Level per rule id (``error``, ``warning``, ``info`` or ``off``), e.g.
    ``{review-overdue: error, low-helpfulness: off}``. Error-level flags fail ``--strict``."""

    ignore_marker = c.Type(str, default="[format]")
    """Commits whose message contains this text do not count as content changes (``""``: all
    commits count)."""

    source_locale = c.Optional(c.Type(str))
    """The locale translations are made from; defaults to ``helpcentre/i18n``'s default locale,
    else ``en``."""

    today = c.Optional(c.Type((str, datetime.date)))
    """Date the rules compare against (ISO); defaults to the build date. Set it for reproducible
    builds."""

    feedback_summary = c.Deprecated(
        message="set the summary once, as 'summary' under plugins > helpcentre/feedback",
        option_type=c.Type(str),
    )
    """Replaced by ``summary`` of ``helpcentre/feedback``, which the low-helpfulness rule reads.
    Still read when ``helpcentre/feedback`` names no summary."""

    helpfulness_min_votes = c.Type(int, default=20)
    """Votes a page needs before the low-helpfulness rule judges it."""

    helpfulness_min_lower_bound = c.Type(float, default=0.5)
    """Flag pages whose Wilson lower bound of the helpful share is below this."""

    translations = c.Type(bool, default=True)
    """Read the translation status to flag translations behind their source."""

    dates = c.Type(bool, default=True)
    """Show "Last updated" and "Reviewed" dates at the end of each article."""

    notice = c.Type(bool, default=False)
    """Show readers a notice on articles that are overdue for review, unchanged too long or
    expired."""

    expired = c.Choice(("keep", "hide_from_search", "exclude"), default="keep")
    """What to do with expired articles: keep them, keep them out of search, or leave them out of
    the build."""
