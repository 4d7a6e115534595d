"""MkDocs adapter of the helpcentre search: gathers Material's search documents of the locale
build and hands them to :mod:`helpcentre.search.index`; ships the worker and its scripts."""

from __future__ import annotations

import html
import json
import os
import time
from importlib.resources import files
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from rjsmin import jsmin

from helpcentre.catalogs import load_translations
from helpcentre.search.compression import precompress, write_with_gzip
from helpcentre.search.config import SearchConfig
from helpcentre.search.index import build_index, write_index
from helpcentre.search.languages import GENERIC_RULES, LanguageError, analyzer, lunr_js_source
from helpcentre.search.synonyms import (
    SynonymError,
    SynonymGroup,
    load_synonyms,
    synonym_terms,
)
from helpcentre.search.vocabulary import (
    filler_phrases,
    filler_terms,
    lexicon_groups,
    lexicon_terms,
    member_words,
)
from helpcentre.search.worker import LIBRARIES_FILE, bundle_worker
from helpcentre.site.build import build_context

log = get_plugin_logger(__name__)

#: Where the worker and its scripts go inside the site.
ASSET_DIR = "assets/javascripts/helpcentre"
ASSETS = (
    "search-core.js",
    "search-turkish.js",
    "search-worker.js",
    "search-telemetry.js",
    "answer-card.js",
    "search-correction.js",
)
INDEX_FILE = "search/helpcentre-index.json"
#: Assets shipped minified as they are (the worker, which the build assembles, is minified there).
MINIFIED = (
    "search-core.js",
    "search-turkish.js",
    "search-telemetry.js",
    "answer-card.js",
    "search-correction.js",
)


def search_meta(meta: dict) -> dict[str, object]:
    """What an article's front matter gives search besides its title: ``description``,
    ``aliases`` (a text or a list), ``tags`` and whether it is a FAQ (``type: faq``)."""
    found: dict[str, object] = {"faq": meta.get("type") == "faq"}
    for key in ("description", "aliases", "tags"):
        value = meta.get(key)
        if isinstance(value, str) and key != "description":
            value = [part.strip() for part in value.split(",") if part.strip()]
        if value:
            found[key] = value
    return found


