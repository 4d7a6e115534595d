"""Reformulations: a failed search, then another query whose result the reader opened.

The endpoint runs in a real uvicorn server on loopback against SQLite and a real PostgreSQL
server; the summary's counting is checked on records built here.
"""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest

from helpcentre.collector.settings import RateLimit, Settings
from helpcentre.collector.storage import open_store
from helpcentre.feedback.summary import FeedbackSummary, build_summary, reformulation_pairs
from helpcentre.records import ReformulationRecord

TOKEN = "s3cret-token"
PAIR = {
    "locale": "fr",
    "query": "rembourssement",
    "then_query": "Remboursement  commande",
    "page": "orders/track-your-order",
}


def settings_for(site, url: str, **changes) -> Settings:  # noqa: ANN001
    options = {"export_token": TOKEN, "rate_limit": RateLimit(1000, 60), **changes}
    return Settings(database_url=url, site_dir=site, **options)


def post(client: httpx.Client, body: object, **headers: str) -> httpx.Response:
    return client.post(
        "/api/v1/reformulations",
        content=json.dumps(body).encode(),
        headers={"content-type": "text/plain;charset=UTF-8", **headers},
    )


def stored(url: str) -> list[ReformulationRecord]:
    with open_store(url) as store:
        return store.fetch_reformulations("1970-01-01")


def test_a_reformulation_is_stored_per_backend_and_exported(serve, site, database_url) -> None:  # noqa: ANN001
    with serve(settings_for(site, database_url)) as base, httpx.Client(base_url=base) as client:
        assert post(client, PAIR).status_code == 202
        # The same reader rephrasing the same way again the same day counts once.
        assert post(client, PAIR).status_code == 202
        # The home page's address is the locale root: an empty page id names ``index``.
        home = {**PAIR, "then_query": "aide", "page": ""}
        assert post(client, home).json() == {"status": "accepted"}
        export = client.get("/api/v1/export", headers={"authorization": f"Bearer {TOKEN}"})
    records = stored(database_url)
    assert sorted((r.query, r.then_query, r.then_normalised, r.page) for r in records) == [
        (
            "rembourssement",
            "Remboursement  commande",
            "remboursement commande",
            "orders/track-your-order",
        ),
        ("rembourssement", "aide", "aide", "index"),
    ]
    assert all(len(r.reader) == 32 and r.normalised == "rembourssement" for r in records)
    day = records[0].day
    assert export.status_code == 200
    assert export.json()["reformulations"] == {
        "fr": [
            {
                "query": "rembourssement",
                "then_query": "aide",
                "page": "index",
                "count": 1,
                "first_seen": day,
                "last_seen": day,
            },
            {
                "query": "rembourssement",
                "then_query": "remboursement commande",
                "page": "orders/track-your-order",
                "count": 1,
                "first_seen": day,
                "last_seen": day,
            },
        ]
    }


def test_personal_data_is_redacted_before_it_is_stored(serve, site, sqlite_url) -> None:  # noqa: ANN001
    body = {
        **PAIR,
        "query": "refund jane.doe@example.com",
        "then_query": "refund card 4111 1111 1111 1111",
    }
    with serve(settings_for(site, sqlite_url)) as base, httpx.Client(base_url=base) as client:
        assert post(client, body).status_code == 202
    [record] = stored(sqlite_url)
    assert (record.query, record.then_query) == ("refund [email]", "refund card [card]")
    raw = b"".join(path.read_bytes() for path in site.parent.glob("feedback.db*"))
    assert b"jane.doe" not in raw and b"4111" not in raw and b"127.0.0.1" not in raw


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({**PAIR, "locale": "de"}, "locale: 'de' is not a locale of this site"),
        ({**PAIR, "page": "orders/nope"}, "page: 'orders/nope' is not a page of locale 'fr'"),
        ({**PAIR, "page": "../../etc/passwd"}, "page: '../../etc/passwd' is not a page"),
        ({**PAIR, "page": 3}, "page: must be a string, not a number"),
        ({**PAIR, "query": ""}, "query: must not be empty"),
        ({**PAIR, "query": "   "}, "query: must not be empty"),
        ({**PAIR, "then_query": "x" * 201}, "then_query: is 201 characters long; the limit is 200"),
        ({**PAIR, "then_query": "a\nb"}, "then_query: must not contain control characters"),
        ({**PAIR, "query": ["a"]}, "query: must be a string, not an array"),
        ({**PAIR, "then_query": " REMBOURSSEMENT "}, "then_query: is the failed query itself"),
        ({k: v for k, v in PAIR.items() if k != "page"}, "page: required field is missing"),
        ({**PAIR, "reader": "me"}, "reader: unexpected field"),
    ],
)
def test_invalid_reformulations_are_refused_naming_the_field(  # noqa: ANN001
    serve, site, sqlite_url, body, detail
) -> None:
    with serve(settings_for(site, sqlite_url)) as base, httpx.Client(base_url=base) as client:
        response = post(client, body)
    assert response.status_code == 422
    assert response.json()["detail"].startswith(detail)
    assert stored(sqlite_url) == []


