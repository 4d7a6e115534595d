"""``helpcentre feedback export``: write the feedback summary as JSON."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from helpcentre.feedback.summary import DEFAULT_SINCE, parse_since


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add ``feedback export`` to the ``helpcentre`` command."""
    feedback = subparsers.add_parser("feedback", help="readers' votes and failed searches")
    actions = feedback.add_subparsers(dest="feedback_command", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write the feedback summary (JSON) to stdout",
        description="Aggregate votes and failed searches into the summary the build reads.",
    )
    export.add_argument(
        "--db",
        default=os.environ.get("HELPCENTRE_DB"),
        help="database URL, e.g. sqlite:///feedback.db (default: HELPCENTRE_DB)",
    )
    export.add_argument(
        "--since",
        default=DEFAULT_SINCE,
        help=f"window: days ('90d'), weeks ('12w') or a date ('2025-01-31'); {DEFAULT_SINCE}",
    )
    export.add_argument("--output", type=Path, help="write to this file instead of stdout")
    export.set_defaults(func=export_summary)


def export_summary(args: argparse.Namespace) -> int:
    """Print (or write) the summary; exit code 2 on a usage or database error."""
    from helpcentre.collector.storage import StorageError
    from helpcentre.collector.summaries import summarise_database

    if not args.db:
        print("helpcentre feedback export: give --db URL or set HELPCENTRE_DB", file=sys.stderr)
        return 2
    try:
        parse_since(args.since)
        summary = summarise_database(args.db, since=args.since)
    except (ValueError, StorageError) as error:
        print(f"helpcentre feedback export: {error}", file=sys.stderr)
        return 2
    text = summary.to_json() + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
