"""``helpcentre translations``: the translators' workflow on the command line.

* ``status``: per locale, how complete the articles and the UI catalogs are, and what is missing,
  outdated or orphaned (``--changed-since REF``: what a pull request leaves behind).
* ``diff LOCALE ARTICLE``: how the source changed since the translation was made.
* ``mark LOCALE ARTICLE...``: record that a translation now matches its source.
* ``catalogs extract|update|check``: the UI string catalogs, through Babel.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_from_file
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from helpcentre import __version__
from helpcentre.catalogs import (
    CATALOG_DOMAIN,
    SHIPPED_LOCALES,
    catalog_files,
    catalog_problems,
    read_catalog,
)
from helpcentre.content.contact import LABEL_KINDS
from helpcentre.content.frontmatter import ContentError, parse_front_matter
from helpcentre.i18n import notices
from helpcentre.i18n.marker import body_hash, mark_translation, read_marker
from helpcentre.i18n.status import (
    ArticleStatus,
    Basis,
    CatalogStatus,
    GitObjects,
    TranslationState,
    TranslationStatus,
    catalog_status,
    changes_since,
    repository_root,
    source_texts,
    translation_status,
)
from helpcentre.site.model import SiteModel, load_site
from helpcentre.site.settings import CONTENT, plugin_options, read_mkdocs_config, site_settings

#: States ``--fail-on`` accepts.
FAIL_STATES = ("missing", "outdated", "orphaned")
#: Translator comments that extraction keeps (``# Translators: ...`` above a string).
COMMENT_TAGS = ("Translators:",)


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add ``helpcentre translations ...``."""
    parser = subparsers.add_parser(
        "translations",
        help="translation status, source diffs, markers and UI catalogs",
        description="What translators need: what is missing, what is behind, what changed.",
    )
    commands = parser.add_subparsers(dest="translations_command", metavar="COMMAND")
    parser.set_defaults(func=lambda args: _usage(parser))

    status = commands.add_parser("status", help="completeness and lists per locale")
    _docs_options(status)
    status.add_argument(
        "--locale",
        action="append",
        dest="locales",
        metavar="LOCALE",
        help="only this locale (repeat for several); default: every folder of --docs",
    )
    status.add_argument(
        "--locales-dir",
        type=Path,
        default=Path("locales"),
        help="UI catalogs folder (default: locales)",
    )
    status.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    status.add_argument(
        "--fail-on",
        type=_fail_states,
        default=(),
        metavar="STATES",
        help="exit 1 when an article is in one of these states, e.g. outdated,missing",
    )
    status.add_argument(
        "--changed-since",
        metavar="REF",
        help="only the translations that the changes since REF (e.g. origin/main) leave behind",
    )
    status.set_defaults(func=run_status)

    diff = commands.add_parser("diff", help="how the source changed since the translation")
    _docs_options(diff)
    diff.add_argument("locale")
    diff.add_argument("article", help="path inside the locale folder, e.g. orders/track.md")
    diff.set_defaults(func=run_diff)

    mark = commands.add_parser("mark", help="record that translations match their sources")
    _docs_options(mark)
    mark.add_argument("locale")
    mark.add_argument("articles", nargs="*", metavar="article")
    mark.add_argument(
        "--all-current",
        action="store_true",
        help="also mark every unmarked translation that git dates show as up to date "
        "(to adopt markers in an existing help centre)",
    )
    mark.set_defaults(func=run_mark)

    catalogs = commands.add_parser("catalogs", help="extract, update and check UI catalogs")
    catalog_commands = catalogs.add_subparsers(dest="catalogs_command", metavar="COMMAND")
    catalogs.set_defaults(func=lambda args: _usage(catalogs))
    for name, func, text in (
        ("extract", run_extract, "write locales/*.pot from the sources (babel.cfg)"),
        ("update", run_update, "bring every locale's .po files in line with the templates"),
        ("check", run_check, "exit 1 when templates or catalogs are out of date or broken"),
    ):
        command = catalog_commands.add_parser(name, help=text)
        _catalog_options(command)
        command.set_defaults(func=func)