def test_foreign_origins_and_floods_are_refused(serve, site, sqlite_url) -> None:  # noqa: ANN001
    settings = settings_for(site, sqlite_url, rate_limit=RateLimit(2, 60))
    with serve(settings) as base, httpx.Client(base_url=base) as client:
        foreign = post(client, PAIR, origin="https://evil.example")
        assert foreign.status_code == 403
        assert post(client, PAIR).status_code == 202
        assert post(client, {**PAIR, "then_query": "suivi"}).status_code == 202
        flood = post(client, {**PAIR, "then_query": "colis"})
    assert flood.status_code == 429 and "Retry-After" in flood.headers
    assert len(stored(sqlite_url)) == 2


def record(day: str, reader: str, query: str = "reciept", then: str = "receipt", page: str = "a"):
    return ReformulationRecord(
        day=day,
        created_at=0,
        reader=reader,
        locale="en",
        query=query,
        normalised=query,
        then_query=then,
        then_normalised=then,
        page=page,
    )


def test_pairs_count_readers_once_a_day_and_round_trip() -> None:
    records = [
        record("2025-03-01", "r1"),
        record("2025-03-01", "r2"),
        record("2025-03-02", "r1"),  # a new day: the reader key has changed, another reader
        record("2025-03-02", "r3", then="receipts"),
        record("2025-02-01", "r4"),  # before the window
    ]
    window = {"since": dt.date(2025, 3, 1), "until": dt.date(2025, 3, 31)}
    pairs = reformulation_pairs(records, **window)
    assert [(p.query, p.then_query, p.count, p.first_seen, p.last_seen) for p in pairs["en"]] == [
        ("reciept", "receipt", 3, "2025-03-01", "2025-03-02"),
        ("reciept", "receipts", 1, "2025-03-02", "2025-03-02"),
    ]
    summary = build_summary([], [], **window, reformulations=records)
    again = FeedbackSummary.from_json(summary.to_json())
    assert again.reformulations == summary.reformulations == pairs
    assert build_summary([], [], **window).reformulations is None
    assert "reformulations" not in build_summary([], [], **window).to_dict()


def test_a_wrong_reformulations_section_names_the_field() -> None:
    data = build_summary([], [], since=dt.date(2025, 3, 1), until=dt.date(2025, 3, 2)).to_dict()
    data["reformulations"] = {"en": [{"query": "a", "then_query": "b", "page": "x", "count": -1}]}
    with pytest.raises(ValueError, match=r"reformulations\.en\[0\]\.count must be a non-negative"):
        FeedbackSummary.from_dict(data, source="summary.json")


def test_step_5_upgrades_a_database_of_the_previous_release(database_url) -> None:  # noqa: ANN001
    from helpcentre.collector.migrations import LATEST_VERSION
    from helpcentre.records import VoteRecord

    from .test_contact_events import create_previous_release

    vote = VoteRecord("2025-03-01", 1, "r", "fr", "index", True, None, None)
    create_previous_release(database_url, [vote], before=5)
    with open_store(database_url) as store:
        assert store.schema_version() == LATEST_VERSION
        assert store.fetch_votes("2025-01-01") == [vote]
        store.record([record("2025-03-01", "r1")])
        assert store.fetch_reformulations("2025-03-01") == [record("2025-03-01", "r1")]
