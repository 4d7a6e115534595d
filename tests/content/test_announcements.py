"""Announcement windows: shown from start to end inclusive, in the locale or the default's."""

from __future__ import annotations

import datetime as dt

import pytest

from helpcentre.content.announcements import active_announcement, parse_announcements
from helpcentre.content.frontmatter import ContentError

RAW = [
    {
        "id": "sale",
        "start": "2026-12-14",
        "end": dt.date(2026, 12, 31),
        "text": {"en": "Holiday dates", "fr": "Dates des fêtes"},
    },
    {
        "id": "later",
        "start": dt.date(2027, 1, 2),
        "end": dt.date(2027, 1, 3),
        "text": {"en": "Later"},
    },
]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 12, 13), None),
        (dt.date(2026, 12, 14), "sale"),
        (dt.date(2026, 12, 31), "sale"),
        (dt.date(2027, 1, 1), None),
        (dt.date(2027, 1, 3), "later"),
        (dt.date(2027, 1, 4), None),
    ],
)
def test_window_is_inclusive(today: dt.date, expected: str | None) -> None:
    active = active_announcement(
        parse_announcements(RAW, source="mkdocs.yml"), "en", today, default_locale="en"
    )
    assert (active.id if active else None) == expected


def test_text_in_the_locale_else_the_default_locale_with_its_language() -> None:
    items = parse_announcements(RAW, source="mkdocs.yml")
    french = active_announcement(items, "fr", dt.date(2026, 12, 20), default_locale="en")
    assert (french.text, french.lang, french.end) == (
        "Dates des fêtes",
        "fr",
        dt.date(2026, 12, 31),
    )
    italian = active_announcement(items, "it", dt.date(2026, 12, 20), default_locale="en")
    assert (italian.text, italian.lang) == ("Holiday dates", "en")


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        ({"start": "2026-01-01", "end": "2026-01-02"}, "no text per locale"),
        ({"text": {"en": "x"}, "start": "2026-01-01"}, "needs a start and an end"),
        ({"text": {"en": "x"}, "start": "2026-13-01", "end": "2026-01-02"}, "is not a date"),
        ({"text": {"en": "x"}, "start": "2026-02-01", "end": "2026-01-02"}, "before it starts"),
    ],
)
def test_configuration_errors_say_what_to_write(item: dict, problem: str) -> None:
    with pytest.raises(ContentError, match=problem) as caught:
        parse_announcements([item], source="mkdocs.yml")
    assert caught.value.path == "mkdocs.yml" and caught.value.fix