def _docs_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--docs",
        type=Path,
        default=Path("docs"),
        help="docs folder holding one folder per locale (default: docs_dir of --config, or docs)",
    )
    parser.add_argument(
        "--default-locale",
        default=None,
        help="source locale (default: the configuration's, or en)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="mkdocs.yml with the locales and the pairing of translations (default: mkdocs.yml)",
    )


def _site(args: argparse.Namespace) -> SiteModel:
    """The site model the command works on, read once; sets the defaults it implies on ``args``.

    Raises:
        ContentError: The configuration cannot be read.
    """
    config = args.config if args.config.exists() or args.config != Path("mkdocs.yml") else None
    docs = args.docs if config is None or args.docs != Path("docs") else None
    settings = site_settings(config, docs_root=docs)
    if args.default_locale:
        settings.default_locale = args.default_locale
    locales = getattr(args, "locales", None)
    if locales:
        settings.locales = [
            entry for entry in settings.locales if entry[0] in {*locales, settings.default_locale}
        ] or [(code, None) for code in [settings.default_locale, *locales]]
        settings.multilingual = True
    model = load_site(settings)
    args.docs = settings.docs_root
    args.default_locale = settings.default_locale
    return model


def _source_of(model: SiteModel, locale: str, article: str) -> str:
    """The original of ``locale``'s ``article``, which may have a name of its own."""
    return model.source_path(locale, article) or article


def _catalog_options(parser: argparse.ArgumentParser) -> None:
    _docs_options(parser)
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="project root the mapping's patterns are relative to",
    )
    parser.add_argument(
        "--mapping", type=Path, default=None, help="Babel mapping file (default: ROOT/babel.cfg)"
    )
    parser.add_argument(
        "--locales-dir", type=Path, default=None, help="catalogs folder (default: ROOT/locales)"
    )
    parser.add_argument(
        "--locale",
        action="append",
        dest="locales",
        metavar="LOCALE",
        help="only this locale (repeat); default: every folder of --docs",
    )


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _fail_states(value: str) -> tuple[str, ...]:
    states = tuple(part.strip() for part in value.split(",") if part.strip())
    unknown = [state for state in states if state not in FAIL_STATES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown state {', '.join(unknown)}: choose from {', '.join(FAIL_STATES)}"
        )
    return states


def _error(error: Exception) -> int:
    message = error.message if isinstance(error, ContentError) else str(error)
    print(f"error: {message}", file=sys.stderr)
    return 2


# --- status -------------------------------------------------------------------------------------


def run_status(args: argparse.Namespace) -> int:
    """``helpcentre translations status``."""
    try:
        model = _site(args)
        unreadable = [flag for flag in model.problems if flag.rule == "front-matter"]
        if unreadable:
            # The status of these files cannot be told: say why, with file and line.
            for flag in unreadable:
                print(f"error: {flag.message}", file=sys.stderr)
            return 2
        if args.changed_since:
            entries = changes_since(
                args.docs,
                args.changed_since,
                default_locale=args.default_locale,
                locales=args.locales,
            )
            print(_render_changes(entries, args.changed_since, args.format))
            failing = [e for e in entries if e.state.value in args.fail_on]
            return 1 if failing else 0
        status = model.status
        if status is None:
            status = translation_status(
                args.docs, default_locale=args.default_locale, locales=[], history=model.history
            )
        catalogs = {locale: catalog_status(args.locales_dir, locale) for locale in status.locales}
    except ContentError as error:
        return _error(error)
    if args.format == "text":
        print(render_text(status, catalogs, served=_served_from(model, status)))
    else:
        renderer = {"json": render_json, "markdown": render_markdown}
        print(renderer[args.format](status, catalogs))
    failing = [
        entry
        for locale in status.locales.values()
        for entry in locale.articles.values()
        if entry.state.value in args.fail_on
    ]
    return 1 if failing else 0


_LISTED = (TranslationState.OUTDATED, TranslationState.MISSING, TranslationState.ORPHANED)


def _served_from(model: SiteModel, status: TranslationStatus) -> dict[tuple[str, str], str]:
    """Missing articles that a locale's readers get from a nearer locale than the source
    (``pt-BR`` readers get the ``pt`` translation): ``(locale, article) -> that locale``."""
    served = {}
    for code, locale in status.locales.items():
        for entry in locale.with_state(TranslationState.MISSING):
            origin = model.origin(code, entry.article)
            if origin not in (code, model.default_locale):
                served[(code, entry.article)] = origin
    return served


