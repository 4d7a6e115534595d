"""``helpcentre init`` writes a help centre that builds as it is; ``helpcentre serve`` runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import HelpcentreProcess, free_port, mkdocs_build, wait_for_export
from helpcentre.cli import main
from helpcentre.scaffold.writer import InitError, parse_locales, write_help_centre


def init(target: Path, *args: str) -> int:
    return main(["init", str(target), *args])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "name at least one locale"),
        ("en,fr fr", "'fr fr' is not a language tag"),
        ("en,fr,FR", "'FR' is listed twice"),
    ],
)
def test_locale_list_errors_say_what_to_write(text: str, message: str) -> None:
    with pytest.raises(InitError, match=message):
        parse_locales(text)


def test_init_never_overwrites_an_existing_site(tmp_path: Path, capsys) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    assert init(tmp_path, "--locales", "en") == 2
    assert "mkdocs.yml: already exists" in capsys.readouterr().err
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Mine\n"


def test_init_writes_every_part_of_a_help_centre(tmp_path: Path, capsys) -> None:
    target = tmp_path / "acme"
    assert init(target, "--locales", "en,fr,de,pl", "--name", 'Acme "Help"') == 0
    out = capsys.readouterr().out
    assert "pl: no starter text in this language" in out
    config = yaml.load((target / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert config["site_name"] == 'Acme "Help"'
    assert "custom_dir" not in config["theme"]
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    for plugin in ("search", "content", "i18n", "stale", "feedback"):
        assert f"helpcentre/{plugin}" in plugins
    i18n = next(p for p in config["plugins"] if isinstance(p, dict) and "helpcentre/i18n" in p)
    assert [entry["locale"] for entry in i18n["helpcentre/i18n"]["locales"]] == [
        "en",
        "fr",
        "de",
        "pl",
    ]
    for locale in ("en", "fr", "de"):
        types = {
            path.relative_to(target / "docs" / locale).as_posix(): _front(path).get("type")
            for path in (target / "docs" / locale).rglob("*.md")
        }
        assert set(types.values()) == {None, "contact", "page", "guide", "faq", "troubleshooting"}
        assert (target / "locales" / locale / "synonyms.txt").is_file()
    french = (target / "locales/fr/LC_MESSAGES/site.po").read_text("utf-8")
    assert 'msgid "Getting started"\nmsgstr "Premiers pas"' in french
    polish = (target / "locales/pl/LC_MESSAGES/site.po").read_text("utf-8")
    assert 'msgid "Getting started"\nmsgstr ""' in polish
    workflow = (target / ".github/workflows/help-centre.yml").read_text("utf-8")
    assert "helpcentre check --format github" in workflow
    assert "mkdocs build --strict" in workflow and "fetch-depth: 0" in workflow
    readme = (target / "README.md").read_text("utf-8")
    assert "## Writers" in readme and "## Translators" in readme


def _front(path: Path) -> dict:
    text = path.read_text("utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_written_help_centre_builds_strict_in_every_locale(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    write_help_centre(target, ["en", "fr", "de", "pl"], name="Acme Help")
    result = mkdocs_build(target)
    assert result.returncode == 0, result.stderr
    site = target / "site"
    assert "'pl' uses the generic rules" in result.stderr
    french = (site / "fr/account/cannot-sign-in/index.html").read_text("utf-8")
    assert "Je n&#39;arrive pas à me connecter" in french or "Je n'arrive pas" in french
    assert "data-helpcentre-feedback" in french  # the widget, from the shipped templates
    assert 'hreflang="de"' in french
    home = (site / "fr/index.html").read_text("utf-8")
    assert "Premiers pas" in home  # the category name, translated by the site's catalog
    # Polish has no text of its own yet: the English articles, with the notice, in Polish URLs.
    polish = (site / "pl/account/cannot-sign-in/index.html").read_text("utf-8")
    assert "I cannot sign in" in polish
    index = json.loads((site / "fr/search/helpcentre-index.json").read_text("utf-8"))
    assert index


@pytest.mark.browser
@pytest.mark.slow
def test_init_serve_search_vote_and_export(tmp_path: Path, page) -> None:  # noqa: ANN001
    target = tmp_path / "acme"
    assert init(target, "--locales", "en,fr", "--name", "Acme Help") == 0
    port = free_port()
    args = ["serve", str(target), "--port", str(port)]
    server = HelpcentreProcess(args, port, tmp_path / "serve.log", timeout=120)
    try:
        page.goto(f"{server.url}/fr/")
        box = page.locator("input[data-md-component=search-query]")
        box.click()
        box.type("mot de passe", delay=10)
        box.press("End")
        result = page.locator(".md-search-result__list li a").first
        result.wait_for(timeout=15_000)
        assert "connecter" in result.inner_text()
        result.click()
        page.wait_for_url(lambda address: "/fr/account/cannot-sign-in/" in address)
        widget = page.locator("form[data-helpcentre-feedback]")
        widget.wait_for(state="visible")
        widget.get_by_role("button", name="Oui").click()
        database = f"sqlite:///{target / 'data' / 'feedback.db'}"
        wait_for_export(database, "fr/account/cannot-sign-in", lambda e: e["helpful"] == 1)
    finally:
        server.stop()
