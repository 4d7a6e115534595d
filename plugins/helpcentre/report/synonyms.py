"""Proposed synonyms: what readers' reformulations suggest writers add to the synonyms file.

A reformulation is a search that failed (no result, or results nobody opened) followed, in the same
browser tab and within a couple of minutes, by another query whose result the reader opened (see
:func:`helpcentre.feedback.summary.reformulation_pairs`). When several readers went from the same
failed query to the same article through the same query, the failed words are probably how
readers say what the article calls otherwise: the report proposes a line for
``locales/<locale>/synonyms.txt`` (the query that worked first, then the failed ones) and an
``aliases:`` entry for the article. Nothing is applied: a writer decides.

Pairs the site's synonyms file already joins (both queries in one group), failed queries the
article already lists in ``aliases:``, and pairs fewer than ``min_count`` readers made (one
reader's typo is not a proposal) are left out.

This module never imports MkDocs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from helpcentre.feedback.summary import FeedbackSummary, Reformulation, normalise_query
from helpcentre.report.model import ProposedQuery, SynonymFigures, SynonymProposal

#: Fewest readers who must have made a reformulation for it to become a proposal.
MIN_READERS = 2


@dataclass(frozen=True)
class ArticleRef:
    """What a proposal names of the article readers opened.

    Attributes:
        title: The title readers see.
        path: The file as the writer knows it (``docs/fr/orders/refunds.md``).
        aliases: The article's ``aliases:`` front matter, normalised.
    """

    title: str
    path: str
    aliases: frozenset[str] = frozenset()


def known_pairs(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    """Every pair of members the groups of one synonyms file join, normalised."""
    pairs: set[frozenset[str]] = set()
    for group in groups:
        members = sorted({normalise_query(member) for member in group})
        for index, first in enumerate(members):
            pairs.update(frozenset((first, second)) for second in members[index + 1 :])
    return pairs


def _line(members: Iterable[str]) -> str:
    # A comma inside a query would split it into two members of the synonyms file.
    return ", ".join(" ".join(member.replace(",", " ").split()) for member in members)


def _aliases_line(queries: Iterable[str]) -> str:
    quoted = ", ".join(
        '"' + query.replace("\\", "\\\\").replace('"', '\\"') + '"' for query in queries
    )
    return f"aliases: [{quoted}]"


def propose_synonyms(
    summary: FeedbackSummary | None,
    *,
    synonyms: Mapping[str, Iterable[Iterable[str]]] | None = None,
    articles: Mapping[tuple[str, str], ArticleRef] | None = None,
    min_count: int = MIN_READERS,
) -> dict[str, SynonymFigures] | None:
    """Proposals per locale from the summary's reformulations.

    Args:
        summary: The feedback summary; None or one without reformulations gives None (no data).
        synonyms: Each locale's synonym groups as written in its synonyms file.
        articles: The article of each ``(locale, page id)``, for titles, paths and aliases.
        min_count: Fewest readers a pair needs.

    Returns:
        Per locale with reformulations: how many readers rephrased, and the proposals, one per
        article and query that worked, most readers first.
    """
    if summary is None or summary.reformulations is None:
        return None
    articles = articles or {}
    result: dict[str, SynonymFigures] = {}
    for locale, pairs in sorted(summary.reformulations.items()):
        known = known_pairs((synonyms or {}).get(locale, ()))
        groups: dict[tuple[str, str], list[Reformulation]] = defaultdict(list)
        for pair in pairs:
            article = articles.get((locale, pair.page))
            if (
                pair.count < min_count
                or frozenset((pair.query, pair.then_query)) in known
                or (article is not None and pair.query in article.aliases)
            ):
                continue
            groups[(pair.page, pair.then_query)].append(pair)
        proposals = []
        for (page, then_query), members in groups.items():
            members.sort(key=lambda pair: (-pair.count, pair.query))
            article = articles.get((locale, page))
            failed = [pair.query for pair in members]
            proposals.append(
                SynonymProposal(
                    locale=locale,
                    page=page,
                    title=article.title if article else None,
                    path=article.path if article else None,
                    then_query=then_query,
                    queries=[ProposedQuery(pair.query, pair.count) for pair in members],
                    count=sum(pair.count for pair in members),
                    last_seen=max(pair.last_seen for pair in members),
                    synonyms_line=_line([then_query, *failed]),
                    aliases_line=_aliases_line(failed),
                )
            )
        proposals.sort(key=lambda p: (-p.count, p.then_query, p.page))
        result[locale] = SynonymFigures(
            reformulations=sum(pair.count for pair in pairs),
            proposed=len(proposals),
            proposals=proposals,
        )
    return result


def overall_synonyms(figures: Mapping[str, SynonymFigures]) -> SynonymFigures:
    """Every locale's figures together, proposals most readers first."""
    proposals = sorted(
        (proposal for entry in figures.values() for proposal in entry.proposals),
        key=lambda p: (-p.count, p.locale, p.then_query, p.page),
    )
    return SynonymFigures(
        reformulations=sum(entry.reformulations for entry in figures.values()),
        proposed=sum(entry.proposed for entry in figures.values()),
        proposals=proposals,
    )
