"""The feedback summary: votes, failed searches and contact deflection, aggregated.

The collector stores raw events; ``helpcentre feedback export`` (or ``GET /api/v1/export``) turns
them into this summary, and the build, the stale rule "low helpfulness" and the health report read
it with :func:`load_summary` from an exported file, or with
:func:`helpcentre.collector.summaries.load_summary` straight from the database URL (the database
belongs to the collector, which imports this module; this module never imports the collector).
The build never needs the collector to be running.

JSON format, version 1 (stable: fields are only ever added; a breaking change bumps ``version``)::

    {
      "version": 1,
      "generated_at": "2025-06-01T12:00:00Z",   # UTC, when the summary was computed
      "since": "2025-03-03",                     # first UTC day included
      "until": "2025-06-01",                     # last UTC day included
      "pages": {
        "fr/orders/track-your-order": {          # "<locale>/<page id>", sorted
          "locale": "fr",
          "page": "orders/track-your-order",
          "votes": 12,                           # helpful + not_helpful
          "helpful": 9,
          "not_helpful": 3,
          "helpful_share": 0.75,                 # helpful / votes
          "wilson_lower_bound": 0.4677,          # 95 % lower bound of the helpful share
          "reasons": {"outdated": 1, "unclear": 2, "missing-information": 0,
                      "not-solved": 0, "other": 0},  # every reason, always present
          "comments": [                          # at most 20, newest first
            {"text": "The tracking link is dead", "reason": "outdated", "date": "2025-05-30"}
          ],
          "daily": [                             # one entry per UTC day with votes, oldest first
            {"date": "2025-05-30", "helpful": 2, "not_helpful": 1}
          ]
        }
      },
      "searches": {
        "fr": [                                  # per locale, most frequent first
          {
            "query": "suivi colis",              # normalised (NFKC, case-folded, single spaces)
            "count": 5,                          # failed searches with this query
            "zero_results": 3,                   # ... that returned no result
            "no_click": 4,                       # ... whose results nobody clicked
            "first_seen": "2025-04-02",
            "last_seen": "2025-05-31",
            "daily": [{"date": "2025-04-02", "count": 1}]
          }
        ]
      },
      "contact": {                               # contact deflection, per locale (see below)
        "fr": {
          "shown": 40,                           # visits shown suggested articles
          "clicked": 12,                         # visits that opened a suggested article
          "contacted": 10,                       # visits that used a contact channel
          "avoided": 31,                         # visits shown suggestions that did not contact
          "clicked_pages": [                     # suggested pages opened, most visits first
            {"page": "orders/refunds", "clicked": 7}
          ],
          "daily": [                             # one entry per UTC day with events, oldest first
            {"date": "2025-05-30", "shown": 3, "clicked": 1, "contacted": 1, "avoided": 2}
          ]
        }
      },
      "widget": {                                # the help widget's deflection, per context
        "billing": {...}                         # same fields as a locale of "contact"; visits
      },                                         # are openings of the widget, all locales
      "reformulations": {                        # failed searches rephrased, per locale
        "fr": [                                  # most readers first
          {
            "query": "remboursment",             # the failed query, normalised
            "then_query": "remboursement",       # the query whose result was opened, normalised
            "page": "orders/refunds",            # the result opened
            "count": 3,                          # readers (per day) who did this
            "first_seen": "2025-04-02",
            "last_seen": "2025-05-31"
          }
        ]
      }
    }

``contact`` was added to version 1 without changing it: summaries written before it have no
``contact`` key (read back as ``contact is None``: no data), and readers that do not know it ignore
it. A summary computed from a database always has it, empty when the contact page recorded nothing.
Its counts are visits of the contact page (the page's random per-visit id, hashed under the day's
salt), each counted once per day and event: ``contacted`` includes visits that contacted support
without being shown suggestions, so ``avoided`` is not ``shown - contacted`` but the visits that
were shown suggestions and did not contact support the same day. A visit over midnight counts as
two. ``widget`` was added the same way: the help widget's events, per context of the product's
page (the contact page's events are in ``contact`` only, the widget's in ``widget`` only).
``reformulations`` was added the same way (absent: no data): a search that failed followed, in the
same browser tab, by another query whose result the reader opened; the health report proposes
synonyms and aliases from them.

Comments are reader-written text, stored and exported verbatim (``<script>`` stays
``<script>``): anything that displays them must escape them.

Votes are counted once per reader, page and day: the collector replaces an earlier vote by the
same reader on the same page the same day. Rank pages by ``wilson_lower_bound`` rather than
``helpful_share``: 1 helpful vote out of 1 is not better evidence than 90 out of 100.
"""

