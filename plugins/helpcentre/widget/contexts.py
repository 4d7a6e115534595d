"""Widget suggestions: which articles a product page's help button shows first.

The contexts are the site's (:mod:`helpcentre.site.contexts`, checked with the site model);
:func:`suggested_articles` applies one to the articles a locale offers
(:func:`helpcentre.site.offered.offered_articles`).

This module never imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from helpcentre.content.article import Article
from helpcentre.site.contexts import ContextRule, glob_matches
from helpcentre.site.offered import article_category


@dataclass(frozen=True)
class Suggestion:
    """A suggested article: its path in the locale build and why it was chosen."""

    path: str
    page_id: str
    title: str
    matched: tuple[str, ...]


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
