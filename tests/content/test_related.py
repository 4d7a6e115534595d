"""Related articles: same section first, then shared tags, then text similarity."""

from __future__ import annotations

from helpcentre.content.related import RelatedInput, related_articles, terms


def item(
    page_id: str, section: str = "", tags: tuple[str, ...] = (), text: str = ""
) -> RelatedInput:
    return RelatedInput(page_id, section, frozenset(tags), text)


TARGET = item("orders/track", "orders/tracking", ("tracking", "delivery"), "Track your parcel")


def test_same_section_beats_shared_tags_which_beat_similar_text() -> None:
    candidates = [
        item("a/similar", "a/other", (), "Track your parcel with the tracking number parcel"),
        item("b/two-tags", "b/x", ("tracking", "delivery"), "Gift cards"),
        item("c/one-tag", "c/x", ("delivery",), "Gift cards"),
        item("orders/section", "orders/tracking", (), "Unrelated words entirely"),
        TARGET,
    ]
    assert related_articles(TARGET, candidates) == [
        "orders/section",
        "b/two-tags",
        "c/one-tag",
        "a/similar",
    ]


def test_unrelated_articles_are_left_out_and_limit_applies() -> None:
    candidates = [item(f"x/{n}", "x/s", (), "gift card balance") for n in range(3)]
    candidates += [item(f"y/{n}", "orders/tracking", (), "anything") for n in range(7)]
    result = related_articles(TARGET, candidates, limit=5)
    assert len(result) == 5
    assert all(page_id.startswith("y/") for page_id in result)
    assert related_articles(TARGET, candidates[:3]) == []


def test_similarity_orders_within_equal_section_and_tags() -> None:
    candidates = [
        item("p/less", text="parcel refund invoice"),
        item("p/more", text="track parcel tracking parcel"),
        item("p/none", text="gift card balance"),
    ]
    assert related_articles(TARGET, candidates) == ["p/more", "p/less"]


def test_empty_section_does_not_count_as_same_section() -> None:
    target = item("t", "", (), "alpha")
    assert related_articles(target, [item("u", "", (), "beta")]) == []


def test_terms_handle_cjk_bigrams_and_drop_common_words() -> None:
    assert set(terms("注文の追跡")) >= {"注文", "追跡"}
    assert "the" not in terms("the parcel") and terms("the parcel")["parcel"] == 1
