"""Widget contexts: which articles a product page's help button suggests first.

A site names contexts in ``mkdocs.yml`` (``billing``, ``checkout``) and says, for each, which
articles belong to it: by category, by tag, or by article path pattern (``billing/*``,
``orders/track-*``). A product page asks for one with ``data-context="billing"``, or the widget
picks the first context whose ``host_paths`` pattern matches the product page's path. The rules
are checked once, every problem reported at once, and applied to the articles a locale offers
(see :func:`helpcentre.site.offered.offered_articles`) by :func:`suggested_articles`.

This module never imports MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from helpcentre.content.article import Article
from helpcentre.records import CONTEXT_PATTERN
from helpcentre.site.offered import article_category

_CONTEXT_ID = re.compile(CONTEXT_PATTERN)
#: Keys a context may have.
RULE_KEYS = ("categories", "tags", "pages", "host_paths", "limit")
#: Suggestions shown when a context does not say.
DEFAULT_LIMIT = 5


class ContextError(ValueError):
    """The widget's contexts are wrong; the message lists every problem with its fix."""


@dataclass(frozen=True)
class ContextRule:
    """One context: the articles it suggests and the product pages it applies to.

    Attributes:
        id: What ``data-context`` says.
        categories: Category ids whose articles belong to the context.
        tags: Tags whose articles belong to the context.
        pages: Glob patterns of article paths (``billing/*``, with or without ``.md``).
        host_paths: Glob patterns of product-page paths (``/settings/billing*``) that choose
            this context when the page's tag names none.
        limit: Most suggestions shown.
    """

    id: str
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    host_paths: tuple[str, ...] = ()
    limit: int = DEFAULT_LIMIT


@dataclass(frozen=True)
class Suggestion:
    """A suggested article: its path in the locale build and why it was chosen."""

    path: str
    page_id: str
    title: str
    matched: tuple[str, ...]


