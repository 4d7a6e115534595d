"""The collector's HTTP API over a real uvicorn server on loopback, with SQLite in tmp_path."""

from __future__ import annotations

import dataclasses
import json
import time

import httpx
import pytest

from helpcentre.collector import pages
from helpcentre.collector.migrations import LATEST_VERSION
from helpcentre.collector.settings import RateLimit, Settings, SettingsError
from helpcentre.collector.storage import open_store
from helpcentre.feedback.manifest import write_manifest

VOTE = {"locale": "fr", "page": "orders/track-your-order", "helpful": True}


@pytest.fixture
def settings(site, sqlite_url) -> Settings:
    return Settings(
        database_url=sqlite_url,
        site_dir=site,
        cors_origins=("https://help.example.com",),
        export_token="s3cret-token",
        rate_limit=RateLimit(1000, 60),
    )


@pytest.fixture
def api(serve, settings):
    with serve(settings) as base, httpx.Client(base_url=base) as client:
        yield client


def stored_votes(url: str):
    with open_store(url) as store:
        return store.fetch_votes("1970-01-01")


def test_vote_is_stored_and_acknowledged(api, settings):
    body = {**VOTE, "helpful": False, "reason": "outdated", "comment": "  The link is dead  "}
    response = api.post("/api/v1/votes", json=body)
    assert response.status_code == 202
    assert response.json() == {"status": "accepted"}
    [vote] = stored_votes(settings.database_url)
    assert (vote.locale, vote.page, vote.helpful, vote.reason) == (
        "fr",
        VOTE["page"],
        False,
        "outdated",
    )
    assert vote.comment == "The link is dead"
    assert len(vote.reader) == 32


def test_revote_same_day_replaces_and_other_readers_add(api, settings):
    assert api.post("/api/v1/votes", json=VOTE, headers={"user-agent": "A"}).status_code == 202
    second = {**VOTE, "helpful": False, "reason": "unclear"}
    assert api.post("/api/v1/votes", json=second, headers={"user-agent": "A"}).status_code == 202
    assert api.post("/api/v1/votes", json=VOTE, headers={"user-agent": "B"}).status_code == 202
    votes = stored_votes(settings.database_url)
    assert sorted((v.helpful, v.reason) for v in votes) == [(False, "unclear"), (True, None)]


def test_client_address_is_never_stored(api, settings, tmp_path):
    api.post("/api/v1/votes", json={**VOTE, "comment": "hello"}, headers={"user-agent": "UA"})
    api.post(
        "/api/v1/searches", json={"locale": "en", "query": "refund", "results": 0, "clicked": False}
    )
    raw = b"".join(path.read_bytes() for path in tmp_path.glob("feedback.db*"))
    assert b"hello" in raw  # the data is there ...
    assert b"127.0.0.1" not in raw  # ... the address is not


