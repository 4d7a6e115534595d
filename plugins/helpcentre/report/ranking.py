"""The "fix first" score: which page (or unanswered question) deserves a writer's time first.

The score multiplies how many readers a page reaches by how much is wrong with it::

    score     = reach x problems
    reach     = 1 + log2(1 + traffic)
                traffic = page views when the feedback data has them, else votes (the proxy)
    problems  = 3 x unhelpful + 2 x outdated + sum of the other stale flags
    unhelpful = how far the Wilson 95 % lower bound of the "did not help" share exceeds 20 %,
                scaled to 0..1 (0 without votes: a page most readers call helpful is not listed
                for its few "no" votes)
    outdated  = for a translation made from an older version of its source: the share of a
                quarter (90 days) its source has been ahead, at most 1 (1 when unknown)
    flags     = 2 per error, 1 per warning, 0.5 per note, each times (1 + the years since the
                page last changed, at most 2): a page a year overdue weighs twice a fresh one
                (low-helpfulness and translation-behind flags are counted above, not twice)

An unanswered search is scored the same way: ``reach`` from how often it was searched, and
``problems = 1 + zero_results / count`` (no result at all is worse than results nobody opened).

Why this shape: a page nobody reads scores ``1 x problems`` and a perfect page scores 0 however
popular it is, so an unhelpful, much-read, outdated article always comes before a perfect one
nobody reads. The logarithm keeps a handful of very popular pages from hiding everything else;
the Wilson lower bound keeps one angry vote from outranking forty.

This module never imports MkDocs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from helpcentre.feedback.summary import wilson_lower_bound
from helpcentre.report.model import FixItem

#: The formula above in one paragraph, shown in every rendering of the report.
SCORING = (
    "score = reach x problems; reach = 1 + log2(1 + traffic) where traffic is page views when "
    "known, else votes; problems = 3 x unhelpful + 2 x outdated translation (days behind / 90, "
    "at most 1) + stale flags (error 2, warning 1, note 0.5, times 1 + years since the last "
    "change, at most 2); unhelpful = how far the 95 % Wilson lower bound of the 'did not help' "
    "share exceeds 20 %. Unanswered searches: reach from their count, problems = 1 + share "
    "with no result."
)

UNHELPFUL_WEIGHT = 3.0
OUTDATED_WEIGHT = 2.0
#: A "did not help" share credibly below this does not make a page a candidate.
UNHELPFUL_FLOOR = 0.2
#: Days after which an outdated translation weighs fully.
OUTDATED_FULL_DAYS = 90
FLAG_WEIGHTS = {"error": 2.0, "warning": 1.0, "info": 0.5}
#: Rules whose finding the score already counts through votes or the translation status.
COUNTED_ELSEWHERE = frozenset({"low-helpfulness", "translation-behind"})


def reach(traffic: int) -> float:
    """``1 + log2(1 + traffic)``: 1 for a page nobody reads, growing slowly with traffic."""
    return 1.0 + math.log2(1 + max(traffic, 0))


def unhelpful_share(not_helpful: int, votes: int) -> float:
    """How credibly readers were not helped: the Wilson lower bound of ``not_helpful / votes``
    above :data:`UNHELPFUL_FLOOR`, scaled to 0..1."""
    if not votes:
        return 0.0
    bound = wilson_lower_bound(not_helpful, votes)
    return max(bound - UNHELPFUL_FLOOR, 0.0) / (1.0 - UNHELPFUL_FLOOR)


def outdated_weight(days_behind: int | None) -> float:
    """0..1: how long a translation has been behind its source (1 when unknown)."""
    if days_behind is None:
        return 1.0
    return min(max(days_behind, 1) / OUTDATED_FULL_DAYS, 1.0)


def age_factor(years_unchanged: float | None) -> float:
    """1 for a page changed today, up to 3 for one unchanged for two years or more."""
    return 1.0 + min(max(years_unchanged or 0.0, 0.0), 2.0)


def page_score(
    *,
    traffic: int,
    votes: int,
    not_helpful: int,
    outdated: bool,
    flag_levels: Iterable[str],
    days_behind: int | None = None,
    years_unchanged: float | None = None,
) -> float:
    """The score of one page (see the module docstring), rounded to 2 decimals."""
    problems = UNHELPFUL_WEIGHT * unhelpful_share(not_helpful, votes)
    problems += OUTDATED_WEIGHT * outdated_weight(days_behind) if outdated else 0.0
    flags = sum(FLAG_WEIGHTS.get(level, 0.0) for level in flag_levels)
    problems += flags * age_factor(years_unchanged)
    return round(reach(traffic) * problems, 2)


def search_score(*, count: int, zero_results: int) -> float:
    """The score of an unanswered query (see the module docstring), rounded to 2 decimals."""
    if count <= 0:
        return 0.0
    return round(reach(count) * (1.0 + zero_results / count), 2)


@dataclass
class Candidate:
    """Something that may go on the list, with its score already computed."""

    kind: str
    locale: str
    page: str
    path: str | None
    score: float
    traffic: int
    traffic_basis: str
    signals: list[str] = field(default_factory=list)
    owner: str | None = None


def rank(candidates: Sequence[Candidate], *, limit: int | None = None) -> list[FixItem]:
    """Order candidates with a positive score, highest first; ties by locale, then page.

    Args:
        candidates: Scored pages and searches.
        limit: Keep at most this many (all when None).
    """
    kept = sorted(
        (c for c in candidates if c.score > 0),
        key=lambda c: (-c.score, c.kind != "page", c.locale, c.page),
    )
    if limit is not None:
        kept = kept[:limit]
    return [
        FixItem(
            rank=index,
            kind=c.kind,
            locale=c.locale,
            page=c.page,
            path=c.path,
            score=c.score,
            traffic=c.traffic,
            traffic_basis=c.traffic_basis,
            signals=list(c.signals),
            owner=c.owner,
        )
        for index, c in enumerate(kept, start=1)
    ]
