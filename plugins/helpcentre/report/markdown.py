"""The report as Markdown, for a pull-request comment or a chat message.

Reader text (comments, queries) is escaped twice over: HTML-escaped, so ``<script>`` shows as
text wherever Markdown allows raw HTML, and Markdown-escaped, so a ``|`` cannot break a table,
``*`` cannot turn on emphasis, and ``@team`` cannot notify anyone.

Its sentences come from the catalogs and its numbers and dates are written for the report's
locale, as the HTML page's are (:mod:`helpcentre.report.language`).

This module never imports MkDocs.
"""

from __future__ import annotations

import re
from html import escape

from helpcentre.report.language import (
    TRANSLATION_COLUMNS,
    ReportLanguage,
    ReportWriter,
    report_language,
)
from helpcentre.report.model import ALL_LOCALES, HealthReport, SynonymProposal
from helpcentre.report.synonyms import MIN_READERS

# Inline text never starts a line here, so list and heading markers need no escape.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")
_BLOCKS = "▁▂▃▄▅▆▇█"


def md(text: object) -> str:
    """Escape any text for inline Markdown: HTML, Markdown punctuation, mentions, new lines."""
    value = escape(str(text), quote=False)
    value = _MARKDOWN_SPECIAL.sub(r"\\\1", value)
    value = value.replace("@", "&#64;")
    return " ".join(value.split())


def blocks(values: list[float | None], *, maximum: float | None = None) -> str:
    """A text sparkline (``▁▃▇``); a space where there is no value."""
    known = [v for v in values if v is not None]
    top = maximum if maximum is not None else max(known, default=0.0)
    if not known:
        return ""
    top = top or 1.0
    return "".join(
        " " if v is None else _BLOCKS[min(int(v / top * (len(_BLOCKS) - 1) + 0.5), 7)]
        for v in values
    )


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


class _Writer(ReportWriter):
    """The report's wording in one language, with the shorthands the Markdown sections use."""

    def locale_name(self, code: str) -> str:
        return self._("all locales") if code == ALL_LOCALES else code


def render_markdown(
    report: HealthReport, *, fix_first: int = 10, language: ReportLanguage | None = None
) -> str:
    """The report as GitHub-flavoured Markdown.

    Args:
        report: The report.
        fix_first: How many entries of the "fix first" list to show.
        language: The language it is written in (default: English).
    """
    language = language or report_language()
    w = _Writer(language)
    _ = w._
    # The heading's date stays ISO: a pull-request comment is found by it.
    out = ["# " + md(_("Help centre health, %(date)s", date=report.today)), ""]
    if report.since:
        window = _(
            "Feedback from %(since)s to %(until)s.",
            since=language.date(report.since),
            until=language.date(report.until),
        )
        out += [md(window), ""]
    for note in report.notes:
        out.append("> " + md(_("Note: %(note)s", note=note)))
    if report.notes:
        out.append("")

    out += ["## " + md(_("Fix first")), ""]
    if report.fix_first:
        rows = [
            [
                w.n(item.rank),
                md(item.locale),
                md(_("search: %(query)s", query=item.page))
                if item.kind == "search"
                else md(item.page),
                w.n(item.score, digits=1),
                f"{w.n(item.traffic)} {item.traffic_basis}",
                md("; ".join(item.signals)),
                md(item.owner or ""),
            ]
            for item in report.fix_first[:fix_first]
        ]
        head = ["#", _("Locale"), _("Page"), _("Score"), _("Traffic"), _("Why"), _("Owner")]
        out += _table(head, rows)
    else:
        out += [md(_("Nothing to fix.")), ""]
    out += [md(_("Scoring: %(rule)s", rule=report.scoring)), ""]

    out += ["## " + md(_("By locale")), ""]
    rows = []
    for health in [report.overall, *report.per_locale.values()]:
        h, s, t = health.helpfulness, health.searches, health.translations
        share_trend = [p.helpful_share for p in h.trend]
        oldest = t.oldest_outdated if t else None
        rows.append(
            [
                md(w.locale_name(health.locale)),
                w.n(h.votes),
                (
                    _(
                        "%(share)s (≥ %(bound)s)",
                        share=language.percent(h.helpful_share),
                        bound=language.percent(h.wilson_lower_bound),
                    )
                    if h.votes
                    else _("no votes yet")
                ),
                blocks(share_trend, maximum=1.0),
                w.n(s.failed),
                blocks([float(p.count) for p in s.trend]),
                w.n(health.stale.pages_flagged),
                w.pct(t.completeness / 100) if t else _("source"),
                w.n(t.outdated) if t else "–",
                (
                    md(
                        _(
                            "%(article)s (%(days)s days)",
                            article=oldest.article,
                            days=(
                                language.number(oldest.days_behind)
                                if oldest.days_behind is not None
                                else "–"
                            ),
                        )
                    )
                    if oldest
                    else "–"
                ),
                w.n(health.contact.avoided) if health.contact else _("no data"),
            ]
        )
    out += _table(
        [
            _("Locale"),
            _("Votes"),
            _("Helpful"),
            _("Trend"),
            _("Failed searches"),
            _("Trend"),
            _("Stale pages"),
            _("Translated"),
            _("Outdated"),
            _("Oldest outdated"),
            _("Contacts avoided"),
        ],
        rows,
    )

    out += _helpfulness(report, w)
    out += _searches(report, w)
    out += _stale(report, w)
    out += _translations(report, w)
    out += _contact(report, w)
    out += _widget(report, w)
    out += _synonyms(report, w)
    return "\n".join(out).rstrip() + "\n"