from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from helpcentre.records import (
    REASONS,
    ContactRecord,
    ReformulationRecord,
    SearchRecord,
    VoteRecord,
)

SUMMARY_VERSION = 1
#: How many comments each page keeps in the summary.
MAX_COMMENTS = 20
#: Export window when none is given.
DEFAULT_SINCE = "90d"

_WHITESPACE = re.compile(r"\s+")
_SINCE = re.compile(r"^(\d{1,5})([dw])$")


def wilson_lower_bound(positive: int, total: int, z: float = 1.96) -> float:
    """Lower bound of the Wilson score interval for a proportion.

    Args:
        positive: Number of positive outcomes (helpful votes).
        total: Number of outcomes (all votes).
        z: Standard normal quantile; 1.96 gives a 95 % two-sided interval.

    Returns:
        The lower bound in [0, 1]; 0.0 when there are no votes.

    Raises:
        ValueError: ``positive`` is negative or greater than ``total``.
    """
    if total < 0 or positive < 0 or positive > total:
        raise ValueError(f"need 0 <= positive <= total, got positive={positive}, total={total}")
    if total == 0:
        return 0.0
    share = positive / total
    z2 = z * z
    centre = share + z2 / (2 * total)
    margin = z * math.sqrt((share * (1 - share) + z2 / (4 * total)) / total)
    return max(0.0, (centre - margin) / (1 + z2 / total))


def normalise_query(query: str) -> str:
    """Return the key that groups searches typed differently: NFKC, case-folded, single spaces."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", query).casefold()).strip()


def parse_since(since: str, *, today: date | None = None) -> date:
    """Turn ``90d``, ``12w`` or an ISO date ``2025-01-31`` into the first UTC day to include.

    Raises:
        ValueError: ``since`` is none of those forms.
    """
    today = today or datetime.now(timezone.utc).date()
    match = _SINCE.match(since.strip())
    if match:
        amount = int(match.group(1)) * (7 if match.group(2) == "w" else 1)
        return today - timedelta(days=amount)
    try:
        return date.fromisoformat(since.strip())
    except ValueError:
        raise ValueError(
            f"since={since!r}: expected a number of days or weeks such as '90d' or '12w', "
            "or a date such as '2025-01-31'"
        ) from None


@dataclass(frozen=True)
class FeedbackComment:
    """A comment left with a vote."""

    text: str
    reason: str | None
    date: str


@dataclass(frozen=True)
class DailyVotes:
    """Votes on one page during one UTC day."""

    date: str
    helpful: int
    not_helpful: int


@dataclass(frozen=True)
class PageFeedback:
    """Everything readers said about one page in one locale."""

    locale: str
    page: str
    votes: int
    helpful: int
    not_helpful: int
    helpful_share: float
    wilson_lower_bound: float
    reasons: dict[str, int]
    comments: list[FeedbackComment] = field(default_factory=list)
    daily: list[DailyVotes] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The summary key, ``<locale>/<page id>``."""
        return f"{self.locale}/{self.page}"


@dataclass(frozen=True)
class DailySearches:
    """Failed searches for one query during one UTC day."""

    date: str
    count: int


@dataclass(frozen=True)
class SearchGap:
    """A query readers searched for without finding what they wanted."""

    locale: str
    query: str
    count: int
    zero_results: int
    no_click: int
    first_seen: str
    last_seen: str
    daily: list[DailySearches] = field(default_factory=list)


@dataclass(frozen=True)
class DailyContact:
    """Contact-page visits of one locale during one UTC day."""

    date: str
    shown: int
    clicked: int
    contacted: int
    avoided: int


@dataclass(frozen=True)
class ClickedSuggestion:
    """A suggested page and the number of contact-page visits that opened it."""

    page: str
    clicked: int


@dataclass(frozen=True)
class ContactDeflection:
    """What the contact page's suggestions did in one locale; counts are visits.

    Attributes:
        shown: Visits shown suggested articles.
        clicked: Visits that opened a suggested article.
        contacted: Visits that used a contact channel (shown suggestions or not).
        avoided: Visits shown suggestions that did not contact support.
        clicked_pages: Suggested pages opened, most visits first.
        daily: Per UTC day with events, oldest first.
    """

    locale: str
    shown: int
    clicked: int
    contacted: int
    avoided: int
    clicked_pages: list[ClickedSuggestion] = field(default_factory=list)
    daily: list[DailyContact] = field(default_factory=list)


