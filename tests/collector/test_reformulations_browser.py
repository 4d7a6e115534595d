"""Readers rephrasing a failed search on the reference help centre, in Chromium, served by the real
collector: the search page posts the reformulation, the collector stores it, and the health report
proposes the pair as a synonym group for the article opened."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from helpcentre.collector.settings import Settings
from helpcentre.collector.storage import open_store
from helpcentre.feedback.manifest import load_manifest
from helpcentre.report.gather import ReportSources, collect_report
from helpcentre.report.markdown import render_markdown

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FAILED = "qwxzvk"
REPHRASED = "remboursement"
RESULT_LINK = ".md-search-result__list > li a"


def type_query(page, query: str) -> None:  # noqa: ANN001 - Playwright page
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("")
    box.type(query, delay=10)
    box.press("End")


def rephrase(browser, base: str, reader: str) -> None:  # noqa: ANN001
    """One reader: a search that finds nothing, then another whose first result they open."""
    context = browser.new_context(user_agent=f"Mozilla/5.0 ({reader})")
    try:
        page = context.new_page()
        page.goto(f"{base}/fr/", wait_until="networkidle")
        with page.expect_response(f"{base}/api/v1/searches") as failed:
            type_query(page, FAILED)
        assert failed.value.status == 202
        type_query(page, REPHRASED)
        page.wait_for_selector(RESULT_LINK, timeout=10_000)
        with page.expect_request(f"{base}/api/v1/reformulations"):
            page.locator(RESULT_LINK).first.click()
    finally:
        context.close()


def test_a_rephrased_search_becomes_a_proposed_synonym(
    reference_site: Path,
    serve,  # noqa: ANN001
    browser,  # noqa: ANN001
    sqlite_url: str,
) -> None:
    site = reference_site / "site"
    settings = Settings(database_url=sqlite_url, site_dir=site, rate_limit=None)
    with serve(settings) as base:
        for reader in ("reader one", "reader two"):
            rephrase(browser, base, reader)
        # The result replaces the page, so the browser may not report the answer to the beacon;
        # it is answered all the same, and stored before the answer.
        deadline = time.monotonic() + 10
        while True:
            with open_store(sqlite_url) as store:
                stored = store.fetch_reformulations("1970-01-01")
            if len(stored) == 2:
                break
            assert time.monotonic() < deadline, f"stored {stored}"
            time.sleep(0.05)
    with open_store(sqlite_url) as store:
        searches = store.fetch_searches("1970-01-01")
    assert {(s.locale, s.query, s.results) for s in searches} == {("fr", FAILED, 0)}
    page_id = stored[0].page
    assert page_id in load_manifest(site / "feedback-manifest.json")["fr"]
    assert {(r.locale, r.query, r.then_query, r.page) for r in stored} == {
        ("fr", FAILED, REPHRASED, page_id)
    }
    assert len({r.reader for r in stored}) == 2

    report = collect_report(
        ReportSources(config=reference_site / "mkdocs.yml", feedback=sqlite_url)
    )
    figures = report.per_locale["fr"].synonyms
    assert figures is not None
    [proposal] = figures.proposals
    assert (proposal.page, proposal.count, proposal.path) == (
        page_id,
        2,
        f"docs/fr/{page_id}.md",
    )
    assert proposal.synonyms_line == f"{REPHRASED}, {FAILED}"
    assert f"{REPHRASED}, {FAILED}" in render_markdown(report)
