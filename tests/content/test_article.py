"""The article model validates front matter types and slugs."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcentre.content.article import duplicate_slugs, read_locale


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
        ("title: A\nslug: Not A Slug", "docs/en/a/b.md:3: slug 'Not A Slug'"),
        ("title: A\npromoted: 1", "docs/en/a/b.md:3: 'promoted' has the wrong type"),
    ],
)
def test_wrong_values_name_line_and_fix(tmp_path: Path, front: str, message: str) -> None:
    write(tmp_path, "a/b.md", front)
    article = read_locale(tmp_path, display_prefix="docs/en/")["a/b.md"]
    assert [problem.message[: len(message)] for problem in article.problems] == [message]
    assert " -- write " in article.problems[0].message


def test_every_wrong_key_of_a_file_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a/b.md", "title: A\norder: ten\ntype: howto\npromoted: 1\nslug: Not A Slug")
    article = read_locale(tmp_path, display_prefix="docs/en/")["a/b.md"]
    assert [problem.line for problem in article.problems] == [3, 4, 5, 6]
    assert "unknown article type 'howto'" in article.problems[1].problem


def test_foreign_values_are_read_as_meant(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a/b.md",
        "title: A\ndescription:\naliases: refund, money back\nreviewed: '2026-08-14'",
    )
    article = read_locale(tmp_path)["a/b.md"]
    assert article.problems == []
    assert article.meta["aliases"] == ["refund", "money back"]
    assert article.description == "Body."


def test_title_and_description_from_the_text(tmp_path: Path) -> None:
    (tmp_path / "Obsidian Sync").mkdir()
    (tmp_path / "Obsidian Sync" / "Security and privacy.md").write_text(
        "# Security and *privacy*\n\nYour notes are encrypted end to end.\n\n## More\n",
        encoding="utf-8",
    )
    article = read_locale(tmp_path)["Obsidian Sync/Security and privacy.md"]
    assert article.title == "Security and privacy"
    assert article.description == "Your notes are encrypted end to end."
    assert article.page_id == "Obsidian Sync/Security and privacy"


def test_same_file_name_in_two_folders_is_no_clash(tmp_path: Path) -> None:
    write(tmp_path, "advanced/middleware.md", "title: A")
    write(tmp_path, "reference/middleware.md", "title: B")
    assert duplicate_slugs(read_locale(tmp_path).values()) == []


def test_declared_slug_twice_is_a_clash(tmp_path: Path) -> None:
    write(tmp_path, "orders/track.md", "title: A\nslug: track")
    write(tmp_path, "shipping/where.md", "title: B\nslug: track")
    problems = duplicate_slugs(read_locale(tmp_path).values(), display_prefix="docs/en/")
    assert [problem.message.split(" -- ")[0] for problem in problems] == [
        "docs/en/shipping/where.md:3: slug 'track' is already declared by docs/en/orders/track.md"
    ]


def test_not_utf8_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"---\ntitle: A\n---\n\nCaf\xe9\n")
    article = read_locale(tmp_path, display_prefix="docs/en/")["a.md"]
    assert article.problems[0].message.startswith("docs/en/a.md:5: the file is not UTF-8")
