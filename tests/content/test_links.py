"""Links and anchors found in Markdown, checked with line numbers."""

from __future__ import annotations

from pathlib import Path

from helpcentre.content.links import (
    anchors_in_html,
    anchors_in_markdown,
    broken_links,
    check_links,
    find_links,
)


def test_find_links_skips_code_and_external() -> None:
    text = (
        "See [a](a.md) and ![img](pic.png).\n"
        "`[code](no.md)` and [web](https://example.com) [mail](mailto:x@y.z)\n"
        "```\n[fenced](no.md)\n```\n"
        "    [in admonition](b.md#steps)\n"
        "[ref]: ../c.md\n"
    )
    links = find_links("x/y.md", text, first_line=5)
    assert [(link.line, link.target) for link in links] == [
        (5, "a.md"),
        (5, "pic.png"),
        (10, "b.md#steps"),
        (11, "../c.md"),
    ]
    assert links[2].resolve() == ("x/b.md", "steps")
    assert links[3].resolve() == ("c.md", "")


def test_anchors_follow_attr_list_and_toc() -> None:
    anchors = anchors_in_markdown("## Steps {#steps}\n\n## What happens next\n")
    assert anchors == {"steps", "what-happens-next"}
    assert anchors_in_html('<h2 id="a">A</h2><a name="b"></a>') == {"a", "b"}


def test_check_links_reports_missing_page_and_anchor() -> None:
    links = find_links("orders/a.md", "[x](b.md#nope) [y](../gone.md) [z](b.md#ok) [i](../img.png)")
    problems = check_links(
        links,
        {"orders/a.md": set(), "orders/b.md": {"ok"}, "img.png": None},
        path_prefix="docs/en/",
    )
    messages = [problem.message for problem in problems]
    assert messages[0].startswith(
        "docs/en/orders/a.md:1: link 'b.md#nope' points to a missing anchor"
    )
    assert "use one of the page's anchors (ok)" in messages[0]
    assert messages[1].startswith(
        "docs/en/orders/a.md:1: link '../gone.md' points to a missing page"
    )
    assert len(messages) == 2


def test_broken_links_over_a_locale_folder(tmp_path: Path) -> None:
    folder = tmp_path / "docs" / "en"
    (folder / "orders").mkdir(parents=True)
    (folder / "orders" / "a.md").write_text(
        "---\ntitle: A\n---\n\nGo to [b](b.md#steps).\n\nAnd [c](c.md).\n", encoding="utf-8"
    )
    (folder / "orders" / "b.md").write_text("## Steps {#steps}\n", encoding="utf-8")
    problems = broken_links(folder)
    assert [problem.message.split(" -- ")[0] for problem in problems] == [
        "docs/en/orders/a.md:7: link 'c.md' points to a missing page"
    ]
