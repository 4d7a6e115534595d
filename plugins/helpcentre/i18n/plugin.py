"""The ``helpcentre/i18n`` plugin: one ``mkdocs build`` builds every locale.

The build started by ``mkdocs build`` (the *root build*) checks the locale folders, writes the
language choice at the site's root and then runs one complete MkDocs build per locale, in parallel
processes, each with ``docs/<locale>/`` as ``docs_dir``, ``site/<locale>/`` as ``site_dir`` and
Material's UI in that language. Every plugin therefore runs once per locale build and sees only its
locale: Material's search writes an index per locale, holding only that locale's pages.

Inside a locale build this plugin adds the default locale's articles the locale lacks (with a
notice and a canonical link to the original), per-page language switcher and hreflang links, UI
strings from the Babel catalogs and link checks with line numbers.
"""

from __future__ import annotations

import gc
import html
import logging
import multiprocessing
import os
import pickle
import posixpath
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from babel.dates import format_date
from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from helpcentre.catalogs import install_ui_strings, load_translations
from helpcentre.content.article import Article
from helpcentre.feedback.manifest import write_manifest
from helpcentre.i18n.config import I18nConfig
from helpcentre.i18n.locales import (
    LocaleInfo,
    alternates,
    fallback_paths,
    page_url,
    parse_locale,
    sitemap_index,
    text_direction,
)
from helpcentre.i18n.navcache import NavigationCache
from helpcentre.i18n.navfold import SectionFolding
from helpcentre.i18n.notices import fallback_notice_html, outdated_notice_html
from helpcentre.site.build import (
    BuildContext,
    build_context,
    enter_locale_build,
    leave_locale_build,
)
from helpcentre.site.model import SiteModel

log = get_plugin_logger(__name__)

PLUGIN_NAME = "helpcentre/i18n"

#: Where the build puts the plugin's script, and its name in the package's ``assets`` folder.
ASSET_DIR = "assets/helpcentre"
SWITCHER_SCRIPT = "language-switcher.js"


class PerPageAlternates:
    """Stands in ``extra.alternate`` so that Material shows its language switcher.

    Material renders the switcher when ``extra.alternate`` is truthy, and writes hreflang links to
    each locale's *home* when it is iterable. This object is truthy but not iterable: the switcher
    (``templates/partials/alternate.html``) and the hreflang links
    (``templates/partials/helpcentre/head.html``) list the current page in every locale instead.
    """

    def __init__(self, locales: list[LocaleInfo]) -> None:
        self.locales = locales

    def __bool__(self) -> bool:
        return bool(self.locales)


@dataclass
class LocaleBuildResult:
    """What a locale build hands back to the root build (plain data, sent between processes)."""

    locale: str
    pages: list[str] = field(default_factory=list)
    records: list[tuple[int, str, str]] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


