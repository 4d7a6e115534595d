"""What a locale build offers outside its own pages: to the search, to assistants, to the widget.

A locale build publishes more than it offers. Fallback pages (the source locale's articles that a
translation lacks) are readable by link but are offered by the source locale's build; an author's
``search: {exclude: true}`` keeps a page out; so does an expired article when the review policy
hides expired articles from search or leaves them out of the build. Every feature that lists
articles outside the pages themselves reads this one answer.

This module never imports MkDocs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpcentre.content.article import Article

if TYPE_CHECKING:  # the model reads article_category below: no import loop at run time
    from helpcentre.site.model import SiteModel

#: ``helpcentre/stale > expired`` values that keep an expired article from being offered.
_HIDDEN_WHEN_EXPIRED = frozenset({"hide_from_search", "exclude"})


def offered_articles(model: SiteModel, locale: str) -> dict[str, Article]:
    """The articles ``locale``'s build offers, by path in that build, in path order.

    Args:
        model: The site model.
        locale: The locale whose build is asked about.
    """
    stale = model.settings.stale or {}
    hide_expired = str(stale.get("expired") or "keep") in _HIDDEN_WHEN_EXPIRED
    offered: dict[str, Article] = {}
    for path, (origin, origin_path) in sorted(model.published(locale).items()):
        if origin != locale:
            continue  # a fallback: the source locale's build offers it
        article = model.articles(origin)[origin_path]
        search = article.meta.get("search")
        if isinstance(search, dict) and search.get("exclude"):
            continue
        if hide_expired and any(
            flag.rule == "expired" for flag in model.flags_for(origin, article.page_id)
        ):
            continue
        offered[path] = article
    return offered


def article_category(article: Article) -> str:
    """The category an article is listed under: ``category`` in its front matter, else its top
    folder (``""`` for a page at the top)."""
    value = article.meta.get("category")
    if isinstance(value, str) and value:
        return value
    parts = article.path.split("/")
    return parts[0] if len(parts) > 1 else ""
