"""Translation status: which translations are missing, behind, orphaned or up to date, and why.

A pure function over the docs tree (``docs/<locale>/<category>/<slug>.md``; a translation has the
same path as its source in the default locale) and the repository's git history. No MkDocs here: the
i18n plugin, the ``helpcentre translations`` command and the health report all call
:func:`translation_status`.

How a translation is judged:

* With a ``source_hash`` marker (see :mod:`helpcentre.i18n.marker`) the decision is exact: the
  translation is outdated when its source's normalised body no longer hashes to the marker.
* Without a marker it falls back to git: the translation is outdated when the source's body changed
  (ignoring whitespace-only and front-matter-only commits) after the translation's last commit.
  The reason says so, because dates are a weaker signal than the marker.
* A translation whose source is gone is *orphaned* when it was evidently made from a source (it has
  a marker, or the source path exists in the history); otherwise it is *locale-only*, an article
  written for that locale alone, which its front matter can state with ``locale_only: true``.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from helpcentre.content.frontmatter import ContentError, FrontMatter, parse_front_matter
from helpcentre.i18n.marker import MARKER_KEY, body_hash, read_marker

#: Front matter key of an article written for one locale only.
LOCALE_ONLY_KEY = "locale_only"


class TranslationState(str, Enum):
    """Where one article stands in one locale."""

    TRANSLATED = "translated"
    MISSING = "missing"
    OUTDATED = "outdated"
    ORPHANED = "orphaned"
    LOCALE_ONLY = "locale-only"


class Basis(str, Enum):
    """What a state was decided from."""

    MARKER = "marker"
    GIT_DATES = "git-dates"
    FILES = "files"
    CHANGES = "changes"
    UNKNOWN = "unknown"


class _Commit(Protocol):
    sha: str
    date: datetime


class _PathHistory(Protocol):
    updated: datetime
    commits: list[Any]


class _History(Protocol):
    root: Path
    shallow: bool

    def get(self, path: str) -> Any: ...


@dataclass(frozen=True)
class ArticleStatus:
    """One article in one locale.

    Attributes:
        locale: The translation's locale.
        article: Path inside the locale folder, e.g. ``orders/track-your-order.md``.
        state: Where the translation stands.
        reason: Why, in a sentence a translator can act on.
        basis: What the state was decided from (marker, git dates, files alone).
        source_path: The source's path relative to the docs folder (``en/orders/...``).
        translation_path: The translation's path relative to the docs folder (``fr/orders/...``).
        source_hash: Hash of the source's current normalised body; ``None`` without a source.
        recorded_hash: The translation's ``source_hash`` marker, if any.
        source_changed: When the source's body last changed (git), if known.
        translation_updated: The translation's last commit date, if known.
        moved_to: For an orphan, the source article that now holds its source's text, if any.
    """

    locale: str
    article: str
    state: TranslationState
    reason: str
    basis: Basis
    source_path: str
    translation_path: str
    source_hash: str | None = None
    recorded_hash: str | None = None
    source_changed: datetime | None = None
    translation_updated: datetime | None = None
    moved_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "locale": self.locale,
            "article": self.article,
            "state": self.state.value,
            "reason": self.reason,
            "basis": self.basis.value,
            "source_path": self.source_path,
            "translation_path": self.translation_path,
            "source_hash": self.source_hash,
            "recorded_hash": self.recorded_hash,
            "source_changed": _iso(self.source_changed),
            "translation_updated": _iso(self.translation_updated),
            "moved_to": self.moved_to,
        }


@dataclass
class LocaleStatus:
    """Every article of one locale.

    Attributes:
        locale: The locale code.
        source_total: Number of articles in the default locale.
        articles: Status per article path, sorted by path.
    """

    locale: str
    source_total: int
    articles: dict[str, ArticleStatus] = field(default_factory=dict)

    def with_state(self, state: TranslationState) -> list[ArticleStatus]:
        """The articles in ``state``, by path."""
        return [entry for entry in self.articles.values() if entry.state is state]

    def count(self, state: TranslationState) -> int:
        """How many articles are in ``state``."""
        return len(self.with_state(state))

    @property
    def completeness(self) -> float:
        """Percentage of the source articles with an up-to-date translation."""
        if not self.source_total:
            return 100.0
        return round(100.0 * self.count(TranslationState.TRANSLATED) / self.source_total, 1)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "locale": self.locale,
            "source_total": self.source_total,
            "completeness": self.completeness,
            "counts": {state.value: self.count(state) for state in TranslationState},
            "articles": [entry.to_dict() for entry in self.articles.values()],
        }


@dataclass
class TranslationStatus:
    """The translation status of a docs tree.

    Attributes:
        docs_dir: The docs folder.
        default_locale: The source locale.
        sources: Article paths of the default locale, sorted.
        locales: Status per translated locale.
        history_used: Whether git history was available.
        shallow: Whether that history is a shallow clone (git dates may then be too recent).
    """

    docs_dir: Path
    default_locale: str
    sources: list[str]
    locales: dict[str, LocaleStatus]
    history_used: bool = False
    shallow: bool = False

    def get(self, locale: str, article: str) -> ArticleStatus | None:
        """The status of ``article`` (path inside the locale folder) in ``locale``."""
        status = self.locales.get(locale)
        return status.articles.get(article) if status else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "default_locale": self.default_locale,
            "sources": len(self.sources),
            "history_used": self.history_used,
            "shallow": self.shallow,
            "locales": {code: status.to_dict() for code, status in self.locales.items()},
        }


class GitObjects:
    """Reads files as they were at given commits, through one ``git cat-file --batch`` process.

    One long-lived process instead of one ``git show`` per version keeps a walk over an
    article's history cheap. Use it as a context manager.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> GitObjects:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, commit: str, path: str) -> str | None:
        """The text of ``path`` (relative to the repository) at ``commit``; ``None`` if absent."""
        if self._process is None:
            self._process = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=self.root,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(f"{commit}:{path}\n".encode())
        self._process.stdin.flush()
        header = self._process.stdout.readline().decode().split()
        if len(header) != 3:  # "<name> missing" or "ambiguous"
            return None
        size = int(header[2])
        data = self._process.stdout.read(size + 1)[:size]
        if header[1] != "blob":
            return None
        return data.decode("utf-8", errors="replace")

    def close(self) -> None:
        """Stop the git process."""
        if self._process is not None:
            assert self._process.stdin is not None and self._process.stdout is not None
            self._process.stdin.close()
            self._process.wait()
            self._process.stdout.close()
            self._process = None