def render_text(
    status: TranslationStatus,
    catalogs: dict[str, CatalogStatus],
    *,
    served: dict[tuple[str, str], str] | None = None,
) -> str:
    """The status as plain text, one block per locale; ``served`` names the locale of the chain
    whose translation readers get for a missing article."""
    lines = [
        f"{len(status.sources)} articles in {status.default_locale}"
        + ("" if status.history_used else " (no git history: unmarked translations unverified)")
        + (" (shallow clone: git dates are approximate)" if status.shallow else "")
    ]
    for code, locale in status.locales.items():
        counts = ", ".join(
            f"{locale.count(state)} {state.value}"
            for state in (*_LISTED, TranslationState.LOCALE_ONLY)
        )
        lines.append(
            f"{code}: {locale.completeness:.1f}% translated "
            f"({locale.count(TranslationState.TRANSLATED)}/{locale.source_total}); {counts}"
        )
        catalog = catalogs.get(code)
        if catalog is not None:
            lines.append(
                f"  UI strings: {catalog.completeness:.1f}% "
                f"({catalog.translated}/{catalog.total}), "
                f"{len(catalog.fuzzy)} fuzzy, {len(catalog.missing)} missing"
            )
        for state in _LISTED:
            for entry in locale.with_state(state):
                # A missing article needs no explanation beyond its name.
                why = "" if state is TranslationState.MISSING else f": {entry.reason}"
                if (code, entry.article) in (served or {}):
                    why = f" (readers get the {(served or {})[(code, entry.article)]} translation)"
                lines.append(f"  {state.value:<9} {entry.article}{why}")
        if catalog is not None:
            lines.extend(f"  fuzzy     {_msgid(message)}" for message in catalog.fuzzy)
            # Shown in the source language until translated: what the translator should do.
            lines.extend(f"  ui string {_msgid(message)}" for message in catalog.missing)
    return "\n".join(lines)


