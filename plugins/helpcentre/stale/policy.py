"""Review policy: who owns an article, when it was checked, when it must be checked again.

An article's front matter says ``owner``, ``reviewed`` and either ``review_every`` (``90d``, ``2w``,
``6m``, ``1y``) or ``review_by`` (a date), and ``expires`` for time-bound articles. What the
article leaves out comes from the configuration: first its category's defaults, then its type's,
then the site-wide default. Every wrong value is a :class:`ContentError` naming file and line.

This module never imports MkDocs.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from helpcentre.content.frontmatter import ContentError, FrontMatter
from helpcentre.dates import as_date

_INTERVAL = re.compile(r"^\s*(\d+)\s*([a-zA-Z]+)\s*$")
_UNITS = {"d": "day", "w": "week", "m": "month", "y": "year"}
_INTERVAL_EXAMPLE = "a number and a unit: 90d (days), 2w (weeks), 6m (months) or 1y (years)"

#: Keys a category or type default may set in the configuration.
POLICY_KEYS = ("review_every", "max_age", "owner")


@dataclass(frozen=True)
class Interval:
    """A review interval such as ``6m``.

    Attributes:
        amount: How many units.
        unit: ``d``, ``w``, ``m`` or ``y``.
    """

    amount: int
    unit: str

    def after(self, start: dt.date) -> dt.date:
        """The date ``self`` after ``start``; months and years keep the day (clamped)."""
        if self.unit == "d":
            return start + dt.timedelta(days=self.amount)
        if self.unit == "w":
            return start + dt.timedelta(weeks=self.amount)
        months = self.amount * (12 if self.unit == "y" else 1)
        index = start.month - 1 + months
        year, month = start.year + index // 12, index % 12 + 1
        return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"

    def describe(self) -> str:
        """The interval in words, e.g. ``6 months``."""
        word = _UNITS[self.unit]
        return f"{self.amount} {word}{'' if self.amount == 1 else 's'}"


def parse_interval(value: Any) -> Interval:
    """Parse ``90d``, ``2w``, ``6m`` or ``1y``.

    Raises:
        ValueError: Not a positive number followed by a known unit; the message says what to write.
    """
    match = _INTERVAL.match(str(value)) if isinstance(value, str | int) else None
    if not match:
        raise ValueError(f"'{value}' is not an interval -- write {_INTERVAL_EXAMPLE}")
    amount, unit = int(match.group(1)), match.group(2).lower()
    if unit not in _UNITS:
        raise ValueError(
            f"unknown unit '{match.group(2)}' in '{value}' -- write {_INTERVAL_EXAMPLE}"
        )
    if amount <= 0:
        raise ValueError(f"'{value}' must be longer than zero -- write {_INTERVAL_EXAMPLE}")
    return Interval(amount, unit)


def parse_date(value: Any) -> dt.date:
    """Turn a YAML date (or an ISO text) into a date.

    Raises:
        ValueError: Not a valid calendar date.
    """
    date = as_date(value)
    if date is None:
        raise ValueError(f"'{value}' is not a date -- write an ISO date such as 2026-08-14")
    return date


@dataclass(frozen=True)
class PolicyDefaults:
    """Defaults for articles that do not state their own policy.

    Attributes:
        review_every: How often an article is reviewed (None: only when it says so).
        max_age: How long its content may stay unchanged (None: no limit).
        owner: Who owns it.
    """

    review_every: Interval | None = None
    max_age: Interval | None = None
    owner: str | None = None


@dataclass(frozen=True)
class PolicySettings:
    """The site's review policy, from the plugin configuration.

    Attributes:
        default: Site-wide defaults.
        categories: Defaults per category id (``billing``), applied before the type's.
        types: Defaults per article type (``troubleshooting``).
    """

    default: PolicyDefaults = field(default_factory=PolicyDefaults)
    categories: Mapping[str, PolicyDefaults] = field(default_factory=dict)
    types: Mapping[str, PolicyDefaults] = field(default_factory=dict)

    def lookup(self, key: str, category: str | None, kind: str | None) -> Any:
        """The first value of ``key`` set by the category, then the type, then the default."""
        for scope in (self.categories.get(category or ""), self.types.get(kind or "")):
            if scope is not None and getattr(scope, key) is not None:
                return getattr(scope, key)
        return getattr(self.default, key)


def _defaults(data: Any, where: str) -> PolicyDefaults:
    if data is None:
        return PolicyDefaults()
    if not isinstance(data, Mapping):
        raise ValueError(f"{where} must be a mapping of {', '.join(POLICY_KEYS)}")
    unknown = sorted(set(data) - set(POLICY_KEYS))
    if unknown:
        raise ValueError(f"{where}: unknown key '{unknown[0]}' -- use {', '.join(POLICY_KEYS)}")
    values: dict[str, Any] = {}
    for key in ("review_every", "max_age"):
        if data.get(key) is not None:
            try:
                values[key] = parse_interval(data[key])
            except ValueError as error:
                raise ValueError(f"{where}.{key}: {error}") from None
    if data.get("owner") is not None:
        values["owner"] = str(data["owner"])
    return PolicyDefaults(**values)


def policy_settings(
    *,
    review_every: Any = None,
    max_age: Any = None,
    owner: Any = None,
    categories: Mapping[str, Any] | None = None,
    types: Mapping[str, Any] | None = None,
    where: str = "helpcentre/stale",
) -> PolicySettings:
    """Build and validate :class:`PolicySettings` from configuration values.

    Args:
        review_every: Site-wide interval (``1y``) or None.
        max_age: Site-wide longest time without a content change, or None.
        owner: Site-wide owner, or None.
        categories: ``{category: {review_every, max_age, owner}}``.
        types: ``{type: {review_every, max_age, owner}}``.
        where: Name of the configuration block, for messages.

    Raises:
        ValueError: A wrong interval or key; the message names the option and what to write.
    """
    default = _defaults({"review_every": review_every, "max_age": max_age, "owner": owner}, where)
    return PolicySettings(
        default=default,
        categories={
            str(name): _defaults(value, f"{where}.categories.{name}")
            for name, value in (categories or {}).items()
        },
        types={
            str(name): _defaults(value, f"{where}.types.{name}")
            for name, value in (types or {}).items()
        },
    )


@dataclass(frozen=True)
class ReviewPolicy:
    """The review policy of one article, front matter and defaults merged.

    Attributes:
        owner: Team or person responsible, or None.
        reviewed: When the content was last checked, or None.
        review_every: Interval between reviews, or None.
        review_by: Fixed date of the next review, or None.
        expires: Date after which the article is wrong, or None.
        max_age: Longest time its content may stay unchanged, or None.
        source: Where ``review_every`` came from: ``article``, ``category``, ``type``, ``default``.
    """

    owner: str | None = None
    reviewed: dt.date | None = None
    review_every: Interval | None = None
    review_by: dt.date | None = None
    expires: dt.date | None = None
    max_age: Interval | None = None
    source: str = "default"

    @property
    def review_due(self) -> dt.date | None:
        """When the next review is due: ``review_by``, else ``reviewed`` + ``review_every``."""
        if self.review_by is not None:
            return self.review_by
        if self.reviewed is not None and self.review_every is not None:
            return self.review_every.after(self.reviewed)
        return None


def _front_date(front: FrontMatter, path: str, key: str) -> dt.date | None:
    if key not in front.meta or front.meta[key] is None:
        return None
    try:
        return parse_date(front.meta[key])
    except ValueError as error:
        problem, _, fix = str(error).partition(" -- ")
        raise ContentError(path, front.line_of(key), f"'{key}': {problem}", fix) from None


def article_policy(front: FrontMatter, path: str, settings: PolicySettings) -> ReviewPolicy:
    """Read and validate an article's review policy, filling gaps from ``settings``.

    Args:
        front: The parsed front matter.
        path: The file as the writer knows it (``docs/en/orders/track-your-order.md``).
        settings: The site's defaults.

    Raises:
        ContentError: A wrong date, an unknown interval unit, or both ``review_every`` and
            ``review_by``; names the file and line.
    """
    meta = front.meta
    category, kind = meta.get("category"), meta.get("type")
    category = category if isinstance(category, str) else None
    kind = kind if isinstance(kind, str) else None
    reviewed = _front_date(front, path, "reviewed")
    review_by = _front_date(front, path, "review_by")
    expires = _front_date(front, path, "expires")
    review_every: Interval | None = None
    source = "article"
    if meta.get("review_every") is not None:
        if review_by is not None:
            raise ContentError(
                path,
                front.line_of("review_by"),
                "'review_every' and 'review_by' are both set",
                "keep one: 'review_every: 6m' for a regular review or 'review_by: <date>' for one",
            )
        try:
            review_every = parse_interval(meta["review_every"])
        except ValueError as error:
            problem, _, fix = str(error).partition(" -- ")
            raise ContentError(
                path, front.line_of("review_every"), f"'review_every': {problem}", fix
            ) from None
    elif review_by is None:
        review_every = settings.lookup("review_every", category, kind)
        source = _scope_of(settings, "review_every", category, kind)
    owner = meta.get("owner")
    if owner is not None and not isinstance(owner, str):
        raise ContentError(
            path,
            front.line_of("owner"),
            f"'owner' must be a text, not {owner!r}",
            "write a team or person, e.g. 'owner: orders-team'",
        )
    return ReviewPolicy(
        owner=owner or settings.lookup("owner", category, kind),
        reviewed=reviewed,
        review_every=review_every,
        review_by=review_by,
        expires=expires,
        max_age=settings.lookup("max_age", category, kind),
        source=source,
    )


def _scope_of(settings: PolicySettings, key: str, category: str | None, kind: str | None) -> str:
    if getattr(settings.categories.get(category or ""), key, None) is not None:
        return "category"
    if getattr(settings.types.get(kind or ""), key, None) is not None:
        return "type"
    return "default"
