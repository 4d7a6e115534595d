"""Options of the ``helpcentre/i18n`` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class LocaleConfig(Config):
    """One locale of the help centre."""

    locale = c.Type(str)
    """Folder name under ``docs/`` and URL prefix: a language tag such as ``fr`` or ``pt-BR``."""

    name = c.Optional(c.Type(str))
    """Name in the language switcher; defaults to the language's own name from Babel."""


class I18nConfig(Config):
    """Build every locale in one ``mkdocs build``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off to build ``docs_dir`` as a plain single-language site."""

    default_locale = c.Type(str, default="en")
    """The source language: its folder is the source of truth and the fallback of the others."""

    locales = c.ListOfItems(c.SubConfig(LocaleConfig), default=[])
    """Every locale, in the switcher's order. Each has a folder ``docs/<locale>/``."""

    locales_dir = c.Type(str, default="locales")
    """Folder of the Babel catalogs (``<locale>/LC_MESSAGES/*.po``), relative to ``mkdocs.yml``."""

    fallback_enabled = c.Type(bool, default=True)
    """Build a locale's missing articles from the default locale's, with a notice and a canonical
    link to the original."""

    fallback_notice = c.Type(bool, default=True)
    """Show readers the "not yet translated" notice on fallback pages."""

    translation_key = c.Optional(c.Type(str))
    """Front matter key that pairs a translation with its original when their file names differ
    (e.g. ``permalink``: ``de/Bases/Formeln.md`` translates the ``en`` file with the same value).
    Files without it pair by path."""

    outdated_notice = c.Type(bool, default=True)
    """Show readers of a translation that is behind its original a notice with the date the
    original changed and a link to it (from ``helpcentre.i18n.status``)."""

    links_check = c.Type(bool, default=True)
    """Report broken internal links and anchors as ``path:line`` warnings (MkDocs's own link
    validation, which has no line numbers, is lowered to info)."""

    build_workers = c.Type(int, default=0)
    """Locale builds run in parallel processes; 0 means one per CPU, 1 builds them one by one."""

    navigation_cache = c.Type(bool, default=True)
    """Render each branch of the theme's navigation once per folder rather than once per page
    (same pages, byte for byte; see ``helpcentre.i18n.navcache``)."""

    navigation_fold_above = c.Type(int, default=100)
    """With the theme's ``navigation.tabs`` and ``navigation.sections``, a category of more than
    this many articles lists its sections with only the page's own section open; the others are
    one link each with ``navigation.prune`` (see ``helpcentre.i18n.navfold``). Smaller categories
    list every section open, as the theme does; 0 folds every category's other sections."""
