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

#: helpcentre's templates and partials, shipped in the package. They sit in the theme's search
#: path right after the site's own ``custom_dir`` (which still overrides any of them) and before
#: the theme's templates (which they extend).
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


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
    add_templates(config["theme"])
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


def add_templates(theme: Any) -> None:
    """Put helpcentre's templates in ``theme``'s search path, after its ``custom_dir``.

    Args:
        theme: MkDocs' ``Theme`` of the build (its ``dirs`` is the template search path, the
            site's ``custom_dir`` first when it has one).
    """
    folder = str(TEMPLATES)
    if folder in theme.dirs:
        return
    custom_dir = theme.custom_dir if hasattr(theme, "custom_dir") else None
    theme.dirs.insert(1 if custom_dir else 0, folder)
    if custom_dir:
        _check_own_main(Path(custom_dir))


_warned_mains: set[Path] = set()


def _check_own_main(custom_dir: Path) -> None:
    """Warn when the site's own ``main.html`` would hide helpcentre's page chrome."""
    main = custom_dir / "main.html"
    if not main.is_file() or main in _warned_mains:
        return
    _warned_mains.add(main)
    text = main.read_text(encoding="utf-8", errors="replace")
    if "helpcentre/main.html" not in text:
        line = next(
            (number for number, row in enumerate(text.splitlines(), 1) if "extends" in row), 1
        )
        log.warning(
            f"helpcentre: {main}:{line}: this main.html replaces helpcentre's page chrome "
            '(search, feedback, notices) -- extend "helpcentre/main.html" instead of '
            '"base.html"'
        )


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
