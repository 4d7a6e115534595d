"""The writer's check: the site model's verdict, optionally only where a branch changed the tree.

``helpcentre check`` prints what ``mkdocs build --strict`` logs: the problems of the one site
model (:func:`helpcentre.site.model.load_site`). This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.history import HistoryError
from helpcentre.site.model import SiteModel, load_site
from helpcentre.site.settings import SiteSettings
from helpcentre.stale.options import CheckOptions, check_options
from helpcentre.stale.rules import StaleFlag

__all__ = ["CheckOptions", "CheckResult", "changed_files", "check_options", "run_check"]


@dataclass
class CheckResult:
    """Flags and notes of one check.

    Attributes:
        flags: Every flag, pages in path order.
        notes: Warnings about the check itself (shallow clone, missing inputs).
        pages: Number of pages checked.
    """

    flags: list[StaleFlag] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pages: int = 0

    @property
    def failed(self) -> bool:
        """True when an error-level flag was raised."""
        return any(flag.level == "error" for flag in self.flags)

    def count(self, level: str) -> int:
        """Number of flags at ``level``."""
        return sum(1 for flag in self.flags if flag.level == level)


def changed_files(root: Path, revision: str) -> set[str]:
    """Repository-relative paths changed since the merge base of ``revision`` and HEAD,
    including uncommitted and untracked files.

    Raises:
        HistoryError: ``revision`` is unknown.
    """

    def run(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
        if result.returncode != 0:
            problem = result.stderr.decode("utf-8", "replace").strip()
            raise HistoryError(
                f"cannot compare with '{revision}': {problem} -- pass a branch, tag or commit "
                "that exists (in CI fetch it first, e.g. 'git fetch origin main')"
            )
        return result.stdout.decode("utf-8", "replace")

    base = run("merge-base", revision, "HEAD").strip()
    changed = run("diff", "--name-only", "-z", "--no-renames", base)
    untracked = run("ls-files", "--others", "--exclude-standard", "-z")
    return {name for name in (changed + "\0" + untracked).split("\0") if name}


def run_check(
    settings: SiteSettings,
    *,
    today: dt.date | None = None,
    changed_since: str | None = None,
    model: SiteModel | None = None,
) -> CheckResult:
    """The verdict of the site model on every page of every locale.

    Args:
        settings: The help centre's shared options.
        today: The date the rules compare against (default: the options', else today).
        changed_since: A git revision: only pages changed since then (and the translations those
            changes leave behind) are reported.
        model: The site model, when already read.

    Returns:
        The problems and notes; one bad file never hides another.
    """
    model = model or load_site(settings, today=today)
    result = CheckResult(
        flags=list(model.problems), notes=list(model.notes), pages=len(model.pages)
    )
    if changed_since:
        result.flags = _narrow(result.flags, model, changed_since)
    return result


def _narrow(flags: list[StaleFlag], model: SiteModel, revision: str) -> list[StaleFlag]:
    """Keep flags of files changed since the revision and of translations they left behind."""
    history = model.history
    if history is None:
        return flags
    changed = changed_files(history.root, revision)
    pages = list(model.pages.values())
    by_path = {page.path: page for page in pages}
    root = Path(history.root)

    def repository_path(path: str) -> str:
        absolute = Path(path).resolve() if not Path(path).is_absolute() else Path(path)
        try:
            return absolute.relative_to(root.resolve()).as_posix()
        except ValueError:
            return path

    changed_pages = {path for path in by_path if repository_path(path) in changed}
    changed_sources = {
        by_path[path].page_id
        for path in changed_pages
        if by_path[path].locale == model.default_locale
    }
    kept: list[StaleFlag] = []
    for flag in flags:
        page = by_path.get(flag.path)
        if flag.path in changed_pages or repository_path(flag.path.rstrip("/")) in changed:
            kept.append(flag)
        elif (
            page is not None
            and flag.rule == "translation-behind"
            and page.page_id in changed_sources
        ):
            kept.append(flag)
    return kept
