"""The feedback manifest: which pages of which locales may receive votes.

The build writes ``feedback-manifest.json`` at the root of the site directory; the collector loads
it at start-up (and again whenever the file changes) and refuses votes for any page it does not
list. That keeps the database free of pages that never existed, whatever a client posts.

Format (version 1)::

    {
      "version": 1,
      "locales": {
        "en": ["index", "orders/track-your-order"],
        "fr": ["index", "orders/track-your-order"]
      }
    }

A page id is the article's path inside its locale folder, without ``.md``, with ``/`` separators
(``docs/fr/orders/track-your-order.md`` -> ``orders/track-your-order``). Lists are written sorted
and without duplicates, so the file is stable from one build to the next.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

MANIFEST_NAME = "feedback-manifest.json"
MANIFEST_VERSION = 1

# Locale codes as the build names its folders: "en", "fr", "pt-BR", "zh_Hant".
_LOCALE = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")


class ManifestError(ValueError):
    """The feedback manifest is missing or does not follow the format above."""


def manifest_path(site_dir: str | os.PathLike[str]) -> Path:
    """Return where the manifest of ``site_dir`` lives."""
    return Path(site_dir) / MANIFEST_NAME


def _check_page_id(page: object, where: str) -> str:
    if not isinstance(page, str) or not page:
        raise ManifestError(f"{where}: page ids must be non-empty strings, got {page!r}")
    if page.startswith("/") or page.endswith((".md", "/")) or "\\" in page:
        raise ManifestError(
            f"{where}: page id {page!r} must be the path inside the locale folder without '.md' "
            "or leading/trailing '/', e.g. 'orders/track-your-order'"
        )
    if any(part in {"", ".", ".."} for part in page.split("/")):
        raise ManifestError(f"{where}: page id {page!r} has an empty, '.' or '..' segment")
    return page


def _check_locale(locale: object, where: str) -> str:
    if not isinstance(locale, str) or not _LOCALE.match(locale):
        raise ManifestError(f"{where}: {locale!r} is not a locale code such as 'en' or 'pt-BR'")
    return locale


def write_manifest(
    site_dir: str | os.PathLike[str], pages_by_locale: Mapping[str, Iterable[str]]
) -> Path:
    """Write ``feedback-manifest.json`` into ``site_dir`` atomically.

    The file is replaced in one rename, so a collector reloading it never reads half a file.

    Args:
        site_dir: The built site's directory (created if missing).
        pages_by_locale: Page ids per locale code.

    Returns:
        The path of the written manifest.

    Raises:
        ManifestError: A locale code or page id is not valid.
    """
    locales: dict[str, list[str]] = {}
    for locale, pages in pages_by_locale.items():
        where = f"write_manifest: locale {locale!r}"
        _check_locale(locale, where)
        locales[locale] = sorted({_check_page_id(page, where) for page in pages})
    path = manifest_path(site_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(
        {"version": MANIFEST_VERSION, "locales": dict(sorted(locales.items()))},
        ensure_ascii=False,
        indent=1,
    )
    fd, temporary = tempfile.mkstemp(prefix=".feedback-manifest-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text + "\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def parse_manifest(text: str, *, source: str = MANIFEST_NAME) -> dict[str, frozenset[str]]:
    """Parse manifest text into page ids per locale.

    Args:
        text: The JSON text.
        source: Name used in error messages (usually the file's path).

    Raises:
        ManifestError: The text is not a valid version-1 manifest.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ManifestError(
            f"{source}:{error.lineno}: invalid JSON ({error.msg}) -- rebuild the site to rewrite it"
        ) from None
    if not isinstance(data, dict):
        raise ManifestError(f"{source}: expected a JSON object with 'version' and 'locales'")
    if data.get("version") != MANIFEST_VERSION:
        raise ManifestError(
            f"{source}: unsupported manifest version {data.get('version')!r} "
            f"(this helpcentre reads version {MANIFEST_VERSION}) -- rebuild the site"
        )
    unexpected = sorted(set(data) - {"version", "locales"})
    if unexpected:
        raise ManifestError(f"{source}: unexpected key(s) {', '.join(map(repr, unexpected))}")
    locales = data.get("locales")
    if not isinstance(locales, dict):
        raise ManifestError(f"{source}: 'locales' must be an object of locale -> list of page ids")
    result: dict[str, frozenset[str]] = {}
    for locale, pages in locales.items():
        where = f"{source}: locales.{locale}"
        _check_locale(locale, where)
        if not isinstance(pages, list):
            raise ManifestError(f"{where} must be a list of page ids")
        result[locale] = frozenset(_check_page_id(page, where) for page in pages)
    return result


def load_manifest(site_dir: str | os.PathLike[str]) -> dict[str, frozenset[str]]:
    """Read the manifest of a built site.

    Args:
        site_dir: The built site's directory, or the manifest file itself.

    Returns:
        Page ids per locale code.

    Raises:
        ManifestError: The file is missing or invalid; the message names the file.
    """
    path = Path(site_dir)
    if path.is_dir() or not path.suffix:
        path = manifest_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ManifestError(
            f"{path}: feedback manifest not found -- build the site with the helpcentre feedback "
            "plugin enabled, or point the collector at the built site directory"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestError(f"{path}: cannot read the feedback manifest ({error})") from None
    return parse_manifest(text, source=str(path))
