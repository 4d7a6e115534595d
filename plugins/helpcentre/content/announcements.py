"""Announcements: a message per locale shown in the announcement bar between two dates.

The window is evaluated when the site is built, so the site must be rebuilt every day for an
announcement to appear and disappear on time; the page also hides it in the browser once its end
date has passed, in case a rebuild is late.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from helpcentre.content.frontmatter import ContentError
from helpcentre.dates import as_date


@dataclass(frozen=True)
class Announcement:
    """One configured announcement.

    Attributes:
        id: Identifier (for the page and for writers).
        text: Message per locale (Markdown-free plain text).
        start: First day it is shown.
        end: Last day it is shown (inclusive).
        link: Optional page or URL the message links to.
    """

    id: str
    text: dict[str, str] = field(default_factory=dict)
    start: dt.date = dt.date.min
    end: dt.date = dt.date.max
    link: str = ""


@dataclass(frozen=True)
class ActiveAnnouncement:
    """The announcement a locale shows, with the language its text is in."""

    id: str
    text: str
    lang: str
    end: dt.date
    link: str


def _date(value: Any, *, source: str, where: str) -> dt.date:
    date = as_date(value)
    if date is not None:
        return date
    raise ContentError(
        source, 0, f"{where} is not a date ({value!r})", "write a date such as 2026-12-24"
    )


def parse_announcements(raw: Iterable[Mapping[str, Any]], *, source: str) -> list[Announcement]:
    """Check and convert the ``announcements`` option.

    Raises:
        ContentError: A missing id, text or date, or an end before the start.
    """
    result = []
    for number, item in enumerate(raw, start=1):
        ident = str(item.get("id") or f"announcement-{number}")
        where = f"announcement '{ident}'"
        text = item.get("text")
        if not isinstance(text, Mapping) or not text:
            raise ContentError(
                source,
                0,
                f"{where} has no text per locale",
                "write e.g. 'text: {en: Orders placed today ship Monday., fr: ...}'",
            )
        if "start" not in item or "end" not in item:
            raise ContentError(
                source,
                0,
                f"{where} needs a start and an end date",
                "add 'start: 2026-12-20' and 'end: 2026-12-27'",
            )
        start = _date(item["start"], source=source, where=f"{where}: start")
        end = _date(item["end"], source=source, where=f"{where}: end")
        if end < start:
            raise ContentError(
                source,
                0,
                f"{where} ends ({end}) before it starts ({start})",
                "swap the dates or correct the end",
            )
        result.append(
            Announcement(
                id=ident,
                text={str(k): str(v) for k, v in text.items()},
                start=start,
                end=end,
                link=str(item.get("link") or ""),
            )
        )
    return result


def active_announcement(
    announcements: Iterable[Announcement], locale: str, today: dt.date, *, default_locale: str
) -> ActiveAnnouncement | None:
    """The first announcement whose window contains ``today``, in ``locale`` or the default's."""
    for item in announcements:
        if not item.start <= today <= item.end:
            continue
        lang = locale if locale in item.text else default_locale
        if lang not in item.text:
            continue
        return ActiveAnnouncement(item.id, item.text[lang], lang, item.end, item.link)
    return None
