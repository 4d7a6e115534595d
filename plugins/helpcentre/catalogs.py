"""UI strings from Babel catalogs, read from the ``.po`` sources at build time.

helpcentre's own strings (its templates and plugins) ship translated inside the package, in
``helpcentre/locales/<locale>/LC_MESSAGES/*.po`` (``messages.po``: templates and plugins;
``translations.po``: the translators' notices). A site adds its own strings in its own
``locales/<locale>/LC_MESSAGES/*.po`` (``site.po``: the names the configuration gives -- site,
categories, sections -- and its templates' strings) and may retranslate any of helpcentre's
there: the site's entries win. In each folder ``messages.po`` comes first and further
``<domain>.po`` files are merged into it. No ``.mo`` file is committed: the catalogs are compiled
in memory.

One language per sentence: a string without a translation is shown whole in the source language,
and the values put into it (a language's name, a date, a duration) are written in the language
of the sentence that holds them (:class:`UiStrings`, :class:`Localized`), never a translated word
inside an untranslated sentence. A translation whose placeholders differ from its original's is
left out (the original is shown) and reported by :func:`catalog_problems` with file and line.

This module never imports MkDocs.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from helpcentre.problems import ContentError

CATALOG_DOMAIN = "messages"

#: The catalogs of helpcentre's own strings, shipped in the package (``<locale>/LC_MESSAGES``
#: and one ``<domain>.pot`` template per domain).
SHIPPED_LOCALES = Path(__file__).resolve().parent / "locales"


#: A ``%`` placeholder: named (``%(num)d``) or positional (``%s``); ``%%`` is a literal sign.
_PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?P<kind>[diouxXeEfFgGcrsa%])"
)


def placeholders(text: str) -> list[str]:
    """The placeholders of a ``%``-format string, as written (``%(num)d``, ``%s``), in order."""
    return [match.group(0) for match in _PLACEHOLDER.finditer(text) if match.group("kind") != "%"]


def _names(found: Iterable[str]) -> set[str]:
    return {item.split(")", 1)[0][2:] if item.startswith("%(") else "" for item in found}


def placeholder_problem(message_id: Any, string: Any) -> str | None:
    """What is wrong with the placeholders of one translation, or None.

    A translation may not use a placeholder its original lacks (formatting it would fail); a
    singular string must keep every placeholder of its original. Plural forms may leave the
    number out (``one`` often spells it).
    """
    ids = message_id if isinstance(message_id, tuple) else (message_id,)
    forms = string if isinstance(string, tuple) else (string,)
    source = [item for text in ids if text for item in placeholders(str(text))]
    if not source and not any("%" in str(form) for form in forms if form):
        return None
    allowed = _names(source)
    for form in forms:
        if not form:
            continue
        found = placeholders(str(form))
        unknown = sorted(item for item in found if _names([item]) - allowed)
        if unknown:
            expected = ", ".join(sorted(set(source))) or "none"
            return f"placeholder {', '.join(unknown)} is not in the original (which has {expected})"
        if not isinstance(message_id, tuple) and _names(found) != allowed:
            lost = sorted(set(source) - set(found))
            return f"placeholder {', '.join(lost)} of the original is missing"
    return None


def catalog_files(locales_dir: Path, locale: str) -> list[Path]:
    """The ``.po`` files of ``locale``, ``messages.po`` first, then the other domains by name."""
    folder = Path(locales_dir) / locale / "LC_MESSAGES"
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.po"), key=lambda p: (p.stem != CATALOG_DOMAIN, p.name))
    return files


def read_catalog(path: Path, locale: str) -> Catalog:
    """Parse one ``.po`` file.

    Raises:
        ContentError: The file is not a valid catalog (names the file and line).
    """
    try:
        with open(path, "rb") as handle:
            return read_po(handle, locale=locale.replace("-", "_"), abort_invalid=True)
    except Exception as error:  # babel raises PoFileError and ValueError subclasses
        line = getattr(error, "lineno", 0) or 0
        raise ContentError(
            path,
            line,
            f"the message catalog cannot be read: {error}",
            "fix the entry (msgid/msgstr pairs, quoted strings) or regenerate it with "
            "'pybabel update -F babel.cfg'",
        ) from error


def _filled(string: str | tuple[str, ...], forms: int) -> str | tuple[str, ...]:
    """A message string as the compiled catalog takes it; empty when it is not translated.

    A plural entry needs its first form. Forms missing at the end -- a file written for a rule
    with fewer forms, which the parser pads with empty strings -- take the last one given.
    """
    if not isinstance(string, tuple):
        return string
    given = list(string)
    while given and not given[-1]:
        given.pop()
    if not given or not all(given):
        return ""
    return tuple((given + [given[-1]] * forms)[:forms])


@lru_cache(maxsize=64)
def _compiled(locales_dir: str, locale: str, stamp: tuple[tuple[str, float], ...]) -> Translations:
    merged = Catalog(locale=locale.replace("-", "_"))
    for index, (path_name, _) in enumerate(stamp):
        catalog = read_catalog(Path(path_name), locale)
        if index == 0:
            # The plural rule the translators wrote for (messages.po's header), not the one of
            # the installed Babel's CLDR data, which may count more forms (French has three
            # since CLDR 42): the message strings are indexed by the file's rule.
            merged.mime_headers = [("Plural-Forms", catalog.plural_forms)]
        for message in catalog:
            # Fuzzy and empty entries are left out, so gettext falls back to the source text
            # (or to another domain that translates it); so are translations that would break
            # formatting, which catalog_problems() reports with their line.
            string = _filled(message.string, merged.num_plurals)
            if (
                message.id
                and string
                and not message.fuzzy
                and message.id not in merged
                and placeholder_problem(message.id, string) is None
            ):
                merged.add(message.id, string, context=message.context)
    buffer = io.BytesIO()
    write_mo(buffer, merged)
    buffer.seek(0)
    return Translations(fp=buffer, domain=CATALOG_DOMAIN)


def N_(message: str) -> str:  # noqa: N802 - the name gettext's extractors know
    """Mark ``message`` for extraction where :meth:`UiStrings.format` translates it later."""
    return message


@dataclass(frozen=True)
class Localized:
    """A value whose words depend on the language of the sentence that shows it.

    Put into a :meth:`UiStrings.format` sentence it is written in that sentence's language; shown
    on its own (``str()``) it is written in ``locale``, the reader's.

    Attributes:
        render: Writes the value in a language (a locale code such as ``de`` or ``pt-BR``).
        locale: The reader's locale.
    """

    render: Callable[[str], str]
    locale: str

    def __str__(self) -> str:
        return self.render(self.locale)

    def __html__(self) -> str:
        # Jinja's escaping (``|e``) asks for this: the value's text, escaped.
        import html

        return html.escape(str(self))


class UiStrings(NullTranslations):
    """A locale's UI strings: each one whole in a single language.

    ``gettext`` gives the translation, else the source text. :meth:`format` fills a sentence's
    placeholders, writing :class:`Localized` values in the sentence's own language: the
    locale's when the sentence is translated, the source locale's when it is not.

    Attributes:
        locale: The reader's locale.
        source_locale: The language of the source strings (the default locale).
    """

    def __init__(
        self,
        chain: list[tuple[str, NullTranslations]],
        *,
        locale: str,
        source_locale: str,
    ) -> None:
        super().__init__()
        #: The compiled catalogs consulted, nearest first, each with its locale.
        self.chain = chain
        self.locale = locale
        self.source_locale = source_locale

    def _find(self, message: str) -> tuple[str, str] | None:
        for code, translations in self.chain:
            found = getattr(translations, "_catalog", {}).get(message)
            if isinstance(found, str):
                return found, code
        return None

    def gettext(self, message: str) -> str:
        """The translation of ``message``, else ``message`` itself."""
        found = self._find(message)
        return found[0] if found else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The plural form for ``n`` from the first catalog translating it, else the source's."""
        for _, translations in self.chain:
            if (singular, 0) in getattr(translations, "_catalog", {}):
                return translations.ngettext(singular, plural, n)
        return singular if n == 1 else plural

    def language_of(self, message: str) -> str:
        """The language ``message`` is shown in: the catalog's that translates it, else the
        source locale."""
        found = self._find(message)
        return found[1] if found else self.source_locale

    def format(self, message: str, /, **values: Any) -> str:
        """``message`` translated and filled with ``values``, every word in one language."""
        found = self._find(message)
        text, language = found if found else (message, self.source_locale)
        filled = {
            key: value.render(language) if isinstance(value, Localized) else value
            for key, value in values.items()
        }
        return text % filled if values or "%" in text else text

    def template_gettext(self, message: str, /, **values: Any) -> str:
        """Jinja's ``_()``: always a ``%``-format string, as Jinja's new-style gettext is."""
        return self.format(message, **values) if values else self.gettext(message)

    def template_ngettext(self, singular: str, plural: str, n: int, /, **values: Any) -> str:
        """Jinja's ``ngettext()``, with ``num`` set to ``n`` as Jinja's new-style one does."""
        values.setdefault("num", n)
        text = self.ngettext(singular, plural, n)
        return text % {
            key: value.render(self.locale) if isinstance(value, Localized) else value
            for key, value in values.items()
        }


