"""The navigation cache renders the same pages, byte for byte, as Material does without it."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from jinja2 import Environment, FileSystemLoader, Undefined

from conftest import mkdocs_build, one_locale_site
from helpcentre.i18n.navcache import MACRO, TEMPLATE, NavigationCache, NavigationLoader

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def site_files(site: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def assert_same_sites(first: Path, second: Path) -> None:
    ours, theirs = site_files(first), site_files(second)
    assert sorted(ours) == sorted(theirs)
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == []


def test_the_theme_still_has_the_macro_the_cache_wraps() -> None:
    # A theme release that renames the macro would silently turn the cache off: fail here instead.
    source = (MATERIAL_TEMPLATES / TEMPLATE).read_text("utf-8")
    assert source.count(MACRO) == 1
    env = Environment(loader=FileSystemLoader(str(MATERIAL_TEMPLATES)))
    NavigationCache().install(env)
    loader = env.loader
    assert isinstance(loader, NavigationLoader)
    wrapped, _, _ = loader.get_source(env, TEMPLATE)
    assert "helpcentre_nav_item(render_uncached" in wrapped
    assert "{% macro render_uncached(nav_item, path, level, parent) %}" in wrapped
    other, _, _ = loader.get_source(env, "partials/nav.html")
    assert other == (MATERIAL_TEMPLATES / "partials" / "nav.html").read_text("utf-8")


def branch(url: str, *children: SimpleNamespace) -> SimpleNamespace:
    return SimpleNamespace(url=url, active=False, children=list(children))


def test_pages_of_one_folder_share_a_branch_and_other_folders_do_not() -> None:
    cache = NavigationCache()
    billing = SimpleNamespace(title="Billing", active=False, children=[branch("billing/card/")])
    key = cache.key
    on = {url: SimpleNamespace(url=url) for url in ("orders/a/", "orders/b/", "orders/x/y/", "")}
    assert key(billing, "__nav_2", 1, Undefined(), on["orders/a/"]) == key(
        billing, "__nav_2", 1, Undefined(), on["orders/b/"]
    )
    assert key(billing, "__nav_2", 1, Undefined(), on["orders/a/"]) != key(
        billing, "__nav_2", 1, Undefined(), on["orders/x/y/"]
    )
    assert key(billing, "__nav_2", 1, Undefined(), on[""]) is not None
    # An active branch (the page's own) or the page itself is always rendered anew.
    assert key(SimpleNamespace(url="orders/", active=True), "p", 1, None, on["orders/a/"]) is None
    page = on["orders/a/"]
    page.active = False
    assert key(page, "p", 1, None, page) is None


def test_a_branch_linking_into_the_pages_folder_is_not_shared() -> None:
    # From "guide/" a link to "guide/step/" reads "step/"; from "faq/" it reads "../guide/step/".
    cache = NavigationCache()
    steps = SimpleNamespace(title="Steps", active=False, children=[branch("guide/step/")])
    guide, faq = SimpleNamespace(url="guide/"), SimpleNamespace(url="faq/")
    assert cache.key(steps, "p", 1, None, guide) != cache.key(steps, "p", 1, None, faq)


def write_project(root: Path, features: list[str], *, directory_urls: bool = True) -> Path:
    """A one-locale help centre with nested sections, index pages and a page beside a folder."""
    pages = {
        "index.md": "# Home\n",
        "guide.md": "# Guide\n",
        "guide/step.md": "# Step\n\n## One\n\n## Two\n",
        "orders/index.md": "# Orders\n",
        "orders/track.md": "# Track\n\n## Where is it\n",
        "orders/cancel.md": "# Cancel\n",
        "orders/problems/late.md": "# Late\n",
        "orders/problems/damaged.md": "# Damaged\n",
        "billing/card.md": "# Card\n",
        "billing/invoice.md": "# Invoice\n",
    }
    return one_locale_site(root, pages, features, settings={"use_directory_urls": directory_urls})


def build_both(project: Path) -> tuple[Path, Path]:
    cached, uncached = project / "site-cached", project / "site-uncached"
    done = mkdocs_build(project, "-d", str(cached))
    assert done.returncode == 0, done.stderr
    config = json.loads((project / "mkdocs.yml").read_text("utf-8"))
    config["plugins"][0]["helpcentre/i18n"]["navigation_cache"] = False
    (project / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    done = mkdocs_build(project, "-d", str(uncached))
    assert done.returncode == 0, done.stderr
    return cached, uncached


@pytest.mark.parametrize(
    ("features", "directory_urls"),
    [
        ([], True),
        (["navigation.sections"], True),
        (["navigation.tabs", "navigation.sections", "navigation.prune"], True),
        (["navigation.indexes", "navigation.expand"], True),
        (["navigation.sections", "navigation.indexes"], False),
    ],
)
def test_cached_navigation_builds_the_same_site(
    tmp_path: Path, features: list[str], directory_urls: bool
) -> None:
    project = write_project(tmp_path, features, directory_urls=directory_urls)
    cached, uncached = build_both(project)
    assert_same_sites(cached, uncached)
    # The navigation is really there: every page links to a page of another section.
    track = cached / "en" / ("orders/track/index.html" if directory_urls else "orders/track.html")
    assert "billing/card" in track.read_text("utf-8")


def test_reference_help_centre_is_the_same_with_and_without_the_cache(
    small_project: Path,
) -> None:
    config = small_project / "mkdocs.yml"
    cached = small_project / "site-cached"
    done = mkdocs_build(small_project, "-d", str(cached))
    assert done.returncode == 0, done.stderr
    text = config.read_text("utf-8")
    assert "  - helpcentre/i18n:\n" in text
    off = "  - helpcentre/i18n:\n      navigation_cache: false\n"
    config.write_text(text.replace("  - helpcentre/i18n:\n", off), encoding="utf-8")
    uncached = small_project / "site-uncached"
    done = mkdocs_build(small_project, "-d", str(uncached))
    assert done.returncode == 0, done.stderr
    assert_same_sites(cached, uncached)


def test_pages_of_sibling_folders_share_a_branch_of_another_section() -> None:
    # From "orders/s3/a/" and "orders/s4/b/" the links of section s2 read "../../s2/...": one
    # render serves the whole category, so the renders do not grow with the square of the site.
    cache = NavigationCache()
    section = SimpleNamespace(
        title="S2", active=False, children=[branch("orders/s2/x/"), branch("orders/s2/y/")]
    )
    on = {url: SimpleNamespace(url=url) for url in ("orders/s3/a/", "orders/s4/b/", "orders/c/")}
    first = cache.key(section, "p", 2, None, on["orders/s3/a/"])
    assert first == cache.key(section, "p", 2, None, on["orders/s4/b/"])
    # One folder up the way to s2 is shorter ("../s2/..."): another render.
    assert first != cache.key(section, "p", 2, None, on["orders/c/"])
    # A page inside the section's folder tree is not served another page's render.
    inside = SimpleNamespace(url="orders/s2/x/z/")
    assert cache.key(section, "p", 2, None, inside) != first
