"""The article model: what a help article's front matter may say, validated with line numbers.

Review-policy keys (``reviewed``, ``review_every``, ``review_by``, ``expires``) are validated by
``helpcentre.stale``; this module checks what every page needs to be listed, linked and searched.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpcentre.content.frontmatter import ContentError, FrontMatter, parse_front_matter

#: Article types and what they are for (a writer's template exists for each).
ARTICLE_TYPES = ("faq", "guide", "troubleshooting", "contact", "page")

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class _Key:
    kinds: tuple[type, ...]
    describe: str


_KEYS: dict[str, _Key] = {
    "title": _Key((str,), "a short text, e.g. 'title: How do I track my order?'"),
    "description": _Key((str,), "one sentence, e.g. 'description: Find your parcel.'"),
    "category": _Key((str,), "a category id, e.g. 'category: orders'"),
    "section": _Key((str,), "a section id, e.g. 'section: tracking'"),
    "type": _Key((str,), f"one of {', '.join(ARTICLE_TYPES)}, e.g. 'type: faq'"),
    "tags": _Key((list,), "a list of ids, e.g. 'tags: [tracking, delivery]'"),
    "owner": _Key((str,), "a team or person, e.g. 'owner: orders-team'"),
    "order": _Key((int,), "a whole number, e.g. 'order: 10'"),
    "promoted": _Key((bool,), "'promoted: true' or 'promoted: false'"),
    "slug": _Key((str,), "lowercase words joined by hyphens, e.g. 'slug: track-your-order'"),
    "reviewed": _Key((dt.date,), "a date, e.g. 'reviewed: 2026-08-14'"),
    "review_by": _Key((dt.date,), "a date, e.g. 'review_by: 2027-02-01'"),
    "expires": _Key((dt.date,), "a date, e.g. 'expires: 2027-01-10'"),
}


@dataclass
class Article:
    """One Markdown file of a locale folder.

    Attributes:
        path: Path relative to the locale folder (posix), e.g. ``orders/track-your-order.md``.
        file: The file on disk.
        front: Parsed front matter and body.
    """

    path: str
    file: Path
    front: FrontMatter = field(repr=False)

    @property
    def meta(self) -> dict[str, Any]:
        """The front matter keys."""
        return self.front.meta

    @property
    def page_id(self) -> str:
        """Stable id of the article across locales: its path without ``.md``."""
        return self.path[: -len(".md")] if self.path.endswith(".md") else self.path

    @property
    def slug(self) -> str:
        """The article's slug: ``slug`` from front matter, else the file name."""
        return str(self.meta.get("slug") or Path(self.path).stem)

    @property
    def is_index(self) -> bool:
        """Whether this is a folder's index page (home or category page)."""
        return Path(self.path).name in {"index.md", "README.md"}


def validate_article(article: Article, *, display_path: str) -> None:
    """Check the types of the known front matter keys.

    Raises:
        ContentError: A key has the wrong type or value, naming the line and what to write.
    """
    front = article.front
    for key, spec in _KEYS.items():
        if key not in front.meta:
            continue
        value = front.meta[key]
        wrong_type = not isinstance(value, spec.kinds) or (
            isinstance(value, bool) and bool not in spec.kinds
        )
        if dt.date in spec.kinds and isinstance(value, dt.datetime):
            value = value.date()
            wrong_type = False
        if wrong_type:
            raise ContentError(
                display_path,
                front.line_of(key),
                f"'{key}' has the wrong type ({type(value).__name__}: {value!r})",
                f"write {spec.describe}",
            )
    kind = front.meta.get("type")
    if kind is not None and kind not in ARTICLE_TYPES:
        raise ContentError(
            display_path,
            front.line_of("type"),
            f"unknown article type '{kind}'",
            f"write one of {', '.join(ARTICLE_TYPES)}",
        )
    tags = front.meta.get("tags") or []
    if any(not isinstance(tag, str) for tag in tags):
        raise ContentError(
            display_path,
            front.line_of("tags"),
            "every tag must be a text",
            "write 'tags: [tracking, delivery]'",
        )
    slug = front.meta.get("slug")
    if slug is not None and not _SLUG.match(str(slug)):
        raise ContentError(
            display_path,
            front.line_of("slug"),
            f"slug '{slug}' is not lowercase-with-hyphens",
            "write e.g. 'slug: track-your-order'",
        )


def read_article(locale_dir: Path, path: str, *, display_prefix: str = "") -> Article:
    """Read and validate one article of a locale folder.

    Args:
        locale_dir: The locale folder (``docs/fr``).
        path: The article's path inside it (posix).
        display_prefix: Prepended to ``path`` in error messages (``docs/fr/``).

    Raises:
        ContentError: Invalid front matter.
    """
    file = Path(locale_dir) / path
    display = f"{display_prefix}{path}"
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            display, 0, f"the file is not UTF-8 ({error.reason})", "save the file as UTF-8"
        ) from error
    article = Article(path=path, file=file, front=parse_front_matter(display, text))
    validate_article(article, display_path=display)
    return article


def read_locale(locale_dir: Path, *, display_prefix: str = "") -> dict[str, Article]:
    """Read every Markdown article of a locale folder and check that slugs are unique.

    Returns:
        Articles by their path inside the folder.

    Raises:
        ContentError: Invalid front matter, or two articles with one slug.
    """
    locale_dir = Path(locale_dir)
    articles: dict[str, Article] = {}
    for file in sorted(locale_dir.rglob("*.md")):
        path = file.relative_to(locale_dir).as_posix()
        if any(part.startswith(".") for part in Path(path).parts):
            continue
        articles[path] = read_article(locale_dir, path, display_prefix=display_prefix)
    check_unique_slugs(articles.values(), display_prefix=display_prefix)
    return articles


def check_unique_slugs(articles: Iterable[Article], *, display_prefix: str = "") -> None:
    """Raise when two articles of one locale share a slug: links, feedback and search need one."""
    seen: dict[str, Article] = {}
    for article in articles:
        if article.is_index:
            continue
        other = seen.get(article.slug)
        if other is not None:
            line = article.front.lines.get("slug", 1)
            raise ContentError(
                f"{display_prefix}{article.path}",
                line,
                f"slug '{article.slug}' is already used by {display_prefix}{other.path}",
                "rename one of the files or give it a distinct 'slug:' in its front matter",
            )
        seen[article.slug] = article
