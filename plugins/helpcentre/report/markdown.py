"""The report as Markdown, for a pull-request comment or a chat message.

Reader text (comments, queries) is escaped twice over: HTML-escaped, so ``<script>`` shows as
text wherever Markdown allows raw HTML, and Markdown-escaped, so a ``|`` cannot break a table,
``*`` cannot turn on emphasis, and ``@team`` cannot notify anyone.

This module never imports MkDocs.
"""

from __future__ import annotations

import re
from html import escape

from helpcentre.report import charts
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


def _pct(value: float | None) -> str:
    return charts.share_or_dash(value)


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def _locale_name(code: str) -> str:
    return "all locales" if code == ALL_LOCALES else code


def render_markdown(report: HealthReport, *, fix_first: int = 10) -> str:
    """The report as GitHub-flavoured Markdown.

    Args:
        report: The report.
        fix_first: How many entries of the "fix first" list to show.
    """
    out = [f"# Help centre health, {report.today}", ""]
    if report.since:
        out += [f"Feedback from {report.since} to {report.until}.", ""]
    for note in report.notes:
        out.append(f"> Note: {md(note)}")
    if report.notes:
        out.append("")

    out += ["## Fix first", ""]
    if report.fix_first:
        rows = [
            [
                str(item.rank),
                md(item.locale),
                ("search: " if item.kind == "search" else "") + md(item.page),
                f"{item.score:.1f}",
                f"{item.traffic} {item.traffic_basis}",
                md("; ".join(item.signals)),
                md(item.owner or ""),
            ]
            for item in report.fix_first[:fix_first]
        ]
        out += _table(["#", "Locale", "Page", "Score", "Traffic", "Why", "Owner"], rows)
    else:
        out += ["Nothing to fix.", ""]
    out += [f"Scoring: {md(report.scoring)}", ""]

    out += ["## By locale", ""]
    rows = []
    for health in [report.overall, *report.per_locale.values()]:
        h, s, t = health.helpfulness, health.searches, health.translations
        share_trend = [p.helpful_share for p in h.trend]
        oldest = t.oldest_outdated if t else None
        rows.append(
            [
                _locale_name(health.locale),
                str(h.votes),
                " ".join(
                    charts.helpful_share(h.votes, h.helpful_share, h.wilson_lower_bound)
                ).strip(),
                blocks(share_trend, maximum=1.0),
                str(s.failed),
                blocks([float(p.count) for p in s.trend]),
                str(health.stale.pages_flagged),
                f"{t.completeness:.0f}%" if t else "source",
                str(t.outdated) if t else "–",
                md(f"{oldest.article} ({oldest.days_behind} days)") if oldest else "–",
                str(health.contact.avoided) if health.contact else "no data",
            ]
        )
    out += _table(
        [
            "Locale",
            "Votes",
            "Helpful",
            "Trend",
            "Failed searches",
            "Trend",
            "Stale pages",
            "Translated",
            "Outdated",
            "Oldest outdated",
            "Contacts avoided",
        ],
        rows,
    )

    out += _helpfulness(report)
    out += _searches(report)
    out += _stale(report)
    out += _translations(report)
    out += _contact(report)
    out += _widget(report)
    out += _synonyms(report)
    return "\n".join(out).rstrip() + "\n"


def _helpfulness(report: HealthReport) -> list[str]:
    h = report.overall.helpfulness
    out = ["## Helpfulness", ""]
    if not h.votes:
        return out + ["No votes in the window.", ""]
    out.append(
        f"{h.helpful} of {h.votes} votes helpful ({_pct(h.helpful_share)}, lower bound "
        f"{_pct(h.wilson_lower_bound)}) on {h.pages_voted} pages."
    )
    if h.reasons:
        out.append(
            "Reasons given: " + ", ".join(f"{md(r)} {n}" for r, n in h.reasons.items()) + "."
        )
    out.append("")
    if h.least_helpful:
        out += ["Least helpful pages:", ""]
        rows = [
            [
                md(p.locale),
                md(p.page),
                str(p.votes),
                _pct(p.helpful_share),
                _pct(p.wilson_lower_bound),
            ]
            for p in h.least_helpful
        ]
        out += _table(["Locale", "Page", "Votes", "Helpful", "Lower bound"], rows)
    if h.comments:
        out += ["Latest comments:", ""]
        for c in h.comments:
            reason = f" ({md(c.reason)})" if c.reason else ""
            out.append(f"- {c.date} {md(c.locale)}/{md(c.page)}{reason}: {md(c.text)}")
        out.append("")
    return out


