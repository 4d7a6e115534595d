"""Put the HTML report into a built site, where readers' search and crawlers do not look.

The page goes to ``<site>/_health/index.html`` after the build, so MkDocs never lists it in a
sitemap or a search index; the page itself says ``noindex`` to crawlers that find it anyway.
:func:`write_into_site` checks the site's sitemaps and search indexes afterwards and refuses to
leave a report that one of them lists (which happens when the docs folder has a ``_health``
page of its own).

This module never imports MkDocs.
"""

from __future__ import annotations

import gzip
from pathlib import Path

#: Folder of the report inside the site.
HEALTH_DIR = "_health"
#: Files of a built site that list its pages for crawlers and for site search.
INDEX_PATTERNS = ("sitemap*.xml", "sitemap*.xml.gz", "search_index.json", "pagefind-entry.json")


def index_files(site_dir: Path) -> list[Path]:
    """Every sitemap and search index of ``site_dir`` (all locales), sorted."""
    found: set[Path] = set()
    for pattern in INDEX_PATTERNS:
        found.update(Path(site_dir).rglob(pattern))
    return sorted(path for path in found if path.is_file())


def listing(site_dir: Path) -> list[Path]:
    """The sitemaps and search indexes of ``site_dir`` that mention the report's folder."""
    listed = []
    for path in index_files(site_dir):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        if f"{HEALTH_DIR}/".encode() in data:
            listed.append(path)
    return listed


def write_into_site(site_dir: Path, html: str) -> Path:
    """Write the HTML report to ``<site_dir>/_health/index.html``.

    Returns:
        The file written.

    Raises:
        ValueError: ``site_dir`` is not a built site, or one of its sitemaps or search indexes
            lists the report's folder (the message names it and what to do).
    """
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file() and not index_files(site_dir):
        raise ValueError(
            f"{site_dir}: not a built site (no index.html, sitemap or search index) -- "
            "run 'mkdocs build' first and pass its site_dir"
        )
    listed = listing(site_dir)
    if listed:
        raise ValueError(
            f"{listed[0]}: lists '{HEALTH_DIR}/', so the report would be indexed -- rename the "
            f"docs folder's '{HEALTH_DIR}' page, it is reserved for the health report"
        )
    target = site_dir / HEALTH_DIR / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return target
