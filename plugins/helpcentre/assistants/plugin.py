"""The ``helpcentre/assistants`` plugin: per locale ``llms.txt``, ``llms-full.txt`` and a Markdown
copy next to every article, linked from each page's head.

The texts are written by :mod:`helpcentre.assistants.llms`; which articles get them comes from
the site model (:func:`helpcentre.site.offered.offered_articles`, what the search offers too):
not a page the author excluded from search, not an expired article the review policy hides, not
a fallback page, whose source lies in another locale's folder (that locale's files list it).
These hooks only add what MkDocs knows: each page's URL and the navigation's order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
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
from helpcentre.site.build import BuildContext, build_context
from helpcentre.site.offered import article_category, offered_articles


class AssistantsPlugin(BasePlugin[AssistantsConfig]):
    """See the module docstring."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.context: BuildContext | None = None
        self.pages: dict[str, AssistantPage] = {}
        self.order: dict[str, int] = {}
        self.translations: Any = None

    @property
    def _active(self) -> bool:
        return bool(self.config.enabled and self.context is not None and not self.context.is_root)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Take this build's locale and the site model; load the locale's strings."""
        if not self.config.enabled:
            return None
        self.context = build_context(config, error=PluginError)
        self.pages, self.order = {}, {}
        if not self.context.is_root:
            self.translations = load_translations(
                self.context.model.settings.locales_dir, self.context.current
            )
        return None

    @event_priority(-100)  # after the plugins that add or remove pages
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Pair each offered article with its page's URL; the navigation's order is the order
        of ``llms.txt``."""
        if not self._active:
            return None
        assert self.context is not None
        self.order = {page.file.src_uri: n for n, page in enumerate(nav.pages)}
        urls = {file.src_uri: file.url for file in files.documentation_pages()}
        for path, article in offered_articles(self.context.model, self.context.current).items():
            if path not in urls:
                continue  # left out of this build (an expired article with ``expired: exclude``)
            self.pages[path] = AssistantPage(
                source=path,
                url=urls[path],
                title=article.title,
                description=" ".join(str(article.meta.get("description") or "").split()),
                category=article_category(article),
                body=article.front.body,
                listed=not article.is_index,
            )
        return None

    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Link the locale's ``llms.txt`` (which lists every page's copy) from the page's head.

        The page's own copy is not linked there: the theme's language selector fetches a
        ``sitemap.xml`` beside every ``<link rel="alternate">``, and beside the copy (in the
        page's folder) there is none -- a failed request on every page view. The copy sits at
        the URL llms.txt proposes (the page's URL + ``index.html.md``).
        """
        if not self._active or page.file.src_uri not in self.pages:
            return None
        here = page.url or "."
        links = [
            f'<link rel="alternate" type="text/plain" title="llms.txt" '
            f'href="{get_relative_url(INDEX_FILE, here)}">',
        ]
        return output.replace("</head>", "\n".join(links) + "\n</head>", 1)

    @event_priority(-200)  # after helpcentre/i18n's root build has built every locale
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the copies, ``llms.txt`` and ``llms-full.txt`` (or, at the root, the index)."""
        if not self.config.enabled or self.context is None:
            return
        site = Path(config.site_dir)
        base = config.site_url or ""
        title, description = config.site_name, config.site_description or ""
        if self.context.is_root:
            locales = [(locale.code, locale.name) for locale in self.context.model.locales]
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
        listing = Listing(
            title=title,
            description=description,
            categories=tuple(self._categories(pages)),
            other_heading=self.translations.gettext(self.config.other_heading),
            base_url=base,
        )
        (site / INDEX_FILE).write_text(llms_index(pages, listing), encoding="utf-8")
        if self.config.full_text:
            (site / FULL_FILE).write_text(llms_full(pages, listing), encoding="utf-8")

    def _categories(self, pages: list[AssistantPage]) -> list[Category]:
        """The headings: configured categories under their translated names, in the order their
        articles come; a folder that is no configured category is named after itself."""
        assert self.context is not None
        names = {spec.id: spec.name for spec in self.context.model.categories}
        seen: dict[str, Category] = {}
        for page in pages:
            if page.category and page.category not in seen:
                name = names.get(page.category)
                seen[page.category] = Category(
                    page.category,
                    self.translations.gettext(name)
                    if name
                    else page.category.replace("-", " ").capitalize(),
                )
        return list(seen.values())