def repository_root(path: Path) -> Path | None:
    """The root of the git work tree holding ``path``, or ``None`` outside one."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=path,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:  # git is not installed
        return None
    if result.returncode != 0:
        return None
    return Path(result.stdout.strip()).resolve()


def uncommitted_paths(root: Path) -> set[str]:
    """Paths (relative to ``root``) that differ from HEAD in the work tree or are untracked."""
    result = subprocess.run(
        ["git", "status", "--porcelain", "-z", "--untracked-files=all", "--no-renames"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        return set()
    return {entry[3:].decode() for entry in result.stdout.split(b"\0") if len(entry) > 3}


def source_texts(
    objects: GitObjects, repo_path: str, history: _PathHistory | None
) -> Iterator[tuple[Any, str | None]]:
    """Yield ``(commit, text)`` for each commit of ``repo_path``, newest first.

    The history follows renames, so an older commit may hold the file under an earlier name;
    those names are looked up (one ``git log --follow``) only when the current name is absent.
    The text is ``None`` where no version can be read.
    """
    if history is None:
        return
    # The one history pass records earlier names; only a history without them asks git again.
    names: dict[str, str] | None = getattr(history, "names", None)
    for commit in history.commits:
        text = objects.read(commit.sha, repo_path)
        if text is None:
            if names is None:
                names = names_by_commit(objects.root, repo_path)
            earlier = names.get(commit.sha)
            text = objects.read(commit.sha, earlier) if earlier else None
        yield commit, text


def body_versions(
    objects: GitObjects, repo_path: str, history: _PathHistory | None
) -> Iterator[tuple[Any, str | None]]:
    """Yield ``(commit, body hash)`` for each commit of ``repo_path``, newest first.

    The hash is ``None`` where no version can be read (see :func:`source_texts`).
    """
    for commit, text in source_texts(objects, repo_path, history):
        yield commit, (None if text is None else _safe_hash(repo_path, text))


def names_by_commit(root: Path, repo_path: str) -> dict[str, str]:
    """The name ``repo_path`` had at each commit of its history, following renames."""
    result = subprocess.run(
        ["git", "log", "--follow", "--name-only", "-z", "--format=%x1e%H", "--", repo_path],
        cwd=root,
        capture_output=True,
        check=False,
    )
    names: dict[str, str] = {}
    for record in result.stdout.decode("utf-8", "replace").split("\x1e"):
        fields = [field.strip("\n") for field in record.split("\0")]
        fields = [field for field in fields if field]
        if not fields:
            continue
        sha, *paths = fields[0].split("\n")
        paths = [*paths, *fields[1:]]
        if paths:
            names[sha.strip()] = paths[-1]
    return names


def deleted_paths(root: Path, under: str) -> dict[str, tuple[str, datetime]]:
    """Paths under ``under`` that some commit deleted (a rename counts), with the newest deletion.

    Returns:
        For each repository-relative path: the deleting commit's hash and date.
    """
    result = subprocess.run(
        [
            "git",
            "log",
            "--no-renames",
            "--diff-filter=D",
            "--name-only",
            "-z",
            "--format=%x1e%H%x1f%aI",
            "--",
            under,
        ],
        cwd=root,
        capture_output=True,
        check=False,
    )
    deleted: dict[str, tuple[str, datetime]] = {}
    if result.returncode != 0:
        return deleted
    for record in result.stdout.decode("utf-8", "replace").split("\x1e"):
        head, _, rest = record.partition("\n")
        head = head.strip("\0")
        if "\x1f" not in head:
            continue
        sha, date = head.split("\x1f")
        for name in rest.split("\0"):
            name = name.strip("\n")
            if name and name not in deleted:
                deleted[name] = (sha, datetime.fromisoformat(date))
    return deleted


def last_body_change(
    objects: GitObjects, repo_path: str, history: _PathHistory | None, current_hash: str | None
) -> tuple[datetime | None, bool]:
    """When the normalised body of ``repo_path`` last changed, and whether that is uncommitted.

    Commits that only re-wrapped lines or edited front matter are skipped: the date is that of the
    newest commit whose body differs from the one before it (or that created the file).
    """
    versions = list(body_versions(objects, repo_path, history))
    if not versions:
        return None, current_hash is not None
    if current_hash is not None and versions[0][1] != current_hash:
        return datetime.now(timezone.utc), True
    for index, (commit, digest) in enumerate(versions):
        if digest is None:
            continue
        older = versions[index + 1][1] if index + 1 < len(versions) else None
        if digest != older:
            return commit.date, False
    return versions[-1][0].date, False


def translation_status(
    docs_dir: Path,
    *,
    default_locale: str = "en",
    locales: Sequence[str] | None = None,
    history: _History | None = None,
    read_git: bool = True,
    pairs: Mapping[str, Mapping[str, str]] | None = None,
) -> TranslationStatus:
    """The status of every article in every translated locale.

    Args:
        docs_dir: The docs folder holding one folder per locale.
        default_locale: The source locale.
        locales: The translated locales; by default every folder of ``docs_dir`` but the source.
        history: The repository's history (``helpcentre.history.read_history``); read from git
            when omitted and ``read_git`` is true and ``docs_dir`` is in a git work tree.
        read_git: Whether git may be used at all (dates, older versions of sources).
        pairs: Per locale, the translation's path of each source path, where translations are
            paired by a front matter key (see the site model); other files pair by path.

    Returns:
        The status per locale and article, with reasons.

    Raises:
        ContentError: An article's front matter or marker cannot be read (names file and line).
    """
    docs_dir = Path(docs_dir).resolve()
    source_dir = docs_dir / default_locale
    if not source_dir.is_dir():
        raise ContentError(
            source_dir,
            0,
            f"the source locale folder '{default_locale}' does not exist",
            f"create {source_dir} or pass the default locale the docs are written in",
        )
    if locales is None:
        locales = sorted(
            p.name
            for p in docs_dir.iterdir()
            if p.is_dir() and p.name != default_locale and not p.name.startswith((".", "_"))
        )
    sources = _read_articles(source_dir)
    root = repository_root(docs_dir) if read_git else None
    if root is not None and history is None:
        from helpcentre.history import read_history

        history = read_history(root, under=docs_dir.relative_to(root).as_posix())
    if root is None and history is not None:
        root = Path(history.root).resolve()
    judge = _Judge(docs_dir, default_locale, sources, root, history if root else None)
    try:
        result = TranslationStatus(
            docs_dir=docs_dir,
            default_locale=default_locale,
            sources=sorted(sources),
            locales={},
            history_used=judge.history is not None,
            shallow=bool(judge.history is not None and judge.history.shallow),
        )
        for locale in locales:
            translations = _paired(_read_articles(docs_dir / locale), (pairs or {}).get(locale))
            status = LocaleStatus(locale=locale, source_total=len(sources))
            for article in sorted(set(sources) | set(translations)):
                path, text = translations.get(article, (article, None))
                status.articles[article] = judge.article(locale, article, text, path)
            result.locales[locale] = status
        return result
    finally:
        judge.close()


def _paired(
    translations: dict[str, str], pairs: Mapping[str, str] | None
) -> dict[str, tuple[str, str]]:
    """Translations keyed by their source's path: ``{source path: (own path, text)}``."""
    if not pairs:
        return {path: (path, text) for path, text in translations.items()}
    keyed = {
        source: (path, translations[path]) for source, path in pairs.items() if path in translations
    }
    paired = set(pairs.values())
    for path, text in translations.items():
        if path not in paired and path not in keyed:
            keyed[path] = (path, text)
    return keyed


