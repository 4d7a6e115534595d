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
from helpcentre.feedback.summary import DEFAULT_SINCE, normalise_query
from helpcentre.report.build import build_report
from helpcentre.report.model import HealthReport
from helpcentre.report.synonyms import ArticleRef
from helpcentre.search.synonyms import SynonymError, load_synonyms
from helpcentre.search.vocabulary import lexicon_groups
from helpcentre.site.model import SiteModel, load_site
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
    notes = list(model.notes)
    return build_report(
        synonyms=_synonym_groups(model, notes),
        articles=_article_refs(model),
        today=today,
        source_locale=model.default_locale,
        locales=[locale.code for locale in model.locales if locale.code in model.content],
        summary=model.summary,
        flags=model.problems,
        pages=list(model.pages.values()),
        translations=model.status,
        notes=_unique(notes),
    )


def _synonym_groups(model: SiteModel, notes: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """Each locale's synonym groups, the shipped lexicon's included when the search uses it, so
    that proposals leave out what the search already joins."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for locale in model.content:
        found = groups.setdefault(locale, [])
        if model.settings.search_lexicon:
            found += [group.members for group in lexicon_groups(locale)]
        path = Path(model.settings.synonyms_file.format(locale=locale))
        if not path.is_file():
            continue
        try:
            found += [group.members for group in load_synonyms(path)]
        except SynonymError as error:
            notes.append(f"proposed synonyms: {error} (proposals may repeat its groups)")
    return groups


def _aliases(value: object) -> frozenset[str]:
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return frozenset(normalise_query(str(item)) for item in values if str(item).strip())


def _article_refs(model: SiteModel) -> dict[tuple[str, str], ArticleRef]:
    """The article of each page id a locale publishes (a fallback page is its source's)."""
    refs: dict[tuple[str, str], ArticleRef] = {}
    for locale in model.content:
        for path, (owner, source_path) in model.published(locale).items():
            article = model.articles(owner).get(source_path)
            if article is None:
                continue
            refs[(locale, path.removesuffix(".md"))] = ArticleRef(
                title=article.title,
                path=model.display(owner, source_path),
                aliases=_aliases(article.meta.get("aliases")),
            )
    return refs


def _unique(notes: list[str]) -> list[str]:
    seen: list[str] = []
    for note in notes:
        if note not in seen:
            seen.append(note)
    return seen
