"""Writers' templates: a new article with valid front matter and the skeleton of its type."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from helpcentre.content.categories import CategorySpec

#: The skeleton of each type a writer can start from (``contact`` is one page per locale).
SKELETONS: dict[str, str] = {
    "faq": (
        "One or two sentences that answer the question in short.\n\n"
        "## First question a customer asks? {#first-question}\n\n"
        "The answer, in a few sentences.\n\n"
        "## Second question? {#second-question}\n\n"
        "The answer.\n"
    ),
    "guide": (
        "What this guide helps the customer do, in one sentence.\n\n"
        "## Steps {#steps}\n\n"
        "1. The first thing to select or type.\n"
        "2. The next step.\n"
        "3. What the customer sees when it worked.\n"
    ),
    "troubleshooting": (
        "One sentence about the problem and how long the fix takes.\n\n"
        "## Symptoms {#symptoms}\n\n"
        "- What the customer sees.\n\n"
        "## Cause {#cause}\n\n"
        "Why it happens.\n\n"
        "## Fix {#fix}\n\n"
        "1. What to do first.\n"
        "2. If that did not help, [contact us](../contact.md).\n"
    ),
}


class TemplateError(ValueError):
    """A ``helpcentre new`` request that cannot be fulfilled; the message names the fix."""


def slugify(title: str) -> str:
    """The words of ``title`` in lowercase, joined by hyphens, in any script.

    Accents are dropped from letters that have them (``Où`` gives ``ou``); letters of scripts
    without a case or accents are kept as they are (``注文を追跡`` stays ``注文を追跡``).
    """
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    kept = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", kept))
    return "-".join(words)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def new_article(
    *,
    docs_dir: Path,
    locale: str,
    categories: list[CategorySpec],
    article_type: str,
    category: str,
    title: str,
    section: str | None = None,
    today: dt.date | None = None,
    locales: list[str] | None = None,
    titles: dict[str, str] | None = None,
    locale_folder: Path | None = None,
) -> Path:
    """Write ``docs/<locale>/<category>/<slug>.md`` from the type's template.

    Args:
        docs_dir: The folder of the locale folders.
        locale: The locale to write in.
        categories: The configured categories.
        article_type: ``faq``, ``guide`` or ``troubleshooting``.
        category: A configured category id.
        title: The title, in any script.
        section: A section id of the category (default: its first).
        today: The ``reviewed`` date (default: today).
        locales: The configured locales, when the site has several.
        titles: The titles of the locale's existing articles, by their file (to refuse a
            duplicate).
        locale_folder: The folder articles go in, when it is not ``docs_dir/locale`` (a site
            with one locale keeps its articles in ``docs_dir``).

    Returns:
        The written file.

    Raises:
        TemplateError: Unknown type, locale, category or section, an empty title, or an article
            with that title or file exists already.
    """
    if locales and locale not in locales:
        raise TemplateError(
            f"unknown locale '{locale}' -- use --locale with one of: {', '.join(locales)}"
        )
    if article_type not in SKELETONS:
        raise TemplateError(
            f"unknown article type '{article_type}' -- use --type with one of "
            f"{', '.join(SKELETONS)}"
        )
    by_id = {spec.id: spec for spec in categories}
    if category not in by_id:
        known = ", ".join(by_id) or "none"
        raise TemplateError(
            f"unknown category '{category}' -- use --category with one of: {known} "
            "(categories are listed under plugins > helpcentre/content > categories in mkdocs.yml)"
        )
    slug = slugify(title)
    if not slug:
        raise TemplateError("the title has no letters or digits -- give the article a title")
    spec = by_id[category]
    if section and spec.sections and section not in spec.sections:
        raise TemplateError(
            f"unknown section '{section}' of category '{category}' -- use --section with one "
            f"of: {', '.join(spec.sections)}"
        )
    section = section or next(iter(spec.sections), "")
    target = (locale_folder or Path(docs_dir) / locale) / category / f"{slug}.md"
    if target.exists():
        raise TemplateError(
            f"{target} already exists -- edit it, or choose another title for the new article"
        )
    same = [path for path, other in (titles or {}).items() if other.casefold() == title.casefold()]
    if same:
        raise TemplateError(
            f"{same[0]} already has the title '{title}' -- edit that article, or choose "
            "another title"
        )
    lines = [
        "---",
        f"title: {_quoted(title)}",
        'description: "One sentence that says what the reader will find here."',
        f"category: {category}",
    ]
    if section:
        lines.append(f"section: {section}")
    lines += [
        f"type: {article_type}",
        "tags: []",
        f"owner: {spec.owner or category + '-team'}",
        f"reviewed: {(today or dt.date.today()).isoformat()}",
        "order: 100",
        "---",
        "",
    ]
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + SKELETONS[article_type])
    return target
