"""JSON-LD of FAQ and guide articles, checked against the shapes Google documents."""

from __future__ import annotations

import json
from pathlib import Path

from helpcentre.content.frontmatter import parse_front_matter
from helpcentre.content.structured_data import (
    faq_pairs,
    guide_steps,
    script_tag,
    structured_data,
)
from helpcentre.content.templates import SKELETONS

ROOT = Path(__file__).resolve().parents[2]


def assert_faq_page(data: dict) -> None:
    """FAQPage: mainEntity is a non-empty list of Question with acceptedAnswer Answer.text."""
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    assert isinstance(data["mainEntity"], list) and data["mainEntity"]
    for question in data["mainEntity"]:
        assert question["@type"] == "Question"
        assert isinstance(question["name"], str) and question["name"].strip()
        answer = question["acceptedAnswer"]
        assert answer["@type"] == "Answer"
        assert isinstance(answer["text"], str) and answer["text"].strip()


def assert_how_to(data: dict) -> None:
    """HowTo: a name and a non-empty step list of HowToStep with text."""
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "HowTo"
    assert isinstance(data["name"], str) and data["name"].strip()
    assert isinstance(data["step"], list) and data["step"]
    for step in data["step"]:
        assert step["@type"] == "HowToStep"
        assert isinstance(step["text"], str) and step["text"].strip()


def body_of(path: Path) -> tuple[dict, str]:
    front = parse_front_matter(path, path.read_text(encoding="utf-8"))
    return front.meta, front.body


def test_faq_article_gives_every_question_with_its_answer() -> None:
    meta, body = body_of(ROOT / "docs/en/orders/track-your-order.md")
    data = structured_data("faq", title=meta["title"], body=body, url="https://x.example/a/")
    assert_faq_page(data)
    names = [q["name"] for q in data["mainEntity"]]
    assert names[0] == "Where can I see my tracking number?"
    assert len(names) == body.count("\n## ")
    first = data["mainEntity"][0]["acceptedAnswer"]["text"]
    # Markdown is reduced to text: no markup, no attribute lists, no stray space before punctuation.
    assert "**" not in first and "{#" not in first and " ," not in first
    assert "My account > Orders, open the order" in first


def test_guide_article_gives_numbered_steps_in_order() -> None:
    meta, body = body_of(ROOT / "docs/en/orders/change-or-cancel-an-order.md")
    data = structured_data("guide", title=meta["title"], body=body)
    assert_how_to(data)
    assert data["name"] == meta["title"]
    assert [s["position"] for s in data["step"]] == list(range(1, len(data["step"]) + 1))
    assert data["step"][0]["text"].startswith("Sign in and go to My account")


def test_every_reference_faq_and_guide_in_every_locale_has_valid_json_ld() -> None:
    checked = 0
    for path in sorted((ROOT / "docs").glob("*/*/*.md")):
        meta, body = body_of(path)
        kind = meta.get("type")
        if kind not in {"faq", "guide"}:
            continue
        data = structured_data(kind, title=meta["title"], body=body)
        assert data is not None, f"{path} has no {kind} structure"
        (assert_faq_page if kind == "faq" else assert_how_to)(data)
        checked += 1
    assert checked > 20


def test_headings_in_code_fences_and_continuation_lines() -> None:
    body = (
        "Intro.\n\n## Steps {#steps}\n\n1. Open the page\n   and scroll down.\n\n"
        "2. Select **Save**.\n\n   ```\n   ## not a heading\n   ```\n\nAfter the list.\n\n"
        "## Next {#next}\n\nMore.\n"
    )
    # The fenced "## not a heading" does not end the Steps block; the paragraph ends the list.
    assert guide_steps(body) == ["Open the page and scroll down.", "Select Save. ## not a heading"]
    assert faq_pairs("## Empty? {#e}\n\n## Full? {#f}\n\nYes.\n") == [("Full?", "Yes.")]


def test_types_without_structure_and_empty_articles_give_none() -> None:
    assert structured_data("troubleshooting", title="T", body="## Fix {#fix}\n\nDo it.") is None
    assert structured_data("faq", title="T", body="No questions here.") is None
    assert structured_data("guide", title="T", body="## Steps {#steps}\n\nNo list.") is None


def test_writer_skeletons_produce_valid_structured_data() -> None:
    assert_faq_page(structured_data("faq", title="T", body=SKELETONS["faq"]))
    assert_how_to(structured_data("guide", title="T", body=SKELETONS["guide"]))


def test_script_tag_is_json_and_cannot_close_the_script_early() -> None:
    tag = script_tag({"@type": "FAQPage", "x": "</script><b>"})
    assert tag.startswith('<script type="application/ld+json">')
    inner = tag[len('<script type="application/ld+json">') : -len("</script>")]
    assert "</" not in inner
    assert json.loads(inner)["x"] == "</script><b>"
