"""``helpcentre translations status|diff|mark`` end to end on real git repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import git
from helpcentre.cli import main

TRACK = "Find out where your parcel is.\n\nOpen **Orders** and choose **Track**.\n"


def write(repo: Path, relative: str, text: str) -> Path:
    path = repo / "docs" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def commit(repo: Path, message: str, day: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=f"{day}T10:00:00+00:00")


def run(repo: Path, capsys, monkeypatch, *argv: str) -> tuple[int, str, str]:
    monkeypatch.chdir(repo)
    code = main(["translations", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def site(git_repo: Path, capsys, monkeypatch) -> Path:
    """fr: one marked and current, one outdated, one orphaned; ja: one missing, one by dates."""
    write(git_repo, "en/orders/track.md", f"---\ntitle: Track\n---\n{TRACK}")
    write(git_repo, "en/orders/cancel.md", "---\ntitle: Cancel\n---\nCancel within an hour.\n")
    write(git_repo, "en/orders/retired.md", "---\ntitle: Retired\n---\nOld.\n")
    write(git_repo, "fr/orders/track.md", "---\ntitle: Suivre\n---\nOù est mon colis ?\n")
    write(git_repo, "fr/orders/cancel.md", "---\ntitle: Annuler\n---\nAnnuler.\n")
    write(git_repo, "fr/orders/retired.md", "---\ntitle: Ancien\n---\nAncien.\n")
    write(git_repo, "ja/orders/track.md", "---\ntitle: 追跡\n---\n追跡。\n")
    commit(git_repo, "Add articles", "2026-01-05")
    assert (
        run(
            git_repo,
            capsys,
            monkeypatch,
            "mark",
            "fr",
            "orders/track.md",
            "docs/fr/orders/cancel.md",
            "fr/orders/retired",
        )[0]
        == 0
    )
    commit(git_repo, "Mark French translations", "2026-01-06")
    write(git_repo, "en/orders/cancel.md", "---\ntitle: Cancel\n---\nCancel within two hours.\n")
    git(git_repo, "rm", "-q", "docs/en/orders/retired.md")
    commit(git_repo, "Longer cancellation window; retire an article", "2026-02-10")
    return git_repo


def test_status_text_lists_each_state_with_reasons(site, capsys, monkeypatch):
    code, out, _ = run(site, capsys, monkeypatch, "status")
    assert code == 0
    assert "2 articles in en" in out
    assert "fr: 50.0% translated (1/2); 1 outdated, 0 missing, 1 orphaned, 0 locale-only" in out
    assert "  outdated  orders/cancel.md: en/orders/cancel.md changed on 2026-02-10" in out
    assert "  orphaned  orders/retired.md: en/orders/retired.md no longer exists" in out
    assert "ja: 50.0% translated (1/2); 0 outdated, 1 missing" in out
    assert "  missing   orders/cancel.md\n" in out


def test_status_json_and_markdown(site, capsys, monkeypatch):
    code, out, _ = run(site, capsys, monkeypatch, "status", "--format", "json", "--locale", "fr")
    assert code == 0
    data = json.loads(out)
    assert list(data["locales"]) == ["fr"]
    french = data["locales"]["fr"]
    assert french["completeness"] == 50.0
    assert french["counts"] == {
        "translated": 1,
        "missing": 0,
        "outdated": 1,
        "orphaned": 1,
        "locale-only": 0,
    }
    states = {entry["article"]: entry["state"] for entry in french["articles"]}
    assert states == {
        "orders/cancel.md": "outdated",
        "orders/retired.md": "orphaned",
        "orders/track.md": "translated",
    }
    assert french["catalogs"]["total"] == 0

    code, out, _ = run(site, capsys, monkeypatch, "status", "--format", "markdown")
    assert code == 0
    assert "| fr | 50.0% (1/2) | 0 | 1 | 1 | 0 | 100.0% | 0 |" in out
    assert "- **outdated** `orders/cancel.md`: en/orders/cancel.md changed on" in out


def test_status_exit_codes_follow_fail_on(site, capsys, monkeypatch):
    assert run(site, capsys, monkeypatch, "status", "--fail-on", "outdated")[0] == 1
    assert (
        run(site, capsys, monkeypatch, "status", "--locale", "ja", "--fail-on", "outdated")[0] == 0
    )
    assert (
        run(site, capsys, monkeypatch, "status", "--locale", "ja", "--fail-on", "outdated,missing")[
            0
        ]
        == 1
    )
    with pytest.raises(SystemExit) as caught:
        run(site, capsys, monkeypatch, "status", "--fail-on", "late")
    assert caught.value.code == 2
    assert "unknown state late" in capsys.readouterr().err


def test_status_counts_fuzzy_and_missing_ui_strings(site, capsys, monkeypatch):
    folder = site / "locales" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (site / "locales" / "messages.pot").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Search"\nmsgstr ""\n\nmsgid "Contact us"\nmsgstr ""\n\n'
        'msgid "Was this page helpful?"\nmsgstr ""\n',
        encoding="utf-8",
    )
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Search"\nmsgstr "Rechercher"\n\n'
        '#, fuzzy\nmsgid "Contact us"\nmsgstr "Contactez-nous"\n',
        encoding="utf-8",
    )
    code, out, _ = run(site, capsys, monkeypatch, "status", "--locale", "fr")
    assert code == 0
    assert "  UI strings: 33.3% (1/3), 1 fuzzy, 1 missing" in out
    assert "  fuzzy     'Contact us'" in out


def test_a_broken_translation_is_reported_with_file_and_line(site, capsys, monkeypatch):
    write(site, "fr/orders/track.md", "---\ntitle: Suivre\nsource_hash: [1, 2]\n---\nTexte.\n")
    code, _, err = run(site, capsys, monkeypatch, "status")
    assert code == 2
    assert "fr/orders/track.md:3: 'source_hash' must be 12 lowercase hexadecimal digits" in err


def test_diff_shows_the_source_change_since_the_marker(site, capsys, monkeypatch):
    code, out, _ = run(site, capsys, monkeypatch, "diff", "fr", "orders/cancel.md")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("--- en/orders/cancel.md@")
    assert "(source_hash " in lines[0] and lines[0].endswith(", 2026-01-05)")
    assert lines[1] == "+++ en/orders/cancel.md (now)"
    assert "-Cancel within an hour." in lines
    assert "+Cancel within two hours." in lines

    code, out, _ = run(site, capsys, monkeypatch, "diff", "fr", "orders/track.md")
    assert code == 0
    assert out.startswith("fr/orders/track.md is up to date with en/orders/track.md")


def test_diff_without_marker_uses_the_translations_last_commit(site, capsys, monkeypatch):
    write(site, "en/orders/track.md", f"---\ntitle: Track\n---\n{TRACK}\nTracking is free.\n")
    commit(site, "Tracking is free", "2026-03-01")
    code, out, _ = run(site, capsys, monkeypatch, "diff", "ja", "orders/track.md")
    assert code == 0
    assert "no marker: at the translation's last commit, 2026-01-05" in out.splitlines()[0]
    assert "+Tracking is free." in out


def test_diff_reports_a_marker_no_version_has(site, capsys, monkeypatch):
    path = site / "docs/fr/orders/cancel.md"
    text = path.read_text()
    marker = text.split("source_hash: ")[1][:12]
    path.write_text(text.replace(marker, "0123456789ab"))
    code, _, err = run(site, capsys, monkeypatch, "diff", "fr", "orders/cancel.md")
    assert code == 2
    assert (
        "no version of en/orders/cancel.md in the git history has source_hash 0123456789ab" in err
    )


def test_mark_round_trip_makes_the_translation_current(site, capsys, monkeypatch):
    path = site / "docs/fr/orders/cancel.md"
    path.write_text(path.read_text().replace("Annuler.", "Annuler dans les deux heures."))
    before = path.read_bytes()
    code, out, _ = run(site, capsys, monkeypatch, "mark", "fr", "orders/cancel.md")
    assert code == 0 and "source_hash" in out and out.strip().endswith("recorded")
    after = path.read_bytes()
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    assert len(changed) == 1 and changed[0][0].startswith(b"source_hash: ")
    code, out, _ = run(
        site, capsys, monkeypatch, "status", "--locale", "fr", "--fail-on", "outdated"
    )
    assert code == 0
    assert "fr: 100.0% translated (2/2); 0 outdated" in out
    code, out, _ = run(site, capsys, monkeypatch, "mark", "fr", "orders/cancel.md")
    assert out.strip().endswith("already recorded")


def test_mark_an_unknown_article_fails_with_the_path(site, capsys, monkeypatch):
    code, _, err = run(site, capsys, monkeypatch, "mark", "fr", "orders/nope.md")
    assert code == 2
    assert "orders/nope.md:0: the source does not exist" in err


def test_changed_since_lists_what_a_pull_request_leaves_behind(site, capsys, monkeypatch):
    git(site, "checkout", "-q", "-b", "feature")
    write(site, "en/orders/track.md", f"---\ntitle: Track\n---\n{TRACK}\nTracking is free.\n")
    write(
        site,
        "en/orders/cancel.md",
        "---\ntitle: Cancel it\nreviewed: 2026-03-01\n---\nCancel  within\ntwo hours.\n",
    )
    write(site, "en/orders/reorder.md", "---\ntitle: Reorder\n---\nReorder items.\n")
    write(site, "fr/orders/reorder.md", "---\ntitle: Recommander\n---\nRecommander.\n")
    commit(site, "Free tracking; reorder article", "2026-03-01")

    code, out, _ = run(
        site, capsys, monkeypatch, "status", "--changed-since", "main", "--fail-on", "outdated"
    )
    assert code == 1
    assert out.splitlines()[0] == "3 translation(s) left behind since main:"
    assert "  outdated  fr/orders/track.md: en/orders/track.md changes in this change" in out
    assert "  outdated  ja/orders/track.md:" in out
    assert "  missing   ja/orders/reorder.md: en/orders/reorder.md is new" in out
    # Re-wrapping and front matter edits in cancel.md leave nothing behind.
    assert "cancel.md" not in out

    # The translator edits the text but does not record the marker.
    french = site / "docs/fr/orders/track.md"
    french.write_text(french.read_text().replace("colis ?", "colis ? Gratuit."))
    code, out, _ = run(
        site, capsys, monkeypatch, "status", "--changed-since", "main", "--format", "json"
    )
    left = {entry["translation_path"]: entry for entry in json.loads(out)["left_behind"]}
    assert (
        "fr/orders/track.md changes too, but its source_hash"
        in (left["fr/orders/track.md"]["reason"])
    )
    assert left["fr/orders/track.md"]["state"] == "outdated"
    run(site, capsys, monkeypatch, "mark", "fr", "orders/track.md")
    code, out, _ = run(
        site,
        capsys,
        monkeypatch,
        "status",
        "--changed-since",
        "main",
        "--fail-on",
        "outdated",
        "--locale",
        "fr",
    )
    assert code == 0
    assert out.strip() == "no translation left behind since main"


def test_changed_since_an_unknown_revision_is_an_error(site, capsys, monkeypatch):
    code, _, err = run(site, capsys, monkeypatch, "status", "--changed-since", "origin/nope")
    assert code == 2
    assert "'origin/nope' is not a revision this repository knows" in err


def test_mark_all_current_adopts_markers_for_translations_git_shows_current(
    site, capsys, monkeypatch
):
    code, out, _ = run(site, capsys, monkeypatch, "mark", "ja", "--all-current")
    assert code == 0
    assert out.strip().startswith("ja/orders/track.md: source_hash ")
    code, out, _ = run(site, capsys, monkeypatch, "status", "--format", "json", "--locale", "ja")
    entry = json.loads(out)["locales"]["ja"]["articles"][1]
    assert (entry["article"], entry["basis"], entry["state"]) == (
        "orders/track.md",
        "marker",
        "translated",
    )
    # Outdated translations are left alone: marking them would hide that they are behind.
    write(site, "en/orders/track.md", f"---\ntitle: Track\n---\n{TRACK}\nTracking is free.\n")
    commit(site, "Tracking is free", "2026-03-01")
    assert run(site, capsys, monkeypatch, "mark", "fr", "--all-current")[1] == ""
    assert run(site, capsys, monkeypatch, "mark", "fr")[0] == 2


def test_status_on_a_shallow_clone_says_dates_are_approximate(site, tmp_path, capsys, monkeypatch):
    write(site, "en/orders/track.md", f"---\ntitle: Track\n---\n{TRACK}\nTracking is free.\n")
    commit(site, "Tracking is free", "2026-03-01")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", site.as_uri(), str(clone))
    code, out, _ = run(clone, capsys, monkeypatch, "status", "--locale", "ja")
    assert code == 0
    assert "(shallow clone: git dates are approximate)" in out.splitlines()[0]
