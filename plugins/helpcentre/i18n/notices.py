"""The notices a reader sees on a translation that is behind its original, and on a page that is
not translated yet.

The strings below have their own catalog domain, ``translations``
(``locales/<locale>/LC_MESSAGES/translations.po``, template ``locales/translations.pot``), so that
the translators' workflow keeps its strings apart from the page chrome's ``messages`` catalog;
:func:`helpcentre.catalogs.load_translations` merges both.
"""

from __future__ import annotations

import html
from gettext import NullTranslations

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from helpcentre.catalogs import N_, Localized, UiStrings
from helpcentre.i18n.status import ArticleStatus, TranslationState

#: Catalog domain of the strings of this module.
NOTICE_DOMAIN = "translations"


def outdated_notice_html(
    status_entry: ArticleStatus,
    *,
    locale: str,
    translations: NullTranslations,
    source_url: str,
) -> str:
    """An admonition telling the reader that the original changed since this translation.

    Args:
        status_entry: The page's entry from :func:`helpcentre.i18n.status.translation_status`.
        locale: The reader's locale (``fr``, ``pt-BR`` ...), for the date format.
        translations: The locale's UI translations
            (:func:`helpcentre.catalogs.load_translations`).
        source_url: URL of the original article, relative or absolute.

    Returns:
        The HTML of the notice (every string escaped), or an empty string when the entry is not
        outdated.
    """
    if status_entry.state is not TranslationState.OUTDATED:
        return ""
    gettext = translations.gettext
    title = gettext("This translation may be out of date")
    if status_entry.source_changed is not None:
        day = status_entry.source_changed.date()
        # In the language of the sentence: the reader's, or the source's when it is untranslated.
        when = Localized(
            lambda language: format_date(day, format="long", locale=_babel_locale(language)),
            locale,
        )
        text = _format(translations, N_("The original article was updated on %(date)s."), date=when)
    else:
        text = gettext("The original article has changed since this page was translated.")
    link = gettext("Read the original")
    source_locale = status_entry.source_path.split("/", 1)[0]
    return (
        '<div class="admonition warning helpcentre-outdated" role="note">'
        f'<p class="admonition-title">{html.escape(title)}</p>'
        f"<p>{html.escape(text)} "
        f'<a href="{html.escape(source_url, quote=True)}" hreflang="{html.escape(source_locale)}">'
        f"{html.escape(link)}</a></p>"
        "</div>\n"
    )


def fallback_notice_html(translations: NullTranslations, *, locale: str, source_locale: str) -> str:
    """The notice on a page the reader's locale has not translated: it is the original.

    Args:
        translations: The reader's locale's UI strings
            (:func:`helpcentre.catalogs.load_translations`).
        locale: The reader's locale.
        source_locale: The locale of the original shown.

    Returns:
        The HTML of the notice. Each sentence is in one language: untranslated, it is English
        and so are the language names in it ("not yet available in German"), never "in Deutsch".
    """
    gettext = translations.gettext
    title = gettext("Not yet translated")
    text = _format(
        translations,
        N_(
            "This article is not yet available in %(language)s. "
            "You are reading the original in %(source_language)s."
        ),
        language=Localized(lambda language: _language_name(locale, language), locale),
        source_language=Localized(lambda language: _language_name(source_locale, language), locale),
    )
    return (
        '<div class="admonition info helpcentre-fallback" role="note">'
        f'<p class="admonition-title">{html.escape(title)}</p>'
        f"<p>{html.escape(text)}</p></div>\n"
    )


def _language_name(code: str, language: str) -> str:
    """The name of the language of ``code``, written in ``language``."""
    try:
        return (
            Locale.parse(code.replace("-", "_")).get_display_name(_babel_locale(language)) or code
        )
    except (UnknownLocaleError, ValueError):
        return code


def _format(translations: NullTranslations, message: str, **values: Localized) -> str:
    if isinstance(translations, UiStrings):
        return translations.format(message, **values)
    # Plain gettext objects cannot say which language a string is in: the reader's.
    return translations.gettext(message) % {key: str(value) for key, value in values.items()}


def _babel_locale(code: str) -> Locale:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        # An unknown locale still gets a readable date rather than a failed build.
        return Locale.parse("en")
