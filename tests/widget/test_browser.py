"""The help widget on a product's page of another origin, in Chromium, with the real collector.

The reference help centre is served by the collector (SQLite) on one loopback port, the way
``helpcentre collector --site`` serves it, with the product's origin in its CORS allow-list; the
product's page is served on another port. The reader opens the widget with the keyboard, reads
the suggestions, searches, reads an article in the panel, votes and hands the question over to
the contact page; the collector must hold every event with the page's context.
"""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from collector.conftest import serving
from helpcentre.collector.app import create_app
from helpcentre.collector.settings import Settings
from helpcentre.collector.storage import open_store
from helpcentre.collector.summaries import load_summary

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: What the product's page may load from the help centre before the reader opens the widget.
BUDGET = 30 * 1024
WIDGET = "[data-helpcentre-widget]"
HOST_PAGE = """<!doctype html>
<html lang="fr-CA"><head><meta charset="utf-8"><title>Tidewell - Mon compte</title>
<style>
  /* The product's own styles must not reach into the widget... */
  button, a, h2, input {{ color: rgb(128, 0, 128) !important; font-family: serif !important; }}
</style></head>
<body><main><h1>Mon compte</h1><p>Vos factures.</p>
<button class="launch panel" type="button">Bouton de la boutique</button></main>
<script src="{help}/widget.js" data-context="billing" async></script>
</body></html>
"""


def shadow(page, script: str):  # noqa: ANN001, ANN201 - Playwright page, any result
    """Evaluate ``script`` with ``root``, the widget's shadow root."""
    return page.evaluate(
        f"() => {{ const root = document.querySelector('{WIDGET}').shadowRoot; {script} }}"
    )


def events_in(url: str) -> list:
    with open_store(url) as store:
        return store.fetch_contact_events("1970-01-01")


def votes_in(url: str) -> list:
    with open_store(url) as store:
        return store.fetch_votes("1970-01-01")


