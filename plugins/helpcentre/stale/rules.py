"""Stale-page rules: small functions that look at one page and yield flags with reasons.

Every rule is registered once in :data:`RULES` with its id and default level; adding a rule is one
function and one line there. A rule receives the page and a :class:`RuleContext` (today's date,
the build's inputs, and its own id and level) and yields :class:`StaleFlag` objects made with
``context.flag(...)``. Levels are ``error`` (fails ``helpcentre check`` and ``mkdocs build
--strict``), ``warning``, ``info``, or ``off`` to disable a rule.

This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from helpcentre.content.frontmatter import ContentError
from helpcentre.stale.pages import StalePage

LEVELS = ("error", "warning", "info")
#: Level that disables a rule.
OFF = "off"


@dataclass(frozen=True)
class StaleFlag:
    """One finding about one page.

    Attributes:
        rule: Id of the rule that raised it (``review-overdue``).
        level: ``error``, ``warning`` or ``info``.
        path: The file as the writer knows it.
        line: 1-based line the finding points at.
        reason: What is wrong, in a sentence.
        fix: What to do about it.
    """

    rule: str
    level: str
    path: str
    line: int
    reason: str
    fix: str

    @property
    def message(self) -> str:
        """``path:line: reason -- fix``."""
        return f"{self.path}:{self.line}: {self.reason} -- {self.fix}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "rule": self.rule,
            "level": self.level,
            "path": self.path,
            "line": self.line,
            "reason": self.reason,
            "fix": self.fix,
        }


@dataclass(frozen=True)
class PageVotes:
    """Readers' votes on one page in one locale (from the feedback summary)."""

    votes: int
    helpful: int
    not_helpful: int
    wilson_lower_bound: float


@dataclass(frozen=True)
class TranslationLag:
    """A translation whose source changed after it was translated.

    Attributes:
        locale: The translation's locale.
        page_id: The page id shared by source and translation.
        source_path: The source file as the writer knows it.
        state: The translation status's word for it (``outdated``, ``behind`` ...).
        source_updated: When the source last changed, if known.
    """

    locale: str
    page_id: str
    source_path: str
    state: str
    source_updated: dt.date | None = None


@dataclass(frozen=True)
class HelpfulnessThresholds:
    """When a page counts as unhelpful.

    Attributes:
        min_votes: Fewer votes than this say nothing yet.
        min_lower_bound: A Wilson lower bound of the helpful share below this raises the flag.
    """

    min_votes: int = 20
    min_lower_bound: float = 0.5


@dataclass
class RuleInputs:
    """What the rules read besides the page itself.

    Attributes:
        today: The date rules compare against.
        feedback: Votes per ``<locale>/<page id>``.
        translations: Translations behind their source, per ``<locale>/<page id>``.
        broken_links: Broken links per ``<locale>/<page id>``.
        helpfulness: Thresholds of the low-helpfulness rule.
        source_locale: The locale translations are made from.
    """

    today: dt.date
    feedback: Mapping[str, PageVotes] = field(default_factory=dict)
    translations: Mapping[str, TranslationLag] = field(default_factory=dict)
    broken_links: Mapping[str, Sequence[ContentError]] = field(default_factory=dict)
    helpfulness: HelpfulnessThresholds = field(default_factory=HelpfulnessThresholds)
    source_locale: str = "en"


@dataclass(frozen=True)
class RuleContext:
    """The inputs plus the id and level of the rule being run."""

    rule: str
    level: str
    inputs: RuleInputs

    @property
    def today(self) -> dt.date:
        """The date rules compare against."""
        return self.inputs.today

    def flag(self, page: StalePage, line: int | str, reason: str, fix: str) -> StaleFlag:
        """A flag of this rule on ``page``; ``line`` may be a front matter key."""
        number = page.line_of(line) if isinstance(line, str) else line
        return StaleFlag(self.rule, self.level, page.path, number, reason, fix)


