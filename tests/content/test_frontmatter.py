"""Front matter parsing keeps line numbers and names the fix."""

from __future__ import annotations

import datetime as dt

import pytest

from helpcentre.content.frontmatter import ContentError, parse_front_matter


def test_keys_values_and_lines() -> None:
    text = "---\ntitle: Track it\ntags: [a, b]\nreviewed: 2026-01-02\n---\nBody\n"
    front = parse_front_matter("docs/en/a.md", text)
    assert front.meta == {"title": "Track it", "tags": ["a", "b"], "reviewed": dt.date(2026, 1, 2)}
    assert front.lines == {"title": 2, "tags": 3, "reviewed": 4}
    assert front.body == "Body\n"
    assert front.body_line == 6


def test_no_front_matter_is_all_body() -> None:
    front = parse_front_matter("a.md", "# Title\n\ntext\n")
    assert front.meta == {} and front.body_line == 1 and front.body.startswith("# Title")


def test_invalid_yaml_names_line_and_fix() -> None:
    with pytest.raises(ContentError) as caught:
        parse_front_matter("docs/fr/a.md", "---\ntitle: ok\ndescription: [open\nx: 1\n---\n")
    assert caught.value.message.startswith("docs/fr/a.md:")
    assert caught.value.line in (3, 4, 5)
    assert "not valid YAML" in caught.value.problem
    assert "key: value" in caught.value.fix


def test_unclosed_block() -> None:
    with pytest.raises(ContentError, match=r"a.md:1: front matter is opened"):
        parse_front_matter("a.md", "---\ntitle: x\nbody\n")


def test_a_list_is_not_a_mapping() -> None:
    with pytest.raises(ContentError, match="must be a mapping"):
        parse_front_matter("a.md", "---\n- a\n- b\n---\n")


def test_impossible_date_names_its_line() -> None:
    with pytest.raises(ContentError) as caught:
        parse_front_matter("docs/en/a.md", "---\ntitle: A\nreviewed: 2026-02-30\n---\n")
    assert caught.value.line == 3
    assert caught.value.problem.startswith("'reviewed': '2026-02-30' is not a date")
    assert "YYYY-MM-DD" in caught.value.fix
