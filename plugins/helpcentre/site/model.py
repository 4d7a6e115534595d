"""The site model: one reading of a help centre per build, shared by every plugin and command.

:func:`load_site` reads the configuration's shared options, every locale's articles and how they
pair, one pass of git history, the review policy and the feedback summary, and checks all of it.
The result, :class:`SiteModel`, is what the MkDocs plugins, ``helpcentre check``,
``helpcentre report`` and ``helpcentre translations`` read; none of them reads git or the articles
again. Its :attr:`SiteModel.problems` is the verdict: every problem of every file of every locale,
as :class:`~helpcentre.stale.rules.StaleFlag` records, so ``mkdocs build --strict`` and
``helpcentre check`` judge the same tree the same way.

This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from helpcentre.catalogs import catalog_problems, locale_chain
from helpcentre.content.article import (
    Article,
    duplicate_slugs,
    known_keys,
    read_locale,
    unknown_keys,
)
from helpcentre.content.categories import CategorySpec, parse_categories
from helpcentre.content.frontmatter import ContentError, FrontMatter
from helpcentre.content.links import Link, anchors_in_markdown, find_links
from helpcentre.history import SHALLOW_WARNING, HistoryError, RepositoryHistory, read_history
from helpcentre.i18n.locales import LocaleInfo, parse_locale
from helpcentre.i18n.marker import MARKER_KEY, marker_in
from helpcentre.site.contexts import ContextError, ContextRule, parse_contexts
from helpcentre.site.offered import article_category
from helpcentre.site.settings import SiteSettings
from helpcentre.stale.options import check_options
from helpcentre.stale.pages import StalePage, build_page
from helpcentre.stale.rules import OFF, RuleInputs, StaleFlag, evaluate

#: Rule ids of the model's own checks (the stale rules add theirs).
FRONT_MATTER = "front-matter"
UNKNOWN_KEY = "unknown-key"
MISSING_TITLE = "missing-title"
EMPTY_FILE = "empty-file"
UNKNOWN_CATEGORY = "unknown-category"
UNKNOWN_SECTION = "unknown-section"
DUPLICATE_SLUG = "duplicate-slug"
LOCALE_FOLDER = "locale-folder"
ORPHANED = "orphaned-translation"
PAIRING = "translation-pairing"
CONFIGURATION = "configuration"
CATALOG = "catalog"

#: Level of each of the model's checks.
MODEL_LEVELS: dict[str, str] = {
    FRONT_MATTER: "error",
    UNKNOWN_KEY: "warning",
    MISSING_TITLE: "error",
    EMPTY_FILE: "error",
    UNKNOWN_CATEGORY: "error",
    UNKNOWN_SECTION: "error",
    DUPLICATE_SLUG: "error",
    LOCALE_FOLDER: "error",
    ORPHANED: "warning",
    PAIRING: "error",
    CONFIGURATION: "error",
    CATALOG: "error",
}

#: Article types whose pages must say what they are about.
_ARTICLE_TYPES = frozenset({"faq", "guide", "troubleshooting"})


@dataclass
class LocaleContent:
    """The articles of one locale and how they pair with the source locale's.

    Attributes:
        locale: The locale.
        folder: Its folder (``docs/fr``), or the docs folder of a single-locale site.
        display_prefix: How the writer knows the folder, with a trailing slash (``docs/fr/``).
        articles: Every Markdown file, by path inside the folder.
        source_of: For each translation, the path of its original in the source locale.
    """

    locale: LocaleInfo
    folder: Path
    display_prefix: str
    articles: dict[str, Article] = field(default_factory=dict)
    source_of: dict[str, str] = field(default_factory=dict)

    def translation_of(self, source_path: str) -> str | None:
        """This locale's path of the article whose original is ``source_path``."""
        return self._translations.get(source_path)

    @property
    def _translations(self) -> dict[str, str]:
        cached = self.__dict__.get("_by_source")
        if cached is None:
            cached = {source: path for path, source in self.source_of.items()}
            self.__dict__["_by_source"] = cached
        return cached


