"""The feedback summary: aggregation, Wilson bound, stable JSON, loading from file or database."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from helpcentre.cli import main
from helpcentre.collector.storage import open_store
from helpcentre.collector.summaries import load_summary
from helpcentre.feedback.summary import (
    MAX_COMMENTS,
    FeedbackSummary,
    build_summary,
    normalise_query,
    parse_since,
    wilson_lower_bound,
)
from helpcentre.records import SearchRecord, VoteRecord

SINCE, UNTIL = date(2025, 3, 1), date(2025, 3, 31)
MOMENT = datetime(2025, 3, 31, 12, 0, tzinfo=timezone.utc)


def vote(reader, day="2025-03-10", at=0, helpful=True, reason=None, comment=None, page="index"):
    return VoteRecord(day, at, reader, "fr", page, helpful, reason, comment)


def search(reader, query, day="2025-03-10", results=0, clicked=False):
    return SearchRecord(day, 0, reader, "fr", query, normalise_query(query), results, clicked)


def test_wilson_lower_bound_known_values():
    assert wilson_lower_bound(0, 0) == 0.0
    assert wilson_lower_bound(0, 10) == 0.0
    assert wilson_lower_bound(1, 1) == pytest.approx(0.2065, abs=1e-4)
    assert wilson_lower_bound(90, 100) == pytest.approx(0.8256, abs=1e-4)
    assert wilson_lower_bound(9, 10) < wilson_lower_bound(90, 100)  # more evidence ranks higher
    assert wilson_lower_bound(5, 10, z=1.0) > wilson_lower_bound(5, 10)
    with pytest.raises(ValueError, match="positive=3, total=2"):
        wilson_lower_bound(3, 2)


def test_page_aggregation():
    votes = [
        vote("a", day="2025-03-02", helpful=False, reason="outdated", comment="old", at=1),
        vote("b", day="2025-03-02", at=2),
        vote(
            "c",
            day="2025-03-05",
            helpful=False,
            reason="unclear",
            comment="<script>x</script>",
            at=3,
        ),
        vote("d", day="2025-03-05", at=4),
        vote("e", day="2025-02-01", at=5),  # before the window
    ]
    summary = build_summary(votes, [], since=SINCE, until=UNTIL, generated_at=MOMENT)
    page = summary.page("fr", "index")
    assert (page.votes, page.helpful, page.not_helpful, page.helpful_share) == (4, 2, 2, 0.5)
    assert page.wilson_lower_bound == round(wilson_lower_bound(2, 4), 4)
    assert page.reasons == {
        "outdated": 1,
        "unclear": 1,
        "missing-information": 0,
        "not-solved": 0,
        "other": 0,
    }
    assert [(c.text, c.reason, c.date) for c in page.comments] == [
        ("<script>x</script>", "unclear", "2025-03-05"),
        ("old", "outdated", "2025-03-02"),
    ]
    assert [(d.date, d.helpful, d.not_helpful) for d in page.daily] == [
        ("2025-03-02", 1, 1),
        ("2025-03-05", 1, 1),
    ]
    assert summary.page("fr", "elsewhere") is None


def test_comments_are_capped_newest_first():
    votes = [vote(f"r{i}", at=i, comment=f"c{i}") for i in range(30)]
    page = build_summary(votes, [], since=SINCE, until=UNTIL).page("fr", "index")
    assert len(page.comments) == MAX_COMMENTS
    assert [c.text for c in page.comments[:2]] == ["c29", "c28"]


def test_failed_searches_grouped_by_normalised_query():
    searches = [
        search("a", "Suivi  Colis", day="2025-03-03"),
        search("b", "suivi colis", day="2025-03-04", results=4),
        search("c", "ＳＵＩＶＩ colis", day="2025-03-04", results=2, clicked=True),
        search("d", "remboursement", day="2025-03-05"),
    ]
    summary = build_summary([], searches, since=SINCE, until=UNTIL)
    first, second = summary.searches["fr"]
    assert (first.query, first.count, first.zero_results, first.no_click) == (
        "suivi colis",
        3,
        1,
        2,
    )
    assert (first.first_seen, first.last_seen) == ("2025-03-03", "2025-03-04")
    assert [(d.date, d.count) for d in first.daily] == [("2025-03-03", 1), ("2025-03-04", 2)]
    assert second.query == "remboursement"


def test_json_layout_is_stable_and_round_trips():
    votes = [vote("a", helpful=False, reason="not-solved", comment="Ça ne marche pas")]
    summary = build_summary(
        votes, [search("a", "colis")], since=SINCE, until=UNTIL, generated_at=MOMENT
    )
    data = json.loads(summary.to_json())
    assert list(data) == ["version", "generated_at", "since", "until", "pages", "searches"]
    assert (data["version"], data["generated_at"], data["since"]) == (
        1,
        "2025-03-31T12:00:00Z",
        "2025-03-01",
    )
    assert list(data["pages"]["fr/index"]) == [
        "locale",
        "page",
        "votes",
        "helpful",
        "not_helpful",
        "helpful_share",
        "wilson_lower_bound",
        "reasons",
        "comments",
        "daily",
    ]
    assert data["searches"]["fr"][0] == {
        "query": "colis",
        "count": 1,
        "zero_results": 1,
        "no_click": 1,
        "first_seen": "2025-03-10",
        "last_seen": "2025-03-10",
        "daily": [{"date": "2025-03-10", "count": 1}],
    }
    assert "Ça ne marche pas" in summary.to_json()
    assert FeedbackSummary.from_json(summary.to_json()) == summary


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{oops", r"summary.json:1: invalid JSON"),
        ('{"version": 7}', "unsupported summary version 7"),
        ('{"version": 1, "pages": [], "searches": {}}', "pages must be a JSON object"),
        (
            '{"version": 1, "generated_at": "x", "since": "x", "until": "x", "searches": {},'
            ' "pages": {"fr/index": {"locale": "fr", "page": "index", "votes": -1}}}',
            "pages.fr/index.votes must be a non-negative integer",
        ),
    ],
)
def test_invalid_summary_files_name_the_file_and_field(tmp_path, text, message):
    path = tmp_path / "summary.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_summary(path)


def test_missing_summary_file(tmp_path):
    with pytest.raises(ValueError, match="summary.json: feedback summary not found"):
        load_summary(tmp_path / "summary.json")


def test_parse_since():
    today = date(2025, 3, 31)
    assert parse_since("90d", today=today) == date(2024, 12, 31)
    assert parse_since("2w", today=today) == date(2025, 3, 17)
    assert parse_since("2025-01-31", today=today) == date(2025, 1, 31)
    with pytest.raises(ValueError, match="since='soon': expected a number of days"):
        parse_since("soon")


def test_export_command_writes_the_summary_and_load_summary_reads_it(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'feedback.db'}"
    today = datetime.now(timezone.utc).date().isoformat()
    with open_store(url) as store:
        store.record([vote("a", day=today, helpful=False, reason="outdated", comment="<b>old</b>")])
    assert main(["feedback", "export", "--db", url, "--since", "30d"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed)["pages"]["fr/index"]["comments"][0]["text"] == "<b>old</b>"
    output = tmp_path / "summary.json"
    assert main(["feedback", "export", "--db", url, "--output", str(output)]) == 0
    from_file = load_summary(output)
    from_database = load_summary(url)
    assert from_file.pages == from_database.pages
    assert from_file.page("fr", "index").reasons["outdated"] == 1


def test_export_command_errors(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("HELPCENTRE_DB", raising=False)
    assert main(["feedback", "export"]) == 2
    assert "give --db URL or set HELPCENTRE_DB" in capsys.readouterr().err
    assert main(["feedback", "export", "--db", "redis://x"]) == 2
    assert "unsupported database URL 'redis://x'" in capsys.readouterr().err
    url = f"sqlite:///{tmp_path / 'f.db'}"
    assert main(["feedback", "export", "--db", url, "--since", "later"]) == 2
    assert "since='later'" in capsys.readouterr().err
