"""What the site model reads from ``mkdocs.yml``: the options several capabilities share.

``mkdocs.yml`` is read as plain YAML (MkDocs' ``!ENV``, ``!relative`` and ``!!python/name:`` tags
become ``None``), so ``helpcentre check`` and the build read the same options without MkDocs.
Options that more than one feature needs -- the locales, the collector endpoint, the feedback
summary -- are read here once, from the plugin that owns them.

This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from helpcentre.content.frontmatter import ContentError

I18N = "helpcentre/i18n"
CONTENT = "helpcentre/content"
STALE = "helpcentre/stale"
FEEDBACK = "helpcentre/feedback"
SEARCH = "helpcentre/search"
WIDGET = "helpcentre/widget"


class _ConfigLoader(yaml.SafeLoader):
    """Keeps only plain data: custom tags become None, which the model never needs."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    """Parse ``mkdocs.yml`` as plain data.

    Raises:
        ContentError: The file is missing or is not valid YAML (names file and line).
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(
            path, 0, "configuration file not found", "pass --config path/to/mkdocs.yml"
        ) from None
    try:
        data = yaml.load(text, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError(
            path, mark.line + 1 if mark else 0, f"not valid YAML: {error}", "fix the YAML syntax"
        ) from None
    return data if isinstance(data, dict) else {}


def plugin_options(config: Mapping[str, Any], name: str) -> dict[str, Any] | None:
    """Options of plugin ``name`` in a parsed ``mkdocs.yml`` (``{}`` if listed bare), else None."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    else:
        entries = [
            next(iter(item.items())) if isinstance(item, dict) else (item, {}) for item in plugins
        ]
    for entry_name, options in entries:
        if entry_name == name:
            return dict(options or {})
    return None


@dataclass
class SiteSettings:
    """The options of a help centre that the model and every capability read.

    Attributes:
        config_file: The ``mkdocs.yml`` read, or None for a bare docs folder.
        docs_root: The folder of the docs: one folder per locale when ``multilingual``.
        multilingual: Whether ``helpcentre/i18n`` builds one site per locale folder.
        default_locale: The source locale.
        locales: Configured locale codes with their optional display names, in switcher order.
        locales_dir: Where the Babel catalogs live.
        fallback: Whether a locale publishes the source articles it lacks.
        translation_key: Front matter key that pairs a translation with its original when
            their file names differ (e.g. ``permalink``); None pairs by path only.
        known_keys: Front matter keys of other plugins that raise no "unknown key" warning.
        categories: The ``helpcentre/content`` categories as written.
        stale: The ``helpcentre/stale`` options as written (None when the plugin is absent).
        endpoint: The collector's base URL, shared by every feature that talks to it.
        feedback_summary: Feedback summary file (absolute) or database URL, or None.
        summary_since: How far back the summary counts (``90d``).
        today: The date rules compare against (None: today).
        contact_channels: The ``helpcentre/content`` contact channels as written (the contact
            page and the widget's hand-off show them).
        contact_timezone: The channels' time zone unless a channel names its own.
        widget_contexts: The ``helpcentre/widget`` contexts as written (None without the
            plugin); the model checks them.
        synonyms_file: Where each locale's search synonyms are (``{locale}`` in the path), from
            ``helpcentre/search > synonyms_file``, resolved against the configuration's folder.
        search_lexicon: Whether searches use the shipped everyday lexicon
            (``helpcentre/search > lexicon``).
    """

    config_file: Path | None
    docs_root: Path
    multilingual: bool = False
    default_locale: str = "en"
    locales: list[tuple[str, str | None]] = field(default_factory=list)
    locales_dir: Path = Path("locales")
    fallback: bool = True
    translation_key: str | None = None
    known_keys: frozenset[str] = frozenset()
    categories: list[Any] = field(default_factory=list)
    stale: dict[str, Any] | None = None
    endpoint: str = "/api/v1"
    feedback_summary: str | None = None
    summary_since: str = "90d"
    today: dt.date | None = None
    contact_channels: list[Any] = field(default_factory=list)
    contact_timezone: str = "UTC"
    widget_contexts: Any = None
    synonyms_file: str = "locales/{locale}/synonyms.txt"
    search_lexicon: bool = True

    @property
    def locale_codes(self) -> list[str]:
        """The configured locale codes."""
        return [code for code, _ in self.locales]


def _resolve(base: Path, value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    return value if "://" in value else str((base / value).resolve())


def _endpoint(
    feedback: Mapping[str, Any], search: Mapping[str, Any], content: Mapping[str, Any]
) -> str:
    """The collector endpoint: ``helpcentre/feedback > endpoint``, else the options it replaced."""
    for options, key in (
        (feedback, "endpoint"),
        (search, "report_endpoint"),
        (content, "collector_endpoint"),
    ):
        if isinstance(options.get(key), str):
            return str(options[key])
    return "/api/v1"


def _locale_folders(docs_root: Path) -> list[str]:
    if not docs_root.is_dir():
        return []
    return sorted(
        entry.name
        for entry in docs_root.iterdir()
        if entry.is_dir() and not entry.name.startswith((".", "_"))
    )


def site_settings(
    config_file: Path | None,
    *,
    docs_root: Path | None = None,
    config: Mapping[str, Any] | None = None,
) -> SiteSettings:
    """Read the shared options from ``mkdocs.yml``.

    Args:
        config_file: The configuration file; None for a docs folder without one.
        docs_root: The docs folder, when it is not ``docs_dir`` of the file (a build that overrides
            it, or ``helpcentre check --docs``).
        config: The file's data when already parsed.

    Raises:
        ContentError: The file cannot be read.
    """
    if config is None:
        config = read_mkdocs_config(config_file) if config_file is not None else {}
    base = Path(config_file).parent if config_file is not None else Path.cwd()
    if docs_root is None:
        docs_root = base / str(config.get("docs_dir") or "docs")
    i18n = plugin_options(config, I18N)
    content = plugin_options(config, CONTENT) or {}
    stale = plugin_options(config, STALE)
    feedback = plugin_options(config, FEEDBACK) or {}
    widget = plugin_options(config, WIDGET)
    multilingual = i18n is not None and i18n.get("enabled", True) is not False
    if config_file is None:
        # A bare docs folder: one folder per locale, as ``helpcentre check --docs`` expects.
        i18n = {"locales": _locale_folders(Path(docs_root))}
        multilingual = bool(i18n["locales"])
        if multilingual and "en" not in i18n["locales"]:
            i18n["default_locale"] = i18n["locales"][0]
    i18n = i18n or {}
    theme = config.get("theme") if isinstance(config.get("theme"), Mapping) else {}
    language = str((theme or {}).get("language") or "en")
    default = str(i18n.get("default_locale") or (language if not multilingual else "en"))
    locales: list[tuple[str, str | None]] = []
    for entry in i18n.get("locales") or []:
        if isinstance(entry, Mapping) and entry.get("locale"):
            locales.append((str(entry["locale"]), entry.get("name")))
        elif isinstance(entry, str):
            locales.append((entry, None))
    if not multilingual:
        locales = [(default, None)]
    summary = feedback.get("summary")
    if summary is None and stale:
        # The stale plugin's own option before the summary was configured once, in feedback.
        summary = stale.get("feedback_summary")
    today = (stale or {}).get("today") or content.get("today")
    if isinstance(today, str):
        try:
            today = dt.date.fromisoformat(today)
        except ValueError:
            today = None
    known = content.get("known_keys") or []
    search = plugin_options(config, SEARCH) or {}
    return SiteSettings(
        config_file=Path(config_file) if config_file is not None else None,
        docs_root=Path(docs_root),
        multilingual=multilingual,
        default_locale=default,
        locales=locales,
        locales_dir=base / str(i18n.get("locales_dir") or "locales"),
        fallback=bool(i18n.get("fallback_enabled", True)),
        translation_key=str(i18n["translation_key"]) if i18n.get("translation_key") else None,
        known_keys=frozenset(str(key) for key in known if isinstance(key, str)),
        categories=list(content.get("categories") or []),
        stale=dict(stale) if stale is not None and stale.get("enabled", True) else None,
        endpoint=_endpoint(feedback, search, content),
        feedback_summary=_resolve(base, summary),
        summary_since=str(feedback.get("summary_since") or "90d"),
        today=today if isinstance(today, dt.date) else None,
        contact_channels=list(content.get("contact_channels") or []),
        contact_timezone=str(content.get("contact_timezone") or "UTC"),
        widget_contexts=(widget or {}).get("contexts")
        if widget is not None and widget.get("enabled", True) is not False
        else None,
        synonyms_file=str(
            base / str(search.get("synonyms_file") or "locales/{locale}/synonyms.txt")
        ),
        search_lexicon=search.get("lexicon", True) is not False,
    )