def render_json(status: TranslationStatus, catalogs: dict[str, CatalogStatus]) -> str:
    """The status as JSON: the articles' status plus a ``catalogs`` entry per locale."""
    data = status.to_dict()
    for code, catalog in catalogs.items():
        data["locales"][code]["catalogs"] = catalog.to_dict()
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_markdown(status: TranslationStatus, catalogs: dict[str, CatalogStatus]) -> str:
    """The status as Markdown for a pull request comment: a summary table, then the lists."""
    lines = [
        "## Translation status",
        "",
        "| Locale | Articles | Missing | Outdated | Orphaned | Locale-only | UI strings | Fuzzy |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for code, locale in status.locales.items():
        catalog = catalogs.get(code)
        ui = f"{catalog.completeness:.1f}%" if catalog else "n/a"
        fuzzy = str(len(catalog.fuzzy)) if catalog else "n/a"
        lines.append(
            f"| {code} | {locale.completeness:.1f}% "
            f"({locale.count(TranslationState.TRANSLATED)}/{locale.source_total}) "
            f"| {locale.count(TranslationState.MISSING)} "
            f"| {locale.count(TranslationState.OUTDATED)} "
            f"| {locale.count(TranslationState.ORPHANED)} "
            f"| {locale.count(TranslationState.LOCALE_ONLY)} | {ui} | {fuzzy} |"
        )
    for code, locale in status.locales.items():
        listed = [entry for state in _LISTED for entry in locale.with_state(state)]
        if not listed:
            continue
        lines.extend(["", f"### {code}", ""])
        lines.extend(
            f"- **{entry.state.value}** `{entry.article}`: {_md(entry.reason)}" for entry in listed
        )
    return "\n".join(lines)


def _render_changes(entries: list[ArticleStatus], since: str, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            {"changed_since": since, "left_behind": [entry.to_dict() for entry in entries]},
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "markdown":
        lines = [f"## Translations left behind since `{since}`", ""]
        if not entries:
            lines.append("None: every changed article's translations were updated too.")
        lines.extend(
            f"- **{e.state.value}** `{e.translation_path}`: {_md(e.reason)}" for e in entries
        )
        return "\n".join(lines)
    if not entries:
        return f"no translation left behind since {since}"
    lines = [f"{len(entries)} translation(s) left behind since {since}:"]
    lines.extend(f"  {e.state.value:<9} {e.translation_path}: {e.reason}" for e in entries)
    return "\n".join(lines)


def _msgid(key: str) -> str:
    context, _, msgid = key.rpartition("\x04")
    return f"[{context}] {msgid!r}" if context else repr(msgid)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;")


# --- diff and mark ------------------------------------------------------------------------------


def article_name(docs_dir: Path, locale: str, name: str) -> str:
    """An article named on the command line as a path inside the locale folder.

    ``orders/track.md``, ``orders/track``, ``fr/orders/track.md`` and ``docs/fr/orders/track.md``
    all name the same article.
    """
    path = Path(name).as_posix()
    for prefix in (f"{Path(docs_dir).as_posix()}/", "docs/"):
        if path.startswith(prefix):
            path = path[len(prefix) :]
            break
    first, _, rest = path.partition("/")
    if rest and first == locale:
        path = rest
    return path if path.endswith(".md") else f"{path}.md"


@dataclass
class SourceDiff:
    """How a source changed since its translation was made.

    Attributes:
        base: Label of the version the translation was made from.
        commit: That version's commit, when it was found in git.
        lines: The unified diff of the source body (empty when nothing changed).
    """

    base: str
    commit: str | None
    lines: list[str]


def source_diff(
    docs_dir: Path,
    locale: str,
    article: str,
    *,
    default_locale: str = "en",
    source_article: str | None = None,
) -> SourceDiff:
    """The unified diff of a source body since the version its translation was made from.

    With a ``source_hash`` marker, the source's history is walked for the version whose body
    hashes to it. Without one, the version is the source as it was at the translation's last
    commit (git dates).

    Raises:
        ContentError: A file is missing, or the version cannot be found (shallow clone,
            marker edited by hand).
    """
    docs_dir = Path(docs_dir).resolve()
    source_article = source_article or article
    source = docs_dir / default_locale / source_article
    translation = docs_dir / locale / article
    for path, what in ((source, "source"), (translation, "translation")):
        if not path.is_file():
            raise ContentError(
                path,
                0,
                f"the {what} does not exist",
                "name the article by its path inside the locale folder, e.g. orders/track.md",
            )
    source_text = source.read_text(encoding="utf-8")
    current_body = parse_front_matter(source, source_text).body
    recorded = read_marker(translation, translation.read_text(encoding="utf-8"))
    label = f"{default_locale}/{source_article}"
    if recorded is not None and recorded == body_hash(source, source_text):
        return SourceDiff(base=f"{label} (source_hash {recorded})", commit=None, lines=[])
    root = repository_root(docs_dir)
    if root is None:
        raise ContentError(
            translation,
            0,
            "the source's earlier versions need the git history",
            "run the command inside the repository's work tree",
        )
    from helpcentre.history import read_history

    history = read_history(root, under=docs_dir.relative_to(root).as_posix())
    source_repo = source.relative_to(root).as_posix()
    translation_repo = (docs_dir / locale / article).relative_to(root).as_posix()
    base_text: str | None = None
    base_commit = None
    with GitObjects(root) as objects:
        for commit, text in source_texts(objects, source_repo, history.get(source_repo)):
            if text is None:
                continue
            if recorded is not None:
                if _hash_or_none(source_repo, text) == recorded:
                    base_text, base_commit = text, commit
                    break
                continue
            translated = history.get(translation_repo)
            if translated is None or commit.date <= translated.updated:
                base_text, base_commit = text, commit
                break
    if base_text is None or base_commit is None:
        what = (
            f"no version of {label} in the git history has source_hash {recorded}"
            if recorded is not None
            else f"no version of {label} is older than the translation's last commit"
        )
        fix = (
            "fetch the full history (git fetch --unshallow)"
            if history.shallow
            else "compare the translation with the source by hand, then run "
            f"'helpcentre translations mark {locale} {article}'"
        )
        raise ContentError(translation, 0, what, fix)
    how = f"source_hash {recorded}" if recorded else "no marker: at the translation's last commit"
    base = f"{label}@{base_commit.sha[:7]} ({how}, {base_commit.date.date().isoformat()})"
    base_body = parse_front_matter(source_repo, base_text).body
    lines = list(
        difflib.unified_diff(
            base_body.splitlines(keepends=True),
            current_body.splitlines(keepends=True),
            fromfile=base,
            tofile=f"{label} (now)",
        )
    )
    return SourceDiff(base=base, commit=base_commit.sha, lines=lines)


def _hash_or_none(path: str, text: str) -> str | None:
    try:
        return body_hash(path, text)
    except ContentError:
        return None


def run_diff(args: argparse.Namespace) -> int:
    """``helpcentre translations diff LOCALE ARTICLE``."""
    try:
        model = _site(args)
        article = article_name(args.docs, args.locale, args.article)
        result = source_diff(
            args.docs,
            args.locale,
            article,
            default_locale=args.default_locale,
            source_article=_source_of(model, args.locale, article),
        )
    except ContentError as error:
        return _error(error)
    if not result.lines:
        print(f"{args.locale}/{article} is up to date with {result.base}: nothing to show")
        return 0
    for line in result.lines:
        sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return 0


def run_mark(args: argparse.Namespace) -> int:
    """``helpcentre translations mark LOCALE ARTICLE...``."""
    code = 0
    try:
        model = _site(args)
    except ContentError as error:
        return _error(error)
    names = [article_name(args.docs, args.locale, name) for name in args.articles]
    if args.all_current:
        status = model.status
        if status is None or args.locale not in status.locales:
            print(f"error: no translation status for '{args.locale}'", file=sys.stderr)
            return 2
        names += [
            entry.translation_path.split("/", 1)[1]
            for entry in status.locales[args.locale].with_state(TranslationState.TRANSLATED)
            if entry.basis is Basis.GIT_DATES
            and entry.translation_path.split("/", 1)[1] not in names
        ]
    elif not names:
        print("error: name the articles to mark, or pass --all-current", file=sys.stderr)
        return 2
    for article in names:
        try:
            digest, changed = mark_translation(
                args.docs,
                args.locale,
                article,
                default_locale=args.default_locale,
                source_article=_source_of(model, args.locale, article),
            )
        except ContentError as error:
            code = _error(error)
            continue
        state = "recorded" if changed else "already recorded"
        print(f"{args.locale}/{article}: source_hash {digest} {state}")
    return code


# --- UI catalogs --------------------------------------------------------------------------------


#: Catalog domain of the names the configuration gives: the site's, the categories' and their
#: sections', and the navigation titles MkDocs derives from folder names.
SITE_DOMAIN = "site"


@dataclass
class CatalogPaths:
    """Where the catalog commands read and write."""

    root: Path
    mapping: Path
    locales_dir: Path
    locales: list[str]
    config: Path | None = None
    docs: Path | None = None
    default_locale: str = "en"

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CatalogPaths:
        root = Path(args.root)
        docs = args.docs if args.docs.is_absolute() else root / args.docs
        config = args.config if args.config.is_absolute() else root / args.config
        settings = site_settings(config) if config.is_file() else None
        default = args.default_locale or (settings.default_locale if settings else "en")
        if settings is not None and args.docs == Path("docs"):
            docs = settings.docs_root
        locales = list(args.locales or [])
        if not locales:
            # Every locale the site uses: the configured ones and every locale folder.
            found = set(settings.locale_codes if settings and settings.multilingual else [])
            if docs.is_dir():
                found.update(
                    p.name
                    for p in docs.iterdir()
                    if p.is_dir() and not p.name.startswith((".", "_"))
                )
            locales = sorted(found - {default})
        return cls(
            root=root,
            mapping=args.mapping or root / "babel.cfg",
            locales_dir=args.locales_dir or root / "locales",
            locales=list(locales),
            config=config if config.is_file() else None,
            docs=docs,
            default_locale=default,
        )

    @property
    def extracts_here(self) -> bool:
        """Whether helpcentre's own strings are extracted into ``locales_dir``: a mapping file
        says where they are, and (in helpcentre's own repository) the folder is the package's."""
        if not self.mapping.is_file():
            return False
        root = self.root.resolve()
        shipped_here = SHIPPED_LOCALES.is_relative_to(root)
        return not shipped_here or self.locales_dir.resolve() == SHIPPED_LOCALES

    @property
    def domains(self) -> list[str]:
        """The catalogs kept in ``locales_dir``: the extracted ones where a mapping file says
        where strings are (helpcentre's own), the ``site`` catalog where a site is configured."""
        owned = [CATALOG_DOMAIN, notices.NOTICE_DOMAIN] if self.extracts_here else []
        if self.config is not None and self.locales_dir.resolve() != SHIPPED_LOCALES:
            owned.append(SITE_DOMAIN)
        return owned

    def template(self, domain: str) -> Path:
        return self.locales_dir / f"{domain}.pot"

    def catalog(self, locale: str, domain: str) -> Path:
        return self.locales_dir / locale / "LC_MESSAGES" / f"{domain}.po"


def extract_templates(paths: CatalogPaths) -> dict[str, Catalog]:
    """Extract the UI strings into one template per domain, in memory.

    ``messages`` holds what the mapping file selects (plugins and templates); ``translations``
    holds the outdated-translation notice (:mod:`helpcentre.i18n.notices`).

    Raises:
        ContentError: The mapping file is missing or invalid, or a template cannot be parsed.
    """
    if not paths.extracts_here and paths.config is not None:
        # A site's own folder: its own names only.
        return {SITE_DOMAIN: site_template(paths)}
    if not paths.mapping.is_file():
        raise ContentError(
            paths.mapping,
            0,
            "the Babel mapping file does not exist",
            "create babel.cfg at the project root (see the repository's own) or pass --mapping",
        )
    try:
        with open(paths.mapping, encoding="utf-8") as handle:
            method_map, options_map = parse_mapping_cfg(handle, filename=str(paths.mapping))
    except Exception as error:  # configparser raises several unrelated error types
        raise ContentError(
            paths.mapping,
            getattr(error, "lineno", 0) or 0,
            f"the mapping file cannot be read: {error}",
            "write sections such as '[python: plugins/**.py]'",
        ) from error
    tops = {pattern.split("/", 1)[0] for pattern, _ in method_map if "/" in pattern}
    root = paths.root.resolve()

    def wanted(directory: str) -> bool:
        # Walk only the folders the mapping names: not node_modules, site/ or a virtualenv.
        relative = Path(directory).resolve().relative_to(root).parts
        return not relative or relative[0] in tops or not tops

    messages = _new_template(CATALOG_DOMAIN)
    try:
        for filename, lineno, message, comments, context in extract_from_dir(
            root,
            method_map,
            options_map,
            keywords=DEFAULT_KEYWORDS,
            comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
            directory_filter=wanted,
        ):
            messages.add(
                message, None, [(filename, lineno)], auto_comments=comments, context=context
            )
    except Exception as error:  # a template or module the extractors cannot parse
        raise ContentError(
            getattr(error, "filename", None) or paths.mapping,
            getattr(error, "lineno", 0) or 0,
            f"strings cannot be extracted: {error}",
            "fix the syntax of that file",
        ) from error
    translations = _new_template(notices.NOTICE_DOMAIN)
    notices_file = Path(notices.__file__).resolve()
    try:
        location = notices_file.relative_to(root).as_posix()
    except ValueError:
        location = "helpcentre/i18n/notices.py"
    for lineno, message, comments, context in extract_from_file(
        "python",
        notices_file,
        keywords=DEFAULT_KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    ):
        translations.add(
            message, None, [(location, lineno)], auto_comments=comments, context=context
        )
    templates = {CATALOG_DOMAIN: messages, notices.NOTICE_DOMAIN: translations}
    if SITE_DOMAIN in paths.domains:
        templates[SITE_DOMAIN] = site_template(paths)
    return templates


def folder_title(name: str) -> str:
    """The navigation title MkDocs gives a folder without an index title (as its
    ``dirname_to_title`` does): dashes and underscores as spaces, capitalised when lowercase."""
    title = name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def _add_template_strings(catalog: Catalog, folder: Path, root: Path) -> None:
    """The strings of the site's own templates (its ``custom_dir``)."""
    if not folder.is_dir():
        return
    options = {"**.html": {"extensions": "jinja2.ext.i18n", "silent": "false"}}
    try:
        found = list(extract_from_dir(folder, [("**.html", "jinja2")], options))
    except Exception as error:  # a template the extractor cannot parse
        raise ContentError(
            getattr(error, "filename", None) or folder,
            getattr(error, "lineno", 0) or 0,
            f"strings cannot be extracted: {error}",
            "fix the syntax of that template",
        ) from error
    for filename, lineno, message, comments, context in found:
        try:
            where = (folder / filename).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            where = filename
        catalog.add(message, None, [(where, lineno)], auto_comments=comments, context=context)


def site_template(paths: CatalogPaths) -> Catalog:
    """The ``site`` template: the names ``mkdocs.yml`` gives (site, categories, their
    descriptions and sections) and the titles of the source locale's folders."""
    catalog = _new_template(SITE_DOMAIN)
    if paths.config is not None:
        config = read_mkdocs_config(paths.config)
        lines = paths.config.read_text(encoding="utf-8").splitlines()
        try:
            where = paths.config.resolve().relative_to(paths.root.resolve()).as_posix()
        except ValueError:
            where = paths.config.name

        def add(text: Any) -> None:
            if isinstance(text, str) and text.strip():
                line = next((n for n, row in enumerate(lines, 1) if text in row), 0)
                catalog.add(text, None, [(where, line)])

        add(config.get("site_name"))
        content = plugin_options(config, CONTENT) or {}
        for channel in content.get("contact_channels") or []:
            # A chat link's label is words for readers (an address or number is not)
            if isinstance(channel, dict) and channel.get("kind") in LABEL_KINDS:
                add(channel.get("value"))
        for category in content.get("categories") or []:
            if isinstance(category, dict):
                add(category.get("name"))
                add(category.get("description"))
                sections = category.get("sections") or {}
                for name in sections.values() if isinstance(sections, dict) else []:
                    add(name)
        theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
        custom_dir = (theme or {}).get("custom_dir")
        if isinstance(custom_dir, str):
            _add_template_strings(catalog, paths.config.parent / custom_dir, paths.root)
    source = (paths.docs / paths.default_locale) if paths.docs is not None else None
    if source is not None and source.is_dir():
        for folder in sorted(p for p in source.rglob("*") if p.is_dir()):
            if any(part.startswith((".", "_")) for part in folder.relative_to(source).parts):
                continue
            location = folder.relative_to(source).as_posix() + "/"
            catalog.add(folder_title(folder.name), None, [(location, 0)])
    return catalog


def _new_template(domain: str) -> Catalog:
    return Catalog(
        domain=domain,
        project="helpcentre",
        version=__version__,
        copyright_holder="helpcentre contributors",
        header_comment=f"# UI strings of helpcentre ({domain}).\n"
        "# This file is distributed under the same license as the helpcentre project.\n#",
        charset="utf-8",
        fuzzy=False,
    )


def _render(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, sort_by_file=True)
    return buffer.getvalue()


def write_template(path: Path, catalog: Catalog) -> bool:
    """Write ``catalog`` to ``path`` unless only its creation date would change."""
    if path.is_file():
        previous = read_catalog(path, "en")
        catalog.creation_date = previous.creation_date
        if _render(catalog) == path.read_bytes():
            return False
        catalog.creation_date = datetime.now(timezone.utc)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_render(catalog))
    return True


def update_catalog(path: Path, template: Catalog, locale: str) -> str:
    """Create or update a locale's catalog from its template; say what happened."""
    if path.is_file():
        catalog = read_catalog(path, locale)
        before = path.read_bytes()
        catalog.update(template, update_creation_date=True)
        rendered = _render(catalog)
        if rendered == before:
            return "up to date"
        path.write_bytes(rendered)
        return "updated"
    catalog = read_po(io.BytesIO(_render(template)), locale=locale.replace("-", "_"))
    # The template's header has no language; set it as 'pybabel init' does.
    catalog.locale = locale.replace("-", "_")
    catalog.revision_date = datetime.now(timezone.utc)
    catalog.fuzzy = False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_render(catalog))
    return "created"


