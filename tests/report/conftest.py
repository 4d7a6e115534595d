"""A help centre with a history and a feedback database, built through the real code paths.

The git repository has an English source and a French translation; one English article changed
after it was translated (so the French one is outdated), one was last reviewed long ago (so its
review is overdue). The collector's SQLite storage holds votes and failed searches written with
``FeedbackStore.record``, exactly as the collector's writer does, including reader text with
``<script>`` in it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import git
from helpcentre.collector.storage import open_store
from helpcentre.feedback.summary import normalise_query
from helpcentre.records import SearchRecord, VoteRecord

TODAY = dt.datetime.now(dt.timezone.utc).date()
SCRIPT_COMMENT = "<script>alert('comment')</script> the tracking link is dead"
SCRIPT_QUERY = "<script>alert('query')</script> refund"

MKDOCS_YML = """\
site_name: Test help centre
docs_dir: docs
theme:
  name: material
plugins:
  - search
  - helpcentre/i18n:
      default_locale: en
      locales:
        - locale: en
        - locale: fr
  - helpcentre/stale:
      review_every: 1y
      helpfulness_min_votes: 10
"""


def article(title: str, *, owner: str, reviewed: dt.date, body: str) -> str:
    return (
        f"---\ntitle: {title}\ncategory: orders\ntype: guide\nowner: {owner}\n"
        f"reviewed: {reviewed.isoformat()}\nreview_every: 6m\n---\n\n# {title}\n\n{body}\n"
    )


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T10:00:00+00:00"


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def help_centre(git_repo: Path) -> Path:
    """The repository: ``mkdocs.yml`` and ``docs/{en,fr}`` with a real history."""
    write(git_repo, "mkdocs.yml", MKDOCS_YML)
    recent = days_ago(10)
    write(git_repo, "docs/en/index.md", "# Help\n")
    write(git_repo, "docs/fr/index.md", "# Aide\n")
    track = article(
        "Track your order", owner="orders-team", reviewed=recent, body="Open the tracking link."
    )
    write(git_repo, "docs/en/orders/track-your-order.md", track)
    write(
        git_repo,
        "docs/fr/orders/track-your-order.md",
        article("Suivre", owner="orders-team", reviewed=recent, body="Ouvrez le lien de suivi."),
    )
    write(
        git_repo,
        "docs/en/orders/perfect-page.md",
        article("A perfect page", owner="orders-team", reviewed=recent, body="All is clear."),
    )
    write(
        git_repo,
        "docs/fr/orders/perfect-page.md",
        article("Page parfaite", owner="orders-team", reviewed=recent, body="Tout est clair."),
    )
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-q", "-m", "First articles", date=stamp(days_ago(200)))
    write(
        git_repo,
        "docs/en/orders/track-your-order.md",
        track.replace("Open the tracking link.", "Open the tracking page in your account."),
    )
    write(
        git_repo,
        "docs/en/orders/old-returns-policy.md",
        article(
            "Old returns policy", owner="returns-team", reviewed=days_ago(400), body="Thirty days."
        ),
    )
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-q", "-m", "Tracking moved to the account", date=stamp(days_ago(100)))
    return git_repo


def vote(day: dt.date, reader: str, locale: str, page: str, helpful: bool, **extra) -> VoteRecord:
    moment = dt.datetime.combine(day, dt.time(12), dt.timezone.utc)
    return VoteRecord(
        day=day.isoformat(),
        created_at=int(moment.timestamp() * 1000),
        reader=reader,
        locale=locale,
        page=page,
        helpful=helpful,
        reason=extra.get("reason"),
        comment=extra.get("comment"),
    )


def search(day: dt.date, reader: str, locale: str, query: str, results: int) -> SearchRecord:
    moment = dt.datetime.combine(day, dt.time(12), dt.timezone.utc)
    return SearchRecord(
        day=day.isoformat(),
        created_at=int(moment.timestamp() * 1000),
        reader=reader,
        locale=locale,
        query=query,
        normalised=normalise_query(query),
        results=results,
        clicked=False,
    )


#: Votes per (locale, page): (helpful, not helpful).
VOTES = {
    ("en", "orders/track-your-order"): (8, 32),
    ("fr", "orders/track-your-order"): (2, 10),
    ("en", "index"): (30, 0),
}


@pytest.fixture
def feedback_db(tmp_path: Path) -> str:
    """A collector SQLite database with votes over the last weeks and failed searches."""
    url = f"sqlite:///{tmp_path / 'feedback.db'}"
    records: list[VoteRecord | SearchRecord] = []
    for (locale, page), (helpful, not_helpful) in VOTES.items():
        for index in range(helpful + not_helpful):
            is_helpful = index < helpful
            day = days_ago(1 + index % 50)
            extra = {} if is_helpful else {"reason": "outdated" if index % 2 else "unclear"}
            records.append(vote(day, f"r{index}", locale, page, is_helpful, **extra))
    records.append(
        vote(
            days_ago(2),
            "angry",
            "en",
            "orders/track-your-order",
            False,
            reason="outdated",
            comment=SCRIPT_COMMENT,
        )
    )
    for index in range(6):
        records.append(search(days_ago(3 + index * 7), f"s{index}", "en", SCRIPT_QUERY, 0))
    for index in range(3):
        records.append(search(days_ago(5 + index), f"t{index}", "fr", "suivi colis", 4))
    with open_store(url) as store:
        store.record(records)
    return url
