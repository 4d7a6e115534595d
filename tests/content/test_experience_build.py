"""The reference help centre built end to end: home, category pages, articles, contact, feeds."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

LOCALES = ("en", "fr", "it", "es", "ja")
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def html(project: Path, locale: str, page: str) -> str:
    return (project / "site" / locale / page / "index.html").read_text(encoding="utf-8")


def json_ld(page: str) -> list[dict]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    return [json.loads(text) for text in found]


@pytest.mark.slow
@pytest.mark.parametrize("locale", LOCALES)
def test_home_has_search_categories_and_promoted_articles(
    reference_site: Path, locale: str
) -> None:
    page = html(reference_site, locale, ".")
    assert "data-hc-search-input" in page and 'data-md-toggle="search"' in page
    cards = re.findall(r'class="hc-card__link" href="([^"]+)"', page)
    assert cards == [
        f"{c}/" for c in ("getting-started", "orders", "shipping", "returns", "billing", "account")
    ]
    assert page.count('class="hc-card__icon"') == 6
    promoted = re.search(r'id="hc-promoted-title".*?</ul>', page, re.DOTALL).group(0)
    assert "orders/track-your-order/" in promoted and "account/cannot-sign-in/" in promoted


@pytest.mark.slow
def test_category_cards_are_translated_and_counted(reference_site: Path) -> None:
    fr = html(reference_site, "fr", ".")
    assert "Commandes" in fr and "Articles : 6" in fr and "Parcourir par thème" in fr
    ja = html(reference_site, "ja", ".")
    assert "トピックから探す" in ja and "記事数：6" in ja


@pytest.mark.slow
def test_category_and_section_pages_list_articles_in_order(reference_site: Path) -> None:
    page = html(reference_site, "fr", "orders")
    assert '<span aria-current="page">Commandes</span>' in page
    links = re.findall(r'<li class="hc-article-list__item[^"]*">\s*<a href="([^"]+)"', page)
    assert links[:2] == ["track-your-order/", "order-status-explained/"]
    assert len(links) == 6
    section = html(reference_site, "en", "orders/tracking")
    assert "<h1>Tracking</h1>" in section
    crumbs = re.search(r'<nav class="hc-breadcrumbs".*?</nav>', section, re.DOTALL).group(0)
    assert re.findall(r'href="([^"]+)"', crumbs) == ["../../", "../"]
    assert '<a href="../track-your-order/">' in section


@pytest.mark.slow
def test_categories_are_tabs_in_their_configured_order_and_articles_list_their_own(
    reference_site: Path,
) -> None:
    page = html(reference_site, "fr", "orders/change-or-cancel-an-order")
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', page, re.DOTALL).group(0)
    folders = re.findall(r'href="\.\./\.\./([a-z-]+)/[^"]*" class="md-tabs__link"', tabs)
    assert folders == ["getting-started", "shipping", "returns", "billing", "account", "contact"]
    assert "md-tabs__item--active" in tabs  # Commandes, the page's own category
    # The sidebar holds the page's category; other categories are one link each (pruned).
    sidebar = page[page.index("md-nav--primary") : page.index('data-md-type="toc"')]
    links = re.findall(r'href="([^"]+)"', sidebar)
    assert "../track-your-order/" in links and "../missing-item-in-parcel/" in links
    assert [link for link in links if link.startswith("../../returns/")] == [
        "../../returns/start-a-return/"
    ]
    assert sidebar.count("md-nav__item--pruned") == 5
    # Previous and next follow the same order: after the home page comes the first category.
    home = html(reference_site, "fr", ".")
    following = re.search(r'<a href="([^"]+)" class="md-footer__link md-footer__link--next"', home)
    assert following.group(1).startswith("getting-started/")


@pytest.mark.slow
@pytest.mark.parametrize("locale", LOCALES)
def test_articles_have_breadcrumbs_related_articles_and_type_layout(
    reference_site: Path, locale: str
) -> None:
    faq = html(reference_site, locale, "orders/track-your-order")
    assert 'class="hc-breadcrumbs"' in faq and faq.count("<h1") == 1
    assert 'class="hc-related"' in faq and 'class="hc-faq__item"' in faq
    (data,) = json_ld(faq)
    assert data["@type"] == "FAQPage" and data["mainEntity"][0]["acceptedAnswer"]["text"]
    guide = html(reference_site, locale, "orders/change-or-cancel-an-order")
    (how_to,) = json_ld(guide)
    assert how_to["@type"] == "HowTo" and how_to["step"][0]["@type"] == "HowToStep"
    assert '<ol class="hc-steps"' in guide
    trouble = html(reference_site, locale, "billing/double-charge")
    for part in ("symptoms", "cause", "fix"):
        assert f'class="hc-ts hc-ts--{part}"' in trouble
    assert json_ld(trouble) == []


@pytest.mark.slow
def test_contact_page_in_two_locales(reference_site: Path) -> None:
    en = html(reference_site, "en", "contact")
    fr = html(reference_site, "fr", "contact")
    assert "Monday – Friday" in en and "9:00\u202fAM – 6:00\u202fPM" in en and "France Time" in en
    assert "within 2 minutes" in en and "Any time" in en
    assert "lundi – vendredi" in fr and "09:00 – 18:00" in fr and "heure : France" in fr
    assert "sous 1\xa0jour" in fr and "Horaires" in fr and "Choisissez un sujet" in fr
    for locale, page in (("en", en), ("fr", fr)):
        assert 'data-endpoint="/api/v1/contact-events"' in page
        # Suggestions come from the locale's search worker, Material's index being the fallback.
        worker = f'data-worker="../assets/javascripts/helpcentre/search-worker.js?lang={locale}"'
        assert worker in page
        assert 'data-index="../search/search_index.json"' in page
        assert page.count("data-hc-contact-channel=") == 4
    assert 'data-locale="fr"' in fr


@pytest.mark.slow
@pytest.mark.parametrize("locale", LOCALES)
def test_feed_per_locale_is_atom_and_linked_from_the_head(
    reference_site: Path, locale: str
) -> None:
    root = ET.parse(reference_site / "site" / locale / "feed.xml").getroot()
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    entries = root.findall("a:entry", ATOM)
    assert len(entries) == 35  # every article but home and contact
    updated = [e.findtext("a:updated", namespaces=ATOM) for e in entries]
    assert updated == sorted(updated, reverse=True)
    first = entries[0].find("a:link", ATOM).get("href")
    assert first.startswith(f"https://help.tidewell.example/{locale}/")
    head = html(reference_site, locale, ".").split("</head>")[0]
    assert 'type="application/atom+xml" href="feed.xml"' in head


@pytest.mark.slow
def test_announcement_follows_its_configured_window(reference_site: Path) -> None:
    today = dt.date.today()
    shown = dt.date(2026, 12, 14) <= today <= dt.date(2026, 12, 31)
    for locale in LOCALES:
        page = html(reference_site, locale, ".")
        assert ("data-hc-announce-end" in page) is shown
        assert ('class="md-banner"' in page) is shown
