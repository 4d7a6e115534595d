"""Relevance floor on the labelled query set, measured with the code the browser runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser_code import browser_cards, browser_ranks
from conftest import missing
from relevance import (
    QueryFileError,
    answerable,
    build_locale_site,
    card_measure,
    load_queries,
    reciprocal_rank,
    relevance,
)

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "bench" / "search_queries.yml"


def test_query_set_covers_every_locale_and_kind() -> None:
    queries = load_queries(QUERIES)
    assert len(queries) >= 60
    assert {q.locale for q in queries} == {"en", "fr", "it", "es", "ja"}
    assert {q.kind for q in queries} == {"inflection", "synonym", "typo", "question", "keyword"}


def test_bad_query_file_names_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "q.yml"
    path.write_text("- {locale: en, query: x, answers: [orders/track-your-order.md]}\n", "utf-8")
    with pytest.raises(QueryFileError, match="q.yml: entry 1: answers are ids"):
        load_queries(path)


def test_card_measure() -> None:
    queries = load_queries(QUERIES)[:3]
    right = {"article": f"{queries[0].answers[0]}/"}
    wrong = {"article": "elsewhere/"}
    measured = card_measure([right, None, wrong], queries)
    assert (measured.queries, measured.cards, measured.right) == (3, 2, 1)
    assert measured.coverage == pytest.approx(2 / 3) and measured.precision == 0.5


def test_reciprocal_rank() -> None:
    ranked = ["", "orders/a/#x", "orders/b/"]
    assert reciprocal_rank(ranked, ["orders/b"]) == pytest.approx(1 / 3)
    assert reciprocal_rank(ranked, ["orders/a"]) == 0.5
    assert reciprocal_rank(ranked, ["orders/c"]) == 0.0


@pytest.mark.parametrize("locale", ["en", "fr", "it", "es", "ja"])
def test_relevance_floor(locale: str, tmp_path: Path) -> None:
    if not shutil.which("node"):
        missing("node is not installed")
    queries = [q for q in answerable(load_queries(QUERIES), ROOT / "docs") if q.locale == locale]
    if len(queries) < 5:
        pytest.skip(f"{locale}: fewer than 5 labelled queries have their articles written yet")
    site = build_locale_site(
        ROOT / "docs" / locale,
        locale,
        tmp_path,
        synonyms_file=str(ROOT / "locales" / "{locale}" / "synonyms.txt"),
    )
    ranks = browser_ranks(
        locale, site / "search" / "helpcentre-index.json", [q.query for q in queries]
    )
    measured = relevance(ranks, queries)
    assert measured.mrr_at_10 >= 0.75, measured
    assert measured.success_at_3 >= 0.8, measured
    # Answer cards: at least 0.9 of those shown answer the query (none when unsure).
    index = site / "search" / "helpcentre-index.json"
    cards = card_measure(browser_cards(locale, index, [q.query for q in queries]), queries)
    assert cards.precision >= 0.9, cards
    assert cards.cards >= 1, cards
