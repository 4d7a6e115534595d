"""``helpcentre init`` and ``helpcentre serve``: start a help centre, then run it."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from helpcentre.scaffold.writer import DEFAULT_NAME, InitError, parse_locales, write_help_centre


def run_init(args: argparse.Namespace) -> int:
    """Write a new help centre into ``args.directory``."""
    try:
        locales = parse_locales(args.locales)
        written = write_help_centre(Path(args.directory), locales, name=args.name)
    except InitError as error:
        print(f"helpcentre init: {error}", file=sys.stderr)
        return 2
    print(f"helpcentre init: wrote {len(written.files)} files in {args.directory}")
    for code in written.untranslated[1 if written.untranslated[:1] == locales[:1] else 0 :]:
        print(
            f"  {code}: no starter text in this language -- its readers see the "
            f"{locales[0]} articles until they are translated (helpcentre translations status)"
        )
    print(f"Next: cd {args.directory} && helpcentre serve")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    """Build every locale of the site in ``args.directory``, then serve it with the collector."""
    root = Path(args.directory)
    config = root / "mkdocs.yml"
    if not config.is_file():
        print(
            f"helpcentre serve: {config}: no mkdocs.yml -- run 'helpcentre init {root}' first "
            "or pass the folder of your site",
            file=sys.stderr,
        )
        return 2
    address = f"http://{args.host}:{args.port}/"
    environment = {**os.environ, "HELPCENTRE_SITE_URL": address, "NO_MKDOCS_2_WARNING": "1"}
    build = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    if args.strict:
        build.append("--strict")
    print(f"helpcentre serve: building {config}", flush=True)
    if subprocess.run(build, env=environment, check=False).returncode != 0:
        print("helpcentre serve: the build failed; the problems are listed above", file=sys.stderr)
        return 1
    data = root / "data"
    data.mkdir(exist_ok=True)
    database = args.db or f"sqlite:///{(data / 'feedback.db').resolve()}"
    print(f"helpcentre serve: {address} (feedback in {database})", flush=True)
    from helpcentre.cli import main

    collector = ["collector", "--db", database, "--site", str(root / "site")]
    return main([*collector, "--host", args.host, "--port", str(args.port)])


def add_commands(subparsers: Any) -> None:
    """Add ``helpcentre init`` and ``helpcentre serve``."""
    parser = subparsers.add_parser(
        "init",
        help="start a new help centre in a folder",
        description=(
            "Write mkdocs.yml with every plugin configured, a home, a contact page and one "
            "article of each type per locale, catalogs, synonyms files, a README for writers "
            "and translators and a CI workflow."
        ),
    )
    parser.add_argument("directory", help="the folder to create (must not hold a site yet)")
    parser.add_argument(
        "--locales", default="en", help="comma-separated locale codes, the default first (en)"
    )
    parser.add_argument("--name", default=DEFAULT_NAME, help=f"the site's name ({DEFAULT_NAME})")
    parser.set_defaults(func=run_init)

    serve = subparsers.add_parser(
        "serve",
        help="build the help centre and serve it with its feedback collector",
        description=(
            "Build every locale (mkdocs build) and serve the site and the feedback API on one "
            "address, with the votes in a SQLite database under data/."
        ),
    )
    serve.add_argument("directory", nargs="?", default=".", help="the site's folder (.)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    serve.add_argument("--db", help="database URL (default: sqlite in data/feedback.db)")
    serve.add_argument(
        "--strict", action="store_true", help="stop on warnings, as CI's 'mkdocs build --strict'"
    )
    serve.set_defaults(func=run_serve)