@dataclass
class SiteModel:
    """Everything a build or a command knows about the help centre; see the module docstring.

    Attributes:
        settings: The shared options.
        locales: The configured locales, in switcher order.
        content: Each locale's articles and pairing.
        categories: The configured categories.
        history: The repository's history, read once, or None without git.
        notes: Things the reader of a check should know (shallow clone, no git).
        status: Translation status of every locale, when there is more than one.
        summary: The feedback summary, when one is configured.
        pages: The stale rules' view of each article, by ``<locale>/<page id>``.
        problems: The verdict: every problem and stale-rule flag, in path and line order.
        contexts: The help widget's contexts, once checked (none when they are wrong).
    """

    settings: SiteSettings
    locales: list[LocaleInfo]
    content: dict[str, LocaleContent]
    categories: list[CategorySpec] = field(default_factory=list)
    history: RepositoryHistory | None = None
    notes: list[str] = field(default_factory=list)
    status: Any = None
    summary: Any = None
    pages: dict[str, StalePage] = field(default_factory=dict)
    problems: list[StaleFlag] = field(default_factory=list)
    contexts: list[ContextRule] = field(default_factory=list)

    @property
    def default_locale(self) -> str:
        """The source locale."""
        return self.settings.default_locale

    @property
    def failed(self) -> bool:
        """True when a problem is at error level: the build with ``--strict`` and the check fail."""
        return any(flag.level == "error" for flag in self.problems)

    @property
    def blocking_problems(self) -> list[StaleFlag]:
        """Error-level problems of the articles themselves (not of the stale rules or links):
        the build stops on these even without ``--strict``, after reporting them all."""
        return [
            flag for flag in self.problems if flag.level == "error" and flag.rule in MODEL_LEVELS
        ]

    def articles(self, locale: str) -> dict[str, Article]:
        """The articles of ``locale``'s own folder."""
        entry = self.content.get(locale)
        return entry.articles if entry is not None else {}

    def published(self, locale: str) -> dict[str, tuple[str, str]]:
        """What the build of ``locale`` publishes: its path -> (locale of the file, its path).

        The locale's own files, and (with fallback) each source article it has no translation of,
        under the source's path. Computed once per locale: every page of a build asks.
        """
        cache = self.__dict__.setdefault("_published_by_locale", {})
        if locale not in cache:
            cache[locale] = self._published(locale)
        return cache[locale]

    def chain(self, locale: str) -> list[str]:
        """The locales whose content and strings ``locale``'s readers get, nearest first: itself,
        the configured shorter tags of it (``pt-BR`` -> ``pt``), then the default locale."""
        codes = [entry.code for entry in self.locales]
        chain = locale_chain(locale, source_locale=self.default_locale, available=codes)
        return chain if locale == self.default_locale else [*chain, self.default_locale]

    def origin(self, locale: str, path: str) -> str:
        """The locale whose file ``locale``'s build publishes at ``path`` (itself when its own)."""
        return self.published(locale).get(path, (locale, path))[0]

    def _published(self, locale: str) -> dict[str, tuple[str, str]]:
        own = self.content.get(locale)
        result = {path: (locale, path) for path in (own.articles if own else {})}
        source = self.content.get(self.default_locale)
        if (
            locale == self.default_locale
            or source is None
            or own is None
            or not self.settings.fallback
        ):
            return result
        between = [
            self.content[code]
            for code in self.chain(locale)[1:-1]
            if code in self.content and code != locale
        ]
        for path in source.articles:
            if own.translation_of(path) is not None or path in result:
                continue
            # The nearest locale of the chain that translates it (pt for pt-BR), else the source.
            for entry in between:
                translated = entry.translation_of(path)
                if translated is not None and translated not in result:
                    result[translated] = (entry.locale.code, translated)
                    break
            else:
                result[path] = (self.default_locale, path)
        return result

    def counterpart(self, locale: str, path: str, other: str) -> str | None:
        """The path in ``other``'s build of the page ``path`` of ``locale``'s build, if published.

        Pages pair through their original: by path, or by the site's ``translation_key``.
        """
        source_path = self.source_path(locale, path)
        if source_path is None:
            return path if path in self.published(other) else None
        target = self.content.get(other)
        if other == self.default_locale:
            return source_path if target and source_path in target.articles else None
        if target is not None:
            translated = target.translation_of(source_path)
            if translated is not None:
                return translated
        if source_path in self.published(other):
            return source_path
        return None

    def hreflang(self, locale: str, path: str) -> list[tuple[str, str, str]]:
        """Where readers of each locale find the page ``path`` of ``locale``'s build.

        Returns:
            ``(hreflang code, locale of the URL, path in that locale's build)`` for every locale
            publishing the page: its own translation, else the page its build copies (a fallback
            page's canonical URL), so that search engines are pointed at canonical pages only.
        """
        result = []
        for other in self.locales:
            target = self.counterpart(locale, path, other.code)
            if target is None:
                continue
            origin_locale, origin_path = self.published(other.code).get(
                target, (other.code, target)
            )
            if origin_locale != other.code:
                result.append((other.code, origin_locale, origin_path))
            else:
                result.append((other.code, other.code, target))
        return result

    def source_path(self, locale: str, path: str) -> str | None:
        """The original (source locale path) of page ``path`` in ``locale``'s build, if any."""
        if locale == self.default_locale:
            return path if path in self.articles(locale) else None
        entry = self.content.get(locale)
        if entry is not None and path in entry.source_of:
            return entry.source_of[path]
        if entry is not None and path in entry.articles:
            return None
        source = self.articles(self.default_locale)
        return path if path in source else None

    def flags_for(self, locale: str, page_id: str) -> list[StaleFlag]:
        """Stale-rule flags of one page (the model's key ``<locale>/<page id>``)."""
        page = self.pages.get(f"{locale}/{page_id}")
        if page is None:
            return []
        by_path = self.__dict__.get("_flags_by_path")
        if by_path is None:
            # Indexed once: every page of every locale build asks for its own.
            by_path = {}
            for flag in self.problems:
                by_path.setdefault(flag.path, []).append(flag)
            self.__dict__["_flags_by_path"] = by_path
        return by_path.get(page.path, [])

    def display(self, locale: str, path: str) -> str:
        """A locale file as the writer knows it (``docs/fr/orders/x.md``)."""
        entry = self.content.get(locale)
        return f"{entry.display_prefix if entry else ''}{path}"


