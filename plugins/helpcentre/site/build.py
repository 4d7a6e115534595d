"""The MkDocs side of the site model: one model per build, handed to every helpcentre plugin.

It takes MkDocs' configuration object but imports nothing of MkDocs. The first helpcentre
plugin to configure itself in a build asks :func:`build_context`; the model
is read then, once, and its verdict logged (errors as warnings, so ``mkdocs build --strict``
fails exactly where ``helpcentre check`` does). The locale builds that ``helpcentre/i18n`` starts
receive the same model instead of reading it again. Plugins read the model and the build's
locale from here, never from each other.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpcentre.site.model import SiteModel, load_site
from helpcentre.site.settings import site_settings
from helpcentre.stale.rules import StaleFlag

# MkDocs counts the warnings of its own logger tree for --strict; plugins log below
# ``mkdocs.plugins``. A plain logger there keeps this module free of MkDocs.
log = logging.getLogger("mkdocs.plugins.helpcentre")

_ATTRIBUTE = "_helpcentre_build"


@dataclass
class BuildContext:
    """What one MkDocs build is for.

    Attributes:
        model: The site model.
        locale: The locale this build renders; None in the root build of a multilingual site,
            which only writes the language choice and starts the locale builds.
    """

    model: SiteModel
    locale: str | None

    @property
    def is_root(self) -> bool:
        """True in the root build of a multilingual site (no pages of its own)."""
        return self.locale is None

    @property
    def current(self) -> str:
        """The locale whose pages this build renders (the source locale in the root build)."""
        return self.locale or self.model.default_locale


#: Set inside a locale build (by ``helpcentre/i18n``) before MkDocs starts it.
_locale_build: BuildContext | None = None


def enter_locale_build(model: SiteModel, locale: str) -> None:
    """Make the next builds of this process the build of ``locale``, reading ``model``."""
    global _locale_build
    _locale_build = BuildContext(model=model, locale=locale)


def leave_locale_build() -> None:
    """End :func:`enter_locale_build`."""
    global _locale_build
    _locale_build = None


def build_context(config: Any, *, error: type[Exception] = ValueError) -> BuildContext:
    """The model and locale of the build of ``config`` (a ``MkDocsConfig``), read once per build.

    Raises:
        Exception: ``error`` (the caller's ``PluginError``) for a wrong option, with its message.
    """
    context = getattr(config, _ATTRIBUTE, None)
    if context is not None:
        return context
    if _locale_build is not None:
        context = _locale_build
    else:
        config_file = Path(config.config_file_path) if config.config_file_path else None
        try:
            settings = site_settings(config_file, docs_root=Path(config.docs_dir))
            model = load_site(settings)
        except ValueError as problem:  # ContentError too: an unreadable configuration file
            raise error(str(problem)) from None
        context = BuildContext(
            model=model, locale=None if settings.multilingual else settings.default_locale
        )
        report_verdict(model)
        blocking = model.blocking_problems
        if blocking:
            raise error(
                f"{len(blocking)} problem(s) in the articles, listed above with file and line -- "
                "fix them and build again"
            )
    # The config object lives exactly as long as its build (``mkdocs serve`` makes one per build).
    object.__setattr__(config, _ATTRIBUTE, context)
    return context


def log_flag(flag: StaleFlag) -> None:
    """Log one problem: error level as a warning, so that ``--strict`` counts it."""
    message = f"helpcentre: {flag.message} [{flag.rule}]"
    if flag.level == "error":
        log.warning(message)
    elif flag.level == "warning":
        log.info(message)
    else:
        log.debug(message)


def report_verdict(model: SiteModel) -> None:
    """Log every problem of the model and the notes about how it was read."""
    for note in model.notes:
        log.info(f"helpcentre: {note}")
    for flag in model.problems:
        log_flag(flag)
