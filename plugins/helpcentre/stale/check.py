"""The writer's check: run every rule over a docs tree, optionally only where a branch changed it.

``helpcentre check`` and the build share this: pages are read with their review policy and git
dates, the optional inputs (feedback, translation status, broken links) are gathered, and the
rules turn them into flags. This module never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.content.frontmatter import ContentError
from helpcentre.history import SHALLOW_WARNING, HistoryError, RepositoryHistory, read_history
from helpcentre.stale.inputs import load_feedback, read_broken_links, read_translation_status
from helpcentre.stale.pages import StalePage, read_locale_pages
from helpcentre.stale.policy import PolicySettings
from helpcentre.stale.rules import (
    OFF,
    HelpfulnessThresholds,
    RuleInputs,
    StaleFlag,
    content_error_flag,
    evaluate,
    rule_levels,
)


@dataclass
class CheckOptions:
    """What ``helpcentre check`` needs besides the docs folder.

    Attributes:
        settings: Review policy defaults.
        levels: Level per rule id (``off`` disables a rule).
        source_locale: The locale translations are made from.
        ignore_marker: Commits with this text in their message are not content changes.
        feedback_summary: Feedback summary file or database URL, or None.
        helpfulness: Thresholds of the low-helpfulness rule.
        today: Date the rules compare against (default: today).
        changed_since: A git revision: only pages changed since then (and the translations those
            changes leave behind) are reported.
    """

    settings: PolicySettings = field(default_factory=PolicySettings)
    levels: Mapping[str, str] = field(default_factory=rule_levels)
    source_locale: str = "en"
    ignore_marker: str | None = "[format]"
    feedback_summary: str | None = None
    helpfulness: HelpfulnessThresholds = field(default_factory=HelpfulnessThresholds)
    today: dt.date | None = None
    changed_since: str | None = None


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


def locales_of(docs_root: Path, source_locale: str) -> list[str]:
    """The locale folders of ``docs_root``, the source locale first."""
    folders = sorted(
        p.name
        for p in Path(docs_root).iterdir()
        if p.is_dir() and not p.name.startswith((".", "_"))
    )
    return sorted(folders, key=lambda name: name != source_locale)


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


def run_check(docs_root: Path, options: CheckOptions) -> CheckResult:
    """Check every page of every locale folder of ``docs_root``.

    Args:
        docs_root: The folder holding one folder per locale (``docs``).
        options: Policy, rule levels and optional inputs.

    Returns:
        The flags and notes. Front matter errors are error-level flags, so one bad file does
        not hide the others.
    """
    docs_root = Path(docs_root)
    result = CheckResult()
    history: RepositoryHistory | None
    try:
        history = read_history(
            docs_root, under=str(docs_root.resolve()), ignore_marker=options.ignore_marker
        )
    except HistoryError as error:
        history = None
        result.notes.append(
            f"no git history ({error}); dates fall back to each article's 'reviewed' date"
        )
    if history is not None and history.shallow:
        result.notes.append(SHALLOW_WARNING)
    inputs = RuleInputs(
        today=options.today or dt.date.today(),
        helpfulness=options.helpfulness,
        source_locale=options.source_locale,
    )
    levels = dict(options.levels)
    if options.feedback_summary and levels.get("low-helpfulness") != OFF:
        try:
            inputs.feedback = load_feedback(options.feedback_summary)
        except ValueError as error:
            result.notes.append(f"low-helpfulness not checked: {error}")
    locales = locales_of(docs_root, options.source_locale)
    if len(locales) > 1 and levels.get("translation-behind") != OFF:
        try:
            inputs.translations = read_translation_status(
                docs_root, source_locale=options.source_locale, history=history
            )
        except (ContentError, ValueError) as error:
            # A broken article is reported below with its line; the status needs every one.
            result.notes.append(f"translation-behind not checked: {error}")
    pages: list[StalePage] = []
    broken: dict = {}
    for locale in locales:
        locale_pages, errors = read_locale_pages(
            docs_root, locale, settings=options.settings, history=history
        )
        pages.extend(locale_pages)
        result.flags.extend(content_error_flag(error) for error in errors)
        if levels.get("broken-link") != OFF:
            try:
                broken.update(
                    read_broken_links(docs_root, locale, source_locale=options.source_locale)
                )
            except (ContentError, ValueError) as error:
                result.notes.append(f"broken-link not checked in '{locale}': {error}")
    inputs.broken_links = broken
    result.pages = len(pages)
    flags = evaluate(pages, inputs, levels=levels)
    result.flags.extend(flags)
    if options.changed_since:
        result.flags = _narrow(result.flags, pages, docs_root, history, options)
    result.flags.sort(key=lambda flag: (flag.path, flag.line, flag.rule))
    return result


def _narrow(
    flags: list[StaleFlag],
    pages: list[StalePage],
    docs_root: Path,
    history: RepositoryHistory | None,
    options: CheckOptions,
) -> list[StaleFlag]:
    """Keep flags of pages changed since the revision and of translations they left behind."""
    if history is None or options.changed_since is None:
        return flags
    changed = changed_files(history.root, options.changed_since)
    by_path = {page.path: page for page in pages}
    changed_pages = {path for path in by_path if path in changed}
    changed_sources = {
        by_path[path].page_id
        for path in changed_pages
        if by_path[path].locale == options.source_locale
    }
    kept: list[StaleFlag] = []
    for flag in flags:
        page = by_path.get(flag.path)
        if flag.path in changed or flag.path in changed_pages:
            kept.append(flag)
        elif (
            page is not None
            and flag.rule == "translation-behind"
            and page.page_id in changed_sources
        ):
            kept.append(flag)
    return kept


#: Keys of the ``helpcentre/stale`` plugin options that the check reads.
_CHECK_KEYS = (
    "review_every",
    "max_age",
    "owner",
    "categories",
    "types",
    "levels",
    "ignore_marker",
    "source_locale",
    "feedback_summary",
    "helpfulness_min_votes",
    "helpfulness_min_lower_bound",
    "today",
)


def check_options(plugin_options: Mapping[str, object], *, where: str) -> CheckOptions:
    """Turn the ``helpcentre/stale`` options (from ``mkdocs.yml``) into :class:`CheckOptions`.

    Args:
        plugin_options: The plugin's options, validated by MkDocs or read from YAML.
        where: Name of the options block for messages (``mkdocs.yml: plugins > helpcentre/stale``).

    Raises:
        ValueError: An option is wrong; the message names it and what to write.
    """
    from helpcentre.stale.policy import parse_date, policy_settings

    options = dict(plugin_options)
    settings = policy_settings(
        review_every=options.get("review_every"),
        max_age=options.get("max_age"),
        owner=options.get("owner"),
        categories=_mapping(options.get("categories"), f"{where} > categories"),
        types=_mapping(options.get("types"), f"{where} > types"),
        where=where,
    )
    try:
        levels = rule_levels(_mapping(options.get("levels"), f"{where} > levels"))
    except ValueError as error:
        raise ValueError(f"{where} > levels: {error}") from None
    today = options.get("today")
    try:
        today_date = parse_date(today) if today not in (None, "") else None
        helpfulness = HelpfulnessThresholds(
            min_votes=int(options.get("helpfulness_min_votes", 20)),  # type: ignore[arg-type]
            min_lower_bound=float(options.get("helpfulness_min_lower_bound", 0.5)),  # type: ignore[arg-type]
        )
    except (TypeError, ValueError) as error:
        raise ValueError(f"{where}: {error}") from None
    marker = options.get("ignore_marker", "[format]")
    return CheckOptions(
        settings=settings,
        levels=levels,
        source_locale=str(options.get("source_locale") or "en"),
        ignore_marker=str(marker) if marker else None,
        feedback_summary=str(options["feedback_summary"])
        if options.get("feedback_summary")
        else None,
        helpfulness=helpfulness,
        today=today_date,
    )


def _mapping(value: object, where: str) -> dict[str, object]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"{where} must be a mapping, not {value!r}")
    return {str(key): item for key, item in value.items()}
