"""UI strings from Babel catalogs, read from the ``.po`` sources at build time.

helpcentre's own strings (its templates and plugins) ship translated inside the package, in
``helpcentre/locales/<locale>/LC_MESSAGES/*.po``. A site adds its own strings (its name, its
category and section names) and may retranslate any of helpcentre's in its own
``locales/<locale>/LC_MESSAGES/*.po``: the site's entries win. In each folder ``messages.po``
comes first and further ``<domain>.po`` files are merged into it, so a capability can keep its
strings apart. No ``.mo`` file is committed: the catalogs are compiled in memory. Missing and
fuzzy entries fall back to the source (English) text.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from helpcentre.problems import ContentError

CATALOG_DOMAIN = "messages"

#: The catalogs of helpcentre's own strings, shipped in the package (``<locale>/LC_MESSAGES``
#: and one ``<domain>.pot`` template per domain).
SHIPPED_LOCALES = Path(__file__).resolve().parent / "locales"


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
            # (or to another domain that translates it).
            string = _filled(message.string, merged.num_plurals)
            if message.id and string and not message.fuzzy and message.id not in merged:
                merged.add(message.id, string, context=message.context)
    buffer = io.BytesIO()
    write_mo(buffer, merged)
    buffer.seek(0)
    return Translations(fp=buffer, domain=CATALOG_DOMAIN)


def load_translations(locales_dir: Path, locale: str) -> NullTranslations:
    """Translations of ``locale``, compiled in memory from its ``.po`` files.

    Args:
        locales_dir: The site's ``locales/`` folder (it need not exist); helpcentre's shipped
            catalogs of ``locale`` are read after it.
        locale: The locale code (``fr``, ``pt-BR`` ...).

    Returns:
        A gettext translations object; ``NullTranslations`` (source text) when the locale has none.
    """
    files = catalog_files(Path(locales_dir), locale)
    if Path(locales_dir).resolve() != SHIPPED_LOCALES:
        # After the site's own files, so that the site's entries win.
        files += catalog_files(SHIPPED_LOCALES, locale)
    if not files:
        return NullTranslations()
    stamp = tuple((str(path), path.stat().st_mtime) for path in files)
    return _compiled(str(locales_dir), locale, stamp)
