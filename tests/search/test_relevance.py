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
#: Queries as customers type them (bench/search_queries_customers.yml), and the floors of MRR@10
#: and success@3 each locale keeps on them, some 0.05 under what was measured 2026-12-07 with
#: the lexicon's negating phrases, words run together and split apart, and the frequent words
#: of the language left uncorrected, Turkish verb endings, the lexicon's words at 3 of a typed
#: word's 10 (at 10 for a word the articles never write) and lexicon phrases found through
#: one-word equivalents (MRR@10/success@3; Material's search and Pagefind 1.6 in
#: the same run in the comments); 2026-12-08 with a fifth of a group's other items' scores in its
#: rank. Before the lexicon, filler, fields and correction: MRR@10
#: en 0.70, fr 0.62, it 0.51, es 0.59, ja 0.62.
CUSTOMER_QUERIES = ROOT / "bench" / "search_queries_customers.yml"
CUSTOMER_FLOORS = {
    "en": (0.79, 0.89),  # 0.85/0.91 (Material 0.45/0.46, Pagefind 0.20/0.23)
    "fr": (0.77, 0.83),  # 0.83/0.89 (Material 0.29/0.37, Pagefind 0.31/0.33)
    "it": (0.74, 0.75),  # 0.80/0.84 (Material 0.17/0.20, Pagefind 0.24/0.24)
    "es": (0.71, 0.72),  # 0.76/0.78 (Material 0.26/0.22, Pagefind 0.35/0.33)
    "ja": (0.88, 0.85),  # 0.93/0.92 (Material 0.00/0.00, Pagefind 0.48/0.50)
    "ko": (0.80, 0.80),  # 0.85/0.86 (Material 0.47/0.50, Pagefind 0.29/0.29)
    "id": (0.76, 0.85),  # 0.86/0.93 (Material 0.55/0.64, Pagefind 0.31/0.36)
    "de": (0.81, 0.85),  # 0.87/0.90 (Material 0.61/0.80, Pagefind 0.34/0.40)
    "pt-BR": (0.85, 0.90),  # 0.93/0.95 (Material 0.52/0.50, Pagefind 0.48/0.45)
    # tr: verb endings stripped and Snowball made idempotent around it (0.72/0.83 before)
    "tr": (0.77, 0.83),  # 0.83/0.89 (Material 0.37/0.39, Pagefind 0.34/0.39)
    # ar: lunr-languages' Arabic stemmer on both sides (0.63/0.78 without it)
    "ar": (0.91, 0.94),  # 0.97/1.00 (Material 0.55/0.56, Pagefind 0.46/0.50)
    "pl": (0.78, 0.80),  # 0.87/0.90 (Material 0.49/0.65, Pagefind 0.20/0.20)
}
#: Locales that also have the query set in the words of the titles (bench/search_queries.yml);
#: the others are measured on the customers' queries only.
WRITTEN_QUERIES_LOCALES = {"en", "fr", "it", "es", "ja"}
#: Locales whose customer queries are written but whose floors are not measured yet.
AWAITING_FLOORS: set[str] = set()

#: Customers' queries over a help centre we did not write (bench/search_queries_arduino.yml over
#: the Arduino Help Center in bench/corpora/arduino, built with no synonyms file, as a new user
#: would), and the floors of MRR@10 and success@3 per locale (measured 2026-12-08: en 0.68/0.83;
#: 2026-12-07: 0.67/0.78,
#: 0.62/0.73 before unwritten words weighed as typed and phrases met one-word equivalents,
#: 0.59/0.72 with the lexicon's words at 2, 0.51/0.63 a session before; Material's search
#: 0.18/0.22, Pagefind 1.6 0.13/0.15).
ARDUINO_QUERIES = ROOT / "bench" / "search_queries_arduino.yml"
ARDUINO_DOCS = ROOT / "bench" / "corpora" / "arduino" / "docs"
ARDUINO_FLOORS = {"en": (0.62, 0.73)}

#: Customer queries kept out of any tuning (bench/search_queries_heldout.yml), and their floors
#: (measured 2026-12 when the set was written: MRR@10/success@3 fr 0.79/0.81, it 0.83/0.82,
#: es 0.83/0.94; 2026-12-07: fr 0.76/0.81, it 0.83/0.82, es 0.92/1.00; 2026-12-08: es 0.97/1.00).
HELDOUT_QUERIES = ROOT / "bench" / "search_queries_heldout.yml"
HELDOUT_FLOORS = {"fr": (0.75, 0.75), "it": (0.78, 0.76), "es": (0.86, 0.95)}


