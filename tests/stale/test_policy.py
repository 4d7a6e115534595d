"""Review policy: intervals, dates and defaults, with errors that name file and line."""

from __future__ import annotations

import datetime as dt

import pytest

from helpcentre.content.frontmatter import ContentError, parse_front_matter
from helpcentre.stale.policy import Interval, article_policy, parse_interval, policy_settings

ARTICLE = """---
title: Track your order
category: {category}
type: {kind}
owner: orders-team
reviewed: {reviewed}
{extra}
---

Body.
"""


def front(*, category="orders", kind="faq", reviewed="2026-01-31", extra=""):
    text = ARTICLE.format(category=category, kind=kind, reviewed=reviewed, extra=extra)
    return parse_front_matter("docs/en/orders/track.md", text)


@pytest.mark.parametrize(
    ("text", "start", "due"),
    [
        ("90d", dt.date(2026, 1, 1), dt.date(2026, 4, 1)),
        ("2w", dt.date(2026, 1, 1), dt.date(2026, 1, 15)),
        ("6m", dt.date(2026, 8, 31), dt.date(2027, 2, 28)),
        ("1y", dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
        ("1M", dt.date(2026, 1, 15), dt.date(2026, 2, 15)),
    ],
)
def test_intervals(text: str, start: dt.date, due: dt.date) -> None:
    assert parse_interval(text).after(start) == due


@pytest.mark.parametrize("text", ["6 months", "3q", "0d", "", "m6"])
def test_bad_intervals_say_what_to_write(text: str) -> None:
    with pytest.raises(ValueError, match="90d"):
        parse_interval(text)


def test_article_policy_from_front_matter() -> None:
    policy = article_policy(front(extra="review_every: 6m"), "p.md", policy_settings())
    assert policy.owner == "orders-team"
    assert policy.reviewed == dt.date(2026, 1, 31)
    assert policy.review_every == Interval(6, "m")
    assert policy.review_due == dt.date(2026, 7, 31)
    assert policy.source == "article"


def test_review_by_and_expires() -> None:
    policy = article_policy(
        front(extra="review_by: 2026-03-01\nexpires: '2027-01-10'"), "p.md", policy_settings()
    )
    assert policy.review_due == dt.date(2026, 3, 1)
    assert policy.expires == dt.date(2027, 1, 10)
    assert policy.review_every is None


def test_defaults_category_before_type_before_site() -> None:
    settings = policy_settings(
        review_every="1y",
        max_age="2y",
        categories={"billing": {"review_every": "90d", "owner": "billing-team"}},
        types={"troubleshooting": {"review_every": "6m", "max_age": "1y"}},
    )
    billing = article_policy(front(category="billing", kind="troubleshooting"), "p", settings)
    assert (billing.review_every, billing.source) == (Interval(90, "d"), "category")
    assert billing.max_age == Interval(1, "y")
    assert billing.owner == "orders-team"  # the article's own owner wins
    orders = article_policy(front(kind="troubleshooting"), "p", settings)
    assert (orders.review_every, orders.source) == (Interval(6, "m"), "type")
    guide = article_policy(front(kind="guide"), "p", settings)
    assert (guide.review_every, guide.max_age, guide.source) == (
        Interval(1, "y"),
        Interval(2, "y"),
        "default",
    )


@pytest.mark.parametrize(
    ("extra", "reviewed", "line", "words"),
    [
        ("review_every: 6 months", "2026-01-31", 7, "unknown unit 'months'"),
        ("review_every: often", "2026-01-31", 7, "not an interval"),
        ("review_every: 3q", "2026-01-31", 7, "unknown unit 'q'"),
        ("", "2026-02-30", 6, "'reviewed': '2026-02-30' is not a date"),
        ("", "last spring", 6, "'reviewed'"),
        ("expires: soon", "2026-01-31", 7, "'expires'"),
        ("review_every: 6m\nreview_by: 2026-05-01", "2026-01-31", 8, "both set"),
    ],
)
def test_wrong_values_name_file_and_line(extra: str, reviewed: str, line: int, words: str) -> None:
    with pytest.raises(ContentError) as caught:
        article_policy(
            front(extra=extra, reviewed=reviewed), "docs/en/orders/track.md", policy_settings()
        )
    assert caught.value.path == "docs/en/orders/track.md"
    assert caught.value.line == line
    assert words in caught.value.problem
    assert caught.value.message.startswith(f"docs/en/orders/track.md:{line}: ")
    assert " -- " in caught.value.message


def test_wrong_configuration_names_the_option() -> None:
    with pytest.raises(ValueError, match=r"categories\.billing\.review_every: unknown unit"):
        policy_settings(categories={"billing": {"review_every": "6x"}})
    with pytest.raises(ValueError, match="unknown key 'every'"):
        policy_settings(types={"faq": {"every": "6m"}})
