"""The helpcentre/feedback plugin in real builds: the widget in every locale, opt-outs, and what
the build learns from a feedback summary."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import mkdocs_build

LOCALES = ("en", "fr", "it", "es", "ja")
QUESTION = {
    "en": "Was this article helpful?",
    "fr": "Cet article vous a-t-il été utile ?",
    "it": "Questo articolo ti è stato utile?",
    "es": "¿Te ha resultado útil este artículo?",
    "ja": "この記事は役に立ちましたか？",
}
NO = {"en": "No", "fr": "Non", "it": "No", "es": "No", "ja": "いいえ"}
OUTDATED = {
    "en": "Outdated",
    "fr": "Informations obsolètes",
    "it": "Informazioni non aggiornate",
    "es": "Información desactualizada",
    "ja": "情報が古い",
}
FORM = re.compile(r'<form class="helpcentre-feedback".*?</form>', re.S)


def html_of(project: Path, locale: str, page_id: str) -> str:
    folder = project / "site" / locale
    path = folder / "index.html" if page_id == "index" else folder / page_id / "index.html"
    return path.read_text("utf-8")


def widget(project: Path, locale: str, page_id: str) -> str | None:
    match = FORM.search(html_of(project, locale, page_id))
    return match.group(0) if match else None


def set_options(project: Path, **options: object) -> None:
    """Replace the helpcentre/feedback options of the project's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    head, _, _ = text.partition("  - helpcentre/feedback:")
    lines = [f"      {key}: {json.dumps(value)}" for key, value in options.items()]
    config.write_text(head + "  - helpcentre/feedback:\n" + "\n".join(lines) + "\n", "utf-8")


def edit_front_matter(article: Path, line: str) -> None:
    text = article.read_text("utf-8")
    assert text.startswith("---\n")
    article.write_text("---\n" + line + "\n" + text[4:], encoding="utf-8")


def test_widget_on_articles_of_every_locale_in_its_language(reference_site: Path) -> None:
    for locale in LOCALES:
        form = widget(reference_site, locale, "orders/track-your-order")
        assert form is not None, locale
        assert f'data-locale="{locale}"' in form
        assert 'data-page="orders/track-your-order"' in form
        assert 'data-endpoint="/api/v1"' in form
        assert QUESTION[locale] in form
        assert f'data-helpful="false">{NO[locale]}</button>' in form
        assert OUTDATED[locale] in form
        assert '<fieldset class="helpcentre-feedback__reasons">' in form
        assert form.count('type="radio" name="reason"') == 5
        assert 'maxlength="1000"' in form
        assert 'aria-live="polite"' in form
        page = html_of(reference_site, locale, "orders/track-your-order")
        assert "assets/helpcentre/feedback.js" in page
        assert "assets/helpcentre/feedback.css" in page
        assert (reference_site / "site" / locale / "assets/helpcentre/feedback.js").is_file()
        # Neither home nor contact page asks.
        assert widget(reference_site, locale, "index") is None
        assert widget(reference_site, locale, "contact") is None
    # Nothing voted, no summary: no share line anywhere.
    assert "found this helpful" not in html_of(reference_site, "en", "orders/track-your-order")
    # The language choice at the root has no widget either.
    assert "helpcentre-feedback" not in (reference_site / "site" / "index.html").read_text("utf-8")


def test_every_widget_string_is_translated(reference_site: Path) -> None:
    english = widget(reference_site, "en", "billing/payment-declined")
    assert english is not None
    english_text = set(re.findall(r">([^<>]*[A-Za-z][^<>]*)<", english))
    english_text = {text.strip() for text in english_text if text.strip()}
    assert len(english_text) >= 12
    for locale in ("fr", "it", "es", "ja"):
        form = widget(reference_site, locale, "billing/payment-declined")
        assert form is not None
        # "No" is also Italian and Spanish for "No".
        untranslated = {text for text in english_text if f">{text}<" in form} - {"No"}
        assert not untranslated, (locale, untranslated)


def test_bad_feedback_value_names_file_and_line(small_project: Path) -> None:
    edit_front_matter(small_project / "docs/fr/orders/track-your-order.md", "feedback: maybe")
    result = mkdocs_build(small_project)
    assert result.returncode != 0
    assert "docs/fr/orders/track-your-order.md:2: 'feedback' has the wrong type" in result.stderr
    assert "write 'feedback: false'" in result.stderr


