"""Fixtures of the collector tests: a database URL per backend, isolated per test."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

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