def run_extract(args: argparse.Namespace) -> int:
    """``helpcentre translations catalogs extract``."""
    paths = CatalogPaths.from_args(args)
    try:
        templates = extract_templates(paths)
        for domain, catalog in templates.items():
            changed = write_template(paths.template(domain), catalog)
            state = "written" if changed else "unchanged"
            print(f"{paths.template(domain)}: {len(catalog)} strings, {state}")
    except ContentError as error:
        return _error(error)
    return 0


def run_update(args: argparse.Namespace) -> int:
    """``helpcentre translations catalogs update``."""
    paths = CatalogPaths.from_args(args)
    try:
        for domain in paths.domains or [CATALOG_DOMAIN]:
            template_path = paths.template(domain)
            if not template_path.is_file():
                raise ContentError(
                    template_path,
                    0,
                    "the template does not exist",
                    "run 'helpcentre translations catalogs extract' first",
                )
            template = read_catalog(template_path, "en")
            for locale in paths.locales:
                target = paths.catalog(locale, domain)
                print(f"{target}: {update_catalog(target, template, locale)}")
        if not paths.extracts_here:
            # helpcentre's own strings in a locale it does not ship: the site's catalogs start
            # from helpcentre's templates, for its translators to fill.
            for domain in (CATALOG_DOMAIN, notices.NOTICE_DOMAIN):
                shipped = SHIPPED_LOCALES / f"{domain}.pot"
                for locale in paths.locales:
                    if not shipped.is_file() or catalog_files(SHIPPED_LOCALES, locale):
                        continue
                    target = paths.catalog(locale, domain)
                    template = read_catalog(shipped, "en")
                    print(f"{target}: {update_catalog(target, template, locale)}")
    except ContentError as error:
        return _error(error)
    return 0


