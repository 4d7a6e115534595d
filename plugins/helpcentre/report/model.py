"""The health report's data: what support leads read, per locale and for the whole help centre.

Plain dataclasses with ``to_dict()``; :mod:`helpcentre.report.build` fills them from the other
capabilities' results, and the renderers (JSON, Markdown, HTML) only read them. Every text that
came from readers (comments, search queries, reformulations) is stored verbatim here and escaped
by each renderer.

This module never imports MkDocs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Version of the JSON layout; fields are only ever added, a breaking change bumps it.
REPORT_VERSION = 1
#: The key of the figures that cover every locale.
ALL_LOCALES = "all"


@dataclass(frozen=True)
class VotesPoint:
    """Votes received during one week (``start`` is its Monday, UTC)."""

    start: str
    votes: int
    helpful: int

    @property
    def helpful_share(self) -> float | None:
        """Helpful votes / votes, None for a week without votes."""
        return round(self.helpful / self.votes, 4) if self.votes else None


@dataclass(frozen=True)
class CountPoint:
    """A count during one week (``start`` is its Monday, UTC)."""

    start: str
    count: int


@dataclass(frozen=True)
class ReaderComment:
    """A comment left with a vote; ``text`` is verbatim reader input."""

    locale: str
    page: str
    text: str
    reason: str | None
    date: str


@dataclass(frozen=True)
class PageVotesFigure:
    """One page's votes, for the least-helpful list."""

    locale: str
    page: str
    votes: int
    helpful: int
    helpful_share: float
    wilson_lower_bound: float


@dataclass
class HelpfulnessFigures:
    """Readers' votes over the report's window.

    Attributes:
        votes: All votes.
        helpful: "Yes, this helped" votes.
        helpful_share: ``helpful / votes`` (0 without votes).
        wilson_lower_bound: 95 % lower bound of the helpful share.
        pages_voted: Pages with at least one vote.
        reasons: Reasons given with "No" votes, most frequent first (zero counts left out).
        trend: Votes per week over the whole window, weeks without votes included.
        comments: The newest comments, newest first.
        least_helpful: Pages with votes, lowest Wilson lower bound first.
    """

    votes: int = 0
    helpful: int = 0
    helpful_share: float = 0.0
    wilson_lower_bound: float = 0.0
    pages_voted: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    trend: list[VotesPoint] = field(default_factory=list)
    comments: list[ReaderComment] = field(default_factory=list)
    least_helpful: list[PageVotesFigure] = field(default_factory=list)

    @property
    def not_helpful(self) -> int:
        """ "No" votes."""
        return self.votes - self.helpful


@dataclass(frozen=True)
class QueryFigure:
    """A query readers searched for without finding an answer; ``query`` is verbatim input."""

    locale: str
    query: str
    count: int
    zero_results: int
    no_click: int
    last_seen: str


@dataclass
class SearchFigures:
    """Searches that found nothing useful.

    Attributes:
        failed: Failed searches (no results, or results nobody clicked).
        zero_results: Of those, searches that returned nothing at all.
        distinct_queries: Distinct normalised queries.
        top_queries: The most frequent queries, most frequent first.
        trend: Failed searches per week over the whole window.
    """

    failed: int = 0
    zero_results: int = 0
    distinct_queries: int = 0
    top_queries: list[QueryFigure] = field(default_factory=list)
    trend: list[CountPoint] = field(default_factory=list)


@dataclass(frozen=True)
class StaleItem:
    """One stale-rule flag, with the owner of its page."""

    locale: str
    page: str
    path: str
    line: int
    rule: str
    level: str
    reason: str
    fix: str
    owner: str | None


@dataclass
class StaleFigures:
    """Flags of the stale-page rules.

    Attributes:
        pages_checked: Pages the rules looked at.
        pages_flagged: Pages with at least one flag.
        by_rule: Flags per rule id, most frequent first.
        by_owner: Flagged pages per owner (``NO_OWNER`` when the page names none).
        by_level: Flags per level (error, warning, info).
        items: Every flag, errors first.
    """

    pages_checked: int = 0
    pages_flagged: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)
    by_owner: dict[str, int] = field(default_factory=dict)
    by_level: dict[str, int] = field(default_factory=dict)
    items: list[StaleItem] = field(default_factory=list)