def _read_articles(folder: Path) -> dict[str, str]:
    """Every Markdown file under ``folder``, by path relative to it."""
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(folder.rglob("*.md"))
        if path.is_file()
    }


class _Judge:
    """Decides the state of one article at a time, sharing git processes and source hashes."""

    def __init__(
        self,
        docs_dir: Path,
        default_locale: str,
        sources: dict[str, str],
        root: Path | None,
        history: _History | None,
    ) -> None:
        self.docs_dir = docs_dir
        self.default_locale = default_locale
        self.sources = sources
        self.root = root
        self.history = history
        self.objects = GitObjects(root) if root is not None else None
        recorded = getattr(history, "uncommitted", None)
        if root is None:
            self.dirty: set[str] | frozenset[str] = set()
        else:
            self.dirty = recorded if recorded is not None else uncommitted_paths(root)
        self.hashes = {
            article: body_hash(source_dir_path, text)
            for article, text in sources.items()
            for source_dir_path in [docs_dir / default_locale / article]
        }
        self._changed: dict[str, tuple[datetime | None, bool]] = {}
        self._deleted: dict[str, tuple[str, datetime]] | None = None

    def deletion(self, article: str) -> tuple[str, datetime] | None:
        """The commit that deleted (or moved away) the source of ``article``, if any."""
        path = self.repo_path(self.default_locale, article)
        if self.root is None or path is None:
            return None
        if self._deleted is None and getattr(self.history, "deleted", None) is not None:
            self._deleted = self.history.deleted  # type: ignore[union-attr]
        if self._deleted is None:
            under = self.repo_path(self.default_locale, "")
            self._deleted = deleted_paths(self.root, (under or ".").rstrip("/") or ".")
        return self._deleted.get(path)

    def close(self) -> None:
        if self.objects is not None:
            self.objects.close()

    def repo_path(self, locale: str, article: str) -> str | None:
        if self.root is None:
            return None
        return (self.docs_dir / locale / article).relative_to(self.root).as_posix()

    def path_history(self, locale: str, article: str) -> _PathHistory | None:
        path = self.repo_path(locale, article)
        if self.history is None or path is None:
            return None
        return self.history.get(path)

    def updated(self, locale: str, article: str) -> datetime | None:
        """Last commit date, or now when the file has uncommitted changes."""
        if self.repo_path(locale, article) in self.dirty:
            return datetime.now(timezone.utc)
        entry = self.path_history(locale, article)
        return entry.updated if entry is not None else None

    def source_changed(self, article: str) -> tuple[datetime | None, bool]:
        if article not in self._changed:
            path = self.repo_path(self.default_locale, article)
            if self.objects is None or path is None:
                self._changed[article] = (None, False)
            else:
                self._changed[article] = last_body_change(
                    self.objects,
                    path,
                    self.path_history(self.default_locale, article),
                    self.hashes[article],
                )
        return self._changed[article]

    def article(
        self, locale: str, article: str, text: str | None, own_path: str | None = None
    ) -> ArticleStatus:
        own_path = own_path or article
        source_path = f"{self.default_locale}/{article}"
        translation_path = f"{locale}/{own_path}"
        common = {
            "locale": locale,
            "article": article,
            "source_path": source_path,
            "translation_path": translation_path,
        }
        if text is None:
            return ArticleStatus(
                **common,
                state=TranslationState.MISSING,
                reason=f"{translation_path} does not exist; translate {source_path}",
                basis=Basis.FILES,
                source_hash=self.hashes[article],
            )
        file_path = self.docs_dir / locale / own_path
        try:
            front = parse_front_matter(file_path, text)
            recorded = read_marker(file_path, text)
        except ContentError:
            # The verdict reports the file; its status is judged from git dates alone.
            front, recorded = FrontMatter(), None
        if article not in self.sources:
            return self.without_source(common, front.meta, recorded)
        current = self.hashes[article]
        note = ""
        if front.meta.get(LOCALE_ONLY_KEY) is True:
            note = (
                f"; it says {LOCALE_ONLY_KEY}: true but {source_path} exists -- "
                f"remove {LOCALE_ONLY_KEY} or rename one of them"
            )
        common.update(source_hash=current, recorded_hash=recorded)
        if recorded is not None:
            if recorded == current:
                return ArticleStatus(
                    **common,
                    state=TranslationState.TRANSLATED,
                    reason=f"made from the current version of {source_path} "
                    f"(source_hash {recorded}){note}",
                    basis=Basis.MARKER,
                    translation_updated=self.updated(locale, own_path),
                )
            changed, uncommitted = self.source_changed(article)
            when = _when(changed, uncommitted)
            return ArticleStatus(
                **common,
                state=TranslationState.OUTDATED,
                reason=f"{source_path} changed{when} since this translation was made "
                f"(source_hash {recorded}, now {current}); update it, then run "
                f"'helpcentre translations mark {locale} {article}'{note}",
                basis=Basis.MARKER,
                source_changed=changed,
                translation_updated=self.updated(locale, own_path),
            )
        return self.by_git_dates(common, locale, article, note, own_path)

    def by_git_dates(
        self, common: dict[str, Any], locale: str, article: str, note: str, own_path: str
    ) -> ArticleStatus:
        source_path = common["source_path"]
        unmarked = f"no {MARKER_KEY} marker"
        translated = self.updated(locale, own_path)
        if self.history is None or translated is None:
            why = "no git history" if self.history is None else "the translation is not in git"
            return ArticleStatus(
                **common,
                state=TranslationState.TRANSLATED,
                reason=f"{unmarked} and {why}: whether it is up to date cannot be told; "
                f"check it against {source_path}, then run "
                f"'helpcentre translations mark {locale} {article}'{note}",
                basis=Basis.UNKNOWN,
                translation_updated=translated,
            )
        shallow = " (shallow clone: older dates are unknown)" if self.history.shallow else ""
        source_updated = self.updated(self.default_locale, article)
        if source_updated is not None and source_updated <= translated:
            changed = None
        else:
            changed, _ = self.source_changed(article)
        if changed is not None and changed > translated:
            return ArticleStatus(
                **common,
                state=TranslationState.OUTDATED,
                reason=f"{unmarked}; by git dates {source_path} changed on {_day(changed)}, "
                f"after the translation's last change on {_day(translated)}{shallow}{note}",
                basis=Basis.GIT_DATES,
                source_changed=changed,
                translation_updated=translated,
            )
        return ArticleStatus(
            **common,
            state=TranslationState.TRANSLATED,
            reason=f"{unmarked}; by git dates the translation ({_day(translated)}) is not older "
            f"than the last change to {source_path}{shallow}; run "
            f"'helpcentre translations mark {locale} {article}' to record it{note}",
            basis=Basis.GIT_DATES,
            source_changed=changed,
            translation_updated=translated,
        )

    def without_source(
        self, common: dict[str, Any], meta: dict[str, Any], recorded: str | None
    ) -> ArticleStatus:
        source_path = common["source_path"]
        article = common["article"]
        if meta.get(LOCALE_ONLY_KEY) is True:
            return ArticleStatus(
                **common,
                state=TranslationState.LOCALE_ONLY,
                reason=f"written for this locale only ({LOCALE_ONLY_KEY}: true)",
                basis=Basis.FILES,
                recorded_hash=recorded,
            )
        deletion = self.deletion(article)
        last_hash = recorded
        if last_hash is None and deletion is not None and self.objects is not None:
            path = self.repo_path(self.default_locale, article)
            assert path is not None
            text = self.objects.read(f"{deletion[0]}^", path)
            last_hash = _safe_hash(path, text) if text is not None else None
        moved_to = next(
            (other for other, digest in sorted(self.hashes.items()) if digest == last_hash),
            None,
        )
        hint = (
            f"; its source text is now {self.default_locale}/{moved_to}: "
            f"git mv it to {common['locale']}/{moved_to}"
            if moved_to
            else "; delete it, or move it along with its source"
        )
        if recorded is not None:
            return ArticleStatus(
                **common,
                state=TranslationState.ORPHANED,
                reason=f"{source_path} no longer exists but this translation was made from it "
                f"(source_hash {recorded}){hint}",
                basis=Basis.MARKER,
                recorded_hash=recorded,
                moved_to=moved_to,
            )
        if deletion is not None:
            return ArticleStatus(
                **common,
                state=TranslationState.ORPHANED,
                reason=f"{source_path} was deleted or moved on {_day(deletion[1])}"
                f" (commit {deletion[0][:7]}){hint}",
                basis=Basis.GIT_DATES,
                moved_to=moved_to,
            )
        return ArticleStatus(
            **common,
            state=TranslationState.LOCALE_ONLY,
            reason=f"{source_path} has never existed, so this is taken as written for this "
            f"locale only; add '{LOCALE_ONLY_KEY}: true' to its front matter to say so",
            basis=Basis.FILES if self.history is not None else Basis.UNKNOWN,
        )


