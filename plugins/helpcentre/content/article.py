"""The article model: what a help article's front matter may say, validated with line numbers.

Review-policy keys (``reviewed``, ``review_every``, ``review_by``, ``expires``) are validated by
``helpcentre.stale``; this module checks what every page needs to be listed, linked and searched.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpcentre.content.frontmatter import ContentError, FrontMatter, parse_front_matter
from helpcentre.dates import as_date

#: Article types and what they are for (a writer's template exists for each).
ARTICLE_TYPES = ("faq", "guide", "troubleshooting", "contact", "page")

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*(?:\{[^}]*\})?[ \t]*$", re.MULTILINE)
_SETEXT_H1 = re.compile(r"^(\S[^\n]*)\n=+[ \t]*$", re.MULTILINE)
_FIRST_PARAGRAPH = re.compile(r"(?:^|\n\n)([^#\s<!>|`*\-+\d{][^\n]*(?:\n[^\n#]+)*)")
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]+")


@dataclass(frozen=True)
class _Key:
    kinds: tuple[type, ...]
    describe: str


_DATE = (dt.date, str)
#: Front matter keys helpcentre reads, with what they hold. ``None`` is accepted for every key
#: (an empty value in YAML): it means "not set".
_KEYS: dict[str, _Key] = {
    "title": _Key((str, int, float), "a short text, e.g. 'title: How do I track my order?'"),
    "description": _Key((str,), "one sentence, e.g. 'description: Find your parcel.'"),
    "category": _Key((str,), "a category id, e.g. 'category: orders'"),
    "section": _Key((str,), "a section id, e.g. 'section: tracking'"),
    "type": _Key((str,), f"one of {', '.join(ARTICLE_TYPES)}, e.g. 'type: faq'"),
    "tags": _Key((list, str), "a list of words, e.g. 'tags: [tracking, delivery]'"),
    "aliases": _Key((list, str), "a list of other names, e.g. 'aliases: [where is my parcel]'"),
    "owner": _Key((str,), "a team or person, e.g. 'owner: orders-team'"),
    "order": _Key((int,), "a whole number, e.g. 'order: 10'"),
    "promoted": _Key((bool,), "'promoted: true' or 'promoted: false'"),
    "slug": _Key((str,), "lowercase words joined by hyphens, e.g. 'slug: track-your-order'"),
    "reviewed": _Key(_DATE, "a date, e.g. 'reviewed: 2026-08-14'"),
    "review_by": _Key(_DATE, "a date, e.g. 'review_by: 2027-02-01'"),
    "expires": _Key(_DATE, "a date, e.g. 'expires: 2027-01-10'"),
    "review_every": _Key((str,), "a period, e.g. 'review_every: 6m' (d, w, m or y)"),
    "max_age": _Key((str,), "a period, e.g. 'max_age: 2y' (d, w, m or y)"),
    "locale_only": _Key((bool,), "'locale_only: true' or 'locale_only: false'"),
    "feedback": _Key(
        (bool,), "'feedback: false' to leave the \"Was this article helpful?\" widget out, or true"
    ),
    "source_hash": _Key((str,), "the hash 'helpcentre translations mark' writes"),
}

#: Keys MkDocs and Material for MkDocs read from front matter: known, never warned about.
THEME_KEYS = frozenset(
    {
        "template", "hide", "search", "icon", "status", "subtitle", "comments", "authors",
        "author", "date", "draft", "pin", "links", "readtime", "categories", "social", "meta",
        "robots", "canonical_url", "edit_url", "nav_title", "toc_depth", "keywords", "image",
        "updated", "created", "permalink", "weight", "summary", "lang", "noindex",
    }
)  # fmt: skip


def known_keys(extra: Iterable[str] = ()) -> frozenset[str]:
    """Front matter keys that raise no "unknown key" warning: helpcentre's, MkDocs' and Material's,
    plus ``extra`` (keys of other plugins a site declares)."""
    return frozenset(_KEYS) | THEME_KEYS | frozenset(extra)


@dataclass
class Article:
    """One Markdown file of a locale folder.

    Attributes:
        path: Path relative to the locale folder (posix), e.g. ``orders/track-your-order.md``.
        file: The file on disk.
        front: Parsed front matter and body (empty when the front matter could not be read).
        problems: What is wrong with the file's front matter, every problem with its line.
    """

    path: str
    file: Path
    front: FrontMatter = field(repr=False)
    problems: list[ContentError] = field(default_factory=list, repr=False)

    @property
    def meta(self) -> dict[str, Any]:
        """The front matter keys."""
        return self.front.meta

    @property
    def page_id(self) -> str:
        """Stable id of the article across locales: its path without ``.md``.

        Two files with one name in different folders have different ids.
        """
        return self.path[: -len(".md")] if self.path.endswith(".md") else self.path

    @property
    def slug(self) -> str:
        """The article's slug: ``slug`` from front matter, else the file name."""
        return str(self.meta.get("slug") or Path(self.path).stem)

    @property
    def is_index(self) -> bool:
        """Whether this is a folder's index page (home or category page)."""
        return Path(self.path).name in {"index.md", "README.md"}

    @property
    def heading(self) -> str | None:
        """The body's first level-one heading (what MkDocs takes as the title without one)."""
        found = [m for m in (_H1.search(self.front.body), _SETEXT_H1.search(self.front.body)) if m]
        if not found:
            return None
        first = min(found, key=lambda match: match.start())
        return _MARKUP.sub(r"\1", first.group(1)).strip() or None

    @property
    def title(self) -> str:
        """The title readers see: ``title``, else the first heading, else the file name."""
        value = self.meta.get("title")
        if value not in (None, ""):
            return str(value)
        return self.heading or Path(self.path).stem.replace("-", " ").replace("_", " ")

    @property
    def description(self) -> str:
        """``description``, else the body's first paragraph (plain text), else empty."""
        value = self.meta.get("description")
        if isinstance(value, str) and value.strip():
            return value.strip()
        match = _FIRST_PARAGRAPH.search("\n\n" + self.front.body.strip())
        if not match:
            return ""
        text = " ".join(_MARKUP.sub(r"\1", match.group(1)).split())
        return text if len(text) <= 300 else text[:297].rsplit(" ", 1)[0] + "..."

    @property
    def is_empty(self) -> bool:
        """True when the file holds no text besides its front matter."""
        return not self.front.body.strip()


