"""Locale codes, locale folders, alternates and the sitemap index."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcentre.catalogs import load_translations
from helpcentre.content.frontmatter import ContentError
from helpcentre.i18n.locales import (
    alternates,
    check_locale_folders,
    fallback_paths,
    page_url,
    parse_locale,
    sitemap_index,
)

LOCALES = [parse_locale(code) for code in ("en", "fr", "ja")]


def test_parse_locale_names_language_in_itself() -> None:
    assert parse_locale("fr").name == "Français"
    assert parse_locale("ja").name == "日本語"
    assert parse_locale("pt-BR").babel.territory == "BR"
    with pytest.raises(ValueError, match="unknown locale 'xx-yy'"):
        parse_locale("xx-yy")


def test_locale_folders(tmp_path: Path) -> None:
    for code in ("en", "fr", "ja"):
        (tmp_path / code).mkdir()
    check_locale_folders(tmp_path, LOCALES)
    (tmp_path / "de").mkdir()
    with pytest.raises(ContentError, match="folder 'de' is not a configured locale"):
        check_locale_folders(tmp_path, LOCALES)
    (tmp_path / "de").rmdir()
    (tmp_path / "stray.md").write_text("x", encoding="utf-8")
    with pytest.raises(ContentError, match="article outside any locale folder -- move it into"):
        check_locale_folders(tmp_path, LOCALES)
    (tmp_path / "stray.md").unlink()
    (tmp_path / "ja").rmdir()
    with pytest.raises(ContentError, match="locale 'ja' is configured but has no folder"):
        check_locale_folders(tmp_path, LOCALES)


def test_fallbacks_and_urls() -> None:
    assert fallback_paths(["a.md", "b.md", "img.png"], ["a.md"]) == ["b.md", "img.png"]
    assert page_url("index.md") == ""
    assert page_url("orders/index.md") == "orders/"
    assert page_url("orders/a.md") == "orders/a/"
    assert page_url("orders/a.md", use_directory_urls=False) == "orders/a.html"


def test_alternates_link_same_page_or_home() -> None:
    paths = {"en": "orders/a.md", "fr": "orders/a.md", "ja": None}
    result = alternates("orders/a.md", "fr", LOCALES, paths, site_url="https://h.example/")
    by_code = {alt.locale.code: alt for alt in result}
    assert by_code["en"].href == "../../../en/orders/a/"
    assert by_code["en"].url == "https://h.example/en/orders/a/"
    assert by_code["fr"].href == "./" and by_code["fr"].same_page
    assert by_code["ja"].href == "../../../ja/" and not by_code["ja"].same_page


def test_alternates_follow_translated_names() -> None:
    paths = {"en": "Bases/Formulas.md", "fr": "Bases/Formules.md", "ja": None}
    result = alternates("Bases/Formules.md", "fr", LOCALES, paths, site_url=None)
    by_code = {alt.locale.code: alt for alt in result}
    assert by_code["en"].href == "../../../en/Bases/Formulas/" and by_code["en"].same_page


def test_sitemap_index_lists_each_locale() -> None:
    xml = sitemap_index("https://h.example/", LOCALES)
    assert "<loc>https://h.example/ja/sitemap.xml</loc>" in xml
    assert xml.count("<sitemap>") == 3


def write_messages(root: Path, locale: str, entries: str, headers: str = "") -> Path:
    """Write ``root/<locale>/LC_MESSAGES/messages.po``: a UTF-8 header, ``headers``, ``entries``."""
    folder = root / locale / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        + headers
        + "\n"
        + entries,
        encoding="utf-8",
    )
    return folder


def test_catalogs_compiled_from_po_without_mo(tmp_path: Path) -> None:
    folder = write_messages(
        tmp_path,
        "fr",
        'msgid "Orders"\nmsgstr "Commandes"\n\n#, fuzzy\nmsgid "Billing"\nmsgstr "Facture"\n\n'
        'msgid "Account"\nmsgstr ""\n',
    )
    with (folder / "messages.po").open("a", encoding="utf-8") as handle:
        handle.write(
            '\nmsgid "%(num)d article"\nmsgid_plural "%(num)d articles"\n'
            'msgstr[0] ""\nmsgstr[1] ""\n'
        )
    (folder / "extra.po").write_text(
        'msgid "Returns"\nmsgstr "Retours"\n\n'
        'msgid "%(num)d article"\nmsgid_plural "%(num)d articles"\n'
        'msgstr[0] "%(num)d article"\nmsgstr[1] "%(num)d articles (fr)"\n',
        encoding="utf-8",
    )
    translations = load_translations(tmp_path, "fr")
    assert translations.gettext("Orders") == "Commandes"
    assert translations.gettext("Billing") == "Billing"  # fuzzy falls back to the source
    assert translations.gettext("Account") == "Account"  # missing falls back to the source
    assert translations.gettext("Returns") == "Retours"  # other domains are merged
    # An empty plural entry in messages.po does not hide another domain's translation.
    plural = translations.ngettext("%(num)d article", "%(num)d articles", 3)
    assert plural == "%(num)d articles (fr)"
    assert not list(tmp_path.rglob("*.mo"))
    assert load_translations(tmp_path, "de").gettext("Orders") == "Orders"


def test_reference_catalogs_parse() -> None:
    root = Path(__file__).resolve().parents[2] / "locales"
    for code in ("fr", "it", "es", "ja"):
        assert load_translations(root, code).gettext("Orders") != "Orders"


def test_plural_forms_follow_the_catalog_header_not_the_installed_cldr(tmp_path: Path) -> None:
    # The catalog was written for French's two forms; newer CLDR data gives French a third
    # ("many", for millions). The file's rule decides which form a number takes.
    write_messages(
        tmp_path,
        "fr",
        'msgid "%(num)d vote"\nmsgid_plural "%(num)d votes"\n'
        'msgstr[0] "%(num)d avis"\nmsgstr[1] "%(num)d avis (pluriel)"\n',
        headers='"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n',
    )
    translations = load_translations(tmp_path, "fr")
    assert translations.ngettext("%(num)d vote", "%(num)d votes", 1) == "%(num)d avis"
    for count in (0, 3, 1_000_000):
        got = translations.ngettext("%(num)d vote", "%(num)d votes", count)
        assert got == ("%(num)d avis" if count == 0 else "%(num)d avis (pluriel)")