def _safe_hash(path: str, text: str) -> str | None:
    """Hash of an old version; ``None`` (skipped like an absent file) if its front matter broke."""
    try:
        return body_hash(path, text)
    except ContentError:
        return None


def _day(moment: datetime) -> str:
    return moment.date().isoformat()


def _when(changed: datetime | None, uncommitted: bool) -> str:
    if uncommitted:
        return " (uncommitted changes)"
    if changed is None:
        return ""
    return f" on {_day(changed)}"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


@dataclass
class CatalogStatus:
    """Completeness of one locale's UI catalogs (every ``.po`` of its ``LC_MESSAGES``).

    A string counts as translated when any of the locale's catalogs translates it without the
    fuzzy flag, exactly as :func:`helpcentre.catalogs.load_translations` reads them; fuzzy
    and missing strings fall back to the source text on the site.

    Attributes:
        locale: The locale code.
        total: Strings in the templates (``locales/*.pot``) and the locale's catalogs.
        translated: How many of them are translated.
        fuzzy: Strings whose only translation is marked fuzzy.
        missing: Strings with no translation at all.
    """

    locale: str
    total: int
    translated: int
    fuzzy: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def completeness(self) -> float:
        """Percentage of the strings that are translated."""
        return round(100.0 * self.translated / self.total, 1) if self.total else 100.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "locale": self.locale,
            "total": self.total,
            "translated": self.translated,
            "completeness": self.completeness,
            "fuzzy": self.fuzzy,
            "missing": self.missing,
        }


