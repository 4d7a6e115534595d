"""Options of the ``helpcentre/search`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Deprecated, Type


class SearchConfig(Config):
    """Configuration of the per-locale search."""

    enabled = Type(bool, default=True)
    """Build the helpcentre index and use its worker instead of Material's."""

    synonyms_file = Type(str, default="locales/{locale}/synonyms.txt")
    """Synonym groups of the locale, relative to mkdocs.yml; ``{locale}`` is the build's locale.
    A missing file at the default place means no synonyms; a missing file set explicitly is an
    error."""

    lexicon = Type(bool, default=True)
    """Add the everyday vocabulary helpcentre ships for the locale's language (``refund, money
    back, reimbursement``; de, en, es, fr, it, ja, nl, pl, pt) to the site's synonyms, with a
    lower weight. The synonyms file extends it and wins where both name a word; ``false``
    switches it off."""

    filler = Type(bool, default=True)
    """Weigh conversational filler of the locale's language (``how do i``, ``quiero``, ``wie
    kann ich``) low in queries, so it does not decide the ranking; ``false`` switches it off."""

    report_endpoint = Deprecated(
        message="set the collector once, as 'endpoint' under plugins > helpcentre/feedback",
        option_type=Type(str),
    )
    """Replaced by ``endpoint`` of ``helpcentre/feedback``: failed searches are posted to
    ``<endpoint>/searches`` (an empty endpoint turns reporting off)."""
