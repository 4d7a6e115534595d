"""Assemble the health report from what the other capabilities compute.

A pure function of its inputs: the feedback summary (:mod:`helpcentre.feedback.summary`), the
stale check (:mod:`helpcentre.site.check`) with the pages it looked at, and the translation
status (:mod:`helpcentre.i18n.status`). Gathering those from a docs tree and a database is
:mod:`helpcentre.report.gather`'s job.

This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from helpcentre.feedback.summary import FeedbackSummary, PageFeedback, wilson_lower_bound
from helpcentre.report.model import (
    ALL_LOCALES,
    NO_OWNER,
    ContactFigures,
    CountPoint,
    HealthReport,
    HelpfulnessFigures,
    LocaleHealth,
    OutdatedTranslation,
    PageVotesFigure,
    QueryFigure,
    ReaderComment,
    SearchFigures,
    StaleFigures,
    StaleItem,
    SynonymFigures,
    TranslationFigures,
    VotesPoint,
)
from helpcentre.report.ranking import (
    COUNTED_ELSEWHERE,
    SCORING,
    Candidate,
    page_score,
    rank,
    search_score,
    unhelpful_share,
)
from helpcentre.report.synonyms import ArticleRef, overall_synonyms, propose_synonyms
from helpcentre.stale.pages import StalePage
from helpcentre.stale.rules import StaleFlag

#: How many comments, queries and least-helpful pages each section keeps.
TOP_COMMENTS = 10
TOP_QUERIES = 10
TOP_PAGES = 5
#: Length of the "fix first" list.
FIX_FIRST_LIMIT = 25
_LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


def build_report(
    *,
    today: dt.date,
    source_locale: str,
    locales: Sequence[str],
    summary: FeedbackSummary | None = None,
    flags: Sequence[StaleFlag] = (),
    pages: Sequence[StalePage] = (),
    translations: Any = None,
    notes: Sequence[str] = (),
    generated_at: dt.datetime | None = None,
    fix_first_limit: int = FIX_FIRST_LIMIT,
    synonyms: Mapping[str, Iterable[Iterable[str]]] | None = None,
    articles: Mapping[tuple[str, str], ArticleRef] | None = None,
) -> HealthReport:
    """Combine feedback, stale flags and translation status into one report.

    Args:
        today: Date ages are counted to.
        source_locale: The locale translations are made from.
        locales: Locale folders of the docs tree.
        summary: Feedback summary, or None when no feedback data was given.
        flags: Flags of the stale rules (``run_check(...).flags``).
        pages: The pages the rules looked at (owners and page ids come from them).
        translations: A ``TranslationStatus``, or None (single locale, or no status).
        notes: What could not be included, to show with the report.
        generated_at: Timestamp of the report (now by default).
        fix_first_limit: Length of the "fix first" list.
        synonyms: Each locale's synonym groups as its synonyms file has them (proposals they
            already make are left out).
        articles: The article of each ``(locale, page id)``: titles, paths and aliases of the
            proposals.

    Returns:
        The report, with figures per locale and overall.
    """
    codes = _ordered_locales(source_locale, locales, summary)
    weeks = _weeks(summary)
    by_path = {page.path: page for page in pages}
    items = [_stale_item(flag, by_path.get(flag.path), codes) for flag in flags]
    contact = _contact_figures(summary)
    widget = _contact_figures(summary, section_name="widget")
    outdated = _outdated(translations, today)
    proposals = propose_synonyms(summary, synonyms=synonyms, articles=articles)
    notes = list(notes)
    if contact is None:
        notes.append(
            "contact deflection: no data -- the feedback summary has no 'contact' section "
            "(suggestions shown, clicked, contacts avoided)"
        )
    if summary is None:
        notes.append("helpfulness and searches: no data -- pass --feedback SUMMARY_OR_DB_URL")

    per_locale: dict[str, LocaleHealth] = {}
    for code in codes:
        per_locale[code] = LocaleHealth(
            locale=code,
            helpfulness=_helpfulness(_pages_of(summary, code), weeks),
            searches=_searches(_gaps_of(summary, code), weeks),
            stale=_stale(
                [i for i in items if i.locale == code], [p for p in pages if p.locale == code]
            ),
            translations=(
                _translation_figures(translations.locales[code], outdated.get(code, []))
                if translations is not None and code in getattr(translations, "locales", {})
                else None
            ),
            contact=contact.get(code, ContactFigures()) if contact is not None else None,
            synonyms=proposals.get(code, SynonymFigures()) if proposals is not None else None,
        )
    overall = LocaleHealth(
        locale=ALL_LOCALES,
        helpfulness=_helpfulness(_pages_of(summary, None), weeks),
        searches=_searches(_gaps_of(summary, None), weeks),
        stale=_stale(items, pages),
        translations=_overall_translations(
            [h.translations for h in per_locale.values() if h.translations is not None],
            [o for entries in outdated.values() for o in entries],
        ),
        contact=_sum_contact(contact.values()) if contact is not None else None,
        synonyms=overall_synonyms(proposals) if proposals is not None else None,
    )
    fix_first = rank(
        _candidates(summary, items, by_path, outdated, translations, today),
        limit=fix_first_limit,
    )
    moment = generated_at or dt.datetime.now(dt.timezone.utc)
    return HealthReport(
        generated_at=moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        today=today.isoformat(),
        since=summary.since if summary else None,
        until=summary.until if summary else None,
        source_locale=source_locale,
        locales=codes,
        overall=overall,
        per_locale=per_locale,
        fix_first=fix_first,
        scoring=SCORING,
        notes=notes,
        widget=widget,
    )


def _ordered_locales(
    source: str, locales: Sequence[str], summary: FeedbackSummary | None
) -> list[str]:
    found = set(locales)
    if summary is not None:
        found.update(page.locale for page in summary.pages.values())
        found.update(summary.searches)
        found.update(summary.reformulations or {})
    found.add(source)
    return sorted(found, key=lambda code: (code != source, code))


def _weeks(summary: FeedbackSummary | None) -> list[dt.date]:
    """Mondays of every week of the summary's window."""
    if summary is None or not summary.since or not summary.until:
        return []
    first = dt.date.fromisoformat(summary.since)
    last = dt.date.fromisoformat(summary.until)
    start = first - dt.timedelta(days=first.weekday())
    weeks = []
    while start <= last:
        weeks.append(start)
        start += dt.timedelta(days=7)
    return weeks