#: Owner shown for flagged pages whose policy names no owner.
NO_OWNER = "(no owner)"


@dataclass(frozen=True)
class OutdatedTranslation:
    """A translation made from an older version of its source."""

    locale: str
    article: str
    source_changed: str | None
    translation_updated: str | None
    days_behind: int | None
    reason: str


@dataclass
class TranslationFigures:
    """How far a locale's translations lag behind the source locale.

    Attributes:
        source_total: Articles in the source locale (times the locales, for the overall figures).
        translated: Up-to-date translations.
        completeness: ``translated / source_total`` in percent.
        outdated: Translations made from an older source.
        missing: Source articles with no translation.
        orphaned: Translations whose source is gone.
        oldest_outdated: The outdated translation whose source changed first, if any.
        outdated_items: Every outdated translation, oldest source change first.
    """

    source_total: int = 0
    translated: int = 0
    completeness: float = 100.0
    outdated: int = 0
    missing: int = 0
    orphaned: int = 0
    oldest_outdated: OutdatedTranslation | None = None
    outdated_items: list[OutdatedTranslation] = field(default_factory=list)


@dataclass
class ContactFigures:
    """Contact deflection: articles suggested on the contact page instead of a ticket.

    Attributes:
        shown: Times suggestions were shown to a reader about to contact support.
        clicked: Times a reader opened a suggested article.
        contacted: Times a reader went on to contact support.
        avoided: Contacts avoided: readers shown suggestions who did not contact support.
    """

    shown: int = 0
    clicked: int = 0
    contacted: int = 0
    avoided: int = 0

    @property
    def click_share(self) -> float | None:
        """Clicked / shown, None when nothing was shown."""
        return round(self.clicked / self.shown, 4) if self.shown else None

    @property
    def avoided_share(self) -> float | None:
        """Avoided / shown, None when nothing was shown."""
        return round(self.avoided / self.shown, 4) if self.shown else None


@dataclass(frozen=True)
class ProposedQuery:
    """A failed query of a synonym proposal and the readers who typed it; verbatim input."""

    query: str
    count: int


@dataclass(frozen=True)
class SynonymProposal:
    """Readers who searched ``queries`` in vain, then found ``page`` by ``then_query``.

    Attributes:
        locale: The locale.
        page: The page id of the article opened.
        title: Its title, None when the docs no longer have it.
        path: Its file as the writer knows it, None when the docs no longer have it.
        then_query: The query that found it (normalised reader input).
        queries: The failed queries (normalised reader input), most readers first.
        count: Readers over all of them (each counted once a day).
        last_seen: The last day one of them was seen.
        synonyms_line: The line to paste into ``locales/<locale>/synonyms.txt``.
        aliases_line: The front matter to paste into the article.
    """

    locale: str
    page: str
    title: str | None
    path: str | None
    then_query: str
    queries: list[ProposedQuery]
    count: int
    last_seen: str
    synonyms_line: str
    aliases_line: str


@dataclass
class SynonymFigures:
    """Readers' reformulations and the synonyms they suggest.

    Attributes:
        reformulations: Readers who rephrased a failed search and opened a result.
        proposed: Proposals (kept as a figure when the public page leaves their texts out).
        proposals: The proposals, most readers first; empty on the public page.
    """

    reformulations: int = 0
    proposed: int = 0
    proposals: list[SynonymProposal] = field(default_factory=list)


