"""``helpcentre new``: start an article from the template of its type."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from helpcentre.content.frontmatter import ContentError
from helpcentre.content.templates import SKELETONS, TemplateError, new_article
from helpcentre.site.model import load_site
from helpcentre.site.settings import site_settings


def run_new(args: argparse.Namespace) -> int:
    """Write the new article and print its path."""
    config_file = Path(args.config)
    if not config_file.is_file():
        print(
            f"error: {config_file} not found -- run from the site's folder or pass --config",
            file=sys.stderr,
        )
        return 2
    try:
        settings = site_settings(config_file)
        model = load_site(settings)
        locale = args.locale or settings.default_locale
        entry = model.content.get(locale)
        titles = {}
        if entry is not None:
            titles = {
                entry.display_prefix + path: article.title
                for path, article in entry.articles.items()
                if not article.is_index
            }
        folder = settings.docs_root if not settings.multilingual else None
        path = new_article(
            docs_dir=settings.docs_root,
            locale=locale,
            categories=model.categories,
            article_type=args.type,
            category=args.category,
            title=args.title,
            section=args.section,
            locales=settings.locale_codes if settings.multilingual else None,
            titles=titles,
            locale_folder=folder,
        )
    except (TemplateError, ContentError, ValueError) as error:
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
    parser.add_argument(
        "--config", "-f", default="mkdocs.yml", help="the site's mkdocs.yml (as for 'check')"
    )
    parser.set_defaults(func=run_new)
