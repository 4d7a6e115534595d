"""The HTML report in a real Chromium, opened from a file: it renders, and it fetches nothing."""

from __future__ import annotations

from pathlib import Path

from helpcentre.report.html_page import render_html

from .test_report import report_of


def test_report_page_renders_offline_with_charts(
    help_centre: Path, feedback_db: str, tmp_path: Path, page
) -> None:
    target = tmp_path / "health.html"
    target.write_text(render_html(report_of(help_centre, feedback_db)), encoding="utf-8")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(target.as_uri())
    page.wait_for_load_state("load")

    assert requests == [target.as_uri()]  # nothing but the page itself
    assert page.locator("h1").inner_text() == "Help centre health"
    for heading in (
        "Fix first",
        "By locale",
        "Helpfulness",
        "Searches with no answer",
        "Stale pages",
        "Translation lag",
        "Contact deflection",
    ):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    charts = page.locator("svg[role=img]")
    assert charts.count() >= 10
    assert page.get_by_role("img", name="Helpful share per week, All locales").is_visible()
    box = page.get_by_role("img", name="Failed searches per locale").bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 20
    # Reader text shows as text, never as markup.
    assert "<script>alert('comment')</script>" in page.locator("blockquote").first.inner_text()
    assert page.evaluate("document.scripts.length") == 0

    shot = tmp_path / "health.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height > 2000
