"""What a locale build offers to search, assistants and the widget, read from the model alone."""

from __future__ import annotations

from pathlib import Path

from helpcentre.site import load_site, site_settings
from helpcentre.site.offered import article_category, offered_articles


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_fallbacks_hidden_and_expired_articles_are_not_offered(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs / "en" / "index.md", "# Help\n")
    write(docs / "en" / "Billing plans" / "Change plan.md", "# Change plan\n\nHow.\n")
    write(
        docs / "en" / "orders" / "old.md",
        "---\nreviewed: 2025-10-01\nexpires: 2026-01-01\n---\n# Old\n",
    )
    write(docs / "en" / "orders" / "team.md", "---\nsearch: {exclude: true}\n---\n# Team\n")
    write(docs / "fr" / "Billing plans" / "Changer.md", "---\ncategory: billing\n---\n# Changer\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Help\ntheme: {name: material}\nplugins:\n  - search\n"
        "  - helpcentre/i18n:\n      default_locale: en\n      locales: [en, fr]\n"
        "  - helpcentre/stale:\n      today: 2026-11-23\n      expired: hide_from_search\n",
        encoding="utf-8",
    )
    model = load_site(site_settings(config))
    english = offered_articles(model, "en")
    assert sorted(english) == ["Billing plans/Change plan.md", "index.md"]
    french = offered_articles(model, "fr")
    # French publishes the English pages it lacks, but offers only its own.
    assert "orders/old.md" not in french and "Billing plans/Change plan.md" in model.published("fr")
    assert sorted(french) == ["Billing plans/Changer.md"]
    assert article_category(french["Billing plans/Changer.md"]) == "billing"
    assert article_category(english["Billing plans/Change plan.md"]) == "Billing plans"
    assert article_category(english["index.md"]) == ""


def test_expired_articles_are_offered_when_the_policy_keeps_them(tmp_path: Path) -> None:
    write(
        tmp_path / "docs" / "old.md", "---\nreviewed: 2025-10-01\nexpires: 2026-01-01\n---\n# Old\n"
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Help\nplugins:\n  - helpcentre/stale:\n      today: 2026-11-23\n",
        encoding="utf-8",
    )
    assert list(offered_articles(load_site(site_settings(config)), "en")) == ["old.md"]
