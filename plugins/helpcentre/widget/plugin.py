"""The ``helpcentre/widget`` plugin: the help button a product's own pages embed.

One tag on a page of another origin, ``<script src="https://help.example.com/widget.js"
data-locale="fr" data-context="billing" async>``, adds a help button. ``widget.js`` (written at
the site's root) is all that loads before the reader opens it; opening loads ``widget/panel.js``
and the locale's ``widget/widget.json``: the suggestions of every context
(:func:`helpcentre.widget.contexts.suggested_articles` over the articles the locale offers), the
offered articles' ids, the contact channels and the panel's strings in the locale. The search is
the site's own worker and index; events go to the collector endpoint shared by every feature.
"""

from __future__ import annotations

import json
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from helpcentre.catalogs import load_translations
from helpcentre.content.contact import parse_channels
from helpcentre.content.frontmatter import ContentError
from helpcentre.site.build import BuildContext, build_context
from helpcentre.site.offered import offered_articles
from helpcentre.widget.config import WidgetConfig
from helpcentre.widget.data import (
    LOADER_FILE,
    PANEL_FILE,
    WIDGET_DATA_FILE,
    loader_script,
    locale_entry,
    widget_data,
)

#: Where helpcentre/search puts its worker, inside each locale's site.
SEARCH_WORKER = "assets/javascripts/helpcentre/search-worker.js"
SEARCH_INDEX = "search/helpcentre-index.json"


class WidgetPlugin(BasePlugin[WidgetConfig]):
    """See the module docstring."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.context: BuildContext | None = None
        self.data: dict[str, Any] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Take the site model, whose verdict includes the contexts (the build stops on a wrong
        one, as ``helpcentre check`` fails on it)."""
        if not self.config.enabled:
            return None
        self.context = build_context(config, error=PluginError)
        if not 1 <= self.config.general_limit <= 20:
            raise PluginError(
                f"{config.config_file_path}: plugins > helpcentre/widget > general_limit: "
                "must be a whole number from 1 to 20"
            )
        self.data = {}
        return None

    @event_priority(-100)  # after the plugins that add or remove pages
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Work out the locale's widget data: suggestions per context, ids, contact page."""
        if not self.config.enabled or self.context is None or self.context.is_root:
            return None
        model, locale = self.context.model, self.context.current
        urls = {file.src_uri: file.url for file in files.documentation_pages()}
        offered = {
            path: article
            for path, article in offered_articles(model, locale).items()
            if path in urls
        }
        contact = next(
            (
                urls[path]
                for path, (origin, origin_path) in sorted(model.published(locale).items())
                if path in urls
                and model.articles(origin)[origin_path].meta.get("type") == "contact"
            ),
            None,
        )
        settings = model.settings
        try:
            channels = parse_channels(
                settings.contact_channels,
                timezone=settings.contact_timezone,
                source=str(config.config_file_path),
            )
        except ContentError as error:  # helpcentre/content reports it the same way
            raise PluginError(f"{error.path}: {error.problem} -- {error.fix}") from None
        translations = load_translations(settings.locales_dir, locale)
        info = next(item for item in model.locales if item.code == locale)
        self.data = widget_data(
            locale=info,
            gettext=translations.gettext,
            rules=model.contexts,
            general_limit=self.config.general_limit,
            articles=offered,
            urls=urls,
            channels=channels,
            contact_url=contact,
            endpoint=settings.endpoint,
            worker=f"{SEARCH_WORKER}?lang={locale}&index=../../../{SEARCH_INDEX}",
        )
        return None

    @event_priority(-200)  # after helpcentre/search's worker and i18n's locale builds
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the locale's ``widget/widget.json``; at the root, ``widget.js`` and the panel."""
        if not self.config.enabled or self.context is None:
            return
        site = Path(config.site_dir)
        if not self.context.is_root:
            if not (site / SEARCH_WORKER).is_file():
                raise PluginError(
                    f"{config.config_file_path}: plugins: helpcentre/widget searches with "
                    "helpcentre/search's worker -- list helpcentre/search before it"
                )
            target = site / WIDGET_DATA_FILE
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                json.dumps(self.data, ensure_ascii=False, separators=(",", ":")), "utf-8"
            )
        model = self.context.model
        if self.context.is_root or not model.settings.multilingual:
            multilingual = model.settings.multilingual
            locales = {
                info.code: locale_entry(
                    info,
                    load_translations(model.settings.locales_dir, info.code).gettext,
                    path=f"{info.code}/" if multilingual else "",
                )
                for info in model.locales
            }
            assets = package_files("helpcentre.widget") / "assets"
            (site / LOADER_FILE).write_text(
                loader_script(
                    (assets / "widget.js").read_text("utf-8"),
                    locales=locales,
                    default=model.default_locale,
                    rules=model.contexts,
                ),
                "utf-8",
            )
            panel = site / PANEL_FILE
            panel.parent.mkdir(parents=True, exist_ok=True)
            panel.write_text((assets / "panel.js").read_text("utf-8"), "utf-8")
