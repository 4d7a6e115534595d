"""``helpcentre collector`` start-up errors and the environment-driven ASGI factory."""

from __future__ import annotations

import httpx

from helpcentre.cli import main
from helpcentre.collector.app import create_app_from_env


def test_missing_manifest_is_a_clear_error(tmp_path, capsys, sqlite_url):
    assert main(["collector", "--db", sqlite_url, "--site", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert f"{tmp_path}/feedback-manifest.json: feedback manifest not found" in error


def test_no_site_is_a_clear_error(capsys, monkeypatch, sqlite_url):
    for name in ("HELPCENTRE_SITE", "HELPCENTRE_MANIFEST"):
        monkeypatch.delenv(name, raising=False)
    assert main(["collector", "--db", sqlite_url]) == 2
    assert "give the built site (--site or HELPCENTRE_SITE)" in capsys.readouterr().err


def test_bad_database_and_options_are_clear_errors(site, capsys):
    assert main(["collector", "--db", "mongodb://db", "--site", str(site)]) == 2
    assert "unsupported database URL 'mongodb://db'" in capsys.readouterr().err
    assert main(["collector", "--site", str(site), "--rate-limit", "fast"]) == 2
    assert "--rate-limit='fast': expected a limit" in capsys.readouterr().err
    assert main(["collector", "--site", str(site), "--cors-origins", "example.com"]) == 2
    assert "--cors-origins: 'example.com' is not an origin" in capsys.readouterr().err


def test_factory_reads_the_environment(monkeypatch, site, sqlite_url, serve_app):
    monkeypatch.setenv("HELPCENTRE_DB", sqlite_url)
    monkeypatch.setenv("HELPCENTRE_SITE", str(site))
    monkeypatch.setenv("HELPCENTRE_EXPORT_TOKEN", "token")
    monkeypatch.setenv("HELPCENTRE_CORS_ORIGINS", "https://help.example.com")
    with serve_app(create_app_from_env()) as base:
        vote = {"locale": "en", "page": "index", "helpful": True}
        headers = {"origin": "https://help.example.com"}
        assert httpx.post(f"{base}/api/v1/votes", json=vote, headers=headers).status_code == 202
        export = httpx.get(f"{base}/api/v1/export", headers={"authorization": "Bearer token"})
        assert export.json()["pages"]["en/index"]["votes"] == 1
