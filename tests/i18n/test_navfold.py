"""A large category's navigation opens the page's own section only; the others stay one link."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from jinja2 import Environment, FileSystemLoader

from conftest import mkdocs_build, one_locale_site
from helpcentre.i18n.navcache import TEMPLATE, NavigationLoader
from helpcentre.i18n.navfold import (
    COLLAPSED_ITEM,
    FOLDING_TEST,
    LANDING_ITEM,
    SECTION_TEST,
    SectionFolding,
)
from i18n.test_navcache import assert_same_sites, build_both

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
FEATURES = ["navigation.tabs", "navigation.sections", "navigation.prune"]


def test_the_theme_still_has_the_test_folding_changes() -> None:
    # A theme release that rewrites the line would silently open every section again.
    source = (MATERIAL_TEMPLATES / TEMPLATE).read_text("utf-8")
    env = Environment(loader=FileSystemLoader(str(MATERIAL_TEMPLATES)))
    SectionFolding(0).install(env)
    assert isinstance(env.loader, NavigationLoader)
    changed, _, _ = env.loader.get_source(env, TEMPLATE)
    for line, replacement in ((SECTION_TEST, FOLDING_TEST), (COLLAPSED_ITEM, LANDING_ITEM)):
        assert source.count(line) == 1
        assert replacement in changed
        assert line not in changed


def test_sections_fold_in_categories_above_the_limit_only() -> None:
    def page() -> SimpleNamespace:
        return SimpleNamespace(is_page=True, children=None)

    def section(*children: SimpleNamespace, active: bool = False) -> SimpleNamespace:
        return SimpleNamespace(children=list(children), active=active)

    here, there = section(page(), page(), active=True), section(page(), section(page(), page()))
    category = section(here, there, page(), SimpleNamespace(is_page=False, children=None))
    assert SectionFolding(6).articles(category) == 6
    assert SectionFolding(6).folds(there, category) is False
    assert SectionFolding(5).folds(there, category) is True
    # The page's own section is always open.
    assert SectionFolding(0).folds(here, category) is False


def write_project(root: Path, features: list[str], limit: int | None) -> Path:
    """A one-locale help centre: a category of three section folders (one with an index page)
    of three articles each, and a category of one article."""
    pages = {"index.md": "# Home\n", "billing/card.md": "# Card\n"}
    for section in ("s1", "s2", "s3"):
        for name in ("a", "b", "c"):
            pages[f"orders/{section}/{name}.md"] = f"# {section.upper()} {name}\n\n## Steps\n"
    pages["orders/s3/index.md"] = "# About S3\n"
    options = {} if limit is None else {"navigation_fold_above": limit}
    return one_locale_site(root, pages, features, **options)


def build(root: Path, features: list[str], limit: int | None) -> Path:
    done = mkdocs_build(write_project(root, features, limit))
    assert done.returncode == 0, done.stderr
    return root / "site" / "en"


def primary_nav(page: Path) -> str:
    text = page.read_text("utf-8")
    start = text.index('class="md-nav md-nav--primary')
    return text[start : text.index('<div class="md-sidebar md-sidebar--secondary"', start)]


def links(nav: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)" class="md-nav__link', nav)


def folded(nav: str) -> dict[str, str]:
    """Title -> link of every folded item of the navigation."""
    items = re.findall(
        r'md-nav__item--pruned md-nav__item--nested">\s*<a href="([^"]*)"[^>]*>\s*'
        r'<span class="md-ellipsis">\s*(.*?)\s*</span>',
        nav,
    )
    return {title: href for href, title in items}


def test_a_large_category_opens_the_pages_section_and_links_the_others(tmp_path: Path) -> None:
    site = build(tmp_path, FEATURES, limit=5)
    nav = primary_nav(site / "orders" / "s1" / "b" / "index.html")
    # The page's own section, open, with its articles; the page itself marked active.
    assert "../a/" in links(nav)
    assert "../c/" in links(nav)
    assert re.search(r'<a href="./" class="md-nav__link md-nav__link--active">\s*<span', nav)
    assert 'id="__nav_3_1" checked' in nav
    # The other sections: one link each, to the section's index page or its first article.
    assert folded(nav) == {
        "Billing": "../../../billing/card/",
        "S2": "../../s2/a/",
        "S3": "../../s3/",
    }
    assert not {"../../s2/b/", "../../s2/c/", "../../s3/a/", "../../s3/b/"} & set(links(nav))
    # The section link leads to a page where that section is open.
    s3 = primary_nav(site / "orders" / "s3" / "index.html")
    assert {"a/", "b/", "c/"} <= set(links(s3))
    assert "S3" not in folded(s3)
    assert folded(s3)["S1"] == "../s1/a/"


def test_a_small_category_keeps_every_section_open(tmp_path: Path) -> None:
    theme = primary_nav(build(tmp_path / "off", FEATURES, limit=100_000) / "orders/s1/b/index.html")
    default = primary_nav(build(tmp_path / "default", FEATURES, None) / "orders/s1/b/index.html")
    assert default == theme
    assert folded(default) == {"Billing": "../../../billing/card/"}
    assert {"../../s2/b/", "../../s3/c/"} <= set(links(default))


@pytest.mark.parametrize("features", [["navigation.tabs", "navigation.sections"], []])
def test_without_pruning_or_sections_nothing_is_lost(tmp_path: Path, features: list[str]) -> None:
    # Without navigation.prune a folded section is the theme's closed item, its links inside;
    # without navigation.sections there is nothing to fold.
    nav = primary_nav(build(tmp_path, features, limit=0) / "orders/s1/b/index.html")
    assert {"../../s2/b/", "../../s3/c/", "../a/"} <= set(links(nav))
    assert folded(nav) == {}


def test_a_folded_section_links_to_its_generated_section_page(tmp_path: Path) -> None:
    # Section folders named as the category's sections: helpcentre/content generates the
    # section's page (not in the navigation) where its folder's index would be; the folded
    # section links there, to the list of its articles.
    sections = {"tracking": "Tracking", "problems": "Problems", "changes": "Changes"}
    pages = {"index.md": "# Home\n"}
    for section in sections:
        for name in ("a", "b", "c"):
            pages[f"orders/{section}/{name}.md"] = (
                f"---\ntitle: {section} {name}\ncategory: orders\nsection: {section}\n---\n\n"
                "Text.\n"
            )
    content = {"categories": [{"id": "orders", "name": "Orders", "sections": sections}]}
    one_locale_site(
        tmp_path, pages, FEATURES, {"helpcentre/content": content}, navigation_fold_above=5
    )
    done = mkdocs_build(tmp_path)
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site" / "en"
    nav = primary_nav(site / "orders" / "tracking" / "a" / "index.html")
    assert folded(nav) == {"Changes": "../../changes/", "Problems": "../../problems/"}
    assert {"../b/", "../c/"} <= set(links(nav))
    listing = (site / "orders" / "problems" / "index.html").read_text("utf-8")
    assert all(f'<a href="{name}/">problems {name}</a>' in listing for name in "abc")


@pytest.mark.browser
def test_a_reader_reaches_another_section_with_the_keyboard(tmp_path: Path, serve, page) -> None:
    site = build(tmp_path, [*FEATURES, "navigation.instant"], limit=5)
    base = serve(site.parent)
    page.goto(f"{base}/en/orders/s1/b/")
    sidebar = page.locator(".md-sidebar--primary")
    current = sidebar.locator("li.md-nav__item--active > a.md-nav__link--active")
    assert current.inner_text().strip() == "S1 b"
    assert sidebar.get_by_role("link", name="S1 c").is_visible()
    assert sidebar.get_by_role("link", name="S2", exact=True).is_visible()
    assert sidebar.get_by_role("link", name="S2 b").count() == 0
    # From the page's own link, Tab walks the sidebar to the next section's link; Enter opens it.
    current.focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "S2":
            break
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/en/orders/s2/a/")
    sidebar.get_by_role("link", name="S2 b").wait_for()
    assert current.inner_text().strip() == "S2 a"
    assert sidebar.get_by_role("link", name="S1", exact=True).is_visible()


def test_folded_navigation_is_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    # The cache shares a folded section's render between the pages of other sections.
    project = write_project(tmp_path, FEATURES, limit=0)
    assert_same_sites(*build_both(project))