def _texts(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        problems.append(f"{where}: must be a list of texts, e.g. [billing, invoices]")
        return ()
    return tuple(value)


def parse_contexts(
    raw: Any,
    *,
    where: str,
    categories: Iterable[str] | None = None,
    tags: Iterable[str] | None = None,
) -> list[ContextRule]:
    """Check the ``contexts`` option and return its rules, in the order written.

    Args:
        raw: The option as written: a mapping of context id to its rules.
        where: How the option is named in messages (``mkdocs.yml: plugins > helpcentre/widget
            > contexts``).
        categories: Category ids the site knows (configured, or used by an article); None:
            not checked.
        tags: Tags some article has; None: not checked.

    Raises:
        ContextError: Every problem of every context, one per line, each with its fix.
    """
    problems: list[str] = []
    rules: list[ContextRule] = []
    if raw in (None, {}):
        return rules
    if not isinstance(raw, Mapping):
        raise ContextError(
            f"{where}: must map context ids to rules, e.g. billing: {{categories: [billing]}}"
        )
    known_categories = None if categories is None else set(categories)
    known_tags = None if tags is None else set(tags)
    for key, value in raw.items():
        here = f"{where} > {key}"
        name = str(key)
        if not _CONTEXT_ID.fullmatch(name):
            problems.append(
                f"{here}: context id must be lowercase letters, digits, '-' or '_' (at most 40), "
                "as product pages write it in data-context"
            )
        if not isinstance(value, Mapping):
            problems.append(
                f"{here}: must be rules, e.g. {{categories: [billing], tags: [payment]}}"
            )
            continue
        for unknown in sorted(set(map(str, value)) - set(RULE_KEYS)):
            problems.append(f"{here} > {unknown}: unknown key -- use {', '.join(RULE_KEYS)}")
        rule_categories = _texts(value.get("categories"), f"{here} > categories", problems)
        for category in rule_categories:
            if known_categories is not None and category not in known_categories:
                problems.append(
                    f"{here} > categories: unknown category '{category}' -- use one of "
                    f"{', '.join(sorted(known_categories))}"
                )
        rule_tags = _texts(value.get("tags"), f"{here} > tags", problems)
        for tag in rule_tags:
            if known_tags is not None and tag not in known_tags:
                problems.append(
                    f"{here} > tags: no article has the tag '{tag}' -- check its spelling or "
                    "add it to an article's 'tags:'"
                )
        pages = _texts(value.get("pages"), f"{here} > pages", problems)
        host_paths = _texts(value.get("host_paths"), f"{here} > host_paths", problems)
        for pattern in host_paths:
            if not pattern.startswith("/"):
                problems.append(
                    f"{here} > host_paths: '{pattern}' must start with '/' (a path of the "
                    "product's pages, e.g. /settings/billing*)"
                )
        limit = value.get("limit", DEFAULT_LIMIT)
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 20:
            problems.append(f"{here} > limit: must be a whole number from 1 to 20, e.g. limit: 5")
            limit = DEFAULT_LIMIT
        if not (rule_categories or rule_tags or pages):
            problems.append(f"{here}: names no articles -- give categories, tags or pages")
        rules.append(ContextRule(name, rule_categories, rule_tags, pages, host_paths, int(limit)))
    if problems:
        raise ContextError("\n".join(problems))
    return rules


def glob_matches(pattern: str, text: str) -> bool:
    """Whether ``text`` matches ``pattern``: ``*`` any characters, ``?`` one, nothing else
    special (the widget's script reads ``host_paths`` the same way)."""
    expression = "".join(
        ".*" if char == "*" else "." if char == "?" else re.escape(char) for char in pattern
    )
    return re.fullmatch(expression, text, re.DOTALL) is not None


def _page_matches(path: str, pattern: str) -> bool:
    stem = path[: -len(".md")] if path.endswith(".md") else path
    pattern = pattern.strip("/")
    pattern = pattern[: -len(".md")] if pattern.endswith(".md") else pattern
    return glob_matches(pattern, stem) or glob_matches(pattern + "/index", stem)


def suggested_articles(rule: ContextRule, articles: Mapping[str, Article]) -> list[Suggestion]:
    """The articles a context suggests, best first, at most ``rule.limit``.

    An article belongs to the context when its category, one of its tags, or its path matches
    a rule. Promoted articles come first, then those matching more rules, then by ``order``
    and title. Index (listing) pages and the contact page are never suggested.

    Args:
        rule: The context.
        articles: The articles a locale offers, by path in its build.
    """
    ranked: list[tuple[tuple[Any, ...], Suggestion]] = []
    for path, article in articles.items():
        if article.is_index or article.meta.get("type") == "contact":
            continue
        matched: list[str] = []
        if article_category(article) in rule.categories:
            matched.append(f"category:{article_category(article)}")
        tags = {str(tag) for tag in article.meta.get("tags") or ()}
        matched += [f"tag:{tag}" for tag in rule.tags if tag in tags]
        matched += [f"page:{p}" for p in rule.pages if _page_matches(path, p)]
        if not matched:
            continue
        order = article.meta.get("order")
        key = (
            not article.meta.get("promoted"),
            -len(matched),
            order if isinstance(order, int) and not isinstance(order, bool) else 1_000_000,
            article.title.casefold(),
            path,
        )
        ranked.append((key, Suggestion(path, article.page_id, article.title, tuple(matched))))
    ranked.sort(key=lambda item: item[0])
    return [suggestion for _, suggestion in ranked[: rule.limit]]


def context_for_path(rules: Iterable[ContextRule], path: str) -> str | None:
    """The first context whose ``host_paths`` match a product page's path, or None.

    The widget's script applies the same patterns in the browser; this is their reference.
    """
    for rule in rules:
        if any(glob_matches(pattern, path) for pattern in rule.host_paths):
            return rule.id
    return None
