"""The pages the stale rules look at: front matter, review policy and honest dates.

Dates come from git when the history knows the file and is complete; in a shallow clone, or for a
file git does not know yet, the last content change falls back to the front matter's
``reviewed`` date, and to nothing at all when that is missing -- never to the build date.

This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpcentre.content.frontmatter import (
    FrontMatter,
)
from helpcentre.history import RepositoryHistory
from helpcentre.stale.policy import PolicySettings, ReviewPolicy, article_policy

#: Where a page's dates came from.
DATES_FROM_GIT = "git"
DATES_FROM_FRONT_MATTER = "front matter"


@dataclass
class StalePage:
    """One page as the rules see it.

    Attributes:
        locale: Locale folder (``en``).
        page_id: Path inside the locale folder without ``.md`` (``orders/track-your-order``),
            the same in every locale.
        path: The file as the writer knows it (``docs/en/orders/track-your-order.md``).
        meta: Front matter keys.
        lines: Line of each front matter key in the file.
        policy: The review policy, or None for pages that are not reviewed articles (home, contact).
        updated: Date of the last content change, or None when unknown.
        created: Date the page was created, or None when unknown.
        dates_from: ``git`` or ``front matter`` (what ``updated`` is based on), or ``""``.
    """

    locale: str
    page_id: str
    path: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    lines: Mapping[str, int] = field(default_factory=dict)
    policy: ReviewPolicy | None = None
    updated: dt.date | None = None
    created: dt.date | None = None
    dates_from: str = ""

    def line_of(self, key: str) -> int:
        """Line of front matter ``key``, or 1 when it is absent."""
        return self.lines.get(key, 1)

    @property
    def key(self) -> str:
        """``<locale>/<page id>``, the key of feedback and translation data."""
        return f"{self.locale}/{self.page_id}"


def is_reviewed_article(meta: Mapping[str, Any]) -> bool:
    """Pages with a category or a review date follow the review policy; home and contact do not."""
    return "category" in meta or "reviewed" in meta or "review_by" in meta


def page_dates(
    file: Path, policy: ReviewPolicy | None, history: RepositoryHistory | None
) -> tuple[dt.date | None, dt.date | None, str]:
    """``(updated, created, dates_from)`` of a page.

    Git dates are used when the history has the file and they are real (not a shallow clone's
    boundary); otherwise ``updated`` is the ``reviewed`` date and ``created`` is unknown.
    """
    entry = history.get(file) if history is not None else None
    if entry is not None and history is not None and history.is_exact(file):
        created = None if history.shallow else entry.created.date()
        return entry.updated.date(), created, DATES_FROM_GIT
    reviewed = policy.reviewed if policy is not None else None
    if reviewed is not None:
        return reviewed, None, DATES_FROM_FRONT_MATTER
    return None, None, ""


def build_page(
    *,
    locale: str,
    page_id: str,
    path: str,
    file: Path,
    front: FrontMatter,
    settings: PolicySettings,
    history: RepositoryHistory | None,
) -> StalePage:
    """Make the rules' view of one page.

    Raises:
        ContentError: The review policy in its front matter is wrong (names file and line).
    """
    policy = article_policy(front, path, settings) if is_reviewed_article(front.meta) else None
    updated, created, dates_from = page_dates(file, policy, history)
    return StalePage(
        locale=locale,
        page_id=page_id,
        path=path,
        meta=front.meta,
        lines=front.lines,
        policy=policy,
        updated=updated,
        created=created,
        dates_from=dates_from,
    )
