"""``helpcentre new``: a new article from its type's template."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpcentre.cli import main
from helpcentre.content.article import read_article
from helpcentre.content.structured_data import structured_data

MKDOCS_YML = """\
site_name: Shop
docs_dir: docs
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - helpcentre/i18n:
      default_locale: en
      locales: [{locale: en}, {locale: ja}]
  - helpcentre/content:
      categories:
        - id: billing
          name: Billing
          owner: billing-team
          sections: {paying: Paying}
        - id: orders
          name: Orders
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "ja").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("kind", ["faq", "guide", "troubleshooting"])
def test_new_article_has_valid_front_matter_and_skeleton(
    site: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--type", kind, "--category", "billing", "Why was I charged twice?"]) == 0
    path = site / "docs/en/billing/why-was-i-charged-twice.md"
    assert capsys.readouterr().out.strip() == str(path.relative_to(site))
    article = read_article(site / "docs/en", "billing/why-was-i-charged-twice.md")
    meta = article.meta
    assert meta["title"] == "Why was I charged twice?"
    assert (meta["type"], meta["category"], meta["section"]) == (kind, "billing", "paying")
    assert meta["owner"] == "billing-team"
    assert meta["reviewed"] == dt.date.today()
    if kind == "troubleshooting":
        assert all(f"{{#{part}}}" in article.front.body for part in ("symptoms", "cause", "fix"))
    else:
        assert structured_data(kind, title=meta["title"], body=article.front.body) is not None


def test_refuses_to_overwrite(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--type", "faq", "--category", "orders", "Where is it?"]) == 0
    target = site / "docs/en/orders/where-is-it.md"
    target.write_text("mine", encoding="utf-8")
    assert main(["new", "--type", "guide", "--category", "orders", "Where is it"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine"
    # A category without an owner gets the team named after it.
    assert main(["new", "--type", "faq", "--category", "orders", "Other"]) == 0
    assert "owner: orders-team" in (site / "docs/en/orders/other.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--type", "howto", "--category", "billing"],
            "unknown article type 'howto' -- use --type",
        ),
        (["--type", "faq", "--category", "biling"], "use --category with one of: billing, orders"),
    ],
)
def test_unknown_type_or_category_names_the_fix(
    site: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", *args, "Title"]) == 2
    assert message in capsys.readouterr().err
    assert not list((site / "docs/en").rglob("*.md"))


def test_missing_config_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["new", "--type", "faq", "--category", "x", "-f", str(tmp_path / "no.yml"), "T"]) == 2
    )
    assert "not found" in capsys.readouterr().err


def test_titles_in_any_script(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    title = "注文を追跡するには？"
    args = ["new", "--type", "faq", "--category", "orders", "--locale", "ja", title]
    assert main(args) == 0
    path = site / "docs/ja/orders/注文を追跡するには.md"
    assert capsys.readouterr().out.strip() == str(path.relative_to(site))
    assert read_article(site / "docs/ja", "orders/注文を追跡するには.md").meta["title"] == title
    assert main(["new", "--type", "faq", "--category", "orders", "Où est mon colis ?"]) == 0
    assert (site / "docs/en/orders/ou-est-mon-colis.md").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--locale", "xx"], "unknown locale 'xx' -- use --locale with one of: en, ja"),
        (["--section", "nope"], "unknown section 'nope' of category 'billing' -- use --section"),
    ],
)
def test_locale_and_section_are_validated_as_the_build_does(
    site: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--type", "faq", "--category", "billing", *args, "Title"]) == 2
    assert message in capsys.readouterr().err
    assert not list((site / "docs").rglob("*.md"))


def test_a_duplicate_title_names_the_existing_article(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--type", "faq", "--category", "billing", "Pay by card"]) == 0
    assert main(["new", "--type", "guide", "--category", "orders", "PAY BY CARD"]) == 2
    assert "docs/en/billing/pay-by-card.md already has the title" in capsys.readouterr().err


def test_config_flag_is_spelt_as_for_check(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["new", "--type", "faq", "--category", "orders", "--config", "mkdocs.yml", "Refunds"]
    assert main(args) == 0
    assert (site / "docs/en/orders/refunds.md").exists()
