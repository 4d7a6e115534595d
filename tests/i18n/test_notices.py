"""The outdated-translation notice, in the reader's language, from a real status entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from conftest import git
from helpcentre.catalogs import SHIPPED_LOCALES, load_translations, read_catalog
from helpcentre.i18n import notices
from helpcentre.i18n.marker import mark_translation
from helpcentre.i18n.notices import outdated_notice_html
from helpcentre.i18n.status import TranslationState, translation_status

LOCALES = ("fr", "it", "es", "ja")


@pytest.fixture
def locales_dir(tmp_path: Path) -> Path:
    """The project's notice catalogs alone, so other domains being edited do not interfere."""
    target = tmp_path / "locales"
    for locale in LOCALES:
        folder = target / locale / "LC_MESSAGES"
        folder.mkdir(parents=True)
        shutil.copy(SHIPPED_LOCALES / locale / "LC_MESSAGES" / "translations.po", folder)
    return target


@pytest.fixture
def outdated(git_repo: Path):
    def write(relative: str, text: str) -> None:
        path = git_repo / "docs" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    write("en/orders/track.md", "---\ntitle: Track\n---\nOpen Orders.\n")
    for locale in LOCALES:
        write(f"{locale}/orders/track.md", "---\ntitle: Suivi\n---\nTexte.\n")
        mark_translation(git_repo / "docs", locale, "orders/track.md")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-q", "-m", "Add", date="2026-01-05T10:00:00+00:00")
    write("en/orders/track.md", "---\ntitle: Track\n---\nOpen My orders.\n")
    git(git_repo, "commit", "-q", "-am", "Rename menu", date="2026-02-10T10:00:00+00:00")
    status = translation_status(git_repo / "docs", locales=list(LOCALES))
    return status


def test_french_notice_has_the_long_date_and_a_link_to_the_original(outdated, locales_dir):
    entry = outdated.get("fr", "orders/track.md")
    assert entry.state is TranslationState.OUTDATED
    notice = outdated_notice_html(
        entry,
        locale="fr",
        translations=load_translations(locales_dir, "fr"),
        source_url="../../en/orders/track/",
    )
    assert notice == (
        '<div class="admonition warning helpcentre-outdated" role="note">'
        '<p class="admonition-title">Cette traduction n&#x27;est peut-être plus à jour</p>'
        "<p>L&#x27;article original a été mis à jour le 10 février 2026. "
        '<a href="../../en/orders/track/" hreflang="en">Lire l&#x27;original</a></p></div>\n'
    )


@pytest.mark.parametrize(
    ("locale", "date", "title"),
    [
        ("it", "10 febbraio 2026", "Questa traduzione potrebbe non essere aggiornata"),
        ("es", "10 de febrero de 2026", "Es posible que esta traducción no esté actualizada"),
        ("ja", "2026年2月10日", "この翻訳は最新ではない可能性があります"),
    ],
)
def test_every_locale_reads_the_notice_in_its_language(outdated, locales_dir, locale, date, title):
    entry = outdated.get(locale, "orders/track.md")
    notice = outdated_notice_html(
        entry, locale=locale, translations=load_translations(locales_dir, locale), source_url="/en/"
    )
    assert date in notice and title in notice


def test_url_and_strings_are_escaped(outdated, locales_dir):
    entry = outdated.get("fr", "orders/track.md")
    notice = outdated_notice_html(
        entry,
        locale="fr",
        translations=load_translations(locales_dir, "fr"),
        source_url='/en/"><script>alert(1)</script>',
    )
    assert "<script>" not in notice
    assert 'href="/en/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in notice


def test_only_outdated_entries_get_a_notice(outdated, locales_dir, git_repo):
    mark_translation(git_repo / "docs", "fr", "orders/track.md")
    entry = translation_status(git_repo / "docs", locales=["fr"]).get("fr", "orders/track.md")
    assert entry.state is TranslationState.TRANSLATED
    translations = load_translations(locales_dir, "fr")
    assert outdated_notice_html(entry, locale="fr", translations=translations, source_url="/") == ""


def test_without_a_date_the_notice_says_the_original_changed(tmp_path, locales_dir):
    for locale, text in (("en", "Open Orders."), ("fr", "Texte.")):
        path = tmp_path / "docs" / locale / "a.md"
        path.parent.mkdir(parents=True)
        path.write_text(f"---\ntitle: A\nsource_hash: 0123456789ab\n---\n{text}\n")
    entry = translation_status(tmp_path / "docs").get("fr", "a.md")
    assert entry.state is TranslationState.OUTDATED and entry.source_changed is None
    notice = outdated_notice_html(
        entry, locale="fr", translations=load_translations(locales_dir, "fr"), source_url="/"
    )
    assert "L&#x27;article original a changé depuis la traduction de cette page." in notice


def test_fuzzy_site_translation_leaves_the_shipped_one(outdated, tmp_path):
    folder = tmp_path / "fuzzy" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "translations.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        '#, fuzzy\nmsgid "Read the original"\nmsgstr "Lire la source"\n',
        encoding="utf-8",
    )
    notice = outdated_notice_html(
        outdated.get("fr", "orders/track.md"),
        locale="fr",
        translations=load_translations(tmp_path / "fuzzy", "fr"),
        source_url="/",
    )
    # The site's fuzzy entry is not used: helpcentre's own French string is.
    assert "Lire la source" not in notice
    assert ">Lire l&#x27;original</a>" in notice
    assert "10 février 2026" in notice


def test_every_notice_string_is_translated_in_every_locale():
    extracted = {message for _, message, _, _ in extract_from_file("python", notices.__file__)}
    assert len(extracted) == 6
    for locale in LOCALES:
        path = SHIPPED_LOCALES / locale / "LC_MESSAGES" / "translations.po"
        catalog = read_catalog(path, locale)
        translated = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
        assert translated == extracted, locale
        assert not [error for _, errors in catalog.check() for error in errors]
