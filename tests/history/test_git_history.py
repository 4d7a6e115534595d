"""History from one git log pass, on real repositories with dated commits."""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import git
from helpcentre.history import SHALLOW_WARNING, HistoryError, read_history


def write(repo: Path, relative: str, text: str) -> None:
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commit(repo: Path, message: str, date: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


@pytest.fixture
def history_repo(git_repo: Path) -> Path:
    write(git_repo, "docs/en/orders/track.md", "Track your order.\n")
    write(git_repo, "docs/en/orders/cancel.md", "Cancel an order.\n")
    write(git_repo, "README.md", "Readme\n")
    commit(git_repo, "Add orders articles", "2025-01-10T09:00:00+00:00")
    write(git_repo, "docs/en/orders/track.md", "Track your order with the carrier.\n")
    commit(git_repo, "Explain tracking", "2025-03-05T10:00:00+00:00")
    write(git_repo, "docs/en/orders/track.md", "Track  your order with the carrier.\n")
    commit(git_repo, "Reflow lines [format]", "2025-06-01T10:00:00+00:00")
    # A rename with a small edit: the page must keep its creation date and commits.
    git(git_repo, "mv", "docs/en/orders/track.md", "docs/en/orders/track-your-order.md")
    write(
        git_repo,
        "docs/en/orders/track-your-order.md",
        "Track  your order with the carrier.\nSee the e-mail.\n",
    )
    commit(git_repo, "Rename tracking page", "2025-07-01T10:00:00+02:00")
    git(git_repo, "rm", "-q", "docs/en/orders/cancel.md")
    commit(git_repo, "Remove cancel page", "2025-08-01T10:00:00+00:00")
    return git_repo


def test_one_pass_gives_creation_update_and_commits(history_repo: Path) -> None:
    history = read_history(history_repo, ignore_marker="[format]")
    assert history.shallow is False
    assert history.root == history_repo.resolve()
    readme = history.get("README.md")
    assert readme is not None
    assert readme.created == readme.updated == utc("2025-01-10T09:00:00")
    assert [c.subject for c in readme.commits] == ["Add orders articles"]
    assert readme.commits[0].author == "Test Writer"
    assert readme.commits[0].date.tzinfo is not None


def test_rename_keeps_history(history_repo: Path) -> None:
    history = read_history(history_repo, ignore_marker="[format]")
    page = history.get("docs/en/orders/track-your-order.md")
    assert page is not None
    assert page.created == utc("2025-01-10T09:00:00")
    assert page.updated == datetime.fromisoformat("2025-07-01T10:00:00+02:00")
    assert [c.subject for c in page.commits] == [
        "Rename tracking page",
        "Reflow lines [format]",
        "Explain tracking",
        "Add orders articles",
    ]
    # The old name and the deleted page are not pages any more.
    assert history.get("docs/en/orders/track.md") is None
    assert history.get("docs/en/orders/cancel.md") is None


def test_marker_commits_do_not_count_as_content_changes(git_repo: Path) -> None:
    write(git_repo, "docs/a.md", "A\n")
    commit(git_repo, "Add a", "2025-01-01T00:00:00+00:00")
    write(git_repo, "docs/a.md", "A.\n")
    commit(git_repo, "Fix punctuation", "2025-02-01T00:00:00+00:00")
    write(git_repo, "docs/a.md", "A. \n")
    commit(git_repo, "Tidy whitespace\n\nMechanical change. [format]", "2025-03-01T00:00:00+00:00")
    with_marker = read_history(git_repo, ignore_marker="[format]").get("docs/a.md")
    without_marker = read_history(git_repo).get("docs/a.md")
    assert with_marker is not None and without_marker is not None
    assert with_marker.updated == utc("2025-02-01T00:00:00")
    assert without_marker.updated == utc("2025-03-01T00:00:00")
    assert len(with_marker.commits) == 3


def test_a_file_recreated_after_deletion_starts_a_new_history(git_repo: Path) -> None:
    write(git_repo, "docs/a.md", "first\n")
    commit(git_repo, "Add a", "2024-01-01T00:00:00+00:00")
    git(git_repo, "rm", "-q", "docs/a.md")
    commit(git_repo, "Remove a", "2024-02-01T00:00:00+00:00")
    write(git_repo, "docs/a.md", "second, unrelated\n")
    commit(git_repo, "Add a again", "2024-03-01T00:00:00+00:00")
    page = read_history(git_repo).get("docs/a.md")
    assert page is not None
    assert page.created == utc("2024-03-01T00:00:00")
    assert [c.subject for c in page.commits] == ["Add a again"]


def test_under_limits_paths_and_absolute_paths_resolve(history_repo: Path) -> None:
    history = read_history(history_repo, under="docs")
    assert set(history.paths) == {"docs/en/orders/track-your-order.md"}
    assert history.get(history_repo / "docs/en/orders/track-your-order.md") is not None
    assert history.get(Path("/elsewhere/track-your-order.md")) is None
    absolute = read_history(history_repo / "docs", under=str(history_repo / "docs" / "en"))
    assert set(absolute.paths) == {"docs/en/orders/track-your-order.md"}


def test_non_ascii_and_spaces_in_names(git_repo: Path) -> None:
    write(git_repo, "docs/fr/réglages et été.md", "Bonjour\n")
    commit(git_repo, "Ajout", "2025-05-05T12:00:00+00:00")
    assert read_history(git_repo).get("docs/fr/réglages et été.md") is not None


def test_shallow_clone_is_detected(history_repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{history_repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    history = read_history(clone)
    assert history.shallow is True
    assert len(history.boundary) == 1
    page = history.get("docs/en/orders/track-your-order.md")
    assert page is not None
    # The only commit fetched is the boundary: its date is not a real change of this page.
    assert history.is_exact("docs/en/orders/track-your-order.md") is False
    assert "fetch-depth: 0" in SHALLOW_WARNING
    full = read_history(history_repo)
    assert full.is_exact("docs/en/orders/track-your-order.md") is True


def test_empty_repository_and_not_a_repository(git_repo: Path, tmp_path: Path) -> None:
    assert read_history(git_repo).paths == {}
    outside = tmp_path / "plain"
    outside.mkdir()
    with pytest.raises(HistoryError, match="rev-parse"):
        read_history(outside)
