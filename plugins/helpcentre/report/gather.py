"""Gather the report's inputs from a docs tree, its git history, ``mkdocs.yml`` and feedback data.

The stale rules run exactly as ``helpcentre check`` runs them (same options from ``mkdocs.yml``),
the translation status comes from :func:`helpcentre.i18n.status.translation_status`, and the
feedback from :func:`helpcentre.feedback.summary.load_summary` (an exported file or a database
URL). A missing input becomes a note in the report rather than an error, except for input the
user named explicitly (a feedback source that cannot be read is an error).

This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpcentre.content.frontmatter import ContentError
from helpcentre.feedback.summary import DEFAULT_SINCE, FeedbackSummary, load_summary
from helpcentre.history import HistoryError, RepositoryHistory, read_history
from helpcentre.i18n.status import translation_status
from helpcentre.report.build import build_report
from helpcentre.report.model import HealthReport
from helpcentre.stale.check import check_options, locales_of, run_check
from helpcentre.stale.commands import (
    I18N_PLUGIN_NAME,
    PLUGIN_NAME,
    plugin_options,
    read_mkdocs_config,
)
from helpcentre.stale.pages import StalePage, read_locale_pages


@dataclass
class ReportSources:
    """Where the report reads from.

    Attributes:
        config: ``mkdocs.yml`` with the review policy (optional: defaults apply when absent).
        docs: The docs folder (default: ``docs_dir`` of the configuration).
        feedback: Feedback summary file or database URL (default: the stale plugin's
            ``feedback_summary`` option), or None.
        since: Window of feedback read from a database (``90d``, ``12w``, an ISO date).
        today: Date the rules and ages compare against (default: today).
    """

    config: Path = Path("mkdocs.yml")
    docs: Path | None = None
    feedback: str | None = None
    since: str = DEFAULT_SINCE
    today: dt.date | None = None


def collect_report(sources: ReportSources) -> HealthReport:
    """Run every capability over the sources and build the report.

    Raises:
        ContentError: The configuration or docs folder is missing or unreadable (names the file).
        ValueError: The feedback source cannot be read, or an option is wrong.
    """
    config: dict[str, Any] = {}
    explicit_config = sources.config != Path("mkdocs.yml")
    if sources.config.exists() or explicit_config:
        config = read_mkdocs_config(sources.config)
    stale = plugin_options(config, PLUGIN_NAME) or {}
    i18n = plugin_options(config, I18N_PLUGIN_NAME) or {}
    if "source_locale" not in stale and i18n.get("default_locale"):
        stale["source_locale"] = i18n["default_locale"]
    docs = sources.docs or sources.config.parent / str(config.get("docs_dir") or "docs")
    if not docs.is_dir():
        raise ContentError(docs, 0, "docs folder not found", "pass --docs path/to/docs")
    feedback = sources.feedback or stale.get("feedback_summary") or None
    if isinstance(feedback, str) and "://" not in feedback and not sources.feedback:
        # Like every path in mkdocs.yml, relative to the configuration file.
        feedback = str(sources.config.parent / feedback)
    options = check_options(
        {**stale, "feedback_summary": None}, where=f"{sources.config}: plugins > {PLUGIN_NAME}"
    )
    today = sources.today or options.today or dt.date.today()
    options.today = today
    notes: list[str] = []

    summary: FeedbackSummary | None = None
    if feedback:
        summary = load_summary(feedback, since=sources.since)
        # The check reads the same source for its low-helpfulness rule.
        options.feedback_summary = str(feedback)

    check = run_check(docs, options)
    notes.extend(check.notes)
    history = _history(docs, options.ignore_marker)
    locales = locales_of(docs, options.source_locale)
    pages: list[StalePage] = []
    for locale in locales:
        found, _errors = read_locale_pages(
            docs, locale, settings=options.settings, history=history
        )  # front matter errors are already flags of the check
        pages.extend(found)

    status = None
    if len(locales) > 1 and (docs / options.source_locale).is_dir():
        try:
            status = translation_status(docs, default_locale=options.source_locale, history=history)
        except ContentError as error:
            notes.append(f"translation lag not reported: {error.message}")
    return build_report(
        today=today,
        source_locale=options.source_locale,
        locales=locales,
        summary=summary,
        flags=check.flags,
        pages=pages,
        translations=status,
        notes=_unique(notes),
    )


def _history(docs: Path, ignore_marker: str | None) -> RepositoryHistory | None:
    try:
        return read_history(docs, under=str(docs.resolve()), ignore_marker=ignore_marker)
    except HistoryError:
        return None  # the check has already noted it; dates fall back to front matter


def _unique(notes: list[str]) -> list[str]:
    seen: list[str] = []
    for note in notes:
        if note not in seen:
            seen.append(note)
    return seen