def catalog_status(locales_dir: Path, locale: str) -> CatalogStatus:
    """How complete the UI catalogs of ``locale`` are.

    Raises:
        ContentError: A template or catalog cannot be parsed (names the file and line).
    """
    from helpcentre.catalogs import SHIPPED_LOCALES, catalog_files, read_catalog

    locales_dir = Path(locales_dir)
    # The site's own catalogs; and helpcentre's templates where helpcentre ships no translation
    # of its strings for the locale (a new language): then they are the site's to translate.
    folders = [locales_dir]
    if locales_dir.resolve() != SHIPPED_LOCALES and not catalog_files(SHIPPED_LOCALES, locale):
        folders.append(SHIPPED_LOCALES)
    wanted: set[str] = set()
    for folder in folders:
        for template in sorted(folder.glob("*.pot")):
            wanted.update(_message_ids(read_catalog(template, "en")))
    translated: set[str] = set()
    fuzzy: set[str] = set()
    for path in [file for folder in folders for file in catalog_files(folder, locale)]:
        for message in read_catalog(path, locale):
            key = _message_key(message)
            if not key:
                continue
            wanted.add(key)
            if message.string and (not isinstance(message.string, tuple) or all(message.string)):
                (fuzzy if message.fuzzy else translated).add(key)
    fuzzy -= translated
    return CatalogStatus(
        locale=locale,
        total=len(wanted),
        translated=len(translated & wanted),
        fuzzy=sorted(fuzzy),
        missing=sorted(wanted - translated - fuzzy),
    )


