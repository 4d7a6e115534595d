"""Options of the ``helpcentre/content`` plugin."""

from __future__ import annotations

import datetime

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ContentConfig(Config):
    """Home, category and section pages, article types, related articles, contact, feeds."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off: articles render as plain MkDocs pages."""

    categories = c.Type(list, default=[])
    """The categories, in display order: ``id``, ``name`` and ``description`` (English source
    text, translated through the catalogs), ``icon`` (a Material icon such as
    ``material/truck-outline``), ``owner`` (team of new articles) and ``sections`` (section id to
    source name, in order)."""

    category_pages = c.Type(bool, default=True)
    """Generate ``<category>/`` and ``<category>/<section>/`` listing pages in every locale."""

    promoted_limit = c.Type(int, default=6)
    """Most promoted articles shown on the home page."""

    related_limit = c.Type(int, default=5)
    """Most related articles listed at the end of an article."""

    structured_data = c.Type(bool, default=True)
    """Emit schema.org JSON-LD: FAQPage for FAQ articles, HowTo for guides."""

    contact_timezone = c.Type(str, default="UTC")
    """IANA time zone of the contact channels' hours unless a channel names its own."""

    contact_channels = c.Type(list, default=[])
    """Contact channels: ``id``, ``kind`` (email, chat, phone, social), ``value``, ``url``,
    ``hours`` (``always`` or ``{days: mon-fri, opens: "09:00", closes: "18:00"}``),
    ``timezone`` and ``response`` (``2m``, ``4h``, ``1d``)."""

    contact_suggestions = c.Type(int, default=5)
    """Most articles suggested while a customer types a question on the contact page (0: off)."""

    collector_endpoint = c.Deprecated(
        message="set the collector once, as 'endpoint' under plugins > helpcentre/feedback",
        option_type=c.Type(str),
    )
    """Replaced by ``endpoint`` of ``helpcentre/feedback``: contact-page events are posted to
    ``<endpoint>/contact-events`` (an empty endpoint: not recorded)."""

    known_keys = c.Type(list, default=[])
    """Front matter keys that other plugins read: no "unknown key" warning for them."""

    announcements = c.Type(list, default=[])
    """Announcements: ``id``, ``text`` per locale, ``start`` and ``end`` dates (inclusive) and an
    optional ``link``. The window is evaluated at build time: rebuild the site daily."""

    today = c.Optional(c.Type((str, datetime.date)))
    """Date announcement windows are compared against (ISO); defaults to the build date."""

    feed = c.Type(bool, default=True)
    """Write an Atom feed of new and updated articles per locale (``feed.xml``)."""

    feed_limit = c.Type(int, default=50)
    """Most entries in a feed."""
