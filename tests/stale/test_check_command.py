"""``helpcentre check`` end to end on real git repositories: every rule, format and exit code."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import git
from helpcentre.cli import main
from helpcentre.feedback.summary import FeedbackSummary, PageFeedback
from helpcentre.site.check import run_check
from helpcentre.site.settings import site_settings
from helpcentre.stale.rules import RULES

TODAY = "2026-11-23"

MKDOCS_YML = """\
site_name: Test help centre
docs_dir: docs
theme:
  name: material
markdown_extensions:
  - attr_list
  - toc:
      permalink: true
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - helpcentre/i18n:
      locales: [{locale: en}, {locale: fr}]
  - helpcentre/stale:
      review_every: 1y
      categories:
        billing:
          max_age: 1y
      levels:
        review-overdue: warning
      feedback_summary: feedback.json
      helpfulness_min_votes: 10
"""


def article(category: str, *, reviewed: str, body: str, extra: str = "") -> str:
    return (
        f"---\ntitle: An article\ncategory: {category}\ntype: faq\nowner: {category}-team\n"
        f"reviewed: {reviewed}\n{extra}---\n\n{body}\n"
    )


def write(repo: Path, relative: str, text: str) -> None:
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commit(repo: Path, message: str, date: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)


@pytest.fixture
def site(git_repo: Path) -> Path:
    """A help centre where each rule fires on exactly one page."""
    write(git_repo, "mkdocs.yml", MKDOCS_YML)
    write(git_repo, "docs/en/index.md", "---\ntitle: Home\n---\n\n[Track](orders/track.md)\n")
    write(
        git_repo,
        "docs/en/orders/track.md",
        article("orders", reviewed="2026-10-01", body="## Where is it? {#where}\n\nHere."),
    )
    # review-overdue: reviewed 2025-03-01 with review_every 6m.
    write(
        git_repo,
        "docs/en/orders/cancel.md",
        article("orders", reviewed="2025-03-01", extra="review_every: 6m\n", body="Cancel."),
    )
    # expired.
    write(
        git_repo,
        "docs/en/orders/holidays.md",
        article("orders", reviewed="2026-10-01", extra="expires: 2026-01-10\n", body="Dates."),
    )
    # unchanged-too-long: billing allows 1 year; content last changed in 2024.
    write(
        git_repo,
        "docs/en/billing/invoice.md",
        article("billing", reviewed="2026-10-01", body="Invoices."),
    )
    # broken-link: a missing page and a missing anchor.
    write(
        git_repo,
        "docs/en/billing/refund.md",
        article(
            "billing",
            reviewed="2026-10-01",
            body="See [tracking](../orders/track.md#where).\n\n"
            "See [gone](../orders/gone.md) and [nowhere](../orders/track.md#nowhere).",
        ),
    )
    write(
        git_repo,
        "docs/fr/orders/track.md",
        article("orders", reviewed="2026-10-01", body="## Où est-il ? {#where}\n\nIci."),
    )
    commit(git_repo, "Add articles", "2024-01-15T10:00:00+00:00")
    # The invoice page is only reformatted later: it stays unchanged in content since 2024.
    write(
        git_repo,
        "docs/en/billing/invoice.md",
        article("billing", reviewed="2026-10-01", body="Invoices. "),
    )
    commit(git_repo, "Wrap lines [format]", "2025-12-01T10:00:00+00:00")
    # Everything else gets a later real change.
    for name in ("orders/cancel.md", "orders/holidays.md", "billing/refund.md"):
        path = git_repo / "docs/en" / name
        path.write_text(path.read_text(encoding="utf-8") + "More.\n", encoding="utf-8")
    commit(git_repo, "Add details", "2025-12-02T10:00:00+00:00")
    # translation-behind: the English source changes after its French translation.
    write(
        git_repo,
        "docs/en/orders/track.md",
        article(
            "orders", reviewed="2026-10-01", body="## Where is it? {#where}\n\nHere, by e-mail."
        ),
    )
    commit(git_repo, "Mention the e-mail", "2026-11-01T10:00:00+00:00")
    # low-helpfulness: 3 of 30 readers found the cancel page helpful.
    summary = FeedbackSummary(
        generated_at="2026-11-22T00:00:00Z",
        since="2026-08-24",
        until="2026-11-22",
        pages={
            "en/orders/cancel": PageFeedback(
                locale="en",
                page="orders/cancel",
                votes=30,
                helpful=3,
                not_helpful=27,
                helpful_share=0.1,
                wilson_lower_bound=0.0346,
                reasons={},
            ),
            "en/orders/track": PageFeedback(
                locale="en",
                page="orders/track",
                votes=4,
                helpful=0,
                not_helpful=4,
                helpful_share=0.0,
                wilson_lower_bound=0.0,
                reasons={},
            ),
        },
    )
    write(git_repo, "feedback.json", summary.to_json())
    return git_repo


def run_cli(site: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(
        [
            "check",
            "--config",
            str(site / "mkdocs.yml"),
            "--docs",
            str(site / "docs"),
            "--today",
            TODAY,
            *args,
        ]
    )
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_rule_fires_once_in_json(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(site, "--format", "json", capsys=capsys)
    data = json.loads(out)
    assert code == 1 and data["failed"] is True
    by_rule: dict[str, list[dict]] = {}
    for flag in data["flags"]:
        by_rule.setdefault(flag["rule"], []).append(flag)
    assert set(by_rule) == {rule.name for rule in RULES}
    assert [(f["path"], f["line"]) for f in by_rule["review-overdue"]] == [
        ("docs/en/orders/cancel.md", 6)
    ]
    assert "review overdue by" in by_rule["review-overdue"][0]["reason"]
    assert [(f["path"], f["line"], f["level"]) for f in by_rule["expired"]] == [
        ("docs/en/orders/holidays.md", 7, "error")
    ]
    unchanged = by_rule["unchanged-too-long"]
    assert [f["path"] for f in unchanged] == ["docs/en/billing/invoice.md"]
    assert "unchanged since 2024-01-15" in unchanged[0]["reason"]
    links = sorted((f["path"], f["line"], f["reason"]) for f in by_rule["broken-link"])
    assert [(p, line) for p, line, _ in links] == [
        ("docs/en/billing/refund.md", 11),
        ("docs/en/billing/refund.md", 11),
    ]
    assert any("missing page" in reason for *_, reason in links)
    assert any("missing anchor '#nowhere'" in reason for *_, reason in links)
    assert [f["path"] for f in by_rule["low-helpfulness"]] == ["docs/en/orders/cancel.md"]
    assert "3 of 30 votes helpful" in by_rule["low-helpfulness"][0]["reason"]
    behind = by_rule["translation-behind"]
    assert [f["path"] for f in behind] == ["docs/fr/orders/track.md"]
    assert "docs/en/orders/track.md" in behind[0]["reason"]
    assert data["counts"] == {"error": 3, "warning": 4, "info": 0}


def test_text_format_and_exit_code(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(site, capsys=capsys)
    assert code == 1
    assert (
        "docs/en/orders/holidays.md:7: error: the article expired on 2026-01-10 -- remove the "
        "article, or update it and move 'expires' to its new end date [expired]"
    ) in out
    assert out.rstrip().endswith("7 pages checked: 3 errors, 4 warnings, 0 notes")


def test_notes_printed_are_notes_counted(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    copy = tmp_path / "no-git"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(".git"))
    _, out, _ = run_cli(copy, capsys=capsys)
    printed = [line for line in out.splitlines() if line.startswith("note: ")]
    assert printed and out.rstrip().endswith(f"{len(printed)} notes")


def test_github_annotations(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(site, "--format", "github", capsys=capsys)
    lines = out.splitlines()
    assert (
        "::error file=docs/en/orders/holidays.md,line=7,title=expired::the article expired on "
        "2026-01-10 -- remove the article, or update it and move 'expires' to its new end date"
    ) in lines
    assert any(
        line.startswith("::warning file=docs/en/orders/cancel.md,line=6,title=review-overdue::")
        for line in lines
    )


def test_markdown_summary(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(site, "--format", "markdown", capsys=capsys)
    assert out.startswith("### ❌ Help centre check")
    assert "#### Errors (3)" in out and "#### Warnings (4)" in out
    assert "| `docs/en/orders/holidays.md:7` | expired |" in out


def test_levels_decide_the_exit_code(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "        review-overdue: warning\n",
            "        review-overdue: error\n        expired: warning\n        broken-link: off\n",
        )
    )
    code, out, _ = run_cli(site, "--format", "json", capsys=capsys)
    data = json.loads(out)
    assert code == 1
    assert {f["rule"] for f in data["flags"] if f["level"] == "error"} == {"review-overdue"}
    assert not any(f["rule"] == "broken-link" for f in data["flags"])
    config.write_text(config.read_text().replace("review-overdue: error", "review-overdue: info"))
    code, _, _ = run_cli(site, capsys=capsys)
    assert code == 0


def test_changed_since_narrows_to_changed_pages_and_their_translations(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(site, "--changed-since", "HEAD~1", "--format", "json", capsys=capsys)
    data = json.loads(out)
    # Only the English tracking page changed in the last commit: its French translation is behind.
    assert {(f["path"], f["rule"]) for f in data["flags"]} == {
        ("docs/fr/orders/track.md", "translation-behind")
    }
    assert code == 0
    write(site, "docs/en/orders/holidays.md", (site / "docs/en/orders/holidays.md").read_text())
    (site / "docs/en/orders/holidays.md").write_text(
        (site / "docs/en/orders/holidays.md").read_text() + "More.\n"
    )
    code, out, _ = run_cli(site, "--changed-since", "HEAD", "--format", "json", capsys=capsys)
    assert {f["rule"] for f in json.loads(out)["flags"]} == {"expired"}
    assert code == 1


def test_front_matter_errors_are_reported_with_the_rest(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        site,
        "docs/en/orders/broken.md",
        article("orders", reviewed="2026-02-30", body="Body."),
    )
    write(
        site,
        "docs/en/orders/unit.md",
        article("orders", reviewed="2026-01-01", extra="review_every: 3q\n", body="Body."),
    )
    code, out, err = run_cli(site, capsys=capsys)
    assert code == 1, err
    assert "docs/en/orders/broken.md:6: error: 'reviewed': '2026-02-30' is not a date" in out
    assert "docs/en/orders/unit.md:7: error: 'review_every': unknown unit 'q'" in out
    assert "[expired]" in out  # the other pages are still checked


def test_bad_configuration_exits_2(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("max_age: 1y", "max_age: 1 decade"))
    code, out, err = run_cli(site, capsys=capsys)
    assert code == 2 and out == ""
    assert "categories.billing.max_age: unknown unit 'decade'" in err
    config.write_text(config.read_text().replace("review-overdue: warning", "review-late: error"))
    assert run_cli(site, capsys=capsys)[0] == 2
    code, _, err = run_cli(site, "--changed-since", "no-such-branch", capsys=capsys)
    assert code == 2


def test_shallow_clone_falls_back_to_reviewed_dates(site: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{site}", str(clone)],
        check=True,
        capture_output=True,
    )
    import datetime as dt

    today = dt.date(2026, 11, 23)
    result = run_check(site_settings(clone / "mkdocs.yml"), today=today)
    assert any("fetch-depth: 0" in note for note in result.notes)
    # In the full history the invoice page is unchanged since 2024; the shallow clone cannot know
    # that, so it uses the 'reviewed' date (2026-10-01) rather than the boundary commit's date.
    assert not any(flag.rule == "unchanged-too-long" for flag in result.flags)
    full = run_check(site_settings(site / "mkdocs.yml"), today=today)
    assert any(flag.rule == "unchanged-too-long" for flag in full.flags)
    assert not full.notes
