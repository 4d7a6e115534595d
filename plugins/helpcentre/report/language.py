"""The language a health report is written in: its sentences from the Babel catalogs, its
numbers, shares and dates formatted with Babel for that locale, and its text direction.

helpcentre's translations of the report ship in ``helpcentre/locales/<locale>/LC_MESSAGES/
report.po``; a site's own ``locales/<locale>/LC_MESSAGES/*.po`` may retranslate them. A sentence
without a translation is written whole in English, with its numbers in English too
(:class:`helpcentre.catalogs.Localized`).

This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

from helpcentre.catalogs import N_, SHIPPED_LOCALES, Localized, UiStrings, load_translations
from helpcentre.i18n.locales import text_direction

#: The language of the report's source strings.
SOURCE_LOCALE = "en"

#: The columns of the translation-lag table, in both renderers (translated when written).
TRANSLATION_COLUMNS = (
    N_("Locale"),
    N_("Complete"),
    N_("Outdated"),
    N_("Missing"),
    N_("Orphaned"),
    N_("Oldest outdated"),
)


def _babel(code: str) -> Locale:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, LookupError, UnknownLocaleError):
        return Locale.parse(SOURCE_LOCALE)


@dataclass(frozen=True)
class ReportLanguage:
    """How one report is worded.

    Attributes:
        strings: The catalogs' strings of the report's locale.
        locale: The report's locale (a BCP 47 tag such as ``fr`` or ``ar``).
    """

    strings: UiStrings
    locale: str

    @property
    def direction(self) -> str:
        """``rtl`` for a locale written right to left, else ``ltr``."""
        return text_direction(self.locale)

    def t(self, message: str, /, **values: Any) -> str:
        """``message`` translated, its ``%(name)s`` placeholders filled, in one language."""
        return self.strings.format(message, **values)

    def number(self, value: float, *, digits: int = 0) -> Localized:
        """A count or a score (``digits`` decimals), in the digits and separators of the
        sentence that shows it."""
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return Localized(
            lambda code: format_decimal(value, format=pattern, locale=_babel(code)), self.locale
        )

    def percent(self, share: float | None, *, digits: int = 0) -> Localized | str:
        """A share (``0.73``) as a percentage, or ``–`` when there is none."""
        if share is None:
            return "–"
        # The locale's own percent pattern (its spacing and sign position), with ``digits``
        # decimals at most.
        rounded = round(share, digits + 2)
        return Localized(
            lambda code: format_percent(rounded, locale=_babel(code), decimal_quantization=False),
            self.locale,
        )

    def date(self, value: str | None) -> Localized | str:
        """An ISO date or date-time as the locale writes it (medium length); other text as is."""
        if not value:
            return ""
        try:
            if "T" in value:
                moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
                return Localized(
                    lambda code: format_datetime(
                        moment, format="medium", tzinfo=moment.tzinfo, locale=_babel(code)
                    ),
                    self.locale,
                )
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return Localized(
            lambda code: format_date(day, format="medium", locale=_babel(code)), self.locale
        )


def report_language(
    locale: str = SOURCE_LOCALE, *, locales_dir: Path | None = None
) -> ReportLanguage:
    """The wording of a report in ``locale``.

    Args:
        locale: The report's locale; its region falls back to its language (``pt-BR`` ->
            ``pt``), a locale without catalogs to English.
        locales_dir: The site's ``locales/`` folder, whose entries win over helpcentre's.

    Raises:
        ValueError: Babel does not know ``locale`` (the message says which codes work).
    """
    try:
        Locale.parse(locale.replace("-", "_"))
    except (ValueError, LookupError, UnknownLocaleError) as error:
        raise ValueError(
            f"--locale {locale!r} is not a locale code Babel knows: use a tag such as fr, "
            "pt-BR or ar"
        ) from error
    parts = locale.replace("_", "-").split("-")
    fallbacks = ["-".join(parts[:n]) for n in range(len(parts) - 1, 0, -1)]
    strings = load_translations(
        locales_dir if locales_dir is not None else SHIPPED_LOCALES,
        locale,
        source_locale=SOURCE_LOCALE,
        fallbacks=fallbacks,
    )
    return ReportLanguage(strings, locale)


class ReportWriter:
    """The shorthands the report's renderers (HTML, Markdown) write with: sentences, and
    numbers, shares and dates as text of the report's locale.

    Attributes:
        language: The report's language.
    """

    def __init__(self, language: ReportLanguage) -> None:
        self.language = language
        #: ``_("...", **values)``: a sentence of the catalogs, filled (see ReportLanguage.t).
        self._ = language.t

    def n(self, value: float, *, digits: int = 0) -> str:
        """A count or a score as the locale writes it."""
        return str(self.language.number(value, digits=digits))

    def pct(self, value: float | None, *, digits: int = 0) -> str:
        """A share as the locale writes it, or ``–``."""
        return str(self.language.percent(value, digits=digits))

    def date(self, value: str | None) -> str:
        """An ISO date as the locale writes it."""
        return str(self.language.date(value))

    def helpfulness_values(self, helpfulness: Any) -> dict[str, Any]:
        """The values of a helpfulness summary sentence: ``helpful``, ``votes``, ``share``,
        ``bound`` and ``pages``, each written in the sentence's language."""
        language = self.language
        return {
            "helpful": language.number(helpfulness.helpful),
            "votes": language.number(helpfulness.votes),
            "share": language.percent(helpfulness.helpful_share),
            "bound": language.percent(helpfulness.wilson_lower_bound),
            "pages": language.number(helpfulness.pages_voted),
        }

    def synonyms_values(self, figures: Any, *, minimum: int, file: str) -> dict[str, Any]:
        """The values of the proposed-synonyms summary sentence: ``readers``, ``proposed``,
        ``minimum`` (readers a proposal needs) and ``file`` (where its first line goes)."""
        language = self.language
        return {
            "readers": language.number(figures.reformulations),
            "proposed": language.number(figures.proposed),
            "minimum": language.number(minimum),
            "file": file,
        }

    def searches_values(self, searches: Any) -> dict[str, Any]:
        """The values of a failed-searches summary sentence: ``failed``, ``zero`` (with no
        result at all) and ``distinct`` (queries)."""
        language = self.language
        return {
            "failed": language.number(searches.failed),
            "zero": language.number(searches.zero_results),
            "distinct": language.number(searches.distinct_queries),
        }
