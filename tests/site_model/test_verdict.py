"""One verdict: ``mkdocs build --strict`` and ``helpcentre check`` judge a broken tree alike.

Each case writes a small two-locale help centre with one defect (or several) into ``tmp_path``,
then runs both for real and compares: both fail or both pass, and every error-level problem the
check names (file and line) is named by the build too, all in one run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import git, mkdocs_build

CONFIG = """\
site_name: Acme Help
docs_dir: docs
theme:
  name: material
  language: en
plugins:
  - search
  - helpcentre/search
  - helpcentre/i18n:
      default_locale: en
      locales:
        - locale: en
        - locale: fr
  - helpcentre/content:
      categories:
        - id: billing
          name: Billing
          description: Paying and invoices.
          sections: {paying: Paying}
  - helpcentre/stale:
      today: 2026-12-01
      levels: {expired: error}
"""

GOOD = {
    "en/index.md": "---\ntitle: Home\n---\n\nWelcome.\n",
    "fr/index.md": "---\ntitle: Accueil\n---\n\nBienvenue.\n",
    "en/billing/pay.md": (
        "---\ntitle: How do I pay?\ncategory: billing\nsection: paying\ntype: faq\n---\n\n"
        "## Cards {#cards}\n\nWe take cards.\n"
    ),
    "fr/billing/pay.md": (
        "---\ntitle: Comment payer ?\ncategory: billing\nsection: paying\ntype: faq\n---\n\n"
        "## Cartes {#cards}\n\nNous prenons les cartes.\n"
    ),
}

#: name -> (files to write over the good tree, ids the verdict must name as "path:line" or "").
CASES: dict[str, tuple[dict[str, str | None], list[str]]] = {
    "clean": ({}, []),
    "type howto": (
        {"en/billing/b.md": "---\ntitle: B\ntype: howto\n---\n\nText.\n"},
        ["docs/en/billing/b.md:3"],
    ),
    "unknown category": (
        {"en/billing/b.md": "---\ntitle: B\ncategory: bank\n---\n\nText.\n"},
        ["docs/en/billing/b.md:3"],
    ),
    "tags as a mapping": (
        {"en/billing/b.md": "---\ntitle: B\ntags: {a: 1}\n---\n\nText.\n"},
        ["docs/en/billing/b.md:3"],
    ),
    "order ten": (
        {"en/billing/b.md": "---\ntitle: B\norder: ten\n---\n\nText.\n"},
        ["docs/en/billing/b.md:3"],
    ),
    "duplicate declared slug": (
        {
            "en/billing/b.md": "---\ntitle: B\nslug: pay-now\n---\n\nText.\n",
            "en/billing/c.md": "---\ntitle: C\nslug: pay-now\n---\n\nText.\n",
        },
        ["docs/en/billing/c.md:3"],
    ),
    "unconfigured locale folder": (
        {"de/index.md": "---\ntitle: Start\n---\n\nHallo.\n"},
        ["docs/de/:0"],
    ),
    "missing title": (
        {"en/billing/b.md": "---\ncategory: billing\ntype: faq\n---\n\nNo heading here.\n"},
        ["docs/en/billing/b.md:1"],
    ),
    "unknown section": (
        {"en/billing/b.md": "---\ntitle: B\ncategory: billing\nsection: nope\n---\n\nText.\n"},
        ["docs/en/billing/b.md:4"],
    ),
    "empty file": ({"en/billing/empty.md": ""}, ["docs/en/billing/empty.md:1"]),
    "empty file with front matter only": (
        {"en/billing/empty.md": "---\ntitle: Empty\n---\n"},
        ["docs/en/billing/empty.md:1"],
    ),
    "impossible date": (
        {"en/billing/b.md": "---\ntitle: B\nreviewed: 2026-02-30\n---\n\nText.\n"},
        ["docs/en/billing/b.md:3"],
    ),
    "quoted impossible date": (
        {"en/billing/b.md": "---\ntitle: B\nreviewed: '2026-02-30'\n---\n\nText.\n"},
        ["docs/en/billing/b.md:3"],
    ),
    "unclosed bracket": (
        {"en/billing/b.md": "---\ntitle: B\ncategory: billing\ntags: [a, b\nowner: x\n---\n\nT.\n"},
        ["docs/en/billing/b.md:4"],
    ),
    "unclosed front matter": (
        {"en/billing/b.md": "---\ntitle: B\n\nText.\n"},
        ["docs/en/billing/b.md:1"],
    ),
    "front matter not a mapping": (
        {"en/billing/b.md": "---\n- a\n- b\n---\n\nText.\n"},
        ["docs/en/billing/b.md:2"],
    ),
    "not UTF-8": (
        {"en/billing/b.md": b"---\ntitle: B\n---\n\nCaf\xe9 au lait.\n"},  # type: ignore[dict-item]
        ["docs/en/billing/b.md:5"],
    ),
    "broken link": (
        {"en/billing/b.md": "---\ntitle: B\n---\n\nSee [this](missing.md).\n"},
        ["docs/en/billing/b.md:5"],
    ),
    "broken anchor": (
        {"en/billing/b.md": "---\ntitle: B\n---\n\nSee [cards](pay.md#nope).\n"},
        ["docs/en/billing/b.md:5"],
    ),
    "link to another locale": (
        {"fr/billing/b.md": "---\ntitle: B\n---\n\nVoir [ceci](../../en/billing/pay.md).\n"},
        ["docs/fr/billing/b.md:5"],
    ),
    "expired at error level": (
        {"en/billing/b.md": "---\ntitle: B\ncategory: billing\nexpires: 2026-01-01\n---\n\nT.\n"},
        ["docs/en/billing/b.md:4"],
    ),
    "review_every and review_by": (
        {
            "en/billing/b.md": (
                "---\ntitle: B\ncategory: billing\nreview_every: 6m\nreview_by: 2027-01-01\n"
                "---\n\nT.\n"
            )
        },
        ["docs/en/billing/b.md:5"],
    ),
    "bad review interval": (
        {
            "en/billing/b.md": (
                "---\ntitle: B\ncategory: billing\nreview_every: fortnight\n---\n\nT.\n"
            )
        },
        ["docs/en/billing/b.md:4"],
    ),
    "article outside any locale": (
        {"stray.md": "---\ntitle: Stray\n---\n\nText.\n"},
        ["docs/stray.md:0"],
    ),
    "misspelled keys only warn": (
        {"en/billing/b.md": "---\ntitle: B\nreview_evry: 2w\nownr: me\n---\n\nText.\n"},
        [],
    ),
    "three broken files at once": (
        {
            "en/billing/b.md": "---\ntitle: B\ntype: howto\n---\n\nText.\n",
            "fr/billing/c.md": "---\ntitle: C\norder: ten\n---\n\nTexte.\n",
            "en/billing/d.md": "---\ntitle: D\n---\n\n[x](nowhere.md)\n",
        },
        ["docs/en/billing/b.md:3", "docs/fr/billing/c.md:3", "docs/en/billing/d.md:5"],
    ),
    "four wrong keys in one file": (
        {
            "en/billing/b.md": (
                "---\ntitle: B\ntype: howto\norder: ten\npromoted: 1\nslug: Not A Slug\n---\n\nT.\n"
            )
        },
        [
            "docs/en/billing/b.md:3",
            "docs/en/billing/b.md:4",
            "docs/en/billing/b.md:5",
            "docs/en/billing/b.md:6",
        ],
    ),
}


def write_tree(project: Path, files: dict[str, str | bytes | None]) -> None:
    """The good tree with ``files`` written over it, committed to a new repository."""
    (project / "mkdocs.yml").parent.mkdir(parents=True, exist_ok=True)
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for path, text in {**GOOD, **files}.items():
        target = project / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        elif text is not None:
            target.write_text(text, encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Help centre", date="2026-11-01T10:00:00+00:00")


def helpcentre_check(project: Path) -> subprocess.CompletedProcess[str]:
    """Run ``helpcentre check`` as a writer does, from the project folder."""
    return subprocess.run(
        [sys.executable, "-m", "helpcentre.cli", "check", "--config", "mkdocs.yml"],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_table_has_every_defect_the_writers_met() -> None:
    assert len([name for name in CASES if name != "clean"]) >= 25


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_build_and_check_give_one_verdict(tmp_path: Path, name: str) -> None:
    files, expected = CASES[name]
    project = tmp_path / "project"
    write_tree(project, files)
    build = mkdocs_build(project)
    check = helpcentre_check(project)
    build_output = build.stdout + build.stderr
    assert check.returncode in (0, 1), check.stderr
    assert (build.returncode != 0) == (check.returncode == 1), (build_output, check.stdout)
    assert (check.returncode == 1) == bool(expected), check.stdout
    errors = [line for line in check.stdout.splitlines() if ": error: " in line]
    for where in expected:
        assert any(line.startswith(f"{where}: error: ") for line in errors), check.stdout
        assert f"{where}: " in build_output, build_output
    for line in errors:
        where = line.split(": error: ")[0]
        assert f"{where}: " in build_output, (where, build_output)
    assert "Traceback" not in build_output


def test_misspelled_keys_name_the_nearest_key(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_tree(project, CASES["misspelled keys only warn"][0])
    check = helpcentre_check(project)
    assert "docs/en/billing/b.md:3: warning: unknown key 'review_evry' -- did you mean " in (
        check.stdout
    )
    assert "'review_every'?" in check.stdout
    assert "unknown key 'ownr' -- did you mean 'owner'?" in check.stdout


def test_other_plugins_keys_can_be_declared(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_tree(project, {"en/billing/b.md": "---\ntitle: B\ngiscus_thread: 12\n---\n\nText.\n"})
    assert "unknown key 'giscus_thread'" in helpcentre_check(project).stdout
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  - helpcentre/content:\n",
            "  - helpcentre/content:\n      known_keys: [giscus_thread]\n",
        ),
        encoding="utf-8",
    )
    assert "giscus_thread" not in helpcentre_check(project).stdout


def test_renamed_original_names_the_git_mv(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_tree(project, {})
    git(project, "mv", "docs/en/billing/pay.md", "docs/en/billing/paying.md")
    git(project, "commit", "-q", "-m", "Rename", date="2026-11-02T10:00:00+00:00")
    check = helpcentre_check(project)
    line = next(line for line in check.stdout.splitlines() if "[orphaned-translation]" in line)
    assert line.startswith("docs/fr/billing/pay.md:1: warning: ")
    assert "git mv docs/fr/billing/pay.md docs/fr/billing/paying.md" in line
    assert "docs/en/billing/pay.md" in line
    build = mkdocs_build(project)
    assert "git mv docs/fr/billing/pay.md docs/fr/billing/paying.md" in build.stdout + build.stderr


def test_every_message_in_one_run_has_file_line_and_fix(tmp_path: Path) -> None:
    files: dict[str, str | None] = {}
    for _, (case_files, _) in CASES.items():
        for path, text in case_files.items():
            if path.startswith("en/billing/") and isinstance(text, str):
                files[f"en/billing/{len(files)}-{Path(path).name}"] = text
    project = tmp_path / "project"
    write_tree(project, files)
    check = helpcentre_check(project)
    errors = [line for line in check.stdout.splitlines() if ": error: " in line]
    assert len({line.split(": error: ")[0].split(":")[0] for line in errors}) >= 15
    assert all(" -- " in line for line in errors), textwrap.indent("\n".join(errors), "  ")


def test_links_are_checked_in_every_locale_with_the_nearest_page(tmp_path: Path) -> None:
    from helpcentre.site import load_site, site_settings

    project = tmp_path / "project"
    write_tree(
        project,
        {
            "en/billing/a.md": "---\ntitle: A\n---\n\nGo to [b](pay.md#cards), [c](pya.md).\n",
            "fr/billing/a.md": "---\ntitle: A\n---\n\nVoir [b](pay.md#nope) et [i](img.png).\n",
            "en/billing/img.png": "not really an image",
            # A missing image is a missing file, and the fix is an image, not an article.
            "en/billing/b.md": "---\ntitle: B\n---\n\n![x](img/card.png) ![y](img/gone.jpg)\n",
            "en/billing/img/cards.png": "not really an image",
        },
    )
    model = load_site(site_settings(project / "mkdocs.yml"))
    links = [flag for flag in model.problems if flag.rule == "broken-link"]
    assert [(flag.path, flag.line) for flag in links] == [
        ("docs/en/billing/a.md", 5),
        ("docs/en/billing/b.md", 5),
        ("docs/en/billing/b.md", 5),
        ("docs/fr/billing/a.md", 5),
    ]
    assert links[0].fix == "did you mean 'pay.md'?"
    assert [(flag.reason, flag.fix) for flag in links[1:3]] == [
        ("link 'img/card.png' points to a missing file", "did you mean 'img/cards.png'?"),
        (
            "link 'img/gone.jpg' points to a missing file",
            "add the file to the docs folder, or remove the link",
        ),
    ]
    assert "missing anchor '#nope'" in links[3].reason and "(cards" in links[3].fix


def test_an_overdue_original_is_flagged_once_with_its_translations(tmp_path: Path) -> None:
    from helpcentre.site import load_site, site_settings

    article = (
        "---\ntitle: {t}\ncategory: billing\nreviewed: 2025-01-02\nreview_every: 6m\n---\n\nT.\n"
    )
    project = tmp_path / "project"
    write_tree(
        project,
        {"en/billing/old.md": article.format(t="Old"), "fr/billing/old.md": article.format(t="V")},
    )
    model = load_site(site_settings(project / "mkdocs.yml"))
    overdue = [flag for flag in model.problems if flag.rule == "review-overdue"]
    assert [flag.path for flag in overdue] == ["docs/en/billing/old.md"]
    assert overdue[0].fix.endswith("translations with the same date: docs/fr/billing/old.md")