class I18nPlugin(BasePlugin[I18nConfig]):
    """Build every locale of the help centre; see the module docstring."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.context: BuildContext | None = None
        self.docs_root = Path()
        self.published_paths: dict[str, tuple[str, str]] = {}
        self.translations: Any = None
        self.published: list[str] = []
        self.builds: LocaleBuilds | None = None
        #: Folder of compiled templates shared by the locale builds; set by :func:`build_locale`.
        self.template_cache: str | None = None

    @property
    def locale(self) -> str | None:
        """The locale this build is for; ``None`` in the root build."""
        return self.context.locale if self.context is not None else None

    @property
    def model(self) -> SiteModel:
        """The site model of this build."""
        assert self.context is not None, "on_config has not run"
        return self.context.model

    # -- both kinds of build -------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Check the locales; in a locale build, set up the locale's language and strings."""
        if not self.config.enabled:
            return None
        if not self.config.locales:
            raise PluginError(
                f"{PLUGIN_NAME}: no locales configured -- list them under plugins > "
                f"{PLUGIN_NAME} > locales, e.g. '- locale: en'"
            )
        codes = [entry.locale for entry in self.config.locales]
        if self.config.default_locale not in codes:
            raise PluginError(
                f"{PLUGIN_NAME}: default_locale '{self.config.default_locale}' is not among the "
                f"locales ({', '.join(codes)}) -- add it to locales or change default_locale"
            )
        self.context = build_context(config, error=PluginError)
        if self.locale is None:
            self.docs_root = Path(config.docs_dir)
            config.theme["language"] = material_language(self.config.default_locale)
        else:
            self.docs_root = Path(config.docs_dir).parent
        locales_dir = Path(config.config_file_path).parent / self.config.locales_dir
        self.translations = load_translations(
            locales_dir,
            self.current,
            source_locale=self.config.default_locale,
            fallbacks=self.model.chain(self.current)[1:],
        )
        config.site_name = self.translations.gettext(config.site_name)
        # Material writes the direction on <body>, from its own language files; a locale it has
        # no file for (Urdu, Pashto ...) would be laid out left to right. Babel knows them all.
        config.theme["direction"] = text_direction(self.current)
        config.extra["alternate"] = PerPageAlternates(self.model.locales)
        config.extra["helpcentre_locale"] = self.current
        if self.locale is not None:
            script = f"{ASSET_DIR}/{SWITCHER_SCRIPT}"
            if script not in [str(item) for item in config.extra_javascript]:
                config.extra_javascript.append(script)
        if self.config.links_check and self.locale is not None:
            # The site model reports the same problems with file and line, once for all locales.
            config.validation.links.not_found = logging.INFO
            config.validation.links.anchors = logging.INFO
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Give templates the catalogs (``_()``, ``{% trans %}``) and Babel date formatting."""
        if not self.config.enabled:
            return env
        if self.template_cache:
            # The locale builds render the same templates: the first to compile one saves its
            # code here and the others load it instead of compiling it again.
            env.bytecode_cache = FileSystemBytecodeCache(self.template_cache)
        if self.config.navigation_cache:
            NavigationCache().install(env)
        index_pages = {
            posixpath.dirname(file.src_uri): file.url
            for file in files.documentation_pages()
            if file.name == "index"
        }
        SectionFolding(self.config.navigation_fold_above, index_pages).install(env)
        install_ui_strings(env, self.translations)
        babel_locale = parse_locale(self.current).babel
        env.filters["format_date"] = lambda value, format="long": format_date(
            value, format=format, locale=babel_locale
        )
        return env

    # -- root build ---------------------------------------------------------------------------

    @event_priority(-100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Root build: only the language choice. Locale build: add the default's missing pages."""
        if not self.config.enabled:
            return None
        if self.locale is None:
            # The site folder is clean by now: the locales build while this root build goes on.
            self.builds = LocaleBuilds(
                config_file=Path(config.config_file_path),
                locales=[locale.code for locale in self.model.locales],
                docs_root=self.docs_root,
                site_dir=Path(config.site_dir),
                site_url=config.site_url,
                workers=self.config.build_workers,
                model=self.model,
            )
            return self._root_files(files, config)
        return self._locale_files(files, config)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Root build: build every locale, relay their warnings, write the sitemap index."""
        if not self.config.enabled or self.locale is not None:
            return
        site_dir = Path(config.site_dir)
        builds, self.builds = self.builds, None
        results = builds.results() if builds else []
        failures = []
        for result in results:
            for level, name, message in result.records:
                # The whole text as the record's msg: MkDocs drops records whose msg it has
                # already logged (DuplicateFilter), so a constant format would hide all but one.
                logging.getLogger(name).log(level, f"[{result.locale}] {message}")
            if result.error:
                failures.append(f"[{result.locale}] {result.error}")
            else:
                log.info(
                    "Built locale '%s': %d pages in %.1f s",
                    result.locale,
                    len(result.pages),
                    result.seconds,
                )
        if failures:
            raise PluginError("\n".join(failures))
        if config.site_url:
            (site_dir / "sitemap.xml").write_text(
                sitemap_index(config.site_url, self.model.locales), encoding="utf-8"
            )
            (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
        # The collector accepts votes and searches only for pages the build published.
        write_manifest(site_dir, {result.locale: result.pages for result in results})

    def on_build_error(self, *, error: Exception) -> None:
        """Stop the locale builds when the root build fails."""
        if self.builds is not None:
            self.builds.close()
            self.builds = None

    def _root_files(self, files: Files, config: MkDocsConfig) -> Files:
        kept = [file for file in files if not file.is_documentation_page()]
        kept = [
            file
            for file in kept
            if not file.abs_src_path or not Path(file.abs_src_path).is_relative_to(self.docs_root)
        ]
        chooser = File.generated(config, "index.md", content=self._language_choice())
        return Files([*kept, chooser])

    def _language_choice(self) -> str:
        items = "\n".join(
            f'  <li><a href="{locale.code}/" hreflang="{locale.code}" lang="{locale.code}">'
            f"{html.escape(locale.name)}</a></li>"
            for locale in self.model.locales
        )
        title = self.translations.gettext("Choose your language")
        return (
            f"---\ntitle: {title}\nhide: [navigation, toc, feedback]\n---\n\n"
            f'<ul class="helpcentre-languages">\n{items}\n</ul>\n'
        )

    # -- locale build -------------------------------------------------------------------------

    @property
    def current(self) -> str:
        """The locale this build renders."""
        return self.locale or self.config.default_locale

    def _origin(self, src_uri: str) -> str:
        """The locale whose article this build publishes at ``src_uri``."""
        return self.published_paths.get(src_uri, (self.current, src_uri))[0]

    def _is_fallback(self, src_uri: str) -> bool:
        origin = self.published_paths.get(src_uri)
        return origin is not None and origin[0] != self.current

    def _locale_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.published_paths = self.model.published(self.current)
        script = package_files("helpcentre.i18n") / "assets" / SWITCHER_SCRIPT
        files.append(
            File.generated(config, f"{ASSET_DIR}/{SWITCHER_SCRIPT}", content=script.read_bytes())
        )
        if self.config.fallback_enabled and self.current != self.config.default_locale:
            default_dir = self.docs_root / self.config.default_locale
            own = {
                file.src_uri
                for file in files
                if file.abs_src_path
                and Path(file.abs_src_path).is_relative_to(self.docs_root / self.current)
            }
            articles = {
                path for path, origin in self.published_paths.items() if origin[0] != self.current
            }
            others = [
                path.relative_to(default_dir).as_posix()
                for path in default_dir.rglob("*")
                if path.is_file() and path.suffix != ".md" and not path.name.startswith(".")
            ]
            for src_uri in sorted(articles | set(fallback_paths(others, own))):
                # From the nearest locale of the chain that has it (pt for pt-BR), else the source.
                origin = self.published_paths.get(src_uri, (self.config.default_locale, ""))[0]
                files.append(
                    File(
                        src_uri,
                        src_dir=str(self.docs_root / origin),
                        dest_dir=config.site_dir,
                        use_directory_urls=config.use_directory_urls,
                        inclusion=InclusionLevel.UNDEFINED,
                    )
                )
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Translate section titles and order articles by their front matter ``order``."""
        if not self.config.enabled or self.locale is None:
            return None
        self._arrange(nav.items)
        return nav

    def _article(self, src_uri: str) -> Article | None:
        origin = self.published_paths.get(src_uri)
        return self.model.articles(origin[0]).get(origin[1]) if origin else None

    def _arrange(self, items: list[Any]) -> None:
        def key(item: Any) -> tuple[int, int, str]:
            if isinstance(item, Page):
                path = item.file.src_uri
                if item.is_index:
                    # A folder's index page introduces it: first, as MkDocs lists it.
                    return (0, 0, "")
                article = self._article(path)
                meta = article.meta if article is not None else {}
                if meta.get("type") == "contact":
                    return (3, 0, "")
                order = meta.get("order", 1000)
                title = article.title if article is not None else path
                return (1, order if isinstance(order, int) else 1000, title)
            return (2, 0, "")

        items.sort(key=key)
        for item in items:
            if isinstance(item, Section):
                item.title = self.translations.gettext(item.title)
                self._arrange(item.children)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Point a fallback page's canonical link at the original."""
        if not self.config.enabled or self.locale is None:
            return None
        if self._is_fallback(page.file.src_uri) and config.site_url:
            page.canonical_url = (
                f"{_root_url(config.site_url)}{self._origin(page.file.src_uri)}/"
                f"{page_url(page.file.src_uri, use_directory_urls=config.use_directory_urls)}"
            )
        return None

    def _paths(self, src: str, *, generated: bool = False) -> dict[str, str | None]:
        if generated and src not in self.published_paths:
            # A page a plugin generates (a category's page) is generated in every locale's
            # build under the same path, from the same published articles.
            return {locale.code: src for locale in self.model.locales}
        return {
            locale.code: self.model.counterpart(self.current, src, locale.code)
            for locale in self.model.locales
        }

    def on_page_content(
        self, html_content: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Put the "outdated" or "not yet translated" notice on the pages that need one."""
        if not self.config.enabled or self.locale is None:
            return None
        src = page.file.src_uri
        status = self.model.status if self.config.outdated_notice else None
        source_path = self.model.source_path(self.current, src)
        entry = None
        if status is not None and source_path is not None and not self._is_fallback(src):
            entry = status.get(self.current, source_path)
        if entry is not None:
            source = alternates(
                src,
                self.current,
                self.model.locales,
                self._paths(src),
                site_url=None,
                use_directory_urls=config.use_directory_urls,
            )
            original = next(a for a in source if a.locale.code == self.config.default_locale)
            notice = outdated_notice_html(
                entry,
                locale=self.current,
                translations=self.translations,
                source_url=original.href,
            )
            if notice:
                return notice + html_content
        if self._is_fallback(src) and self.config.fallback_notice:
            # The article is in another locale's language: say so for screen readers.
            lang = self._origin(src)
            notice = fallback_notice_html(
                self.translations, locale=self.current, source_locale=lang
            )
            direction = text_direction(lang)
            return f'{notice}<div lang="{lang}" dir="{direction}">{html_content}</div>'
        return None

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        """Give templates the page's alternates in every locale and its content language."""
        if not self.config.enabled or self.locale is None:
            return None
        src = page.file.src_uri
        fallback = self._is_fallback(src)
        context["helpcentre_alternates"] = alternates(
            src,
            self.current,
            self.model.locales,
            self._paths(src, generated=page.file.generated_by is not None),
            site_url=_root_url(config.site_url),
            use_directory_urls=config.use_directory_urls,
        )
        context["helpcentre_switcher"] = {
            alt.locale.code: alt.href for alt in context["helpcentre_alternates"]
        }
        context["helpcentre_default_locale"] = self.config.default_locale
        context["helpcentre_is_fallback"] = fallback
        context["helpcentre_content_lang"] = self._origin(src) if fallback else self.current
        self.published.append(src[: -len(".md")])
        return context

    def _hreflang(self, file: File) -> list[tuple[str, str, str]]:
        if file.generated_by is not None and file.src_uri not in self.published_paths:
            return [
                (code, code, path)
                for code, path in self._paths(file.src_uri, generated=True).items()
                if path
            ]
        return self.model.hreflang(self.current, file.src_uri)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Declare the page's own language tag: the theme writes that of its translation, which
        for a regional variant is the base language's (``pt`` for ``pt-BR``, ``es`` for
        ``es-419``)."""
        if not self.config.enabled:
            return None
        return self._declare_language(output)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Declare the language and direction of the pages made from templates alone (404)."""
        if not self.config.enabled or not template_name.endswith(".html"):
            return None
        return self._declare_language(output_content)

    def _declare_language(self, output: str) -> str:
        """The page with its locale's tag and direction on ``<html>``: a browser, a screen
        reader and CSS ``:dir()`` read the root element's, and Material sets only ``<body>``'s."""
        opening = f'<html lang="{self.current}" dir="{text_direction(self.current)}"'
        return _HTML_LANG.sub(opening, output, count=1)

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any] | None:
        """Give the sitemap each page's hreflang alternates.

        hreflang lives in the sitemaps rather than in each page's head: Material's language
        selector fetches ``sitemap.xml`` next to every ``<link rel="alternate">`` of a page, which
        for per-page links is one failed request per locale on every page view.
        """
        if not self.config.enabled or self.locale is None or template_name != "sitemap.xml":
            return None
        root = _root_url(config.site_url)
        if root is None:
            return None
        context["helpcentre_default_locale"] = self.config.default_locale
        use_directory_urls = config.use_directory_urls
        context["helpcentre_hreflang"] = {
            file.src_uri: [
                (code, f"{root}{origin}/{page_url(path, use_directory_urls=use_directory_urls)}")
                for code, origin, path in self._hreflang(file)
            ]
            for file in context["pages"]
        }
        return context


