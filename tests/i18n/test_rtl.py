"""Right-to-left locales: Arabic, Hebrew and Persian pages are declared and laid out right to left.

The browser test compares an Arabic article with its English original in Debian's Chromium, by
geometry rather than against a golden image (fonts differ between machines): every assertion
that holds for the Arabic page is also checked to fail for the English one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import free_port, mkdocs_build
from search.test_browser import search

from .rtl_tree import LOCALES, write_rtl_tree

RTL = {"ar", "he", "fa"}


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The four-locale help centre, built for the loopback port it is then served at."""
    port = free_port()
    project = tmp_path_factory.mktemp("rtl") / "project"
    write_rtl_tree(project, site_url=f"http://127.0.0.1:{port}/")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site", port


@pytest.fixture
def rtl_base(rtl_site: tuple[Path, int], serve) -> str:  # noqa: ANN001 - conftest fixture
    """The address the four-locale help centre is served at."""
    site, port = rtl_site
    return serve(site, port)


#: Where the text of an element is (the union of its lines), and where its box (or another
#: element's, the second selector) is.
TEXT_IN_BOX = """([selector, block]) => {
  const element = document.querySelector(selector)
  if (!element) throw new Error("missing: " + selector)
  const range = document.createRange()
  range.selectNodeContents(element)
  const text = range.getBoundingClientRect()
  const box = document.querySelector(block || selector).getBoundingClientRect()
  return {box: [box.left, box.right], text: [text.left, text.right]}
}"""


def assert_from_the_right(
    page, selector: str, block: str | None = None, *, slack: float = 60
) -> None:  # noqa: ANN001 - Playwright page
    """The text of ``selector`` ends at the right of its box (or ``block``'s) and stops well
    short of its left."""
    found = page.evaluate(TEXT_IN_BOX, [selector, block])
    box, text = found["box"], found["text"]
    assert text[1] > box[1] - slack and text[0] > box[0] + 100, (selector, found)


def html_tag(page: Path) -> str:
    return re.search(r"<html[^>]*>", page.read_text("utf-8")).group(0)


def test_every_page_of_a_right_to_left_locale_says_so(rtl_site: tuple[Path, int]) -> None:
    site, _ = rtl_site
    checked = 0
    for code in LOCALES:
        direction = "rtl" if code in RTL else "ltr"
        pages = sorted((site / code).rglob("*.html"))
        assert len(pages) >= 4  # home, article, fallback, contact, 404
        for page in pages:
            tag = html_tag(page)
            assert f'lang="{code}"' in tag and f'dir="{direction}"' in tag, (page, tag)
            assert f'<body dir="{direction}"' in page.read_text("utf-8"), page
            checked += 1
    assert checked >= 16
    # The language choice at the root is in the default locale.
    assert 'dir="ltr"' in html_tag(site / "index.html")
    # An English article shown in the Arabic site keeps its own direction inside the page.
    fallback = (site / "ar" / "Orders" / "Cancel an order" / "index.html").read_text("utf-8")
    assert '<div lang="en" dir="ltr">' in fallback
    assert 'class="admonition info helpcentre-fallback"' in fallback


#: Measures what the test compares, in CSS pixels of the viewport.
MEASURE = """() => {
  const box = (selector) => {
    const element = document.querySelector(selector)
    if (!element) throw new Error("missing: " + selector)
    const r = element.getBoundingClientRect()
    return {left: r.left, right: r.right, top: r.top, width: r.width}
  }
  // The union of an element's text lines (where the glyphs are, not the block).
  const text = (selector) => {
    const element = document.querySelector(selector)
    if (!element) throw new Error("missing: " + selector)
    const range = document.createRange()
    range.selectNodeContents(element)
    const rects = [...range.getClientRects()].filter((r) => r.width > 0)
    const lefts = rects.map((r) => r.left), rights = rects.map((r) => r.right)
    return {left: Math.min(...lefts), right: Math.max(...rights)}
  }
  const votes = [...document.querySelectorAll(".helpcentre-feedback__buttons button")]
  return {
    dir: document.documentElement.dir,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    content: box(".md-content__inner"),
    lastParagraph: text(".md-content__inner > p:last-of-type"),
    heading: text(".md-content__inner h1"),
    navigation: box(".md-sidebar--primary"),
    toc: box(".md-sidebar--secondary"),
    votes: votes.map((button) => button.getBoundingClientRect().left),
    votesBox: box(".helpcentre-feedback__buttons"),
    votesText: text(".helpcentre-feedback legend, .helpcentre-feedback__label"),
  }
}"""

#: Widths of a word written joined and of its letters kept apart by zero-width non-joiners: a
#: font that has the script's glyphs shapes the joined forms narrower; missing-glyph boxes are
#: the same width whatever their neighbours.
SHAPING = """(word) => {
  const width = (value) => {
    const span = document.createElement("span")
    span.textContent = value
    span.style.cssText = "font-size:40px;white-space:nowrap;position:absolute"
    document.body.appendChild(span)
    const measured = span.getBoundingClientRect().width
    span.remove()
    return measured
  }
  return [width(word), width([...word].join("\\u200c"))]
}"""


def near(a: float, b: float, tolerance: float = 24) -> bool:
    return abs(a - b) <= tolerance


