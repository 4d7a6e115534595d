"""The ``helpcentre/stale`` plugin: honest dates for readers, stale-page flags for writers.

Runs once per locale build. History is read in one ``git log`` pass per process; each page gets
its review policy and dates, the rules run on it, and error-level flags are logged as warnings so
``mkdocs build --strict`` fails on them. The core lives in ``helpcentre.stale``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcentre.content.frontmatter import ContentError, FrontMatter
from helpcentre.content.links import Link, check_links, find_links
from helpcentre.history import SHALLOW_WARNING, HistoryError, RepositoryHistory, read_history
from helpcentre.i18n.catalogs import load_translations
from helpcentre.stale.check import CheckOptions, check_options
from helpcentre.stale.config import StaleConfig
from helpcentre.stale.dates import dates_html, notice_html
from helpcentre.stale.inputs import links_by_page, load_feedback, read_translation_status
from helpcentre.stale.pages import StalePage, build_page, front_matter_lines
from helpcentre.stale.rules import OFF, RuleInputs, StaleFlag, evaluate

log = get_plugin_logger(__name__)

I18N_PLUGIN = "helpcentre/i18n"
#: Rules whose flags make a page stale for readers (the notice).
NOTICE_RULES = frozenset({"review-overdue", "unchanged-too-long", "expired"})
_EXPIRES = re.compile(r"^expires[ \t]*:[ \t]*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)
_ID = re.compile(r"""\b(?:id|name)=["']([^"']+)["']""")


@lru_cache(maxsize=8)
def _history(docs_root: str, marker: str | None) -> RepositoryHistory:
    # Locale builds of one process share one pass over the history.
    return read_history(Path(docs_root), under=docs_root, ignore_marker=marker)


class StalePlugin(BasePlugin[StaleConfig]):
    """Review policy, stale-page rules and the dates shown with each article."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.active = False
        self.locale = "en"
        self.docs_root = Path("docs")
        self.options = CheckOptions()
        self.history: RepositoryHistory | None = None
        self.inputs = RuleInputs(today=dt.date.today())
        self.translations: Any = None
        self.pages: dict[str, StalePage] = {}
        self.flags: dict[str, list[StaleFlag]] = {}
        self.check_links = False
        self.links: list[Link] = []
        self.anchors: dict[str, set[str] | None] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Read the policy, the history and the optional inputs of this locale build."""
        i18n = config.plugins.get(I18N_PLUGIN)
        # The i18n root build only starts the locale builds; pages are checked inside those.
        self.active = self.config.enabled and not (
            i18n is not None and i18n.config.enabled and getattr(i18n, "locale", None) is None
        )
        if not self.active:
            return None
        docs_dir = Path(config.docs_dir)
        source = self.config.source_locale or (
            i18n.config.default_locale if i18n is not None else "en"
        )
        if i18n is not None:
            self.locale = str(i18n.locale)
            self.docs_root = docs_dir.parent
        else:
            self.locale = str(config.theme.get("language") or source)
            self.docs_root = docs_dir
        where = f"{config.config_file_path}: plugins > helpcentre/stale"
        options = dict(self.config)
        options["source_locale"] = source
        if options.get("feedback_summary") and "://" not in options["feedback_summary"]:
            options["feedback_summary"] = str(
                Path(config.config_file_path).parent / options["feedback_summary"]
            )
        try:
            self.options = check_options(options, where=where)
        except ValueError as error:
            raise PluginError(str(error)) from error
        self.inputs = RuleInputs(
            today=self.options.today or dt.date.today(),
            helpfulness=self.options.helpfulness,
            source_locale=source,
        )
        self._read_inputs(config, i18n)
        locales_dir = Path(config.config_file_path).parent / "locales"
        if i18n is not None:
            locales_dir = Path(config.config_file_path).parent / i18n.config.locales_dir
        self.translations = load_translations(locales_dir, self.locale)
        self.pages, self.flags, self.links, self.anchors = {}, {}, [], {}
        # helpcentre/i18n already reports broken links with lines; do not report them twice.
        self.check_links = self.options.levels.get("broken-link") != OFF and not (
            i18n is not None and i18n.config.enabled and i18n.config.links_check
        )
        return config

    def _read_inputs(self, config: MkDocsConfig, i18n: Any) -> None:
        try:
            self.history = _history(str(self.docs_root.resolve()), self.options.ignore_marker)
        except HistoryError as error:
            self.history = None
            log.warning(f"no git history ({error}); dates fall back to 'reviewed' in front matter")
        if (
            self.history is not None
            and self.history.shallow
            and self.locale == (self.inputs.source_locale if i18n is not None else self.locale)
        ):
            log.warning(SHALLOW_WARNING)
        levels = self.options.levels
        if self.options.feedback_summary and levels.get("low-helpfulness") != OFF:
            try:
                self.inputs.feedback = load_feedback(self.options.feedback_summary)
            except ValueError as error:
                raise PluginError(str(error)) from error
        if (
            self.config.translations
            and i18n is not None
            and self.locale != self.inputs.source_locale
            and levels.get("translation-behind") != OFF
        ):
            try:
                self.inputs.translations = read_translation_status(
                    self.docs_root, source_locale=self.inputs.source_locale, history=self.history
                )
            except ContentError as error:
                raise PluginError(error.message) from error

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Leave expired articles out of the build when ``expired: exclude``."""
        if not self.active or self.config.expired != "exclude":
            return None
        for file in list(files.documentation_pages()):
            match = _EXPIRES.search(file.content_string[:4000])
            if match and dt.date.fromisoformat(match.group(1)) <= self.inputs.today:
                log.info(f"{self._display(file.abs_src_path)}: expired, left out of the build")
                files.remove(file)
        return files

    def _display(self, abs_path: str | None) -> str:
        if abs_path and self.history is not None:
            relative = self.history.relative(abs_path)
            if relative is not None:
                return relative
        return f"{self.docs_root.name}/{self.locale}/{Path(abs_path or '').name}"

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Read the page's policy and dates and run the rules on it."""
        if not self.active or page.file.abs_src_path is None:
            return None
        text = page.file.content_string
        path = self._display(page.file.abs_src_path)
        lines = front_matter_lines(text)
        front = FrontMatter(meta=dict(page.meta), lines=lines)
        page_id = page.file.src_uri[: -len(".md")]
        try:
            stale = build_page(
                locale=self.locale,
                page_id=page_id,
                path=path,
                file=Path(page.file.abs_src_path),
                front=front,
                settings=self.options.settings,
                history=self.history,
            )
        except ContentError as error:
            raise PluginError(error.message) from error
        self.pages[page.file.src_uri] = stale
        levels = {**self.options.levels, "broken-link": OFF}
        flags = evaluate([stale], self.inputs, levels=levels)
        self.flags[page.file.src_uri] = flags
        for flag in flags:
            _log_flag(flag)
        if self.config.expired == "hide_from_search" and any(f.rule == "expired" for f in flags):
            search = page.meta.get("search")
            page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
        if self.check_links:
            body_line = len(text.splitlines()) - len(markdown.splitlines()) + 1
            self.links.extend(find_links(page.file.src_uri, markdown, first_line=body_line))
        return None

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Add the dates block (and the stale notice, when enabled) to the page."""
        if not self.active:
            return None
        if self.check_links:
            self.anchors[page.file.src_uri] = set(_ID.findall(html))
        stale = self.pages.get(page.file.src_uri)
        if stale is None:
            return None
        flags = self.flags.get(page.file.src_uri, [])
        notice = ""
        if self.config.notice and any(flag.rule in NOTICE_RULES for flag in flags):
            expired = any(flag.rule == "expired" for flag in flags)
            notice = notice_html(stale, self.translations, expired=expired)
        dates = dates_html(stale, self.translations) if self.config.dates else ""
        if not notice and not dates:
            return None
        return notice + html + dates

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Report broken internal links and anchors found in this locale's pages."""
        if not self.active or not self.check_links:
            return
        anchors: dict[str, set[str] | None] = dict(self.anchors)
        for file in Path(config.docs_dir).rglob("*"):
            relative = file.relative_to(config.docs_dir).as_posix()
            if file.is_file() and relative not in anchors:
                anchors[relative] = None if file.suffix != ".md" else set()
        prefix = (
            f"{self.docs_root.name}/{self.locale}/"
            if self.docs_root != Path(config.docs_dir)
            else f"{Path(config.docs_dir).name}/"
        )
        errors = check_links(self.links, anchors, path_prefix=prefix)
        by_page = links_by_page(errors, locale=self.locale, prefix=prefix)
        self.inputs.broken_links = by_page
        pages = [self.pages[uri] for uri in sorted(self.pages) if self.pages[uri].key in by_page]
        only_links = {rule: OFF for rule in self.options.levels if rule != "broken-link"}
        for flag in evaluate(pages, self.inputs, levels={**self.options.levels, **only_links}):
            _log_flag(flag)


def _log_flag(flag: StaleFlag) -> None:
    # Error-level flags are warnings to MkDocs, so --strict fails on exactly those.
    if flag.level == "error":
        log.warning(f"{flag.message} [{flag.rule}]")
    elif flag.level == "warning":
        log.info(f"{flag.message} [{flag.rule}]")
    else:
        log.debug(f"{flag.message} [{flag.rule}]")
