"""The ``helpcentre/assistants`` plugin: per locale ``llms.txt``, ``llms-full.txt`` and a Markdown
copy next to every article, linked from each page's head.

The texts are written by :mod:`helpcentre.assistants.llms`; these hooks gather the pages. A page
gets no copy and no listing where the search leaves it out: ``search: {exclude: true}`` in its
metadata (written by the author, or by ``helpcentre/stale`` for an expired article with
``expired: hide_from_search``), and fallback pages, whose source lies in another locale's folder
(the other locale's files list them).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpcentre.assistants.config import AssistantsConfig
from helpcentre.assistants.llms import (
    FULL_FILE,
    INDEX_FILE,
    AssistantPage,
    Category,
    Listing,
    llms_full,
    llms_index,
    llms_root,
    markdown_copy,
    markdown_url,
)
from helpcentre.catalogs import load_translations


class AssistantsPlugin(BasePlugin[AssistantsConfig]):
    """See the module docstring."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.root = False
        self.bodies: dict[str, str] = {}
        self.pages: dict[str, AssistantPage] = {}
        self.order: dict[str, int] = {}
        self.category_names: dict[str, str] = {}
        self.translations: Any = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Find out whether this is the root build of a multilingual site or a locale's build."""
        if not self.config.enabled:
            return None
        i18n = config.plugins.get("helpcentre/i18n")
        # The root build of helpcentre/i18n only writes the language choice.
        self.root = bool(i18n is not None and i18n.config.enabled and i18n.locale is None)
        locale = str(config.extra.get("helpcentre_locale") or config.theme.get("language") or "en")
        locales_dir = Path(config.config_file_path or "mkdocs.yml").parent / (
            i18n.config.locales_dir if i18n is not None else "locales"
        )
        self.translations = load_translations(locales_dir, locale)
        self.bodies, self.pages, self.order, self.category_names = {}, {}, {}, {}
        return None

    @event_priority(-100)  # after helpcentre/content has put the categories in their order
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Remember the reading order, which is the order of ``llms.txt``."""
        if self.config.enabled and not self.root:
            self.order = {page.file.src_uri: n for n, page in enumerate(nav.pages)}
        return None

    @event_priority(100)  # before any plugin adds notices or rewrites the writer's text
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Keep the body as the writer wrote it."""
        if self.config.enabled and not self.root:
            self.bodies[page.file.src_uri] = markdown
        return None

    @event_priority(-100)  # after the other plugins have said whether search leaves the page out
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Record the page and link its copy and the locale's ``llms.txt`` from its head."""
        if not self.config.enabled or self.root:
            return None
        src = page.file.src_uri
        category = _category(page)
        if src.endswith("index.md") and src.count("/") == 1 and page.title:
            # A category folder's page (helpcentre/content writes one) names the category.
            self.category_names[src.split("/", 1)[0]] = str(page.title)
        if not _readable(page, config) or src not in self.bodies:
            return None
        listed = not src.endswith(("index.md", "README.md"))
        self.pages[src] = AssistantPage(
            source=src,
            url=page.url,
            title=str(page.meta.get("title") or page.title or Path(src).stem),
            description=" ".join(str(page.meta.get("description") or "").split()),
            category=category,
            body=self.bodies[src],
            listed=listed,
        )
        here = page.url or "."
        links = [
            f'<link rel="alternate" type="text/markdown" '
            f'href="{get_relative_url(markdown_url(page.url), here)}">',
            f'<link rel="alternate" type="text/plain" title="llms.txt" '
            f'href="{get_relative_url(INDEX_FILE, here)}">',
        ]
        return output.replace("</head>", "\n".join(links) + "\n</head>", 1)

    @event_priority(-200)  # after helpcentre/i18n's root build has built every locale
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the copies, ``llms.txt`` and ``llms-full.txt`` (or, at the root, the index)."""
        if not self.config.enabled:
            return
        site = Path(config.site_dir)
        base = config.site_url or ""
        title, description = config.site_name, config.site_description or ""
        if self.root:
            i18n = config.plugins["helpcentre/i18n"]
            locales = [(locale.code, locale.name) for locale in i18n.locales]
            text = llms_root(locales, title=title, description=description, base_url=base)
            (site / INDEX_FILE).write_text(text, encoding="utf-8")
            return
        pages = sorted(self.pages.values(), key=lambda p: self.order.get(p.source, len(self.order)))
        for page in pages:
            # page.url is percent-encoded (spaces, accents); the file is not.
            target = site / unquote(markdown_url(page.url))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                markdown_copy(page, pages=self.pages, base_url=base), encoding="utf-8"
            )
        categories = self._categories(pages)
        listing = Listing(
            title=title,
            description=description,
            categories=tuple(categories),
            other_heading=self.translations.gettext(self.config.other_heading),
            base_url=base,
        )
        (site / INDEX_FILE).write_text(llms_index(pages, listing), encoding="utf-8")
        if self.config.full_text:
            (site / FULL_FILE).write_text(llms_full(pages, listing), encoding="utf-8")

    def _categories(self, pages: list[AssistantPage]) -> list[Category]:
        seen: dict[str, Category] = {}
        for page in pages:
            if page.category and page.category not in seen:
                name = self.category_names.get(page.category)
                seen[page.category] = Category(
                    page.category, name or page.category.replace("-", " ").capitalize()
                )
        return list(seen.values())


def _category(page: Page) -> str:
    """The article's category: ``category`` in its front matter, else its top folder."""
    value = page.meta.get("category")
    if isinstance(value, str) and value:
        return value
    parts = page.file.src_uri.split("/")
    return parts[0] if len(parts) > 1 else ""


def _readable(page: Page, config: MkDocsConfig) -> bool:
    """Whether the search would index the page: the same exclusions, read the same way."""
    search = page.meta.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return False
    source = page.file.abs_src_path
    if not source:
        return False  # generated listing pages: their articles are listed themselves
    docs_dir = os.path.realpath(config.docs_dir)
    return os.path.realpath(source).startswith(docs_dir + os.sep)