def _display_root(docs_root: Path) -> str:
    """The docs folder as writers name it: from the repository's top (what pull requests and
    annotations show), else from the working folder."""
    folder = docs_root.resolve()
    for top in (folder, *folder.parents):
        if (top / ".git").exists():
            return folder.relative_to(top).as_posix() or "."
    try:
        return folder.relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return docs_root.as_posix()


def _flag(rule: str, path: str, line: int, reason: str, fix: str, level: str = "") -> StaleFlag:
    return StaleFlag(rule, level or MODEL_LEVELS[rule], path, line, reason, fix)


def _error_flag(rule: str, error: ContentError) -> StaleFlag:
    return _flag(rule, error.path, error.line, error.problem, error.fix)


def _read_locales(settings: SiteSettings, problems: list[StaleFlag]) -> list[LocaleInfo]:
    where = f"{settings.config_file or 'mkdocs.yml'}: plugins > helpcentre/i18n"
    locales = []
    for code, name in settings.locales:
        try:
            locales.append(parse_locale(code, name))
        except ValueError as error:
            problems.append(_flag(CONFIGURATION, where, 0, str(error).split(" -- ")[0], "fix it"))
    if not locales:
        locales.append(LocaleInfo(code=settings.default_locale, name=settings.default_locale))
    return locales


