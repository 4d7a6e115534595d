"""The reference help centre from one `mkdocs build`: locales, fallbacks, hreflang, sitemaps."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

from conftest import REFERENCE_LOCALES, mkdocs_build
from helpcentre.content.frontmatter import parse_front_matter
from helpcentre.search.index import read_index

LOCALES = REFERENCE_LOCALES
SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def articles(project: Path, locale: str) -> set[str]:
    folder = project / "docs" / locale
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}


def output_of(project: Path, locale: str, article: str) -> Path:
    stem = article[: -len(".md")]
    if stem == "index":
        return project / "site" / locale / "index.html"
    return project / "site" / locale / stem / "index.html"


def test_every_locale_is_built_with_its_ui_language(reference_site: Path) -> None:
    for locale in LOCALES:
        home = (reference_site / "site" / locale / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{locale}"' in home
    french = (reference_site / "site/fr/orders/track-your-order/index.html").read_text("utf-8")
    assert "Centre d'aide Tidewell" in french  # site name from the catalog
    assert "Premiers pas" in french  # navigation section title from the catalog
    root = (reference_site / "site/index.html").read_text(encoding="utf-8")
    for locale in LOCALES:
        assert f'href="{locale}/"' in root
    assert "日本語" in root and "Français" in root


def test_missing_articles_fall_back_with_notice_and_canonical(reference_site: Path) -> None:
    missing = sorted(articles(reference_site, "en") - articles(reference_site, "es"))
    assert missing, "the reference Spanish translation is meant to be partial"
    for article in missing:
        page = output_of(reference_site, "es", article).read_text(encoding="utf-8")
        assert "Aún no traducido" in page
        assert "Este artículo aún no está disponible en español" in page
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1)
        assert canonical.startswith("https://help.tidewell.example/en/")
        assert '<div lang="en" dir="ltr">' in page
    translated = sorted(articles(reference_site, "es") - {"index.md"})[0]
    page = output_of(reference_site, "es", translated).read_text(encoding="utf-8")
    assert "Aún no traducido" not in page
    assert '<link rel="canonical" href="https://help.tidewell.example/es/' in page


def sitemap_hreflang(site: Path, locale: str) -> dict[str, dict[str, str]]:
    """Each URL of a locale's sitemap with its hreflang alternates."""
    root = ElementTree.parse(site / locale / "sitemap.xml").getroot()
    return {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link[@rel='alternate']", SITEMAP_NS)
        }
        for url in root.findall("sm:url", SITEMAP_NS)
    }


def test_every_page_has_hreflang_for_each_locale_and_x_default(reference_site: Path) -> None:
    site = reference_site / "site"
    for locale in LOCALES:
        entries = sitemap_hreflang(site, locale)
        assert entries
        for url, links in entries.items():
            assert sorted(links) == sorted([*LOCALES, "x-default"]), url
        for html_file in (site / locale).rglob("index.html"):
            # Not in the head: Material would fetch a sitemap.xml beside each of them (a 404).
            assert 'rel="alternate" hreflang' not in html_file.read_text(encoding="utf-8")
    links = sitemap_hreflang(site, "fr")[
        "https://help.tidewell.example/fr/orders/track-your-order/"
    ]
    assert links["it"] == "https://help.tidewell.example/it/orders/track-your-order/"
    assert links["x-default"] == "https://help.tidewell.example/en/orders/track-your-order/"
    # A locale that lacks the article points at the page its readers get: the original.
    missing = sorted(articles(reference_site, "en") - articles(reference_site, "es"))[0]
    url = f"https://help.tidewell.example/en/{missing[: -len('.md')]}/"
    assert sitemap_hreflang(site, "en")[url]["es"] == url


def test_language_switcher_leads_to_the_same_article(reference_site: Path) -> None:
    page = (reference_site / "site/fr/orders/track-your-order/index.html").read_text("utf-8")
    switch = dict(
        re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"[^>]*class="md-select__link"', page)
    )
    by_locale = {code: href for href, code in switch.items()}
    assert by_locale["it"] == "../../../it/orders/track-your-order/"
    assert by_locale["fr"] == "./"


def test_sitemaps_per_locale_tied_by_an_index(reference_site: Path) -> None:
    index = ElementTree.parse(reference_site / "site/sitemap.xml").getroot()
    assert index.tag.endswith("sitemapindex")
    locs = [loc.text for loc in index.findall("sm:sitemap/sm:loc", SITEMAP_NS)]
    assert locs == [f"https://help.tidewell.example/{code}/sitemap.xml" for code in LOCALES]
    for locale in LOCALES:
        sitemap = ElementTree.parse(reference_site / "site" / locale / "sitemap.xml").getroot()
        urls = [loc.text for loc in sitemap.findall("sm:url/sm:loc", SITEMAP_NS)]
        assert urls and all(
            url.startswith(f"https://help.tidewell.example/{locale}/") for url in urls
        )


