"""Hostile HTTP and abuse against a real uvicorn server on loopback, as ``helpcentre collector``
serves it (see :mod:`helpcentre.collector.server`), with SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import socket
import stat
import time
from pathlib import Path

import httpx
import pytest

from helpcentre.collector import commands
from helpcentre.collector.settings import RateLimit, Settings
from helpcentre.collector.storage import open_store

from .test_personal_data import SAMPLES

VOTE = {"locale": "en", "page": "index", "helpful": False, "reason": "other"}


@pytest.fixture
def settings(site, database_url) -> Settings:
    return Settings(
        database_url=database_url,
        site_dir=site,
        export_token="s3cret-token",
        rate_limit=RateLimit(10_000, 60),
        request_timeout=1.0,
    )


def fetch(url: str) -> tuple[list, list]:
    with open_store(url) as store:
        return store.fetch_votes("1970-01-01"), store.fetch_searches("1970-01-01")


def exchange(base: str, data: bytes, *, wait: float = 10.0) -> tuple[float, bytes]:
    """Send raw bytes, read until the server closes; (seconds until closed, what came back)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as connection:
        connection.settimeout(wait)
        start = time.monotonic()
        received = b""
        try:
            connection.sendall(data)
            while chunk := connection.recv(65536):
                received += chunk
        except (TimeoutError, ConnectionResetError, BrokenPipeError):
            pass
        return time.monotonic() - start, received


def test_personal_data_never_reaches_either_store(serve, settings):
    with serve(settings) as base, httpx.Client(base_url=base) as client:
        for index, (typed, _) in enumerate(SAMPLES):
            search = {"locale": "en", "query": typed, "results": 0, "clicked": False}
            assert client.post("/api/v1/searches", json=search).status_code == 202
            page = ("index", "orders/track-your-order")[index % 2]
            vote = {**VOTE, "page": page, "comment": typed}
            headers = {"user-agent": f"reader {index}"}
            response = client.post("/api/v1/votes", json=vote, headers=headers)
            assert response.status_code in {202, 429}, response.text
        export = client.get("/api/v1/export", headers={"authorization": "Bearer s3cret-token"}).text
    votes, searches = fetch(settings.database_url)
    stored = {s.query for s in searches} | {s.normalised for s in searches}
    stored |= {v.comment for v in votes}
    assert {s.query for s in searches} == {expected for _, expected in SAMPLES}
    for text in [*stored, export]:
        assert not re.search(r"@\w|\d{4}[ -]?\d{4}[ -]?\d{4}|\d{3} ?\d{2} ?\d{2}", text), text


def test_ordinary_queries_are_stored_as_typed(serve, settings):
    with serve(settings) as base, httpx.Client(base_url=base) as client:
        for query in ("order 12345", "size 42"):
            body = {"locale": "en", "query": query, "results": 0, "clicked": False}
            assert client.post("/api/v1/searches", json=body).status_code == 202
    assert {s.query for s in fetch(settings.database_url)[1]} == {"order 12345", "size 42"}


def test_forwarded_for_is_ignored_unless_the_proxy_is_configured(serve, settings):
    one_vote = dataclasses.replace(settings, vote_limit=1)
    with serve(one_vote) as base, httpx.Client(base_url=base) as client:
        statuses = [
            client.post(
                "/api/v1/votes", json=VOTE, headers={"x-forwarded-for": f"198.51.100.{i}"}
            ).status_code
            for i in range(5)
        ]
    assert statuses == [202, 429, 429, 429, 429]


def test_forwarded_for_counts_from_a_configured_proxy(serve, settings):
    proxied = dataclasses.replace(settings, vote_limit=1, forwarded_allow_ips=("127.0.0.1",))
    with serve(proxied) as base, httpx.Client(base_url=base) as client:
        statuses = [
            client.post(
                "/api/v1/votes", json=VOTE, headers={"x-forwarded-for": f"198.51.100.{i}"}
            ).status_code
            for i in (1, 2, 2)
        ]
    assert statuses == [202, 202, 429]


def test_one_address_casts_at_most_the_vote_limit_whatever_its_user_agent(serve, settings):
    limited = dataclasses.replace(settings, vote_limit=3)
    with serve(limited) as base, httpx.Client(base_url=base) as client:
        responses = [
            client.post("/api/v1/votes", json=VOTE, headers={"user-agent": f"agent {i}"})
            for i in range(10)
        ]
        other_page = client.post("/api/v1/votes", json={**VOTE, "page": "orders/track-your-order"})
    assert [r.status_code for r in responses] == [202] * 3 + [429] * 7
    assert "--vote-limit" in responses[-1].json()["detail"]
    assert int(responses[-1].headers["retry-after"]) > 0
    assert other_page.status_code == 202
    assert len(fetch(settings.database_url)[0]) == 4


def test_export_is_rate_limited_with_or_without_the_token(serve, settings):
    with serve(settings) as base, httpx.Client(base_url=base) as client:
        statuses = [
            client.get("/api/v1/export", headers={"authorization": "Bearer guess"}).status_code
            for _ in range(12)
        ]
    assert statuses[:10] == [401] * 10
    assert statuses[10:] == [429, 429]