#: The opening tag's language attribute, as the theme writes it.
_HTML_LANG = re.compile(r'<html lang="[^"]*"(?: dir="[^"]*")?')


def _root_url(site_url: str | None) -> str | None:
    """The help centre's root URL, given a locale build's ``site_url`` (``.../fr/``)."""
    if not site_url:
        return None
    return site_url.rstrip("/").rsplit("/", 1)[0] + "/"


def material_language(locale: str) -> str:
    """Material's UI language for a locale: the tag itself, or its language, or English."""
    import material

    languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    for candidate in (locale, locale.split("-")[0].split("_")[0]):
        if (languages / f"{candidate}.html").exists():
            return candidate
    return "en"


# -- running locale builds --------------------------------------------------------------------


class _RecordCapture(logging.Handler):
    """Keeps a locale build's warnings so the root build can relay (and count) them, and the
    information lines of our own plugins (such as the search rules a locale uses); MkDocs' own
    information lines of every locale build would only repeat the root build's."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.records: list[tuple[int, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING or record.name.startswith(_OWN_LOGGERS):
            self.records.append((record.levelno, record.name, record.getMessage()))


#: Loggers of the helpcentre plugins (``get_plugin_logger`` names them after the module).
_OWN_LOGGERS = ("mkdocs.plugins.helpcentre.", "helpcentre.")


def build_locale(
    config_file: str,
    locale: str,
    docs_root: str,
    site_dir: str,
    site_url: str | None,
    template_cache: str | None = None,
    model: bytes | None = None,
) -> LocaleBuildResult:
    """Run one locale's MkDocs build (in a worker process) and return what the root needs.

    Args:
        config_file: The ``mkdocs.yml`` of the help centre.
        locale: The locale to build.
        docs_root: The folder holding the locale folders.
        site_dir: The root build's output folder; this locale writes to ``<site_dir>/<locale>``.
        site_url: The root ``site_url`` or ``None``.
        template_cache: A folder where the locale builds share their compiled templates.
        model: The root build's site model, pickled (read again only when it is not given).
    """
    from mkdocs.commands.build import build

    started = time.monotonic()
    capture = _RecordCapture()
    mkdocs_log = logging.getLogger("mkdocs")
    # Only the capture: a forked worker inherits the root build's console and strict-mode
    # handlers, and the root build relays the records itself.
    handlers, mkdocs_log.handlers = mkdocs_log.handlers, [capture]
    propagate = mkdocs_log.propagate
    mkdocs_log.propagate = False
    result = LocaleBuildResult(locale=locale)
    try:
        overrides: dict[str, Any] = {
            "docs_dir": str(Path(docs_root) / locale),
            "site_dir": str(Path(site_dir) / locale),
        }
        if site_url:
            overrides["site_url"] = f"{site_url.rstrip('/')}/{locale}/"
        if model is None:
            from helpcentre.site.model import load_site
            from helpcentre.site.settings import site_settings

            site = load_site(site_settings(Path(config_file), docs_root=Path(docs_root)))
        else:
            site = pickle.loads(model)  # noqa: S301 - made by this build's root process
        enter_locale_build(site, locale)
        config = load_config(config_file=config_file, **overrides)
        config.strict = False  # the root build counts the relayed warnings
        config.theme["language"] = material_language(locale)
        plugin = config.plugins[PLUGIN_NAME]
        assert isinstance(plugin, I18nPlugin)
        plugin.template_cache = template_cache
        build(config)
        result.pages = sorted(set(plugin.published))
    except Exception as error:  # sent back to the root build, which raises PluginError
        result.error = str(error) or error.__class__.__name__
    finally:
        leave_locale_build()
        mkdocs_log.handlers = handlers
        mkdocs_log.propagate = propagate
    result.records = capture.records
    result.seconds = time.monotonic() - started
    return result


def _worker_context() -> multiprocessing.context.BaseContext:
    """How worker processes start: forked from this build where that is safe, else a forkserver.

    A fork shares the imported MkDocs, Material and plugin code with this process page for page,
    so two workers cost little more memory than one build; forking is only safe while this
    process runs no other thread (``mkdocs serve`` runs a server thread).
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["helpcentre.i18n.plugin", "material.plugins.search.plugin"])
    return context