class SearchPlugin(BasePlugin[SearchConfig]):
    """Per-locale prebuilt search index, loaded directly by the browser."""

    def __init__(self) -> None:
        self.locale = "en"
        self.excluded: set[str] = set()
        self.meta: dict[str, dict[str, object]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Check the locale and Material's search plugin; point the page chrome at our worker."""
        if not self.config.enabled:
            return None
        context = build_context(config, error=PluginError)
        self.locale = context.current
        try:
            rules = analyzer(self.locale)
        except LanguageError as error:
            raise PluginError(f"{config.config_file_path}: search: {error}") from error
        if rules.generic:
            # Information, not a warning: any language builds, also with --strict.
            log.info(
                f"search for {self.locale!r} uses the generic rules ({GENERIC_RULES}):"
                " no stemmer ships for it"
            )
        if "material/search" not in config.plugins:
            if f"{config.theme.name}/search" in config.plugins:
                # mkdocs-materialx: the same templates and lunr files, another search front end.
                raise PluginError(
                    f"{config.config_file_path}: helpcentre/search needs the search front end of "
                    f"Material for MkDocs 9, which theme '{config.theme.name}' does not have -- "
                    "pip install 'mkdocs-material>=9.5,<10' and set theme.name: material, or "
                    "remove helpcentre/search to keep the theme's own search"
                )
            raise PluginError(
                f"{config.config_file_path}: plugins: helpcentre/search needs Material's search"
                " plugin for the search box and documents -- list `search` before it"
            )
        config.extra["helpcentre_search_worker"] = f"{ASSET_DIR}/search-worker.js"
        # The files the worker loads first, which the page's head fetches for it.
        config.extra["helpcentre_search_files"] = [INDEX_FILE, f"{ASSET_DIR}/{LIBRARIES_FILE}"]
        config.extra["helpcentre_answer_cards"] = f"{ASSET_DIR}/answer-card.js"
        endpoint = context.model.settings.endpoint.strip()
        config.extra["helpcentre_search_endpoint"] = endpoint
        config.extra["helpcentre_search_telemetry"] = (
            f"{ASSET_DIR}/search-telemetry.js" if endpoint else ""
        )
        self.excluded = set()
        self.meta = {}
        translations = load_translations(context.model.settings.locales_dir, self.locale)
        # "%(query)s" is filled in by the page script with the corrected query.
        self.correction_message = translations.gettext("Showing results for %(query)s")
        return config

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):  # noqa: ANN001
        """Remember pages that are not the locale's own (fallbacks from another locale)."""
        if not self.config.enabled:
            return context
        source = page.file.abs_src_path
        docs_dir = os.path.realpath(config.docs_dir)
        if source and not os.path.realpath(source).startswith(docs_dir + os.sep):
            self.excluded.add(page.url)
        self.meta[page.url] = search_meta(page.meta)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Add the script that shows "Showing results for ..." when a typo was corrected."""
        if not self.config.enabled or "</body>" not in output:
            return output
        src = html.escape(get_relative_url(f"{ASSET_DIR}/search-correction.js", page.url))
        message = html.escape(self.correction_message)
        tag = f'<script src="{src}" data-message="{message}" async></script>'
        head, tail = output.rsplit("</body>", 1)
        return f"{head}{tag}</body>{tail}"

    @event_priority(-100)  # after Material's search plugin has written its documents
    def _write_search(self, *, config: MkDocsConfig) -> None:
        """Replace Material's search documents by our prebuilt index and ship the worker."""
        if not self.config.enabled:
            return
        site = Path(config.site_dir)
        material_file = site / "search" / "search_index.json"
        try:
            material = json.loads(material_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise PluginError(
                f"{material_file}: cannot read Material's search index ({error})"
            ) from error
        docs = [
            doc
            for doc in material.get("docs", [])
            if doc["location"].split("#")[0] not in self.excluded
        ]
        docs = [{**self.meta.get(doc["location"], {}), **doc} for doc in docs]
        synonyms = self._synonyms(config)
        rules = analyzer(self.locale)
        lexicon = lexicon_terms(lexicon_groups(self.locale), rules) if self.config.lexicon else []
        filler = filler_terms(filler_phrases(self.locale), rules) if self.config.filler else []
        groups = [*self.site_groups, *(lexicon_groups(self.locale) if self.config.lexicon else [])]
        index = build_index(
            docs,
            self.locale,
            synonyms,
            lexicon=lexicon,
            filler=filler,
            known_words=member_words(groups, rules),
        )
        write_index(site / INDEX_FILE, index)
        # The theme still fetches this file for its configuration; the documents now live in ours.
        material["docs"] = []
        material_file.write_text(json.dumps(material, separators=(",", ":")), encoding="utf-8")
        assets = site / ASSET_DIR
        assets.mkdir(parents=True, exist_ok=True)
        package = files("helpcentre.search") / "assets"
        for name in ASSETS:
            # Comments and spaces out: the page fetches these as they are, on any host.
            source = (package / name).read_text(encoding="utf-8")
            (assets / name).write_text(jsmin(source) if name in MINIFIED else source, "utf-8")
        (assets / "lunr.js").write_text(lunr_js_source(), encoding="utf-8")
        worker = assets / "search-worker.js"
        script, libraries = bundle_worker(worker.read_text("utf-8"), self.locale)
        worker.write_text(script, "utf-8")
        write_with_gzip(assets / LIBRARIES_FILE, libraries)
        log.debug("search index for %s: %d documents", self.locale, len(docs))

    @event_priority(-1000)  # after every plugin (widget, assistants, i18n) has written its files
    def _precompress(self, *, config: MkDocsConfig) -> None:
        """Write a ``.gz`` sibling of every text file, for hosts that serve precompressed files."""
        if not self.config.enabled or not self.config.precompress:
            return
        start = time.perf_counter()
        written = precompress(Path(config.site_dir))
        log.debug("%d gzip copies in %.2f s", written, time.perf_counter() - start)

    on_post_build = CombinedEvent(_write_search, _precompress)

    def _synonyms(self, config: MkDocsConfig) -> list[list[list[str]]]:
        self.site_groups: list[SynonymGroup] = []
        root = Path(config.config_file_path or ".").parent
        setting = self.config.synonyms_file
        path = root / setting.format(locale=self.locale)
        if not path.is_file():
            if setting != SearchConfig.synonyms_file.default:
                raise PluginError(
                    f"{config.config_file_path}: synonyms_file: {path} does not exist"
                    " -- create it or remove the option"
                )
            return []
        try:
            self.site_groups = load_synonyms(path)
            return synonym_terms(self.site_groups, analyzer(self.locale), path)
        except SynonymError as error:
            raise PluginError(str(error)) from error
