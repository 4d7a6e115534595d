"""Put the HTML report into a built site, where readers' search and crawlers do not look.

The page goes to ``<site>/_health/index.html`` after the build, so MkDocs never lists it in a
sitemap or a search index; the page itself says ``noindex`` to crawlers that find it anyway.
:func:`write_into_site` checks the site's sitemaps and search indexes afterwards and refuses to
leave a report that one of them lists (which happens when the docs folder has a ``_health``
page of its own).

The collector serves the site, ``_health/`` included, to anyone, so what goes there is
:func:`public_view`: aggregates only, with no comment, no search query text and no proposed
synonym. The full report, readers' words included, is for the operator:
``helpcentre report --format html --output FILE`` writes it outside the site, and
``GET /api/v1/export`` gives the raw summary to the holder of the export token.

This module never imports MkDocs.
"""

from __future__ import annotations

import dataclasses
import gzip
from pathlib import Path

from helpcentre.report.model import HealthReport, LocaleHealth

#: Folder of the report inside the site.
HEALTH_DIR = "_health"
#: Files of a built site that list its pages for crawlers and for site search.
INDEX_PATTERNS = ("sitemap*.xml", "sitemap*.xml.gz", "search_index.json", "pagefind-entry.json")


#: What a public page shows instead of a reader's search query in the "fix first" list.
WITHHELD_QUERY = "(search query not published)"
#: The note a public page carries about what it leaves out.
PUBLIC_NOTE = (
    "Readers' comments, search queries and proposed synonyms are not published on this page; "
    "the operator's private report has them."
)


def _public_locale(health: LocaleHealth) -> LocaleHealth:
    synonyms = health.synonyms
    return dataclasses.replace(
        health,
        helpfulness=dataclasses.replace(health.helpfulness, comments=[]),
        searches=dataclasses.replace(health.searches, top_queries=[]),
        # Proposals are made of readers' queries: only their number is public.
        synonyms=None if synonyms is None else dataclasses.replace(synonyms, proposals=[]),
    )


def public_view(report: HealthReport) -> HealthReport:
    """``report`` with every reader-written text removed: aggregates only.

    Comments, top queries and synonym proposals are dropped; a search in the "fix first" list
    keeps its figures and rank but not its query.
    """
    return dataclasses.replace(
        report,
        overall=_public_locale(report.overall),
        per_locale={code: _public_locale(h) for code, h in report.per_locale.items()},
        fix_first=[
            dataclasses.replace(item, page=WITHHELD_QUERY) if item.kind == "search" else item
            for item in report.fix_first
        ],
        notes=[*report.notes, PUBLIC_NOTE],
    )


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