def locale_folder_problems(
    docs_root: Path, locales: Iterable[LocaleInfo], *, display_root: str
) -> list[StaleFlag]:
    """Every folder and Markdown file at the top of ``docs_root`` that belongs to no locale, and
    every locale without a folder -- all of them."""
    locales = list(locales)
    codes = {locale.code for locale in locales}
    problems = []
    listing = sorted(Path(docs_root).iterdir()) if Path(docs_root).is_dir() else []
    for entry in listing:
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_dir() and entry.name not in codes:
            problems.append(
                _flag(
                    LOCALE_FOLDER,
                    f"{display_root}/{entry.name}/",
                    0,
                    f"folder '{entry.name}' is not a configured locale "
                    f"({', '.join(sorted(codes))})",
                    f"add '- locale: {entry.name}' under plugins > helpcentre/i18n > locales in "
                    "mkdocs.yml, or move the folder into a locale folder",
                )
            )
        elif entry.is_file() and entry.suffix == ".md":
            problems.append(
                _flag(
                    LOCALE_FOLDER,
                    f"{display_root}/{entry.name}",
                    0,
                    "article outside any locale folder",
                    f"move it into {display_root}/{locales[0].code}/",
                )
            )
    for locale in locales:
        if not (Path(docs_root) / locale.code).is_dir():
            problems.append(
                _flag(
                    LOCALE_FOLDER,
                    f"{display_root}/{locale.code}/",
                    0,
                    f"locale '{locale.code}' is configured but has no folder",
                    f"create {display_root}/{locale.code}/ (it may start empty: pages fall back "
                    "to the default locale) or remove the locale from mkdocs.yml",
                )
            )
    return problems


def _pair(
    settings: SiteSettings,
    source: LocaleContent,
    entry: LocaleContent,
    problems: list[StaleFlag],
) -> None:
    """Pair each translation of ``entry`` with its original: by key first, then by path."""
    key = settings.translation_key
    by_key: dict[str, str] = {}
    if key:
        for path, article in source.articles.items():
            value = article.meta.get(key)
            if value not in (None, ""):
                by_key.setdefault(str(value), path)
    claimed: dict[str, str] = {}
    for path, article in sorted(entry.articles.items()):
        value = article.meta.get(key) if key else None
        original = by_key.get(str(value)) if value not in (None, "") else None
        if original is None and path in source.articles:
            original = path
        if original is None:
            continue
        if original in claimed:
            problems.append(
                _flag(
                    PAIRING,
                    entry.display_prefix + path,
                    article.front.line_of(key) if key else 1,
                    f"translates {source.display_prefix}{original}, as "
                    f"{entry.display_prefix}{claimed[original]} already does",
                    f"keep one translation, or give this one its own '{key}:'"
                    if key
                    else "keep one translation",
                )
            )
            continue
        claimed[original] = path
        entry.source_of[path] = original


