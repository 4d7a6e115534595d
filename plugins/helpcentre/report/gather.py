"""Gather the report's inputs: one reading of the site model (``helpcentre.site``).

The verdict is the one ``helpcentre check`` prints, the translation status and the feedback
summary (an exported file or a database URL) are the model's, read once. A missing input becomes
a note in the report rather than an error, except feedback that cannot be read.

This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from helpcentre.content.frontmatter import ContentError
from helpcentre.feedback.summary import DEFAULT_SINCE
from helpcentre.report.build import build_report
from helpcentre.report.model import HealthReport
from helpcentre.site.model import load_site
from helpcentre.site.settings import site_settings


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
    """Read the site model once and build the report from it.

    Raises:
        ContentError: The configuration or docs folder is missing or unreadable (names the file).
        ValueError: The feedback source cannot be read, or an option is wrong.
    """
    explicit_config = sources.config != Path("mkdocs.yml")
    config_file = sources.config if sources.config.exists() or explicit_config else None
    settings = site_settings(config_file, docs_root=sources.docs)
    if not settings.docs_root.is_dir():
        raise ContentError(
            settings.docs_root, 0, "docs folder not found", "pass --docs path/to/docs"
        )
    if sources.feedback:
        settings.feedback_summary = sources.feedback
    settings.summary_since = sources.since
    today = sources.today or settings.today or dt.date.today()
    model = load_site(settings, today=today)
    if settings.feedback_summary and model.summary is None:
        # A feedback source that was named but cannot be read is an error, not a note.
        raise ValueError(next(note for note in model.notes if note.startswith("feedback")))
    return build_report(
        today=today,
        source_locale=model.default_locale,
        locales=[locale.code for locale in model.locales if locale.code in model.content],
        summary=model.summary,
        flags=model.problems,
        pages=list(model.pages.values()),
        translations=model.status,
        notes=_unique(model.notes),
    )


def _unique(notes: list[str]) -> list[str]:
    seen: list[str] = []
    for note in notes:
        if note not in seen:
            seen.append(note)
    return seen