def _searches(report: HealthReport) -> list[str]:
    s = report.overall.searches
    out = ["## Searches with no answer", ""]
    if not s.failed:
        return out + ["No failed searches in the window.", ""]
    weekly = blocks([float(p.count) for p in s.trend])
    out += [
        f"{s.failed} failed searches ({s.zero_results} with no result at all), "
        f"{s.distinct_queries} distinct queries. Weekly: {weekly}",
        "",
    ]
    rows = [
        [md(q.locale), md(q.query), str(q.count), str(q.zero_results), str(q.no_click), q.last_seen]
        for q in s.top_queries
    ]
    return out + _table(["Locale", "Query", "Count", "No result", "Not clicked", "Last"], rows)


def _stale(report: HealthReport) -> list[str]:
    st = report.overall.stale
    out = ["## Stale pages", ""]
    if not st.items:
        return out + [f"No flags on {st.pages_checked} pages.", ""]
    out += [f"{st.pages_flagged} of {st.pages_checked} pages flagged.", ""]
    out += _table(["Rule", "Flags"], [[md(r), str(n)] for r, n in st.by_rule.items()])
    out += _table(["Owner", "Pages"], [[md(o), str(n)] for o, n in st.by_owner.items()])
    return out


def _translations(report: HealthReport) -> list[str]:
    out = ["## Translation lag", ""]
    rows = []
    for code, health in report.per_locale.items():
        t = health.translations
        if t is None:
            continue
        oldest = t.oldest_outdated
        rows.append(
            [
                md(code),
                f"{t.completeness:.1f}%",
                str(t.outdated),
                str(t.missing),
                str(t.orphaned),
                md(f"{oldest.article}, source changed {oldest.source_changed}") if oldest else "–",
            ]
        )
    if not rows:
        return out + ["No translations.", ""]
    return out + _table(
        ["Locale", "Complete", "Outdated", "Missing", "Orphaned", "Oldest outdated"], rows
    )


def _contact(report: HealthReport) -> list[str]:
    out = ["## Contact deflection", ""]
    if report.overall.contact is None:
        return out + ["No data: the feedback data has no contact-deflection events.", ""]
    rows = []
    for health in [report.overall, *report.per_locale.values()]:
        c = health.contact
        if c is None:
            continue
        rows.append(
            [
                _locale_name(health.locale),
                str(c.shown),
                f"{c.clicked} ({_pct(c.click_share)})",
                str(c.contacted),
                f"{c.avoided} ({_pct(c.avoided_share)})",
            ]
        )
    return out + _table(["Locale", "Suggestions shown", "Clicked", "Contacted", "Avoided"], rows)


def _widget(report: HealthReport) -> list[str]:
    out = ["## Help widget deflection, by context", ""]
    if not report.widget:
        return out + ["No data: the feedback data has no event of the help widget.", ""]
    rows = [
        [
            context,
            str(c.shown),
            f"{c.clicked} ({_pct(c.click_share)})",
            str(c.contacted),
            f"{c.avoided} ({_pct(c.avoided_share)})",
        ]
        for context, c in sorted(report.widget.items())
    ]
    return out + _table(["Context", "Suggestions shown", "Opened", "Contacted", "Avoided"], rows)


def _fenced(lines: list[str]) -> list[str]:
    """A code block whose fence no backtick run of ``lines`` can close."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, *lines, fence]


def _proposal(proposal: SynonymProposal) -> list[str]:
    article = md(proposal.title or proposal.page)
    where = f" ({md(proposal.path)})" if proposal.path else ""
    failed = ", ".join(f"{md(q.query)} ({q.count})" for q in proposal.queries)
    return [
        f"- {article}{where}: {proposal.count} readers found nothing with {failed}, then "
        f"opened it searching {md(proposal.then_query)}; last on {proposal.last_seen}.",
        "",
        *("  " + line for line in _fenced([proposal.synonyms_line, proposal.aliases_line])),
        "",
    ]


def _synonyms(report: HealthReport) -> list[str]:
    out = ["## Proposed synonyms", ""]
    overall = report.overall.synonyms
    if overall is None:
        return out + ["No data: the feedback data has no reformulations.", ""]
    out += [
        f"{overall.reformulations} readers rephrased a failed search and opened a result; "
        f"proposals: {overall.proposed} (pairs of at least {MIN_READERS} readers that the "
        "synonyms files do not join yet). The first line of each goes into "
        "locales/LOCALE/synonyms.txt, the second into the article's front matter; nothing is "
        "applied until a writer does.",
        "",
    ]
    if overall.proposed and not overall.proposals:
        return out + ["The queries are in the operator's private report.", ""]
    for code, health in report.per_locale.items():
        if health.synonyms is None or not health.synonyms.proposals:
            continue
        out += [f"### {md(code)}", ""]
        for proposal in health.synonyms.proposals:
            out += _proposal(proposal)
    return out