def article_problems(article: Article, *, display_path: str) -> list[ContentError]:
    """Every wrong value of the known front matter keys, each with its line and fix."""
    front = article.front
    problems: list[ContentError] = []
    for key, spec in _KEYS.items():
        value = front.meta.get(key)
        if value is None:
            continue
        wrong_type = not isinstance(value, spec.kinds) or (
            isinstance(value, bool) and bool not in spec.kinds
        )
        if dt.date in spec.kinds and isinstance(value, str):
            date = as_date(value)
            wrong_type = date is None
            if date is not None:
                front.meta[key] = date
        if wrong_type:
            problems.append(
                ContentError(
                    display_path,
                    front.line_of(key),
                    f"'{key}' has the wrong type ({type(value).__name__}: {value!r})",
                    f"write {spec.describe}",
                )
            )
    kind = front.meta.get("type")
    if isinstance(kind, str) and kind not in ARTICLE_TYPES:
        nearest = difflib.get_close_matches(kind, ARTICLE_TYPES, n=1)
        hint = f"did you mean '{nearest[0]}'? " if nearest else ""
        problems.append(
            ContentError(
                display_path,
                front.line_of("type"),
                f"unknown article type '{kind}'",
                f"{hint}write one of {', '.join(ARTICLE_TYPES)}",
            )
        )
    for key in ("tags", "aliases"):
        items = front.meta.get(key)
        if isinstance(items, str):
            front.meta[key] = [part.strip() for part in items.split(",") if part.strip()]
        elif isinstance(items, list) and any(not isinstance(item, str | int) for item in items):
            problems.append(
                ContentError(
                    display_path,
                    front.line_of(key),
                    f"every item of '{key}' must be a text",
                    f"write '{key}: [tracking, delivery]'",
                )
            )
        elif isinstance(items, list):
            front.meta[key] = [str(item) for item in items]
    slug = front.meta.get("slug")
    if isinstance(slug, str) and not _SLUG.match(slug):
        problems.append(
            ContentError(
                display_path,
                front.line_of("slug"),
                f"slug '{slug}' is not lowercase-with-hyphens",
                "write e.g. 'slug: track-your-order'",
            )
        )
    return problems


