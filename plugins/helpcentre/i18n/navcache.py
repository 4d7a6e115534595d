"""Render each branch of Material's navigation once per folder instead of once per page.

Material writes the whole navigation into every page, so a locale of *n* pages renders *n*
navigation trees: the larger part of a locale build. A branch the page is not in renders the same
HTML on most pages: its items are not active, and its links, relative to the page, differ only
between pages in different folders. This module wraps the theme's recursive macro
(``render`` of ``partials/nav-item.html``) so that such a branch is rendered once per folder and
reused; the branch holding the page is rendered as before. The pages are the same, byte for byte
(the test-suite compares builds with and without the cache).

The theme's template is read from the installed theme and changed only where the macro starts; if
that line is not found (another version of the theme), the navigation renders uncached.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

from jinja2 import BaseLoader, Environment, Undefined, pass_context
from jinja2.runtime import Context

#: The template and the line where its recursive macro starts.
TEMPLATE = "partials/nav-item.html"
MACRO = "{% macro render(nav_item, path, level, parent) %}"

#: Replaces MACRO: the theme's macro under another name, called through the cache. Recursive calls
#: inside the theme's macro go to ``render``, hence through the cache too.
WRAPPED = (
    "{% macro render(nav_item, path, level, parent) -%}"
    "{{ helpcentre_nav_item(render_uncached, nav_item, path, level, parent) }}"
    "{%- endmacro %}\n"
    "{% macro render_uncached(nav_item, path, level, parent) %}"
)


class NavigationLoader(BaseLoader):
    """The theme's loader, serving ``partials/nav-item.html`` with helpcentre's changes to it.

    Each change replaces one line of the theme's template; a line the template does not hold
    exactly once (another version of the theme) is left as it is, and so is the template.
    """

    def __init__(self, loader: BaseLoader, changes: list[tuple[str, str]] | None = None) -> None:
        self.loader = loader
        self.changes = list(changes or [])

    @classmethod
    def of(cls, env: Environment) -> NavigationLoader:
        """The loader of ``env``, wrapped once (before any template is loaded)."""
        if not isinstance(env.loader, NavigationLoader):
            assert env.loader is not None, "the theme's environment has no loader"
            env.loader = cls(env.loader)
        return env.loader

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.loader.get_source(environment, template)
        if template == TEMPLATE:
            for line, replacement in self.changes:
                if source.count(line) == 1:
                    source = source.replace(line, replacement)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()


class NavigationCache:
    """Rendered branches of one build's navigation, keyed by branch and the page's folder."""

    def __init__(self) -> None:
        self.rendered: dict[tuple[Any, ...], Any] = {}
        self.urls: dict[int, list[str]] = {}
        self.branches: dict[int, tuple[frozenset[str], str]] = {}
        self.hits = 0

    def install(self, env: Environment) -> None:
        """Wrap the theme's navigation macro in ``env`` (before any template is loaded)."""
        NavigationLoader.of(env).changes.append((MACRO, WRAPPED))
        env.globals["helpcentre_nav_item"] = self.render

    def _branch_urls(self, item: Any) -> list[str]:
        # Every URL the branch links to (the theme links a pruned branch to its first page).
        urls = self.urls.get(id(item))
        if urls is None:
            urls = []
            url = getattr(item, "url", None)
            if isinstance(url, str):
                urls.append(url)
            for child in getattr(item, "children", None) or []:
                urls.extend(self._branch_urls(child))
            self.urls[id(item)] = urls
        return urls

    def _branch(self, item: Any) -> tuple[frozenset[str], str]:
        """The folders the branch links into or to, and the folder all its links share.

        Computed once per branch: a page asks about every branch of its navigation, and a
        category's branch holds a share of all pages, so scanning its links per page would grow
        with the square of the site.
        """
        found = self.branches.get(id(item))
        if found is None:
            folders: set[str] = set()
            root: list[str] | None = None
            for url in self._branch_urls(item):
                parts = url.strip("/").split("/")
                # "a/b/c/" is inside "a", "a/b" and "a/b/c" (url.startswith(folder + "/")).
                folders.update("/".join(parts[:end]) for end in range(1, len(parts) + 1))
                if root is None:
                    root = parts
                else:
                    shared = 0
                    while shared < min(len(root), len(parts)) and root[shared] == parts[shared]:
                        shared += 1
                    root = root[:shared]
            found = self.branches[id(item)] = (frozenset(folders), "/".join(root or []))
        return found

    def key(self, item: Any, path: Any, level: Any, parent: Any, page: Any) -> tuple | None:
        """The cache key of a branch on ``page``, or ``None`` when it must be rendered anew."""
        page_url = getattr(page, "url", None)
        if not isinstance(page_url, str) or getattr(item, "active", True) or item is page:
            return None
        pages = getattr(item, "pages", None)
        if pages and not isinstance(pages, Undefined) and page in pages:
            return None
        # The folder MkDocs makes links relative to (mkdocs.utils.get_relative_url).
        folder = page_url
        if folder != ".":
            head, tail = posixpath.split(folder)
            folder = head if "." in tail else folder
        folder = folder.strip("/")
        folders, root = self._branch(item)
        if not folder or folder in folders:
            # A branch linking into the page's own folder reads differently from each page.
            base = folder
        elif root and not (folder + "/").startswith(root + "/"):
            # All links of the branch sit under ``root``, which is not above the page's folder:
            # each link reads as the way from the page to ``root`` followed by the same rest
            # ("../../section-2/" + "article/"), so pages of any folder at that way share it.
            base = "to:" + posixpath.relpath("/" + root, "/" + folder)
        else:
            # Relative to "a/b/leaf", a link outside "a/b/leaf" reads the same for every leaf.
            base = "..:" + posixpath.dirname(folder)
        parent_active = None if isinstance(parent, Undefined) else getattr(parent, "active", None)
        return (id(item), path, level, parent_active, base)

    @pass_context
    def render(
        self, context: Context, macro: Any, item: Any, path: Any, level: Any, parent: Any
    ) -> Any:
        """Called by the wrapped macro: the branch from the cache, or rendered (and kept)."""
        key = self.key(item, path, level, parent, context.get("page"))
        if key is None:
            return macro(item, path, level, parent)
        html = self.rendered.get(key)
        if html is None:
            html = self.rendered[key] = macro(item, path, level, parent)
        else:
            self.hits += 1
        return html
