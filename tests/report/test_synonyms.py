"""Proposed synonyms: readers' reformulations, stored by the collector, become proposals in the
health report (JSON, Markdown, HTML), left out where the site already has them, and withheld from
the public page."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from helpcentre.collector.storage import open_store
from helpcentre.feedback.summary import FeedbackSummary, Reformulation, normalise_query
from helpcentre.records import ReformulationRecord
from helpcentre.report.commands import render_json
from helpcentre.report.gather import ReportSources, collect_report
from helpcentre.report.html_page import render_html
from helpcentre.report.markdown import render_markdown
from helpcentre.report.site import public_view
from helpcentre.report.synonyms import ArticleRef, known_pairs, propose_synonyms

from .conftest import TODAY, days_ago, write

TRACK = "orders/track-your-order"
#: (locale, failed query, query whose result was opened, page, readers)
PAIRS = [
    ("fr", "colis perdu", "suivi colis", TRACK, 3),
    ("fr", "Rembourssement", "suivi colis", TRACK, 2),
    ("fr", "livraison", "suivi", TRACK, 4),  # the synonyms file joins them already
    ("fr", "sivi", "suivi", TRACK, 1),  # one reader's typo
    ("en", "where is my parcel", "track order", TRACK, 2),  # the article has it as an alias
    ("en", "<b>reciept</b> ```", "receipt", "orders/perfect-page", 2),
]


def reformulation(day: dt.date, reader: str, locale: str, query: str, then: str, page: str):
    return ReformulationRecord(
        day=day.isoformat(),
        created_at=0,
        reader=reader,
        locale=locale,
        query=query,
        normalised=normalise_query(query),
        then_query=then,
        then_normalised=normalise_query(then),
        page=page,
    )


def reformulations_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'reformulations.db'}"
    records = [
        reformulation(days_ago(1 + reader), f"r{reader}", locale, query, then, page)
        for locale, query, then, page, readers in PAIRS
        for reader in range(readers)
    ]
    with open_store(url) as store:
        store.record(records)
    return url


def prepare(help_centre: Path) -> None:
    write(help_centre, "locales/fr/synonyms.txt", "# livraison\nSuivi, livraison, expédition\n")
    track = help_centre / "docs/en/orders/track-your-order.md"
    text = track.read_text(encoding="utf-8")
    track.write_text(
        text.replace("type: guide\n", "type: guide\naliases: [Where is my parcel]\n", 1),
        encoding="utf-8",
    )


def test_the_report_proposes_what_readers_rephrased(help_centre: Path, tmp_path: Path) -> None:
    prepare(help_centre)
    url = reformulations_db(tmp_path)
    report = collect_report(
        ReportSources(config=help_centre / "mkdocs.yml", feedback=url, today=TODAY)
    )
    fr, en = report.per_locale["fr"].synonyms, report.per_locale["en"].synonyms
    assert fr is not None and en is not None
    assert (fr.reformulations, fr.proposed) == (10, 1)
    [proposal] = fr.proposals
    assert (proposal.title, proposal.path, proposal.then_query) == (
        "Suivre",
        "docs/fr/orders/track-your-order.md",
        "suivi colis",
    )
    assert [(q.query, q.count) for q in proposal.queries] == [
        ("colis perdu", 3),
        ("rembourssement", 2),
    ]
    assert proposal.synonyms_line == "suivi colis, colis perdu, rembourssement"
    assert proposal.aliases_line == 'aliases: ["colis perdu", "rembourssement"]'
    [receipt] = en.proposals
    assert (receipt.title, receipt.count) == ("A perfect page", 2)
    assert report.overall.synonyms is not None and report.overall.synonyms.proposed == 2

    data = json.loads(render_json(report))
    assert data["per_locale"]["fr"]["synonyms"]["proposals"][0]["synonyms_line"] == (
        "suivi colis, colis perdu, rembourssement"
    )
    markdown = render_markdown(report)
    section = markdown[markdown.index("## Proposed synonyms") :]
    assert "suivi colis, colis perdu, rembourssement" in section
    assert "Suivre (docs/fr/orders/track-your-order.md): 5 readers" in section
    # Reader text: escaped in prose, and no fence a query can close around the lines to paste.
    assert "<b>" not in section.split("````")[0]
    assert "````\n  <b>reciept</b> ```, receipt" not in section
    assert "  ````" in section
    html = render_html(report)
    assert (
        'id="synonyms"' in html
        and "&lt;b&gt;reciept&lt;/b&gt;" in html
        and "<b>reciept" not in html
    )
    assert "suivi colis, colis perdu, rembourssement" in html
    for left_out in ("livraison", "sivi", "where is my parcel"):
        assert left_out not in section and f"<q>{left_out}</q>" not in html

    public = public_view(report)
    for text in (render_html(public), render_markdown(public), render_json(public)):
        assert "colis perdu" not in text and "rembourssement" not in text and "reciept" not in text
    assert "proposals: 2 (" in render_markdown(public)
    assert "private report" in render_html(public)


def test_a_summary_without_reformulations_is_no_data(help_centre: Path) -> None:
    summary = FeedbackSummary(generated_at="", since="2025-03-01", until="2025-03-31")
    assert propose_synonyms(summary) is None
    assert propose_synonyms(None) is None
    report = collect_report(ReportSources(config=help_centre / "mkdocs.yml", today=TODAY))
    assert report.overall.synonyms is None
    assert "No data: the feedback data has no reformulations." in render_markdown(report)


def test_proposals_on_pages_the_docs_no_longer_have_and_commas_in_queries() -> None:
    pair = Reformulation(
        "de", "geld, zurück", "erstattung", "gone/page", 2, "2025-03-01", "2025-03-02"
    )
    summary = FeedbackSummary(
        generated_at="", since="2025-03-01", until="2025-03-31", reformulations={"de": [pair]}
    )
    figures = propose_synonyms(summary, articles={("de", "other"): ArticleRef("T", "docs/de/o.md")})
    assert figures is not None
    [proposal] = figures["de"].proposals
    assert (proposal.title, proposal.path) == (None, None)
    # A comma would split the member in the synonyms file.
    assert proposal.synonyms_line == "erstattung, geld zurück"
    assert known_pairs([("A", "b", "c")]) == {
        frozenset(("a", "b")),
        frozenset(("a", "c")),
        frozenset(("b", "c")),
    }


def test_foreign_docs_without_front_matter_and_their_own_synonyms_file(tmp_path: Path) -> None:
    """Markdown we did not write: no front matter, spaces and accents in names, a synonyms file
    where ``helpcentre/search > synonyms_file`` puts it, a locale without stemmer."""
    write(
        tmp_path,
        "mkdocs.yml",
        "site_name: Foreign\ntheme:\n  name: material\nplugins:\n  - search\n"
        "  - helpcentre/search:\n      synonyms_file: words/{locale}.txt\n"
        "  - helpcentre/i18n:\n      default_locale: en\n      locales:\n"
        "        - locale: en\n        - locale: pl\n",
    )
    write(tmp_path, "docs/en/Getting started/Café au lait.md", "# Coffee with milk\n\nHot.\n")
    write(tmp_path, "docs/pl/Pierwsze kroki/Zażółć.md", "# Gęślą jaźń\n\nTekst.\n")
    write(tmp_path, "words/pl.txt", "kawa, napój\n")
    url = f"sqlite:///{tmp_path / 'feedback.db'}"
    records = [
        reformulation(days_ago(1), f"r{n}", locale, query, then, page)
        for n in range(2)
        for locale, query, then, page in (
            ("en", "latte", "coffee", "Getting started/Café au lait"),
            # The shipped lexicon joins these already: the search finds one for the other.
            ("en", "money back", "refund", "Getting started/Café au lait"),
            ("pl", "zazolc", "zażółć", "Pierwsze kroki/Zażółć"),
            ("pl", "napój", "kawa", "Pierwsze kroki/Zażółć"),  # joined in words/pl.txt
            # English's article, shown in Polish as a fallback page.
            ("pl", "mleko", "coffee", "Getting started/Café au lait"),
        )
    ]
    with open_store(url) as store:
        store.record(records)
    report = collect_report(
        ReportSources(config=tmp_path / "mkdocs.yml", feedback=url, today=TODAY)
    )
    en, pl = report.per_locale["en"].synonyms, report.per_locale["pl"].synonyms
    assert en is not None and pl is not None

    # Outside a repository the model names files from the working folder.
    def named(proposals):  # noqa: ANN001, ANN202
        return sorted(
            (p.title, p.path.split(str(tmp_path) + "/")[-1], p.synonyms_line) for p in proposals
        )

    assert named(en.proposals) == [
        ("Coffee with milk", "docs/en/Getting started/Café au lait.md", "coffee, latte")
    ]
    assert named(pl.proposals) == [
        ("Coffee with milk", "docs/en/Getting started/Café au lait.md", "coffee, mleko"),
        ("Gęślą jaźń", "docs/pl/Pierwsze kroki/Zażółć.md", "zażółć, zazolc"),
    ]