def unknown_keys(
    article: Article, *, display_path: str, known: frozenset[str]
) -> list[ContentError]:
    """Front matter keys nobody reads, with the nearest known key when one is close."""
    problems = []
    for key in article.meta:
        name = str(key)
        if name in known:
            continue
        nearest = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
        fix = (
            f"did you mean '{nearest[0]}'?"
            if nearest
            else "remove it, or declare it under plugins > helpcentre/content > known_keys "
            "if another plugin reads it"
        )
        problems.append(
            ContentError(display_path, article.front.line_of(name), f"unknown key '{name}'", fix)
        )
    return problems


def read_article(locale_dir: Path, path: str, *, display_prefix: str = "") -> Article:
    """Read one article of a locale folder; what is wrong is kept in ``problems``, never raised.

    Args:
        locale_dir: The locale folder (``docs/fr``).
        path: The article's path inside it (posix).
        display_prefix: Prepended to ``path`` in messages (``docs/fr/``).
    """
    file = Path(locale_dir) / path
    display = f"{display_prefix}{path}"
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = file.read_bytes()[: error.start].count(b"\n") + 1
        problem = ContentError(
            display,
            line,
            f"the file is not UTF-8 (byte 0x{error.object[error.start]:02x} at line {line})",
            "save the file as UTF-8",
        )
        return Article(path=path, file=file, front=FrontMatter(), problems=[problem])
    try:
        front = parse_front_matter(display, text)
    except ContentError as error:
        return Article(path=path, file=file, front=FrontMatter(body=text), problems=[error])
    article = Article(path=path, file=file, front=front)
    article.problems = sorted(article_problems(article, display_path=display), key=lambda e: e.line)
    return article


def read_locale(locale_dir: Path, *, display_prefix: str = "") -> dict[str, Article]:
    """Read every Markdown article of a locale folder (dot folders left out).

    Returns:
        Articles by their path inside the folder; each carries its own problems, and
        :func:`duplicate_slugs` tells which declared slugs clash.
    """
    locale_dir = Path(locale_dir)
    articles: dict[str, Article] = {}
    for file in sorted(locale_dir.rglob("*.md")):
        path = file.relative_to(locale_dir).as_posix()
        if any(part.startswith(".") for part in Path(path).parts) or not file.is_file():
            continue
        articles[path] = read_article(locale_dir, path, display_prefix=display_prefix)
    return articles


def duplicate_slugs(articles: Iterable[Article], *, display_prefix: str = "") -> list[ContentError]:
    """Articles of one locale that *declare* a slug another article declares.

    File names may repeat in different folders (ids come from paths); only a ``slug:`` written
    twice is ambiguous.
    """
    seen: dict[str, Article] = {}
    problems = []
    for article in articles:
        slug = article.meta.get("slug")
        if article.is_index or not isinstance(slug, str):
            continue
        other = seen.get(slug)
        if other is not None:
            problems.append(
                ContentError(
                    f"{display_prefix}{article.path}",
                    article.front.line_of("slug"),
                    f"slug '{slug}' is already declared by {display_prefix}{other.path}",
                    "give one of them another 'slug:', or remove the key",
                )
            )
        else:
            seen[slug] = article
    return problems
