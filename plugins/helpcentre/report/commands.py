"""``helpcentre report``: the help centre's health as JSON, Markdown or a self-contained HTML page.

Exits 0 when the report was written, 2 when an input cannot be read (the message names it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from helpcentre.collector.storage import StorageError
from helpcentre.content.frontmatter import ContentError
from helpcentre.feedback.summary import DEFAULT_SINCE
from helpcentre.history import HistoryError
from helpcentre.report.gather import ReportSources, collect_report
from helpcentre.report.html_page import render_html
from helpcentre.report.language import ReportLanguage, report_language
from helpcentre.report.markdown import render_markdown
from helpcentre.report.model import HealthReport
from helpcentre.report.site import public_view, write_into_site
from helpcentre.site.settings import site_settings


def render_json(report: HealthReport) -> str:
    """The report's data as JSON (see :meth:`HealthReport.to_dict`)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _render_html(report: HealthReport, language: ReportLanguage) -> str:
    return render_html(report, language=language)


def _render_markdown(report: HealthReport, language: ReportLanguage) -> str:
    return render_markdown(report, language=language)


def _render_json(report: HealthReport, language: ReportLanguage) -> str:
    return render_json(report)


#: Output formats of ``helpcentre report``: each writes a report in a language.
FORMATS = {"json": _render_json, "markdown": _render_markdown, "html": _render_html}


def report_language_of(config: Path, locale: str | None) -> ReportLanguage:
    """The language asked for, else the site's default locale, with the site's catalogs."""
    settings = site_settings(config)
    return report_language(locale or settings.default_locale, locales_dir=settings.locales_dir)


def run(args: argparse.Namespace) -> int:
    """Build the report and write it; 0 on success, 2 on bad input."""
    try:
        today = dt.date.fromisoformat(args.today) if args.today else None
    except ValueError:
        print(
            f"helpcentre report: --today {args.today!r} is not a date (YYYY-MM-DD)", file=sys.stderr
        )
        return 2
    sources = ReportSources(
        config=Path(args.config),
        docs=Path(args.docs) if args.docs else None,
        feedback=args.feedback,
        since=args.since,
        today=today,
    )
    try:
        report = collect_report(sources)
        language = report_language_of(Path(args.config), args.locale)
        if args.site:
            # The site is public: aggregates only (see helpcentre.report.site).
            page = render_html(public_view(report), language=language)
            written = write_into_site(Path(args.site), page)
            print(f"helpcentre report: wrote {written}", file=sys.stderr)
    except ContentError as error:
        print(f"helpcentre report: {error.message}", file=sys.stderr)
        return 2
    except (ValueError, HistoryError, StorageError) as error:
        print(f"helpcentre report: {error}", file=sys.stderr)
        return 2
    if args.site and not args.format and not args.output:
        return 0
    text = FORMATS[args.format or "markdown"](report, language)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add ``helpcentre report``."""
    parser = subparsers.add_parser(
        "report",
        help="write the help centre's health report (JSON, Markdown or HTML)",
        description=(
            "Combine readers' votes, failed searches, stale pages, translation lag and contact "
            "deflection into one report, with a ranked 'fix first' list."
        ),
    )
    parser.add_argument("--docs", help="folder with one folder per locale (default: docs_dir)")
    parser.add_argument("--config", default="mkdocs.yml", help="mkdocs.yml with the policy")
    parser.add_argument(
        "--feedback",
        metavar="SUMMARY_OR_DB_URL",
        help="feedback summary JSON file or database URL (default: the stale plugin's "
        "feedback_summary)",
    )
    parser.add_argument(
        "--since", default=DEFAULT_SINCE, help=f"feedback window from a database ({DEFAULT_SINCE})"
    )
    parser.add_argument(
        "--format", choices=sorted(FORMATS), help="output format (default: markdown)"
    )
    parser.add_argument("--output", help="write to this file instead of stdout")
    parser.add_argument(
        "--site",
        metavar="SITE_DIR",
        help="also write the public HTML page to SITE_DIR/_health/index.html (not indexed; "
        "aggregates only: no comments, no search queries)",
    )
    parser.add_argument("--today", help="date to report against (ISO), default today")
    parser.add_argument(
        "--locale",
        help="language of the HTML and Markdown report: its sentences, numbers and dates, and "
        "right-to-left layout for ar, he, fa... (default: the site's default locale)",
    )
    parser.set_defaults(func=run)