def _message_key(message: Any) -> str:
    """A message's identity: its (singular) id, with its context when it has one."""
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    if not msgid:
        return ""
    return f"{message.context}\x04{msgid}" if message.context else msgid


def _message_ids(catalog: Any) -> set[str]:
    return {key for key in (_message_key(message) for message in catalog) if key}


def changes_since(
    docs_dir: Path,
    since: str,
    *,
    default_locale: str = "en",
    locales: Sequence[str] | None = None,
) -> list[ArticleStatus]:
    """The translations a change leaves behind: what a pull request forgot to translate.

    Compares the work tree with the merge base of ``since`` and ``HEAD``. A source article whose
    body changed (whitespace and front matter aside) leaves a translation behind when that
    translation was not changed as well, or was changed but still carries a marker for another
    version. A new source article leaves every locale *missing* it; a deleted one leaves its
    translations *orphaned*.

    Args:
        docs_dir: The docs folder, inside a git work tree.
        since: A revision (``origin/main``, a tag, a commit).
        default_locale: The source locale.
        locales: The translated locales; by default every folder of ``docs_dir`` but the source.

    Returns:
        One entry per translation left behind, by locale then article.

    Raises:
        ContentError: ``docs_dir`` is not in a git work tree, or ``since`` is not a revision.
    """
    docs_dir = Path(docs_dir).resolve()
    root = repository_root(docs_dir)
    if root is None:
        raise ContentError(
            docs_dir,
            0,
            "--changed-since needs a git repository",
            "run the command inside the repository's work tree",
        )
    if locales is None:
        locales = sorted(
            p.name
            for p in docs_dir.iterdir()
            if p.is_dir() and p.name != default_locale and not p.name.startswith((".", "_"))
        )
    base = subprocess.run(
        ["git", "merge-base", since, "HEAD"], cwd=root, capture_output=True, text=True, check=False
    )
    if base.returncode != 0:
        raise ContentError(
            since,
            0,
            f"'{since}' is not a revision this repository knows",
            "fetch it first (git fetch origin main) or name a commit, branch or tag",
        )
    base_sha = base.stdout.strip()
    prefix = docs_dir.relative_to(root).as_posix()
    changed = _changed_files(root, base_sha, prefix)
    source_prefix = f"{prefix}/{default_locale}/"
    entries: list[ArticleStatus] = []
    with GitObjects(root) as objects:
        for path in sorted(changed):
            if not path.startswith(source_prefix) or not path.endswith(".md"):
                continue
            article = path[len(source_prefix) :]
            source_file = docs_dir / default_locale / article
            before = objects.read(base_sha, path)
            old_hash = _safe_hash(path, before) if before is not None else None
            new_hash = (
                body_hash(source_file, source_file.read_text(encoding="utf-8"))
                if source_file.is_file()
                else None
            )
            if before is not None and new_hash is not None and old_hash == new_hash:
                continue  # only whitespace or front matter changed
            for locale in locales:
                entry = _left_behind(
                    docs_dir, prefix, changed, locale, article, default_locale, old_hash, new_hash
                )
                if entry is not None:
                    entries.append(entry)
    return sorted(entries, key=lambda entry: (entry.locale, entry.article))


