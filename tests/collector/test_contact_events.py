"""Contact-page events: the HTTP endpoint, their storage in both backends, and the summary.

The endpoint runs in a real uvicorn server on loopback; storage tests run against SQLite and a
real PostgreSQL server; the summary's arithmetic is checked on records built here.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import json
import sqlite3

import httpx
import pytest

from helpcentre.collector import storage
from helpcentre.collector.migrations import LATEST_VERSION, MIGRATIONS, SCHEMA_VERSION_TABLE
from helpcentre.collector.readers import ReaderKeys
from helpcentre.collector.settings import RateLimit, Settings
from helpcentre.collector.storage import open_store
from helpcentre.collector.summaries import load_summary
from helpcentre.feedback.summary import (
    FeedbackSummary,
    build_summary,
    contact_deflection,
)
from helpcentre.records import ContactRecord, VoteRecord

SESSION = "3fa9c01d2b7e4c55"  # what the page's Math.random().toString(16).slice(2, 18) yields
SHOWN = {"locale": "fr", "event": "shown", "query_length": 34, "session": SESSION}
CLICKED = {**SHOWN, "event": "clicked", "page": "orders/track-your-order"}
CONTACTED = {"locale": "fr", "event": "contacted", "session": SESSION}
TOKEN = "s3cret-token"


def settings_for(site, url: str, **changes) -> Settings:  # noqa: ANN001
    return Settings(
        database_url=url,
        site_dir=site,
        cors_origins=("https://help.example.com",),
        export_token=TOKEN,
        rate_limit=RateLimit(1000, 60),
        **changes,
    )


@pytest.fixture
def settings(site, sqlite_url) -> Settings:  # noqa: ANN001
    return settings_for(site, sqlite_url)


@pytest.fixture
def api(serve, settings):  # noqa: ANN001
    with serve(settings) as base, httpx.Client(base_url=base) as client:
        yield client


def stored(url: str) -> list[ContactRecord]:
    with open_store(url) as store:
        return store.fetch_contact_events("1970-01-01")


def post(client: httpx.Client, body: object, **headers: str) -> httpx.Response:
    content = json.dumps(body).encode()
    return client.post(
        "/api/v1/contact-events",
        content=content,
        headers={"content-type": "application/json", **headers},
    )


# -- the endpoint --------------------------------------------------------------------------------


def test_a_visit_is_stored_per_backend_and_exported(serve, site, database_url) -> None:  # noqa: ANN001
    settings = settings_for(site, database_url)
    with serve(settings) as base, httpx.Client(base_url=base) as client:
        for body in (SHOWN, CLICKED, CONTACTED):
            response = post(client, body)
            assert response.status_code == 202
            assert response.json() == {"status": "accepted"}
        # A second visit, shown suggestions and gone without contacting support: avoided.
        assert post(client, {**SHOWN, "session": "a1b2c3d4e5f60718"}).status_code == 202
        export = client.get("/api/v1/export", headers={"authorization": f"Bearer {TOKEN}"})
    events = stored(database_url)
    assert sorted((e.event, e.page, e.query_length) for e in events) == [
        ("clicked", "orders/track-your-order", 34),
        ("contacted", None, None),
        ("shown", None, 34),
        ("shown", None, 34),
    ]
    assert {e.locale for e in events} == {"fr"}
    visits = {e.session for e in events}
    assert len(visits) == 2
    assert all(len(key) == 32 and SESSION not in key for key in visits)
    assert export.status_code == 200
    assert export.json()["contact"] == {
        "fr": {
            "shown": 2,
            "clicked": 1,
            "contacted": 1,
            "avoided": 1,
            "clicked_pages": [{"page": "orders/track-your-order", "clicked": 1}],
            "daily": [
                {
                    "date": events[0].day,
                    "shown": 2,
                    "clicked": 1,
                    "contacted": 1,
                    "avoided": 1,
                }
            ],
        }
    }


def test_the_visit_id_is_never_stored_as_sent(api, settings, tmp_path) -> None:  # noqa: ANN001
    assert post(api, SHOWN).status_code == 202
    raw = b"".join(path.read_bytes() for path in tmp_path.glob("feedback.db*"))
    assert b"fr" in raw and b"shown" in raw  # the event is there ...
    assert SESSION.encode() not in raw  # ... the visit id is not
    assert b"127.0.0.1" not in raw  # ... nor the address


def test_repeated_events_of_a_visit_count_once(api, settings) -> None:  # noqa: ANN001
    for _ in range(3):
        assert post(api, SHOWN).status_code == 202
        assert post(api, CLICKED).status_code == 202
    other_page = {**CLICKED, "page": "index"}
    assert post(api, other_page).status_code == 202
    assert sorted((e.event, e.page) for e in stored(settings.database_url)) == [
        ("clicked", "index"),
        ("clicked", "orders/track-your-order"),
        ("shown", None),
    ]


def test_beacon_text_plain_body_is_accepted(api, settings) -> None:  # noqa: ANN001
    response = api.post(
        "/api/v1/contact-events",
        content=json.dumps(CONTACTED).encode(),
        headers={"content-type": "text/plain;charset=UTF-8"},
    )
    assert response.status_code == 202
    assert [e.event for e in stored(settings.database_url)] == ["contacted"]


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({**SHOWN, "locale": "de"}, 422, "locale: 'de' is not a locale of this site"),
        ({**SHOWN, "locale": ["fr"]}, 422, "locale: must be a string, not an array"),
        ({**SHOWN, "event": "submitted"}, 422, "event: 'submitted' is not one of shown, clicked"),
        ({**SHOWN, "event": 1}, 422, "event: 1 is not one of"),
        ({**CLICKED, "page": "orders/nope"}, 422, "page: 'orders/nope' is not a page of locale"),
        ({**CLICKED, "page": "../../etc/passwd"}, 422, "page: '../../etc/passwd' is not a page"),
        ({**CLICKED, "page": 7}, 422, "page: must be a string, not a number"),
        ({k: v for k, v in CLICKED.items() if k != "page"}, 422, "page: required with event"),
        ({**SHOWN, "page": "index"}, 422, "page: only allowed with event=clicked"),
        ({**SHOWN, "query_length": -1}, 422, "query_length: must be between 0 and 100000"),
        ({**SHOWN, "query_length": 10**9}, 422, "query_length: must be between 0 and"),
        ({**SHOWN, "query_length": "34"}, 422, "query_length: must be an integer, not a string"),
        ({**SHOWN, "query_length": True}, 422, "query_length: must be an integer, not a boolean"),
        ({**SHOWN, "query_length": 3.5}, 422, "query_length: must be an integer, not a number"),
        ({**SHOWN, "session": "abc"}, 422, "session: must be a random id of 4 to 64"),
        ({**SHOWN, "session": "x" * 65}, 422, "session: must be a random id"),
        ({**SHOWN, "session": "' OR 1=1 --"}, 422, "session: must be a random id"),
        ({**SHOWN, "session": "ab\ncd\x00ef"}, 422, "session: must be a random id"),
        ({**SHOWN, "session": "abcdéfgh"}, 422, "session: must be a random id"),
        ({**SHOWN, "session": 12345678}, 422, "session: must be a string, not a number"),
        ({"locale": "fr", "event": "shown"}, 422, "session: required field is missing"),
        # The question itself must never be sent, so a field carrying it is refused.
        ({**SHOWN, "query": "remboursement"}, 422, "query: unexpected field"),
        ({**SHOWN, "reader": "me"}, 422, "reader: unexpected field"),
        ([SHOWN], 400, "body must be a JSON object, not an array"),
        ("shown", 400, "body must be a JSON object, not a string"),
    ],
)
def test_invalid_events_are_refused_naming_the_field(api, settings, body, status, detail) -> None:  # noqa: ANN001
    response = post(api, body)
    assert response.status_code == status
    assert response.json()["detail"].startswith(detail)
    assert stored(settings.database_url) == []


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b'{"locale": "fr",', "malformed JSON at line 1 column 17"),
        (b'{"locale": Infinity}', "malformed JSON: Infinity is not valid JSON"),
        (b"\xc3\x28", "body is not UTF-8 text"),
    ],
)
def test_malformed_bodies_get_400(api, content, detail) -> None:  # noqa: ANN001
    response = api.post(
        "/api/v1/contact-events", content=content, headers={"content-type": "text/plain"}
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith(detail)


def test_oversize_and_wrong_type_bodies_are_refused(api, settings) -> None:  # noqa: ANN001
    huge = json.dumps({**SHOWN, "padding": "x" * 5000}).encode()
    response = api.post(
        "/api/v1/contact-events", content=huge, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json() == {"detail": "body larger than 4096 bytes"}

    def chunks():  # no Content-Length: the limit applies while reading
        yield huge[:3000]
        yield huge[3000:]

    response = api.post(
        "/api/v1/contact-events", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    response = api.post(
        "/api/v1/contact-events",
        content=b"locale=fr&event=shown",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 415
    assert stored(settings.database_url) == []


def test_origins_and_cors(api, settings) -> None:  # noqa: ANN001
    foreign = post(api, SHOWN, origin="https://evil.example", **{"content-type": "text/plain"})
    assert foreign.status_code == 403
    assert "origin 'https://evil.example' may not post" in foreign.json()["detail"]
    assert "access-control-allow-origin" not in foreign.headers
    allowed = "https://help.example.com"
    preflight = api.options(
        "/api/v1/contact-events",
        headers={
            "origin": allowed,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == allowed
    response = post(api, SHOWN, origin=allowed)
    assert response.status_code == 202
    assert response.headers["access-control-allow-origin"] == allowed
    own = str(api.base_url).rstrip("/")
    assert post(api, CONTACTED, origin=own).status_code == 202
    assert sorted(e.event for e in stored(settings.database_url)) == ["contacted", "shown"]
    assert api.get("/api/v1/contact-events").status_code == 405


def test_flood_is_rate_limited_with_votes(serve, settings) -> None:  # noqa: ANN001
    limited = dataclasses.replace(settings, rate_limit=RateLimit(4, 60))
    with serve(limited) as base, httpx.Client(base_url=base) as client:
        statuses = [
            post(client, {**SHOWN, "session": f"visit{index:04d}"}).status_code
            for index in range(6)
        ]
        vote = {"locale": "fr", "page": "index", "helpful": True}
        after = client.post("/api/v1/votes", json=vote)
    assert statuses == [202] * 4 + [429] * 2
    assert after.status_code == 429  # one budget per client, whatever it posts
    assert 1 <= int(after.headers["retry-after"]) <= 15
    assert len(stored(settings.database_url)) == 4


# -- storage, both backends ----------------------------------------------------------------------


def event(
    session: str = "s1",
    kind: str = "shown",
    *,
    day: str = "2025-03-01",
    locale: str = "fr",
    page: str | None = None,
    at: int = 1,
    length: int | None = 12,
) -> ContactRecord:
    return ContactRecord(day, at, session, locale, kind, page, length)


def test_contact_events_round_trip_and_repeat_once(database_url) -> None:  # noqa: ANN001
    records = [
        event(),
        event(kind="clicked", page="orders/track-your-order", length=None),
        event(kind="contacted", length=0),
        event("s2", day="2025-03-02", locale="en", page=None),
    ]
    with open_store(database_url) as store:
        store.record(records)
        # Re-sent events keep the first record; the vote in the same batch is committed too.
        store.record(
            [
                event(at=9, length=99),
                VoteRecord("2025-03-01", 1, "r", "fr", "index", True, None, None),
            ]
        )
        assert sorted(store.fetch_contact_events("2025-03-01"), key=repr) == sorted(
            records, key=repr
        )
        assert store.fetch_contact_events("2025-03-02") == [records[3]]
        assert len(store.fetch_votes("2025-03-01")) == 1


def create_previous_release(url: str, votes: list[VoteRecord], *, before: int = 3) -> None:
    """Create the schema of the steps before ``before`` only, with ``votes``, as the release
    before step ``before`` did."""
    previous = [m for m in MIGRATIONS if m.version < before]
    rows = [(m.version, m.description) for m in previous]
    if url.startswith("sqlite:///"):
        dialect, placeholder = "sqlite", "?"
        connection = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    else:
        import psycopg

        dialect, placeholder = "postgresql", "%s"
        connection = psycopg.connect(url, autocommit=True)
    try:
        connection.execute(SCHEMA_VERSION_TABLE)
        for migration in previous:
            for statement in migration.statements(dialect):
                connection.execute(statement)
        for row in rows:
            connection.execute(
                f"INSERT INTO schema_version VALUES ({placeholder}, {placeholder}, 0)", row
            )
        for vote in votes:
            connection.execute(storage.UPSERT_VOTE.format(p=placeholder), storage.vote_row(vote))
    finally:
        connection.close()


def test_step_3_upgrades_a_database_of_the_previous_release(database_url) -> None:  # noqa: ANN001
    vote = VoteRecord("2025-03-01", 1, "r", "fr", "index", False, "unclear", "old")
    create_previous_release(database_url, [vote])
    with open_store(database_url) as store:
        assert store.schema_version() == LATEST_VERSION
        assert store.fetch_votes("2025-01-01") == [vote]
        store.record([event()])
        assert store.fetch_contact_events("2025-01-01") == [event()]


def test_hostile_values_are_stored_as_data(database_url) -> None:  # noqa: ANN001
    # The endpoint refuses such values; the store must still treat whatever it gets as data.
    hostile = "x'); DROP TABLE contact_events; --"
    with open_store(database_url) as store:
        store.record([event(hostile, kind="clicked", page=hostile)])
        [stored_event] = store.fetch_contact_events("2025-03-01")
        store.record([event()])
        assert len(store.fetch_contact_events("2025-03-01")) == 2
    assert (stored_event.session, stored_event.page) == (hostile, hostile)


def test_summary_from_the_database_has_the_contact_section(database_url) -> None:  # noqa: ANN001
    today = dt.datetime.now(dt.timezone.utc).date()
    old = (today - dt.timedelta(days=200)).isoformat()
    with open_store(database_url) as store:
        store.record(
            [
                event("a", day=today.isoformat()),
                event("b", day=today.isoformat()),
                event("b", "contacted", day=today.isoformat()),
                event("c", day=old),  # outside the window
            ]
        )
    summary = load_summary(database_url, since="30d")
    assert summary.contact is not None
    fr = summary.contact["fr"]
    assert (fr.shown, fr.clicked, fr.contacted, fr.avoided) == (2, 0, 1, 1)
    assert FeedbackSummary.from_json(summary.to_json()) == summary


def test_visit_keys_are_scoped_to_a_day(database_url) -> None:  # noqa: ANN001
    with open_store(database_url) as store:

        async def keys() -> tuple[str, str, str, str]:
            async def fetch(day: str) -> bytes:
                return store.reader_salt(day)

            visits = ReaderKeys(fetch)
            first = await visits.session("2025-03-01", SESSION)
            again = await visits.session("2025-03-01", SESSION)
            reader = await visits.reader("2025-03-01", SESSION, "")
            later = await visits.session("2025-03-02", SESSION)
            return first, again, reader, later

        first, again, reader, later = asyncio.run(keys())
    assert first == again and len(first) == 32 and SESSION not in first
    assert reader != first  # not the reader key of an address that happens to look the same
    assert later != first  # the next day's salt: visits cannot be linked across days


# -- the summary's arithmetic --------------------------------------------------------------------


SINCE, UNTIL = dt.date(2025, 3, 1), dt.date(2025, 3, 31)


def test_avoided_counts_visits_shown_suggestions_that_did_not_contact() -> None:
    events = [
        # a: shown, opened two suggestions, then left -> avoided.
        event("a"),
        event("a", "clicked", page="orders/track-your-order"),
        event("a", "clicked", page="orders/refunds"),
        # b: shown, then contacted support anyway -> not avoided.
        event("b"),
        event("b", "contacted"),
        # c: contacted without being shown anything -> contacted, not avoidable.
        event("c", "contacted"),
        # d: shown, opened one suggestion, contacted -> clicked and contacted.
        event("d"),
        event("d", "clicked", page="orders/refunds"),
        event("d", "contacted"),
        # e: shown only, on another day -> avoided on that day.
        event("e", day="2025-03-02"),
        # Another locale and an event outside the window.
        event("f", locale="en"),
        event("g", day="2025-04-01"),
    ]
    contact = contact_deflection(events, since=SINCE, until=UNTIL)
    assert sorted(contact) == ["en", "fr"]
    fr = contact["fr"]
    assert (fr.shown, fr.clicked, fr.contacted, fr.avoided) == (4, 2, 3, 2)
    assert fr.avoided != fr.shown - fr.contacted  # why the summary computes it per visit
    assert [(p.page, p.clicked) for p in fr.clicked_pages] == [
        ("orders/refunds", 2),
        ("orders/track-your-order", 1),
    ]
    assert [(d.date, d.shown, d.clicked, d.contacted, d.avoided) for d in fr.daily] == [
        ("2025-03-01", 3, 2, 3, 1),
        ("2025-03-02", 1, 0, 0, 1),
    ]
    en = contact["en"]
    assert (en.shown, en.clicked, en.contacted, en.avoided) == (1, 0, 0, 1)


def test_the_same_session_id_on_two_days_is_two_visits() -> None:
    # Keys change with the day's salt; a stored key repeated on another day is another visit.
    events = [event("a"), event("a", "contacted", day="2025-03-02")]
    fr = contact_deflection(events, since=SINCE, until=UNTIL)["fr"]
    assert (fr.shown, fr.contacted, fr.avoided) == (1, 1, 1)


def test_contact_section_round_trips_and_stays_optional() -> None:
    moment = dt.datetime(2025, 3, 31, 12, tzinfo=dt.timezone.utc)
    events = [event("a"), event("a", "clicked", page="index"), event("b", "contacted")]
    summary = build_summary(
        [], [], since=SINCE, until=UNTIL, generated_at=moment, contact_events=events
    )
    data = json.loads(summary.to_json())
    assert data["version"] == 1
    assert list(data) == [
        "version",
        "generated_at",
        "since",
        "until",
        "pages",
        "searches",
        "contact",
        "widget",
    ]
    assert data["widget"] == {}  # no event of the help widget
    assert data["contact"]["fr"] == {
        "shown": 1,
        "clicked": 1,
        "contacted": 1,
        "avoided": 1,
        "clicked_pages": [{"page": "index", "clicked": 1}],
        "daily": [{"date": "2025-03-01", "shown": 1, "clicked": 1, "contacted": 1, "avoided": 1}],
    }
    assert FeedbackSummary.from_json(summary.to_json()) == summary

    empty = build_summary([], [], since=SINCE, until=UNTIL, generated_at=moment, contact_events=[])
    assert json.loads(empty.to_json())["contact"] == {}
    assert FeedbackSummary.from_json(empty.to_json()).contact == {}

    # A summary written before the section existed still reads, as "no data".
    older = build_summary([], [], since=SINCE, until=UNTIL, generated_at=moment)
    assert "contact" not in json.loads(older.to_json())
    assert FeedbackSummary.from_json(older.to_json()).contact is None


@pytest.mark.parametrize(
    ("contact", "message"),
    [
        ("[]", "contact must be a JSON object"),
        ('{"fr": {"shown": -1}}', "contact.fr.shown must be a non-negative integer"),
        (
            '{"fr": {"shown": 1, "clicked": 0, "contacted": 0, "avoided": "1"}}',
            "contact.fr.avoided must be a non-negative integer",
        ),
        (
            '{"fr": {"shown": 1, "clicked": 0, "contacted": 0, "avoided": 1,'
            ' "daily": [{"date": "2025-03-01", "shown": true}]}}',
            "contact.fr.daily[0].shown must be a non-negative integer",
        ),
    ],
)
def test_invalid_contact_sections_name_the_field(contact: str, message: str) -> None:
    text = (
        '{"version": 1, "generated_at": "x", "since": "x", "until": "x", "pages": {},'
        f' "searches": {{}}, "contact": {contact}}}'
    )
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        FeedbackSummary.from_json(text, source="summary.json")
