"""The reference help centre's contact page in Chromium, served by the real collector.

What the page's script posts (its random visit id, the suggested page's id) must pass the
collector's validation and land in the database, counted in the exported summary.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from helpcentre.collector.settings import Settings
from helpcentre.collector.storage import open_store
from helpcentre.collector.summaries import load_summary
from helpcentre.feedback.manifest import load_manifest
from helpcentre.records import ContactRecord

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ENDPOINT = "/api/v1/contact-events"


def stored_events(url: str) -> list[ContactRecord]:
    with open_store(url) as store:
        return store.fetch_contact_events("1970-01-01")


def test_a_visit_of_the_contact_page_is_recorded(
    reference_site: Path,
    serve,  # noqa: ANN001
    page,  # noqa: ANN001
    sqlite_url: str,
) -> None:
    site = reference_site / "site"
    settings = Settings(database_url=sqlite_url, site_dir=site, rate_limit=None)
    statuses: list[int] = []
    with serve(settings) as base:
        page.on(
            "response",
            lambda r: statuses.append(r.status) if r.url == f"{base}{ENDPOINT}" else None,
        )
        page.goto(f"{base}/fr/contact/", wait_until="networkidle")
        with page.expect_response(f"{base}{ENDPOINT}") as shown:
            page.fill("#hc-ask-question", "Je n'ai pas reçu mon remboursement")
        assert shown.value.status == 202
        suggestion = page.get_attribute("[data-hc-suggestion]", "data-hc-suggestion")
        with page.expect_request(f"{base}{ENDPOINT}") as clicked:
            page.click("[data-hc-suggestion]")
        assert '"event":"clicked"' in (clicked.value.post_data or "")
        # The article replaces the page, so the browser may not report the response to that
        # post; it is answered all the same (keepalive), and stored before the answer.
        deadline = time.monotonic() + 10
        while not any(e.event == "clicked" for e in stored_events(sqlite_url)):
            assert time.monotonic() < deadline, "the click was not recorded"
            time.sleep(0.05)
        # A second visit goes straight to a contact channel.
        page.goto(f"{base}/fr/contact/", wait_until="networkidle")
        with page.expect_response(f"{base}{ENDPOINT}") as contacted:
            page.click("[data-hc-contact-channel=chat]")
        assert contacted.value.status == 202
    # Shown and contacted, and the click when the browser still reports it: nothing refused.
    assert len(statuses) >= 2 and set(statuses) == {202}
    events = stored_events(sqlite_url)
    assert sorted((e.locale, e.event, e.page) for e in events) == [
        ("fr", "clicked", suggestion),
        ("fr", "contacted", None),
        ("fr", "shown", None),
    ]
    assert suggestion in load_manifest(site / "feedback-manifest.json")["fr"]
    visits = {e.session for e in events if e.event != "contacted"}
    assert len(visits) == 1  # shown and clicked: one visit ...
    assert {e.session for e in events} != visits  # ... the contact another
    contact = load_summary(sqlite_url).contact
    assert contact is not None
    fr = contact["fr"]
    # The first visit was shown suggestions, opened one and did not contact support: avoided.
    assert (fr.shown, fr.clicked, fr.contacted, fr.avoided) == (1, 1, 1, 1)