def _article_problems(
    model: SiteModel, entry: LocaleContent, known: frozenset[str]
) -> list[StaleFlag]:
    specs = {spec.id: spec for spec in model.categories}
    problems: list[StaleFlag] = []
    for path, article in entry.articles.items():
        display = entry.display_prefix + path
        problems.extend(_error_flag(FRONT_MATTER, error) for error in article.problems)
        if article.problems and not article.meta:
            continue
        problems.extend(
            _error_flag(UNKNOWN_KEY, error)
            for error in unknown_keys(article, display_path=display, known=known)
        )
        if entry.locale.code != model.default_locale and article.meta.get(MARKER_KEY) is not None:
            try:
                marker_in(display, article.front)
            except ContentError as error:
                problems.append(_error_flag(FRONT_MATTER, error))
        kind = article.meta.get("type")
        if article.is_empty and kind != "contact" and not article.meta.get("template"):
            problems.append(
                _flag(
                    EMPTY_FILE,
                    display,
                    1,
                    "the article is empty: it would be a blank page in every locale",
                    "write its text, or delete the file",
                )
            )
        if (
            not article.is_index
            and kind in _ARTICLE_TYPES
            and article.meta.get("title") in (None, "")
            and article.heading is None
        ):
            problems.append(
                _flag(
                    MISSING_TITLE,
                    display,
                    1,
                    "the article has no title (listings would show its file name)",
                    "add 'title: ...' to its front matter, or start the text with '# Title'",
                )
            )
        category = article.meta.get("category")
        if isinstance(category, str) and specs and category not in specs:
            problems.append(
                _flag(
                    UNKNOWN_CATEGORY,
                    display,
                    article.front.line_of("category"),
                    f"unknown category '{category}'",
                    f"use one of: {', '.join(specs)}; or add it under plugins > "
                    "helpcentre/content > categories",
                )
            )
            continue
        section = article.meta.get("section")
        spec = specs.get(category) if isinstance(category, str) else None
        if isinstance(section, str) and spec is not None and section not in spec.sections:
            known_sections = ", ".join(spec.sections) or "none configured"
            problems.append(
                _flag(
                    UNKNOWN_SECTION,
                    display,
                    article.front.line_of("section"),
                    f"unknown section '{section}' of category '{category}'",
                    f"use one of: {known_sections}; or add it to the category's sections in "
                    "mkdocs.yml",
                )
            )
    problems.extend(
        _error_flag(DUPLICATE_SLUG, error)
        for error in duplicate_slugs(entry.articles.values(), display_prefix=entry.display_prefix)
    )
    return problems


class _Anchors:
    """Anchors of each page, rendered only for pages a link points into."""

    def __init__(self, model: SiteModel) -> None:
        self.model = model
        self.cache: dict[tuple[str, str], set[str]] = {}

    def of(self, locale: str, path: str) -> set[str]:
        key = (locale, path)
        if key not in self.cache:
            article = self.model.articles(locale).get(path)
            self.cache[key] = anchors_in_markdown(article.front.body) if article else set()
        return self.cache[key]


def _static_files(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and path.suffix != ".md"
    }


def broken_links(model: SiteModel) -> dict[str, list[ContentError]]:
    """Broken internal links and anchors of every locale, per page key, with file and line.

    A translation may link to a page its locale lacks: its build serves the source's page
    there, so such a link is broken only when the source lacks it too.
    """
    anchors = _Anchors(model)
    found: dict[str, list[ContentError]] = {}
    statics = {code: _static_files(entry.folder) for code, entry in model.content.items()}
    default_static = statics.get(model.default_locale, set())
    for code, entry in model.content.items():
        published = model.published(code)
        static = statics[code] | default_static
        for path, article in entry.articles.items():
            body_line = article.front.body_line
            for link in find_links(path, article.front.body, first_line=body_line):
                problem = _link_problem(model, link, published, static, anchors)
                if problem is not None:
                    found.setdefault(f"{code}/{article.page_id}", []).append(
                        ContentError(entry.display_prefix + path, link.line, *problem)
                    )
    return found


def _link_problem(
    model: SiteModel,
    link: Link,
    published: dict[str, tuple[str, str]],
    static: set[str],
    anchors: _Anchors,
) -> tuple[str, str] | None:
    target, anchor = link.resolve()
    target = link.source if target is None else target
    if target in static:
        return None
    if target not in published:
        index = posixpath.join(target, "index.md")
        if index in published:
            target = index
        elif target.startswith("../") and model.settings.multilingual:
            other, _, inside = target[3:].partition("/")
            if other in model.content and inside in model.published(other):
                return (
                    f"link '{link.target}' leaves the locale for {other}/{inside}",
                    f"link within the locale instead, e.g. "
                    f"'{posixpath.relpath(inside, posixpath.dirname(link.source) or '.')}': the "
                    "build serves the original where a translation is missing",
                )
            return _missing(link, published, static)
        else:
            return _missing(link, published, static)
    if anchor:
        origin, path = published[target]
        found = anchors.of(origin, path)
        if anchor not in found:
            known = ", ".join(sorted(found)[:8]) or "none"
            return (
                f"link '{link.target}' points to a missing anchor '#{anchor}'",
                f"use one of the page's anchors ({known}) or fix the heading's {{#id}}",
            )
    return None


