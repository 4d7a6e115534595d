"""Page history from one ``git log`` pass over the whole tree.

Asking git once per file (what most date plugins do) costs a process and a history walk per page;
a help centre with thousands of articles then spends most of its build in git. Here one
``git log --name-status -M`` walk, newest commit first, yields for every path its creation, its
last content change and the commits that touched it. Renames are followed back so that a moved
page keeps its history; commits whose message carries a marker such as ``[format]`` still belong
to a page's commits but do not count as a content change.

This module never imports MkDocs.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path, PurePosixPath

#: Message of the warning shown when the clone is shallow; dates cannot be trusted then.
SHALLOW_WARNING = (
    "the git repository is a shallow clone, so page dates cannot be read from its history; "
    "they fall back to each article's 'reviewed' date -- fetch the full history "
    "(actions/checkout with 'fetch-depth: 0', or 'git fetch --unshallow')"
)

# Separators that cannot occur in a commit's hash, date, author or subject.
_RECORD = "\x1e"
_FIELD = "\x1f"
_FORMAT = f"{_RECORD}%H{_FIELD}%aI{_FIELD}%an{_FIELD}%s{_FIELD}%b{_FIELD}"


class HistoryError(RuntimeError):
    """git could not be run, or the folder is not inside a git repository."""


@dataclass(frozen=True)
class Commit:
    """One commit that touched a path.

    Attributes:
        sha: Full commit hash.
        date: Author date, timezone-aware.
        author: Author name.
        subject: First line of the message.
    """

    sha: str
    date: datetime
    author: str
    subject: str


@dataclass
class PathHistory:
    """History of one path, following renames back.

    Attributes:
        path: Repository-relative POSIX path, as the file is named today.
        created: Date of the commit that added the file (under any earlier name).
        updated: Date of the newest commit that changed its content (commits carrying the
            ignore marker are skipped; the creation counts as a content change).
        commits: Every commit that touched the file, newest first.
        names: The file's name at each of those commits (by hash) where it differs from ``path``.
    """

    path: str
    created: datetime
    updated: datetime
    commits: list[Commit] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)


@dataclass
class RepositoryHistory:
    """History of every path of a repository, read in one pass.

    Attributes:
        root: The repository's top-level folder.
        shallow: True when the clone is shallow: creation dates are then those of the oldest
            fetched commit, and dates of paths only touched by it are unknown.
        paths: History per repository-relative POSIX path of every file that exists at HEAD.
        boundary: Hashes of the shallow boundary commits (empty for a full clone). A date taken
            from one of them is not the date of a real change.
        deleted: Paths that a commit deleted or renamed away, with the newest such commit's
            hash and date.
        uncommitted: Paths that differ from HEAD in the work tree, or are untracked.
    """

    root: Path
    shallow: bool
    paths: dict[str, PathHistory] = field(default_factory=dict)
    boundary: frozenset[str] = frozenset()
    deleted: dict[str, tuple[str, datetime]] = field(default_factory=dict)
    uncommitted: frozenset[str] = frozenset()

    def get(self, path: str | Path) -> PathHistory | None:
        """History of ``path`` (repository-relative or absolute), or None when git has none."""
        key = self.relative(path)
        return self.paths.get(key) if key is not None else None

    def relative(self, path: str | Path) -> str | None:
        """``path`` as a repository-relative POSIX path, or None when it is outside the root."""
        candidate = Path(path)
        if not candidate.is_absolute():
            return PurePosixPath(candidate.as_posix()).as_posix()
        # Plain prefix tests first: resolving every page's path costs system calls per page.
        for base in self._bases:
            if candidate.is_relative_to(base):
                return candidate.relative_to(base).as_posix()
        resolved = candidate.resolve()
        for base in self._bases:
            if resolved.is_relative_to(base):
                return resolved.relative_to(base).as_posix()
        return None

    @cached_property
    def _bases(self) -> tuple[Path, ...]:
        return (self.root, self.root.resolve())

    def is_exact(self, path: str | Path) -> bool:
        """True when the path's last content change is a real commit, not a shallow boundary."""
        entry = self.get(path)
        if entry is None:
            return False
        if not self.shallow:
            return True
        newest_content = next((c for c in entry.commits if c.date == entry.updated), None)
        return newest_content is not None and newest_content.sha not in self.boundary


