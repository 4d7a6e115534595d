"""The ``helpcentre/content`` plugin: the help-centre experience of every locale build.

Adds, in each locale: the home page (search box, category cards, promoted articles), generated
category and section pages, breadcrumbs and related articles on articles, type layouts (FAQ,
guide, troubleshooting) with their schema.org JSON-LD, the contact page's channels and
suggestions, the announcement bar, and an Atom feed. The work is done by the core modules of
``helpcentre.content``; these hooks gather MkDocs' pages and files for them.
"""

from __future__ import annotations

import datetime as dt
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpcentre.catalogs import load_translations
from helpcentre.content.announcements import active_announcement, parse_announcements
from helpcentre.content.article import Article
from helpcentre.content.categories import (
    CategoryListing,
    CategorySpec,
    category_page_source,
    group_articles,
    parse_categories,
    promoted_articles,
    section_page_source,
)
from helpcentre.content.config import ContentConfig
from helpcentre.content.contact import Channel, parse_channels, view_channel
from helpcentre.content.feeds import FeedEntry, as_datetime, atom_feed
from helpcentre.content.frontmatter import ContentError
from helpcentre.content.layout import lay_out
from helpcentre.content.related import RelatedInput, related_articles
from helpcentre.content.structured_data import script_tag, structured_data
from helpcentre.site.build import BuildContext, build_context

log = get_plugin_logger(__name__)

#: Where the plugin's stylesheet and script go inside each locale's site.
ASSET_DIR = "assets/helpcentre"
ASSETS = ("experience.css", "experience.js")
FEED_FILE = "feed.xml"
HOME_TEMPLATE = "home.html"
CONTACT_TEMPLATE = "partials/helpcentre/contact-page.html"
ARTICLE_HEADER = "partials/helpcentre/article-header.html"
ARTICLE_RELATED = "partials/helpcentre/article-related.html"