def test_beacon_text_plain_body_is_accepted(api, settings):
    response = api.post(
        "/api/v1/votes",
        content=json.dumps(VOTE).encode(),
        headers={"content-type": "text/plain;charset=UTF-8"},
    )
    assert response.status_code == 202
    assert len(stored_votes(settings.database_url)) == 1


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({**VOTE, "locale": "de"}, 422, "locale: 'de' is not a locale of this site"),
        ({**VOTE, "page": "orders/nope"}, 422, "page: 'orders/nope' is not a page of locale 'fr'"),
        ({**VOTE, "page": "index.md"}, 422, "page: 'index.md' is not a page"),
        ({**VOTE, "helpful": "yes"}, 422, "helpful: must be true or false, not a string"),
        ({**VOTE, "helpful": 1}, 422, "helpful: must be true or false, not a number"),
        ({**VOTE, "reason": "unclear"}, 422, "reason: only allowed with helpful=false"),
        ({**VOTE, "helpful": False, "reason": "boring"}, 422, "reason: 'boring' is not one of"),
        ({**VOTE, "comment": 5}, 422, "comment: must be a string, not a number"),
        (
            {**VOTE, "comment": "x" * 1001},
            422,
            "comment: is 1001 characters long; the limit is 1000",
        ),
        ({**VOTE, "comment": "a\x00b"}, 422, "comment: must not contain control characters"),
        ({**VOTE, "comment": "\ud800"}, 422, "comment: contains an unpaired surrogate"),
        ({**VOTE, "admin": True}, 422, "admin: unexpected field"),
        ({"locale": "fr", "helpful": True}, 422, "page: required field is missing"),
        ([VOTE], 400, "body must be a JSON object, not an array"),
    ],
)
def test_invalid_votes_are_refused_naming_the_field(api, settings, body, status, detail):
    # json.dumps escapes non-ASCII, so an unpaired surrogate travels as "\ud800".
    content = json.dumps(body).encode()
    headers = {"content-type": "application/json"}
    response = api.post("/api/v1/votes", content=content, headers=headers)
    assert response.status_code == status
    assert response.json()["detail"].startswith(detail)
    assert stored_votes(settings.database_url) == []


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b'{"locale": "fr",', "malformed JSON at line 1 column 17"),
        (b'{"locale": NaN}', "malformed JSON: NaN is not valid JSON"),
        (b"\xff\xfe", "body is not UTF-8 text"),
    ],
)
def test_malformed_bodies_get_400(api, content, detail):
    response = api.post(
        "/api/v1/votes", content=content, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith(detail)


def test_oversize_body_gets_413_declared_or_streamed(api, settings):
    huge = json.dumps({**VOTE, "comment": "x" * 5000}).encode()
    response = api.post("/api/v1/votes", content=huge, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json() == {"detail": "body larger than 4096 bytes"}

    def chunks():  # no Content-Length: the limit applies while reading
        yield huge[:3000]
        yield huge[3000:]

    response = api.post(
        "/api/v1/votes", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert stored_votes(settings.database_url) == []


@pytest.mark.parametrize("content_type", ["application/xml", "multipart/form-data; boundary=x", ""])
def test_wrong_content_type_gets_415(api, content_type):
    headers = {"content-type": content_type} if content_type else {}
    response = api.post("/api/v1/votes", content=json.dumps(VOTE).encode(), headers=headers)
    assert response.status_code == 415
    assert "send application/json" in response.json()["detail"]


def test_hostile_text_is_stored_verbatim(api, settings):
    comments = [
        "<script>alert(document.cookie)</script>",
        "'); DROP TABLE votes; --",
        "Robert'); DELETE FROM reader_salts WHERE ('1'='1",
        "日本語のコメント 🙂",
    ]
    for index, comment in enumerate(comments):
        body = {**VOTE, "helpful": False, "reason": "other", "comment": comment}
        response = api.post("/api/v1/votes", json=body, headers={"user-agent": f"reader {index}"})
        assert response.status_code == 202
    query = "' OR 1=1 --"
    search = {"locale": "fr", "query": query, "results": 0, "clicked": False}
    assert api.post("/api/v1/searches", json=search).status_code == 202
    assert sorted(v.comment for v in stored_votes(settings.database_url)) == sorted(comments)
    with open_store(settings.database_url) as store:
        assert [s.query for s in store.fetch_searches("1970-01-01")] == [query]


def test_search_is_stored_trimmed_and_normalised(api, settings):
    body = {"locale": "fr", "query": "  Suivi   COLIS ", "results": 0, "clicked": False}
    assert api.post("/api/v1/searches", json=body).status_code == 202
    with open_store(settings.database_url) as store:
        [search] = store.fetch_searches("1970-01-01")
    assert (search.query, search.normalised, search.results) == ("Suivi   COLIS", "suivi colis", 0)


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"query": "   "}, "query: must not be empty"),
        ({"query": "q" * 201}, "query: is 201 characters long; the limit is 200"),
        ({"results": -1}, "results: must be between 0 and"),
        ({"results": True}, "results: must be an integer, not a boolean"),
        ({"clicked": "no"}, "clicked: must be true or false"),
        ({"locale": "xx"}, "locale: 'xx' is not a locale of this site"),
        ({"page": "index"}, "page: unexpected field"),
    ],
)
def test_invalid_searches_are_refused(api, change, detail):
    body = {"locale": "fr", "query": "refund", "results": 0, "clicked": False, **change}
    response = api.post("/api/v1/searches", json=body)
    assert response.status_code == 422
    assert response.json()["detail"].startswith(detail)


