"""``helpcentre check``: the writer's check of stale pages, broken links and translations behind.

Reads the site model (``helpcentre.site``) from ``mkdocs.yml`` without MkDocs -- the same model,
checked the same way, as ``mkdocs build --strict`` -- and prints its verdict as text, JSON, GitHub
Actions annotations or a Markdown pull-request comment. Exits 1 when an error-level problem is
found, 2 when the check cannot run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpcentre.content.frontmatter import ContentError
from helpcentre.history import HistoryError
from helpcentre.site.check import run_check
from helpcentre.site.output import FORMATS
from helpcentre.site.settings import site_settings
from helpcentre.stale.policy import parse_date


def run(args: argparse.Namespace) -> int:
    """Run the check; 0 when no error-level flag fired, 1 when one did, 2 on bad input."""
    try:
        config_path = Path(args.config)
        config_file = config_path if config_path.exists() or args.config != "mkdocs.yml" else None
        settings = site_settings(config_file, docs_root=Path(args.docs) if args.docs else None)
        if not settings.docs_root.is_dir():
            raise ContentError(
                settings.docs_root, 0, "docs folder not found", "pass --docs path/to/docs"
            )
        today = parse_date(args.today) if args.today else None
        result = run_check(settings, today=today, changed_since=args.changed_since)
    except ContentError as error:
        print(f"helpcentre check: {error.message}", file=sys.stderr)
        return 2
    except (ValueError, HistoryError) as error:
        print(f"helpcentre check: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(FORMATS[args.format](result))
    return 1 if result.failed else 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add ``helpcentre check``."""
    parser = subparsers.add_parser(
        "check",
        help="report stale pages, broken links and translations behind; fail on errors",
        description=(
            "Run the stale-page rules (review overdue, expired, unchanged too long, broken link, "
            "low helpfulness, translation behind) with the policy of mkdocs.yml. Exits 1 when a "
            "rule at error level fires."
        ),
    )
    parser.add_argument("--docs", help="folder with one folder per locale (default: docs_dir)")
    parser.add_argument("--config", default="mkdocs.yml", help="mkdocs.yml with the policy")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format")
    parser.add_argument(
        "--changed-since",
        metavar="REF",
        help="only pages changed since REF, plus the translations those changes leave behind",
    )
    parser.add_argument("--today", help="date to check against (ISO), default today")
    parser.set_defaults(func=run)