def _missing(
    link: Link, published: dict[str, tuple[str, str]], static: set[str]
) -> tuple[str, str]:
    target, _ = link.resolve()
    here = posixpath.dirname(link.source) or "."
    suffix = posixpath.splitext(target or "")[1].lower()
    if suffix and suffix != ".md":
        # An image or a download: an article is no fix for it, a file of its kind may be.
        kin = sorted(path for path in static if path.lower().endswith(suffix))
        nearest = difflib.get_close_matches(target or "", kin, n=1, cutoff=0.6)
        fix = (
            f"did you mean '{posixpath.relpath(nearest[0], here)}'?"
            if nearest
            else "add the file to the docs folder, or remove the link"
        )
        return f"link '{link.target}' points to a missing file", fix
    nearest = difflib.get_close_matches(target or "", sorted(published), n=1, cutoff=0.6)
    if nearest:
        fix = f"did you mean '{posixpath.relpath(nearest[0], here)}'?"
    else:
        fix = "link to an existing .md file, relative to this article (e.g. '../folder/page.md')"
    return f"link '{link.target}' points to a missing page", fix


def _read_history(settings: SiteSettings, marker: str | None, notes: list[str]) -> Any:
    try:
        history = read_history(
            settings.docs_root, under=str(settings.docs_root.resolve()), ignore_marker=marker
        )
    except HistoryError as error:
        notes.append(f"no git history ({error}); dates fall back to each article's 'reviewed' date")
        return None
    if history.shallow:
        notes.append(SHALLOW_WARNING)
    return history