def test_widget_on_a_page_of_another_origin(
    reference_site: Path,
    serve,  # noqa: ANN001 - the static server of tests/conftest.py
    page,  # noqa: ANN001
    axe_source: str,
    tmp_path: Path,
) -> None:
    product = tmp_path / "product"
    product.mkdir()
    product_url = serve(product)
    database = f"sqlite:///{tmp_path / 'feedback.db'}"
    settings = Settings(
        database_url=database,
        site_dir=reference_site / "site",
        cors_origins=(product_url,),
        rate_limit=None,
    )
    with serving(create_app(settings)) as help_url:
        assert help_url != product_url  # two origins: same host, other port
        (product / "index.html").write_text(HOST_PAGE.format(help=help_url), encoding="utf-8")
        loaded: list = []
        page.on("response", lambda r: loaded.append(r) if r.url.startswith(help_url) else None)
        page.goto(f"{product_url}/index.html", wait_until="networkidle")
        launch = page.locator(f"{WIDGET} button.launch")
        assert launch.text_content() == "Aide"
        # Before the reader opens it: the loader only, within the budget, compressed.
        assert [r.url for r in loaded] == [f"{help_url}/widget.js"]
        compressed = sum(len(gzip.compress(r.body(), 9)) for r in loaded)
        assert compressed <= BUDGET, compressed
        # No style crosses the shadow boundary, either way.
        assert launch.evaluate("b => getComputedStyle(b).color") != "rgb(128, 0, 128)"
        host_button = page.locator("main button.launch")
        assert host_button.evaluate("b => getComputedStyle(b).position") == "static"

        # Opened with the keyboard; the suggestions of the page's context are shown and counted.
        launch.focus()
        with page.expect_response(f"{help_url}/api/v1/contact-events") as shown:
            page.keyboard.press("Enter")
        assert shown.value.status == 202
        assert '"context":"billing"' in shown.value.request.post_data
        panel = page.locator(f"{WIDGET} [role=dialog]")
        panel.wait_for()
        assert panel.get_attribute("lang") == "fr" and panel.get_attribute("dir") == "ltr"
        assert launch.get_attribute("aria-expanded") == "true"
        assert shadow(page, "return root.activeElement.id") == "hc-query"
        suggestions = page.locator(f"{WIDGET} ul button.link")
        assert suggestions.first.text_content() == "Mon paiement a été refusé"
        assert suggestions.count() == 5
        assert shadow(page, "return getComputedStyle(root.querySelector('h2')).color") != (
            "rgb(128, 0, 128)"
        )

        # The help centre's own search, from its worker and index, in French, answer cards too.
        page.keyboard.type("quand serai-je remboursé")
        card = page.locator(f"{WIDGET} aside.card")
        card.wait_for(timeout=15_000)
        assert card.get_attribute("aria-label") == "Réponse"
        # The FAQ question the query matches, its answer, and the article it comes from.
        assert card.locator("p").first.inner_text() == "Quand émettez-vous le remboursement ?"
        assert "Dans les 5 jours ouvrés" in card.inner_text()
        assert card.locator("button").inner_text() == "Quand vais-je recevoir mon remboursement ?"
        page.fill(f"{WIDGET} #hc-query", "")
        card.wait_for(state="hidden")
        # What the status says, each time it changes
        page.evaluate(
            f"""() => {{
              const status = document.querySelector('{WIDGET}').shadowRoot
                .querySelector('.status')
              window.said = []
              new MutationObserver(() => window.said.push(status.textContent))
                .observe(status, {{childList: true, characterData: true, subtree: true}})
            }}"""
        )
        page.keyboard.type("suivre mon colis")
        result = page.locator(f"{WIDGET} ul button.link", has_text="Comment suivre ma commande")
        result.first.wait_for(timeout=15_000)
        status = page.locator(f"{WIDGET} [role=status]").first
        page.wait_for_function(
            f"() => document.querySelector('{WIDGET}').shadowRoot"
            ".querySelector('.status').textContent.includes(':')"
        )
        assert status.text_content().startswith("Résultats de la recherche")
        # An answer comes in several messages; the status is said once, not blanked again.
        page.wait_for_timeout(500)
        said = page.evaluate("window.said")
        first = next(n for n, text in enumerate(said) if text.startswith("Résultats"))
        assert all(text == said[first] for text in said[first:]), said
        axe = violations(page, axe_source)
        assert axe == [], axe

        # The article, read in the panel; opening it is counted.
        result.first.focus()
        with page.expect_request(f"{help_url}/api/v1/contact-events") as clicked:
            page.keyboard.press("Enter")
        assert '"page":"orders/track-your-order"' in clicked.value.post_data
        heading = page.locator(f"{WIDGET} .article h3")
        heading.first.wait_for()
        assert heading.first.text_content().strip() == "Comment suivre ma commande ?"
        assert shadow(page, "return root.activeElement.tagName") == "H3"
        assert page.locator(f"{WIDGET} .article script, {WIDGET} .article form").count() == 0
        assert page.locator(f"{WIDGET} .article").evaluate(
            "a => [...a.querySelectorAll('a[href]')].every(l => l.href.startsWith('http'))"
        )
        axe = violations(page, axe_source)
        assert axe == [], axe

        # "Did this help?", answered with the keyboard.
        page.locator(f"{WIDGET} button[data-vote=yes]").focus()
        with page.expect_response(f"{help_url}/api/v1/votes") as voted:
            page.keyboard.press("Enter")
        assert voted.value.status == 202
        page.locator(f"{WIDGET} .vote [role=status]", has_text="Merci").wait_for()

        # Back to the results, then hand the question over to the contact page.
        page.locator(f"{WIDGET} button.back").click()
        email = page.locator(f"{WIDGET} a[data-channel=email]").get_attribute("href")
        assert email.startswith("mailto:help@tidewell.example?subject=suivre%20mon%20colis")
        contact = page.locator(f"{WIDGET} a[data-channel=contact-page]")
        with page.expect_response(f"{help_url}/api/v1/contact-events") as handed:
            with page.context.expect_page() as opened:
                contact.click()
        assert handed.value.status == 202
        assert '"event":"contacted"' in handed.value.request.post_data
        contact_page = opened.value
        contact_page.wait_for_load_state("networkidle")
        assert contact_page.url == f"{help_url}/fr/contact/?question=suivre+mon+colis"
        assert contact_page.input_value("#hc-ask-question") == "suivre mon colis"
        contact_page.close()

        # Escape closes the panel and gives the focus back to the button.
        page.locator(f"{WIDGET} #hc-query").focus()
        page.keyboard.press("Escape")
        assert not panel.is_visible()
        assert shadow(page, "return root.activeElement.className") == "launch"
        assert launch.get_attribute("aria-expanded") == "false"

        deadline = time.monotonic() + 10
        while len([e for e in events_in(database) if e.context == "billing"]) < 3:
            assert time.monotonic() < deadline, events_in(database)
            time.sleep(0.05)
    widget_events = [e for e in events_in(database) if e.context == "billing"]
    assert sorted((e.locale, e.event, e.page) for e in widget_events) == [
        ("fr", "clicked", "orders/track-your-order"),
        ("fr", "contacted", None),
        ("fr", "shown", None),
    ]
    assert len({e.session for e in widget_events}) == 1  # one opening of the widget
    assert [(v.locale, v.page, v.helpful) for v in votes_in(database)] == [
        ("fr", "orders/track-your-order", True)
    ]
    summary = load_summary(database)
    assert summary.widget is not None
    billing = summary.widget["billing"]
    assert (billing.shown, billing.clicked, billing.contacted, billing.avoided) == (1, 1, 1, 0)


def violations(page, axe_source: str) -> list[str]:  # noqa: ANN001
    """Serious and critical axe-core violations of the page, the widget's shadow root included."""
    page.add_script_tag(content=axe_source)
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"
    )
