"""``helpcentre collector``: run the feedback collector (and the built site) with uvicorn."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from helpcentre.collector.settings import (
    RateLimit,
    Settings,
    SettingsError,
    parse_forwarded_allow_ips,
    parse_origins,
    parse_request_timeout,
    parse_vote_limit,
)
from helpcentre.collector.storage import StorageError, open_store
from helpcentre.feedback.manifest import ManifestError, load_manifest


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add ``collector`` to the ``helpcentre`` command."""
    parser = subparsers.add_parser(
        "collector",
        help="receive 'Did this help?' votes and failed searches",
        description=(
            "Serve the feedback API under /api/v1 and, with --site, the built site at /. "
            "Every option falls back to its HELPCENTRE_* environment variable."
        ),
    )
    parser.add_argument("--db", help="database URL (HELPCENTRE_DB), default sqlite:///feedback.db")
    parser.add_argument(
        "--site",
        type=Path,
        help="built site directory with feedback-manifest.json (HELPCENTRE_SITE)",
    )
    parser.add_argument(
        "--manifest",
        type=Path,
        help="feedback-manifest.json when not in --site (HELPCENTRE_MANIFEST)",
    )
    parser.add_argument(
        "--api-only", action="store_true", help="do not serve the site, only the API"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    parser.add_argument(
        "--cors-origins", help="comma-separated origins allowed to post (HELPCENTRE_CORS_ORIGINS)"
    )
    parser.add_argument(
        "--rate-limit", help="per-client limit, e.g. 60/minute or off (HELPCENTRE_RATE_LIMIT)"
    )
    parser.add_argument(
        "--vote-limit",
        help="votes one client address may cast on one page per day, whatever its User-Agent "
        "(HELPCENTRE_VOTE_LIMIT), default 10",
    )
    parser.add_argument(
        "--forwarded-allow-ips",
        help="comma-separated proxy addresses or networks whose X-Forwarded-For is believed "
        "(HELPCENTRE_FORWARDED_ALLOW_IPS); none by default",
    )
    parser.add_argument(
        "--request-timeout",
        help="seconds a request may take to arrive, head and body (HELPCENTRE_REQUEST_TIMEOUT), "
        "default 10",
    )
    parser.add_argument(
        "--access-log",
        action="store_true",
        help="log every request; off by default because it would record client addresses",
    )
    parser.set_defaults(func=run_collector)


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Merge the command line over the environment.

    Raises:
        SettingsError: A value is not usable.
    """
    settings = Settings.from_env()
    changes: dict[str, object] = {}
    if args.db:
        changes["database_url"] = args.db
    if args.site:
        changes["site_dir"] = args.site
    if args.manifest:
        changes["manifest"] = args.manifest
    if args.api_only:
        changes["serve_site"] = False
    if args.cors_origins is not None:
        changes["cors_origins"] = parse_origins(args.cors_origins, setting="--cors-origins")
    if args.rate_limit is not None:
        changes["rate_limit"] = RateLimit.parse(args.rate_limit, setting="--rate-limit")
    if args.vote_limit is not None:
        changes["vote_limit"] = parse_vote_limit(args.vote_limit, setting="--vote-limit")
    if args.forwarded_allow_ips is not None:
        changes["forwarded_allow_ips"] = parse_forwarded_allow_ips(
            args.forwarded_allow_ips, setting="--forwarded-allow-ips"
        )
    if args.request_timeout is not None:
        changes["request_timeout"] = parse_request_timeout(
            args.request_timeout, setting="--request-timeout"
        )
    return dataclasses.replace(settings, **changes)


def run_collector(args: argparse.Namespace) -> int:
    """Check the settings, database and manifest, then serve until interrupted."""
    import uvicorn

    from helpcentre.collector.app import create_app
    from helpcentre.collector.server import uvicorn_config

    try:
        settings = settings_from_args(args)
        load_manifest(settings.manifest_file)
        # Open once here so a wrong URL or a failing migration is a clear message, not a traceback.
        open_store(settings.database_url).close()
        app = create_app(settings)
    except (SettingsError, ManifestError, StorageError) as error:
        print(f"helpcentre collector: {error}", file=sys.stderr)
        return 2
    config = uvicorn_config(
        app,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        request_timeout=settings.request_timeout,
        host=args.host,
        port=args.port,
        access_log=args.access_log,
        log_level="info",
    )
    uvicorn.Server(config).run()
    return 0
