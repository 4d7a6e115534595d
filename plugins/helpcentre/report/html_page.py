"""The report as one self-contained HTML page for support leads.

Everything is inline: CSS in a ``<style>`` element, charts as ``<svg>`` drawn here. The page runs
no script and loads nothing (its Content-Security-Policy forbids both), carries
``<meta name="robots" content="noindex">`` and ``data-pagefind-ignore`` so no crawler or site
search indexes it, and collapses per-locale details with ``<details>``, which needs no
JavaScript. Every text goes through :func:`html.escape`.

This module never imports MkDocs.
"""

from __future__ import annotations

from html import escape

from helpcentre.report import charts
from helpcentre.report.model import ALL_LOCALES, HealthReport, LocaleHealth
from helpcentre.report.synonyms import MIN_READERS

_CSS = """
:root { color-scheme: light; --accent: #00796b; --muted: #5f6368; --line: #e0e0e0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #202124; background: #fafafa; }
header { background: var(--accent); color: #fff; padding: 1.2rem 2rem; }
header h1 { margin: 0; font-size: 1.6rem; }
header p { margin: .2rem 0 0; opacity: .9; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 2rem 3rem; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px;
          padding: 1rem 1.4rem; margin: 1.2rem 0; }
h2 { margin: .2rem 0 .8rem; font-size: 1.3rem; }
h3 { margin: 1rem 0 .4rem; font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line);
         vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: .85rem; margin-bottom: .3rem; }
svg.chart { max-width: 100%; height: auto; }
svg.sparkline { min-width: 150px; }
.note { color: #7a4b00; background: #fff8e1; border-left: 4px solid #ffb300;
        padding: .4rem .8rem; margin: .3rem 0; }
.level-error { color: #b00020; font-weight: 600; }
.level-warning { color: #8a5a00; }
.muted { color: var(--muted); }
blockquote { margin: .3rem 0; padding: .3rem .8rem; border-left: 3px solid var(--line);
             white-space: pre-wrap; overflow-wrap: anywhere; }
details { margin: .6rem 0; }
summary { cursor: pointer; font-weight: 600; }
code { font-size: .88em; }
"""


_NO_DATA = '<span class="muted">no data</span>'


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _pct(value: float | None) -> str:
    return charts.share_or_dash(value)