def write_summary(path: Path) -> None:
    def entry(locale: str, page: str, helpful: int, not_helpful: int, lower: float, **reasons):
        votes = helpful + not_helpful
        return {
            "locale": locale,
            "page": page,
            "votes": votes,
            "helpful": helpful,
            "not_helpful": not_helpful,
            "helpful_share": round(helpful / votes, 4),
            "wilson_lower_bound": lower,
            "reasons": {
                "outdated": reasons.get("outdated", 0),
                "unclear": reasons.get("unclear", 0),
                "missing-information": reasons.get("missing", 0),
                "not-solved": reasons.get("not_solved", 0),
                "other": 0,
            },
            "comments": [],
            "daily": [],
        }

    pages = [
        entry("fr", "orders/track-your-order", 18, 6, 0.5532, outdated=1, unclear=4, missing=1),
        entry("fr", "orders/reorder-items", 3, 1, 0.3006, not_solved=1),
        entry("en", "orders/track-your-order", 19, 1, 0.7639),
    ]
    summary = {
        "version": 1,
        "generated_at": "2026-01-31T12:00:00Z",
        "since": "2025-11-02",
        "until": "2026-01-31",
        "pages": {f"{p['locale']}/{p['page']}": p for p in pages},
        "searches": {},
    }
    path.write_text(json.dumps(summary, ensure_ascii=False), encoding="utf-8")


HOOK = """
import json
from pathlib import Path


def on_page_markdown(markdown, page, config, files):
    # Another plugin reading what helpcentre/feedback attached.
    seen = page.meta.get("helpfulness")
    name = config.extra["helpcentre_locale"] + "--" + page.file.src_uri.replace("/", "--")
    out = Path(config.config_file_path).parent / "seen" / (name + ".json")
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(None if seen is None else seen.to_dict()), encoding="utf-8")
"""


def test_opt_outs_helpfulness_and_share_in_one_build(small_project: Path) -> None:
    docs = small_project / "docs" / "fr"
    edit_front_matter(docs / "orders/reorder-items.md", "feedback: false")
    edit_front_matter(docs / "billing/use-a-gift-card.md", "hide: [feedback]")
    write_summary(small_project / "feedback-summary.json")
    (small_project / "read_helpfulness.py").write_text(HOOK, encoding="utf-8")
    set_options(
        small_project,
        summary="feedback-summary.json",
        show_helpful_share=True,
        min_votes=20,
    )
    config = small_project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "hooks:\n  - read_helpfulness.py\n", "utf-8")
    result = mkdocs_build(small_project)
    assert result.returncode == 0, result.stderr

    # Opt-outs: front matter of the French pages only.
    assert widget(small_project, "fr", "orders/reorder-items") is None
    assert widget(small_project, "fr", "billing/use-a-gift-card") is None
    assert widget(small_project, "fr", "orders/track-your-order") is not None
    assert widget(small_project, "en", "orders/reorder-items") is not None
    assert widget(small_project, "en", "billing/use-a-gift-card") is not None

    seen = small_project / "seen"
    tracked = json.loads((seen / "fr--orders--track-your-order.md.json").read_text("utf-8"))
    assert tracked == {
        "votes": 24,
        "helpful": 18,
        "not_helpful": 6,
        "helpful_share": 0.75,
        "wilson_lower_bound": 0.5532,
        "top_reasons": [["unclear", 4], ["outdated", 1], ["missing-information", 1]],
        "reasons": {
            "outdated": 1,
            "unclear": 4,
            "missing-information": 1,
            "not-solved": 0,
            "other": 0,
        },
    }
    reorder = json.loads((seen / "fr--orders--reorder-items.md.json").read_text("utf-8"))
    assert reorder["votes"] == 4 and reorder["top_reasons"] == [["not-solved", 1]]
    # Keys are per locale: the English page has its own votes, unvoted pages have none.
    assert json.loads((seen / "en--orders--track-your-order.md.json").read_text())["votes"] == 20
    assert json.loads((seen / "en--orders--reorder-items.md.json").read_text("utf-8")) is None
    assert json.loads((seen / "fr--index.md.json").read_text("utf-8")) is None

    # At or above min_votes (24 and 20), the share shows, written the locale's way ...
    fr_page = html_of(small_project, "fr", "orders/track-your-order")
    assert re.search(r"75\s?%\s?des lecteurs ont trouvé cet article utile", fr_page)
    en_page = html_of(small_project, "en", "orders/track-your-order")
    assert "95% found this helpful" in en_page
    # ... below it (4 votes) it does not.
    assert "found this helpful" not in html_of(small_project, "en", "orders/reorder-items")
    assert "helpcentre-feedback__share" not in html_of(small_project, "fr", "orders/reorder-items")
    # The share is shown under the widget only: opted-out pages have neither.
    assert "helpcentre-feedback__share" not in html_of(
        small_project, "fr", "billing/use-a-gift-card"
    )


def test_unreadable_summary_and_bad_endpoint_are_clear_errors(small_project: Path) -> None:
    set_options(small_project, summary="exports/missing.json")
    result = mkdocs_build(small_project)
    assert result.returncode != 0
    assert "exports/missing.json: feedback summary not found" in result.stderr
    assert "helpcentre feedback export" in result.stderr

    set_options(small_project, endpoint="api/v1")
    result = mkdocs_build(small_project)
    assert result.returncode != 0
    assert "plugins > helpcentre/feedback: endpoint 'api/v1' is neither a path" in result.stderr
