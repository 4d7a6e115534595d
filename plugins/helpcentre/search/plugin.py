"""MkDocs adapter of the helpcentre search: gathers Material's search documents of the locale
build and hands them to :mod:`helpcentre.search.index`; ships the worker and its scripts."""

from __future__ import annotations

import json
import os
from importlib.resources import files
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from helpcentre.search.config import SearchConfig
from helpcentre.search.index import build_index, write_index
from helpcentre.search.languages import GENERIC_RULES, LanguageError, analyzer, lunr_js_source
from helpcentre.search.synonyms import SynonymError, load_synonyms, synonym_terms
from helpcentre.search.worker import LIBRARIES_FILE, bundle_worker
from helpcentre.site.build import build_context

log = get_plugin_logger(__name__)

#: Where the worker and its scripts go inside the site.
ASSET_DIR = "assets/javascripts/helpcentre"
ASSETS = ("search-core.js", "search-worker.js", "search-telemetry.js", "answer-card.js")
INDEX_FILE = "search/helpcentre-index.json"


class SearchPlugin(BasePlugin[SearchConfig]):
    """Per-locale prebuilt search index, loaded directly by the browser."""

    def __init__(self) -> None:
        self.locale = "en"
        self.excluded: set[str] = set()

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
        config.extra["helpcentre_answer_cards"] = f"{ASSET_DIR}/answer-card.js"
        endpoint = context.model.settings.endpoint.strip()
        config.extra["helpcentre_search_endpoint"] = endpoint
        config.extra["helpcentre_search_telemetry"] = (
            f"{ASSET_DIR}/search-telemetry.js" if endpoint else ""
        )
        self.excluded = set()
        return config

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):  # noqa: ANN001
        """Remember pages that are not the locale's own (fallbacks from another locale)."""
        if not self.config.enabled:
            return context
        source = page.file.abs_src_path
        docs_dir = os.path.realpath(config.docs_dir)
        if source and not os.path.realpath(source).startswith(docs_dir + os.sep):
            self.excluded.add(page.url)
        return context

    @event_priority(-100)  # after Material's search plugin has written its documents
    def on_post_build(self, *, config: MkDocsConfig) -> None:
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
        write_index(site / INDEX_FILE, build_index(docs, self.locale, self._synonyms(config)))
        # The theme still fetches this file for its configuration; the documents now live in ours.
        material["docs"] = []
        material_file.write_text(json.dumps(material, separators=(",", ":")), encoding="utf-8")
        assets = site / ASSET_DIR
        assets.mkdir(parents=True, exist_ok=True)
        package = files("helpcentre.search") / "assets"
        for name in ASSETS:
            (assets / name).write_text((package / name).read_text(encoding="utf-8"), "utf-8")
        (assets / "lunr.js").write_text(lunr_js_source(), encoding="utf-8")
        worker = assets / "search-worker.js"
        script, libraries = bundle_worker(worker.read_text("utf-8"), self.locale)
        worker.write_text(script, "utf-8")
        (assets / LIBRARIES_FILE).write_text(libraries, "utf-8")
        log.debug("search index for %s: %d documents", self.locale, len(docs))

    def _synonyms(self, config: MkDocsConfig) -> list[list[list[str]]]:
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
            return synonym_terms(load_synonyms(path), analyzer(self.locale), path)
        except SynonymError as error:
            raise PluginError(str(error)) from error