def _changed_files(root: Path, base: str, prefix: str) -> set[str]:
    """Paths under ``prefix`` that differ between ``base`` and the work tree, untracked included."""
    diff = subprocess.run(
        ["git", "diff", "--name-only", "--no-renames", "-z", base, "--", prefix],
        cwd=root,
        capture_output=True,
        check=False,
    )
    untracked = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "-z", "--", prefix],
        cwd=root,
        capture_output=True,
        check=False,
    )
    names = diff.stdout.split(b"\0") + untracked.stdout.split(b"\0")
    return {name.decode("utf-8", "replace") for name in names if name}


def _left_behind(
    docs_dir: Path,
    prefix: str,
    changed: set[str],
    locale: str,
    article: str,
    default_locale: str,
    old_hash: str | None,
    new_hash: str | None,
) -> ArticleStatus | None:
    source_path = f"{default_locale}/{article}"
    translation_path = f"{locale}/{article}"
    translation = docs_dir / locale / article
    touched = f"{prefix}/{translation_path}" in changed
    common = {
        "locale": locale,
        "article": article,
        "source_path": source_path,
        "translation_path": translation_path,
        "basis": Basis.CHANGES,
        "source_hash": new_hash,
    }
    if new_hash is None:
        if translation.is_file():
            return ArticleStatus(
                **common,
                state=TranslationState.ORPHANED,
                reason=f"{source_path} is deleted by this change but {translation_path} is kept; "
                "delete or move it in the same change",
            )
        return None
    if not translation.is_file():
        if old_hash is not None:
            return None  # it was missing before this change too: not this change's doing
        return ArticleStatus(
            **common,
            state=TranslationState.MISSING,
            reason=f"{source_path} is new in this change and has no {locale} translation",
        )
    recorded = read_marker(translation, translation.read_text(encoding="utf-8"))
    if not touched:
        return ArticleStatus(
            **common,
            state=TranslationState.OUTDATED,
            recorded_hash=recorded,
            reason=f"{source_path} changes in this change but {translation_path} does not; "
            f"update it, then run 'helpcentre translations mark {locale} {article}'",
        )
    if recorded is not None and recorded != new_hash:
        return ArticleStatus(
            **common,
            state=TranslationState.OUTDATED,
            recorded_hash=recorded,
            reason=f"{translation_path} changes too, but its source_hash ({recorded}) is not that "
            f"of the new source ({new_hash}); if it is up to date, run "
            f"'helpcentre translations mark {locale} {article}'",
        )
    return None
