"""Contact channels: configuration errors and formatting in the reader's language."""

from __future__ import annotations

import datetime as dt

import pytest

from helpcentre.content.contact import day_range, parse_channels, view_channel
from helpcentre.content.frontmatter import ContentError

RAW = [
    {"id": "email", "kind": "email", "value": "help@shop.example", "response": "1d"},
    {
        "id": "chat",
        "kind": "chat",
        "value": "Chat",
        "url": "#chat",
        "hours": {"days": "mon-fri", "opens": "09:00", "closes": "18:00"},
        "response": "2m",
    },
    {
        "id": "phone",
        "kind": "phone",
        "value": "+33 4 00 00 00 00",
        "hours": {"days": ["sat", "mon", "tue"], "opens": 540, "closes": "17:30"},
        "timezone": "Asia/Tokyo",
        "response": "4h",
    },
]


def channels():
    return parse_channels(RAW, timezone="Europe/Paris", source="mkdocs.yml")


def test_links_are_derived_from_the_value() -> None:
    email, chat, phone = channels()
    assert email.url == "mailto:help@shop.example" and email.always_open
    assert phone.url == "tel:+33400000000"
    assert phone.opens == dt.time(9, 0) and phone.days == (0, 1, 5)
    assert chat.response == dt.timedelta(minutes=2) and chat.timezone == "Europe/Paris"


def test_views_in_english_and_french_use_local_names_and_formats() -> None:
    email, chat, phone = channels()
    en, fr = view_channel(chat, "en"), view_channel(chat, "fr")
    assert en.days == "Monday – Friday" and fr.days == "lundi – vendredi"
    assert en.hours == "9:00\u202fAM – 6:00\u202fPM" and fr.hours == "09:00 – 18:00"
    assert en.timezone == "France Time" and fr.timezone == "heure : France"
    assert str(en.response) == "2 minutes" and str(fr.response) == "2 minutes"
    assert str(view_channel(email, "fr").response) == "1\xa0jour"
    assert view_channel(email, "fr").hours == ""
    assert view_channel(phone, "ja").days == "月曜日 – 火曜日, 土曜日"
    assert str(view_channel(phone, "ja").response) == "4 時間"


def test_day_range_collapses_runs() -> None:
    assert day_range((0, 1, 2, 4, 6), "en") == "Monday – Wednesday, Friday, Sunday"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"kind": "fax"}, "unknown kind 'fax'"),
        ({"timezone": "Mars/Olympus"}, "unknown time zone"),
        ({"hours": {"days": "someday", "opens": "09:00", "closes": "10:00"}}, "days"),
        ({"hours": {"days": "mon-fri", "opens": "9h", "closes": "10:00"}}, "not HH:MM"),
        ({"hours": {"days": "mon-fri"}}, "hours must be"),
        ({"response": "soon"}, "response time"),
        ({"value": "", "url": ""}, "no value or url"),
    ],
)
def test_channel_errors_name_the_channel_and_the_fix(change: dict, problem: str) -> None:
    item = {**RAW[1], **change}
    with pytest.raises(ContentError, match=problem) as caught:
        parse_channels([item], timezone="Europe/Paris", source="mkdocs.yml")
    assert "contact channel 'chat'" in caught.value.problem and caught.value.fix
