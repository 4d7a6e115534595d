"""``helpcentre/widget`` in real builds: a foreign two-locale tree (one written right to left,
with no stemmer), a single-locale site, and contexts written wrong."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build

pytestmark = pytest.mark.slow

CONFIG = """\
site_name: Help
theme:
  name: material
plugins:
  - search
  - helpcentre/search
  - helpcentre/i18n:
      default_locale: en
      locales:
        - locale: en
        - locale: ar
  - helpcentre/widget:
      contexts:
        billing: {{categories: [Billing and plans], host_paths: ["/settings/billing*"]}}
        cards: {{tags: [card], limit: 1}}
{extra}
"""

TREES = {
    "en": {
        "index.md": "# Help\n",
        "Billing and plans/Change your plan.md": "# Change your plan\n\nPick another plan.\n",
        "Billing and plans/Card declined.md": "---\ntags: [card]\n---\n# Card declined\n\nRetry.\n",
        "Getting started/First steps.md": "---\npromoted: true\n---\n# First steps\n\nSign up.\n",
    },
    "ar": {
        "index.md": "# مساعدة\n",
        "Billing and plans/Change your plan.md": "# تغيير خطتك\n\nاختر خطة أخرى للفواتير.\n",
    },
}


def project(tmp_path: Path, *, extra: str = "", trees: dict = TREES) -> Path:
    root = tmp_path / "project"
    for locale, files in trees.items():
        for path, text in files.items():
            target = root / "docs" / locale / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG.format(extra=extra), encoding="utf-8")
    return root


def loader_settings(site: Path) -> dict:
    text = (site / "widget.js").read_text("utf-8")
    return json.loads(re.search(r"var settings = (\{.*?\})\n", text).group(1))


def test_foreign_two_locale_tree(tmp_path: Path, serve, page) -> None:  # noqa: ANN001
    root = project(tmp_path)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    settings = loader_settings(site)
    assert settings["default"] == "en"
    # helpcentre ships Arabic: the launcher's label is Arabic.
    assert settings["locales"]["ar"] == {"path": "ar/", "dir": "rtl", "label": "مساعدة"}
    assert settings["hosts"] == [["billing", ["/settings/billing*"]]]
    assert (site / "widget" / "panel.js").is_file()
    english = json.loads((site / "en" / "widget" / "widget.json").read_text("utf-8"))
    assert english["contexts"] == {
        "billing": ["Billing and plans/Card declined", "Billing and plans/Change your plan"],
        "cards": ["Billing and plans/Card declined"],
        "general": ["Getting started/First steps"],
    }
    assert english["articles"]["Billing and plans/Card declined"] == [
        "Billing%20and%20plans/Card%20declined/",
        "Card declined",
    ]
    arabic = json.loads((site / "ar" / "widget" / "widget.json").read_text("utf-8"))
    # Arabic offers its own article only; the English fallbacks are offered in English.
    assert arabic["dir"] == "rtl"
    assert list(arabic["articles"]) == ["Billing and plans/Change your plan"]
    assert arabic["contexts"]["billing"] == ["Billing and plans/Change your plan"]
    assert arabic["contexts"]["cards"] == []

    # In the browser: a regional tag finds its language, the panel reads right to left, and the
    # generic search rules (Arabic has no stemmer) find the article.
    (site / "product.html").write_text(
        '<!doctype html><html lang="en"><title>Product</title><body><main><h1>Settings</h1>'
        '</main><script src="widget.js" data-locale="ar-EG" async></script></body></html>',
        encoding="utf-8",
    )
    base = serve(site)
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(f"{base}/product.html")
    launch = page.locator("[data-helpcentre-widget] button.launch")
    box = launch.bounding_box()
    assert box is not None and box["x"] < 500  # the end of a right-to-left line is its left
    launch.click()
    panel = page.locator("[data-helpcentre-widget] [role=dialog]")
    panel.wait_for()
    assert panel.get_attribute("dir") == "rtl" and panel.get_attribute("lang") == "ar"
    # No context named and no host path matched: the general suggestions (none in Arabic).
    page.locator("[data-helpcentre-widget] #hc-query").fill("الفواتير")
    page.locator("[data-helpcentre-widget] ul button.link", has_text="تغيير خطتك").wait_for(
        timeout=15_000
    )


def test_single_locale_site_writes_everything_at_its_root(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "docs" / "Plans").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Aide\n", encoding="utf-8")
    (root / "docs" / "Plans" / "Changer.md").write_text("# Changer\n\nTexte.\n", "utf-8")
    shutil.copytree(ROOT / "locales", root / "locales")  # the site's catalogs: French strings
    (root / "mkdocs.yml").write_text(
        "site_name: Aide\ntheme: {name: material, language: fr}\nplugins:\n  - search\n"
        "  - helpcentre/search\n  - helpcentre/widget:\n      contexts:\n"
        "        plans: {pages: ['Plans/*']}\n",
        encoding="utf-8",
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert loader_settings(site)["locales"] == {"fr": {"path": "", "dir": "ltr", "label": "Aide"}}
    data = json.loads((site / "widget" / "widget.json").read_text("utf-8"))
    assert data["contexts"]["plans"] == ["Plans/Changer"]
    assert data["strings"]["suggested"] == "Articles suggérés"
    assert data["worker"].startswith("assets/javascripts/helpcentre/search-worker.js?lang=fr")
    assert (site / data["worker"].split("?")[0]).is_file()


def test_wrong_contexts_stop_the_build_with_every_problem(tmp_path: Path) -> None:
    root = project(tmp_path)
    config = (root / "mkdocs.yml").read_text("utf-8")
    config = config.replace(
        "cards: {tags: [card], limit: 1}",
        "cards: {tags: [crad], limit: 1}\n        Plans: {categories: [Billing], size: 3}",
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode != 0
    where = "mkdocs.yml: plugins > helpcentre/widget > contexts:0:"
    for problem in (
        "cards > tags: no article has the tag 'crad'",
        "Plans: a context id is lowercase letters",
        "Plans > size: unknown key -- use categories, tags, pages, host_paths, limit",
        "Plans > categories: unknown category 'Billing' -- use one of Billing and plans,",
    ):
        assert f"{where} {problem}" in result.stderr, result.stderr
    # The check says the same, without building.
    check = subprocess.run(
        [sys.executable, "-m", "helpcentre.cli", "check", "--config", "mkdocs.yml"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode != 0
    assert f"{where} error: cards > tags: no article has the tag 'crad'" in check.stdout


def test_the_widget_needs_the_sites_search(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Help\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Help\ntheme: {name: material}\nplugins:\n  - search\n  - helpcentre/widget\n",
        encoding="utf-8",
    )
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert "helpcentre/widget searches with helpcentre/search's worker" in result.stderr
