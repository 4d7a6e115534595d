"""Context rules -> suggested articles: plain functions over the site model, no MkDocs; wrong
rules are part of the model's verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from helpcentre.site import load_site, site_settings
from helpcentre.site.contexts import (
    ContextError,
    ContextRule,
    context_for_path,
    glob_matches,
    parse_contexts,
)
from helpcentre.site.offered import offered_articles
from helpcentre.widget.contexts import suggested_articles

WHERE = "mkdocs.yml: plugins > helpcentre/widget > contexts"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    """Markdown we did not write: no front matter but a few tags, names with spaces and accents,
    a language without a stemmer (Greek)."""
    docs = tmp_path / "docs"
    write(docs / "index.md", "# Βοήθεια\n")
    write(docs / "Λογαριασμός" / "Αλλαγή κωδικού.md", "# Αλλαγή κωδικού\n\nΚείμενο.\n")
    write(docs / "Λογαριασμός" / "index.md", "# Λογαριασμός\n")
    write(
        docs / "Πληρωμές" / "Κάρτα απορρίφθηκε.md",
        "---\ntags: [card]\n---\n# Η κάρτα απορρίφθηκε\n",
    )
    write(docs / "Πληρωμές" / "Τιμολόγια.md", "---\npromoted: true\n---\n# Τιμολόγια\n")
    write(docs / "Other" / "Card limits.md", "---\ntags: [card]\n---\n# Card limits\n")
    write(docs / "Contact us.md", "---\ntype: contact\ntags: [card]\n---\n# Contact\n")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Βοήθεια\ntheme: {name: material, language: el}\n", encoding="utf-8"
    )
    return tmp_path


def test_rules_pick_articles_of_a_foreign_tree(foreign: Path) -> None:
    model = load_site(site_settings(foreign / "mkdocs.yml"))
    articles = offered_articles(model, model.default_locale)
    rules = parse_contexts(
        {
            "payments": {"categories": ["Πληρωμές"], "tags": ["card"]},
            "account": {"pages": ["Λογαριασμός/*"], "host_paths": ["/settings/account*"]},
            "cards": {"tags": ["card"], "limit": 1},
        },
        where=WHERE,
        categories={"Πληρωμές", "Λογαριασμός", "Other"},
        tags={"card"},
    )
    payments, account, cards = (suggested_articles(rule, articles) for rule in rules)
    # Promoted first, then the article matching two rules, then one; never the contact page.
    assert [s.path for s in payments] == [
        "Πληρωμές/Τιμολόγια.md",
        "Πληρωμές/Κάρτα απορρίφθηκε.md",
        "Other/Card limits.md",
    ]
    assert payments[1].matched == ("category:Πληρωμές", "tag:card")
    assert payments[1].title == "Η κάρτα απορρίφθηκε"
    # A folder's listing page is no suggestion.
    assert [s.page_id for s in account] == ["Λογαριασμός/Αλλαγή κωδικού"]
    assert len(cards) == 1
    assert context_for_path(rules, "/settings/account/security") == "account"
    assert context_for_path(rules, "/settings") is None


def test_reference_site_contexts() -> None:
    model = load_site(site_settings(ROOT / "mkdocs.yml"))
    rules = parse_contexts(
        {"billing": {"categories": ["billing"]}, "tracking": {"tags": ["tracking"]}},
        where=WHERE,
    )
    for locale in ("en", "fr", "es"):
        articles = offered_articles(model, locale)
        billing = suggested_articles(rules[0], articles)
        assert billing and all(s.page_id.startswith("billing/") for s in billing)
        assert len(billing) <= rules[0].limit
        tracking = suggested_articles(rules[1], articles)
        assert "orders/track-your-order" in [s.page_id for s in tracking]
        assert all(s.matched == ("tag:tracking",) for s in tracking)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ContextError) as caught:
        parse_contexts(
            {
                "Billing": {"categories": ["billing"]},
                "orders": {"categories": ["order"], "tags": ["nope"], "colour": "red"},
                "empty": {"limit": 0},
                "hosts": {"pages": ["a/*"], "host_paths": ["checkout"]},
                "flat": "billing",
            },
            where=WHERE,
            categories={"billing", "orders"},
            tags={"card"},
        )
    assert caught.value.problems == [
        (
            "Billing: a context id is lowercase letters, digits, '-' or '_' (at most 40)",
            "rename it as product pages will write it in data-context",
        ),
        ("orders > colour: unknown key", "use categories, tags, pages, host_paths, limit"),
        ("orders > categories: unknown category 'order'", "use one of billing, orders"),
        (
            "orders > tags: no article has the tag 'nope'",
            "check its spelling or add it to an article's 'tags:'",
        ),
        ("empty > limit: must be a whole number from 1 to 20", "write e.g. limit: 5"),
        ("empty: names no articles", "give categories, tags or pages"),
        (
            "hosts > host_paths: 'checkout' is not a path of the product's pages",
            "start it with '/', e.g. /settings/billing*",
        ),
        ("flat: must be rules", "write e.g. {categories: [billing], tags: [payment]}"),
    ]
    assert str(caught.value).splitlines()[0].startswith(f"{WHERE} > Billing: a context id is")


def test_wrong_contexts_are_part_of_the_verdict(foreign: Path) -> None:
    config = foreign / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8") + "plugins:\n  - helpcentre/widget:\n      contexts:\n"
        "        cards: {tags: [crad]}\n        payments: {categories: [Πληρωμές]}\n",
        encoding="utf-8",
    )
    model = load_site(site_settings(config))
    assert [(f.rule, f.level, f.reason) for f in model.problems] == [
        ("configuration", "error", "cards > tags: no article has the tag 'crad'")
    ]
    assert model.problems[0].path == f"{config}: plugins > helpcentre/widget > contexts"
    assert model.contexts == []  # wrong rules suggest nothing
    config.write_text(config.read_text("utf-8").replace("[crad]", "[card]"), encoding="utf-8")
    model = load_site(site_settings(config))
    assert model.problems == []
    assert [rule.id for rule in model.contexts] == ["cards", "payments"]


def test_globs_have_only_star_and_question_mark() -> None:
    assert glob_matches("/checkout*", "/checkout/step-2")
    assert glob_matches("/a?c", "/abc") and not glob_matches("/a?c", "/abbc")
    assert not glob_matches("/[ab]", "/a") and glob_matches("/[ab]", "/[ab]")
    assert context_for_path([ContextRule("x", host_paths=("/x.y",))], "/xzy") is None
