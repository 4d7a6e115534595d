"""The article model validates front matter types and slugs."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcentre.content.article import read_locale
from helpcentre.content.frontmatter import ContentError


def write(folder: Path, path: str, front: str) -> None:
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"---\n{front}\n---\n\nBody.\n", encoding="utf-8")


def test_reads_articles_with_ids_and_slugs(tmp_path: Path) -> None:
    write(tmp_path, "orders/track-your-order.md", "title: Track\ntype: faq\norder: 10")
    write(tmp_path, "index.md", "title: Home")
    articles = read_locale(tmp_path, display_prefix="docs/en/")
    article = articles["orders/track-your-order.md"]
    assert article.page_id == "orders/track-your-order"
    assert article.slug == "track-your-order"
    assert articles["index.md"].is_index


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: A\norder: ten", "docs/en/a/b.md:3: 'order' has the wrong type"),
        ("title: A\ntype: recipe", "docs/en/a/b.md:3: unknown article type 'recipe'"),
        ("title: A\nreviewed: 14/08/2026", "docs/en/a/b.md:3: 'reviewed' has the wrong type"),
        ("title: A\ntags: tracking", "docs/en/a/b.md:3: 'tags' has the wrong type"),
        ("title: A\nslug: Not A Slug", "docs/en/a/b.md:3: slug 'Not A Slug'"),
        ("title: A\npromoted: 1", "docs/en/a/b.md:3: 'promoted' has the wrong type"),
    ],
)
def test_wrong_values_name_line_and_fix(tmp_path: Path, front: str, message: str) -> None:
    write(tmp_path, "a/b.md", front)
    with pytest.raises(ContentError) as caught:
        read_locale(tmp_path, display_prefix="docs/en/")
    assert caught.value.message.startswith(message)
    assert " -- write " in caught.value.message


def test_duplicate_slug_across_categories(tmp_path: Path) -> None:
    write(tmp_path, "orders/track.md", "title: A")
    write(tmp_path, "shipping/track.md", "title: B")
    with pytest.raises(
        ContentError, match="slug 'track' is already used by docs/en/orders/track.md"
    ):
        read_locale(tmp_path, display_prefix="docs/en/")


def test_front_matter_slug_resolves_a_clash(tmp_path: Path) -> None:
    write(tmp_path, "orders/track.md", "title: A")
    write(tmp_path, "shipping/track.md", "title: B\nslug: track-shipment")
    assert len(read_locale(tmp_path)) == 2
