"""Options of the ``helpcentre/assistants`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Type


class AssistantsConfig(Config):
    """``llms.txt``, ``llms-full.txt`` and Markdown copies of the articles, per locale."""

    enabled = Type(bool, default=True)
    """Write the pages for assistants and link them from every page's head."""

    full_text = Type(bool, default=True)
    """Also write ``llms-full.txt``, every listed article's Markdown in one file."""

    other_heading = Type(str, default="Other pages")
    """Heading (English source text, translated through the catalogs) of the pages that are not
    under one of the site's categories."""
