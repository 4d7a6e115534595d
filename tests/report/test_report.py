"""The health report built from a real git history and a real collector database."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from helpcentre.cli import main
from helpcentre.collector.storage import open_store
from helpcentre.collector.summaries import load_summary
from helpcentre.feedback.summary import FeedbackSummary, wilson_lower_bound
from helpcentre.records import ContactRecord
from helpcentre.report.build import build_report
from helpcentre.report.gather import ReportSources, collect_report
from helpcentre.report.html_page import render_html
from helpcentre.report.markdown import md, render_markdown
from helpcentre.report.model import NO_OWNER
from helpcentre.report.ranking import page_score, search_score
from helpcentre.report.site import HEALTH_DIR, write_into_site

from .conftest import SCRIPT_COMMENT, SCRIPT_QUERY, TODAY, days_ago


def report_of(repo: Path, feedback: str | None):
    return collect_report(ReportSources(config=repo / "mkdocs.yml", feedback=feedback, today=TODAY))


def test_figures_per_locale_and_overall(help_centre: Path, feedback_db: str) -> None:
    report = report_of(help_centre, feedback_db)
    assert report.locales == ["en", "fr"]
    overall, en, fr = report.overall, report.per_locale["en"], report.per_locale["fr"]

    assert (overall.helpfulness.votes, overall.helpfulness.helpful) == (83, 40)
    assert (en.helpfulness.votes, en.helpfulness.helpful) == (71, 38)
    assert (fr.helpfulness.votes, fr.helpfulness.helpful) == (12, 2)
    assert fr.helpfulness.wilson_lower_bound == round(wilson_lower_bound(2, 12), 4)
    assert overall.helpfulness.helpful_share == round(40 / 83, 4)
    # Reasons, most given first; "outdated" includes the commented vote.
    assert list(overall.helpfulness.reasons) == ["outdated", "unclear"]
    assert sum(overall.helpfulness.reasons.values()) == 43
    assert overall.helpfulness.comments[0].text == SCRIPT_COMMENT
    assert overall.helpfulness.least_helpful[0].locale == "fr"
    # Weekly trend over the 90-day window: every vote counted once, weeks without votes kept.
    trend = overall.helpfulness.trend
    assert len(trend) >= 13
    assert sum(point.votes for point in trend) == 83
    assert trend[0].votes == 0 and trend[0].helpful_share is None

    assert (en.searches.failed, en.searches.zero_results) == (6, 6)
    assert en.searches.top_queries[0].query == SCRIPT_QUERY
    assert fr.searches.top_queries[0].count == 3
    assert sum(point.count for point in overall.searches.trend) == 9
    assert overall.searches.distinct_queries == 2

    rules = {item.rule: item for item in overall.stale.items}
    assert rules["review-overdue"].path == "docs/en/orders/old-returns-policy.md"
    assert rules["review-overdue"].owner == "returns-team"
    assert set(overall.stale.by_rule) >= {
        "review-overdue",
        "low-helpfulness",
        "translation-behind",
    }
    assert overall.stale.by_owner == {"orders-team": 2, "returns-team": 1}  # pages, not flags
    assert NO_OWNER not in overall.stale.by_owner
    assert en.stale.pages_checked == 4 and fr.stale.pages_checked == 3

    assert en.translations is None
    lag = fr.translations
    assert lag is not None
    assert (lag.source_total, lag.translated, lag.outdated, lag.missing) == (4, 2, 1, 1)
    assert lag.completeness == 50.0
    assert lag.oldest_outdated is not None
    assert lag.oldest_outdated.article == "orders/track-your-order.md"
    assert lag.oldest_outdated.source_changed == days_ago(100).isoformat()
    assert lag.oldest_outdated.days_behind == 100
    assert overall.translations is not None and overall.translations.outdated == 1


def test_contact_section_without_events_is_no_data(help_centre: Path, feedback_db: str) -> None:
    summary = load_summary(feedback_db)
    assert summary.contact == {}  # the database has the section, with nothing in it
    report = report_of(help_centre, feedback_db)
    assert report.overall.contact is None
    assert any(note.startswith("contact deflection: no data") for note in report.notes)
    assert "No data: the feedback data has no contact-deflection events" in (
        render_markdown(report)
    )


def contact_event(
    session: str, locale: str, kind: str, page: str | None = None, *, context: str | None = None
) -> ContactRecord:
    """An event of two days ago: of the contact page, or of the help widget with a context."""
    return ContactRecord(days_ago(2).isoformat(), 1, session, locale, kind, page, 30, context)


def test_contact_events_in_the_database_are_reported(help_centre: Path, feedback_db: str) -> None:
    with open_store(feedback_db) as store:
        store.record(
            [
                contact_event("a", "en", "shown"),
                contact_event("a", "en", "clicked", "orders/track-your-order"),
                contact_event("b", "en", "shown"),
                contact_event("b", "en", "contacted"),
                contact_event("c", "en", "contacted"),  # contacted without suggestions
                contact_event("d", "fr", "shown"),
            ]
        )
    report = report_of(help_centre, feedback_db)
    en, fr = report.per_locale["en"].contact, report.per_locale["fr"].contact
    total = report.overall.contact
    assert (en.shown, en.clicked, en.contacted, en.avoided) == (2, 1, 2, 1)
    assert (fr.shown, fr.clicked, fr.contacted, fr.avoided) == (1, 0, 0, 1)
    assert (total.shown, total.clicked, total.contacted, total.avoided) == (3, 1, 2, 2)
    assert "| all locales | 3 | 1 (33%) | 2 | 2 (67%) |" in render_markdown(report)
    assert not any(note.startswith("contact deflection") for note in report.notes)


def test_widget_deflection_is_reported_per_context(help_centre: Path, feedback_db: str) -> None:
    report = report_of(help_centre, feedback_db)
    assert report.widget is None  # no event yet: no data
    assert "No data: the feedback data has no event of the help widget." in (
        render_markdown(report)
    )
    with open_store(feedback_db) as store:
        store.record(
            [
                contact_event("w1", "fr", "shown", context="billing"),
                contact_event("w1", "fr", "clicked", "orders/track-your-order", context="billing"),
                contact_event("w2", "fr", "shown", context="billing"),
                contact_event("w2", "fr", "contacted", context="billing"),
                contact_event("w3", "fr", "shown", context="checkout"),
                contact_event("page1", "fr", "shown"),  # the contact page
            ]
        )
    report = report_of(help_centre, feedback_db)
    billing, checkout = report.widget["billing"], report.widget["checkout"]
    assert (billing.shown, billing.clicked, billing.contacted, billing.avoided) == (2, 1, 1, 1)
    assert (checkout.shown, checkout.avoided) == (1, 1)
    assert report.overall.contact.shown == 1  # the widget's openings are not contact-page visits
    markdown = render_markdown(report)
    assert "## Help widget deflection, by context" in markdown
    assert "| billing | 2 | 1 (50%) | 1 | 1 (50%) |" in markdown
    html = render_html(report)
    assert '<section id="widget">' in html and "<td>checkout</td>" in html
    data = report.to_dict()["widget"]
    assert data["billing"]["avoided_share"] == 0.5 and data["checkout"]["shown"] == 1


def test_contact_figures_from_a_contact_section() -> None:
    summary = FeedbackSummary(generated_at="", since="2026-01-01", until="2026-01-07")
    summary.contact = {  # type: ignore[attr-defined]
        "en": {"shown": 40, "clicked": 12, "contacted": 10},
        "fr": {"shown": 10, "clicked": 5, "contacted": 1, "avoided": 7},
    }
    report = build_report(today=TODAY, source_locale="en", locales=["en", "fr"], summary=summary)
    assert report.per_locale["en"].contact.avoided == 30  # shown - contacted
    assert report.per_locale["fr"].contact.avoided == 7  # as the summary computed it
    total = report.overall.contact
    assert (total.shown, total.clicked, total.contacted, total.avoided) == (50, 17, 11, 37)
    assert total.click_share == 0.34
    assert "| all locales | 50 | 17 (34%) | 11 | 37 (74%) |" in render_markdown(report)


def test_fix_first_ranks_unhelpful_read_outdated_pages_first(
    help_centre: Path, feedback_db: str
) -> None:
    report = report_of(help_centre, feedback_db)
    ranked = [(item.kind, item.locale, item.page) for item in report.fix_first]
    assert ranked[:3] == [
        ("page", "fr", "orders/track-your-order"),
        ("page", "en", "orders/track-your-order"),
        ("search", "en", SCRIPT_QUERY),
    ]
    first = report.fix_first[0]
    assert first.rank == 1 and first.traffic == 12 and first.traffic_basis == "votes"
    assert first.path == "docs/fr/orders/track-your-order.md"
    assert first.owner == "orders-team"
    assert any(s.startswith("translation outdated") for s in first.signals)
    assert any(s.startswith("10 of 12 votes say it did not help") for s in first.signals)
    # The same finding is not counted twice (low-helpfulness / translation-behind flags).
    assert not any(s.startswith(("low-helpfulness", "translation-behind")) for s in first.signals)
    assert ("page", "en", "orders/old-returns-policy") in ranked
    # Perfect pages, read or not, have nothing to fix.
    assert not any(page.endswith(("perfect-page", "index")) for _, _, page in ranked)
    scores = [item.score for item in report.fix_first]
    assert scores == sorted(scores, reverse=True)


def test_scoring_formula() -> None:
    popular_bad_outdated = page_score(
        traffic=500, votes=500, not_helpful=400, outdated=True, flag_levels=["warning"]
    )
    perfect_unread = page_score(traffic=0, votes=0, not_helpful=0, outdated=False, flag_levels=[])
    perfect_popular = page_score(
        traffic=5000, votes=5000, not_helpful=0, outdated=False, flag_levels=[]
    )
    one_angry_vote = page_score(traffic=1, votes=1, not_helpful=1, outdated=False, flag_levels=[])
    forty_unhappy = page_score(traffic=40, votes=40, not_helpful=30, outdated=False, flag_levels=[])
    assert popular_bad_outdated > forty_unhappy > one_angry_vote > perfect_unread == 0
    assert perfect_popular == 0
    # reach x problems, with reach = 1 + log2(1 + traffic) = 4 for 7 readers.
    assert page_score(
        traffic=7, votes=0, not_helpful=0, outdated=False, flag_levels=["error", "info"]
    ) == pytest.approx(10.0)
    assert page_score(
        traffic=7, votes=0, not_helpful=0, outdated=True, flag_levels=["warning"]
    ) == pytest.approx(12.0)
    assert search_score(count=7, zero_results=7) == pytest.approx(8.0)
    assert search_score(count=7, zero_results=0) == pytest.approx(4.0)


def test_reader_text_is_escaped_everywhere(help_centre: Path, feedback_db: str) -> None:
    report = report_of(help_centre, feedback_db)
    page = render_html(report)
    text = render_markdown(report)
    for rendering in (page, text):
        assert "<script" not in rendering.lower()
    assert "&lt;script&gt;alert(&#x27;comment&#x27;)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&#x27;query&#x27;)&lt;/script&gt; refund" in page
    assert "&lt;script&gt;alert('comment')&lt;/script&gt; the tracking link is dead" in text
    assert md("a | b *c* @team [x](y)") == r"a \| b \*c\* &#64;team \[x\](y)"


def test_html_is_self_contained(help_centre: Path, feedback_db: str) -> None:
    page = render_html(report_of(help_centre, feedback_db))
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "default-src 'none'" in page
    assert not re.search(r"<(script|link|img|iframe)\b", page, re.IGNORECASE)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert page.count("<svg") >= 10
    assert 'role="img"' in page and 'aria-label="Helpful share per week, All locales"' in page
    for heading in (
        "Fix first",
        "By locale",
        "Helpfulness",
        "Searches with no answer",
        "Stale pages",
        "Translation lag",
        "Contact deflection",
    ):
        assert f"<h2>{heading}</h2>" in page


def test_command_writes_every_format_and_the_site_page(
    help_centre: Path, feedback_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summary_file = tmp_path / "summary.json"
    summary_file.write_text(load_summary(feedback_db).to_json(), encoding="utf-8")
    common = ["report", "--config", str(help_centre / "mkdocs.yml"), "--today", TODAY.isoformat()]

    out = tmp_path / "report.json"
    assert (
        main([*common, "--feedback", str(summary_file), "--format", "json", "--output", str(out)])
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["overall"]["helpfulness"]["votes"] == 83
    assert data["per_locale"]["fr"]["translations"]["oldest_outdated"]["days_behind"] == 100
    assert data["fix_first"][0]["page"] == "orders/track-your-order"
    assert data["overall"]["contact"] is None or "shown" in data["overall"]["contact"]

    assert main([*common, "--feedback", feedback_db, "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith(f"# Help centre health, {TODAY.isoformat()}")

    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Help</title>", encoding="utf-8")
    (site / "sitemap.xml").write_text("<sitemapindex></sitemapindex>", encoding="utf-8")
    (site / "en" / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset><url>en/</url></urlset>"))
    (site / "en" / "search" / "search_index.json").parent.mkdir(parents=True)
    (site / "en" / "search" / "search_index.json").write_text('{"docs": []}', encoding="utf-8")
    assert main([*common, "--feedback", feedback_db, "--site", str(site)]) == 0
    page = (site / HEALTH_DIR / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert capsys.readouterr().out == ""  # only the site page was asked for
    # The site page is public: aggregates, no reader's words (the private report has them).
    assert "the tracking link is dead" not in page and "refund" not in page
    assert "alert(" not in page
    assert "not published" in page
    private = tmp_path / "private.html"
    args = [*common, "--feedback", feedback_db, "--format", "html", "--output", str(private)]
    assert main(args) == 0
    assert "the tracking link is dead" in private.read_text(encoding="utf-8")


def test_site_that_indexes_the_report_folder_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "fr").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html>", encoding="utf-8")
    (site / "fr" / "sitemap.xml.gz").write_bytes(
        gzip.compress(b"<urlset><url><loc>https://x/fr/_health/</loc></url></urlset>")
    )
    with pytest.raises(ValueError, match=r"sitemap\.xml\.gz: lists '_health/'"):
        write_into_site(site, "<!doctype html>")
    with pytest.raises(ValueError, match="not a built site"):
        write_into_site(tmp_path / "empty", "<!doctype html>")


def test_bad_input_names_the_file(
    help_centre: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = str(help_centre / "mkdocs.yml")
    missing = tmp_path / "nowhere.json"
    assert main(["report", "--config", config, "--feedback", str(missing)]) == 2
    assert f"{missing}: feedback summary not found" in capsys.readouterr().err
    assert main(["report", "--config", config, "--docs", str(tmp_path / "nodocs")]) == 2
    assert "docs folder not found -- pass --docs" in capsys.readouterr().err
    assert main(["report", "--config", config, "--today", "yesterday"]) == 2
    assert "--today 'yesterday' is not a date" in capsys.readouterr().err
    assert main(["report", "--config", str(tmp_path / "absent.yml")]) == 2
    assert "absent.yml:0: configuration file not found" in capsys.readouterr().err


def test_without_feedback_the_report_says_so(help_centre: Path) -> None:
    report = report_of(help_centre, None)
    assert report.since is None and report.overall.helpfulness.votes == 0
    assert any(note.startswith("helpfulness and searches: no data") for note in report.notes)
    ranked = [(item.locale, item.page) for item in report.fix_first]
    assert ranked[0] == ("fr", "orders/track-your-order")  # outdated, even without votes
    assert "No votes in the window." in render_markdown(report)
