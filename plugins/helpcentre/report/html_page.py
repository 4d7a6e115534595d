"""The report as one self-contained HTML page for support leads.

Everything is inline: CSS in a ``<style>`` element, charts as ``<svg>`` drawn here. The page runs
no script and loads nothing (its Content-Security-Policy forbids both), carries
``<meta name="robots" content="noindex">`` and ``data-pagefind-ignore`` so no crawler or site
search indexes it, and collapses per-locale details with ``<details>``, which needs no
JavaScript. Every text goes through :func:`html.escape`.

Its sentences come from the catalogs and its numbers and dates are written for the report's
locale (:mod:`helpcentre.report.language`); a right-to-left locale gets ``dir="rtl"``, and the
tables and notes mirror through logical CSS properties while the charts keep their axes.

This module never imports MkDocs.
"""

from __future__ import annotations

from html import escape
from typing import Any

from helpcentre.report import charts
from helpcentre.report.language import (
    TRANSLATION_COLUMNS,
    ReportLanguage,
    ReportWriter,
    report_language,
)
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
th, td { text-align: start; padding: .35rem .5rem; border-bottom: 1px solid var(--line);
         vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: .85rem; margin-bottom: .3rem; }
/* A chart's axes read left to right in every language; its labels keep their own script. */
svg.chart { max-width: 100%; height: auto; direction: ltr; }
svg.sparkline { min-width: 150px; }
.note { color: #7a4b00; background: #fff8e1; border-inline-start: 4px solid #ffb300;
        padding: .4rem .8rem; margin: .3rem 0; }
