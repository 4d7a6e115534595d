"""Loading the help centre's pages requests nothing outside the site's own origin."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LOCALES = ("en", "fr", "it", "es", "ja")
PAGES = ("", "orders/", "orders/track-your-order/", "contact/")


def test_pages_only_request_their_own_origin(reference_site: Path, serve, page) -> None:  # noqa: ANN001
    base = serve(reference_site / "site")
    # The test server's origin, and the one the site is published at (site_url: Material's
    # instant navigation reads the sitemap from there).
    own = {urlsplit(base).netloc, "help.tidewell.example"}
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for locale in LOCALES:
        for path in PAGES:
            page.goto(f"{base}/{locale}/{path}", wait_until="networkidle")
        # The home search box opens Material's search, which loads the locale's index.
        page.goto(f"{base}/{locale}/", wait_until="networkidle")
        page.focus("[data-hc-search-input]")
        page.wait_for_selector("[data-md-component=search-query]:focus")
    foreign = [
        url
        for url in requested
        if urlsplit(url).scheme not in {"data", "blob"} and urlsplit(url).netloc not in own
    ]
    assert requested and foreign == []


def test_contact_page_suggests_articles_and_records_events_on_its_origin(
    reference_site: Path,
    serve,
    page,  # noqa: ANN001
) -> None:
    base = serve(reference_site / "site")
    posted: list[tuple[str, str]] = []
    page.on(
        "request",
        lambda r: posted.append((r.url, r.post_data or "")) if r.method == "POST" else None,
    )
    page.goto(f"{base}/fr/contact/", wait_until="networkidle")
    page.fill("#hc-ask-question", "Je n'ai pas reçu mon remboursement")
    page.wait_for_selector("[data-hc-suggestion]")
    links = page.eval_on_selector_all("[data-hc-suggestion]", "els => els.map(e => e.href)")
    assert 1 <= len(links) <= 5
    assert any("refund" in link for link in links)
    assert all(link.startswith(f"{base}/fr/") for link in links)
    page.wait_for_timeout(200)
    assert posted and posted[0][0] == f"{base}/api/v1/contact-events"
    assert '"event":"shown"' in posted[0][1] and '"locale":"fr"' in posted[0][1]
    assert "rembours" not in posted[0][1]  # the question itself never leaves the page
