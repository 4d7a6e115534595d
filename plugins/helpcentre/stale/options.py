"""The review policy and rule levels of a help centre, from the ``helpcentre/stale`` options.

This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from helpcentre.stale.policy import PolicySettings, parse_date, policy_settings
from helpcentre.stale.rules import HelpfulnessThresholds, rule_levels


@dataclass
class CheckOptions:
    """What ``helpcentre check`` needs besides the docs folder.

    Attributes:
        settings: Review policy defaults.
        levels: Level per rule id (``off`` disables a rule).
        source_locale: The locale translations are made from.
        ignore_marker: Commits with this text in their message are not content changes.
        feedback_summary: Feedback summary file or database URL, or None.
        helpfulness: Thresholds of the low-helpfulness rule.
        today: Date the rules compare against (default: today).
        changed_since: A git revision: only pages changed since then (and the translations those
            changes leave behind) are reported.
    """

    settings: PolicySettings = field(default_factory=PolicySettings)
    levels: Mapping[str, str] = field(default_factory=rule_levels)
    source_locale: str = "en"
    ignore_marker: str | None = "[format]"
    feedback_summary: str | None = None
    helpfulness: HelpfulnessThresholds = field(default_factory=HelpfulnessThresholds)
    today: dt.date | None = None
    changed_since: str | None = None


#: Keys of the ``helpcentre/stale`` plugin options that the check reads.
_CHECK_KEYS = (
    "review_every",
    "max_age",
    "owner",
    "categories",
    "types",
    "levels",
    "ignore_marker",
    "source_locale",
    "feedback_summary",
    "helpfulness_min_votes",
    "helpfulness_min_lower_bound",
    "today",
)


def check_options(plugin_options: Mapping[str, object], *, where: str) -> CheckOptions:
    """Turn the ``helpcentre/stale`` options (from ``mkdocs.yml``) into :class:`CheckOptions`.

    Args:
        plugin_options: The plugin's options, validated by MkDocs or read from YAML.
        where: Name of the options block for messages (``mkdocs.yml: plugins > helpcentre/stale``).

    Raises:
        ValueError: An option is wrong; the message names it and what to write.
    """
    options = dict(plugin_options)
    settings = policy_settings(
        review_every=options.get("review_every"),
        max_age=options.get("max_age"),
        owner=options.get("owner"),
        categories=_mapping(options.get("categories"), f"{where} > categories"),
        types=_mapping(options.get("types"), f"{where} > types"),
        where=where,
    )
    try:
        levels = rule_levels(_mapping(options.get("levels"), f"{where} > levels"))
    except ValueError as error:
        raise ValueError(f"{where} > levels: {error}") from None
    today = options.get("today")
    try:
        today_date = parse_date(today) if today not in (None, "") else None
        helpfulness = HelpfulnessThresholds(
            min_votes=int(options.get("helpfulness_min_votes", 20)),  # type: ignore[arg-type]
            min_lower_bound=float(options.get("helpfulness_min_lower_bound", 0.5)),  # type: ignore[arg-type]
        )
    except (TypeError, ValueError) as error:
        raise ValueError(f"{where}: {error}") from None
    marker = options.get("ignore_marker", "[format]")
    return CheckOptions(
        settings=settings,
        levels=levels,
        source_locale=str(options.get("source_locale") or "en"),
        ignore_marker=str(marker) if marker else None,
        feedback_summary=str(options["feedback_summary"])
        if options.get("feedback_summary")
        else None,
        helpfulness=helpfulness,
        today=today_date,
    )


def _mapping(value: object, where: str) -> dict[str, object]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"{where} must be a mapping, not {value!r}")
    return {str(key): item for key, item in value.items()}