def test_each_locale_search_index_holds_only_its_own_pages(reference_site: Path) -> None:
    def titles_of(locale: str) -> set[str]:
        return {
            parse_front_matter(path, path.read_text("utf-8")).meta["title"]
            for path in (reference_site / "docs" / locale).rglob("*.md")
        }

    english = titles_of("en")
    for locale in ("fr", "it", "es", "ja"):
        index_file = reference_site / "site" / locale / "search" / "helpcentre-index.json"
        index = read_index(json.loads(index_file.read_text(encoding="utf-8")))
        assert index["locale"] == locale  # the locale's own stemmer, stop words and synonyms
        # docs are [location, title, ...]; a section's location carries an anchor.
        titles = {title for location, title, *_ in index["docs"] if "#" not in location}
        own = titles_of(locale)
        assert own <= titles
        # Articles built from the English fallback are not in this locale's index.
        assert not (titles & (english - own)), titles & (english - own)
    english_index = reference_site / "site" / "en" / "search" / "helpcentre-index.json"
    assert json.loads(english_index.read_text(encoding="utf-8"))["locale"] == "en"


# -- errors a writer can act on ------------------------------------------------------------------


def test_small_project_builds(small_project: Path) -> None:
    result = mkdocs_build(small_project)
    assert result.returncode == 0, result.stderr


def test_invalid_front_matter_names_file_and_line(small_project: Path) -> None:
    article = small_project / "docs/fr/orders/track-your-order.md"
    lines = article.read_text("utf-8").splitlines()
    lines[2] = "description: [unclosed"
    article.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(small_project)
    assert result.returncode != 0
    # The line of the unclosed '[', where the writer has to look.
    assert "docs/fr/orders/track-your-order.md:3: front matter is not valid YAML" in result.stderr
    assert "-- write 'key: value' pairs" in result.stderr


def test_unknown_locale_folder_is_an_error(small_project: Path) -> None:
    shutil.copytree(small_project / "docs/fr", small_project / "docs/xx")
    result = mkdocs_build(small_project)
    assert result.returncode != 0
    assert "docs/xx/:0: folder 'xx' is not a configured locale" in result.stderr
    assert "add '- locale: xx'" in result.stderr


def test_unknown_locale_code_in_config_is_an_error(small_project: Path) -> None:
    config = small_project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("- locale: fr", "- locale: qq"), "utf-8")
    shutil.move(small_project / "docs/fr", small_project / "docs/qq")
    result = mkdocs_build(small_project)
    assert result.returncode != 0
    assert "unknown locale 'qq'" in result.stderr


def test_one_file_name_in_two_folders_builds(small_project: Path) -> None:
    (small_project / "docs/en/returns/track-your-order.md").write_text(
        "---\ntitle: Track your return\ncategory: returns\nsection: returning\ntype: guide\n---\n"
        "\nFollow the parcel you sent back.\n",
        encoding="utf-8",
    )
    result = mkdocs_build(small_project)
    assert result.returncode == 0, result.stderr
    assert (small_project / "site/en/returns/track-your-order/index.html").exists()
    assert (small_project / "site/en/orders/track-your-order/index.html").exists()


def test_two_articles_declaring_one_slug(small_project: Path) -> None:
    for name in ("orders/track-your-order.md", "returns/refund-timeline.md"):
        article = small_project / "docs/en" / name
        article.write_text(
            article.read_text("utf-8").replace("---\n", "---\nslug: same-slug\n", 1), "utf-8"
        )
    result = mkdocs_build(small_project)
    assert result.returncode != 0
    assert (
        "docs/en/returns/refund-timeline.md:2: slug 'same-slug' is already declared by "
        "docs/en/orders/track-your-order.md" in result.stderr
    )


def test_broken_link_and_anchor_are_strict_warnings(small_project: Path) -> None:
    article = small_project / "docs/fr/returns/start-a-return.md"
    text = article.read_text("utf-8")
    text += "\nVoir [cette page](../orders/nope.md) et [les étapes](refund-timeline.md#nowhere).\n"
    article.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    result = mkdocs_build(small_project)
    assert result.returncode != 0
    assert "in strict mode" in result.stdout + result.stderr
    assert (
        f"docs/fr/returns/start-a-return.md:{line}: link '../orders/nope.md' points to a "
        "missing page" in result.stderr
    )
    assert (
        f"docs/fr/returns/start-a-return.md:{line}: link 'refund-timeline.md#nowhere' "
        "points to a missing anchor '#nowhere'" in result.stderr
    )
    # Reported once, by the site model, not once per locale build.
    assert result.stderr.count("link '../orders/nope.md' points to a missing page") == 1


def test_outdated_translation_shows_a_notice(small_project: Path) -> None:
    from conftest import git

    source = small_project / "docs/en/orders/track-your-order.md"
    source.write_text(source.read_text("utf-8") + "\nCarriers now send a text message.\n", "utf-8")
    git(small_project, "commit", "-qam", "Tracking by text", date="2026-02-10T10:00:00+00:00")
    result = mkdocs_build(small_project)
    assert result.returncode == 0, result.stderr
    page = (small_project / "site/fr/orders/track-your-order/index.html").read_text("utf-8")
    assert "helpcentre-outdated" in page
    assert "10 février 2026" in page
    assert 'href="../../../en/orders/track-your-order/"' in page
    current = (small_project / "site/fr/orders/order-status-explained/index.html").read_text(
        "utf-8"
    )
    assert "helpcentre-outdated" not in current
