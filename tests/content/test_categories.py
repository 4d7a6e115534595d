"""Grouping a locale's articles into configured categories and sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcentre.content.article import read_locale
from helpcentre.content.categories import (
    group_articles,
    parse_categories,
    promoted_articles,
)
from helpcentre.content.frontmatter import ContentError


def write(folder: Path, path: str, front: str) -> None:
    file = folder / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"---\n{front}\n---\n\nBody.\n", encoding="utf-8")


SPECS = [
    {
        "id": "billing",
        "name": "Billing",
        "icon": "material/credit-card-outline",
        "sections": {"paying": "Paying", "invoices": "Invoices"},
    },
    {"id": "empty", "name": "Empty"},
]


def test_sections_follow_configuration_and_articles_their_order(tmp_path: Path) -> None:
    write(tmp_path, "billing/b.md", "title: B\ncategory: billing\nsection: paying\norder: 20")
    write(tmp_path, "billing/a.md", "title: A\ncategory: billing\nsection: paying\norder: 10")
    write(
        tmp_path, "billing/v.md", "title: V\ncategory: billing\nsection: invoices\npromoted: true"
    )
    write(tmp_path, "billing/z.md", "title: Z\ncategory: billing\nsection: zebra")
    write(tmp_path, "index.md", "title: Home")
    write(tmp_path, "contact.md", "title: Contact\ntype: contact\ncategory: billing")
    listings = group_articles(parse_categories(SPECS, source="mkdocs.yml"), read_locale(tmp_path))
    billing, empty = listings
    assert [s.id for s in billing.sections] == ["paying", "invoices", "zebra"]
    assert [s.name for s in billing.sections] == ["Paying", "Invoices", "Zebra"]
    assert [e.title for e in billing.sections[0].articles] == ["A", "B"]
    assert billing.count == 4 and empty.count == 0
    assert [e.title for e in promoted_articles(listings)] == ["V"]


def test_unknown_category_is_left_out_of_the_listings(tmp_path: Path) -> None:
    # The site model reports it (tests/site); the listings never show it.
    write(tmp_path, "x/a.md", "title: A\ncategory: biling")
    listings = group_articles(parse_categories(SPECS, source="mkdocs.yml"), read_locale(tmp_path))
    assert all(listing.count == 0 for listing in listings)


def test_top_folder_is_the_category_of_articles_without_one(tmp_path: Path) -> None:
    write(tmp_path, "billing/a.md", "title: A")
    listings = group_articles(parse_categories(SPECS, source="mkdocs.yml"), read_locale(tmp_path))
    billing = next(listing for listing in listings if listing.spec.id == "billing")
    assert [entry.path for section in billing.sections for entry in section.articles] == [
        "billing/a.md"
    ]


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ([{"name": "No id"}], "has no 'id'"),
        ([{"id": "a", "name": "A"}, {"id": "a", "name": "B"}], "configured twice"),
        ([{"id": "a", "name": "A", "sections": ["x"]}], "must be a mapping"),
    ],
)
def test_bad_category_configuration(raw: list, problem: str) -> None:
    with pytest.raises(ContentError, match=problem):
        parse_categories(raw, source="mkdocs.yml")