RuleCheck = Callable[[StalePage, RuleContext], Iterable[StaleFlag]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: its id, default level, and the function that checks a page."""

    name: str
    level: str
    check: RuleCheck


def _long(day: dt.date) -> str:
    return day.isoformat()


def review_overdue(page: StalePage, context: RuleContext) -> Iterator[StaleFlag]:
    """The review date (``reviewed`` + ``review_every``, or ``review_by``) has passed."""
    policy = page.policy
    if policy is None:
        return
    if policy.reviewed is None and policy.review_by is None:
        if policy.review_every is not None:
            yield context.flag(
                page,
                "reviewed",
                "the article has no 'reviewed' date",
                f"check it is still right, then add 'reviewed: {_long(context.today)}'",
            )
        return
    due = policy.review_due
    if due is None or due >= context.today:
        return
    days = (context.today - due).days
    if policy.review_by is not None:
        why = f"review was due by {_long(due)} ('review_by'), {days} days ago"
        line = "review_by"
        fix = (
            f"check the article, then set 'reviewed: {_long(context.today)}' and a new 'review_by'"
        )
    else:
        every = policy.review_every.describe() if policy.review_every else ""
        why = (
            f"review overdue by {days} days: last reviewed {_long(policy.reviewed)}, "
            f"to be reviewed every {every}"
        )
        line = "reviewed"
        fix = f"check the article is still right, then set 'reviewed: {_long(context.today)}'"
    owner = f" (owner: {policy.owner})" if policy.owner else ""
    yield context.flag(page, line, why + owner, fix)


def expired(page: StalePage, context: RuleContext) -> Iterator[StaleFlag]:
    """The article's ``expires`` date has come: what it says is no longer true."""
    if page.policy is None or page.policy.expires is None:
        return
    if page.policy.expires <= context.today:
        yield context.flag(
            page,
            "expires",
            f"the article expired on {_long(page.policy.expires)}",
            "remove the article, or update it and move 'expires' to its new end date",
        )


def unchanged_too_long(page: StalePage, context: RuleContext) -> Iterator[StaleFlag]:
    """The content has not changed for longer than its category (or type) allows."""
    policy = page.policy
    if policy is None or policy.max_age is None or page.updated is None:
        return
    limit = policy.max_age.after(page.updated)
    if limit < context.today:
        based_on = "" if page.dates_from == "git" else f" (date from {page.dates_from})"
        yield context.flag(
            page,
            1,
            f"content unchanged since {_long(page.updated)}{based_on}, longer than the "
            f"{policy.max_age.describe()} allowed for {page.meta.get('category', 'this page')}",
            "rewrite what has changed, or delete the article if nobody needs it any more",
        )


def broken_link(page: StalePage, context: RuleContext) -> Iterator[StaleFlag]:
    """An internal link points to a missing page or anchor."""
    for error in context.inputs.broken_links.get(page.key, ()):
        yield context.flag(page, error.line, error.problem, error.fix)


def low_helpfulness(page: StalePage, context: RuleContext) -> Iterator[StaleFlag]:
    """Enough readers voted, and the page's helpful share is credibly low (Wilson lower bound)."""
    votes = context.inputs.feedback.get(page.key)
    limits = context.inputs.helpfulness
    if votes is None or votes.votes < limits.min_votes:
        return
    if votes.wilson_lower_bound < limits.min_lower_bound:
        yield context.flag(
            page,
            "title",
            f"readers find the page unhelpful: {votes.helpful} of {votes.votes} votes helpful "
            f"(lower bound {votes.wilson_lower_bound:.2f} < {limits.min_lower_bound:.2f})",
            "read the readers' comments in the feedback report and rewrite the unclear parts",
        )


def translation_behind(page: StalePage, context: RuleContext) -> Iterator[StaleFlag]:
    """A translation was made from an older version of its source."""
    if page.locale == context.inputs.source_locale:
        return
    lag = context.inputs.translations.get(page.key)
    if lag is None:
        return
    since = f" (source changed {_long(lag.source_updated)})" if lag.source_updated else ""
    yield context.flag(
        page,
        1,
        f"translation is {lag.state}: {lag.source_path} changed after it was translated{since}",
        f"bring the translation in line with {lag.source_path}, then record the source version "
        "with 'helpcentre translations mark'",
    )


#: Every rule, in reporting order. Adding a rule: write its function above, add one line here.
RULES: tuple[Rule, ...] = (
    Rule("review-overdue", "warning", review_overdue),
    Rule("expired", "error", expired),
    Rule("unchanged-too-long", "warning", unchanged_too_long),
    Rule("broken-link", "error", broken_link),
    Rule("low-helpfulness", "warning", low_helpfulness),
    Rule("translation-behind", "warning", translation_behind),
)


def rule_levels(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each rule's level: its default, replaced by ``overrides``.

    Raises:
        ValueError: An unknown rule or level; the message lists the valid ones.
    """
    levels = {rule.name: rule.level for rule in RULES}
    for name, level in (overrides or {}).items():
        if level is False:
            # YAML reads a bare ``off`` as false.
            level = OFF
        if name not in levels:
            raise ValueError(f"unknown stale rule '{name}' -- use one of {', '.join(levels)}")
        if level not in (*LEVELS, OFF):
            raise ValueError(
                f"rule '{name}': unknown level '{level}' -- use {', '.join((*LEVELS, OFF))}"
            )
        levels[name] = level
    return levels


def evaluate(
    pages: Iterable[StalePage],
    inputs: RuleInputs,
    *,
    levels: Mapping[str, str] | None = None,
    rules: Sequence[Rule] = RULES,
) -> list[StaleFlag]:
    """Run every enabled rule on every page.

    Args:
        pages: The pages to check.
        inputs: Today's date and the data rules read.
        levels: Level per rule id (see :func:`rule_levels`); rules at ``off`` are skipped.
        rules: The rules to run (all registered rules by default).

    Returns:
        The flags, page by page in the order given, rules in registration order.
    """
    chosen = levels if levels is not None else rule_levels()
    contexts = [
        (rule, RuleContext(rule.name, chosen.get(rule.name, rule.level), inputs))
        for rule in rules
        if chosen.get(rule.name, rule.level) != OFF
    ]
    flags: list[StaleFlag] = []
    for page in pages:
        for rule, context in contexts:
            flags.extend(rule.check(page, context))
    return flags
