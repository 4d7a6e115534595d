"""A docs tree written without helpcentre, in ten locales, builds with only the plugin lines added.

The tree has what real multilingual documentation has: no front matter, file and folder names
with spaces, capitals and non-ASCII letters, one file name in two folders, folders and a locale
root without ``index.md``, ``description:`` left empty, ``aliases:`` as a string, dates as strings,
keys of other plugins, and one locale whose translations have names of their own, paired with
their originals by a shared ``permalink:`` key.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import git, mkdocs_build
from helpcentre.site import load_site, site_settings

LOCALES = ("en", "de", "fr", "es", "it", "nl", "pt", "sv", "ja", "ru")

ENGLISH = {
    "index.md": "# Welcome\n\nHelp for the Notes app.\n",
    "Bases/Formulas.md": (
        "---\npermalink: bases-formulas\ndescription:\naliases: formula, expressions\n"
        "reviewed: '2026-06-01'\ncomments: true\n---\n\n# Formulas\n\nFormulas compute values "
        "from other properties.\n\n## Functions\n\n"
        "See [security](../Sync/Security and privacy.md).\n"
    ),
    "Bases/Create a base.md": (
        "---\npermalink: bases-create\n---\n\n# Create a base\n\nA base lists notes by their "
        "properties.\n"
    ),
    "Sync/Security and privacy.md": "# Security and privacy\n\nSync encrypts your notes.\n",
    "Publish/Security and privacy.md": "# Security and privacy\n\nPublished sites are public.\n",
    "Getting started/Install the app.md": "Install the app from your app store.\n",
}

GERMAN = {
    "Bases/Formeln.md": (
        "---\npermalink: bases-formulas\n---\n\n# Formeln\n\nFormeln berechnen Werte aus anderen "
        "Eigenschaften.\n\n## Funktionen\n\nSiehe [Sicherheit](../Sync/Sicherheit.md).\n"
    ),
    "Bases/Eine Base erstellen.md": (
        "---\npermalink: bases-create\n---\n\n# Eine Base erstellen\n\nEine Base listet Notizen.\n"
    ),
    "Sync/Sicherheit.md": (
        "---\npermalink: sync-security\n---\n\n# Sicherheit\n\nSync verschlüsselt Notizen.\n"
    ),
}

OTHERS = {
    "fr": {"Bases/Formulas.md": "# Formules\n\nLes formules calculent des valeurs.\n"},
    "es": {"Sync/Security and privacy.md": "# Seguridad\n\nSync cifra tus notas.\n"},
    "it": {"index.md": "# Benvenuto\n\nAiuto per Notes.\n"},
    "nl": {"Bases/Create a base.md": "# Een base maken\n\nEen base toont notities.\n"},
    "pt": {"Załączniki.md": "# Anexos\n\nArquivos anexados às notas.\n"},
    "sv": {},
    "ja": {"Bases/Formulas.md": "# 数式\n\n数式は他のプロパティから値を計算します。\n"},
    "ru": {"Publish/Security and privacy.md": "# Безопасность\n\nОпубликованные сайты открыты.\n"},
}

CONFIG = """\
site_name: Notes Help
site_url: https://help.example.com/
theme:
  name: material
plugins:
  - search
  - helpcentre/search
  - helpcentre/i18n:
      default_locale: en
      translation_key: permalink
      locales:
{locales}
  - helpcentre/content
  - helpcentre/stale
  - helpcentre/feedback
"""


def write_foreign_tree(project: Path) -> None:
    locales = "\n".join(f"        - locale: {code}" for code in LOCALES)
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(CONFIG.format(locales=locales), encoding="utf-8")
    # The source of the only English-only page of Sync ('Sicherheit' is paired by key below).
    english = dict(ENGLISH)
    english["Sync/Security and privacy.md"] = (
        "---\npermalink: sync-security\n---\n\n" + english["Sync/Security and privacy.md"]
    )
    trees = {"en": english, "de": GERMAN, **OTHERS}
    for code in LOCALES:
        folder = project / "docs" / code
        folder.mkdir()
        for path, text in trees.get(code, {}).items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Docs", date="2026-11-01T10:00:00+00:00")


def test_the_model_pairs_translated_names_and_reports_nothing(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_foreign_tree(project)
    model = load_site(site_settings(project / "mkdocs.yml"))
    errors = [flag.message for flag in model.problems if flag.level == "error"]
    assert errors == []
    german = model.content["de"]
    assert german.source_of == {
        "Bases/Formeln.md": "Bases/Formulas.md",
        "Bases/Eine Base erstellen.md": "Bases/Create a base.md",
        "Sync/Sicherheit.md": "Sync/Security and privacy.md",
    }
    published = model.published("de")
    # No fallback shadows a translation that has its own name.
    assert "Bases/Formulas.md" not in published
    assert published["Publish/Security and privacy.md"] == ("en", "Publish/Security and privacy.md")
    assert model.counterpart("de", "Bases/Formeln.md", "en") == "Bases/Formulas.md"
    assert model.counterpart("en", "Bases/Formulas.md", "de") == "Bases/Formeln.md"
    status = model.status.get("de", "Bases/Formulas.md")
    assert status is not None and status.translation_path == "de/Bases/Formeln.md"
    assert status.state.value == "translated"
    article = model.articles("en")["Getting started/Install the app.md"]
    assert article.title == "Install the app" and article.description.startswith("Install")


@pytest.mark.slow
def test_foreign_tree_builds_in_ten_locales(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_foreign_tree(project)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    english_pages = len(ENGLISH)
    for code in LOCALES:
        pages = {
            path.parent.relative_to(site / code).as_posix()
            for path in (site / code).rglob("index.html")
            if "assets" not in path.parts and "search" not in path.parts
        }
        own = len(GERMAN) if code == "de" else len(OTHERS.get(code, {}))
        # Every English page, under its own name or the translation's; generated category pages
        # of configured categories are not part of this tree.
        assert len([p for p in pages if p != "."]) >= english_pages - 1, (code, sorted(pages))
        assert own <= len(pages)
    assert (site / "de/Bases/Formeln/index.html").exists()
    assert not (site / "de/Bases/Formulas/index.html").exists()
    assert (site / "en/Publish/Security and privacy/index.html").exists()
    assert (site / "en/Sync/Security and privacy/index.html").exists()
    assert (site / "pt/Załączniki/index.html").exists()
    german = (site / "de/sitemap.xml").read_text("utf-8")
    entry = german[german.index("<loc>https://help.example.com/de/Bases/Formeln/</loc>") :]
    entry = entry[: entry.index("</url>")]
    hreflang = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry))
    assert hreflang["en"] == "https://help.example.com/en/Bases/Formulas/"
    assert hreflang["de"] == "https://help.example.com/de/Bases/Formeln/"
    english = (site / "en/Bases/Formulas/index.html").read_text("utf-8")
    switcher = re.findall(r'<a href="([^"]+)" hreflang="de"', english)
    assert switcher and switcher[0].endswith("de/Bases/Formeln/")