.level-error { color: #b00020; font-weight: 600; }
.level-warning { color: #8a5a00; }
.muted { color: var(--muted); }
blockquote { margin: .3rem 0; padding: .3rem .8rem; border-inline-start: 3px solid var(--line);
             white-space: pre-wrap; overflow-wrap: anywhere; }
details { margin: .6rem 0; }
summary { cursor: pointer; font-weight: 600; }
code { font-size: .88em; }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


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


_BIDI_MARKS = {ord(mark): None for mark in "\u200e\u200f\u061c"}


class _Writer(ReportWriter):
    """The report's wording in one language, with the shorthands the HTML sections use."""

    def __init__(self, language: ReportLanguage) -> None:
        super().__init__(language)
        self.no_data = '<span class="muted">' + _e(self._("no data")) + "</span>"

    def share(self, value: float) -> str:
        return self.pct(value)

    def chart_date(self, value: str | None) -> str:
        # A chart's axis reads left to right: the bidirectional marks of a right-to-left date
        # ("31\u200f/8\u200f/2026") would reorder it there.
        return self.date(value).translate(_BIDI_MARKS)

    def locale_name(self, code: str) -> str:
        return self._("All locales") if code == ALL_LOCALES else code

    def helpful_share(self, votes: int, share: float | None, lower_bound: float) -> tuple[str, str]:
        # Without votes there is nothing to bound: "no votes yet" rather than "– (≥ 0%)".
        if not votes:
            return self._("no votes yet"), ""
        return self.pct(share), self._("(≥ %(bound)s)", bound=self.language.percent(lower_bound))


def render_html(
    report: HealthReport, *, title: str | None = None, language: ReportLanguage | None = None
) -> str:
    """The report as a complete HTML document.

    Args:
        report: The report.
        title: The page's title and main heading (default: "Help centre health", translated).
        language: The language it is written in (default: English).
    """
    language = language or report_language()
    w = _Writer(language)
    _ = w._
    title = title if title is not None else _("Help centre health")
    window = (
        _(
            "Feedback from %(since)s to %(until)s",
            since=language.date(report.since),
            until=language.date(report.until),
        )
        if report.since
        else _("No feedback data")
    )
    generated = _("generated %(when)s", when=language.date(report.generated_at))
    body = [
        f"<header><h1>{_e(title)}</h1><p>{_e(window)} · {_e(generated)}</p></header><main>",
    ]
    body += [f'<p class="note">{_e(note)}</p>' for note in report.notes]
    body += [
        _fix_first(report, w),
        _overview(report, w),
        _helpfulness(report, w),
        _searches(report, w),
        _stale(report, w),
        _translations(report, w),
        _contact(report, w),
        _widget(report, w),
        _synonyms(report, w),
        _locales(report, w),
        "</main>",
    ]
    return (
        "<!doctype html>\n"
        f'<html lang="{_e(language.locale)}" dir="{language.direction}"><head>'
        '<meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex, nofollow">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{_e(title)} – {_e(w.date(report.today))}</title><style>{_CSS}</style></head>"
        '<body data-pagefind-ignore="all">' + "".join(body) + "</body></html>\n"
    )


def _fix_first(report: HealthReport, w: _Writer) -> str:
    _ = w._
    if not report.fix_first:
        rows = "<p>" + _e(_("Nothing to fix.")) + "</p>"
    else:
        rows = _table(
            ["#", _("Locale"), _("Page"), _("Score"), _("Traffic"), _("Why"), _("Owner")],
            [
                [
                    w.n(item.rank),
                    _e(item.locale),
                    (
                        f"<code>{_e(item.path)}</code>"
                        if item.path
                        else _e(_("search: %(query)s", query="“" + item.page + "”"))
                    ),
                    w.n(item.score, digits=1),
                    f"{w.n(item.traffic)} {_e(item.traffic_basis)}",
                    "<br>".join(_e(signal) for signal in item.signals),
                    _e(item.owner or ""),
                ]
                for item in report.fix_first
            ],
            numeric={0, 3},
        )
    scoring = _("Scoring: %(rule)s", rule=report.scoring)
    return (
        '<section id="fix-first"><h2>' + _e(_("Fix first")) + f"</h2>"
        f'{rows}<p class="muted">{_e(scoring)}</p></section>'
    )


def _overview(report: HealthReport, w: _Writer) -> str:
    _ = w._
    locales = list(report.per_locale.values())
    helpful = charts.bar_chart(
        [(h.locale, h.helpfulness.helpful_share) for h in locales if h.helpfulness.votes],
        label=_("Helpful share of votes per locale"),
        fmt=w.share,
        maximum=1.0,
        empty=_("no data"),
    )
    searches = charts.bar_chart(
        [(h.locale, float(h.searches.failed)) for h in locales],
        label=_("Failed searches per locale"),
        fmt=w.n,
        empty=_("no data"),
    )
    translated = charts.bar_chart(
        [(h.locale, h.translations.completeness / 100) for h in locales if h.translations],
        label=_("Translation completeness per locale"),
        fmt=w.share,
        maximum=1.0,
        empty=_("no data"),
    )
    rows = []
    for health in [report.overall, *locales]:
        h, s, t = health.helpfulness, health.searches, health.translations
        name = w.locale_name(health.locale)
        rows.append(
            [
                f"<strong>{_e(name)}</strong>",
                w.n(h.votes),
                '{} <span class="muted">{}</span>'.format(
                    *(
                        _e(part)
                        for part in w.helpful_share(h.votes, h.helpful_share, h.wilson_lower_bound)
                    )
                ),
                charts.sparkline(
                    [p.helpful_share for p in h.trend],
                    label=_("Weekly helpful share, %(locale)s", locale=name),
                    fmt=w.share,
                    maximum=1.0,
                    empty=_("no data"),
                ),
                w.n(s.failed),
                charts.sparkline(
                    [float(p.count) for p in s.trend],
                    label=_("Weekly failed searches, %(locale)s", locale=name),
                    fmt=w.n,
                    empty=_("no data"),
                ),
                w.n(health.stale.pages_flagged),
                w.pct(t.completeness / 100)
                if t
                else '<span class="muted">' + _e(_("source")) + "</span>",
                w.n(t.outdated) if t else "–",
                w.n(health.contact.avoided) if health.contact else w.no_data,
            ]
        )
    table = _table(
        [
            _("Locale"),
            _("Votes"),
            _("Helpful"),
            _("Helpful, weekly"),
            _("Failed searches"),
            _("Failed searches, weekly"),
            _("Stale pages"),
            _("Translated"),
            _("Outdated"),
            _("Contacts avoided"),
        ],
        rows,
        numeric={1, 4, 6, 8},
    )
    return (
        '<section id="locales-overview"><h2>'
        + _e(_("By locale"))
        + '</h2><div class="charts">'
        + _figure(_("Helpful share"), helpful)
        + _figure(_("Failed searches"), searches)
        + _figure(_("Translated and up to date"), translated)
        + f"</div>{table}</section>"
    )


def _helpfulness_block(health: LocaleHealth, w: _Writer) -> str:
    _ = w._
    h = health.helpfulness
    name = w.locale_name(health.locale)
    if not h.votes:
        return "<p>" + _e(_("No votes in the window.")) + "</p>"
    summary = _(
        "Helpful votes: %(helpful)s of %(votes)s (%(share)s, 95 %% lower bound %(bound)s); "
        "pages voted on: %(pages)s.",
        **w.helpfulness_values(h),
    )
    parts = [
        f"<p>{_e(summary)}</p>",
        '<div class="charts">',
        _figure(
            _("Helpful share per week"),
            charts.line_chart(
                [(w.chart_date(p.start), p.helpful_share) for p in h.trend],
                label=_("Helpful share per week, %(locale)s", locale=name),
                fmt=w.share,
                maximum=1.0,
                empty=_("no data"),
            ),
        ),
    ]
    if h.reasons:
        parts.append(
            _figure(
                _("Reasons given with “No”"),
                charts.bar_chart(
                    [(reason, float(count)) for reason, count in h.reasons.items()],
                    label=_("Reasons given with not-helpful votes, %(locale)s", locale=name),
                    fmt=w.n,
                    width=420,
                    empty=_("no data"),
                ),
            )
        )
    parts.append("</div>")
    if h.least_helpful:
        parts.append("<h3>" + _e(_("Least helpful pages")) + "</h3>")
        parts.append(
            _table(
                [_("Locale"), _("Page"), _("Votes"), _("Helpful"), _("Lower bound")],
                [
                    [
                        _e(p.locale),
                        f"<code>{_e(p.page)}</code>",
                        w.n(p.votes),
                        w.pct(p.helpful_share),
                        w.pct(p.wilson_lower_bound),
                    ]
                    for p in h.least_helpful
                ],
                numeric={2, 3, 4},
            )
        )
    if h.comments:
        parts.append("<h3>" + _e(_("Latest comments")) + "</h3>")
        for c in h.comments:
            reason = f" · {_e(c.reason)}" if c.reason else ""
            parts.append(
                f'<p class="muted">{_e(w.date(c.date))} · {_e(c.locale)}/<code>{_e(c.page)}</code>'
                f'{reason}</p><blockquote dir="auto">{_e(c.text)}</blockquote>'
            )
    return "".join(parts)


def _helpfulness(report: HealthReport, w: _Writer) -> str:
    return (
        '<section id="helpfulness"><h2>'
        + _e(w._("Helpfulness"))
        + "</h2>"
        + _helpfulness_block(report.overall, w)
        + "</section>"
    )


def _searches_block(health: LocaleHealth, w: _Writer) -> str:
    _ = w._
    s = health.searches
    if not s.failed:
        return "<p>" + _e(_("No failed searches in the window.")) + "</p>"
    summary = _(
        "Failed searches: %(failed)s (with no result at all: %(zero)s); distinct queries: "
        "%(distinct)s.",
        **w.searches_values(s),
    )
    return (
        f"<p>{_e(summary)}</p>"
        + _figure(
            _("Failed searches per week"),
            charts.line_chart(
                [(w.chart_date(p.start), float(p.count)) for p in s.trend],
                label=_(
                    "Failed searches per week, %(locale)s", locale=w.locale_name(health.locale)
                ),
                fmt=w.n,
                empty=_("no data"),
            ),
        )
        + "<h3>"
        + _e(_("Top queries"))
        + "</h3>"
        + _table(
            [
                _("Locale"),
                _("Query"),
                _("Searches"),
                _("No result"),
                _("Not clicked"),
                _("Last seen"),
            ],
            [
                [
                    _e(q.locale),
                    f'<q dir="auto">{_e(q.query)}</q>',
                    w.n(q.count),
                    w.n(q.zero_results),
                    w.n(q.no_click),
                    _e(w.date(q.last_seen)),
                ]
                for q in s.top_queries
            ],
            numeric={2, 3, 4},
        )
    )


def _searches(report: HealthReport, w: _Writer) -> str:
    return (
        '<section id="searches"><h2>'
        + _e(w._("Searches with no answer"))
        + "</h2>"
        + _searches_block(report.overall, w)
        + "</section>"
    )


def _stale_block(health: LocaleHealth, w: _Writer, *, detailed: bool) -> str:
    _ = w._
    language = w.language
    st = health.stale
    name = w.locale_name(health.locale)
    if not st.items:
        checked = _("Pages checked: %(pages)s; no flags.", pages=language.number(st.pages_checked))
        return f"<p>{_e(checked)}</p>"
    summary = _(
        "Pages flagged: %(flagged)s of %(checked)s (errors: %(errors)s, warnings: %(warnings)s).",
        flagged=language.number(st.pages_flagged),
        checked=language.number(st.pages_checked),
        errors=language.number(st.by_level.get("error", 0)),
        warnings=language.number(st.by_level.get("warning", 0)),
    )
    parts = [
        f"<p>{_e(summary)}</p>",
        '<div class="charts">',
        _figure(
            _("Flags by rule"),
            charts.bar_chart(
                [(rule, float(n)) for rule, n in st.by_rule.items()],
                label=_("Stale flags by rule, %(locale)s", locale=name),
                fmt=w.n,
                width=440,
                empty=_("no data"),
            ),
        ),
        _figure(
            _("Flagged pages by owner"),
            charts.bar_chart(
                [(owner, float(n)) for owner, n in st.by_owner.items()],
                label=_("Flagged pages by owner, %(locale)s", locale=name),
                fmt=w.n,
                width=440,
                empty=_("no data"),
            ),
        ),
        "</div>",
    ]
    if detailed:
        levels = {"error": _("error"), "warning": _("warning")}
        parts.append(
            _table(
                [_("Level"), _("Page"), _("Rule"), _("Reason"), _("Fix"), _("Owner")],
                [
                    [
                        f'<span class="level-{_e(i.level)}">'
                        f"{_e(levels.get(i.level, i.level))}</span>",
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


def _stale(report: HealthReport, w: _Writer) -> str:
    _ = w._
    return (
        '<section id="stale"><h2>'
        + _e(_("Stale pages"))
        + "</h2>"
        + _stale_block(report.overall, w, detailed=False)
        + '<p class="muted">'
        + _e(_("Every flag is listed per locale below."))
        + "</p></section>"
    )


def _oldest(oldest: Any, w: _Writer) -> str:
    _ = w._
    changed = w.language.date(oldest.source_changed) if oldest.source_changed else _("unknown")
    if oldest.days_behind is not None:
        text = _(
            "source changed %(date)s (days behind: %(days)s)",
            date=changed,
            days=w.language.number(oldest.days_behind),
        )
    else:
        text = _("source changed %(date)s", date=changed)
    return f"<code>{_e(oldest.article)}</code>, {_e(text)}"


def _translations(report: HealthReport, w: _Writer) -> str:
    _ = w._
    rows = []
    for code, health in report.per_locale.items():
        t = health.translations
        if t is None:
            continue
        oldest = t.oldest_outdated
        rows.append(
            [
                _e(code),
                w.pct(t.completeness / 100, digits=1),
                w.n(t.outdated),
                w.n(t.missing),
                w.n(t.orphaned),
                _oldest(oldest, w) if oldest else "–",
            ]
        )
    content = (
        _table(
            [_(column) for column in TRANSLATION_COLUMNS],
            rows,
            numeric={1, 2, 3, 4},
        )
        if rows
        else "<p>" + _e(_("No translations.")) + "</p>"
    )
    return (
        '<section id="translations"><h2>' + _e(_("Translation lag")) + f"</h2>{content}</section>"
    )


def _no_data(w: _Writer, why: str) -> str:
    return "<p><strong>" + _e(w._("No data.")) + f"</strong> {_e(why)}</p>"


def _with_share(w: _Writer, count: int, share: float | None) -> str:
    return f"{w.n(count)} ({w.pct(share)})"


def _contact(report: HealthReport, w: _Writer) -> str:
    _ = w._
    if report.overall.contact is None:
        content = _no_data(
            w,
            _(
                "The feedback data has no contact-deflection events (suggestions shown, "
                "clicked, contacts avoided)."
            ),
        )
    else:
        content = _table(
            [
                _("Locale"),
                _("Suggestions shown"),
                _("Clicked"),
                _("Contacted"),
                _("Contacts avoided"),
            ],
            [
                [
                    _e(w.locale_name(h.locale)),
                    w.n(h.contact.shown),
                    _with_share(w, h.contact.clicked, h.contact.click_share),
                    w.n(h.contact.contacted),
                    _with_share(w, h.contact.avoided, h.contact.avoided_share),
                ]
                for h in [report.overall, *report.per_locale.values()]
                if h.contact is not None
            ],
            numeric={1, 3},
        )
    return '<section id="contact"><h2>' + _e(_("Contact deflection")) + f"</h2>{content}</section>"


def _widget(report: HealthReport, w: _Writer) -> str:
    _ = w._
    if not report.widget:
        content = _no_data(w, _("The feedback data has no event of the help widget."))
    else:
        content = _table(
            [
                _("Context"),
                _("Suggestions shown"),
                _("Opened"),
                _("Contacted"),
                _("Contacts avoided"),
            ],
            [
                [
                    _e(context),
                    w.n(c.shown),
                    _with_share(w, c.clicked, c.click_share),
                    w.n(c.contacted),
                    _with_share(w, c.avoided, c.avoided_share),
                ]
                for context, c in sorted(report.widget.items())
            ],
            numeric={1, 3},
        )
    heading = _("Help widget deflection, by context")
    return f'<section id="widget"><h2>{_e(heading)}</h2>{content}</section>'


def _synonyms_block(health: LocaleHealth, w: _Writer) -> str:
    _ = w._
    figures = health.synonyms
    if figures is None:
        return _no_data(w, _("The feedback data has no reformulations."))
    summary = _(
        "Readers who rephrased a failed search and opened a result: %(readers)s; proposals: "
        "%(proposed)s (pairs of at least %(minimum)s readers that the synonyms file does not "
        "join yet). Paste the first line into %(file)s, the second into the article's front "
        "matter; nothing is applied until a writer does.",
        **w.synonyms_values(figures, minimum=MIN_READERS, file="@@FILE@@"),
    )
    summary_html = _e(summary).replace("@@FILE@@", "<code>locales/LOCALE/synonyms.txt</code>")
    summary_html = f"<p>{summary_html}</p>"
    if figures.proposed and not figures.proposals:
        return (
            summary_html
            + "<p>"
            + _e(_("The queries are in the operator’s private report."))
            + "</p>"
        )
    rows = [
        [
            _e(p.locale),
            (
                f"{_e(p.title)}<br><code>{_e(p.path)}</code>"
                if p.path
                else f"<code>{_e(p.page)}</code>"
            ),
            "<br>".join(f'<q dir="auto">{_e(q.query)}</q> ({w.n(q.count)})' for q in p.queries),
            f'<q dir="auto">{_e(p.then_query)}</q>',
            w.n(p.count),
            f'<pre dir="ltr"><code>{_e(p.synonyms_line)}\n{_e(p.aliases_line)}</code></pre>',
        ]
        for p in figures.proposals
    ]
    return summary_html + (
        _table(
            [
                _("Locale"),
                _("Article opened"),
                _("Failed queries"),
                _("Then searched"),
                _("Readers"),
                _("Paste"),
            ],
            rows,
            numeric={4},
        )
        if rows
        else ""
    )


def _synonyms(report: HealthReport, w: _Writer) -> str:
    return (
        '<section id="synonyms"><h2>'
        + _e(w._("Proposed synonyms"))
        + "</h2>"
        + _synonyms_block(report.overall, w)
        + "</section>"
    )


def _locales(report: HealthReport, w: _Writer) -> str:
    _ = w._
    parts = ['<section id="per-locale"><h2>' + _e(_("Each locale")) + "</h2>"]
    for code, health in report.per_locale.items():
        items = [i for i in report.fix_first if i.locale == code][:5]
        parts.append(f"<details><summary>{_e(code)}</summary>")
        if items:
            parts.append("<h3>" + _e(_("Fix first")) + "</h3><ol>")
            parts += [
                f"<li><code>{_e(i.path or i.page)}</code> ({w.n(i.score, digits=1)}): "
                f"{_e('; '.join(i.signals))}</li>"
                for i in items
            ]
            parts.append("</ol>")
        parts += [
            "<h3>" + _e(_("Helpfulness")) + "</h3>",
            _helpfulness_block(health, w),
            "<h3>" + _e(_("Searches with no answer")) + "</h3>",
            _searches_block(health, w),
            "<h3>" + _e(_("Stale pages")) + "</h3>",
            _stale_block(health, w, detailed=True),
            "</details>",
        ]
    parts.append("</section>")
    return "".join(parts)
