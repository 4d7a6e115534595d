"""The stale plugin in a real MkDocs + Material build: dates in the page's locale, notices,
expired articles and --strict."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import git
from helpcentre.catalogs import SHIPPED_LOCALES

MKDOCS = [sys.executable, "-m", "mkdocs"]


def build_site(
    repo: Path, *, language: str = "fr", options: str = "", strict: bool = False
) -> subprocess.CompletedProcess[str]:
    (repo / "mkdocs.yml").write_text(
        f"site_name: Aide\ntheme:\n  name: material\n  language: {language}\n"
        "markdown_extensions:\n  - attr_list\n  - toc\n"
        f"plugins:\n  - search\n  - helpcentre/stale:\n      today: 2026-11-23\n{options}",
        encoding="utf-8",
    )
    command = [*MKDOCS, "build", *(["--strict"] if strict else []), "-f", str(repo / "mkdocs.yml")]
    return subprocess.run(
        command,
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def article(*, reviewed: str, extra: str = "", body: str = "Body.") -> str:
    return (
        "---\ntitle: Suivre ma commande\ncategory: orders\ntype: faq\nowner: orders-team\n"
        f"reviewed: {reviewed}\n{extra}---\n\n{body}\n\n## Où est mon colis ? {{#where}}\n\nIci.\n"
    )


@pytest.fixture
def repo(git_repo: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    docs = git_repo / "docs"
    (docs / "orders").mkdir(parents=True)
    (docs / "index.md").write_text("---\ntitle: Accueil\n---\n\nBienvenue.\n", encoding="utf-8")
    (docs / "orders" / "track.md").write_text(article(reviewed="2026-10-01"), encoding="utf-8")
    (docs / "orders" / "old.md").write_text(
        article(reviewed="2025-01-15", extra="review_every: 6m\n"), encoding="utf-8"
    )
    (docs / "orders" / "holidays.md").write_text(
        article(reviewed="2026-10-01", extra="expires: 2026-01-10\n"), encoding="utf-8"
    )
    catalog = git_repo / "locales" / "fr" / "LC_MESSAGES"
    catalog.mkdir(parents=True)
    shutil.copy(SHIPPED_LOCALES / "fr" / "LC_MESSAGES" / "messages.po", catalog / "messages.po")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-q", "-m", "Add articles", date="2025-03-04T10:00:00+00:00")
    track = docs / "orders" / "track.md"
    track.write_text(article(reviewed="2026-10-01", body="Suivez le colis."), encoding="utf-8")
    git(git_repo, "commit", "-q", "-am", "Explain tracking", date="2026-05-20T09:00:00+00:00")
    track.write_text(article(reviewed="2026-10-01", body="Suivez  le colis."), encoding="utf-8")
    git(git_repo, "commit", "-q", "-am", "Reflow [format]", date="2026-11-01T09:00:00+00:00")
    return git_repo


def page_html(repo: Path, page: str) -> str:
    return (repo / "site" / page / "index.html").read_text(encoding="utf-8")


def test_dates_in_the_page_locale(repo: Path) -> None:
    result = build_site(repo)
    assert result.returncode == 0, result.stderr
    html = page_html(repo, "orders/track")
    # The [format] commit is not a content change: the last update is 20 May 2026.
    assert '<span class="helpcentre-dates__updated">Dernière mise à jour: ' in html
    assert '<time datetime="2026-05-20">20 mai 2026</time>' in html
    assert 'Vérifié le: <time datetime="2026-10-01">1 octobre 2026</time>' in html
    assert "helpcentre-stale-notice" not in html  # notices are off by default
    home = page_html(repo, "")
    assert "helpcentre-dates" in home and "2026-05-20" not in home


def test_dates_in_english_and_japanese(repo: Path) -> None:
    assert build_site(repo, language="en").returncode == 0
    assert 'Last updated: <time datetime="2026-05-20">May 20, 2026</time>' in page_html(
        repo, "orders/track"
    )
    assert build_site(repo, language="ja").returncode == 0
    assert '<time datetime="2026-05-20">2026年5月20日</time>' in page_html(repo, "orders/track")


def test_notice_and_expired_hidden_from_search(repo: Path) -> None:
    result = build_site(repo, options="      notice: true\n      expired: hide_from_search\n")
    assert result.returncode == 0, result.stderr
    old = page_html(repo, "orders/old")
    assert "Cet article n&#x27;est peut-être plus à jour" in old
    assert "Cet article a expiré" in page_html(repo, "orders/holidays")
    assert "helpcentre-stale-notice" not in page_html(repo, "orders/track")
    index = (repo / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "orders/track/" in index
    assert "orders/holidays/" not in index


def test_expired_excluded_from_build(repo: Path) -> None:
    result = build_site(repo, options="      expired: exclude\n")
    assert result.returncode == 0, result.stderr
    assert not (repo / "site" / "orders" / "holidays").exists()
    assert (repo / "site" / "orders" / "track" / "index.html").exists()


def test_strict_fails_on_error_level_flags_only(repo: Path) -> None:
    result = build_site(repo, strict=True)
    assert result.returncode != 0
    assert "docs/orders/holidays.md:7: the article expired on 2026-01-10" in result.stderr
    assert "WARNING" in result.stderr
    relaxed = build_site(repo, strict=True, options="      levels:\n        expired: warning\n")
    assert relaxed.returncode == 0, relaxed.stderr
    assert "review overdue" in relaxed.stderr  # still reported, as information


def test_wrong_front_matter_fails_the_build_with_file_and_line(repo: Path) -> None:
    (repo / "docs" / "orders" / "bad.md").write_text(
        article(reviewed="2026-01-01", extra="review_every: 6 weeks\n"), encoding="utf-8"
    )
    result = build_site(repo)
    assert result.returncode != 0
    assert "docs/orders/bad.md:7: 'review_every': unknown unit 'weeks'" in result.stderr


def test_shallow_clone_warns_and_uses_reviewed_dates(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    (repo / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    git(repo, "add", "mkdocs.yml")
    git(repo, "commit", "-q", "-m", "Config", date="2026-11-02T09:00:00+00:00")
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    result = build_site(clone)
    assert result.returncode == 0, result.stderr
    assert "shallow clone" in result.stderr and "fetch-depth: 0" in result.stderr
    html = page_html(clone, "orders/track")
    # Not the boundary commit's date (2026-11-02), nor the build date: the reviewed date.
    assert 'Dernière mise à jour: <time datetime="2026-10-01">' in html
    assert "2026-11-02" not in html and "2026-11-23" not in html
