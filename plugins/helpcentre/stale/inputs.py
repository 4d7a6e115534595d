"""Data the rules read from other capabilities: feedback votes, translation status, broken links.

Each source is optional. The feedback summary and the translation status are read through their
own modules when those are installed, and their results are turned into the small records the
rules use (:class:`PageVotes`, :class:`TranslationLag`), so a rule never depends on another
capability's classes.

This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from helpcentre.content.frontmatter import ContentError, parse_front_matter
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


def load_feedback(source: str | Path) -> dict[str, PageVotes]:
    """Read a feedback summary file (or database URL) into votes per page.

    Uses ``helpcentre.feedback.summary.load_summary`` when that module is present, which also
    validates the format; otherwise reads the JSON file directly.

    Raises:
        ValueError: The summary cannot be read; the message names it and what to do.
    """
    try:
        summary_module = importlib.import_module("helpcentre.feedback.summary")
    except ImportError:
        summary_module = None
    loader = getattr(summary_module, "load_summary", None)
    if loader is not None:
        return feedback_votes(loader(source))
    path = Path(source)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(
            f"{path}: feedback summary not found -- export it with 'helpcentre feedback export'"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: cannot read the feedback summary ({error})") from None
    return feedback_votes(data)


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
                source_updated=_as_date(_field(entry, "source_changed")),
            )
    return lags


def read_translation_status(
    docs_root: Path, *, source_locale: str, history: Any
) -> dict[str, TranslationLag]:
    """Translations behind their source, from ``helpcentre.i18n.status`` when it is installed.

    Returns an empty mapping when the module is absent or there is a single locale.

    Raises:
        ContentError: A translation cannot be read (names file and line).
    """
    try:
        status_module = importlib.import_module("helpcentre.i18n.status")
    except ImportError:
        return {}
    compute = getattr(status_module, "translation_status", None)
    docs_root = Path(docs_root)
    others = (
        [p for p in docs_root.iterdir() if p.is_dir() and p.name != source_locale]
        if docs_root.is_dir()
        else []
    )
    if compute is None or not others or not (docs_root / source_locale).is_dir():
        return {}
    status = compute(docs_root, default_locale=source_locale, history=history)
    return translation_lags(status, docs_prefix=docs_root.name)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value).date()
        except ValueError:
            return None
    return None


def links_by_page(
    errors: list[ContentError], *, locale: str, prefix: str
) -> dict[str, list[ContentError]]:
    """Group broken-link errors by page key (``<locale>/<page id>``).

    Args:
        errors: Errors whose paths start with ``prefix``.
        locale: The locale folder the errors come from.
        prefix: What paths start with before the page's path in the locale folder (``docs/en/``).
    """
    grouped: dict[str, list[ContentError]] = {}
    for error in errors:
        inside = error.path[len(prefix) :] if error.path.startswith(prefix) else error.path
        page_id = inside[: -len(".md")] if inside.endswith(".md") else inside
        grouped.setdefault(f"{locale}/{page_id}", []).append(error)
    return grouped


def read_broken_links(
    docs_root: Path, locale: str, *, source_locale: str | None = None
) -> dict[str, list[ContentError]]:
    """Broken internal links and anchors of one locale folder, per page key.

    A translation may link to a page its locale lacks: the build then serves the source locale's
    page (fallback), so such a link is only broken when the source locale lacks it too.
    Uses ``helpcentre.content.links``; returns nothing when that module is not installed.
    """
    try:
        links = importlib.import_module("helpcentre.content.links")
    except ImportError:
        return {}
    folder = Path(docs_root) / locale
    prefix = f"{folder.parent.name}/{locale}/"
    if source_locale is None or source_locale == locale:
        return links_by_page(links.broken_links(folder), locale=locale, prefix=prefix)
    anchors: dict[str, set[str] | None] = {}
    found: list[Any] = []
    for base, collect in ((Path(docs_root) / source_locale, False), (folder, True)):
        for file in sorted(p for p in base.rglob("*") if p.is_file()):
            relative = file.relative_to(base).as_posix()
            if file.suffix != ".md":
                anchors[relative] = None
                continue
            front = parse_front_matter(f"{prefix}{relative}", file.read_text(encoding="utf-8"))
            anchors[relative] = links.anchors_in_markdown(front.body)
            if collect:
                found.extend(links.find_links(relative, front.body, first_line=front.body_line))
    errors = links.check_links(found, anchors, path_prefix=prefix)
    return links_by_page(errors, locale=locale, prefix=prefix)
