"""Fixtures of the collector tests: a database URL per backend, isolated per test."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """URL of a fresh SQLite file in ``tmp_path``."""
    return f"sqlite:///{tmp_path / 'feedback.db'}"


@pytest.fixture
def postgres_schema_url(postgres_url: str) -> Iterator[str]:
    """``postgres_url`` narrowed to a schema of its own, dropped afterwards.

    Every test gets a new schema, so parallel runs and leftovers of earlier runs never collide.
    """
    import psycopg

    schema = f"helpcentre_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in postgres_url else "?"
    yield f"{postgres_url}{separator}options=-csearch_path%3D{schema}"
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request) -> str:
    """One URL per storage backend: every test using it runs against SQLite and PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_schema_url")


@pytest.fixture
def site(tmp_path) -> Path:
    """A built site directory with a page and a feedback manifest for en and fr."""
    from helpcentre.feedback.manifest import write_manifest

    directory = tmp_path / "site"
    directory.mkdir()
    (directory / "index.html").write_text("<!doctype html><h1>Help centre</h1>", encoding="utf-8")
    write_manifest(
        directory,
        {"en": ["index", "orders/track-your-order"], "fr": ["index", "orders/track-your-order"]},
    )
    return directory


@contextmanager
def serving(app, config=None) -> Iterator[str]:  # noqa: ANN001 - any ASGI application
    """Serve ``app`` with uvicorn in a thread on a free loopback port; yield its base URL.

    ``config`` is a ``uvicorn.Config`` (default: uvicorn's defaults for ``app``).
    """
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    if config is None:
        config = uvicorn.Config(app, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the collector did not start")
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture
def serve() -> Callable[..., AbstractContextManager[str]]:
    """``with serve(settings) as base_url:`` runs a collector for ``settings``.

    It is served as ``helpcentre collector`` serves it: the same uvicorn limits and guards.
    """
    from helpcentre.collector.app import create_app
    from helpcentre.collector.server import uvicorn_config

    def start(settings) -> AbstractContextManager[str]:  # noqa: ANN001
        app = create_app(settings)
        config = uvicorn_config(
            app,
            forwarded_allow_ips=settings.forwarded_allow_ips,
            request_timeout=settings.request_timeout,
            log_level="warning",
            access_log=False,
        )
        return serving(app, config)

    return start


@pytest.fixture
def serve_app() -> Callable[..., AbstractContextManager[str]]:
    """``with serve_app(asgi_app) as base_url:`` serves any ASGI application."""
    return serving
