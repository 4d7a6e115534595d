"""Pages for AI assistants: ``llms.txt``, ``llms-full.txt`` and a Markdown copy of each article.

Follows the llms.txt proposal (llmstxt.org): ``llms.txt`` at the root of each locale's site is a
Markdown file with the site's name as its heading, its description as a quote, then one section
per category listing ``- [title](url): description``; each link points at the article's Markdown
copy, which sits at the page's URL with ``.md`` appended, ``index.html.md`` for a directory URL
(``orders/track-your-order/`` -> ``orders/track-your-order/index.html.md``). ``llms-full.txt``
holds the copies of every listed article, one after the other, for an assistant that wants the
whole locale in one request.

What the search leaves out (pages excluded from search, expired articles hidden from search,
fallback pages published from another locale) is left out here too: the adapter decides that and
hands only the pages an assistant may read.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

#: Where the files go inside each locale's site.
INDEX_FILE = "llms.txt"
FULL_FILE = "llms-full.txt"

# An inline link or image target that is a relative Markdown file: ``](../a/b.md#anchor "t")``.
_MD_LINK = re.compile(
    r"\]\((?!(?:[a-z][a-z0-9+.-]*:|/|#))([^)\s#]+\.md)(#[^)\s]*)?((?:\s[^)]*)?)\)"
)
# attr_list's ``{#id .class}`` at the end of a heading: the HTML page needs it, a reader does not.
_HEADING_ATTRS = re.compile(r"^(#{1,6}[ \t].*?)[ \t]*\{[#.:][^}]*\}[ \t]*$", re.MULTILINE)
_FIRST_HEADING = re.compile(r"^\s*#\s+\S")


@dataclass(frozen=True)
class AssistantPage:
    """One page an assistant may read.

    Attributes:
        source: Path of the Markdown file inside the locale's docs folder (posix).
        url: The HTML page's URL relative to the locale's site root (``orders/track/``).
        title: The page's title.
        description: One sentence about the page, or ``""``.
        category: Id of the category it is listed under (``""``: not under a category).
        body: The Markdown without its front matter, as the writer wrote it.
        listed: Whether ``llms.txt`` lists it (home and listing pages get a copy only).
    """

    source: str
    url: str
    title: str
    description: str
    category: str
    body: str
    listed: bool = True


@dataclass(frozen=True)
class Category:
    """A heading of ``llms.txt``: the category's id and its name in the locale."""

    id: str
    name: str


def markdown_url(page_url: str) -> str:
    """URL of a page's Markdown copy, relative to the site root, as llms.txt proposes.

    Args:
        page_url: The HTML page's URL relative to the site root (``""`` for the home page).
    """
    if page_url == "" or page_url.endswith("/"):
        return f"{page_url}index.html.md"
    return f"{page_url}.md"


def _link(target: str, *, base_url: str, from_path: str) -> str:
    """``target`` (relative to the site root) as ``from_path``'s file links to it."""
    if base_url:
        return urljoin(base_url, target)
    return posixpath.relpath(target, posixpath.dirname(from_path) or ".")


def markdown_copy(
    page: AssistantPage,
    *,
    pages: Mapping[str, AssistantPage],
    base_url: str = "",
    at: str | None = None,
) -> str:
    """The Markdown copy of a page: its title, description, a link to the page, its body.

    Relative links to other ``.md`` files are rewritten to point at their copies (or, for a
    page without one, left as written), so an assistant can follow them.

    Args:
        page: The page.
        pages: Every page with a copy, by ``source``.
        base_url: The locale's absolute URL (``https://help.example.com/fr/``), or ``""`` to link
            relatively.
        at: Where the text is written, relative to the site root, when not at the copy's own
            place (``llms-full.txt``); relative links start from there.
    """
    own = at or markdown_url(page.url)

    def relink(match: re.Match[str]) -> str:
        target, anchor, rest = match.group(1), match.group(2) or "", match.group(3) or ""
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.source), target))
        other = pages.get(resolved)
        if other is None:
            return match.group(0)
        href = _link(markdown_url(other.url), base_url=base_url, from_path=own)
        return f"]({href}{anchor}{rest})"

    body = _HEADING_ATTRS.sub(r"\1", _MD_LINK.sub(relink, page.body)).strip()
    head = []
    if not _FIRST_HEADING.match(body):
        head.append(f"# {page.title}")
    if page.description:
        head.append(f"> {page.description}")
    html = _link(page.url or "./", base_url=base_url, from_path=own) if base_url else ""
    if html:
        head.append(f"Source: {html}")
    if not head:
        return body + "\n"
    if _FIRST_HEADING.match(body):
        # The writer's own H1 stays first; description and source follow it.
        first, _, rest = body.partition("\n")
        return "\n\n".join([first, *head, rest.strip()]).rstrip() + "\n"
    return "\n\n".join([*head, body]).rstrip() + "\n"