@dataclass(frozen=True)
class Reformulation:
    """Readers whose search ``query`` failed and who then opened ``page`` found by
    ``then_query`` (both normalised); ``count`` is readers, each counted once a day."""

    locale: str
    query: str
    then_query: str
    page: str
    count: int
    first_seen: str
    last_seen: str


@dataclass
class FeedbackSummary:
    """Aggregated feedback over a window of days; see the module docstring for the JSON."""

    generated_at: str
    since: str
    until: str
    pages: dict[str, PageFeedback] = field(default_factory=dict)
    searches: dict[str, list[SearchGap]] = field(default_factory=dict)
    contact: dict[str, ContactDeflection] | None = None
    """Contact deflection per locale; None when the source has no contact section (no data)."""
    widget: dict[str, ContactDeflection] | None = None
    """The help widget's deflection per context (each entry's ``locale`` holds the context);
    None when the source has no widget section (no data)."""
    reformulations: dict[str, list[Reformulation]] | None = None
    """Failed searches rephrased, per locale, most readers first; None when the source has no
    reformulations section (no data)."""
    version: int = SUMMARY_VERSION

    def page(self, locale: str, page: str) -> PageFeedback | None:
        """Return the feedback of ``page`` in ``locale``, or None if nobody voted on it."""
        return self.pages.get(f"{locale}/{page}")

    def to_dict(self) -> dict[str, Any]:
        """Return the summary as JSON-ready data (the documented version-1 layout)."""
        data: dict[str, Any] = {
            "version": self.version,
            "generated_at": self.generated_at,
            "since": self.since,
            "until": self.until,
            "pages": {key: _page_dict(page) for key, page in sorted(self.pages.items())},
            "searches": {
                locale: [_without_locale(gap) for gap in gaps]
                for locale, gaps in sorted(self.searches.items())
            },
        }
        if self.contact is not None:
            data["contact"] = {
                locale: _without_locale(entry) for locale, entry in sorted(self.contact.items())
            }
        if self.widget is not None:
            data["widget"] = {
                context: _without_locale(entry) for context, entry in sorted(self.widget.items())
            }
        if self.reformulations is not None:
            data["reformulations"] = {
                locale: [_without_locale(pair) for pair in pairs]
                for locale, pairs in sorted(self.reformulations.items())
            }
        return data

    def to_json(self, *, indent: int | None = 1) -> str:
        """Serialise to JSON text (UTF-8 characters kept, keys in a stable order)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Any, *, source: str = "summary") -> FeedbackSummary:
        """Read the documented layout back.

        Raises:
            ValueError: The data is not a version-1 summary; the message names the field.
        """
        reader = _Reader(source)
        data = reader.mapping(data, "")
        version = data.get("version")
        if version != SUMMARY_VERSION:
            raise ValueError(
                f"{source}: unsupported summary version {version!r} (this helpcentre reads "
                f"version {SUMMARY_VERSION}) -- export the summary again"
            )
        pages: dict[str, PageFeedback] = {}
        for key, value in reader.mapping(data.get("pages"), "pages").items():
            pages[key] = reader.page(value, f"pages.{key}")
        searches: dict[str, list[SearchGap]] = {}
        for locale, gaps in reader.mapping(data.get("searches"), "searches").items():
            if not isinstance(gaps, list):
                raise ValueError(f"{source}: searches.{locale} must be a list")
            searches[locale] = [
                reader.gap(gap, locale, f"searches.{locale}[{index}]")
                for index, gap in enumerate(gaps)
            ]
        contact: dict[str, ContactDeflection] | None = None
        if data.get("contact") is not None:
            contact = {
                locale: reader.contact(entry, locale, f"contact.{locale}")
                for locale, entry in reader.mapping(data["contact"], "contact").items()
            }
        widget: dict[str, ContactDeflection] | None = None
        if data.get("widget") is not None:
            widget = {
                context: reader.contact(entry, context, f"widget.{context}")
                for context, entry in reader.mapping(data["widget"], "widget").items()
            }
        reformulations: dict[str, list[Reformulation]] | None = None
        if data.get("reformulations") is not None:
            reformulations = {}
            for locale, pairs in reader.mapping(data["reformulations"], "reformulations").items():
                if not isinstance(pairs, list):
                    raise ValueError(f"{source}: reformulations.{locale} must be a list")
                reformulations[locale] = [
                    reader.reformulation(pair, locale, f"reformulations.{locale}[{index}]")
                    for index, pair in enumerate(pairs)
                ]
        return cls(
            generated_at=reader.text(data, "generated_at", ""),
            since=reader.text(data, "since", ""),
            until=reader.text(data, "until", ""),
            pages=pages,
            searches=searches,
            contact=contact,
            widget=widget,
            reformulations=reformulations,
        )

    @classmethod
    def from_json(cls, text: str, *, source: str = "summary") -> FeedbackSummary:
        """Parse JSON text written by :meth:`to_json`.

        Raises:
            ValueError: The text is not JSON or not a version-1 summary (message names ``source``).
        """
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"{source}:{error.lineno}: invalid JSON ({error.msg})") from None
        return cls.from_dict(data, source=source)


def _page_dict(page: PageFeedback) -> dict[str, Any]:
    data = asdict(page)
    data["reasons"] = {reason: page.reasons.get(reason, 0) for reason in REASONS}
    return data


def _without_locale(entry: SearchGap | ContactDeflection | Reformulation) -> dict[str, Any]:
    data = asdict(entry)
    del data["locale"]  # implied by the enclosing key
    return data


class _Reader:
    """Type-checked access to decoded JSON with error messages naming the field."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> ValueError:
        return ValueError(f"{self.source}: {where or 'top level'} {problem}")

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be a JSON object")
        return value

    def text(self, data: dict[str, Any], key: str, where: str, *, optional: bool = False) -> Any:
        value = data.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}".lstrip("."), "must be a string")
        return value

    def count(self, data: dict[str, Any], key: str, where: str) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(f"{where}.{key}", "must be a non-negative integer")
        return value

    def number(self, data: dict[str, Any], key: str, where: str) -> float:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"{where}.{key}", "must be a number")
        return float(value)

    def items(self, data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{where}.{key}", "must be a list")
        return [self.mapping(item, f"{where}.{key}[{i}]") for i, item in enumerate(value)]

    def page(self, value: Any, where: str) -> PageFeedback:
        data = self.mapping(value, where)
        reasons = self.mapping(data.get("reasons", {}), f"{where}.reasons")
        return PageFeedback(
            locale=self.text(data, "locale", where),
            page=self.text(data, "page", where),
            votes=self.count(data, "votes", where),
            helpful=self.count(data, "helpful", where),
            not_helpful=self.count(data, "not_helpful", where),
            helpful_share=self.number(data, "helpful_share", where),
            wilson_lower_bound=self.number(data, "wilson_lower_bound", where),
            reasons={r: self.count(reasons, r, f"{where}.reasons") for r in reasons},
            comments=[
                FeedbackComment(
                    text=self.text(c, "text", where),
                    reason=self.text(c, "reason", where, optional=True),
                    date=self.text(c, "date", where),
                )
                for c in self.items(data, "comments", where)
            ],
            daily=[
                DailyVotes(
                    date=self.text(d, "date", where),
                    helpful=self.count(d, "helpful", where),
                    not_helpful=self.count(d, "not_helpful", where),
                )
                for d in self.items(data, "daily", where)
            ],
        )

    def contact(self, value: Any, locale: str, where: str) -> ContactDeflection:
        data = self.mapping(value, where)
        return ContactDeflection(
            locale=locale,
            shown=self.count(data, "shown", where),
            clicked=self.count(data, "clicked", where),
            contacted=self.count(data, "contacted", where),
            avoided=self.count(data, "avoided", where),
            clicked_pages=[
                ClickedSuggestion(
                    page=self.text(p, "page", f"{where}.clicked_pages[{i}]"),
                    clicked=self.count(p, "clicked", f"{where}.clicked_pages[{i}]"),
                )
                for i, p in enumerate(self.items(data, "clicked_pages", where))
            ],
            daily=[
                DailyContact(
                    date=self.text(d, "date", f"{where}.daily[{i}]"),
                    shown=self.count(d, "shown", f"{where}.daily[{i}]"),
                    clicked=self.count(d, "clicked", f"{where}.daily[{i}]"),
                    contacted=self.count(d, "contacted", f"{where}.daily[{i}]"),
                    avoided=self.count(d, "avoided", f"{where}.daily[{i}]"),
                )
                for i, d in enumerate(self.items(data, "daily", where))
            ],
        )

    def reformulation(self, value: Any, locale: str, where: str) -> Reformulation:
        data = self.mapping(value, where)
        return Reformulation(
            locale=locale,
            query=self.text(data, "query", where),
            then_query=self.text(data, "then_query", where),
            page=self.text(data, "page", where),
            count=self.count(data, "count", where),
            first_seen=self.text(data, "first_seen", where),
            last_seen=self.text(data, "last_seen", where),
        )

    def gap(self, value: Any, locale: str, where: str) -> SearchGap:
        data = self.mapping(value, where)
        return SearchGap(
            locale=locale,
            query=self.text(data, "query", where),
            count=self.count(data, "count", where),
            zero_results=self.count(data, "zero_results", where),
            no_click=self.count(data, "no_click", where),
            first_seen=self.text(data, "first_seen", where),
            last_seen=self.text(data, "last_seen", where),
            daily=[
                DailySearches(date=self.text(d, "date", where), count=self.count(d, "count", where))
                for d in self.items(data, "daily", where)
            ],
        )


def contact_deflection(
    events: Iterable[ContactRecord],
    *,
    since: date,
    until: date,
    by: Callable[[ContactRecord], str] = lambda event: event.locale,
) -> dict[str, ContactDeflection]:
    """Count visits per locale (or per what ``by`` says): shown, clicked, contacted, avoided.

    A visit is one ``session`` on one day (the collector's session keys change every day).
    ``avoided`` counts the visits shown suggestions without a ``contacted`` event.

    Args:
        events: Stored contact events; those outside ``since``..``until`` are ignored.
        since: First UTC day included.
        until: Last UTC day included.
        by: The key events are counted under (the locale; the widget's context).

    Returns:
        One entry per key with events (its ``locale`` field holds the key).
    """
    first, last = since.isoformat(), until.isoformat()
    # (locale, day, session) -> the events of that visit; (locale, page) -> visits opening it.
    visits: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    opened: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for event in events:
        if not first <= event.day <= last:
            continue
        key = by(event)
        visits[(key, event.day, event.session)].add(event.event)
        if event.event == "clicked" and event.page:
            opened[(key, event.page)].add((event.day, event.session))
    per_day: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for (locale, day, _), kinds in visits.items():
        counts = per_day[locale][day]
        counts.update(kinds)
        if "shown" in kinds and "contacted" not in kinds:
            counts["avoided"] += 1
    result: dict[str, ContactDeflection] = {}
    for locale, days in sorted(per_day.items()):
        daily = [
            DailyContact(day, c["shown"], c["clicked"], c["contacted"], c["avoided"])
            for day, c in sorted(days.items())
        ]
        pages = sorted(
            (
                ClickedSuggestion(page, len(sessions))
                for (code, page), sessions in opened.items()
                if code == locale
            ),
            key=lambda item: (-item.clicked, item.page),
        )
        result[locale] = ContactDeflection(
            locale=locale,
            shown=sum(d.shown for d in daily),
            clicked=sum(d.clicked for d in daily),
            contacted=sum(d.contacted for d in daily),
            avoided=sum(d.avoided for d in daily),
            clicked_pages=pages,
            daily=daily,
        )
    return result


def reformulation_pairs(
    records: Iterable[ReformulationRecord], *, since: date, until: date
) -> dict[str, list[Reformulation]]:
    """Count readers per locale, failed query, query opened and page; most readers first.

    A reader is counted once a day for a pair (the collector's reader keys change every day).
    """
    first, last = since.isoformat(), until.isoformat()
    days: dict[tuple[str, str, str, str], dict[str, set[str]]] = defaultdict(
        lambda: defaultdict(set)
    )
    for record in records:
        if first <= record.day <= last:
            key = (record.locale, record.normalised, record.then_normalised, record.page)
            days[key][record.day].add(record.reader)
    result: dict[str, list[Reformulation]] = defaultdict(list)
    for (locale, query, then_query, page), readers in days.items():
        result[locale].append(
            Reformulation(
                locale=locale,
                query=query,
                then_query=then_query,
                page=page,
                count=sum(len(day_readers) for day_readers in readers.values()),
                first_seen=min(readers),
                last_seen=max(readers),
            )
        )
    for pairs in result.values():
        pairs.sort(key=lambda pair: (-pair.count, pair.query, pair.then_query, pair.page))
    return dict(sorted(result.items()))


def build_summary(
    votes: Iterable[VoteRecord],
    searches: Iterable[SearchRecord],
    *,
    since: date,
    until: date,
    generated_at: datetime | None = None,
    contact_events: Iterable[ContactRecord] | None = None,
    reformulations: Iterable[ReformulationRecord] | None = None,
) -> FeedbackSummary:
    """Aggregate stored events into a summary; pure apart from the clock (see ``generated_at``).

    Events outside ``since``..``until`` (UTC days, inclusive) are ignored. Without
    ``contact_events`` the summary has no contact section (``contact is None``); with them,
    even none, it has one; ``reformulations`` likewise.
    """
    first, last = since.isoformat(), until.isoformat()
    page_votes: dict[tuple[str, str], list[VoteRecord]] = defaultdict(list)
    for vote in votes:
        if first <= vote.day <= last:
            page_votes[(vote.locale, vote.page)].append(vote)
    pages: dict[str, PageFeedback] = {}
    for (locale, page_id), records in page_votes.items():
        helpful = sum(1 for r in records if r.helpful)
        total = len(records)
        per_day: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for record in records:
            per_day[record.day][0 if record.helpful else 1] += 1
        commented = sorted(
            (r for r in records if r.comment),
            key=lambda r: (r.created_at, r.reader),
            reverse=True,
        )[:MAX_COMMENTS]
        reasons = Counter(r.reason for r in records if r.reason)
        entry = PageFeedback(
            locale=locale,
            page=page_id,
            votes=total,
            helpful=helpful,
            not_helpful=total - helpful,
            helpful_share=round(helpful / total, 4),
            wilson_lower_bound=round(wilson_lower_bound(helpful, total), 4),
            reasons={reason: reasons.get(reason, 0) for reason in REASONS},
            comments=[FeedbackComment(r.comment or "", r.reason, r.day) for r in commented],
            daily=[DailyVotes(day, h, n) for day, (h, n) in sorted(per_day.items())],
        )
        pages[entry.key] = entry

    grouped: dict[tuple[str, str], list[SearchRecord]] = defaultdict(list)
    for search in searches:
        if first <= search.day <= last:
            grouped[(search.locale, search.normalised)].append(search)
    gaps: dict[str, list[SearchGap]] = defaultdict(list)
    for (locale, query), records in grouped.items():
        days = Counter(r.day for r in records)
        gaps[locale].append(
            SearchGap(
                locale=locale,
                query=query,
                count=len(records),
                zero_results=sum(1 for r in records if r.results == 0),
                no_click=sum(1 for r in records if not r.clicked),
                first_seen=min(days),
                last_seen=max(days),
                daily=[DailySearches(day, n) for day, n in sorted(days.items())],
            )
        )
    for locale_gaps in gaps.values():
        locale_gaps.sort(key=lambda gap: (-gap.count, gap.query))

    events = None if contact_events is None else list(contact_events)
    page_events = [event for event in events or () if event.context is None]
    widget_events = [event for event in events or () if event.context is not None]
    window = {"since": since, "until": until}
    moment = generated_at or datetime.now(timezone.utc)
    return FeedbackSummary(
        generated_at=moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        since=first,
        until=last,
        pages=dict(sorted(pages.items())),
        searches=dict(sorted(gaps.items())),
        contact=None if events is None else contact_deflection(page_events, **window),
        widget=(
            None
            if events is None
            else contact_deflection(widget_events, **window, by=lambda event: event.context or "")
        ),
        reformulations=(
            None if reformulations is None else reformulation_pairs(reformulations, **window)
        ),
    )


def load_summary(source: str | os.PathLike[str]) -> FeedbackSummary:
    """Load a summary from a JSON file written by ``helpcentre feedback export``.

    Raises:
        ValueError: The file is missing, not JSON, or not a version-1 summary; the message names it.
    """
    path = Path(os.fspath(source))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(
            f"{path}: feedback summary not found -- write it with "
            "'helpcentre feedback export --db URL > FILE' or pass the database URL"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: cannot read the feedback summary ({error})") from None
    return FeedbackSummary.from_json(text, source=str(path))
