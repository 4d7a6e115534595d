"""The Atom feed: valid XML in the Atom namespace, newest first, with dates and links."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from helpcentre.content.feeds import ATOM, FeedEntry, as_datetime, atom_feed

NS = {"a": ATOM}


def entry(name: str, updated: dt.date, published: dt.date | None = None) -> FeedEntry:
    return FeedEntry(
        id=f"https://help.example/fr/{name}/",
        title=f"Titre {name} & <co>",
        url=f"https://help.example/fr/{name}/",
        summary="Résumé",
        updated=as_datetime(updated),
        published=as_datetime(published) if published else None,
        category="orders",
    )


def test_feed_parses_as_atom_newest_first_with_limit() -> None:
    xml = atom_feed(
        [
            entry("old", dt.date(2025, 1, 2)),
            entry("new", dt.date(2026, 5, 6), dt.date(2024, 1, 1)),
            entry("mid", dt.date(2025, 9, 9)),
        ],
        title="Centre d'aide",
        feed_url="https://help.example/fr/feed.xml",
        site_url="https://help.example/fr/",
        language="fr",
        limit=2,
    )
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == f"{{{ATOM}}}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert root.findtext("a:id", namespaces=NS) == "https://help.example/fr/feed.xml"
    assert root.findtext("a:updated", namespaces=NS) == "2026-05-06T00:00:00Z"
    assert root.find("a:link[@rel='self']", NS).get("href") == "https://help.example/fr/feed.xml"
    entries = root.findall("a:entry", NS)
    assert [e.findtext("a:title", namespaces=NS) for e in entries] == [
        "Titre new & <co>",
        "Titre mid & <co>",
    ]
    first = entries[0]
    assert first.find("a:link", NS).get("href") == "https://help.example/fr/new/"
    assert first.findtext("a:published", namespaces=NS) == "2024-01-01T00:00:00Z"
    assert first.find("a:category", NS).get("term") == "orders"
    assert first.findtext("a:author/a:name", namespaces=NS) == "Centre d'aide"
    assert entries[1].find("a:published", NS) is None


def test_dates_become_utc_datetimes() -> None:
    paris = dt.timezone(dt.timedelta(hours=2))
    assert as_datetime(dt.date(2026, 1, 2)).tzinfo is dt.timezone.utc
    assert as_datetime(dt.datetime(2026, 1, 2, 10, tzinfo=paris)).hour == 10
    xml = atom_feed(
        [FeedEntry("i", "t", "u", "", dt.datetime(2026, 1, 2, 10, tzinfo=paris))],
        title="t",
        feed_url="f",
        site_url="s",
        language="en",
    )
    assert "<updated>2026-01-02T08:00:00Z</updated>" in xml


def test_empty_feed_is_still_valid() -> None:
    root = ET.fromstring(
        atom_feed([], title="t", feed_url="f", site_url="s", language="ja").encode("utf-8")
    )
    assert root.findall("a:entry", NS) == []
