"""Pages for assistants: llms.txt, llms-full.txt and Markdown copies, in real builds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import git
from helpcentre.assistants.llms import AssistantPage, markdown_copy, markdown_url
from helpcentre.search.index import read_index

LINK = re.compile(r"\]\(([^)\s]+)\)")


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def local_target(site: Path, base: str, href: str, *, origin: Path) -> Path:
    """The file a link of ``origin`` (absolute under ``base``, or relative) points at."""
    href = href.split("#", 1)[0]
    if href.startswith(base):
        path = site / unquote(href[len(base) :])
    else:
        assert not urlparse(href).scheme, href
        path = origin.parent / unquote(href)
    return path / "index.html" if href.endswith("/") else path


# -- the core ---------------------------------------------------------------------------------


def test_markdown_url_follows_the_llms_txt_convention() -> None:
    assert markdown_url("orders/track/") == "orders/track/index.html.md"
    assert markdown_url("") == "index.html.md"
    assert markdown_url("orders/track.html") == "orders/track.html.md"


def test_copy_relinks_markdown_links_and_drops_heading_attributes() -> None:
    track = AssistantPage(
        source="orders/track.md",
        url="orders/track/",
        title="Track",
        description="Where is it?",
        category="orders",
        body='See [returns](../returns/start.md#how "Start") or [x](missing.md).\n\n'
        "## Where? {#where}\n\nHere.\n",
    )
    start = AssistantPage("returns/start.md", "returns/start/", "Start", "", "returns", "Body.")
    pages = {page.source: page for page in (track, start)}
    copy = markdown_copy(track, pages=pages)
    assert copy.startswith("# Track\n\n> Where is it?\n\n")
    assert '[returns](../../returns/start/index.html.md#how "Start")' in copy
    assert "[x](missing.md)" in copy  # not a page with a copy: left as written
    assert "## Where?\n\nHere." in copy
    absolute = markdown_copy(track, pages=pages, base_url="https://help.example.com/fr/")
    assert "(https://help.example.com/fr/returns/start/index.html.md#how" in absolute
    assert "Source: https://help.example.com/fr/orders/track/" in absolute


# -- the reference help centre ----------------------------------------------------------------


def test_each_locale_lists_what_its_search_indexes(reference_site: Path) -> None:
    site = reference_site / "site"
    base = "https://help.tidewell.example/"
    root = (site / "llms.txt").read_text("utf-8")
    for locale in ("en", "fr", "it", "es", "ja"):
        assert f"({base}{locale}/llms.txt)" in root
        text = (site / locale / "llms.txt").read_text("utf-8")
        index = read_index(
            json.loads((site / locale / "search" / "helpcentre-index.json").read_text("utf-8"))
        )
        docs = reference_site / "docs" / locale
        # The articles the search holds (not its home, category and section listings).
        searched = {
            location
            for location, *_ in index["docs"]
            if "#" not in location and (docs / f"{location.rstrip('/')}.md").is_file()
        }
        hrefs = LINK.findall(text)
        listed = {
            href[len(f"{base}{locale}/") : -len("index.html.md")]
            for href in hrefs
            if href.endswith("index.html.md")
        }
        assert listed == searched, (locale, listed ^ searched)
        for href in hrefs:
            assert local_target(site, base, href, origin=site / locale / "llms.txt").is_file(), href
        full = (site / locale / "llms-full.txt").read_text("utf-8")
        titles = re.findall(r"^- \[(.+?)\]\(", text, re.MULTILINE)
        assert len(titles) == len(listed)
        for title in titles:  # each article's copy, under its title
            assert f"\n---\n\n# {title.replace(chr(92), '')}\n" in full, title
    # Spanish has about half the articles: the fallbacks are in the English files only.
    english = set(LINK.findall((site / "en" / "llms.txt").read_text("utf-8")))
    spanish = set(LINK.findall((site / "es" / "llms.txt").read_text("utf-8")))
    assert len(spanish) < len(english)
    # A page Spanish builds from the English article: readable there, not offered to assistants.
    assert not (reference_site / "docs" / "es" / "account" / "manage-saved-addresses.md").exists()
    fallback = site / "es" / "account" / "manage-saved-addresses"
    assert (fallback / "index.html").is_file()
    assert not (fallback / "index.html.md").exists()
    assert "manage-saved-addresses" not in (site / "es" / "llms.txt").read_text("utf-8")
    assert "text/markdown" not in (fallback / "index.html").read_text("utf-8").split("</head>")[0]
    assert (site / "en" / "account" / "manage-saved-addresses" / "index.html.md").is_file()


def test_pages_link_llms_txt_which_lists_their_copy(reference_site: Path) -> None:
    page = reference_site / "site" / "fr" / "orders" / "track-your-order" / "index.html"
    html = page.read_text("utf-8")
    head = html.split("</head>", 1)[0]
    # Not the copy itself: the theme would fetch a missing sitemap.xml beside it (a 404).
    assert "text/markdown" not in head
    llms = (reference_site / "site" / "fr" / "llms.txt").read_text("utf-8")
    assert "orders/track-your-order/index.html.md" in llms
    assert 'type="text/plain" title="llms.txt" href="../../llms.txt"' in head
    copy = (page.parent / "index.html.md").read_text("utf-8")
    assert copy.startswith("# Comment suivre ma commande ?\n")
    assert "{#" not in copy


# -- what search leaves out, on a site of our own ---------------------------------------------


def test_expired_and_hidden_pages_are_left_out(git_repo: Path) -> None:
    docs = git_repo / "docs"
    (docs / "orders").mkdir(parents=True)
    (docs / "index.md").write_text("# Aide\n\nBienvenue.\n", encoding="utf-8")
    (docs / "orders" / "track.md").write_text(
        "---\ntitle: Suivre\ndescription: Où est le colis.\n---\n\nIci.\n", encoding="utf-8"
    )
    (docs / "orders" / "holidays.md").write_text(
        "---\ntitle: Noël 2025\nreviewed: 2025-10-01\nexpires: 2026-01-10\n---\n\nCommandez tôt.\n",
        encoding="utf-8",
    )
    (docs / "orders" / "internal.md").write_text(
        "---\ntitle: Interne\nsearch:\n  exclude: true\n---\n\nPour l'équipe.\n", encoding="utf-8"
    )
    (git_repo / "mkdocs.yml").write_text(
        "site_name: Aide\ntheme:\n  name: material\n  language: fr\n"
        "plugins:\n  - search\n  - helpcentre/stale:\n      today: 2026-11-23\n"
        "      expired: hide_from_search\n      levels: {expired: warning}\n"
        "  - helpcentre/assistants\n",
        encoding="utf-8",
    )
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-q", "-m", "Articles", date="2026-11-01T09:00:00+00:00")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"],
        cwd=git_repo,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    site = git_repo / "site"
    text = (site / "llms.txt").read_text("utf-8")
    assert "- [Suivre](orders/track/index.html.md): Où est le colis." in text
    assert "Noël" not in text and "Interne" not in text
    full = (site / "llms-full.txt").read_text("utf-8")
    assert "Ici." in full and "Commandez" not in full and "équipe" not in full
    for hidden in ("holidays", "internal"):
        assert (site / "orders" / hidden / "index.html").exists()  # still reachable by link
        assert not (site / "orders" / hidden / "index.html.md").exists()
        head = (site / "orders" / hidden / "index.html").read_text("utf-8").split("</head>")[0]
        assert "text/markdown" not in head


# -- Markdown we did not write ----------------------------------------------------------------


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    """A documentation tree without helpcentre front matter, names with spaces and accents."""
    docs = tmp_path / "docs"
    (docs / "Première étape").mkdir(parents=True)
    (docs / "réglages").mkdir()
    (docs / "index.md").write_text(
        "# Willkommen\n\nStart [here](Première étape/Démarrer vite.md).\n"
    )
    (docs / "Première étape" / "Démarrer vite.md").write_text(
        "# Démarrer vite\n\nLisez [les réglages](../réglages/Écran et son.md#son).\n",
        encoding="utf-8",
    )
    (docs / "réglages" / "Écran et son.md").write_text(
        "Pas de titre ici.\n\n## Son {#son}\n\nMontez le volume.\n", encoding="utf-8"
    )
    (docs / "À propos.md").write_text("# À propos\n\nNous.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Handbuch\nsite_description: Ein Handbuch.\n"
        "theme:\n  name: material\n  language: ro\nmarkdown_extensions: [attr_list]\n"
        "plugins:\n  - search\n  - helpcentre/search\n  - helpcentre/assistants\n",
        encoding="utf-8",
    )
    return tmp_path


def test_foreign_tree(foreign: Path) -> None:
    result = build(foreign)
    assert result.returncode == 0, result.stderr
    site = foreign / "site"
    text = (site / "llms.txt").read_text("utf-8")
    assert text.startswith("# Handbuch\n\n> Ein Handbuch.\n")
    # Folders are the categories, in the navigation's order; loose pages come last.
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings == ["Première étape", "Réglages", "Other pages"]
    assert "Willkommen" not in text  # the home page has a copy but is not an article
    hrefs = LINK.findall(text)
    assert len(hrefs) == 4  # llms-full.txt and three articles
    for href in hrefs:
        assert local_target(site, "", href, origin=site / "llms.txt").is_file(), href
    settings = next(p for p in site.rglob("index.html.md") if "glages" in str(p.parent.parent))
    assert settings.read_text("utf-8").startswith("# Écran et son\n\nPas de titre ici.")
    start = next(p for p in site.rglob("index.html.md") if "marrer" in p.parent.name)
    for href in LINK.findall(start.read_text("utf-8")):
        assert local_target(site, "", href, origin=start).is_file(), href
    full = (site / "llms-full.txt").read_text("utf-8")
    for href in LINK.findall(full):
        if href.endswith(".md") or ".md#" in href:
            assert local_target(site, "", href, origin=site / "llms-full.txt").is_file(), href
    assert (site / "index.html.md").read_text("utf-8").startswith("# Willkommen")
