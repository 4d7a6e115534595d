"""The ``helpcentre/stale`` plugin: honest dates for readers, stale-page flags for writers.

The review policy, the dates and the rules' flags of every page come from the site model
(``helpcentre.site``), read once per build with one ``git log`` pass; the build logs its verdict
once, so ``mkdocs build --strict`` fails where ``helpcentre check`` does. The core lives in
``helpcentre.stale``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcentre.catalogs import load_translations
from helpcentre.site.build import BuildContext, build_context
from helpcentre.stale.config import StaleConfig
from helpcentre.stale.dates import dates_html, notice_html
from helpcentre.stale.pages import StalePage
from helpcentre.stale.rules import StaleFlag

log = get_plugin_logger(__name__)

#: Rules whose flags make a page stale for readers (the notice).
NOTICE_RULES = frozenset({"review-overdue", "unchanged-too-long", "expired"})
_EXPIRES = re.compile(r"^expires[ \t]*:[ \t]*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


class StalePlugin(BasePlugin[StaleConfig]):
    """Review policy, stale-page rules and the dates shown with each article.

    The rules run once for the whole site in the site model, whose verdict the build logs; this
    plugin shows their outcome on each page (dates, the stale notice, leaving expired articles out
    of search or of the build).
    """

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.active = False
        self.context: BuildContext | None = None
        self.translations: Any = None
        self.published: dict[str, tuple[str, str]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Take this build's locale and the site model; load the locale's strings."""
        if not self.config.enabled:
            return None
        self.context = build_context(config, error=PluginError)
        # The root build of a multilingual site only starts the locale builds.
        self.active = not self.context.is_root
        if not self.active:
            return None
        model = self.context.model
        self.translations = load_translations(
            model.settings.locales_dir,
            self.context.current,
            source_locale=model.settings.default_locale,
            fallbacks=model.chain(self.context.current)[1:],
        )
        self.published = model.published(self.context.current)
        return config

    def _today(self) -> dt.date:
        model = self.context.model if self.context else None
        return (model.settings.today if model else None) or dt.date.today()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Leave expired articles out of the build when ``expired: exclude``."""
        if not self.active or self.config.expired != "exclude":
            return None
        today = self._today()
        for file in list(files.documentation_pages()):
            match = _EXPIRES.search(file.content_string[:4000])
            if match and dt.date.fromisoformat(match.group(1)) <= today:
                log.info(f"{file.src_uri}: expired, left out of the build")
                files.remove(file)
        return files

    def _page(self, src_uri: str) -> tuple[StalePage | None, list[StaleFlag]]:
        """The rules' view of the page the build renders at ``src_uri``, and its flags."""
        assert self.context is not None
        origin = self.published.get(src_uri)
        if origin is None:
            return None, []
        locale, path = origin
        page_id = path[: -len(".md")]
        model = self.context.model
        return model.pages.get(f"{locale}/{page_id}"), model.flags_for(locale, page_id)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Keep an expired article out of search when ``expired: hide_from_search``."""
        if not self.active or self.config.expired != "hide_from_search":
            return None
        _, flags = self._page(page.file.src_uri)
        if any(flag.rule == "expired" for flag in flags):
            search = page.meta.get("search")
            page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
        return None

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Add the dates block (and the stale notice, when enabled) to the page."""
        if not self.active:
            return None
        stale, flags = self._page(page.file.src_uri)
        if stale is None:
            return None
        notice = ""
        if self.config.notice and any(flag.rule in NOTICE_RULES for flag in flags):
            expired = any(flag.rule == "expired" for flag in flags)
            notice = notice_html(stale, self.translations, expired=expired)
        dates = dates_html(stale, self.translations) if self.config.dates else ""
        if not notice and not dates:
            return None
        return notice + html + dates
