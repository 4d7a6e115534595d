"""Options of the ``helpcentre/widget`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Type


class WidgetConfig(Config):
    """The help button other sites embed with one ``<script src=".../widget.js">`` tag."""

    enabled = Type(bool, default=True)
    """Write ``widget.js`` at the site's root and each locale's widget data."""

    contexts = Type(dict, default={})
    """Context id -> rules: ``categories``, ``tags``, ``pages`` (article path patterns such as
    ``billing/*``), ``host_paths`` (product-page paths that choose the context when the tag names
    none, such as ``/settings/billing*``) and ``limit`` (most suggestions, 5)."""

    general_limit = Type(int, default=5)
    """Most suggestions (the promoted articles) where the page names no known context."""