def _week_of(day: str) -> dt.date:
    date = dt.date.fromisoformat(day)
    return date - dt.timedelta(days=date.weekday())


def _pages_of(summary: FeedbackSummary | None, locale: str | None) -> list[PageFeedback]:
    if summary is None:
        return []
    return [p for p in summary.pages.values() if locale is None or p.locale == locale]


def _gaps_of(summary: FeedbackSummary | None, locale: str | None) -> list[Any]:
    if summary is None:
        return []
    return [
        gap
        for code, gaps in summary.searches.items()
        if locale is None or code == locale
        for gap in gaps
    ]


def _helpfulness(pages: list[PageFeedback], weeks: list[dt.date]) -> HelpfulnessFigures:
    votes = sum(p.votes for p in pages)
    helpful = sum(p.helpful for p in pages)
    reasons: Counter[str] = Counter()
    per_week: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0])
    comments: list[ReaderComment] = []
    for page in pages:
        reasons.update({reason: count for reason, count in page.reasons.items() if count})
        for day in page.daily:
            bucket = per_week[_week_of(day.date)]
            bucket[0] += day.helpful + day.not_helpful
            bucket[1] += day.helpful
        comments.extend(
            ReaderComment(page.locale, page.page, c.text, c.reason, c.date) for c in page.comments
        )
    comments.sort(key=lambda c: (c.date, c.locale, c.page), reverse=True)
    least = sorted(
        (p for p in pages if p.votes),
        key=lambda p: (p.wilson_lower_bound, -p.votes, p.locale, p.page),
    )[:TOP_PAGES]
    return HelpfulnessFigures(
        votes=votes,
        helpful=helpful,
        helpful_share=round(helpful / votes, 4) if votes else 0.0,
        wilson_lower_bound=round(wilson_lower_bound(helpful, votes), 4),
        pages_voted=sum(1 for p in pages if p.votes),
        reasons=dict(sorted(reasons.items(), key=lambda item: (-item[1], item[0]))),
        trend=[VotesPoint(w.isoformat(), *per_week.get(w, (0, 0))) for w in weeks],
        comments=comments[:TOP_COMMENTS],
        least_helpful=[
            PageVotesFigure(
                p.locale, p.page, p.votes, p.helpful, p.helpful_share, p.wilson_lower_bound
            )
            for p in least
        ],
    )


def _searches(gaps: list[Any], weeks: list[dt.date]) -> SearchFigures:
    per_week: Counter[dt.date] = Counter()
    for gap in gaps:
        for day in gap.daily:
            per_week[_week_of(day.date)] += day.count
    ordered = sorted(gaps, key=lambda g: (-g.count, g.locale, g.query))
    return SearchFigures(
        failed=sum(g.count for g in gaps),
        zero_results=sum(g.zero_results for g in gaps),
        distinct_queries=len(gaps),
        top_queries=[
            QueryFigure(g.locale, g.query, g.count, g.zero_results, g.no_click, g.last_seen)
            for g in ordered[:TOP_QUERIES]
        ],
        trend=[CountPoint(w.isoformat(), per_week.get(w, 0)) for w in weeks],
    )