def locale_chain(locale: str, *, source_locale: str, available: Iterable[str] = ()) -> list[str]:
    """The locales whose strings ``locale`` shows, nearest first: itself, then its shorter tags
    among ``available`` (``pt-BR`` -> ``pt``), ending before the source locale."""
    chain = [locale]
    known = set(available)
    parts = locale.replace("_", "-").split("-")
    while len(parts) > 1:
        parts = parts[:-1]
        shorter = "-".join(parts)
        if shorter in known and shorter not in chain:
            chain.append(shorter)
    return [code for code in chain if code != source_locale or code == locale]


def load_translations(
    locales_dir: Path,
    locale: str,
    *,
    source_locale: str = "en",
    fallbacks: Iterable[str] = (),
) -> UiStrings:
    """Translations of ``locale``, compiled in memory from its ``.po`` files.

    Args:
        locales_dir: The site's ``locales/`` folder (it need not exist); helpcentre's shipped
            catalogs of ``locale`` are read after it.
        locale: The locale code (``fr``, ``pt-BR`` ...).
        source_locale: The language of the source strings.
        fallbacks: Locales whose catalogs translate what ``locale``'s lack, nearest first
            (``pt`` for ``pt-BR``).

    Returns:
        The strings; the source text where no catalog translates one.
    """
    chain: list[tuple[str, NullTranslations]] = []
    for code in [locale, *fallbacks]:
        if code == source_locale and code != locale:
            continue
        files = catalog_files(Path(locales_dir), code)
        if Path(locales_dir).resolve() != SHIPPED_LOCALES:
            # After the site's own files, so that the site's entries win.
            files += catalog_files(SHIPPED_LOCALES, code)
        if not files:
            continue
        stamp = tuple((str(path), path.stat().st_mtime) for path in files)
        chain.append((code, _compiled(str(locales_dir), code, stamp)))
    return UiStrings(chain, locale=locale, source_locale=source_locale)