class LocaleBuilds:
    """The locale builds, running in worker processes while the root build goes on.

    Locales are independent builds, so they spread over the CPUs; each worker process builds one
    locale and exits, which keeps memory flat however many locales there are. With one CPU (or
    ``build_workers: 1``) they run one after the other in this process when results are asked.
    """

    def __init__(
        self,
        *,
        config_file: Path,
        locales: list[str],
        docs_root: Path,
        site_dir: Path,
        site_url: str | None,
        workers: int,
        model: SiteModel | None = None,
    ) -> None:
        count = workers or os.cpu_count() or 1
        count = max(1, min(count, len(locales)))
        # Pickled once here: a model that cannot be sent fails this build, not a worker.
        shared = pickle.dumps(model) if model is not None else None
        # Private to this build (mode 0700), removed when the builds are done.
        self.template_cache: str | None = tempfile.mkdtemp(prefix="helpcentre-templates-")
        self.arguments = [
            (
                str(config_file),
                locale,
                str(docs_root),
                str(site_dir),
                site_url,
                self.template_cache,
                shared,
            )
            for locale in locales
        ]
        self.pool: Any = None
        self.pending: Any = None
        if count > 1:
            # Frozen objects are left alone by the workers' garbage collector, so the memory
            # pages a forked worker shares with this process stay shared instead of copied.
            gc.collect()
            gc.freeze()
            self.pool = _worker_context().Pool(processes=count, maxtasksperchild=1)
            self.pending = self.pool.starmap_async(build_locale, self.arguments, chunksize=1)

    def results(self) -> list[LocaleBuildResult]:
        """Wait for every locale build and return their results, in locale order."""
        try:
            if self.pool is None:
                return [build_locale(*arguments) for arguments in self.arguments]
            return self.pending.get()
        finally:
            self.close()

    def close(self) -> None:
        """Stop the workers (at once if they are still building) and release the pool."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
            gc.unfreeze()
        if self.template_cache:
            shutil.rmtree(self.template_cache, ignore_errors=True)
            self.template_cache = None
