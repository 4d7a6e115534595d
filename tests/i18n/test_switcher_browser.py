"""Switching language in a real Chromium: no failed request, and the switcher leads to the article
being read in the other language, with Material's instant navigation on and off."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_reference, free_port, mkdocs_build, reference_locales

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTICLE = "orders/track-your-order"
OTHER = "orders/order-status-explained"


def build_site(root: Path, *, instant: bool) -> tuple[Path, int]:
    """The reference site in en, fr and it, built for the loopback address it is served at:
    instant navigation only takes over links of the site's own ``site_url``."""
    port = free_port()
    project = copy_reference(root / "project")
    config = reference_locales(
        project, keep=("en", "fr", "it"), site_url=f"http://127.0.0.1:{port}/"
    )
    if not instant:
        text = config.read_text("utf-8").replace("    - navigation.instant\n", "")
        config.write_text(text, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site", port


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    return build_site(tmp_path_factory.mktemp("instant"), instant=True)


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    return build_site(tmp_path_factory.mktemp("plain"), instant=False)


def watch_failures(page) -> list[str]:  # noqa: ANN001 - Playwright types are optional
    """Every response of 400 or more, and every request that got no response, as they happen."""
    failures: list[str] = []
    page.on(
        "response",
        lambda response: (
            failures.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    page.on("requestfailed", lambda request: failures.append(f"failed {request.url}"))
    return failures


def land_on(page, url: str) -> None:  # noqa: ANN001
    """Wait for ``url`` (the theme may add a heading's anchor as the reader scrolls)."""
    page.wait_for_url(lambda current: current.split("#")[0] == url)


def follow_link_to_other_article(page, base: str) -> None:  # noqa: ANN001
    """From the French article, its link to the other one; marks the document first, so that a
    test can tell whether instant navigation swapped the page in place."""
    page.evaluate("window.stillTheSameDocument = true")
    page.locator("article").get_by_role(
        "link", name="Que signifie le statut de ma commande ?"
    ).first.click()
    land_on(page, f"{base}/fr/{OTHER}/")
    page.wait_for_load_state("networkidle")


def switch_to(page, locale: str) -> None:  # noqa: ANN001
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-header a.md-select__link[hreflang="{locale}"]').click()


def test_article_views_and_a_switch_with_instant_navigation_fail_no_request(
    instant_site: tuple[Path, int], serve, page
) -> None:  # noqa: ANN001
    site, port = instant_site
    base = serve(site, port)
    failures = watch_failures(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base}/fr/{ARTICLE}/", wait_until="networkidle")
    assert failures == []
    # Material's selector would read a sitemap beside each language link: none but the locale's.
    sitemaps = [url for url in requests if url.endswith("sitemap.xml")]
    assert sitemaps and set(sitemaps) <= {f"{base}/fr/sitemap.xml"}, sitemaps
    follow_link_to_other_article(page, base)
    # Swapped in place by instant navigation, header and switcher included.
    assert page.evaluate("window.stillTheSameDocument") is True
    assert failures == []
    switch_to(page, "it")
    # The switcher follows the article now shown, not the one the page was loaded with.
    land_on(page, f"{base}/it/{OTHER}/")
    assert page.locator("html").get_attribute("lang") == "it"
    page.wait_for_load_state("networkidle")
    assert failures == []
    switch_to(page, "en")
    land_on(page, f"{base}/en/{OTHER}/")
    page.wait_for_load_state("networkidle")
    assert failures == []


def test_switch_without_instant_navigation_lands_on_the_counterpart(
    plain_site: tuple[Path, int], serve, page
) -> None:  # noqa: ANN001
    site, port = plain_site
    base = serve(site, port)
    failures = watch_failures(page)
    page.goto(f"{base}/fr/{ARTICLE}/", wait_until="networkidle")
    follow_link_to_other_article(page, base)
    assert page.evaluate("window.stillTheSameDocument === undefined") is True
    switch_to(page, "it")
    land_on(page, f"{base}/it/{OTHER}/")
    assert page.locator("html").get_attribute("lang") == "it"
    title = page.locator("article h1").inner_text()
    assert "stato" in title.lower(), title
    page.wait_for_load_state("networkidle")
    assert failures == []