class ContentPlugin(BasePlugin[ContentConfig]):
    """See the module docstring."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.active = False
        self.locale = "en"
        self.default_locale = "en"
        self.specs: list[CategorySpec] = []
        self.channels: list[Channel] = []
        self.translations: Any = None
        self.articles: dict[str, Article] = {}
        self.listings: list[CategoryListing] = []
        self.related_inputs: list[RelatedInput] = []
        self.files: Files | None = None
        self.env: Environment | None = None
        self.json_ld: dict[str, str] = {}
        self.context: BuildContext | None = None

    # -- configuration -------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Check the options; in a locale build, work out the locale and the announcement."""
        if not self.config.enabled:
            return None
        source = str(config.config_file_path or "mkdocs.yml")
        self.context = build_context(config, error=PluginError)
        # The root build of a multilingual site only writes the language choice.
        self.active = not self.context.is_root
        try:
            self.specs = parse_categories(self.config.categories, source=source)
            self.channels = parse_channels(
                self.config.contact_channels, timezone=self.config.contact_timezone, source=source
            )
            announcements = parse_announcements(self.config.announcements, source=source)
        except ContentError as error:
            raise PluginError(
                f"{error.path}: plugins > helpcentre/content: {error.problem} -- {error.fix}"
            ) from error
        if not self.active:
            return None
        model = self.context.model
        self.locale = self.context.current
        self.default_locale = model.default_locale
        locales_dir = model.settings.locales_dir
        self.translations = load_translations(
            locales_dir,
            self.locale,
            source_locale=model.default_locale,
            fallbacks=model.chain(self.locale)[1:],
        )
        active = active_announcement(
            announcements, self.locale, self._today(), default_locale=self.default_locale
        )
        config.extra["helpcentre_announcement"] = (
            {
                "id": active.id,
                "text": active.text,
                "lang": active.lang,
                "end": active.end.isoformat(),
                "link": active.link,
            }
            if active
            else None
        )
        for name in ASSETS:
            target = f"{ASSET_DIR}/{name}"
            chosen = config.extra_css if name.endswith(".css") else config.extra_javascript
            if target not in [str(item) for item in chosen]:
                chosen.append(target)
        return config

    def _today(self) -> dt.date:
        value = self.config.today
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError as error:
                raise PluginError(
                    f"plugins > helpcentre/content > today: '{value}' is not a date -- "
                    "write e.g. 2026-12-24 or remove it"
                ) from error
        return value or dt.date.today()

    def _(self, text: str) -> str:
        return self.translations.gettext(text) if text else text

    # -- files and pages -----------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Read the locale's articles and add the generated category and section pages."""
        if not self.config.enabled or not self.active:
            return None
        model = self.context.model
        # The locale's own articles, and the originals it publishes where it lacks a translation.
        self.articles = {
            path: model.articles(origin)[origin_path]
            for path, (origin, origin_path) in model.published(self.locale).items()
        }
        self.listings = group_articles(self.specs, self.articles)
        self.related_inputs = [
            RelatedInput(
                page_id=article.page_id,
                section=f"{article.meta.get('category', '')}/{article.meta.get('section', '')}"
                if article.meta.get("section")
                else "",
                tags=frozenset(str(tag) for tag in article.meta.get("tags") or ()),
                text=" ".join(
                    (
                        str(article.meta.get("title", "")),
                        str(article.meta.get("description", "")),
                        article.front.body,
                    )
                ),
            )
            for article in self.articles.values()
            if not article.is_index
            and article.meta.get("category")
            and article.meta.get("type") != "contact"
        ]
        if self.config.category_pages:
            for listing in self.listings:
                if not listing.count:
                    continue
                spec = listing.spec
                self._generate(
                    files,
                    config,
                    f"{spec.id}/index.md",
                    category_page_source(self._(spec.name), self._(spec.description), spec.id),
                )
                for section in listing.sections:
                    if not section.id:
                        continue
                    self._generate(
                        files,
                        config,
                        f"{spec.id}/{section.id}/index.md",
                        section_page_source(
                            self._(section.name), self._(spec.description), spec.id, section.id
                        ),
                    )
        package = package_files("helpcentre.content") / "assets"
        for name in ASSETS:
            files.append(
                File.generated(config, f"{ASSET_DIR}/{name}", content=(package / name).read_bytes())
            )
        self.files = files
        return files

    @staticmethod
    def _generate(files: Files, config: MkDocsConfig, src_uri: str, content: str) -> None:
        if files.get_file_from_path(src_uri) is not None:
            return  # a writer's own page wins over the generated one
        files.append(
            File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        )

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Order the category folders (the tabs) as the ``categories`` option lists them."""
        if not self.config.enabled or not self.active:
            return None
        rank = {spec.id: number for number, spec in enumerate(self.specs)}

        def folder(section: Section) -> str:
            for page in section.children:
                source = getattr(getattr(page, "file", None), "src_uri", "")
                if source:
                    return source.split("/", 1)[0]
                if isinstance(page, Section):
                    return folder(page)
            return ""

        # Sections move among the places sections hold; pages (home, contact) stay where they are.
        places = [n for n, item in enumerate(nav.items) if isinstance(item, Section)]
        ordered = sorted(
            (nav.items[n] for n in places), key=lambda item: rank.get(folder(item), len(rank))
        )
        for place, section in zip(places, ordered, strict=True):
            nav.items[place] = section
        # Previous/next links (the footer) follow the order readers now see.
        nav.pages = list(_pages_in_order(nav.items))
        for number, page in enumerate(nav.pages):
            page.previous_page = nav.pages[number - 1] if number else None
            page.next_page = nav.pages[number + 1] if number + 1 < len(nav.pages) else None
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Keep the environment to render the article partials."""
        self.env = env
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Choose the home and contact templates; compute the article's JSON-LD."""
        if not self.config.enabled or not self.active:
            return None
        kind = page.meta.get("type")
        if page.file.src_uri == "index.md":
            page.meta.setdefault("template", HOME_TEMPLATE)
            # The home page is a landing page: search and cards take the full width.
            page.meta.setdefault("hide", ["navigation", "toc"])
        elif kind == "contact":
            page.meta.setdefault("template", CONTACT_TEMPLATE)
        if self.config.structured_data and kind in {"faq", "guide"}:
            url = urljoin(config.site_url, page.url) if config.site_url else None
            data = structured_data(
                str(kind),
                title=str(page.meta.get("title") or page.title or ""),
                body=markdown,
                description=str(page.meta.get("description") or ""),
                url=url,
            )
            if data is not None:
                self.json_ld[page.file.src_uri] = script_tag(data)
        return None

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Lay out FAQ, guide and troubleshooting articles."""
        if not self.config.enabled or not self.active:
            return None
        return lay_out(html, str(page.meta.get("type") or ""))

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any] | None:
        """Give templates the listings; add breadcrumbs and related articles to articles."""
        if not self.config.enabled or not self.active:
            return None
        context["helpcentre"] = self._page_data(page)
        if self.env is not None and page.meta.get("category") and "template" not in page.meta:
            header = self.env.get_template(ARTICLE_HEADER).render(context)
            related = self.env.get_template(ARTICLE_RELATED).render(context)
            page.content = f"{header}{page.content or ''}{related}"
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Link the feed and put the JSON-LD in the page's head."""
        if not self.config.enabled or not self.active:
            return None
        extra = []
        if self.config.feed:
            href = get_relative_url(FEED_FILE, page.url or ".")
            title = self._("News and updated articles")
            extra.append(
                f'<link rel="alternate" type="application/atom+xml" href="{href}" '
                f'title="{_attr(title)}">'
            )
        if page.file.src_uri in self.json_ld:
            extra.append(self.json_ld[page.file.src_uri])
        if not extra:
            return None
        return output.replace("</head>", "\n".join(extra) + "\n</head>", 1)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the locale's Atom feed."""
        if not self.config.enabled or not self.active or not self.config.feed:
            return
        entries = self._feed_entries(config)
        site_url = config.site_url or ""
        feed = atom_feed(
            entries,
            title=config.site_name,
            feed_url=urljoin(site_url, FEED_FILE) or FEED_FILE,
            site_url=site_url or "./",
            language=self.locale,
            limit=self.config.feed_limit,
        )
        Path(config.site_dir, FEED_FILE).write_text(feed, encoding="utf-8")

    # -- data for templates --------------------------------------------------------------------

    def _url(self, src_uri: str) -> str | None:
        file = self.files.get_file_from_path(src_uri) if self.files is not None else None
        return file.url if file is not None else None

    def _article_item(self, path: str) -> dict[str, Any] | None:
        article = self.articles.get(path)
        url = self._url(path)
        if article is None or url is None:
            return None
        return {
            "title": article.title,
            "description": str(article.meta.get("description") or ""),
            "type": str(article.meta.get("type") or "page"),
            "url": url,
            "page_id": article.page_id,
        }

    def _categories(self) -> list[dict[str, Any]]:
        result = []
        for listing in self.listings:
            if not listing.count:
                continue
            spec = listing.spec
            sections = []
            for section in listing.sections:
                items = [self._article_item(entry.path) for entry in section.articles]
                sections.append(
                    {
                        "id": section.id,
                        "name": self._(section.name),
                        "url": self._url(f"{spec.id}/{section.id}/index.md")
                        if section.id
                        else None,
                        "articles": [item for item in items if item],
                    }
                )
            result.append(
                {
                    "id": spec.id,
                    "name": self._(spec.name),
                    "description": self._(spec.description),
                    "icon": spec.icon,
                    "count": listing.count,
                    "url": self._url(f"{spec.id}/index.md"),
                    "sections": sections,
                }
            )
        return result

    def _page_data(self, page: Page) -> dict[str, Any]:
        categories = self._categories()
        data: dict[str, Any] = {
            "categories": categories,
            "home_url": self._url("index.md") or "",
            "contact_url": self._contact_url(),
        }
        src = page.file.src_uri
        if src == "index.md":
            data["promoted"] = [
                item
                for entry in promoted_articles(self.listings, self.config.promoted_limit)
                if (item := self._article_item(entry.path))
            ]
        category_id = page.meta.get("helpcentre_category") or page.meta.get("category")
        category = next((c for c in categories if c["id"] == category_id), None)
        section_id = page.meta.get("helpcentre_section") or page.meta.get("section")
        data["category"] = category
        data["section"] = next(
            (s for s in (category or {}).get("sections", []) if s["id"] == section_id), None
        )
        if src in self.articles and not self.articles[src].is_index:
            target = next((r for r in self.related_inputs if r.page_id == src[:-3]), None)
            related = (
                related_articles(target, self.related_inputs, limit=self.config.related_limit)
                if target
                else []
            )
            data["related"] = [
                item for page_id in related if (item := self._article_item(f"{page_id}.md"))
            ]
        if page.meta.get("type") == "contact":
            data["channels"] = [
                view_channel(channel, self.locale, self._) for channel in self.channels
            ]
            data["suggestions"] = self.config.contact_suggestions
            endpoint = self.context.model.settings.endpoint.strip().rstrip("/")
            data["events_endpoint"] = f"{endpoint}/contact-events" if endpoint else ""
            data["locale"] = self.locale
        return data

    def _contact_url(self) -> str:
        for path, article in self.articles.items():
            if article.meta.get("type") == "contact":
                return self._url(path) or ""
        return ""

    def _feed_entries(self, config: MkDocsConfig) -> list[FeedEntry]:
        history = self.context.model.history if self.context is not None else None
        site_url = config.site_url or ""
        entries = []
        for path, article in self.articles.items():
            url = self._url(path)
            if article.is_index or url is None or article.meta.get("type") == "contact":
                continue
            updated = published = None
            record = history.get(article.file) if history is not None else None
            if record is not None:
                updated, published = record.updated, record.created
            elif article.meta.get("reviewed"):
                updated = as_datetime(article.meta["reviewed"])
            if updated is None:
                updated = dt.datetime.fromtimestamp(article.file.stat().st_mtime, dt.timezone.utc)
            absolute = urljoin(site_url, url) if site_url else url
            entries.append(
                FeedEntry(
                    id=absolute,
                    title=article.title,
                    url=absolute,
                    summary=article.description,
                    updated=updated,
                    published=published,
                    category=str(article.meta.get("category") or ""),
                )
            )
        return entries


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _pages_in_order(items: list[Any]) -> Any:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages_in_order(item.children)