def _helpfulness(report: HealthReport, w: _Writer) -> list[str]:
    _ = w._
    h = report.overall.helpfulness
    out = ["## " + md(_("Helpfulness")), ""]
    if not h.votes:
        return out + [md(_("No votes in the window.")), ""]
    summary = _(
        "%(helpful)s of %(votes)s votes helpful (%(share)s, lower bound %(bound)s) on "
        "%(pages)s pages.",
        **w.helpfulness_values(h),
    )
    out.append(md(summary))
    if h.reasons:
        given = ", ".join(f"{r} {w.n(n)}" for r, n in h.reasons.items())
        out.append(md(_("Reasons given: %(reasons)s.", reasons=given)))
    out.append("")
    if h.least_helpful:
        out += [md(_("Least helpful pages:")), ""]
        rows = [
            [
                md(p.locale),
                md(p.page),
                w.n(p.votes),
                w.pct(p.helpful_share),
                w.pct(p.wilson_lower_bound),
            ]
            for p in h.least_helpful
        ]
        out += _table([_("Locale"), _("Page"), _("Votes"), _("Helpful"), _("Lower bound")], rows)
    if h.comments:
        out += [md(_("Latest comments:")), ""]
        for c in h.comments:
            reason = f" ({md(c.reason)})" if c.reason else ""
            out.append(f"- {w.date(c.date)} {md(c.locale)}/{md(c.page)}{reason}: {md(c.text)}")
        out.append("")
    return out


def _searches(report: HealthReport, w: _Writer) -> list[str]:
    _ = w._
    s = report.overall.searches
    out = ["## " + md(_("Searches with no answer")), ""]
    if not s.failed:
        return out + [md(_("No failed searches in the window.")), ""]
    weekly = blocks([float(p.count) for p in s.trend])
    summary = _(
        "%(failed)s failed searches (%(zero)s with no result at all), %(distinct)s distinct "
        "queries. Weekly: %(weekly)s",
        **w.searches_values(s),
        weekly="@@WEEKLY@@",
    )
    # The sparkline's spaces (weeks without a value) survive the escaping's whitespace folding.
    out += [md(summary).replace("@@WEEKLY@@", weekly), ""]
    rows = [
        [
            md(q.locale),
            md(q.query),
            w.n(q.count),
            w.n(q.zero_results),
            w.n(q.no_click),
            w.date(q.last_seen),
        ]
        for q in s.top_queries
    ]
    head = [_("Locale"), _("Query"), _("Count"), _("No result"), _("Not clicked"), _("Last")]
    return out + _table(head, rows)


def _stale(report: HealthReport, w: _Writer) -> list[str]:
    _, language = w._, w.language
    st = report.overall.stale
    out = ["## " + md(_("Stale pages")), ""]
    if not st.items:
        none = _("No flags on %(pages)s pages.", pages=language.number(st.pages_checked))
        return out + [md(none), ""]
    flagged = _(
        "%(flagged)s of %(checked)s pages flagged.",
        flagged=language.number(st.pages_flagged),
        checked=language.number(st.pages_checked),
    )
    out += [md(flagged), ""]
    out += _table([_("Rule"), _("Flags")], [[md(r), w.n(n)] for r, n in st.by_rule.items()])
    out += _table([_("Owner"), _("Pages")], [[md(o), w.n(n)] for o, n in st.by_owner.items()])
    return out


