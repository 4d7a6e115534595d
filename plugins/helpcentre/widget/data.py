"""What the widget's scripts read: the loader's settings and each locale's widget data.

``widget.js`` carries, inline, what the help button needs before the reader opens it: each
locale's folder, text direction and button label, the default locale, and the contexts'
``host_paths``. ``<locale>/widget/widget.json`` carries what the open panel needs: its strings,
the suggestions of each context, the id and title of every offered article (search results are
matched to them for votes and events), the contact channels and the search worker's address.

This module never imports MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from helpcentre.content.article import Article
from helpcentre.content.contact import Channel, channel_label
from helpcentre.i18n.locales import LocaleInfo
from helpcentre.site.contexts import ContextRule
from helpcentre.widget.contexts import suggested_articles

#: Files, relative to the site's root (loader, panel) or to a locale's root (data).
LOADER_FILE = "widget.js"
PANEL_FILE = "widget/panel.js"
WIDGET_DATA_FILE = "widget/widget.json"
#: Where the loader script takes its settings.
LOADER_MARKER = "/* helpcentre:widget-settings */ null"
#: Context of the events of a page that names no known context.
GENERAL_CONTEXT = "general"

#: The panel's strings, by key, in English (translated through the catalogs).
STRINGS: dict[str, str] = {
    "button": "Help",
    "title": "Help centre",
    "close": "Close help",
    "search": "Search the help centre",
    "suggested": "Suggested articles",
    "results": "Search results",
    "no_results": "No article matches your question.",
    "back": "Back",
    "helpful": "Did this help?",
    "yes": "Yes",
    "no": "No",
    "thanks": "Thank you for your feedback.",
    "contact": "Contact us",
    "contact_intro": "Still stuck? Your question goes with you:",
    "contact_page": "Contact page",
    "open_page": "Open in the help centre",
    "answer": "Answer",
    "loading": "Loading…",
}


def locale_entry(locale: LocaleInfo, gettext: Callable[[str], str], *, path: str) -> dict[str, str]:
    """What the loader knows of one locale: its folder, direction and the button's label."""
    return {"path": path, "dir": locale.direction, "label": gettext(STRINGS["button"])}


def loader_script(
    source: str,
    *,
    locales: Mapping[str, Mapping[str, str]],
    default: str,
    rules: Iterable[ContextRule],
) -> str:
    """``widget.js`` with its settings written in at the marker.

    Raises:
        ValueError: The script has no marker.
    """
    if LOADER_MARKER not in source:
        raise ValueError(f"widget.js has no {LOADER_MARKER!r} marker")
    settings = {
        "locales": dict(locales),
        "default": default,
        "hosts": [[rule.id, list(rule.host_paths)] for rule in rules if rule.host_paths],
    }
    text = json.dumps(settings, ensure_ascii=False, separators=(",", ":"))
    # Inside a script element's text "</" could end it; JSON allows the escaped form.
    return source.replace(LOADER_MARKER, text.replace("</", "<\\/"), 1)


def widget_data(
    *,
    locale: LocaleInfo,
    gettext: Callable[[str], str],
    rules: Iterable[ContextRule],
    general_limit: int,
    articles: Mapping[str, Article],
    urls: Mapping[str, str],
    channels: Iterable[Channel],
    contact_url: str | None,
    endpoint: str,
    worker: str,
) -> dict[str, Any]:
    """The locale's ``widget.json``.

    Args:
        locale: The locale.
        gettext: Its catalogs' ``gettext``.
        rules: The contexts.
        general_limit: Most promoted articles shown where the page names no known context.
        articles: The articles the locale offers, by path in its build.
        urls: Each page's URL relative to the locale's root, by path.
        channels: The contact channels.
        contact_url: The contact page's URL relative to the locale's root, if there is one.
        endpoint: The collector's base URL (relative ones are read from the site's origin).
        worker: The search worker's URL relative to the locale's root, with its parameters.
    """
    ids = {path: article.page_id for path, article in articles.items()}
    contexts = {
        rule.id: [ids[item.path] for item in suggested_articles(rule, articles)] for rule in rules
    }
    if GENERAL_CONTEXT not in contexts:
        promoted = [
            (
                article.meta.get("order") if isinstance(article.meta.get("order"), int) else 10**6,
                article.title.casefold(),
                path,
            )
            for path, article in articles.items()
            if article.meta.get("promoted") and not article.is_index
        ]
        contexts[GENERAL_CONTEXT] = [ids[path] for *_, path in sorted(promoted)[:general_limit]]
    return {
        "locale": locale.code,
        "dir": locale.direction,
        "strings": {key: gettext(text) for key, text in STRINGS.items()},
        "contexts": contexts,
        "articles": {
            article.page_id: [urls[path], article.title]
            for path, article in articles.items()
            if not article.is_index
        },
        "channels": [
            {
                "id": channel.id,
                "kind": channel.kind,
                "label": channel_label(channel, gettext),
                "url": channel.url,
            }
            for channel in channels
        ],
        "contact": contact_url,
        "endpoint": endpoint,
        "worker": worker,
    }
