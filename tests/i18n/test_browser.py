"""The built help centre in a real Chromium: switching language and searching in French."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REFERENCE_LOCALES

pytestmark = pytest.mark.browser


def test_switch_from_french_to_italian_keeps_the_article(reference_site: Path, serve, page) -> None:
    base = serve(reference_site / "site")
    page.goto(f"{base}/fr/orders/track-your-order/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="it"]').click()
    page.wait_for_url(f"{base}/it/orders/track-your-order/")
    assert page.locator("html").get_attribute("lang") == "it"
    title = page.locator("article h1").inner_text()
    assert title and "ordine" in title.lower()


def test_root_offers_every_language(reference_site: Path, serve, page) -> None:
    base = serve(reference_site / "site")
    page.goto(f"{base}/")
    links = page.locator(".helpcentre-languages a")
    assert links.count() == len(REFERENCE_LOCALES)
    page.locator('.helpcentre-languages a[hreflang="ja"]').click()
    page.wait_for_url(f"{base}/ja/")
    assert page.locator("html").get_attribute("lang") == "ja"


def test_search_box_finds_a_french_article(reference_site: Path, serve, page) -> None:
    base = serve(reference_site / "site")
    page.goto(f"{base}/fr/")
    search = page.locator("input.md-search__input")
    search.click()
    # Material's search listens to key events, so type the query as a reader would.
    search.press_sequentially("remboursement", delay=40)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=30_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(min(results.count(), 5))]
    assert any("/fr/returns/" in href for href in hrefs), hrefs
    assert all("/en/" not in href for href in hrefs)