def _table(head: list[str], rows: list[list[str]], *, numeric: set[int] | None = None) -> str:
    """A table; cells are HTML already (callers escape text)."""
    numeric = numeric or set()
    right = ' class="num"'
    cells = "".join(
        f'<th scope="col"{right if i in numeric else ""}>{_e(h)}</th>' for i, h in enumerate(head)
    )
    body = "".join(
        "<tr>"
        + "".join(f"<td{right if i in numeric else ''}>{cell}</td>" for i, cell in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def _figure(caption: str, svg: str) -> str:
    return f"<figure><figcaption>{_e(caption)}</figcaption>{svg}</figure>"


def _locale_name(code: str) -> str:
    return "All locales" if code == ALL_LOCALES else code


def render_html(report: HealthReport, *, title: str = "Help centre health") -> str:
    """The report as a complete HTML document.

    Args:
        report: The report.
        title: The page's title and main heading.
    """
    window = (
        f"Feedback from {_e(report.since)} to {_e(report.until)}"
        if report.since
        else "No feedback data"
    )
    body = [
        f"<header><h1>{_e(title)}</h1><p>{window} · generated {_e(report.generated_at)}</p>"
        "</header><main>",
    ]
    body += [f'<p class="note">{_e(note)}</p>' for note in report.notes]
    body += [
        _fix_first(report),
        _overview(report),
        _helpfulness(report),
        _searches(report),
        _stale(report),
        _translations(report),
        _contact(report),
        _widget(report),
        _synonyms(report),
        _locales(report),
        "</main>",
    ]
    return (
        "<!doctype html>\n"
        f'<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex, nofollow">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{_e(title)} – {_e(report.today)}</title><style>{_CSS}</style></head>"
        '<body data-pagefind-ignore="all">' + "".join(body) + "</body></html>\n"
    )


def _fix_first(report: HealthReport) -> str:
    if not report.fix_first:
        rows = "<p>Nothing to fix.</p>"
    else:
        rows = _table(
            ["#", "Locale", "Page", "Score", "Traffic", "Why", "Owner"],
            [
                [
                    str(item.rank),
                    _e(item.locale),
                    (
                        f"<code>{_e(item.path)}</code>"
                        if item.path
                        else f"search: <q>{_e(item.page)}</q>"
                    ),
                    f"{item.score:.1f}",
                    f"{item.traffic} {_e(item.traffic_basis)}",
                    "<br>".join(_e(signal) for signal in item.signals),
                    _e(item.owner or ""),
                ]
                for item in report.fix_first
            ],
            numeric={0, 3},
        )
    return (
        '<section id="fix-first"><h2>Fix first</h2>'
        f'{rows}<p class="muted">Scoring: {_e(report.scoring)}</p></section>'
    )


def _overview(report: HealthReport) -> str:
    locales = list(report.per_locale.values())
    helpful = charts.bar_chart(
        [(h.locale, h.helpfulness.helpful_share) for h in locales if h.helpfulness.votes],
        label="Helpful share of votes per locale",
        fmt=charts.percent,
        maximum=1.0,
    )
    searches = charts.bar_chart(
        [(h.locale, float(h.searches.failed)) for h in locales],
        label="Failed searches per locale",
    )
    translated = charts.bar_chart(
        [(h.locale, h.translations.completeness / 100) for h in locales if h.translations],
        label="Translation completeness per locale",
        fmt=charts.percent,
        maximum=1.0,
    )
    rows = []
    for health in [report.overall, *locales]:
        h, s, t = health.helpfulness, health.searches, health.translations
        rows.append(
            [
                f"<strong>{_e(_locale_name(health.locale))}</strong>",
                str(h.votes),
                '{} <span class="muted">{}</span>'.format(
                    *charts.helpful_share(h.votes, h.helpful_share, h.wilson_lower_bound)
                ),
                charts.sparkline(
                    [p.helpful_share for p in h.trend],
                    label=f"Weekly helpful share, {_locale_name(health.locale)}",
                    fmt=charts.percent,
                    maximum=1.0,
                ),
                str(s.failed),
                charts.sparkline(
                    [float(p.count) for p in s.trend],
                    label=f"Weekly failed searches, {_locale_name(health.locale)}",
                ),
                str(health.stale.pages_flagged),
                f"{t.completeness:.0f}%" if t else '<span class="muted">source</span>',
                str(t.outdated) if t else "–",
                str(health.contact.avoided) if health.contact else _NO_DATA,
            ]
        )
    table = _table(
        [
            "Locale",
            "Votes",
            "Helpful",
            "Helpful, weekly",
            "Failed searches",
            "Failed searches, weekly",
            "Stale pages",
            "Translated",
            "Outdated",
            "Contacts avoided",
        ],
        rows,
        numeric={1, 4, 6, 8},
    )
    return (
        '<section id="locales-overview"><h2>By locale</h2><div class="charts">'
        + _figure("Helpful share", helpful)
        + _figure("Failed searches", searches)
        + _figure("Translated and up to date", translated)
        + f"</div>{table}</section>"
    )


def _helpfulness_block(health: LocaleHealth) -> str:
    h = health.helpfulness
    if not h.votes:
        return "<p>No votes in the window.</p>"
    parts = [
        f"<p>{h.helpful} of {h.votes} votes helpful ({_pct(h.helpful_share)}, 95 % lower bound "
        f"{_pct(h.wilson_lower_bound)}) on {h.pages_voted} pages.</p>",
        '<div class="charts">',
        _figure(
            "Helpful share per week",
            charts.line_chart(
                [(p.start, p.helpful_share) for p in h.trend],
                label=f"Helpful share per week, {_locale_name(health.locale)}",
                fmt=charts.percent,
                maximum=1.0,
            ),
        ),
    ]
    if h.reasons:
        parts.append(
            _figure(
                "Reasons given with “No”",
                charts.bar_chart(
                    [(reason, float(count)) for reason, count in h.reasons.items()],
                    label=f"Reasons given with not-helpful votes, {_locale_name(health.locale)}",
                    width=420,
                ),
            )
        )
    parts.append("</div>")
    if h.least_helpful:
        parts.append("<h3>Least helpful pages</h3>")
        parts.append(
            _table(
                ["Locale", "Page", "Votes", "Helpful", "Lower bound"],
                [
                    [
                        _e(p.locale),
                        f"<code>{_e(p.page)}</code>",
                        str(p.votes),
                        _pct(p.helpful_share),
                        _pct(p.wilson_lower_bound),
                    ]
                    for p in h.least_helpful
                ],
                numeric={2, 3, 4},
            )
        )
    if h.comments:
        parts.append("<h3>Latest comments</h3>")
        for c in h.comments:
            reason = f" · {_e(c.reason)}" if c.reason else ""
            parts.append(
                f'<p class="muted">{_e(c.date)} · {_e(c.locale)}/<code>{_e(c.page)}</code>'
                f"{reason}</p><blockquote>{_e(c.text)}</blockquote>"
            )
    return "".join(parts)


def _helpfulness(report: HealthReport) -> str:
    return (
        '<section id="helpfulness"><h2>Helpfulness</h2>'
        + _helpfulness_block(report.overall)
        + "</section>"
    )


def _searches_block(health: LocaleHealth) -> str:
    s = health.searches
    if not s.failed:
        return "<p>No failed searches in the window.</p>"
    return (
        f"<p>{s.failed} failed searches ({s.zero_results} with no result at all), "
        f"{s.distinct_queries} distinct queries.</p>"
        + _figure(
            "Failed searches per week",
            charts.line_chart(
                [(p.start, float(p.count)) for p in s.trend],
                label=f"Failed searches per week, {_locale_name(health.locale)}",
            ),
        )
        + "<h3>Top queries</h3>"
        + _table(
            ["Locale", "Query", "Searches", "No result", "Not clicked", "Last seen"],
            [
                [
                    _e(q.locale),
                    f"<q>{_e(q.query)}</q>",
                    str(q.count),
                    str(q.zero_results),
                    str(q.no_click),
                    _e(q.last_seen),
                ]
                for q in s.top_queries
            ],
            numeric={2, 3, 4},
        )
    )


def _searches(report: HealthReport) -> str:
    return (
        '<section id="searches"><h2>Searches with no answer</h2>'
        + _searches_block(report.overall)
        + "</section>"
    )


def _stale_block(health: LocaleHealth, *, detailed: bool) -> str:
    st = health.stale
    if not st.items:
        return f"<p>No flags on {st.pages_checked} pages.</p>"
    parts = [
        f"<p>{st.pages_flagged} of {st.pages_checked} pages flagged "
        f"({st.by_level.get('error', 0)} errors, {st.by_level.get('warning', 0)} warnings).</p>",
        '<div class="charts">',
        _figure(
            "Flags by rule",
            charts.bar_chart(
                [(rule, float(n)) for rule, n in st.by_rule.items()],
                label=f"Stale flags by rule, {_locale_name(health.locale)}",
                width=440,
            ),
        ),
        _figure(
            "Flagged pages by owner",
            charts.bar_chart(
                [(owner, float(n)) for owner, n in st.by_owner.items()],
                label=f"Flagged pages by owner, {_locale_name(health.locale)}",
                width=440,
            ),
        ),
        "</div>",
    ]
    if detailed:
        parts.append(
            _table(
                ["Level", "Page", "Rule", "Reason", "Fix", "Owner"],
                [
                    [
                        f'<span class="level-{_e(i.level)}">{_e(i.level)}</span>',
                        f"<code>{_e(i.path)}:{i.line}</code>",
                        _e(i.rule),
                        _e(i.reason),
                        _e(i.fix),
                        _e(i.owner or ""),
                    ]
                    for i in st.items
                ],
            )
        )
    return "".join(parts)


def _stale(report: HealthReport) -> str:
    return (
        '<section id="stale"><h2>Stale pages</h2>'
        + _stale_block(report.overall, detailed=False)
        + '<p class="muted">Every flag is listed per locale below.</p></section>'
    )


def _translations(report: HealthReport) -> str:
    rows = []
    for code, health in report.per_locale.items():
        t = health.translations
        if t is None:
            continue
        oldest = t.oldest_outdated
        rows.append(
            [
                _e(code),
                f"{t.completeness:.1f}%",
                str(t.outdated),
                str(t.missing),
                str(t.orphaned),
                (
                    f"<code>{_e(oldest.article)}</code>, source changed "
                    f"{_e(oldest.source_changed or 'unknown')}"
                    + (f" ({oldest.days_behind} days)" if oldest.days_behind is not None else "")
                )
                if oldest
                else "–",
            ]
        )
    content = (
        _table(
            ["Locale", "Complete", "Outdated", "Missing", "Orphaned", "Oldest outdated"],
            rows,
            numeric={1, 2, 3, 4},
        )
        if rows
        else "<p>No translations.</p>"
    )
    return f'<section id="translations"><h2>Translation lag</h2>{content}</section>'


def _contact(report: HealthReport) -> str:
    if report.overall.contact is None:
        content = (
            "<p><strong>No data.</strong> The feedback data has no contact-deflection events "
            "(suggestions shown, clicked, contacts avoided).</p>"
        )
    else:
        content = _table(
            ["Locale", "Suggestions shown", "Clicked", "Contacted", "Contacts avoided"],
            [
                [
                    _e(_locale_name(h.locale)),
                    str(h.contact.shown),
                    f"{h.contact.clicked} ({_pct(h.contact.click_share)})",
                    str(h.contact.contacted),
                    f"{h.contact.avoided} ({_pct(h.contact.avoided_share)})",
                ]
                for h in [report.overall, *report.per_locale.values()]
                if h.contact is not None
            ],
            numeric={1, 3},
        )
    return f'<section id="contact"><h2>Contact deflection</h2>{content}</section>'


def _widget(report: HealthReport) -> str:
    if not report.widget:
        content = (
            "<p><strong>No data.</strong> The feedback data has no event of the help widget.</p>"
        )
    else:
        content = _table(
            ["Context", "Suggestions shown", "Opened", "Contacted", "Contacts avoided"],
            [
                [
                    _e(context),
                    str(c.shown),
                    f"{c.clicked} ({_pct(c.click_share)})",
                    str(c.contacted),
                    f"{c.avoided} ({_pct(c.avoided_share)})",
                ]
                for context, c in sorted(report.widget.items())
            ],
            numeric={1, 3},
        )
    return f'<section id="widget"><h2>Help widget deflection, by context</h2>{content}</section>'


def _synonyms_block(health: LocaleHealth) -> str:
    figures = health.synonyms
    if figures is None:
        return "<p><strong>No data.</strong> The feedback data has no reformulations.</p>"
    summary = (
        f"<p>{figures.reformulations} readers rephrased a failed search and opened a result; "
        f"proposals: {figures.proposed} (pairs of at least {MIN_READERS} readers that the synonyms "
        "file does not join yet). Paste the first line into "
        "<code>locales/LOCALE/synonyms.txt</code>, the second into the article's front matter; "
        "nothing is applied until a writer does.</p>"
    )
    if figures.proposed and not figures.proposals:
        return summary + "<p>The queries are in the operator's private report.</p>"
    rows = [
        [
            _e(p.locale),
            (
                f"{_e(p.title)}<br><code>{_e(p.path)}</code>"
                if p.path
                else f"<code>{_e(p.page)}</code>"
            ),
            "<br>".join(f"<q>{_e(q.query)}</q> ({q.count})" for q in p.queries),
            f"<q>{_e(p.then_query)}</q>",
            str(p.count),
            f"<pre><code>{_e(p.synonyms_line)}\n{_e(p.aliases_line)}</code></pre>",
        ]
        for p in figures.proposals
    ]
    return summary + (
        _table(
            ["Locale", "Article opened", "Failed queries", "Then searched", "Readers", "Paste"],
            rows,
            numeric={4},
        )
        if rows
        else ""
    )


def _synonyms(report: HealthReport) -> str:
    return (
        '<section id="synonyms"><h2>Proposed synonyms</h2>'
        + _synonyms_block(report.overall)
        + "</section>"
    )


def _locales(report: HealthReport) -> str:
    parts = ['<section id="per-locale"><h2>Each locale</h2>']
    for code, health in report.per_locale.items():
        items = [i for i in report.fix_first if i.locale == code][:5]
        parts.append(f"<details><summary>{_e(code)}</summary>")
        if items:
            parts.append("<h3>Fix first</h3><ol>")
            parts += [
                f"<li><code>{_e(i.path or i.page)}</code> ({i.score:.1f}): "
                f"{_e('; '.join(i.signals))}</li>"
                for i in items
            ]
            parts.append("</ol>")
        parts += [
            "<h3>Helpfulness</h3>",
            _helpfulness_block(health),
            "<h3>Searches with no answer</h3>",
            _searches_block(health),
            "<h3>Stale pages</h3>",
            _stale_block(health, detailed=True),
            "</details>",
        ]
    parts.append("</section>")
    return "".join(parts)