@pytest.mark.parametrize("depth", [3, 50, 990, 100_000])
def test_deep_json_is_400_and_cheap(serve, settings, depth):
    body = "[" * depth + "]" * depth
    big = dataclasses.replace(settings, max_body_bytes=300_000)
    with serve(big) as base, httpx.Client(base_url=base) as client:
        response = client.post(
            "/api/v1/votes", content=body, headers={"content-type": "application/json"}
        )
        assert response.status_code == 400
        assert "nested" in response.json()["detail"]
        assert client.get("/api/v1/health").status_code == 200


def test_oversized_header_is_refused_without_reading_it(serve, settings):
    with serve(settings) as base:
        request = b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 64_000
        seconds, reply = exchange(base, request + b"\r\n\r\n")
        assert reply.startswith(b"HTTP/1.1 4"), reply[:80]
        assert seconds < 2
        assert httpx.get(base + "/api/v1/health").status_code == 200


def test_too_many_headers_get_431(serve, settings):
    with serve(settings) as base:
        headers = {f"x-h{i}": "1" for i in range(150)}
        response = httpx.get(base + "/api/v1/health", headers=headers)
    assert response.status_code == 431
    assert "at most 100" in response.json()["detail"]


def test_slow_headers_and_slow_bodies_are_cut_off_at_the_request_timeout(serve, settings):
    with serve(settings) as base:
        seconds, reply = exchange(base, b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: b")
        assert reply.startswith(b"HTTP/1.1 408") and 0.9 < seconds < 3, (seconds, reply[:80])
        half = (
            b"POST /api/v1/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'Content-Length: 60\r\n\r\n{"locale": "en"'
        )
        seconds, reply = exchange(base, half)
        assert b" 408 " in reply[:20] or b" 400 " in reply[:20], reply[:80]
        assert 0.9 < seconds < 3, seconds
        assert httpx.get(base + "/api/v1/health").status_code == 200
    assert fetch(settings.database_url) == ([], [])


def test_redirects_never_echo_the_host_header(serve, settings):
    (settings.site_dir / "en").mkdir()
    (settings.site_dir / "en" / "index.html").write_text("<h1>en</h1>", encoding="utf-8")
    with serve(settings) as base, httpx.Client(base_url=base) as client:
        response = client.get("/en", headers={"host": "evil.example"})
        assert response.status_code in {302, 307}
        assert response.headers["location"] == "/en/"
        sneaky = client.get("//evil.example/../en", headers={"host": "evil.example"})
        assert not sneaky.headers.get("location", "/").startswith("//")


def test_dotfiles_and_internal_files_are_never_served(serve, settings):
    site: Path = settings.site_dir
    (site / ".env").write_text("SECRET=1", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("[core]", encoding="utf-8")
    with serve(settings) as base, httpx.Client(base_url=base) as client:
        for path in ("/.env", "/.git/config", "/feedback-manifest.json", "/%2eenv", "/en/../.env"):
            assert client.get(path).status_code == 404, path
        assert client.get("/index.html").status_code == 200


def test_sqlite_files_are_created_owner_only(tmp_path):
    path = tmp_path / "new.db"
    previous = os.umask(0o022)
    try:
        with open_store(f"sqlite:///{path}") as store:
            store.reader_salt("2025-01-01")
    finally:
        os.umask(previous)
    for file in tmp_path.glob("new.db*"):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


def message_strings(path: Path) -> list[str]:
    """Every string literal of a module that is not a docstring: what it can say to a user."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_every_flag_an_error_message_names_exists():
    import argparse

    parser = argparse.ArgumentParser()
    commands.add_commands(parser.add_subparsers())
    collector = parser._subparsers._group_actions[0].choices["collector"]
    flags = set(collector._option_string_actions)
    named = {
        flag
        for path in Path(commands.__file__).parent.glob("*.py")
        for text in message_strings(path)
        for flag in re.findall(r"(?<![\w-])--[a-z][a-z-]+", text)
    }
    assert {"--vote-limit", "--rate-limit"} <= named, "the check must see the flags it checks"
    assert named <= flags, named - flags


def test_new_settings_from_environment():
    settings = Settings.from_env(
        {
            "HELPCENTRE_FORWARDED_ALLOW_IPS": "10.0.0.5, 192.0.2.0/24",
            "HELPCENTRE_VOTE_LIMIT": "3",
            "HELPCENTRE_REQUEST_TIMEOUT": "2.5",
        }
    )
    assert settings.forwarded_allow_ips == ("10.0.0.5", "192.0.2.0/24")
    assert (settings.vote_limit, settings.request_timeout) == (3, 2.5)
    assert Settings.from_env({}).forwarded_allow_ips == ()


def test_openapi_document_is_published(serve, settings):
    with serve(settings) as base:
        document = httpx.get(base + "/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) >= {"/votes", "/searches", "/contact-events", "/export"}
    assert document["components"]["schemas"]["Vote"]["properties"]["locale"]["enum"] == [
        "en",
        "fr",
    ]
    json.dumps(document)
