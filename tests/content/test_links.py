"""Links and anchors found in Markdown, checked with line numbers."""

from __future__ import annotations

from helpcentre.content.links import anchors_in_html, anchors_in_markdown, find_links


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


def test_footnote_definitions_are_not_links() -> None:
    text = "Works on iOS.[^ios]\n\n[^ios]: requires iOS 12.4 or later, see [this](a.md).\n"
    assert [link.target for link in find_links("x/y.md", text)] == ["a.md"]


def test_anchors_follow_attr_list_and_toc() -> None:
    anchors = anchors_in_markdown("## Steps {#steps}\n\n## What happens next\n")
    assert anchors == {"steps", "what-happens-next"}
    assert anchors_in_html('<h2 id="a">A</h2><a name="b"></a>') == {"a", "b"}