def _run_git(root: Path, *args: str) -> str:
    env = dict(os.environ)
    # A user's pager, colours or signature settings must not leak into output we parse.
    env.update(GIT_PAGER="cat", GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    try:
        result = subprocess.run(
            ["git", "-c", "log.showSignature=false", "-c", "core.quotePath=false", *args],
            cwd=root,
            env=env,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError as error:
        raise HistoryError("git is not installed -- install git to read page dates") from error
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise HistoryError(f"git {args[0]} failed in {root}: {message}")
    return result.stdout.decode("utf-8", "replace")


def find_repository_root(folder: Path) -> Path:
    """The top-level folder of the git repository containing ``folder``.

    Raises:
        HistoryError: ``folder`` is not inside a git repository.
    """
    return Path(_run_git(Path(folder), "rev-parse", "--show-toplevel").strip())


def _shallow_boundary(root: Path) -> tuple[bool, frozenset[str]]:
    shallow = _run_git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
    if not shallow:
        return False, frozenset()
    shallow_file = Path(_run_git(root, "rev-parse", "--git-path", "shallow").strip())
    if not shallow_file.is_absolute():
        shallow_file = root / shallow_file
    try:
        shas = shallow_file.read_text(encoding="ascii").split()
    except OSError:
        shas = []
    return True, frozenset(shas)


def _has_commits(root: Path) -> bool:
    result = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", "HEAD"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


class _Walk:
    """Attributes commits, seen newest first, to the path each file has today."""

    def __init__(self, ignore_marker: str | None) -> None:
        self.ignore_marker = ignore_marker
        # Name a file had at this point of the walk -> its name today; None means the name
        # belongs to a file that no longer exists (deleted, or an earlier file of the same name).
        self.alias: dict[str, str | None] = {}
        self.commits: dict[str, list[Commit]] = {}
        self.updated: dict[str, datetime] = {}
        self.created: dict[str, datetime] = {}
        self.names: dict[str, dict[str, str]] = {}
        self.deleted: dict[str, tuple[str, datetime]] = {}

    def _current(self, name: str) -> str | None:
        return self.alias.get(name, name)

    def _touch(self, key: str, commit: Commit, content: bool, name: str) -> None:
        self.commits.setdefault(key, []).append(commit)
        if name != key:
            self.names.setdefault(key, {})[commit.sha] = name
        if content and key not in self.updated:
            self.updated[key] = commit.date

    def _gone(self, name: str, commit: Commit) -> None:
        self.deleted.setdefault(name, (commit.sha, commit.date))

    def commit(self, commit: Commit, message: str, changes: list[tuple[str, ...]]) -> None:
        content = not (self.ignore_marker and self.ignore_marker in message)
        for change in changes:
            status = change[0][:1]
            if status == "R" and len(change) == 3:
                old, new = change[1], change[2]
                key = self._current(new)
                if key is not None:
                    self._touch(key, commit, content, new)
                self._gone(old, commit)
                # Before this commit the file was called ``old``; ``new`` was someone else.
                self.alias[new] = None
                self.alias[old] = key
            elif status in {"A", "C"} and len(change) >= 2:
                name = change[-1]
                key = self._current(name)
                if key is not None:
                    # Adding the file is always a content change, whatever its message says.
                    self._touch(key, commit, True, name)
                    self.created[key] = commit.date
                self.alias[name] = None
            elif status == "D" and len(change) == 2:
                name = change[1]
                self._gone(name, commit)
                if name not in self.alias:
                    self.alias[name] = None
            elif len(change) == 2:
                key = self._current(change[1])
                if key is not None:
                    self._touch(key, commit, content, change[1])

    def result(self, live: set[str] | None) -> dict[str, PathHistory]:
        paths: dict[str, PathHistory] = {}
        for key, commits in self.commits.items():
            if live is not None and key not in live:
                continue
            created = self.created.get(key, commits[-1].date)
            updated = self.updated.get(key, created)
            paths[key] = PathHistory(
                path=key,
                created=created,
                updated=updated,
                commits=commits,
                names=self.names.get(key, {}),
            )
        return paths


def _parse_log(output: str, walk: _Walk) -> None:
    for record in output.split(_RECORD):
        if not record:
            continue
        parts = record.split(_FIELD, 5)
        if len(parts) < 6:
            continue
        sha, date, author, subject, body, rest = parts
        commit = Commit(sha=sha, date=datetime.fromisoformat(date), author=author, subject=subject)
        tokens = [token for token in rest.lstrip("\0\n").split("\0")]
        changes: list[tuple[str, ...]] = []
        index = 0
        while index < len(tokens):
            status = tokens[index].strip()
            if not status:
                index += 1
                continue
            width = 3 if status[:1] in {"R", "C"} else 2
            changes.append(tuple([status, *tokens[index + 1 : index + width]]))
            index += width
        walk.commit(commit, f"{subject}\n{body}", changes)


def read_history(
    root: Path, *, under: str | None = None, ignore_marker: str | None = None
) -> RepositoryHistory:
    """Read the history of every file in one ``git log`` pass.

    Args:
        root: A folder inside the repository (its top level is found with git).
        under: Only read paths under this folder (repository-relative, or absolute inside the
            repository), e.g. ``docs``.
        ignore_marker: Commits whose message contains this text (e.g. ``[format]``) do not count
            as content changes.

    Returns:
        The history of every file that exists at HEAD and was touched by a commit. A repository
        without commits gives an empty history.

    Raises:
        HistoryError: git is missing or ``root`` is not inside a repository.
    """
    top = find_repository_root(Path(root))
    shallow, boundary = _shallow_boundary(top)
    history = RepositoryHistory(root=top, shallow=shallow, boundary=boundary)
    if not _has_commits(top):
        return history
    pathspec: list[str] = []
    if under:
        under_path = Path(under)
        if under_path.is_absolute():
            relative = history.relative(under_path)
            if relative is None:
                raise HistoryError(f"{under} is not inside the repository at {top}")
            under = relative
        pathspec = ["--", under]
    output = _run_git(
        top,
        "log",
        "-M",
        "-l0",
        "--name-status",
        "-z",
        "--no-color",
        "--encoding=UTF-8",
        f"--format={_FORMAT}",
        "HEAD",
        *pathspec,
    )
    walk = _Walk(ignore_marker)
    _parse_log(output, walk)
    live_output = _run_git(top, "ls-tree", "-r", "-z", "--name-only", "HEAD", *pathspec)
    live = {name for name in live_output.split("\0") if name}
    history.paths = walk.result(live)
    history.deleted = {name: gone for name, gone in walk.deleted.items() if name not in live}
    history.uncommitted = _uncommitted(top, pathspec)
    return history


def _uncommitted(top: Path, pathspec: list[str]) -> frozenset[str]:
    """Paths that differ from HEAD in the work tree or are untracked."""
    output = _run_git(
        top, "status", "--porcelain", "-z", "--untracked-files=all", "--no-renames", *pathspec
    )
    return frozenset(entry[3:] for entry in output.split("\0") if len(entry) > 3)
