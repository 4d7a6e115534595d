"""The ``helpcentre/feedback`` plugin: "Was this article helpful?" on every article.

In each locale build the plugin

- ships the widget's script and style sheet (``assets/helpcentre/feedback.{js,css}``) and adds them
  to the page chrome;
- gives ``templates/partials/feedback.html`` (which replaces Material's Google-Analytics-only
  feedback form) the context variable ``helpcentre_feedback``: ``endpoint``, ``locale``, ``page``
  (the page id the collector knows), ``helpfulness`` and ``helpful_share`` (the localised "75 %"
  when it is to be shown, else ``None``); it is ``None`` on pages without the widget (home,
  contact, ``feedback: false``, ``hide: [feedback]``);
- reads the feedback summary (``summary:``, a file or a database URL) once and attaches, at the
  start of ``on_page_markdown``, a :class:`~helpcentre.feedback.helpfulness.Helpfulness` to
  ``page.meta["helpfulness"]`` (``None`` when nobody voted): later ``on_page_markdown`` hooks,
  every later event of any plugin and all templates (``page.meta.helpfulness.votes``) can read it.

The summary and the collector endpoint are configured here once: the site model reads the
summary for the widget, the "low helpfulness" rule and the report alike, and every feature that
talks to the collector (search reports, contact events) uses this ``endpoint``.
"""

from __future__ import annotations

from importlib.resources import files as package_files
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from helpcentre.catalogs import install_ui_strings, load_translations
from helpcentre.feedback.config import FeedbackConfig
from helpcentre.feedback.helpfulness import (
    MAX_COMMENT,
    check_endpoint,
    format_helpful_share,
    page_helpfulness,
    wants_feedback,
)
from helpcentre.feedback.summary import FeedbackSummary
from helpcentre.site.build import BuildContext, build_context

log = get_plugin_logger(__name__)

PLUGIN_NAME = "helpcentre/feedback"
#: Where the widget's files go in each locale's site.
ASSET_DIR = "assets/helpcentre"
ASSETS = ("feedback.js", "feedback.css")


class FeedbackPlugin(BasePlugin[FeedbackConfig]):
    """Ask readers whether an article helped, and tell the build what they answered."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.active = False
        self.locale = "en"
        self.endpoint = "/api/v1"
        self.summary: FeedbackSummary | None = None
        self.wanted: dict[str, bool] = {}
        self.context: BuildContext | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Take the build's locale, the collector endpoint and the summary from the site model."""
        if not self.config.enabled:
            return None
        context = self.context = build_context(config, error=PluginError)
        # The root build of a multilingual site only writes the language choice.
        self.active = not context.is_root
        if not self.active:
            return None
        where = f"{config.config_file_path}: plugins > {PLUGIN_NAME}"
        self.locale = context.current
        try:
            self.endpoint = check_endpoint(context.model.settings.endpoint)
        except ValueError as error:
            raise PluginError(f"{where}: {error}") from None
        if self.config.min_votes < 1:
            raise PluginError(f"{where}: min_votes must be at least 1 -- e.g. 'min_votes: 10'")
        if self.config.summary and context.model.summary is None:
            raise PluginError(
                f"{where}: cannot read the feedback summary: {'; '.join(context.model.notes)}"
            )
        self.summary = context.model.summary
        self.wanted = {}
        for name in ASSETS:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"{ASSET_DIR}/{name}" not in [str(item) for item in target]:
                target.append(f"{ASSET_DIR}/{name}")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add the widget's script and style sheet, shipped in the package, to the build."""
        if not self.active:
            return None
        assets = package_files("helpcentre.feedback") / "assets"
        for name in ASSETS:
            files.append(
                File.generated(config, f"{ASSET_DIR}/{name}", content=(assets / name).read_bytes())
            )
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Without helpcentre/i18n the partials still need ``_()`` with named placeholders: install
        the locale's catalogs (MkDocs' own null translations take no placeholders)."""
        if (
            self.active
            and self.context is not None
            and not self.context.model.settings.multilingual
        ):
            settings = self.context.model.settings
            install_ui_strings(
                env,
                load_translations(
                    settings.locales_dir, self.locale, source_locale=settings.default_locale
                ),
            )
        return env

    @event_priority(100)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Attach ``page.meta["helpfulness"]`` early, so other plugins' hooks can read it."""
        if not self.active:
            return None
        page_id = _page_id(page)
        try:
            self.wanted[page.file.src_uri] = wants_feedback(page.meta, page_id)
        except ValueError:
            # The site model reports the wrong value with its file and line.
            self.wanted[page.file.src_uri] = False
        page.meta["helpfulness"] = page_helpfulness(
            self.summary, self.locale, page_id, top=self.config.top_reasons
        )
        return None

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        """Give ``partials/feedback.html`` what the widget needs, or ``None`` for no widget."""
        if not self.active:
            return None
        if not self.wanted.get(page.file.src_uri, False):
            context["helpcentre_feedback"] = None
            return context
        helpfulness = page.meta.get("helpfulness")
        share = None
        if (
            self.config.show_helpful_share
            and helpfulness is not None
            and helpfulness.votes >= self.config.min_votes
        ):
            share = format_helpful_share(helpfulness, self.locale)
        context["helpcentre_feedback"] = {
            "endpoint": self.endpoint,
            "locale": self.locale,
            "page": _page_id(page),
            "helpfulness": helpfulness,
            "helpful_share": share,
            "max_comment": MAX_COMMENT,
        }
        return context


def _page_id(page: Page) -> str:
    """The id the collector knows the page by: its path in the locale folder without ``.md``."""
    src = page.file.src_uri
    return src[: -len(".md")] if src.endswith(".md") else src