def _translations(report: HealthReport, w: _Writer) -> list[str]:
    _, language = w._, w.language
    out = ["## " + md(_("Translation lag")), ""]
    rows = []
    for code, health in report.per_locale.items():
        t = health.translations
        if t is None:
            continue
        oldest = t.oldest_outdated
        rows.append(
            [
                md(code),
                w.pct(t.completeness / 100, digits=1),
                w.n(t.outdated),
                w.n(t.missing),
                w.n(t.orphaned),
                (
                    md(
                        _(
                            "%(article)s, source changed %(date)s",
                            article=oldest.article,
                            date=language.date(oldest.source_changed) or _("unknown"),
                        )
                    )
                    if oldest
                    else "–"
                ),
            ]
        )
    if not rows:
        return out + [md(_("No translations.")), ""]
    return out + _table([_(column) for column in TRANSLATION_COLUMNS], rows)


def _contact(report: HealthReport, w: _Writer) -> list[str]:
    _ = w._
    out = ["## " + md(_("Contact deflection")), ""]
    if report.overall.contact is None:
        none = _("No data: the feedback data has no contact-deflection events.")
        return out + [md(none), ""]
    rows = []
    for health in [report.overall, *report.per_locale.values()]:
        c = health.contact
        if c is None:
            continue
        rows.append(
            [
                md(w.locale_name(health.locale)),
                w.n(c.shown),
                f"{w.n(c.clicked)} ({w.pct(c.click_share)})",
                w.n(c.contacted),
                f"{w.n(c.avoided)} ({w.pct(c.avoided_share)})",
            ]
        )
    head = [_("Locale"), _("Suggestions shown"), _("Clicked"), _("Contacted"), _("Avoided")]
    return out + _table(head, rows)


def _widget(report: HealthReport, w: _Writer) -> list[str]:
    _ = w._
    out = ["## " + md(_("Help widget deflection, by context")), ""]
    if not report.widget:
        none = _("No data: the feedback data has no event of the help widget.")
        return out + [md(none), ""]
    rows = [
        [
            md(context),
            w.n(c.shown),
            f"{w.n(c.clicked)} ({w.pct(c.click_share)})",
            w.n(c.contacted),
            f"{w.n(c.avoided)} ({w.pct(c.avoided_share)})",
        ]
        for context, c in sorted(report.widget.items())
    ]
    head = [_("Context"), _("Suggestions shown"), _("Opened"), _("Contacted"), _("Avoided")]
    return out + _table(head, rows)


def _fenced(lines: list[str]) -> list[str]:
    """A code block whose fence no backtick run of ``lines`` can close."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, *lines, fence]


def _proposal(proposal: SynonymProposal, w: _Writer) -> list[str]:
    article = md(proposal.title or proposal.page)
    where = f" ({md(proposal.path)})" if proposal.path else ""
    failed = ", ".join(f"{q.query} ({w.n(q.count)})" for q in proposal.queries)
    sentence = w._(
        "%(readers)s readers found nothing with %(failed)s, then opened it searching "
        "%(then)s; last on %(date)s.",
        readers=w.language.number(proposal.count),
        failed=failed,
        then=proposal.then_query,
        date=w.language.date(proposal.last_seen),
    )
    return [
        f"- {article}{where}: {md(sentence)}",
        "",
        *("  " + line for line in _fenced([proposal.synonyms_line, proposal.aliases_line])),
        "",
    ]


def _synonyms(report: HealthReport, w: _Writer) -> list[str]:
    _ = w._
    out = ["## " + md(_("Proposed synonyms")), ""]
    overall = report.overall.synonyms
    if overall is None:
        return out + [md(_("No data: the feedback data has no reformulations.")), ""]
    summary = _(
        "%(readers)s readers rephrased a failed search and opened a result; proposals: "
        "%(proposed)s (pairs of at least %(minimum)s readers that the synonyms files do not "
        "join yet). The first line of each goes into %(file)s, the second into the article's "
        "front matter; nothing is applied until a writer does.",
        **w.synonyms_values(overall, minimum=MIN_READERS, file="locales/LOCALE/synonyms.txt"),
    )
    out += [md(summary), ""]
    if overall.proposed and not overall.proposals:
        return out + [md(_("The queries are in the operator's private report.")), ""]
    for code, health in report.per_locale.items():
        if health.synonyms is None or not health.synonyms.proposals:
            continue
        out += [f"### {md(code)}", ""]
        for proposal in health.synonyms.proposals:
            out += _proposal(proposal, w)
    return out
