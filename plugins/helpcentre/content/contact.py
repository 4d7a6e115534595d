"""Contact channels: configuration and their display in the reader's language.

Each channel (email, chat, phone, social) says when it is open, in which time zone, and how soon
customers get an answer. Day names, times, time-zone names and durations are formatted with Babel
for the locale being built.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_time, format_timedelta, get_day_names, get_timezone_location
from babel.dates import get_timezone as babel_timezone

from helpcentre.catalogs import Localized
from helpcentre.content.frontmatter import ContentError

CHANNEL_KINDS = ("email", "chat", "phone", "social")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DURATION = re.compile(r"^\s*(\d+)\s*(m|min|h|d)\s*$")
_UNITS = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days"}


@dataclass(frozen=True)
class Channel:
    """One way to reach customer service.

    Attributes:
        id: Identifier, also the HTML anchor.
        kind: One of :data:`CHANNEL_KINDS`.
        value: What the customer uses: address, number, handle or chat label.
        url: Link that opens the channel (``mailto:``, ``tel:``, a page or a social profile).
        days: Opening days (indexes 0 = Monday), empty when ``always`` open.
        opens: Opening time, or None when open at any time.
        closes: Closing time, or None when open at any time.
        timezone: IANA time-zone name of the hours.
        response: Expected time to a first answer.
    """

    id: str
    kind: str
    value: str
    url: str
    days: tuple[int, ...] = ()
    opens: dt.time | None = None
    closes: dt.time | None = None
    timezone: str = "UTC"
    response: dt.timedelta | None = None

    @property
    def always_open(self) -> bool:
        """True when the channel takes messages at any time."""
        return self.opens is None


@dataclass
class ChannelView:
    """A channel formatted for one locale (what the contact template prints)."""

    channel: Channel
    days: str = ""
    hours: str = ""
    timezone: str = ""
    response: Localized | str = ""
    #: The link's words: the channel's value, a chat label in the page's language.
    label: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _fail(source: str, where: str, problem: str, fix: str) -> ContentError:
    return ContentError(source, 0, f"contact channel '{where}': {problem}", fix)


def _days(value: Any, source: str, where: str) -> tuple[int, ...]:
    if isinstance(value, str) and "-" in value:
        first, _, last = value.partition("-")
        names = [first.strip().lower()[:3], last.strip().lower()[:3]]
        if all(name in DAYS for name in names):
            a, b = DAYS.index(names[0]), DAYS.index(names[1])
            return tuple(range(a, b + 1)) if a <= b else (*range(a, 7), *range(0, b + 1))
    elif isinstance(value, list) and all(str(v).lower()[:3] in DAYS for v in value):
        return tuple(sorted({DAYS.index(str(v).lower()[:3]) for v in value}))
    raise _fail(source, where, f"days {value!r} are not understood", "write 'days: mon-fri'")


def _time(value: Any, source: str, where: str) -> dt.time:
    if isinstance(value, int):  # YAML 1.1 reads 09:00 as a sexagesimal number of minutes
        return dt.time(value // 60, value % 60)
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError as error:
        raise _fail(
            source, where, f"time {value!r} is not HH:MM", "write e.g. '\"09:00\"'"
        ) from error


def _duration(value: Any, source: str, where: str) -> dt.timedelta:
    match = _DURATION.match(str(value))
    if not match:
        raise _fail(
            source,
            where,
            f"response time {value!r} is not understood",
            "write a number and a unit: '2m', '4h' or '1d'",
        )
    return dt.timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def parse_channels(
    raw: Iterable[Mapping[str, Any]], *, timezone: str, source: str
) -> list[Channel]:
    """Check and convert the ``contact.channels`` option.

    Raises:
        ContentError: An unknown kind, time zone, day, time or duration (naming the channel).
    """
    channels = []
    for number, item in enumerate(raw, start=1):
        where = str(item.get("id") or f"#{number}")
        kind = str(item.get("kind") or "")
        if kind not in CHANNEL_KINDS:
            raise _fail(
                source, where, f"unknown kind '{kind}'", f"use one of {', '.join(CHANNEL_KINDS)}"
            )
        zone = str(item.get("timezone") or timezone)
        try:
            babel_timezone(zone)
        except LookupError as error:
            raise _fail(
                source, where, f"unknown time zone '{zone}'", "write an IANA name: Europe/Paris"
            ) from error
        value = str(item.get("value") or "")
        url = str(item.get("url") or "")
        if not url and kind == "email" and value:
            url = f"mailto:{value}"
        if not url and kind == "phone" and value:
            url = "tel:" + re.sub(r"[^\d+]", "", value)
        if not value and not url:
            raise _fail(
                source, where, "no value or url", "add 'value:' (address, number) or 'url:'"
            )
        hours = item.get("hours", "always")
        days: tuple[int, ...] = ()
        opens = closes = None
        if hours != "always":
            if not isinstance(hours, Mapping) or not {"days", "opens", "closes"} <= set(hours):
                raise _fail(
                    source,
                    where,
                    "hours must be 'always' or days with opening and closing times",
                    'write \'hours: {days: mon-fri, opens: "09:00", closes: "18:00"}\'',
                )
            days = _days(hours["days"], source, where)
            opens = _time(hours["opens"], source, where)
            closes = _time(hours["closes"], source, where)
        response = item.get("response")
        channels.append(
            Channel(
                id=where,
                kind=kind,
                value=value,
                url=url,
                days=days,
                opens=opens,
                closes=closes,
                timezone=zone,
                response=_duration(response, source, where) if response is not None else None,
            )
        )
    return channels


def day_range(days: tuple[int, ...], locale: str) -> str:
    """Days as localised names, consecutive days collapsed: ``Monday – Friday``."""
    names = get_day_names("wide", locale=Locale.parse(locale))
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [
        names[run[0]] if len(run) == 1 else f"{names[run[0]]} – {names[run[-1]]}" for run in runs
    ]
    return ", ".join(parts)


#: Kinds whose ``value`` is words written for readers (a chat link's label), translated through
#: the site catalog; the others are addresses, numbers or handles, shown as written.
LABEL_KINDS = frozenset({"chat"})


def channel_label(channel: Channel, gettext: Callable[[str], str]) -> str:
    """What a page shows for the channel's link, in the page's language: a chat label through
    the site catalog (``site.po``), an address, number or handle as written."""
    if channel.kind in LABEL_KINDS and channel.value:
        return gettext(channel.value)
    return channel.value


def view_channel(
    channel: Channel, locale: str, gettext: Callable[[str], str] | None = None
) -> ChannelView:
    """Format a channel's hours, time zone, response time and label for ``locale``
    (``gettext``: the locale's catalogs, which translate a chat label)."""
    babel_locale = Locale.parse(locale.replace("-", "_"))
    view = ChannelView(channel=channel, label=channel_label(channel, gettext or str))
    zone = babel_timezone(channel.timezone)
    view.timezone = get_timezone_location(zone, locale=babel_locale)
    if not channel.always_open:
        view.days = day_range(channel.days, locale.replace("-", "_"))
        view.hours = (
            f"{format_time(channel.opens, 'short', locale=babel_locale)} – "
            f"{format_time(channel.closes, 'short', locale=babel_locale)}"
        )
    if channel.response is not None:
        response = channel.response
        # Shown inside a sentence ("within %(duration)s"): in that sentence's language.
        view.response = Localized(
            lambda language: format_timedelta(
                response, threshold=1.0, format="long", locale=_babel(language)
            ),
            locale,
        )
    return view


def _babel(code: str) -> Locale:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")
