"""Data the rules read from other capabilities: feedback votes, translation status, broken links.

Each source is optional. The feedback summary and the translation status are read through their
own modules when those are installed, and their results are turned into the small records the
rules use (:class:`PageVotes`, :class:`TranslationLag`), so a rule never depends on another
capability's classes.

This module never imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from helpcentre.dates import as_date
from helpcentre.stale.rules import PageVotes, TranslationLag

_VOTE_FIELDS = ("votes", "helpful", "not_helpful", "wilson_lower_bound")
#: Translation states that mean "made from an older version of the source".
BEHIND_STATES = frozenset({"outdated", "behind"})


def _field(entry: Any, name: str) -> Any:
    if isinstance(entry, Mapping):
        return entry.get(name)
    return getattr(entry, name, None)


def feedback_votes(summary: Any) -> dict[str, PageVotes]:
    """Votes per ``<locale>/<page id>`` from a feedback summary.

    Accepts a ``helpcentre.feedback.summary.FeedbackSummary`` or its JSON data (``{"pages":
    {key: {votes, helpful, not_helpful, wilson_lower_bound}}}``); entries missing a number are
    skipped rather than guessed.
    """
    pages = _field(summary, "pages")
    if not isinstance(pages, Mapping):
        return {}
    votes: dict[str, PageVotes] = {}
    for key, entry in pages.items():
        values = [_field(entry, name) for name in _VOTE_FIELDS]
        if any(isinstance(v, bool) or not isinstance(v, int | float) for v in values):
            continue
        total, helpful, not_helpful, lower = values
        votes[str(key)] = PageVotes(int(total), int(helpful), int(not_helpful), float(lower))
    return votes


def translation_lags(status: Any, *, docs_prefix: str = "docs") -> dict[str, TranslationLag]:
    """Translations behind their source, per ``<locale>/<page id>``.

    Args:
        status: A ``helpcentre.i18n.status.TranslationStatus`` or its ``to_dict()`` data, i.e.
            ``{"locales": {code: {"articles": [{locale, article, state, source_path,
            source_changed}, ...]}}}``.
        docs_prefix: Folder name put before ``source_path`` (``en/...``) in messages.
    """
    locales = _field(status, "locales")
    if not isinstance(locales, Mapping):
        return {}
    lags: dict[str, TranslationLag] = {}
    for code, locale_status in locales.items():
        articles = _field(locale_status, "articles")
        entries = articles.values() if isinstance(articles, Mapping) else (articles or [])
        for entry in entries:
            state = _field(entry, "state")
            state = str(getattr(state, "value", state))
            article = _field(entry, "article")
            if state not in BEHIND_STATES or not isinstance(article, str):
                continue
            page_id = article[: -len(".md")] if article.endswith(".md") else article
            source = str(_field(entry, "source_path") or article)
            lags[f"{code}/{page_id}"] = TranslationLag(
                locale=str(code),
                page_id=page_id,
                source_path=f"{docs_prefix}/{source}" if docs_prefix else source,
                state=state,
                source_updated=as_date(_field(entry, "source_changed")),
            )
    return lags
