"""Atom feed of a locale's new and updated articles.

Dates come from git history when the caller has it (the last content change and the creation of
each file), otherwise from the ``reviewed`` date of the front matter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    """One article in the feed.

    Attributes:
        id: Stable id (tag URI or the absolute URL).
        title: The article's title.
        url: Absolute URL of the article.
        summary: The article's description.
        updated: Last content change (or review).
        published: Creation date, when known.
        category: Category id.
    """

    id: str
    title: str
    url: str
    summary: str
    updated: dt.datetime
    published: dt.datetime | None = None
    category: str = ""


def as_datetime(value: dt.date | dt.datetime) -> dt.datetime:
    """A timezone-aware datetime (dates become midnight UTC)."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)


def _stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def atom_feed(
    entries: Iterable[FeedEntry],
    *,
    title: str,
    feed_url: str,
    site_url: str,
    language: str,
    limit: int = 50,
) -> str:
    """Serialise an Atom 1.0 feed, newest entries first.

    Args:
        entries: The articles.
        title: The feed's title (the site name in the locale).
        feed_url: Absolute URL of the feed itself.
        site_url: Absolute URL of the locale's home page.
        language: The locale (``xml:lang``).
        limit: At most this many entries.
    """
    ordered = sorted(entries, key=lambda e: (e.updated, e.url), reverse=True)[:limit]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = feed_url
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    newest = ordered[0].updated if ordered else dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": feed_url})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": site_url})
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "helpcentre"
    for entry in ordered:
        node = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(node, f"{{{ATOM}}}id").text = entry.id
        ET.SubElement(node, f"{{{ATOM}}}title").text = entry.title
        ET.SubElement(node, f"{{{ATOM}}}link", {"rel": "alternate", "href": entry.url})
        ET.SubElement(node, f"{{{ATOM}}}updated").text = _stamp(entry.updated)
        if entry.published:
            ET.SubElement(node, f"{{{ATOM}}}published").text = _stamp(entry.published)
        if entry.summary:
            ET.SubElement(node, f"{{{ATOM}}}summary").text = entry.summary
        if entry.category:
            ET.SubElement(node, f"{{{ATOM}}}category", {"term": entry.category})
        author = ET.SubElement(node, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = title
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'