def _locale_of_path(path: str, locales: Sequence[str]) -> tuple[str, str]:
    """Locale and page id of a path such as ``docs/fr/orders/x.md`` for pages the rules
    could not read (front matter errors)."""
    parts = path.split("/")
    for index, part in enumerate(parts[:-1]):
        if part in locales:
            page = "/".join(parts[index + 1 :])
            return part, page[: -len(".md")] if page.endswith(".md") else page
    return "", path


def _stale_item(flag: StaleFlag, page: StalePage | None, locales: Sequence[str]) -> StaleItem:
    if page is not None:
        locale, page_id = page.locale, page.page_id
        owner = page.policy.owner if page.policy is not None else None
    else:
        (locale, page_id), owner = _locale_of_path(flag.path, locales), None
    return StaleItem(
        locale=locale,
        page=page_id,
        path=flag.path,
        line=flag.line,
        rule=flag.rule,
        level=flag.level,
        reason=flag.reason,
        fix=flag.fix,
        owner=owner,
    )


def _stale(items: list[StaleItem], pages: Sequence[StalePage]) -> StaleFigures:
    by_rule = Counter(item.rule for item in items)
    by_level = Counter(item.level for item in items)
    owners = {item.path: item.owner or NO_OWNER for item in items}
    by_owner = Counter(owners.values())
    return StaleFigures(
        pages_checked=len(pages),
        pages_flagged=len(owners),
        by_rule=dict(sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_owner=dict(sorted(by_owner.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_level={level: by_level.get(level, 0) for level in _LEVEL_ORDER},
        items=sorted(items, key=lambda i: (_LEVEL_ORDER.get(i.level, 3), i.path, i.line, i.rule)),
    )


def _state(entry: Any) -> str:
    return str(getattr(entry.state, "value", entry.state))


def _outdated(translations: Any, today: dt.date) -> dict[str, list[OutdatedTranslation]]:
    """Outdated translations per locale, the longest outdated first."""
    found: dict[str, list[OutdatedTranslation]] = {}
    if translations is None:
        return found
    for code, status in translations.locales.items():
        entries = []
        for entry in status.articles.values():
            if _state(entry) != "outdated":
                continue
            changed = entry.source_changed
            entries.append(
                OutdatedTranslation(
                    locale=code,
                    article=entry.article,
                    source_changed=changed.date().isoformat() if changed else None,
                    translation_updated=(
                        entry.translation_updated.date().isoformat()
                        if entry.translation_updated
                        else None
                    ),
                    days_behind=max((today - changed.date()).days, 0) if changed else None,
                    reason=entry.reason,
                )
            )
        found[code] = _oldest_first(entries)
    return found


def _oldest_first(entries: Iterable[OutdatedTranslation]) -> list[OutdatedTranslation]:
    return sorted(
        entries,
        key=lambda o: (o.source_changed is None, o.source_changed or "", o.locale, o.article),
    )


def _translation_figures(status: Any, outdated: list[OutdatedTranslation]) -> TranslationFigures:
    counts = Counter(_state(entry) for entry in status.articles.values())
    return TranslationFigures(
        source_total=status.source_total,
        translated=counts.get("translated", 0),
        completeness=status.completeness,
        outdated=counts.get("outdated", 0),
        missing=counts.get("missing", 0),
        orphaned=counts.get("orphaned", 0),
        oldest_outdated=outdated[0] if outdated else None,
        outdated_items=outdated,
    )


def _overall_translations(
    figures: list[TranslationFigures], outdated: list[OutdatedTranslation]
) -> TranslationFigures | None:
    if not figures:
        return None
    total = sum(f.source_total for f in figures)
    translated = sum(f.translated for f in figures)
    ordered = _oldest_first(outdated)
    return TranslationFigures(
        source_total=total,
        translated=translated,
        completeness=round(100.0 * translated / total, 1) if total else 100.0,
        outdated=sum(f.outdated for f in figures),
        missing=sum(f.missing for f in figures),
        orphaned=sum(f.orphaned for f in figures),
        oldest_outdated=ordered[0] if ordered else None,
        outdated_items=ordered,
    )


def _number(entry: Any, name: str) -> int:
    value = entry.get(name) if isinstance(entry, Mapping) else getattr(entry, name, None)
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


def _contact_figures(
    summary: FeedbackSummary | None, *, section_name: str = "contact"
) -> dict[str, ContactFigures] | None:
    """Contact deflection per locale from the summary's ``contact`` section, if it has one
    (with ``section_name="widget"``: the help widget's, per context).

    Each locale's entry gives ``shown``, ``clicked`` and ``contacted``; ``avoided`` is taken
    from the entry when the summary computes it, else ``shown - contacted`` (readers who saw
    suggestions and did not go on to contact support). A section without any locale (the
    collector recorded no contact event in the window) is no data, like a missing one.
    """
    section = getattr(summary, section_name, None) if summary is not None else None
    if section is None:
        return None
    if not isinstance(section, Mapping):
        section = getattr(section, "locales", None) or {}
    if not section:
        return None
    figures: dict[str, ContactFigures] = {}
    for code, entry in section.items():
        shown, clicked = _number(entry, "shown"), _number(entry, "clicked")
        contacted = _number(entry, "contacted")
        has_avoided = (
            "avoided" in entry if isinstance(entry, Mapping) else hasattr(entry, "avoided")
        )
        avoided = _number(entry, "avoided") if has_avoided else max(shown - contacted, 0)
        figures[str(code)] = ContactFigures(shown, clicked, contacted, avoided)
    return figures


def _sum_contact(entries: Iterable[ContactFigures]) -> ContactFigures:
    total = ContactFigures()
    for entry in entries:
        total.shown += entry.shown
        total.clicked += entry.clicked
        total.contacted += entry.contacted
        total.avoided += entry.avoided
    return total


def _candidates(
    summary: FeedbackSummary | None,
    items: list[StaleItem],
    by_path: Mapping[str, StalePage],
    outdated: Mapping[str, list[OutdatedTranslation]],
    translations: Any,
    today: dt.date,
) -> list[Candidate]:
    flags: dict[tuple[str, str], list[StaleItem]] = defaultdict(list)
    for item in items:
        flags[(item.locale, item.page)].append(item)
    lagging = {
        (o.locale, o.article[: -len(".md")] if o.article.endswith(".md") else o.article): o
        for entries in outdated.values()
        for o in entries
    }
    pages = {(p.locale, p.page_id): p for p in by_path.values()}
    keys = set(flags) | set(lagging)
    if summary is not None:
        keys |= {(p.locale, p.page) for p in summary.pages.values()}
    candidates: list[Candidate] = []
    for locale, page_id in sorted(keys):
        feedback = summary.page(locale, page_id) if summary is not None else None
        views = getattr(feedback, "views", None)
        votes = feedback.votes if feedback else 0
        not_helpful = feedback.not_helpful if feedback else 0
        traffic, basis = (int(views), "views") if isinstance(views, int) else (votes, "votes")
        lag = lagging.get((locale, page_id))
        own_flags = [f for f in flags.get((locale, page_id), []) if f.rule not in COUNTED_ELSEWHERE]
        signals: list[str] = []
        share = unhelpful_share(not_helpful, votes)
        if share > 0 and feedback is not None:
            top = max(feedback.reasons.items(), key=lambda kv: (kv[1], kv[0]), default=("", 0))
            because = f"; most given reason: {top[0]} ({top[1]})" if top[1] else ""
            signals.append(
                f"{not_helpful} of {votes} votes say it did not help "
                f"(helpful lower bound {feedback.wilson_lower_bound:.2f}){because}"
            )
        if lag is not None:
            since = f" on {lag.source_changed}" if lag.source_changed else ""
            days = f", {lag.days_behind} days ago" if lag.days_behind is not None else ""
            signals.append(f"translation outdated: its source changed{since}{days}")
        signals.extend(f"{f.rule} ({f.level}): {f.reason}" for f in own_flags)
        page = pages.get((locale, page_id))
        path = page.path if page is not None else _flag_path(flags.get((locale, page_id)))
        if path is None and lag is not None and translations is not None:
            path = f"{translations.docs_dir.name}/{locale}/{lag.article}"
        candidates.append(
            Candidate(
                kind="page",
                locale=locale,
                page=page_id,
                path=path,
                score=page_score(
                    traffic=traffic,
                    votes=votes,
                    not_helpful=not_helpful,
                    outdated=lag is not None,
                    flag_levels=[f.level for f in own_flags],
                    days_behind=lag.days_behind if lag is not None else None,
                    years_unchanged=(
                        (today - page.updated).days / 365
                        if page is not None and page.updated
                        else None
                    ),
                ),
                traffic=traffic,
                traffic_basis=basis,
                signals=signals,
                owner=page.policy.owner if page is not None and page.policy else None,
            )
        )
    for gap in _gaps_of(summary, None):
        candidates.append(
            Candidate(
                kind="search",
                locale=gap.locale,
                page=gap.query,
                path=None,
                score=search_score(count=gap.count, zero_results=gap.zero_results),
                traffic=gap.count,
                traffic_basis="searches",
                signals=[
                    f"searched {gap.count} times without an answer "
                    f"({gap.zero_results} with no result at all), last on {gap.last_seen}"
                ],
            )
        )
    return candidates


def _flag_path(items: list[StaleItem] | None) -> str | None:
    return items[0].path if items else None
