"""Fold the sections of a large category in the theme's navigation, but the page's own.

With ``navigation.tabs`` and ``navigation.sections``, Material lists every section of the page's
category open, each with all its articles: every page of a category links to every article of
it, so the pages grow with the category and the build (bytes written, compressed, rendered) with
the square of the site. A help centre shows "articles in this section" instead: the sidebar lists
the category's sections, and only the section holding the page is open with its articles.

This module changes the theme's navigation so: in a category of more than ``limit`` articles, a
section that does not hold the page is not rendered as an open section but as the theme's
collapsed item. With ``navigation.prune`` that is one link, to the index page of the section's
folder when the build has one (the section page ``helpcentre/content`` generates, in the
navigation or not) and to its first article otherwise, so a page carries the links of its own
section and one per other section; without it, a closed item that opens on a click. A category
of at most ``limit`` articles is rendered as the theme renders it.

The theme's template is read from the installed theme and two lines of it changed (see
:class:`helpcentre.i18n.navcache.NavigationLoader`); a line that is not found (another version
of the theme) stays the theme's: every section open, or linked to its first page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

from jinja2 import Environment

from helpcentre.i18n.navcache import NavigationLoader

#: The theme's test that makes a second-level item of the current tab an open section ...
SECTION_TEST = "{% if level == 2 and parent.active %}"
#: ... and the same test, asking :meth:`SectionFolding.folds` first.
FOLDING_TEST = (
    "{% if level == 2 and parent.active and not helpcentre_nav_folds(nav_item, parent) %}"
)
#: The theme's collapsed item, which links to the item's first page ...
COLLAPSED_ITEM = "{{ render_pruned(nav_item) }}"
#: ... and the same, linking a folded section to :meth:`SectionFolding.landing`.
LANDING_ITEM = "{{ render_pruned(helpcentre_nav_landing(nav_item, level, parent), nav_item) }}"


class SectionFolding:
    """Which sections of one build's navigation render folded.

    Args:
        limit: Categories of at most this many articles keep every section open.
        index_pages: Folder (``orders/tracking``) to the URL of its index page, for the pages of
            the build, in the navigation or not (``helpcentre/content`` generates a section's
            page there).
    """

    def __init__(self, limit: int, index_pages: Mapping[str, str] | None = None) -> None:
        self.limit = limit
        self.index_pages = dict(index_pages or {})
        self.counts: dict[int, int] = {}
        self.folders: dict[int, str | None] = {}

    def install(self, env: Environment) -> None:
        """Change the theme's navigation in ``env`` (before any template is loaded)."""
        changes = NavigationLoader.of(env).changes
        changes += [(SECTION_TEST, FOLDING_TEST), (COLLAPSED_ITEM, LANDING_ITEM)]
        env.globals["helpcentre_nav_folds"] = self.folds
        env.globals["helpcentre_nav_landing"] = self.landing

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

    def folder(self, item: Any) -> str | None:
        """The folder of a section's pages (``orders/tracking``), or ``None`` without pages."""
        if id(item) not in self.folders:
            found = None
            for child in getattr(item, "children", None) or []:
                source = getattr(getattr(child, "file", None), "src_uri", None)
                if getattr(child, "is_page", False) and isinstance(source, str):
                    found = posixpath.dirname(source)
                    break
            else:
                for child in getattr(item, "children", None) or []:
                    inner = self.folder(child) if getattr(child, "children", None) else None
                    if inner is not None:
                        found = posixpath.dirname(inner)
                        break
            self.folders[id(item)] = found
        return self.folders[id(item)]

    def landing(self, item: Any, level: Any, category: Any) -> Any:
        """What the collapsed item of ``item`` links to, as the theme's ``render_pruned`` reads it.

        A folded section links to the index page of its folder when the build has one (such as
        the section page ``helpcentre/content`` generates, which lists the section's articles);
        any other item, and a section without such a page, to its first page, as the theme does.
        """
        if level == 2 and self.folds(item, category):
            folder = self.folder(item)
            url = self.index_pages.get(folder) if folder else None
            if url is not None:
                return SimpleNamespace(children=[SimpleNamespace(url=url, children=None)])
        return item
