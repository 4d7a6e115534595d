"""The core of the build's feedback: helpfulness per page and which pages ask for votes."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from helpcentre.feedback.helpfulness import (
    check_endpoint,
    format_helpful_share,
    page_helpfulness,
    wants_feedback,
)
from helpcentre.feedback.summary import build_summary
from helpcentre.records import VoteRecord


def vote(page: str, helpful: bool, reason: str | None = None, reader: str = "r") -> VoteRecord:
    return VoteRecord("2026-01-10", 0, reader, "fr", page, helpful, reason, None)


def test_helpfulness_copies_the_summary_and_ranks_reasons() -> None:
    votes = [vote("a", True, reader=f"y{i}") for i in range(6)]
    votes += [vote("a", False, "unclear", f"u{i}") for i in range(2)]
    votes += [vote("a", False, "outdated", "o"), vote("a", False, "other", "x")]
    summary = build_summary(
        votes,
        [],
        since=date(2026, 1, 1),
        until=date(2026, 1, 31),
        generated_at=datetime(2026, 1, 31, tzinfo=timezone.utc),
    )
    found = page_helpfulness(summary, "fr", "a", top=2)
    assert found is not None
    entry = summary.page("fr", "a")
    assert (found.votes, found.helpful, found.not_helpful) == (10, 6, 4)
    assert found.wilson_lower_bound == entry.wilson_lower_bound
    assert found.helpful_share == 0.6 and found.percent == 60
    # Most frequent first; ties in the widget's order (outdated before other).
    assert found.top_reasons == (("unclear", 2), ("outdated", 1))
    assert page_helpfulness(summary, "en", "a") is None
    assert page_helpfulness(summary, "fr", "b") is None
    assert page_helpfulness(None, "fr", "a") is None


@pytest.mark.parametrize(
    ("meta", "page_id", "expected"),
    [
        ({}, "orders/track-your-order", True),
        ({"feedback": False}, "orders/track-your-order", False),
        ({"hide": ["toc", "feedback"]}, "orders/track-your-order", False),
        ({}, "index", False),
        ({"type": "contact"}, "contact", False),
        ({"type": "contact", "feedback": True}, "contact", True),
    ],
)
def test_which_pages_ask(meta: dict, page_id: str, expected: bool) -> None:
    assert wants_feedback(meta, page_id) is expected


def test_feedback_must_be_a_boolean() -> None:
    with pytest.raises(ValueError, match="'feedback' must be true or false, not 'no thanks'"):
        wants_feedback({"feedback": "no thanks"}, "orders/a")


def test_endpoints() -> None:
    assert check_endpoint("/api/v1/") == "/api/v1"
    assert check_endpoint("https://feedback.example.com/api/v1") == (
        "https://feedback.example.com/api/v1"
    )
    for bad in ("api/v1", "//evil.example/api", "ftp://x/api", ""):
        with pytest.raises(ValueError, match="neither a path on this site nor an http"):
            check_endpoint(bad)


def test_share_written_the_locale_way() -> None:
    summary = build_summary(
        [
            vote("a", True, reader="1"),
            vote("a", True, reader="2"),
            vote("a", False, reader="3"),
            vote("a", True, reader="4"),
        ],
        [],
        since=date(2026, 1, 1),
        until=date(2026, 1, 31),
    )
    found = page_helpfulness(summary, "fr", "a")
    assert found is not None
    assert format_helpful_share(found, "en") == "75%"
    assert format_helpful_share(found, "fr").replace("\u202f", " ").replace("\xa0", " ") == "75 %"
    assert format_helpful_share(found, "zz-unknown") == "75%"