def test_cors_for_configured_origin_only(api):
    allowed = "https://help.example.com"
    preflight = api.options(
        "/api/v1/votes",
        headers={
            "origin": allowed,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == allowed
    response = api.post("/api/v1/votes", json=VOTE, headers={"origin": allowed})
    assert response.status_code == 202
    assert response.headers["access-control-allow-origin"] == allowed

    foreign = "https://evil.example"
    preflight = api.options(
        "/api/v1/votes",
        headers={"origin": foreign, "access-control-request-method": "POST"},
    )
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers


def test_foreign_origin_cannot_post_even_without_preflight(api, settings):
    for path, body in [
        ("/api/v1/votes", VOTE),
        ("/api/v1/searches", {"locale": "fr", "query": "x", "results": 0, "clicked": False}),
    ]:
        response = api.post(
            path,
            content=json.dumps(body).encode(),
            headers={"origin": "https://evil.example", "content-type": "text/plain"},
        )
        assert response.status_code == 403
        assert "origin 'https://evil.example' may not post" in response.json()["detail"]
        assert "access-control-allow-origin" not in response.headers
    assert stored_votes(settings.database_url) == []


def test_same_origin_post_is_accepted(api):
    own = str(api.base_url).rstrip("/")
    assert api.post("/api/v1/votes", json=VOTE, headers={"origin": own}).status_code == 202


def test_flood_is_rate_limited_with_retry_after(serve, settings):
    limited = dataclasses.replace(settings, rate_limit=RateLimit(5, 60))
    with serve(limited) as base, httpx.Client(base_url=base) as client:
        statuses = [
            client.post("/api/v1/votes", json=VOTE, headers={"user-agent": f"ua{i}"}).status_code
            for i in range(8)
        ]
        assert statuses == [202] * 5 + [429] * 3
        response = client.post("/api/v1/votes", json=VOTE)
        assert response.status_code == 429
        assert 1 <= int(response.headers["retry-after"]) <= 12
        assert response.json()["detail"].startswith("too many requests")
    assert len(stored_votes(settings.database_url)) == 5


def test_health(api):
    response = api.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "storage": "sqlite",
        "schema_version": LATEST_VERSION,
        "locales": ["en", "fr"],
        "pages": 4,
        "pending_writes": 0,
    }


def test_export_requires_the_bearer_token(api):
    api.post(
        "/api/v1/votes", json={**VOTE, "helpful": False, "reason": "unclear", "comment": "<b>"}
    )
    assert api.get("/api/v1/export").status_code == 401
    wrong = api.get("/api/v1/export", headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"].startswith("Bearer")
    bad_since = api.get(
        "/api/v1/export?since=soon", headers={"authorization": "Bearer s3cret-token"}
    )
    assert bad_since.status_code == 400
    response = api.get("/api/v1/export?since=7d", headers={"authorization": "Bearer s3cret-token"})
    assert response.status_code == 200
    page = response.json()["pages"]["fr/orders/track-your-order"]
    assert (page["votes"], page["not_helpful"], page["reasons"]["unclear"]) == (1, 1, 1)
    assert page["comments"][0]["text"] == "<b>"


def test_export_is_disabled_without_a_token(serve, settings):
    with serve(dataclasses.replace(settings, export_token=None)) as base:
        response = httpx.get(f"{base}/api/v1/export", headers={"authorization": "Bearer x"})
    assert response.status_code == 404
    assert "export is disabled: set HELPCENTRE_EXPORT_TOKEN" in response.json()["detail"]


def test_site_is_served_on_the_same_origin(api):
    response = api.get("/")
    assert response.status_code == 200
    assert "Help centre" in response.text
    assert api.get("/feedback-manifest.json").status_code == 404  # internal, see test_hardening
    assert api.get("/api/v1/nothing").json() == {"detail": "Not Found"}
    assert api.get("/api/v1/votes").status_code == 405


def test_api_only_does_not_serve_the_site(serve, settings):
    with serve(dataclasses.replace(settings, serve_site=False)) as base:
        assert httpx.get(f"{base}/").status_code == 404
        assert httpx.get(f"{base}/api/v1/health").status_code == 200


def test_manifest_changes_are_picked_up(api, settings, monkeypatch):
    monkeypatch.setattr(pages, "CHECK_INTERVAL", 0.0)
    new_page = {**VOTE, "page": "orders/cancel-an-order"}
    assert api.post("/api/v1/votes", json=new_page).status_code == 422
    write_manifest(settings.site_dir, {"fr": ["index", "orders/cancel-an-order"]})
    time.sleep(0.05)  # a new modification time even on coarse file systems
    assert api.post("/api/v1/votes", json=new_page).status_code == 202
    assert api.post("/api/v1/votes", json=VOTE).status_code == 422  # that page is gone
    # A half-written or broken manifest keeps the last good list.
    (settings.site_dir / "feedback-manifest.json").write_text("{not json", encoding="utf-8")
    time.sleep(0.05)
    assert api.post("/api/v1/votes", json=new_page).status_code == 202


def test_settings_from_environment():
    settings = Settings.from_env(
        {
            "HELPCENTRE_DB": "postgresql://u@h/db",
            "HELPCENTRE_SITE": "site",
            "HELPCENTRE_CORS_ORIGINS": "https://a.example, https://b.example:8443/",
            "HELPCENTRE_EXPORT_TOKEN": "t",
            "HELPCENTRE_RATE_LIMIT": "10/second",
        }
    )
    assert settings.database_url == "postgresql://u@h/db"
    assert settings.manifest_file.name == "feedback-manifest.json"
    assert settings.cors_origins == ("https://a.example", "https://b.example:8443")
    assert settings.rate_limit == RateLimit(10, 1.0)
    assert (
        Settings.from_env({"HELPCENTRE_RATE_LIMIT": "off", "HELPCENTRE_SITE": "s"}).rate_limit
        is None
    )


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"HELPCENTRE_RATE_LIMIT": "lots"}, "HELPCENTRE_RATE_LIMIT='lots': expected a limit"),
        ({"HELPCENTRE_CORS_ORIGINS": "help.example.com"}, "'help.example.com' is not an origin"),
        ({"HELPCENTRE_SERVE_SITE": "maybe"}, "HELPCENTRE_SERVE_SITE='maybe'"),
        ({"HELPCENTRE_FORWARDED_ALLOW_IPS": "proxy.local"}, "HELPCENTRE_FORWARDED_ALLOW_IPS"),
        ({"HELPCENTRE_FORWARDED_ALLOW_IPS": "*"}, "not an IP address"),
        ({"HELPCENTRE_VOTE_LIMIT": "0"}, "HELPCENTRE_VOTE_LIMIT"),
        ({"HELPCENTRE_REQUEST_TIMEOUT": "soon"}, "HELPCENTRE_REQUEST_TIMEOUT"),
    ],
)
def test_bad_settings_name_the_variable(environ, message):
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(environ)


def test_no_site_and_no_manifest_is_a_clear_error():
    with pytest.raises(SettingsError, match="give the built site"):
        _ = Settings.from_env({}).manifest_file
