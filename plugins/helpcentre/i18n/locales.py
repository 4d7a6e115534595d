"""Locales of a help centre: which exist, where their articles live, how pages map across them.

Pure functions over paths and data; the MkDocs plugin (``plugin.py``) is a thin adapter.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from babel import Locale, UnknownLocaleError

from helpcentre.content.frontmatter import ContentError


@dataclass(frozen=True)
class LocaleInfo:
    """A configured locale.

    Attributes:
        code: The folder name and URL prefix, a BCP 47 tag such as ``fr`` or ``pt-BR``.
        name: The language's name in its own language, for the switcher.
    """

    code: str

    name: str

    @property
    def babel(self) -> Locale:
        """The Babel locale, for date and number formats."""
        return Locale.parse(self.code.replace("-", "_"))

    @property
    def direction(self) -> str:
        """``rtl`` for a locale written right to left (Arabic, Hebrew, Persian), else ``ltr``."""
        return text_direction(self.code)


def text_direction(code: str) -> str:
    """``rtl`` for a locale written right to left, else ``ltr``, from Babel's locale data.

    A code Babel does not know is ``ltr``: the build reports unknown codes itself.
    """
    try:
        order = Locale.parse(code.replace("-", "_")).character_order
    except (ValueError, LookupError, UnknownLocaleError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


def parse_locale(code: str, name: str | None = None) -> LocaleInfo:
    """Validate a locale code with Babel and name it in its own language.

    Raises:
        ValueError: Babel does not know the code.
    """
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as error:
        raise ValueError(
            f"unknown locale '{code}' -- use a language tag Babel knows, "
            "such as 'fr', 'pt-BR', 'ja'"
        ) from error
    display = name or (locale.get_display_name(locale) or code)
    return LocaleInfo(code=code, name=display[:1].upper() + display[1:])


def check_locale_folders(
    docs_dir: Path, locales: Sequence[LocaleInfo], *, display_root: str = "docs"
) -> None:
    """Every folder and Markdown file at the top of ``docs_dir`` must belong to a configured locale.

    Raises:
        ContentError: An unknown locale folder, a stray article, or a locale without folder.
    """
    codes = {locale.code for locale in locales}
    for entry in sorted(Path(docs_dir).iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and entry.name not in codes:
            raise ContentError(
                f"{display_root}/{entry.name}/",
                0,
                f"folder '{entry.name}' is not a configured locale ({', '.join(sorted(codes))})",
                f"add '- locale: {entry.name}' under plugins > helpcentre/i18n > locales in "
                f"mkdocs.yml, or rename the folder to a configured locale",
            )
        if entry.is_file() and entry.suffix == ".md":
            raise ContentError(
                f"{display_root}/{entry.name}",
                0,
                "article outside any locale folder",
                f"move it into {display_root}/{locales[0].code}/",
            )
    for locale in locales:
        if not (Path(docs_dir) / locale.code).is_dir():
            raise ContentError(
                f"{display_root}/{locale.code}/",
                0,
                f"locale '{locale.code}' is configured but has no folder",
                f"create {display_root}/{locale.code}/ (it may start empty: pages fall back to the "
                "default locale) or remove the locale from mkdocs.yml",
            )


def fallback_paths(default_files: Iterable[str], locale_files: Iterable[str]) -> list[str]:
    """Files of the default locale that a locale lacks, which its build takes from the default."""
    present = set(locale_files)
    return sorted(path for path in default_files if path not in present)


@dataclass(frozen=True)
class Alternate:
    """The same page in another locale, for the language switcher and hreflang.

    Attributes:
        locale: The other locale.
        href: Link relative to the current page.
        url: Absolute URL when the site has a ``site_url``, else ``None``.
        same_page: False when the locale lacks the article and the link leads to its home.
    """

    locale: LocaleInfo
    href: str
    url: str | None
    same_page: bool


def page_url(src_path: str, *, use_directory_urls: bool = True) -> str:
    """The URL path, inside a locale, of a docs file (as MkDocs computes it)."""
    stem, _ = posixpath.splitext(src_path)
    name = posixpath.basename(stem)
    folder = posixpath.dirname(stem)
    if name in {"index", "README"}:
        return f"{folder}/" if folder else ""
    if use_directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


def alternates(
    src_path: str,
    current: str,
    locales: Sequence[LocaleInfo],
    paths: Mapping[str, str | None],
    *,
    site_url: str | None,
    use_directory_urls: bool = True,
) -> list[Alternate]:
    """The page at ``src_path`` of locale ``current`` in every locale, itself included.

    Args:
        src_path: The page's docs path inside its locale folder.
        current: The locale being built.
        locales: All locales, in switcher order.
        paths: For each locale, the page's docs path in that locale's build (a translation may
            have a name of its own), or None where the locale does not publish it.
        site_url: The help centre's root URL (without locale), or ``None``.
        use_directory_urls: MkDocs's option of the same name.
    """
    here = f"{current}/{page_url(src_path, use_directory_urls=use_directory_urls)}"
    here_dir = here if here.endswith("/") else posixpath.dirname(here) + "/"
    result = []
    for locale in locales:
        other = src_path if locale.code == current else paths.get(locale.code)
        same = other is not None
        target_path = page_url(other, use_directory_urls=use_directory_urls) if other else ""
        target = f"{locale.code}/{target_path}"
        href = posixpath.relpath(target or ".", here_dir.rstrip("/") or ".")
        if target.endswith("/") and not href.endswith("/"):
            href += "/"
        url = f"{site_url.rstrip('/')}/{target}" if site_url else None
        result.append(Alternate(locale=locale, href=href, url=url, same_page=same))
    return result


def sitemap_index(site_url: str, locales: Sequence[LocaleInfo]) -> str:
    """A sitemap index tying together each locale's ``sitemap.xml``."""
    base = site_url.rstrip("/")
    entries = "".join(
        f"  <sitemap><loc>{escape(f'{base}/{locale.code}/sitemap.xml')}</loc></sitemap>\n"
        for locale in locales
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</sitemapindex>\n"
    )
