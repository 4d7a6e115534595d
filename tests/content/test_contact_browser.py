"""The contact page's suggestions in Chromium: articles, named by their own titles."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def article_title(site: Path, url: str, base: str) -> str:
    page = site / url.removeprefix(f"{base}/") / "index.html"
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text("utf-8"), re.S)
    assert heading, page
    return html.unescape(re.sub(r"<[^>]+>", "", heading.group(1))).strip()


def test_suggestions_name_the_article_when_only_a_section_matches(
    reference_site: Path,
    serve,
    page,  # noqa: ANN001
) -> None:
    site = reference_site / "site"
    base = serve(site)
    page.goto(f"{base}/en/contact/", wait_until="networkidle")
    # "card declined" finds the section "What happens next" of the article on changing the
    # payment method, and not the article itself: the suggestion is the article.
    page.fill("#hc-ask-question", "card declined")
    page.wait_for_selector("[data-hc-suggestion]")
    found = page.eval_on_selector_all(
        "[data-hc-suggestion]", "els => els.map(e => [e.href, e.textContent.trim()])"
    )
    assert 1 <= len(found) <= 5
    assert f"{base}/en/billing/change-payment-method/" in [href for href, _ in found]
    assert "What happens next" not in [text for _, text in found]
    for href, text in found:
        assert "#" not in href
        assert text == article_title(site, href, base)


def test_answer_card_above_the_suggestions(reference_site: Path, serve, page) -> None:  # noqa: ANN001
    site = reference_site / "site"
    base = serve(site)
    page.goto(f"{base}/en/contact/", wait_until="networkidle")
    page.fill("#hc-ask-question", "where do I download my invoice")
    card = page.locator(".hc-suggestions .helpcentre-answer-card")
    card.wait_for(timeout=10_000)
    assert card.get_attribute("aria-label") == "Where do I download my invoice?"
    href = card.locator("a").first.get_attribute("href")
    assert href == f"{base}/en/billing/invoice-and-vat/#download-invoice"
    # The suggestions are still articles, below the card.
    page.wait_for_selector("[data-hc-suggestion]")
    assert page.evaluate(
        "() => document.querySelector('.helpcentre-answer-card').nextElementSibling"
        ".matches('[data-hc-suggestion-list]')"
    )
    page.fill("#hc-ask-question", "invoice")
    card.wait_for(state="detached", timeout=5_000)
