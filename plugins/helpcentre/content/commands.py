"""``helpcentre new``: start an article from the template of its type."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from helpcentre.content.categories import parse_categories
from helpcentre.content.frontmatter import ContentError
from helpcentre.content.templates import SKELETONS, TemplateError, new_article

PLUGIN_NAME = "helpcentre/content"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its ``!!python/...`` and ``!ENV`` tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_site_settings(config_file: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The whole ``mkdocs.yml`` and the options of the ``helpcentre/content`` plugin in it."""
    with open(config_file, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_TolerantLoader) or {}  # noqa: S506 - safe subclass
    for entry in data.get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            return data, entry[PLUGIN_NAME] or {}
    return data, {}


def _default_locale(data: dict[str, Any]) -> str:
    for entry in data.get("plugins") or []:
        if isinstance(entry, dict) and "helpcentre/i18n" in entry:
            return str((entry["helpcentre/i18n"] or {}).get("default_locale", "en"))
    return "en"


def run_new(args: argparse.Namespace) -> int:
    """Write the new article and print its path."""
    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(
            f"error: {config_file} not found -- run from the site's folder or pass -f",
            file=sys.stderr,
        )
        return 2
    data, options = read_site_settings(config_file)
    try:
        categories = parse_categories(options.get("categories") or [], source=str(config_file))
        docs_dir = config_file.parent / str(data.get("docs_dir") or "docs")
        path = new_article(
            docs_dir=docs_dir,
            locale=args.locale or _default_locale(data),
            categories=categories,
            article_type=args.type,
            category=args.category,
            title=args.title,
            section=args.section,
        )
    except (TemplateError, ContentError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(path)
    return 0


def add_commands(subparsers: Any) -> None:
    """Add ``helpcentre new``."""
    parser = subparsers.add_parser(
        "new",
        help="start an article from its type's template",
        description="Write docs/<locale>/<category>/<slug>.md with front matter and a skeleton.",
    )
    parser.add_argument("title", help="the article's title, e.g. 'Why was I charged twice?'")
    parser.add_argument("--type", required=True, help=f"one of {', '.join(SKELETONS)}")
    parser.add_argument("--category", required=True, help="a configured category id")
    parser.add_argument("--section", help="section id (default: the category's first section)")
    parser.add_argument("--locale", help="locale folder (default: the default locale)")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    parser.set_defaults(func=run_new)