def test_query_set_covers_every_locale_and_kind() -> None:
    queries = load_queries(QUERIES)
    assert len(queries) >= 60
    assert {q.locale for q in queries} == WRITTEN_QUERIES_LOCALES
    assert {q.kind for q in queries} == {"inflection", "synonym", "typo", "question", "keyword"}


def test_customer_query_set_is_large_and_covers_every_reference_locale() -> None:
    queries = load_queries(CUSTOMER_QUERIES)
    assert len(queries) >= 100
    assert {q.locale for q in queries} == set(CUSTOMER_FLOORS) | AWAITING_FLOORS
    assert {"symptom", "typo", "accents", "question"} <= {q.kind for q in queries}


def test_heldout_query_set_has_15_queries_in_each_floored_locale() -> None:
    queries = answerable(load_queries(HELDOUT_QUERIES), ROOT / "docs")
    for locale in HELDOUT_FLOORS:
        assert sum(q.locale == locale for q in queries) >= 15, locale


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


@pytest.mark.parametrize("locale", list(CUSTOMER_FLOORS))
def test_relevance_floor(locale: str, tmp_path: Path) -> None:
    if not shutil.which("node"):
        missing("node is not installed")
    queries = [q for q in answerable(load_queries(QUERIES), ROOT / "docs") if q.locale == locale]
    if locale in WRITTEN_QUERIES_LOCALES and len(queries) < 5:
        pytest.skip(f"{locale}: fewer than 5 labelled queries have their articles written yet")
    customers = [
        q for q in answerable(load_queries(CUSTOMER_QUERIES), ROOT / "docs") if q.locale == locale
    ]
    # A locale without a synonyms file yet is measured without one.
    has_synonyms = (ROOT / "locales" / locale / "synonyms.txt").is_file()
    heldout = [
        q for q in answerable(load_queries(HELDOUT_QUERIES), ROOT / "docs") if q.locale == locale
    ]
    site = build_locale_site(
        ROOT / "docs" / locale,
        locale,
        tmp_path,
        synonyms_file=str(ROOT / "locales" / "{locale}" / "synonyms.txt") if has_synonyms else None,
    )
    ranks = browser_ranks(
        locale,
        site / "search" / "helpcentre-index.json",
        [q.query for q in queries + customers + heldout],
    )
    if locale in WRITTEN_QUERIES_LOCALES:
        measured = relevance(ranks[: len(queries)], queries)
        assert measured.mrr_at_10 >= 0.75, measured
        assert measured.success_at_3 >= 0.8, measured
        # Answer cards: at least 0.9 of those shown answer the query (none when unsure).
        index = site / "search" / "helpcentre-index.json"
        cards = card_measure(browser_cards(locale, index, [q.query for q in queries]), queries)
        assert cards.precision >= 0.9, cards
        assert cards.cards >= 1, cards
    measured = relevance(ranks[len(queries) : len(queries) + len(customers)], customers)
    mrr, success = CUSTOMER_FLOORS[locale]
    assert measured.queries >= 10, measured
    assert measured.mrr_at_10 >= mrr, measured
    assert measured.success_at_3 >= success, measured
    if locale in HELDOUT_FLOORS:
        measured = relevance(ranks[len(queries) + len(customers) :], heldout)
        mrr, success = HELDOUT_FLOORS[locale]
        assert measured.mrr_at_10 >= mrr, measured
        assert measured.success_at_3 >= success, measured


def test_foreign_query_set_is_large_and_every_answer_exists() -> None:
    queries = load_queries(ARDUINO_QUERIES)
    assert len(queries) >= 40
    assert answerable(queries, ARDUINO_DOCS) == queries
    assert {q.locale for q in queries} == set(ARDUINO_FLOORS)
    for locale in ARDUINO_FLOORS:
        assert len(list((ARDUINO_DOCS / locale).rglob("*.md"))) >= 150


@pytest.mark.parametrize("locale", sorted(ARDUINO_FLOORS))
def test_relevance_floor_on_a_help_centre_we_did_not_write(locale: str, tmp_path: Path) -> None:
    if not shutil.which("node"):
        missing("node is not installed")
    queries = [q for q in load_queries(ARDUINO_QUERIES) if q.locale == locale]
    site = build_locale_site(ARDUINO_DOCS / locale, locale, tmp_path)
    index = site / "search" / "helpcentre-index.json"
    measured = relevance(browser_ranks(locale, index, [q.query for q in queries]), queries)
    mrr, success = ARDUINO_FLOORS[locale]
    assert measured.mrr_at_10 >= mrr, measured
    assert measured.success_at_3 >= success, measured