@dataclass
class LocaleHealth:
    """Every figure of one locale (or of all locales, under :data:`ALL_LOCALES`).

    Attributes:
        locale: The locale code, or ``all``.
        helpfulness: Votes.
        searches: Failed searches.
        stale: Stale-page flags.
        translations: Translation lag; None for the source locale.
        contact: Contact deflection; None when the feedback data has none ("no data").
        synonyms: Synonyms proposed from reformulations; None when the feedback data has none.
    """

    locale: str
    helpfulness: HelpfulnessFigures = field(default_factory=HelpfulnessFigures)
    searches: SearchFigures = field(default_factory=SearchFigures)
    stale: StaleFigures = field(default_factory=StaleFigures)
    translations: TranslationFigures | None = None
    contact: ContactFigures | None = None
    synonyms: SynonymFigures | None = None


@dataclass(frozen=True)
class FixItem:
    """One entry of the "fix first" list; see :mod:`helpcentre.report.ranking` for the score.

    Attributes:
        rank: 1 for the most urgent.
        kind: ``page`` (an article to fix) or ``search`` (a question with no article).
        locale: The locale.
        page: The page id (``orders/track-your-order``), or the query for a search.
        path: The file as the writer knows it, or None for a search.
        score: The ranking score.
        traffic: The traffic figure used (votes, views or searches).
        traffic_basis: ``views``, ``votes`` or ``searches``.
        signals: Why it is on the list, one sentence each.
        owner: Who owns the page, if known.
    """

    rank: int
    kind: str
    locale: str
    page: str
    path: str | None
    score: float
    traffic: int
    traffic_basis: str
    signals: list[str]
    owner: str | None = None


@dataclass
class HealthReport:
    """The help centre's health over a window of days.

    Attributes:
        generated_at: When the report was made (UTC, ISO 8601).
        today: The date the stale rules and ages compare against.
        since: First day of the feedback window, or None without feedback.
        until: Last day of the feedback window, or None without feedback.
        source_locale: The locale translations are made from.
        locales: Every locale, the source first.
        overall: Figures over all locales.
        per_locale: Figures per locale.
        fix_first: The ranked list, most urgent first.
        scoring: The scoring formula, in words.
        notes: What the report could not include and why.
        widget: The help widget's deflection per context of the product's pages; None when the
            feedback data has none.
    """

    generated_at: str
    today: str
    since: str | None
    until: str | None
    source_locale: str
    locales: list[str]
    overall: LocaleHealth
    per_locale: dict[str, LocaleHealth]
    fix_first: list[FixItem]
    scoring: str
    notes: list[str] = field(default_factory=list)
    widget: dict[str, ContactFigures] | None = None
    version: int = REPORT_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data; shares are fractions (0..1), completeness is percent."""
        return {
            "version": self.version,
            "generated_at": self.generated_at,
            "today": self.today,
            "since": self.since,
            "until": self.until,
            "source_locale": self.source_locale,
            "locales": list(self.locales),
            "notes": list(self.notes),
            "scoring": self.scoring,
            "fix_first": [asdict(item) for item in self.fix_first],
            "overall": locale_dict(self.overall),
            "per_locale": {code: locale_dict(health) for code, health in self.per_locale.items()},
            "widget": (
                None
                if self.widget is None
                else {context: deflection_dict(f) for context, f in self.widget.items()}
            ),
        }


def locale_dict(health: LocaleHealth) -> dict[str, Any]:
    """One locale's figures as JSON-ready data (derived shares included)."""
    helpfulness = asdict(health.helpfulness)
    helpfulness["not_helpful"] = health.helpfulness.not_helpful
    for point, data in zip(health.helpfulness.trend, helpfulness["trend"], strict=True):
        data["helpful_share"] = point.helpful_share
    contact = deflection_dict(health.contact) if health.contact is not None else None
    return {
        "locale": health.locale,
        "helpfulness": helpfulness,
        "searches": asdict(health.searches),
        "stale": asdict(health.stale),
        "translations": asdict(health.translations) if health.translations else None,
        "contact": contact,
        "synonyms": asdict(health.synonyms) if health.synonyms is not None else None,
    }


def deflection_dict(figures: ContactFigures) -> dict[str, Any]:
    """Deflection figures as JSON-ready data, with the derived shares."""
    data = asdict(figures)
    data["click_share"] = figures.click_share
    data["avoided_share"] = figures.avoided_share
    return data
