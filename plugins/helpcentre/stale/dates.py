"""What readers see: the page's "Last updated" and "Reviewed" dates, and the stale notice.

Dates are formatted by Babel in the language of their label, which comes from the Babel catalogs:
the page's locale, or the source language where the label is not translated, so that a label and
its date never mix two languages. This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import html
from functools import lru_cache
from gettext import NullTranslations

from babel.dates import format_date

from helpcentre.catalogs import UiStrings
from helpcentre.stale.pages import StalePage


def _babel_locale(locale: str) -> str:
    return locale.replace("-", "_")


@lru_cache(maxsize=4096)
def _time(day: dt.date, locale: str) -> str:
    # Cached: many pages share a day, and Babel's formatting is the costliest step per page.
    text = format_date(day, format="long", locale=_babel_locale(locale))
    return f'<time datetime="{day.isoformat()}">{html.escape(text)}</time>'


def dates_html(page: StalePage, translations: NullTranslations) -> str:
    """The dates block of a page, or ``""`` when no date is known.

    "Last updated" is the last content change (git, or ``reviewed`` when git cannot tell);
    "Reviewed" is the ``reviewed`` date from front matter.
    """
    _ = translations.gettext

    def language(label: str) -> str:
        if isinstance(translations, UiStrings):
            return translations.language_of(label)
        return page.locale

    parts: list[str] = []
    if page.updated is not None:
        label = html.escape(_("Last updated"))
        parts.append(
            f'<span class="helpcentre-dates__updated">{label}: '
            f"{_time(page.updated, language('Last updated'))}</span>"
        )
    reviewed = page.policy.reviewed if page.policy is not None else None
    if reviewed is not None:
        label = html.escape(_("Reviewed"))
        parts.append(
            f'<span class="helpcentre-dates__reviewed">{label}: '
            f"{_time(reviewed, language('Reviewed'))}</span>"
        )
    if not parts:
        return ""
    return f'<p class="helpcentre-dates">{" · ".join(parts)}</p>\n'


def notice_html(page: StalePage, translations: NullTranslations, *, expired: bool) -> str:
    """The notice shown to readers on a stale or expired article."""
    _ = translations.gettext
    if expired:
        title = _("This article has expired")
        text = _("It describes a situation that has ended and may no longer be accurate.")
    else:
        title = _("This article may be out of date")
        text = _("We are checking it. If something does not match what you see, contact us.")
    return (
        '<div class="admonition warning helpcentre-stale-notice">'
        f'<p class="admonition-title">{html.escape(title)}</p>'
        f"<p>{html.escape(text)}</p></div>\n"
    )
