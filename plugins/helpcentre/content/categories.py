"""Categories and sections of a locale, gathered from the articles' front matter.

A category is configured once (id, icon, name, description, owner, section names); its articles
say which category and section they belong to and in which ``order`` they are listed. This module
groups the articles of one locale into that structure and writes the Markdown source of the
generated category and section pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from helpcentre.content.article import Article
from helpcentre.content.frontmatter import ContentError


@dataclass(frozen=True)
class CategorySpec:
    """A category as configured in ``mkdocs.yml``.

    Attributes:
        id: The id articles name in ``category:``; also the folder and URL part.
        name: Source (English) name; translated through the catalogs.
        description: One source sentence shown on cards and on the category page.
        icon: A Material icon path such as ``material/truck-outline``.
        owner: The team that owns the category's articles (used by ``helpcentre new``).
        sections: Section id to source name, in display order.
    """

    id: str
    name: str
    description: str = ""
    icon: str = ""
    owner: str = ""
    sections: dict[str, str] = field(default_factory=dict)


@dataclass
class ArticleEntry:
    """What a listing needs to know about an article."""

    path: str
    page_id: str
    title: str
    description: str
    category: str
    section: str
    order: int
    type: str
    tags: tuple[str, ...]
    promoted: bool


@dataclass
class SectionListing:
    """The articles of one section, in order."""

    id: str
    name: str
    articles: list[ArticleEntry] = field(default_factory=list)


@dataclass
class CategoryListing:
    """A category of one locale, with its sections and article count."""

    spec: CategorySpec
    sections: list[SectionListing] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Number of articles in the category."""
        return sum(len(section.articles) for section in self.sections)

    @property
    def articles(self) -> list[ArticleEntry]:
        """Every article of the category, section by section."""
        return [entry for section in self.sections for entry in section.articles]


def parse_categories(raw: Iterable[Mapping[str, Any]], *, source: str) -> list[CategorySpec]:
    """Turn the ``categories`` option into specs, checking ids are present and unique.

    Raises:
        ContentError: A category has no id or name, or an id is used twice.
    """
    specs: list[CategorySpec] = []
    seen: set[str] = set()
    for number, item in enumerate(raw, start=1):
        category_id = str(item.get("id") or "").strip()
        if not category_id or not item.get("name"):
            raise ContentError(
                source,
                0,
                f"category #{number} has no 'id' or no 'name'",
                "give every category e.g. '- id: billing' and 'name: Billing'",
            )
        if category_id in seen:
            raise ContentError(
                source, 0, f"category '{category_id}' is configured twice", "remove one of them"
            )
        seen.add(category_id)
        sections = item.get("sections") or {}
        if not isinstance(sections, Mapping):
            raise ContentError(
                source,
                0,
                f"category '{category_id}': 'sections' must be a mapping",
                "write 'sections: {tracking: Tracking your parcel}'",
            )
        specs.append(
            CategorySpec(
                id=category_id,
                name=str(item["name"]),
                description=str(item.get("description") or ""),
                icon=str(item.get("icon") or ""),
                owner=str(item.get("owner") or ""),
                sections={str(k): str(v) for k, v in sections.items()},
            )
        )
    return specs


def entry_for(article: Article) -> ArticleEntry:
    """The listing entry of an article."""
    meta = article.meta
    return ArticleEntry(
        path=article.path,
        page_id=article.page_id,
        title=article.title,
        description=article.description,
        category=str(meta.get("category") or article.path.split("/")[0]),
        section=str(meta.get("section") or ""),
        order=int(meta.get("order", 1000)),
        type=str(meta.get("type") or "page"),
        tags=tuple(str(tag) for tag in meta.get("tags") or ()),
        promoted=bool(meta.get("promoted", False)),
    )


def section_name(section_id: str) -> str:
    """A readable default name for a section id that the configuration does not name."""
    return section_id.replace("-", " ").replace("_", " ").capitalize() if section_id else ""


def group_articles(
    specs: list[CategorySpec],
    articles: Mapping[str, Article],
) -> list[CategoryListing]:
    """Group a locale's articles into categories and sections.

    Sections follow the configured order, then unconfigured ones by name; articles are sorted by
    ``order`` then title. Index pages and the contact page are not listed.

    An article without ``category`` belongs to its top folder's category when one is configured
    with that id. An unknown category is left out here; the site model reports it.
    """
    by_id = {spec.id: CategoryListing(spec=spec) for spec in specs}
    buckets: dict[str, dict[str, list[ArticleEntry]]] = {spec.id: {} for spec in specs}
    for article in articles.values():
        if article.is_index or article.meta.get("type") == "contact":
            continue
        category = article.meta.get("category")
        if category is None and "/" in article.path:
            category = article.path.split("/")[0]
        if category not in by_id:
            continue
        entry = entry_for(article)
        buckets[category].setdefault(entry.section, []).append(entry)
    for spec in specs:
        sections = buckets[spec.id]
        order = list(spec.sections) + sorted(s for s in sections if s not in spec.sections)
        for section_id in order:
            if section_id not in sections:
                continue
            entries = sorted(sections[section_id], key=lambda e: (e.order, e.title.casefold()))
            name = spec.sections.get(section_id) or section_name(section_id)
            by_id[spec.id].sections.append(SectionListing(section_id, name, entries))
    return [by_id[spec.id] for spec in specs]


def promoted_articles(listings: list[CategoryListing], limit: int = 6) -> list[ArticleEntry]:
    """Articles marked ``promoted: true``, in category order then by ``order``."""
    chosen = [entry for listing in listings for entry in listing.articles if entry.promoted]
    return chosen[:limit]


def _yaml_text(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def category_page_source(title: str, description: str, category_id: str) -> str:
    """Markdown of a generated category page (the listing itself comes from its template)."""
    return (
        f"---\ntitle: {_yaml_text(title)}\ndescription: {_yaml_text(description)}\n"
        f"template: partials/helpcentre/category-page.html\n"
        f"helpcentre_category: {category_id}\n---\n"
    )


def section_page_source(title: str, description: str, category_id: str, section_id: str) -> str:
    """Markdown of a generated section page."""
    return (
        f"---\ntitle: {_yaml_text(title)}\ndescription: {_yaml_text(description)}\n"
        f"template: partials/helpcentre/category-section.html\n"
        f"helpcentre_category: {category_id}\nhelpcentre_section: {section_id}\n---\n"
    )