def check_catalogs(paths: CatalogPaths) -> list[str]:
    """Problems that make the catalogs wrong, as ``path:line: problem -- fix`` lines.

    Templates must hold exactly the strings of the sources, every locale's catalogs must hold
    every template string, and no translation may break a ``%(name)s`` placeholder. Untranslated
    and fuzzy strings are not problems here: they fall back to the source text and are counted
    by ``helpcentre translations status``.
    """
    problems: list[str] = []
    extracted = extract_templates(paths)
    for domain, fresh in extracted.items():
        template_path = paths.template(domain)
        if not template_path.is_file():
            problems.append(
                f"{template_path}:0: the template does not exist -- "
                "run 'helpcentre translations catalogs extract'"
            )
            continue
        template = read_catalog(template_path, "en")
        new = _keys(fresh) - _keys(template)
        gone = _keys(template) - _keys(fresh)
        if new or gone:
            problems.append(
                f"{template_path}:0: out of date ({len(new)} new, {len(gone)} removed strings) -- "
                "run 'helpcentre translations catalogs extract' then 'update'"
            )
        for locale in paths.locales:
            path = paths.catalog(locale, domain)
            if not path.is_file():
                problems.append(
                    f"{path}:0: the catalog does not exist -- "
                    "run 'helpcentre translations catalogs update'"
                )
                continue
            catalog = read_catalog(path, locale)
            absent = _keys(template) - _keys(catalog)
            if absent:
                problems.append(
                    f"{path}:0: {len(absent)} template strings are not in the catalog -- "
                    "run 'helpcentre translations catalogs update'"
                )
    problems.extend(error.message for error in catalog_problems(paths.locales_dir, paths.locales))
    return problems


def _keys(catalog: Iterable[Any]) -> set[tuple[str, str | None]]:
    return {(str(m.id), m.context) for m in catalog if m.id}


def run_check(args: argparse.Namespace) -> int:
    """``helpcentre translations catalogs check``."""
    paths = CatalogPaths.from_args(args)
    try:
        problems = check_catalogs(paths)
    except ContentError as error:
        return _error(error)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"catalogs are up to date for {', '.join(paths.locales) or 'no locale'}")
    return 0