def _grouped(
    pages: Iterable[AssistantPage], categories: Iterable[Category], other_heading: str
) -> list[tuple[str, list[AssistantPage]]]:
    listed = [page for page in pages if page.listed]
    groups: list[tuple[str, list[AssistantPage]]] = []
    known = set()
    for category in categories:
        members = [page for page in listed if page.category == category.id]
        known.add(category.id)
        if members:
            groups.append((category.name, members))
    rest = [page for page in listed if page.category not in known]
    if rest:
        groups.append((other_heading, rest))
    return groups


@dataclass(frozen=True)
class Listing:
    """What ``llms.txt`` and ``llms-full.txt`` say besides the pages.

    Attributes:
        title: The site's name in the locale.
        description: The site's description (``""``: none).
        categories: The headings, in order; pages of other categories go under ``other_heading``.
        other_heading: Heading of pages outside the given categories.
        base_url: The locale's absolute URL, or ``""`` for links relative to the files.
    """

    title: str
    description: str
    categories: tuple[Category, ...]
    other_heading: str
    base_url: str = ""


def llms_index(pages: Iterable[AssistantPage], listing: Listing) -> str:
    """The text of ``llms.txt`` for one locale; only ``listed`` pages appear, in the given order."""
    base_url = listing.base_url
    lines = [f"# {listing.title}", ""]
    if listing.description:
        lines += [f"> {listing.description}", ""]
    full = _link(FULL_FILE, base_url=base_url, from_path=INDEX_FILE)
    lines += [f"Every article below in one file: [{FULL_FILE}]({full})", ""]
    for heading, members in _grouped(pages, listing.categories, listing.other_heading):
        lines += [f"## {heading}", ""]
        for page in members:
            href = _link(markdown_url(page.url), base_url=base_url, from_path=INDEX_FILE)
            entry = f"- [{_text(page.title)}]({href})"
            if page.description:
                entry += f": {_text(page.description)}"
            lines.append(entry)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def llms_full(pages: Iterable[AssistantPage], listing: Listing) -> str:
    """The text of ``llms-full.txt``: the Markdown copy of every listed page, by category.

    Links are absolute when the listing has a ``base_url``, else relative to the site root
    (where the file is).
    """
    pages = list(pages)
    by_source = {page.source: page for page in pages}
    title = listing.title
    parts = [f"# {title}\n\n> {listing.description}" if listing.description else f"# {title}"]
    for _heading, members in _grouped(pages, listing.categories, listing.other_heading):
        for page in members:
            copy = markdown_copy(page, pages=by_source, base_url=listing.base_url, at=FULL_FILE)
            parts.append(copy.rstrip())
    return "\n\n---\n\n".join(parts) + "\n"


def _text(value: str) -> str:
    """One line of text that cannot close the Markdown link it sits in."""
    return " ".join(value.split()).replace("[", "\\[").replace("]", "\\]")


def llms_root(
    locales: Iterable[tuple[str, str]], *, title: str, description: str, base_url: str = ""
) -> str:
    """The root ``llms.txt`` of a multilingual site: one link per locale's own ``llms.txt``.

    Args:
        locales: ``(code, name)`` of each locale, in order; each one's files are under
            ``<code>/``.
        title: The site's name.
        description: The site's description (``""``: none).
        base_url: The site's absolute URL, or ``""`` for relative links.
    """
    lines = [f"# {title}", ""]
    if description:
        lines += [f"> {description}", ""]
    lines += ["## Languages", ""]
    for code, name in locales:
        index = _link(f"{code}/{INDEX_FILE}", base_url=base_url, from_path=INDEX_FILE)
        full = _link(f"{code}/{FULL_FILE}", base_url=base_url, from_path=INDEX_FILE)
        lines.append(f"- [{_text(name)} ({code})]({index}): every article; in one file: {full}")
    return "\n".join(lines) + "\n"
