"""``helpcentre check``: the writer's check of stale pages, broken links and translations behind.

Reads the ``helpcentre/stale`` options from ``mkdocs.yml`` without MkDocs (a plain YAML read that
tolerates MkDocs' custom tags), runs the rules and prints the flags as text, JSON, GitHub Actions
annotations or a Markdown pull-request comment. Exits 1 when an error-level rule fires, 2 when the
check cannot run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from helpcentre.content.frontmatter import ContentError
from helpcentre.history import HistoryError
from helpcentre.stale.check import CheckOptions, check_options, run_check
from helpcentre.stale.output import FORMATS

PLUGIN_NAME = "helpcentre/stale"
I18N_PLUGIN_NAME = "helpcentre/i18n"


class _ConfigLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` keeping only plain data: ``!ENV``, ``!relative`` and
    ``!!python/name:`` values become None, which the check never needs."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def plugin_options(config: dict[str, Any], name: str) -> dict[str, Any] | None:
    """Options of plugin ``name`` in a parsed ``mkdocs.yml`` (``{}`` if listed bare), else None."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        entries = plugins.items()
    else:
        entries = [
            next(iter(item.items())) if isinstance(item, dict) else (item, {}) for item in plugins
        ]
    for entry_name, options in entries:
        if entry_name == name:
            return dict(options or {})
    return None


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    """Parse ``mkdocs.yml`` as plain data.

    Raises:
        ContentError: The file is missing or is not valid YAML (names file and line).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(
            path, 0, "configuration file not found", "pass --config path/to/mkdocs.yml"
        ) from None
    try:
        data = yaml.load(text, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError(
            path, mark.line + 1 if mark else 0, f"not valid YAML: {error}", "fix the YAML syntax"
        ) from None
    return data if isinstance(data, dict) else {}


def _options(args: argparse.Namespace) -> tuple[Path, CheckOptions]:
    config_path = Path(args.config)
    config: dict[str, Any] = {}
    if config_path.exists() or args.config != "mkdocs.yml":
        config = read_mkdocs_config(config_path)
    stale = plugin_options(config, PLUGIN_NAME) or {}
    i18n = plugin_options(config, I18N_PLUGIN_NAME) or {}
    if "source_locale" not in stale and i18n.get("default_locale"):
        stale["source_locale"] = i18n["default_locale"]
    if args.docs:
        docs = Path(args.docs)
    else:
        docs = config_path.parent / str(config.get("docs_dir") or "docs")
    summary = stale.get("feedback_summary")
    if isinstance(summary, str) and summary and "://" not in summary:
        # Like every path in mkdocs.yml, relative to the configuration file.
        stale["feedback_summary"] = str(config_path.parent / summary)
    options = check_options(stale, where=f"{config_path}: plugins > {PLUGIN_NAME}")
    options.changed_since = args.changed_since
    if args.today:
        from helpcentre.stale.policy import parse_date

        options.today = parse_date(args.today)
    return docs, options


def run(args: argparse.Namespace) -> int:
    """Run the check; 0 when no error-level flag fired, 1 when one did, 2 on bad input."""
    try:
        docs, options = _options(args)
        if not docs.is_dir():
            raise ContentError(docs, 0, "docs folder not found", "pass --docs path/to/docs")
        result = run_check(docs, options)
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
