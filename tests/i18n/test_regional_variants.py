"""Regional variants on a tree written without helpcentre: ``pt-BR``, ``zh-TW``, ``fr-CA`` and
``es-419`` get their own folder and URL, the nearest UI translation of the theme, and content
(and UI strings) from the nearest locale of their chain (``pt-BR`` -> ``pt`` -> the default),
which the notices, the translation status and hreflang follow."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import git, mkdocs_build
from helpcentre.catalogs import load_translations
from helpcentre.cli import main
from helpcentre.site import load_site, site_settings

pytestmark = pytest.mark.slow

LOCALES = ("en", "pt", "pt-BR", "zh", "zh-TW", "fr", "fr-CA", "es", "es-419")

ENGLISH = {
    "index.md": "# Welcome\n\nHelp for the Notes app.\n",
    "Sync/Conflict copies.md": "# Conflict copies\n\nTwo devices changed one note.\n",
    "Sync/Offline mode.md": "# Offline mode\n\nNotes sync when you are back online.\n",
}
OWN = {
    "pt": {"Sync/Conflict copies.md": "# Cópias de conflito\n\nDois aparelhos mudaram a nota.\n"},
    "pt-BR": {"index.md": "# Bem-vindo\n\nAjuda do app Notes.\n"},
    "zh": {"Sync/Offline mode.md": "# 离线模式\n\n恢复联网后笔记会同步。\n"},
    "fr": {"Sync/Offline mode.md": "# Mode hors ligne\n\nLes notes se synchronisent.\n"},
}

PORTUGUESE_UI = """msgid ""
msgstr ""
"Language: pt\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Was this article helpful?"
msgstr "Este artigo foi útil?"
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("regional") / "project"
    for code in LOCALES:
        (root / "docs" / code).mkdir(parents=True)
    for code, files in {"en": ENGLISH, **OWN}.items():
        for name, text in files.items():
            path = root / "docs" / code / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    folder = root / "locales" / "pt" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(PORTUGUESE_UI, encoding="utf-8")
    locales = "".join(f"        - locale: {code}\n" for code in LOCALES)
    (root / "mkdocs.yml").write_text(
        "site_name: Notes Help\nsite_url: https://help.example.com/\n"
        "theme:\n  name: material\n  language: en\n"
        "plugins:\n  - search\n  - helpcentre/search\n  - helpcentre/i18n:\n"
        f"      default_locale: en\n      locales:\n{locales}"
        "  - helpcentre/content\n  - helpcentre/feedback\n",
        encoding="utf-8",
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Notes help", date="2026-01-05T10:00:00+00:00")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root


def page(project: Path, locale: str, path: str) -> str:
    return (project / "site" / locale / path / "index.html").read_text(encoding="utf-8")


def test_the_chain_runs_through_the_base_language(project: Path) -> None:
    model = load_site(site_settings(project / "mkdocs.yml"))
    assert model.chain("pt-BR") == ["pt-BR", "pt", "en"]
    assert model.chain("es-419") == ["es-419", "es", "en"]
    assert model.chain("fr") == ["fr", "en"] and model.chain("en") == ["en"]
    published = model.published("pt-BR")
    assert published["index.md"] == ("pt-BR", "index.md")
    assert published["Sync/Conflict copies.md"] == ("pt", "Sync/Conflict copies.md")
    assert published["Sync/Offline mode.md"] == ("en", "Sync/Offline mode.md")


def test_a_variant_has_its_folder_and_reads_its_base_languages_article(project: Path) -> None:
    brazil = page(project, "pt-BR", "Sync/Conflict copies")
    assert "Cópias de conflito" in brazil
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', brazil).group(1)
    assert canonical == "https://help.example.com/pt/Sync/Conflict copies/"
    assert '<div lang="pt" dir="ltr">' in brazil
    # The notice names the language read, in helpcentre's Brazilian Portuguese.
    assert "ainda não está disponível em português (Brasil)" in brazil
    assert "original em português." in brazil
    # Further down the chain: the source.
    offline = page(project, "pt-BR", "Sync/Offline mode")
    assert "Offline mode" in offline and '<div lang="en" dir="ltr">' in offline
    assert '<div lang="en" dir="ltr">' in page(project, "pt", "Sync/Offline mode")


def test_a_variant_gets_the_nearest_ui_translation(project: Path) -> None:
    # The theme's own strings: Brazilian and Taiwanese files exist; Canada and Latin America
    # take French and Spanish.
    for code, placeholder in (
        ("pt-BR", "Buscar"),
        ("zh-TW", "搜尋"),
        ("fr-CA", "Rechercher"),
        ("es-419", "Búsqueda"),
    ):
        html = page(project, code, "Sync/Offline mode")
        assert f'placeholder="{placeholder}"' in html, code
        # The page says its own tag, not the base language's the theme's file names.
        assert f'<html lang="{code}"' in html, code
    assert "离线模式" in page(project, "zh-TW", "Sync/Offline mode")  # zh's article
    # helpcentre's strings: the site has no pt-BR catalog; helpcentre ships one.
    assert "Este artigo foi útil?" in page(project, "pt-BR", "Sync/Offline mode")
    strings = load_translations(project / "locales", "pt-BR", fallbacks=["pt", "en"])
    assert strings.language_of("Was this article helpful?") in {"pt-BR", "pt"}


def test_hreflang_points_a_variant_at_the_page_its_readers_get(project: Path) -> None:
    sitemap = (project / "site/en/sitemap.xml").read_text("utf-8")
    entry = sitemap[sitemap.index("/en/Sync/Conflict") :]
    entry = entry[: entry.index("</url>")]
    links = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry))
    assert links["pt-BR"] == links["pt"] and "/pt/Sync/" in links["pt"]
    assert links["es-419"] == links["es"] == links["en"]
    assert sorted(links) == sorted([*LOCALES, "x-default"])


def test_status_says_which_translation_readers_of_a_variant_get(project: Path, capsys) -> None:
    code = main(["translations", "status", "--config", str(project / "mkdocs.yml")])
    out = capsys.readouterr().out
    assert code == 0, out
    block = out[out.index("pt-BR:") :]
    block = block[: block.index("\nzh:")]
    assert "missing   Sync/Conflict copies.md (readers get the pt translation)" in block
    assert re.search(r"missing   Sync/Offline mode\.md$", block, re.MULTILINE)
