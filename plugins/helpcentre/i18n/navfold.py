"""Fold the sections of a large category in the theme's navigation, but the page's own.

With ``navigation.tabs`` and ``navigation.sections``, Material lists every section of the page's
category open, each with all its articles: every page of a category links to every article of
it, so the pages grow with the category and the build (bytes written, compressed, rendered) with
the square of the site. A help centre shows "articles in this section" instead: the sidebar lists
the category's sections, and only the section holding the page is open with its articles.

This module changes the theme's navigation so: in a category of more than ``limit`` articles, a
section that does not hold the page is not rendered as an open section but as the theme's
collapsed item. With ``navigation.prune`` that is one link, to the section's index page when it
has one and to its first article otherwise, so a page carries the links of its own section and
one per other section; without it, a closed item that opens on a click. A category of at most
``limit`` articles is rendered as the theme renders it.

The theme's template is read from the installed theme and one line of it changed (see
:class:`helpcentre.i18n.navcache.NavigationLoader`); if that line is not found (another version
of the theme), every section stays open.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from helpcentre.i18n.navcache import NavigationLoader

#: The theme's test that makes a second-level item of the current tab an open section ...
SECTION_TEST = "{% if level == 2 and parent.active %}"
#: ... and the same test, asking :meth:`SectionFolding.folds` first.
FOLDING_TEST = (
    "{% if level == 2 and parent.active and not helpcentre_nav_folds(nav_item, parent) %}"
)


class SectionFolding:
    """Which sections of one build's navigation render folded.

    Args:
        limit: Categories of at most this many articles keep every section open.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.counts: dict[int, int] = {}

    def install(self, env: Environment) -> None:
        """Change the theme's navigation in ``env`` (before any template is loaded)."""
        NavigationLoader.of(env).changes.append((SECTION_TEST, FOLDING_TEST))
        env.globals["helpcentre_nav_folds"] = self.folds

    def articles(self, item: Any) -> int:
        """The number of pages under a navigation item, counted once per item."""
        count = self.counts.get(id(item))
        if count is None:
            children = getattr(item, "children", None) or []
            count = sum(
                self.articles(child)
                if getattr(child, "children", None)
                else int(getattr(child, "is_page", False))
                for child in children
            )
            self.counts[id(item)] = count
        return count

    def folds(self, section: Any, category: Any) -> bool:
        """Whether ``section`` of ``category`` renders folded on the page being rendered.

        Args:
            section: A second-level item of the page's tab (the theme only asks about these).
            category: The tab holding it.
        """
        return not getattr(section, "active", True) and self.articles(category) > self.limit