def load_site(settings: SiteSettings, *, today: dt.date | None = None) -> SiteModel:
    """Read and check the whole help centre once.

    Args:
        settings: The shared options (see :func:`helpcentre.site.settings.site_settings`).
        today: The date the rules compare against (default: the settings', else today).

    Returns:
        The model; its ``problems`` hold every problem found, nothing is raised for content.

    Raises:
        ValueError: An option of ``mkdocs.yml`` is wrong (the message names it and the fix).
    """
    problems: list[StaleFlag] = []
    locales = _read_locales(settings, problems)
    docs_root = settings.docs_root
    display_root = _display_root(docs_root)
    where = f"{settings.config_file or 'mkdocs.yml'}: plugins > helpcentre/content"
    categories: list[CategorySpec] = []
    try:
        categories = parse_categories(settings.categories, source=str(settings.config_file))
    except ContentError as error:
        problems.append(_flag(CONFIGURATION, where, 0, error.problem, error.fix))
    model = SiteModel(settings=settings, locales=locales, content={}, categories=categories)
    # A translation that would break formatting: named with file and line before any page is
    # rendered (the page would show the original instead).
    problems.extend(
        _error_flag(CATALOG, error)
        for error in catalog_problems(
            settings.locales_dir,
            [locale.code for locale in locales],
            display_root=settings.config_file.parent if settings.config_file else None,
        )
    )
    if settings.multilingual:
        problems.extend(locale_folder_problems(docs_root, locales, display_root=display_root))
    for locale in locales:
        folder = docs_root / locale.code if settings.multilingual else docs_root
        prefix = f"{display_root}/{locale.code}/" if settings.multilingual else f"{display_root}/"
        entry = LocaleContent(locale=locale, folder=folder, display_prefix=prefix)
        if folder.is_dir():
            entry.articles = read_locale(folder, display_prefix=prefix)
        model.content[locale.code] = entry
    source = model.content[model.default_locale] if model.default_locale in model.content else None
    known = known_keys(
        [*settings.known_keys, *([settings.translation_key] if settings.translation_key else [])]
    )
    for locale in locales:
        entry = model.content[locale.code]
        if source is not None and entry is not source:
            _pair(settings, source, entry, problems)
        problems.extend(_article_problems(model, entry, known))
    model.contexts = _widget_contexts(model, problems)
    stale_options = dict(settings.stale or {})
    stale_options.setdefault("source_locale", settings.default_locale)
    stale_options["feedback_summary"] = settings.feedback_summary
    # A wrong option stops the build and the check alike (ValueError naming the option).
    options = check_options(
        stale_options, where=f"{settings.config_file or 'mkdocs.yml'}: plugins > helpcentre/stale"
    )
    model.history = _read_history(settings, options.ignore_marker, model.notes)
    levels = dict(options.levels)
    if settings.multilingual and len(locales) > 1:
        model.status = _translation_status(model)
        problems.extend(_orphan_problems(model))
    if settings.feedback_summary:
        model.summary = _load_summary(settings, model.notes)
    model.pages = _stale_pages(model, options.settings, problems)
    # Without helpcentre/stale only the broken-link rule runs.
    if settings.stale is None:
        levels = {rule: ("error" if rule == "broken-link" else OFF) for rule in options.levels}
    inputs = RuleInputs(
        today=today or options.today or settings.today or dt.date.today(),
        helpfulness=options.helpfulness,
        source_locale=settings.default_locale,
    )
    if levels.get("broken-link") != OFF:
        inputs.broken_links = broken_links(model)
    if settings.stale is not None:
        if model.summary is not None:
            from helpcentre.stale.inputs import feedback_votes

            inputs.feedback = feedback_votes(model.summary)
        if model.status is not None and settings.stale.get("translations", True):
            from helpcentre.stale.inputs import translation_lags

            inputs.translations = translation_lags(model.status, docs_prefix=display_root)
    problems.extend(
        _once_per_original(model, evaluate(list(model.pages.values()), inputs, levels=levels))
    )
    problems.sort(key=lambda flag: (flag.path, flag.line, flag.rule))
    model.problems = problems
    return model


def _widget_contexts(model: SiteModel, problems: list[StaleFlag]) -> list[ContextRule]:
    """The help widget's contexts, checked against every category and tag the articles have."""
    raw = model.settings.widget_contexts
    if not raw:
        return []
    categories = {spec.id for spec in model.categories}
    tags: set[str] = set()
    for entry in model.content.values():
        for article in entry.articles.values():
            categories.add(article_category(article))
            tags.update(str(tag) for tag in article.meta.get("tags") or ())
    categories.discard("")
    where = f"{model.settings.config_file or 'mkdocs.yml'}: plugins > helpcentre/widget > contexts"
    try:
        return parse_contexts(raw, where=where, categories=categories, tags=tags)
    except ContextError as error:
        problems.extend(
            _flag(CONFIGURATION, where, 0, reason, fix) for reason, fix in error.problems
        )
        return []


#: Rules a translation inherits from its original when it copied the original's review date.
_REVIEW_RULES = frozenset({"review-overdue"})


