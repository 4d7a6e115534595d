"""``helpcentre translations catalogs extract|update|check`` on a real project tree with Babel."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from helpcentre.catalogs import load_translations, read_catalog
from helpcentre.cli import main
from helpcentre.i18n.commands import CatalogPaths, extract_templates
from helpcentre.i18n.status import catalog_status

WIDGET = """from gettext import gettext as _


def labels(count):
    # Translators: the button under every article.
    return [_("Add to basket"), _("%(count)d articles found") % {"count": count}]
"""

TEMPLATE = """{% extends "base.html" %}
{% block content %}
  <button>{% trans %}Was this page helpful?{% endtrans %}</button>
  <input placeholder="{{ _('Search the help centre') }}">
{% endblock %}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "project"
    (root / "plugins" / "shop").mkdir(parents=True)
    (root / "plugins" / "shop" / "widget.py").write_text(WIDGET, encoding="utf-8")
    (root / "plugins" / "helpcentre" / "templates" / "partials").mkdir(parents=True)
    (root / "plugins" / "helpcentre" / "templates" / "partials" / "widget.html").write_text(
        TEMPLATE, encoding="utf-8"
    )
    for locale in ("en", "fr", "ja"):
        (root / "docs" / locale).mkdir(parents=True)
    shutil.copy(ROOT / "babel.cfg", root / "babel.cfg")
    monkeypatch.chdir(root)
    return root


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["translations", "catalogs", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def ids(path: Path, locale: str = "en") -> set[str]:
    return {str(message.id) for message in read_catalog(path, locale) if message.id}


def test_extract_reads_python_and_jinja_and_is_stable(project, capsys):
    code, out, _ = run(capsys, "extract")
    assert code == 0
    assert "locales/messages.pot: 4 strings, written" in out
    assert "locales/translations.pot: 6 strings, written" in out
    assert ids(project / "locales/messages.pot") == {
        "Add to basket",
        "%(count)d articles found",
        "Was this page helpful?",
        "Search the help centre",
    }
    template = (project / "locales/messages.pot").read_text(encoding="utf-8")
    assert "#. the button under every article." in template
    assert "#: plugins/helpcentre/templates/partials/widget.html:3" in template
    assert "This translation may be out of date" in ids(project / "locales/translations.pot")
    before = (project / "locales/messages.pot").read_bytes()

    code, out, _ = run(capsys, "extract")
    assert code == 0 and "locales/messages.pot: 4 strings, unchanged" in out
    assert (project / "locales/messages.pot").read_bytes() == before


def test_update_creates_then_merges_every_locale(project, capsys):
    run(capsys, "extract")
    code, out, _ = run(capsys, "update")
    assert code == 0
    for locale in ("fr", "ja"):
        for domain in ("messages", "translations"):
            assert f"locales/{locale}/LC_MESSAGES/{domain}.po: created" in out
    french = project / "locales/fr/LC_MESSAGES/messages.po"
    assert "Language: fr" in french.read_text(encoding="utf-8")
    french.write_text(
        french.read_text(encoding="utf-8").replace(
            'msgid "Add to basket"\nmsgstr ""', 'msgid "Add to basket"\nmsgstr "Ajouter au panier"'
        ),
        encoding="utf-8",
    )
    assert run(capsys, "update")[1].count("up to date") == 4

    widget = project / "plugins/shop/widget.py"
    widget.write_text(
        WIDGET.replace('_("Add to basket")', '_("Add to basket"), _("Remove")'), encoding="utf-8"
    )
    (project / "plugins/helpcentre/templates/partials/widget.html").write_text(
        TEMPLATE.replace("{{ _('Search the help centre') }}", "Search"), encoding="utf-8"
    )
    code, _, err = run(capsys, "check")
    assert code == 1
    assert "locales/messages.pot:0: out of date (1 new, 1 removed strings)" in err
    run(capsys, "extract")
    code, _, err = run(capsys, "check")
    assert code == 1
    assert "locales/fr/LC_MESSAGES/messages.po:0: 1 template strings are not in the catalog" in err
    code, out, _ = run(capsys, "update")
    assert "locales/fr/LC_MESSAGES/messages.po: updated" in out
    catalog = read_catalog(french, "fr")
    assert catalog["Add to basket"].string == "Ajouter au panier"
    assert "Remove" in catalog and "Search the help centre" not in catalog
    assert "Search the help centre" in {str(m.id) for m in catalog.obsolete.values()}
    assert run(capsys, "check")[0] == 0

    # Untranslated strings fall back to English and are counted by the status.
    gettext = load_translations(project / "locales", "fr").gettext
    assert gettext("Add to basket") == "Ajouter au panier"
    assert gettext("Remove") == "Remove"
    status = catalog_status(project / "locales", "fr")
    assert (status.translated, status.total) == (1, 10)
    assert "Remove" in status.missing
    assert not list(project.rglob("*.mo"))


def test_check_catches_a_broken_placeholder(project, capsys):
    run(capsys, "extract")
    run(capsys, "update", "--locale", "fr")
    french = project / "locales/fr/LC_MESSAGES/messages.po"
    text = french.read_text(encoding="utf-8")
    french.write_text(
        text.replace(
            'msgid "%(count)d articles found"\nmsgstr ""',
            'msgid "%(count)d articles found"\nmsgstr "%(nombre)d articles trouvés"',
        ),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "check", "--locale", "fr")
    assert code == 1
    assert "locales/fr/LC_MESSAGES/messages.po:" in err
    assert "keep the original's placeholders" in err


def test_a_template_syntax_error_fails_extraction(project, capsys):
    (project / "plugins/helpcentre/templates/partials/widget.html").write_text(
        "{% trans %}Unclosed", encoding="utf-8"
    )
    code, _, err = run(capsys, "extract")
    assert code == 2
    assert "strings cannot be extracted" in err


def test_update_before_extract_says_what_to_run(project, capsys):
    code, _, err = run(capsys, "update")
    assert code == 2
    assert "locales/messages.pot:0: the template does not exist" in err
    assert "catalogs extract" in err


def test_the_repository_mapping_extracts_its_own_sources():
    templates = extract_templates(
        CatalogPaths(
            root=ROOT, mapping=ROOT / "babel.cfg", locales_dir=ROOT / "locales", locales=[]
        )
    )
    assert len(templates["translations"]) == 6
    # The notice strings live in their own domain, not in messages.pot.
    assert "Read the original" not in templates["messages"]
    assert len(templates["messages"]) > 0
