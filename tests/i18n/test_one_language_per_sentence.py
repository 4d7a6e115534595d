"""One language per sentence: a string without translation is shown whole in the source language,
the values inside it too; a translation that would break formatting is named with file and line
(by ``catalogs check``, the site model's verdict and the build); ``catalogs update`` creates every
catalog the site uses; ``translations status`` lists the strings still untranslated."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, copy_reference, git, mkdocs_build, reference_locales
from helpcentre.catalogs import (
    catalog_problems,
    load_translations,
    placeholder_problem,
)
from helpcentre.cli import main
from helpcentre.content.contact import parse_channels, view_channel
from helpcentre.i18n.notices import fallback_notice_html, outdated_notice_html
from helpcentre.i18n.status import ArticleStatus, Basis, TranslationState
from helpcentre.stale.dates import dates_html
from helpcentre.stale.pages import StalePage

BROKEN = 'msgstr "Articles : %(nombre)d"'


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&#x27;", "'").strip()


def test_an_untranslated_fallback_notice_is_english_with_english_language_names(tmp_path):
    dutch = load_translations(tmp_path / "none", "nl")
    notice = text_of(fallback_notice_html(dutch, locale="nl", source_locale="en"))
    assert notice == (
        "Not yet translated"
        "This article is not yet available in Dutch. You are reading the original in English."
    )
    french = load_translations(ROOT / "locales", "fr")
    notice = text_of(fallback_notice_html(french, locale="fr", source_locale="en"))
    assert "n'est pas encore disponible en français" in notice and "anglais" in notice


def test_an_untranslated_date_sentence_writes_its_date_in_english(tmp_path):
    entry = ArticleStatus(
        locale="nl",
        article="a.md",
        state=TranslationState.OUTDATED,
        reason="",
        basis=Basis.GIT_DATES,
        source_path="en/a.md",
        translation_path="nl/a.md",
        source_changed=dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc),
    )
    dutch = load_translations(tmp_path / "none", "nl")
    notice = text_of(outdated_notice_html(entry, locale="nl", translations=dutch, source_url="/"))
    assert "The original article was updated on March 2, 2026." in notice
    french = load_translations(ROOT / "locales", "fr")
    notice = text_of(outdated_notice_html(entry, locale="fr", translations=french, source_url="/"))
    assert "2 mars 2026" in notice


def test_a_date_is_in_the_language_of_its_label(tmp_path):
    page = StalePage(locale="nl", page_id="a", path="docs/nl/a.md", updated=dt.date(2026, 3, 2))
    english = text_of(dates_html(page, load_translations(tmp_path / "none", "nl")))
    assert english == "Last updated: March 2, 2026"
    page = StalePage(locale="fr", page_id="a", path="docs/fr/a.md", updated=dt.date(2026, 3, 2))
    french = text_of(dates_html(page, load_translations(ROOT / "locales", "fr")))
    assert french.startswith("Dernière mise à jour") and french.endswith("2 mars 2026")


def test_a_duration_inside_an_untranslated_sentence_is_english(tmp_path):
    (chat,) = parse_channels(
        [{"id": "chat", "kind": "chat", "value": "Chat", "hours": "always", "response": "2m"}],
        timezone="UTC",
        source="mkdocs.yml",
    )
    view = view_channel(chat, "nl")
    assert str(view.response) == "2 minuten"  # on its own: the reader's language
    dutch = load_translations(tmp_path / "none", "nl")
    assert dutch.template_gettext("within %(duration)s", duration=view.response) == (
        "within 2 minutes"
    )
    french = load_translations(ROOT / "locales", "fr")
    assert (
        french.template_gettext("within %(duration)s", duration=view_channel(chat, "fr").response)
        == "sous 2 minutes"
    )


def test_a_chat_label_is_in_the_page_language_and_an_address_as_written(tmp_path):
    chat, email = parse_channels(
        [
            {"id": "chat", "kind": "chat", "value": "Chat with us", "hours": "always"},
            {"id": "email", "kind": "email", "value": "help@tidewell.example", "hours": "always"},
        ],
        timezone="UTC",
        source="mkdocs.yml",
    )
    french = load_translations(ROOT / "locales", "fr")
    assert view_channel(chat, "fr", french.gettext).label == "Discuter avec nous"
    assert view_channel(email, "fr", french.gettext).label == "help@tidewell.example"
    # A locale whose site catalog lacks the label shows it whole, as written
    dutch = load_translations(tmp_path / "none", "nl")
    assert view_channel(chat, "nl", dutch.gettext).label == "Chat with us"


def test_placeholders_of_a_translation_must_be_the_originals() -> None:
    assert placeholder_problem("Articles: %(num)d", "Articles : %(nombre)d") == (
        "placeholder %(nombre)d is not in the original (which has %(num)d)"
    )
    assert placeholder_problem("Articles: %(num)d", "Articles") is not None
    assert placeholder_problem("Articles: %(num)d", "%(num)d articles") is None
    assert placeholder_problem("100%% sure", "sûr à 100 %%") is None
    # A plural form may spell the number out.
    assert placeholder_problem(("%(num)d item", "%(num)d items"), ("un article", "%(num)d")) is None


BROKEN_CATALOG = f"""msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Orders"
msgstr "Commandes"

