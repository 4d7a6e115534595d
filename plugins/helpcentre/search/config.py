"""Options of the ``helpcentre/search`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Type


class SearchConfig(Config):
    """Configuration of the per-locale search."""

    enabled = Type(bool, default=True)
    """Build the helpcentre index and use its worker instead of Material's."""

    synonyms_file = Type(str, default="locales/{locale}/synonyms.txt")
    """Synonym groups of the locale, relative to mkdocs.yml; ``{locale}`` is the build's locale.
    A missing file at the default place means no synonyms; a missing file set explicitly is an
    error."""

    report_endpoint = Type(str, default="/api/v1")
    """Base URL of the feedback collector; failed searches are posted to ``<endpoint>/searches``.
    An empty string turns reporting off."""
