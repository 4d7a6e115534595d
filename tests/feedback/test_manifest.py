"""The feedback manifest written by the build and read by the collector."""

from __future__ import annotations

import json

import pytest

from helpcentre.feedback.manifest import (
    MANIFEST_NAME,
    ManifestError,
    load_manifest,
    write_manifest,
)


def test_write_then_load_round_trips_sorted_and_deduplicated(tmp_path):
    path = write_manifest(
        tmp_path / "site",
        {"fr": ["orders/track-your-order", "index", "index"], "en": ["index"]},
    )
    assert path == tmp_path / "site" / MANIFEST_NAME
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "version": 1,
        "locales": {"en": ["index"], "fr": ["index", "orders/track-your-order"]},
    }
    assert load_manifest(tmp_path / "site") == {
        "en": frozenset({"index"}),
        "fr": frozenset({"index", "orders/track-your-order"}),
    }
    assert load_manifest(path) == load_manifest(tmp_path / "site")
    assert [p.name for p in (tmp_path / "site").iterdir()] == [MANIFEST_NAME]  # no temporary left


def test_missing_manifest_names_the_file(tmp_path):
    with pytest.raises(
        ManifestError, match=rf"{tmp_path}/{MANIFEST_NAME}: feedback manifest not found"
    ):
        load_manifest(tmp_path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{\n  nope", r":2: invalid JSON"),
        ("[]", "expected a JSON object"),
        ('{"version": 2, "locales": {}}', "unsupported manifest version 2"),
        ('{"version": 1, "locales": []}', "'locales' must be an object"),
        ('{"version": 1, "locales": {"fr": "index"}}', "locales.fr must be a list"),
        ('{"version": 1, "locales": {"fr": ["index.md"]}}', "page id 'index.md' must be the path"),
        ('{"version": 1, "locales": {"fr": ["../secret"]}}', "'..' segment"),
        ('{"version": 1, "locales": {"f r": ["index"]}}', "'f r' is not a locale code"),
        ('{"version": 1, "locales": {}, "extra": 1}', "unexpected key"),
    ],
)
def test_invalid_manifest_names_the_file_and_problem(tmp_path, text, message):
    (tmp_path / MANIFEST_NAME).write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match=message) as raised:
        load_manifest(tmp_path)
    assert str(raised.value).startswith(str(tmp_path / MANIFEST_NAME))


def test_write_refuses_bad_page_ids(tmp_path):
    with pytest.raises(ManifestError, match="page id '/index' must be the path"):
        write_manifest(tmp_path, {"en": ["/index"]})
