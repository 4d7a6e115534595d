"""The ``helpcentre/feedback`` plugin: "Was this article helpful?" on every article.

In each locale build the plugin

- ships the widget's script and style sheet (``assets/helpcentre/feedback.{js,css}``) and adds them
  to the page chrome;
- gives ``overrides/partials/feedback.html`` (which replaces Material's Google-Analytics-only
  feedback form) the context variable ``helpcentre_feedback``: ``endpoint``, ``locale``, ``page``
  (the page id the collector knows), ``helpfulness`` and ``helpful_share`` (the localised "75 %"
  when it is to be shown, else ``None``); it is ``None`` on pages without the widget (home,
  contact, ``feedback: false``, ``hide: [feedback]``);
- reads the feedback summary (``summary:``, a file or a database URL) once and attaches, at the
  start of ``on_page_markdown``, a :class:`~helpcentre.feedback.helpfulness.Helpfulness` to
  ``page.meta["helpfulness"]`` (``None`` when nobody voted): later ``on_page_markdown`` hooks,
  every later event of any plugin and all templates (``page.meta.helpfulness.votes``) can read it.

The stale plugin's "low helpfulness" rule reads the same summary format with the same loader and
keys (``<locale>/<page id>``); when both plugins name a summary, they must name the same one.
"""

from __future__ import annotations

from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from helpcentre.content.frontmatter import ContentError, parse_front_matter
from helpcentre.feedback.config import FeedbackConfig
from helpcentre.feedback.helpfulness import (
    MAX_COMMENT,
    check_endpoint,
    format_helpful_share,
    page_helpfulness,
    wants_feedback,
)
from helpcentre.feedback.summary import FeedbackSummary, load_summary

log = get_plugin_logger(__name__)

PLUGIN_NAME = "helpcentre/feedback"
I18N_PLUGIN = "helpcentre/i18n"
STALE_PLUGIN = "helpcentre/stale"
#: Where the widget's files go in each locale's site.
ASSET_DIR = "assets/helpcentre"
ASSETS = ("feedback.js", "feedback.css")


def _is_url(source: str) -> bool:
    return "://" in source


class FeedbackPlugin(BasePlugin[FeedbackConfig]):
    """Ask readers whether an article helped, and tell the build what they answered."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.active = False
        self.locale = "en"
        self.endpoint = "/api/v1"
        self.summary: FeedbackSummary | None = None
        self.wanted: dict[str, bool] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Work out the build's locale, check the options and load the summary."""
        i18n = config.plugins.get(I18N_PLUGIN)
        # The i18n root build only writes the language choice; the locale builds carry the pages.
        root_build = (
            i18n is not None and i18n.config.enabled and getattr(i18n, "locale", None) is None
        )
        self.active = self.config.enabled and not root_build
        if not self.active:
            return None
        where = f"{config.config_file_path}: plugins > {PLUGIN_NAME}"
        self.locale = str(
            config.extra.get("helpcentre_locale") or config.theme.get("language") or "en"
        )
        try:
            self.endpoint = check_endpoint(self.config.endpoint)
        except ValueError as error:
            raise PluginError(f"{where}: {error}") from None
        if self.config.min_votes < 1:
            raise PluginError(f"{where}: min_votes must be at least 1 -- e.g. 'min_votes: 10'")
        self.summary = self._load_summary(config, where)
        self.wanted = {}
        for name in ASSETS:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"{ASSET_DIR}/{name}" not in [str(item) for item in target]:
                target.append(f"{ASSET_DIR}/{name}")
        return config

    def _resolve(self, source: str, config: MkDocsConfig) -> str:
        if _is_url(source):
            return source
        return str((Path(config.config_file_path).parent / source).resolve())

    def _load_summary(self, config: MkDocsConfig, where: str) -> FeedbackSummary | None:
        if not self.config.summary:
            return None
        source = self._resolve(self.config.summary, config)
        stale = config.plugins.get(STALE_PLUGIN)
        other = getattr(getattr(stale, "config", None), "feedback_summary", None)
        if other and self._resolve(str(other), config) != source:
            log.warning(
                f"{where}: summary '{self.config.summary}' is not the feedback_summary "
                f"'{other}' of {STALE_PLUGIN} -- point both at the same summary so that the "
                "widget and the low-helpfulness rule judge pages on the same votes"
            )
        try:
            return load_summary(source, since=self.config.summary_since)
        except Exception as error:  # ValueError for files, StorageError for databases
            raise PluginError(
                f"{where}: cannot read the feedback summary: {error} -- export it with "
                "'helpcentre feedback export --db URL --output FILE', or remove 'summary'"
            ) from None

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
        """Without helpcentre/i18n the partial still needs ``_()``: install the English text."""
        if self.active and "_" not in env.globals:
            env.add_extension("jinja2.ext.i18n")
            env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
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
        except ValueError as error:
            raise PluginError(f"{_display(page)}:{_line_of(page, 'feedback')}: {error}") from None
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


def _display(page: Page) -> str:
    path = Path(page.file.abs_src_path or page.file.src_uri)
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _line_of(page: Page, key: str) -> int:
    if not page.file.abs_src_path:
        return 1
    path = Path(page.file.abs_src_path)
    try:
        return parse_front_matter(path, path.read_text(encoding="utf-8")).line_of(key)
    except (OSError, ContentError):
        return 1