def _once_per_original(model: SiteModel, flags: list[StaleFlag]) -> list[StaleFlag]:
    """An overdue review is flagged once, on the original, naming the translations that copied
    its ``reviewed`` date, instead of once more in every locale."""
    by_path = {page.path: page for page in model.pages.values()}
    originals: dict[str, StaleFlag] = {}
    for flag in flags:
        page = by_path.get(flag.path)
        if flag.rule in _REVIEW_RULES and page is not None and page.locale == model.default_locale:
            originals[page.page_id] = flag
    copied: dict[str, list[str]] = {}
    kept: list[StaleFlag] = []
    for flag in flags:
        page = by_path.get(flag.path)
        if flag.rule in _REVIEW_RULES and page is not None and page.locale != model.default_locale:
            source = model.source_path(page.locale, f"{page.page_id}.md")
            original = originals.get(source[: -len(".md")]) if source else None
            source_page = by_path.get(original.path) if original else None
            if (
                original is not None
                and source_page is not None
                and page.meta.get("reviewed") == source_page.meta.get("reviewed")
            ):
                copied.setdefault(original.path, []).append(flag.path)
                continue
        kept.append(flag)
    result = []
    for flag in kept:
        if flag.path in copied:
            listed = ", ".join(sorted(copied[flag.path]))
            flag = replace(
                flag, fix=f"{flag.fix}; then check its translations with the same date: {listed}"
            )
        result.append(flag)
    return result


def _translation_status(model: SiteModel) -> Any:
    from helpcentre.i18n.status import translation_status

    pairs = {
        code: {source: path for path, source in entry.source_of.items()}
        for code, entry in model.content.items()
        if code != model.default_locale
    }
    try:
        return translation_status(
            model.settings.docs_root,
            default_locale=model.default_locale,
            locales=[code for code in model.content if code != model.default_locale],
            history=model.history,
            read_git=model.history is not None,
            pairs=pairs,
        )
    except ContentError as error:
        model.notes.append(f"translation status not read: {error.message}")
        return None
    except UnicodeDecodeError:
        # The file is already an error of the verdict, with its line.
        model.notes.append("translation status not read: a file is not UTF-8 (see the errors)")
        return None


def _orphan_problems(model: SiteModel) -> list[StaleFlag]:
    """Translations whose original was renamed or deleted: name both paths and the fix."""
    from helpcentre.i18n.status import TranslationState

    if model.status is None:
        return []
    problems = []
    for code, locale_status in model.status.locales.items():
        entry = model.content[code]
        for status in locale_status.articles.values():
            if status.state != TranslationState.ORPHANED:
                continue
            path = entry.display_prefix + status.article
            if status.moved_to:
                fix = (
                    f"git mv {path} {entry.display_prefix}{status.moved_to} (its original is now "
                    f"{model.display(model.default_locale, status.moved_to)})"
                )
            else:
                fix = "delete it, or restore its original"
            problems.append(
                _flag(
                    ORPHANED,
                    path,
                    1,
                    f"translation of {model.display(model.default_locale, status.article)}, "
                    "which no longer exists; readers get this page beside the original's fallback",
                    fix,
                )
            )
    return problems


def _load_summary(settings: SiteSettings, notes: list[str]) -> Any:
    # Imported here: a site without a feedback summary never loads the database drivers.
    from helpcentre.collector.summaries import load_summary

    try:
        return load_summary(settings.feedback_summary or "", since=settings.summary_since)
    except Exception as error:  # ValueError for files, StorageError for databases
        notes.append(
            f"feedback summary not read: {error} -- export it with "
            "'helpcentre feedback export --db URL --output FILE'"
        )
        return None


def _stale_pages(model: SiteModel, policy: Any, problems: list[StaleFlag]) -> dict[str, StalePage]:
    pages: dict[str, StalePage] = {}
    for code, entry in model.content.items():
        for path, article in entry.articles.items():
            if article.problems and not article.meta:
                continue
            display = entry.display_prefix + path
            try:
                page = build_page(
                    locale=code,
                    page_id=article.page_id,
                    path=display,
                    file=article.file,
                    front=FrontMatter(meta=article.meta, lines=article.front.lines),
                    settings=policy,
                    history=model.history,
                )
            except ContentError as error:
                problems.append(_error_flag(FRONT_MATTER, error))
                continue
            pages[page.key] = page
    return pages