def catalog_problems(
    locales_dir: Path, locales: Iterable[str], *, display_root: Path | None = None
) -> list[ContentError]:
    """Every catalog entry of ``locales`` that cannot be shown, with file and line: unreadable
    files and translations whose placeholders differ from their original's.

    Args:
        locales_dir: The ``locales/`` folder.
        locales: The locale codes to check.
        display_root: Paths are shown relative to this folder (the project's) when given.
    """
    problems: list[ContentError] = []
    for locale in locales:
        for path in catalog_files(Path(locales_dir), locale):
            shown: Path | str = path
            if display_root is not None:
                try:
                    shown = path.resolve().relative_to(Path(display_root).resolve()).as_posix()
                except ValueError:
                    shown = path
            try:
                catalog = read_catalog(path, locale)
            except ContentError as error:
                problems.append(ContentError(shown, error.line, error.problem, error.fix))
                continue
            for message in catalog:
                if not message.id or not message.string or message.fuzzy:
                    continue
                problem = placeholder_problem(message.id, message.string)
                if problem is not None:
                    original = message.id[0] if isinstance(message.id, tuple) else message.id
                    problems.append(
                        ContentError(
                            shown,
                            message.lineno or 0,
                            f"the translation of {original!r}: {problem}",
                            "keep the original's placeholders as they are, e.g. "
                            f"{' '.join(placeholders(str(original))) or '%(name)s'} (only the "
                            "words around them are translated)",
                        )
                    )
    return problems


def install_ui_strings(env: Any, strings: UiStrings) -> None:
    """Give a Jinja environment ``_()``, ``gettext`` and ``ngettext`` of ``strings``.

    The functions fill the ``%(name)s`` placeholders themselves (as Jinja's new-style gettext
    does), so that :class:`Localized` values are written in the sentence's language.
    """
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # added by the extension
        strings.template_gettext, strings.template_ngettext, newstyle=False
    )