def mirrored(m: dict) -> dict[str, bool]:
    """Each right-to-left expectation of one page's measurements, by name."""
    content = m["content"]
    return {
        "html dir": m["dir"] == "rtl",
        "no horizontal overflow": m["overflow"] <= 0,
        "heading starts at the right": near(m["heading"]["right"], content["right"])
        and m["heading"]["left"] > content["left"] + 100,
        "short line is right-aligned": near(m["lastParagraph"]["right"], content["right"])
        and m["lastParagraph"]["left"] > content["left"] + 100,
        "navigation on the right": m["navigation"]["left"] > content["right"],
        "table of contents on the left": m["toc"]["right"] < content["left"],
        "first vote button rightmost": len(m["votes"]) == 2 and m["votes"][0] > m["votes"][1],
        "vote question at the right": near(m["votesText"]["right"], content["right"]),
    }


def test_arabic_article_is_mirrored_in_chromium(  # noqa: ANN001 - Playwright fixtures
    rtl_base: str, page, tmp_path: Path
) -> None:
    base = rtl_base
    page.set_viewport_size({"width": 1400, "height": 900})
    results = {}
    for code in ("ar", "en"):
        page.goto(f"{base}/{code}/Orders/Track%20your%20order/")
        page.locator(".helpcentre-feedback__buttons button").first.wait_for()
        shot = tmp_path / f"article-{code}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        results[code] = mirrored(page.evaluate(MEASURE))
    assert all(results["ar"].values()), results["ar"]
    # The checks tell the directions apart: on the English page each one fails (but overflow).
    assert [name for name, held in results["en"].items() if held] == ["no horizontal overflow"]

    # The outdated notice: its title starts at the right.
    page.goto(f"{base}/ar/Orders/Track%20your%20order/")
    assert_from_the_right(page, ".helpcentre-outdated .admonition-title", slack=80)

    # Arabic glyphs come from a real font: the joined word is shaped narrower than its letters
    # kept apart, which missing-glyph boxes never are.
    joined, apart = page.evaluate(SHAPING, "بببببب")
    assert joined < apart - 10, (joined, apart)
    client = page.context.new_cdp_session(page)
    client.send("DOM.enable")
    client.send("CSS.enable")
    root = client.send("DOM.getDocument")["root"]["nodeId"]
    heading = client.send("DOM.querySelector", {"nodeId": root, "selector": ".md-content h1"})
    fonts = client.send("CSS.getPlatformFontsForNode", {"nodeId": heading["nodeId"]})["fonts"]
    assert fonts and all(font["glyphCount"] > 0 for font in fonts), fonts

    # Search: the results, and the answer card above them, read from the right.
    search(page, "أين طردي")
    card = page.locator(".md-search-result .helpcentre-answer-card")
    card.wait_for(timeout=10_000)
    page.screenshot(path=str(tmp_path / "search-ar.png"))
    assert_from_the_right(page, ".md-search-result__meta")
    assert_from_the_right(page, ".md-search-result__list article h1")
    assert_from_the_right(page, ".helpcentre-answer-card > a", ".helpcentre-answer-card")
    borders = page.evaluate(
        """() => {
          const style = getComputedStyle(document.querySelector(".helpcentre-answer-card"))
          return [parseFloat(style.borderLeftWidth), parseFloat(style.borderRightWidth)]
        }"""
    )
    assert borders[0] == 0 and borders[1] > 0, borders  # the card's rule is at its start

    # A corrected typo: "Showing results for" sits above the results, from the right.
    search(page, "التتبغ")
    notice = page.locator(".helpcentre-search-correction:not([hidden])")
    notice.wait_for(timeout=10_000)
    assert "التتبع" in notice.inner_text()
    assert_from_the_right(page, ".helpcentre-search-correction", slack=40)


def test_home_and_contact_pages_are_mirrored(  # noqa: ANN001 - Playwright fixtures
    rtl_base: str, page, tmp_path: Path
) -> None:
    base = rtl_base
    page.set_viewport_size({"width": 1000, "height": 800})
    found = {}
    for code in ("he", "en"):
        page.goto(f"{base}/{code}/")
        found[code] = page.evaluate(
            """() => {
              const field = document.querySelector(".hc-home-search__field").getBoundingClientRect()
              const icon = document.querySelector(".hc-home-search__icon").getBoundingClientRect()
              const input = getComputedStyle(document.querySelector(".hc-home-search__input"))
              return {iconFromRight: field.right - icon.right, iconFromLeft: icon.left - field.left,
                      paddingRight: parseFloat(input.paddingRight),
                      paddingLeft: parseFloat(input.paddingLeft)}
            }"""
        )
    # The magnifier sits at the start of the field, where the text starts: right in Hebrew.
    he, en = found["he"], found["en"]
    assert he["iconFromRight"] < 30 < he["iconFromLeft"], he
    assert he["paddingRight"] > he["paddingLeft"], he
    assert en["iconFromLeft"] < 30 < en["iconFromRight"], en
    assert en["paddingLeft"] > en["paddingRight"], en

    page.goto(f"{base}/ar/contact/")
    page.screenshot(path=str(tmp_path / "contact-ar.png"), full_page=True)
    contact = page.evaluate(
        """() => {
          const content = document.querySelector(".md-content__inner").getBoundingClientRect()
          const label = document.querySelector(".hc-ask label")
          const range = document.createRange()
          range.selectNodeContents(label)
          const text = range.getBoundingClientRect()
          const channel = document.querySelector(".hc-channel").getBoundingClientRect()
          return {content: [content.left, content.right], label: [text.left, text.right],
                  channel: [channel.left, channel.right],
                  overflow: document.documentElement.scrollWidth - innerWidth}
        }"""
    )
    assert contact["overflow"] <= 0, contact
    assert near(contact["label"][1], contact["content"][1]), contact
    assert near(contact["channel"][1], contact["content"][1]), contact
