"""Internal links and anchors: find them with their line numbers and report the broken ones.

MkDocs validates links too, but without line numbers and with the page's anchors only after
rendering; writers need ``path:line: problem -- fix``. The scan works on the Markdown source; the
site model (``helpcentre.site``) checks the links it finds, once for the build and the commands.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import markdown

# Inline links and images: [text](target "title") / ![alt](target); reference definitions, but
# not footnote definitions ("[^1]: In macOS, ..."), whose first word is text, not a target.
_INLINE = re.compile(
    r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)"
)
_REFERENCE = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_FENCE = re.compile(r"^\s{0,3}(```+|~~~+)")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

#: Extensions that decide which ids headings get; they match the reference mkdocs.yml.
ANCHOR_EXTENSIONS = ("toc", "attr_list", "admonition", "md_in_html", "def_list", "tables")


@dataclass(frozen=True)
class Link:
    """A link found in an article.

    Attributes:
        source: The article's path relative to the docs folder (posix).
        line: 1-based line number in the file.
        target: The link as written.
    """

    source: str
    line: int
    target: str

    def resolve(self) -> tuple[str | None, str]:
        """The linked docs path (``None``: this article) and the anchor (``""`` if none)."""
        parts = urlsplit(self.target)
        path = unquote(parts.path)
        if not path:
            return None, parts.fragment
        base = posixpath.dirname(self.source)
        return posixpath.normpath(posixpath.join(base, path)), parts.fragment


def is_internal(target: str) -> bool:
    """Whether ``target`` points inside the docs folder (not a URL, mail or absolute path)."""
    return not (_SCHEME.match(target) or target.startswith(("//", "/")))


def find_links(source: str, text: str, *, first_line: int = 1) -> list[Link]:
    """Internal links of a Markdown text, skipping fenced code blocks and inline code.

    Indented lines are scanned: in help articles they are admonition and list bodies, not code.

    Args:
        source: The article's docs-relative path (posix).
        text: The Markdown body.
        first_line: Line number, in the file, of the body's first line.

    Returns:
        The links to other docs files or to anchors, in order.
    """
    links: list[Link] = []
    fence: str | None = None
    for offset, raw in enumerate(text.splitlines()):
        opener = _FENCE.match(raw)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            continue
        if opener:
            fence = opener.group(1)
            continue
        line = _INLINE_CODE.sub("", raw)
        targets = [m.group(1) for m in _INLINE.finditer(line)]
        reference = _REFERENCE.match(line)
        if reference:
            targets.append(reference.group(1))
        for target in targets:
            if is_internal(target):
                links.append(Link(source, first_line + offset, target))
    return links


class _IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"id", "name"} and value:
                self.ids.add(value)


def anchors_in_html(html: str) -> set[str]:
    """Every ``id`` (and ``<a name>``) in rendered HTML: the anchors a link may point to."""
    collector = _IdCollector()
    collector.feed(html)
    collector.close()
    return collector.ids


def anchors_in_markdown(text: str) -> set[str]:
    """Anchors of a Markdown body, rendered with the extensions the reference site uses."""
    return anchors_in_html(markdown.markdown(text, extensions=list(ANCHOR_EXTENSIONS)))