msgid "Articles: %(num)d"
{BROKEN}
"""


def broken_locales(tmp_path: Path) -> Path:
    """A site's catalogs retranslating one of helpcentre's strings with a wrong placeholder."""
    locales = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", locales)
    (locales / "fr/LC_MESSAGES/messages.po").write_text(BROKEN_CATALOG, encoding="utf-8")
    return locales


def test_a_broken_translation_is_left_out_and_named_with_its_line(tmp_path):
    locales = broken_locales(tmp_path)
    strings = load_translations(locales, "fr")
    # helpcentre's own translation, rather than a KeyError while a page renders.
    assert strings.template_gettext("Articles: %(num)d", num=3) == "Articles : 3"
    assert strings.gettext("Orders") == "Commandes"
    (problem,) = catalog_problems(locales, ["fr", "it"], display_root=tmp_path)
    lines = (locales / "fr/LC_MESSAGES/messages.po").read_text("utf-8").splitlines()
    line = next(n for n, row in enumerate(lines, 1) if row == BROKEN) - 1
    assert problem.message.startswith(f"locales/fr/LC_MESSAGES/messages.po:{line}: ")
    assert "%(nombre)d" in problem.message and "%(num)d" in problem.message


@pytest.fixture(scope="module")
def dutch_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference site in English and Dutch, Dutch without a single translation: as a new
    user adds a language."""
    project = copy_reference(tmp_path_factory.mktemp("dutch") / "project", history=False)
    config = reference_locales(project, keep=("en",))
    text = config.read_text("utf-8")
    text = text.replace("        - locale: en\n", "        - locale: en\n        - locale: nl\n")
    config.write_text(text, encoding="utf-8")
    (project / "docs" / "nl").mkdir()
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "English and Dutch", date="2026-01-05T10:00:00+00:00")
    return project


def test_catalogs_update_creates_every_catalog_the_site_uses(dutch_project, tmp_path, capsys):
    project = tmp_path / "project"
    shutil.copytree(dutch_project, project)
    code = main(["translations", "catalogs", "update", "--root", str(project)])
    out = capsys.readouterr().out
    assert code == 0, out
    dutch = project / "locales/nl/LC_MESSAGES"
    # The site's own catalog, and helpcentre's, which ships no Dutch, to translate here.
    templates = {"messages", "translations", "site"}
    assert {path.stem for path in dutch.glob("*.po")} == templates
    french = {path.stem for path in (ROOT / "locales/fr/LC_MESSAGES").glob("*.po")}
    assert french <= templates  # no catalog the site reads is left out
    site = (dutch / "site.po").read_text("utf-8")
    assert 'msgid "Getting started"' in site and 'msgid "Tidewell Help Centre"' in site
    assert 'msgid "Chat with us"' in site  # the contact page's chat label
    for domain in templates:
        assert f"locales/nl/LC_MESSAGES/{domain}.po: created" in out


def test_status_lists_the_untranslated_ui_strings(dutch_project, capsys, monkeypatch):
    monkeypatch.chdir(dutch_project)
    assert main(["translations", "status", "--locale", "nl"]) == 0
    out = capsys.readouterr().out
    assert "UI strings: 0.0%" in out
    listed = re.findall(r"(?m)^  ui string '(.*)'$", out)
    assert "Getting started" in listed and "Legal notice" in listed
    assert "Was this article helpful?" in listed and "Not yet translated" in listed


def test_a_dutch_site_without_catalogs_says_each_sentence_in_one_language(dutch_project):
    result = mkdocs_build(dutch_project)
    assert result.returncode == 0, result.stderr
    page = (dutch_project / "site/nl/orders/track-your-order/index.html").read_text("utf-8")
    assert '<html lang="nl"' in page  # Material's own strings are Dutch
    assert (
        "This article is not yet available in Dutch. You are reading the original in English."
        in page
    )
    assert "in het Nederlands" not in page and "Engels" not in page
    assert "Was this article helpful?" in page


def test_the_build_names_the_broken_translation_instead_of_crashing(tmp_path):
    project = copy_reference(tmp_path / "project", history=False)
    config = reference_locales(project)
    (project / "locales/fr/LC_MESSAGES/messages.po").write_text(BROKEN_CATALOG, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Error building page" not in output and "KeyError" not in output
    assert re.search(r"locales/fr/LC_MESSAGES/messages\.po:\d+: the translation of", output)
    code = main(["check", "--config", str(config)])
    assert code == 1
