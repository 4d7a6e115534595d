"""Write a new help centre into a folder: plain files, no MkDocs needed to write them.

:func:`write_help_centre` is what ``helpcentre init`` runs. What it writes builds with
``mkdocs build --strict`` as it is, and every helpcentre plugin is configured in its
``mkdocs.yml`` with a comment saying what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from babel import Locale, UnknownLocaleError

from helpcentre.scaffold.samples import SAMPLES

_LOCALE_CODE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
DEFAULT_NAME = "Help Centre"


class InitError(ValueError):
    """The arguments of ``helpcentre init`` cannot give a help centre; the message says why."""


@dataclass(frozen=True)
class Written:
    """What :func:`write_help_centre` wrote.

    Attributes:
        files: Every file written, relative to the target folder.
        untranslated: Locales without starter text of their own (they show the default
            language's articles with the "not yet translated" notice).
    """

    files: list[Path]
    untranslated: list[str]


def parse_locales(text: str) -> list[str]:
    """``en,fr,de`` as a list of locale codes, the first being the default.

    Raises:
        InitError: A code is not a language tag, or one is listed twice.
    """
    codes = [code.strip() for code in text.split(",") if code.strip()]
    if not codes:
        raise InitError("--locales: name at least one locale, e.g. --locales en,fr,de")
    seen: set[str] = set()
    for code in codes:
        if not _LOCALE_CODE.match(code):
            raise InitError(
                f"--locales: {code!r} is not a language tag -- write codes such as en, fr, pt-BR"
            )
        if code.lower() in seen:
            raise InitError(f"--locales: {code!r} is listed twice")
        seen.add(code.lower())
    return codes


def _language_name(code: str) -> str:
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code


def _sample(code: str) -> dict[str, str] | None:
    return SAMPLES.get(code) or SAMPLES.get(re.split(r"[-_]", code)[0].lower())


def write_help_centre(target: Path, locales: list[str], *, name: str = DEFAULT_NAME) -> Written:
    """Write a working help centre into ``target``.

    Args:
        target: The folder; created if missing. It must not already hold a ``mkdocs.yml`` or
            a ``docs`` folder (nothing of an existing site is overwritten).
        locales: Locale codes, the default first.
        name: The help centre's name, in the default language.

    Raises:
        InitError: ``target`` already holds a site, or the arguments are unusable.
    """
    target = Path(target)
    for existing in ("mkdocs.yml", "docs", "locales"):
        if (target / existing).exists():
            raise InitError(
                f"{target / existing}: already exists -- helpcentre init writes a new help "
                "centre; choose an empty folder, or add the plugins to your existing mkdocs.yml "
                "(see the README, 'Add helpcentre to an existing MkDocs site')"
            )
    if not name.strip():
        raise InitError("--name: the help centre needs a name")
    default = locales[0]
    source = _sample(default) or SAMPLES["en"]
    files: dict[str, str] = {}
    untranslated: list[str] = []
    today = date.today().isoformat()
    files["mkdocs.yml"] = _mkdocs_yml(name, locales, source)
    for code in locales:
        text = _sample(code)
        if text is None or (code != default and text is source):
            untranslated.append(code)
            if code != default:
                files[f"docs/{code}/.gitkeep"] = ""
                files[f"locales/{code}/synonyms.txt"] = _synonyms(code)
                files[f"locales/{code}/LC_MESSAGES/site.po"] = _site_catalog(
                    code, name, source, None
                )
                continue
            text = source
        files.update(_articles(code, text, name, today))
        files[f"locales/{code}/synonyms.txt"] = _synonyms(code)
        if code != default:
            files[f"locales/{code}/LC_MESSAGES/site.po"] = _site_catalog(code, name, source, text)
    files["README.md"] = _readme(name, locales)
    files[".github/workflows/help-centre.yml"] = _workflow()
    files[".gitignore"] = "/site/\n/data/\n"
    written = []
    for relative, content in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(Path(relative))
    return Written(files=written, untranslated=untranslated)


def _front(**keys: str) -> str:
    lines = ["---"]
    for key, value in keys.items():
        quoted = value if re.fullmatch(r"[\w .,'-]+", value) else _yaml_string(value)
        lines.append(f"{key}: {quoted}")
    return "\n".join(lines + ["---", ""])


def _yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


#: The starter files of a locale: path, key prefix of its strings in SAMPLES, front matter keys.
#: Articles in a category also get an owner and a review date.
_STARTER_FILES: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("contact.md", "contact", {"type": "contact"}),
    ("about.md", "page", {"type": "page"}),
    (
        "getting-started/set-up-your-account.md",
        "guide",
        {"category": "getting-started", "section": "basics", "type": "guide"},
    ),
    (
        "account/change-your-email-address.md",
        "faq",
        {"category": "account", "section": "sign-in", "type": "faq"},
    ),
    (
        "account/cannot-sign-in.md",
        "trouble",
        {"category": "account", "section": "sign-in", "type": "troubleshooting"},
    ),
)


def _articles(code: str, text: dict[str, str], name: str, today: str) -> dict[str, str]:
    root = f"docs/{code}"
    files = {
        f"{root}/index.md": _front(title=name, description=text["home_lead"])
        + f"\n{text['home_body']}\n"
    }
    for path, key, keys in _STARTER_FILES:
        review = {"owner": "support-team", "reviewed": today} if "category" in keys else {}
        front = _front(
            title=text[f"{key}_title"], description=text[f"{key}_description"], **keys, **review
        )
        files[f"{root}/{path}"] = front + f"\n{text[f'{key}_body']}\n"
    return files


def _mkdocs_yml(name: str, locales: list[str], text: dict[str, str]) -> str:
    locale_lines = "\n".join(f"        - locale: {code}" for code in locales)
    return f"""# {name}: built by helpcentre (MkDocs + Material for MkDocs). Articles are in
# docs/<locale>/, translations of the UI strings and names in locales/<locale>/.
site_name: {_yaml_string(name)}
# Canonical, hreflang and sitemap URLs: set it to where the help centre is published.
# 'helpcentre serve' sets HELPCENTRE_SITE_URL to the local address it serves.
site_url: !ENV [HELPCENTRE_SITE_URL, "https://help.example.com/"]
docs_dir: docs

theme:
  name: material
  language: {locales[0]}
  font: false              # no third-party web fonts
  # custom_dir: overrides  # your own templates and partials; they win over helpcentre's
  features:
    - navigation.instant
    - navigation.tabs
    - navigation.sections
    - navigation.prune
    - navigation.top
    - search.highlight

markdown_extensions:
  - toc:
      permalink: true
  - attr_list
  - admonition
  - md_in_html
  - tables

validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn

plugins:
  - search
  - helpcentre/search
  - helpcentre/i18n:
      default_locale: {locales[0]}
      locales:
{locale_lines}
  - helpcentre/content:
      # Names are in the default language; locales/<locale>/LC_MESSAGES/site.po translates them.
      categories:
        - id: getting-started
          name: {_yaml_string(text["getting_started"])}
          description: {_yaml_string(text["getting_started_description"])}
          icon: material/rocket-launch-outline
          owner: support-team
          sections: {{basics: {_yaml_string(text["basics"])}}}
        - id: account
          name: {_yaml_string(text["account"])}
          description: {_yaml_string(text["account_description"])}
          icon: material/account-circle-outline
          owner: support-team
          sections: {{sign-in: {_yaml_string(text["sign_in"])}}}
      contact_timezone: UTC
      contact_channels:
        - id: email
          kind: email
          value: support@example.com   # your support address
          hours: always
          response: 1d
  - helpcentre/stale:
      review_every: 1y             # unless an article, its category or its type says otherwise
      types:
        troubleshooting: {{review_every: 6m}}
      levels: {{review-overdue: warning, expired: warning, broken-link: error}}
  - helpcentre/feedback:
      endpoint: /api/v1            # the collector that 'helpcentre serve' starts
"""


def _site_catalog(code: str, name: str, source: dict[str, str], text: dict[str, str] | None) -> str:
    """The site's own names for ``code``: translated where the starter text has them."""

    def entry(msgid: str, msgstr: str) -> str:
        return f"msgid {_po(msgid)}\nmsgstr {_po(msgstr)}\n"

    header = (
        f"# {name}: the names of this help centre in {_language_name(code)} ({code}).\n"
        "# The site name and the category and section names of mkdocs.yml; an empty msgstr\n"
        "# shows the default language until a translator fills it in.\n"
        'msgid ""\nmsgstr ""\n'
        f'"Language: {code.replace("-", "_")}\\n"\n'
        '"Content-Type: text/plain; charset=utf-8\\n"\n\n'
    )
    keys = ("getting_started", "getting_started_description", "basics", "account")
    keys += ("account_description", "sign_in")
    entries = [entry(name, "")]
    entries += [entry(source[key], text[key] if text else "") for key in keys]
    return header + "\n".join(entries)


def _po(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _synonyms(code: str) -> str:
    return (
        f"# Words your customers use for the same thing ({_language_name(code)}): one group per\n"
        "# line, comma-separated. A search for any word of a group finds the others. Add the\n"
        "# words of searches the health report lists as finding nothing.\n"
    )


def _readme(name: str, locales: list[str]) -> str:
    others = ", ".join(locales[1:]) or "none yet"
    return f"""# {name}

A help centre built with helpcentre: Markdown articles in `docs/<locale>/`, one folder per
language (default: `{locales[0]}`; translations: {others}).

## Run it

    pip install helpcentre
    helpcentre serve

builds every language and serves the help centre on http://127.0.0.1:8000/ with its
"Did this help?" collector on a SQLite database in `data/`.

## Writers

- Start an article: `helpcentre new "Why was I charged twice?" --type faq --category account`.
  Types: `faq`, `guide`, `troubleshooting`, `contact`, `page`.
- Each article's front matter says its `category`, `section`, `owner` and `reviewed` date;
  after `review_every` (1 year, 6 months for troubleshooting) it is flagged for review.
- Before opening a pull request: `helpcentre check` lists every problem (broken links,
  unknown keys, overdue reviews) with its file and line. CI runs the same check.

## Translators

- A translation has the same path under its locale folder (`docs/fr/account/cannot-sign-in.md`
  for `docs/{locales[0]}/account/cannot-sign-in.md`).
- `helpcentre translations status` lists what is missing or outdated;
  `helpcentre translations mark fr account/cannot-sign-in.md` records that a translation is
  up to date with its original.
- The names of categories and sections are in `locales/<locale>/LC_MESSAGES/site.po`.
- `locales/<locale>/synonyms.txt` holds the words customers use for the same thing.
"""


def _workflow() -> str:
    return """# Every pull request: what is broken, stale or out of date, then a strict build.
name: help centre
on:
  pull_request:
  push:
    branches: [main]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0          # review dates and translation status read the git history
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install helpcentre
      - run: helpcentre check --format github
      - run: mkdocs build --strict
"""
