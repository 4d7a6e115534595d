"""One storage test-suite, run against SQLite and a real PostgreSQL server."""

from __future__ import annotations

import threading

import pytest

from helpcentre.collector.migrations import LATEST_VERSION, MIGRATIONS
from helpcentre.collector.storage import StorageError, open_store
from helpcentre.collector.summaries import load_summary
from helpcentre.records import SearchRecord, VoteRecord


def vote(reader="r1", page="index", day="2025-03-01", at=1, helpful=True, **extra) -> VoteRecord:
    fields = {"reason": None, "comment": None, **extra}
    return VoteRecord(day, at, reader, "en", page, helpful, fields["reason"], fields["comment"])


def search(reader="r1", query="Refund", day="2025-03-01", at=1, results=0) -> SearchRecord:
    return SearchRecord(day, at, reader, "fr", query, query.casefold(), results, False)


def test_migrations_are_recorded_and_idempotent(database_url):
    with open_store(database_url) as store:
        assert store.schema_version() == LATEST_VERSION
        assert store.migrate() == LATEST_VERSION
    with open_store(database_url) as store:  # a restart applies nothing new
        assert store.migrate() == LATEST_VERSION
        store.record([vote()])
        assert len(store.fetch_votes("2025-01-01")) == 1
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


def start_together(url: str, count: int) -> list[BaseException]:
    """Open and close ``count`` stores on ``url`` at once, in threads; return their errors."""
    errors: list[BaseException] = []

    def start() -> None:
        try:
            open_store(url).close()
        except BaseException as error:  # noqa: BLE001 - reported by the caller
            errors.append(error)

    threads = [threading.Thread(target=start) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_concurrent_start_ups_migrate_once(database_url):
    assert start_together(database_url, 4) == []
    with open_store(database_url) as store:
        assert store.schema_version() == LATEST_VERSION


def test_sqlite_start_ups_on_a_new_file_wait_for_each_other(tmp_path):
    # Connections that switch a new file to WAL mode together are refused at once by SQLite
    # ("database is locked"): each start-up waits for the others instead of failing.
    for round_ in range(60):
        url = f"sqlite:///{tmp_path / f'feedback-{round_}.db'}"
        assert start_together(url, 8) == []
        with open_store(url) as store:
            assert store.schema_version() == LATEST_VERSION


def test_records_round_trip_verbatim(database_url):
    hostile = "<script>alert(1)</script> '); DROP TABLE votes; -- 日本語 🙂"
    records = [
        vote(helpful=False, reason="outdated", comment=hostile),
        vote(reader="r2", page="orders/track", at=2),
        search(query=hostile),
    ]
    with open_store(database_url) as store:
        store.record(records)
        assert store.fetch_votes("2025-03-01") == records[:2]
        assert store.fetch_searches("2025-03-01") == [records[2]]


def test_same_reader_page_and_day_replaces(database_url):
    with open_store(database_url) as store:
        store.record([vote(at=1), vote(at=2, helpful=False, reason="unclear")])
        store.record([vote(at=3, helpful=False, reason="other", comment="again")])
        store.record([vote(at=0, helpful=True)])  # an older vote arriving late does not win
        store.record([vote(day="2025-03-02", at=5)])  # the next day is a new vote
        votes = store.fetch_votes("2025-01-01")
    assert [(v.day, v.helpful, v.reason, v.comment) for v in votes] == [
        ("2025-03-01", False, "other", "again"),
        ("2025-03-02", True, None, None),
    ]


def test_searches_count_once_per_reader_query_and_day(database_url):
    with open_store(database_url) as store:
        store.record([search(at=1), search(at=2, results=3), search(reader="r2")])
        searches = store.fetch_searches("2025-01-01")
    assert sorted((s.reader, s.results) for s in searches) == [("r1", 3), ("r2", 0)]


def test_fetch_since_filters_by_day(database_url):
    with open_store(database_url) as store:
        store.record([vote(day="2025-01-31"), vote(day="2025-02-01"), search(day="2025-01-31")])
        assert [v.day for v in store.fetch_votes("2025-02-01")] == ["2025-02-01"]
        assert store.fetch_searches("2025-02-01") == []


def test_reader_salt_rotates_daily_and_old_salts_are_deleted(database_url):
    with open_store(database_url) as store:
        first = store.reader_salt("2025-03-01")
        assert store.reader_salt("2025-03-01") == first
        assert len(first) == 32
        second = store.reader_salt("2025-03-02")
        assert second != first
    with open_store(database_url) as store:  # kept across restarts within the day
        assert store.reader_salt("2025-03-02") == second
        # Yesterday's salt is gone: asking for it again makes a new one.
        assert store.reader_salt("2025-03-01") not in {first, second}


def test_summary_from_the_database_url(database_url):
    from datetime import date, timedelta

    today = date.today().isoformat()
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    with open_store(database_url) as store:
        store.record(
            [
                vote(day=today, at=10, helpful=False, reason="unclear", comment="newest"),
                vote(day=yesterday, reader="r2", at=5, comment="older"),
                vote(day="2000-01-01", reader="r3"),  # outside the window
                search(day=today),
            ]
        )
    summary = load_summary(database_url, since="30d")
    page = summary.page("en", "index")
    assert (page.votes, page.helpful, page.reasons["unclear"]) == (2, 1, 1)
    assert [c.text for c in page.comments] == ["newest", "older"]
    assert summary.searches["fr"][0].query == "refund"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://me:pw@localhost/db", r"unsupported database URL 'mysql://\*\*\*@localhost/db'"),
        ("sqlite:///no/such/dir/feedback.db", "the directory no/such/dir does not exist"),
        ("postgresql://nobody:pw@127.0.0.1:1/none", "cannot connect to PostgreSQL"),
    ],
)
def test_bad_urls_are_clear_errors(url, message):
    with pytest.raises(StorageError, match=message) as raised:
        open_store(url)
    assert "pw" not in str(raised.value)  # no password in messages


def test_not_a_database_file(tmp_path):
    path = tmp_path / "feedback.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="not a usable SQLite database"):
        open_store(f"sqlite:///{path}")
