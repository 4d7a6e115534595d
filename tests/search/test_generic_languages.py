"""Languages lunr-languages has no rules for: the generic rules, the same in the build and browser.

The browser cuts words with ``Intl.Segmenter`` (node runs the worker's code here), the build with
the ``regex`` module's Unicode word boundaries; both fold case and accents and neither stems.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from browser_code import browser_terms, run_in_node
from conftest import git, missing
from helpcentre.search.languages import analyzer, fold, word_segments

# Help-centre sentences as each language writes them: diacritics, apostrophes, the Catalan
# middle dot, hyphenated words, numbers with decimal commas, e-mail addresses, quotes.
SAMPLES = {
    "pl": "Załącznik do zamówienia możesz dodać w zakładce „Moje konto”. Zwrot pieniędzy "
    "następuje w ciągu 14 dni roboczych, a opłata wynosi 12,50 zł. Źle wpisany adres? "
    "Napisz na pomoc@sklep.example — odpowiadamy w dzień roboczy. Łódź, Gdańsk, Kraków.",
    "cs": "Přílohu k objednávce přidáte v sekci „Můj účet“. Vrácení peněz proběhne do 14 "
    "pracovních dnů a poplatek činí 12,50 Kč. Špatně zadaná adresa? Napište nám na "
    "podpora@obchod.example, odpovídáme během pracovního dne. Čeština, žluťoučký kůň.",
    "id": 'Lampiran pesanan dapat ditambahkan di menu "Akun Saya". Pengembalian dana '
    "diproses dalam 14 hari kerja, dengan biaya Rp12.500. Alamat pengiriman salah? "
    "Kirim email ke bantuan@toko.example; kami membalas di hari kerja berikutnya.",
    "uk": "Додаток до замовлення можна додати в розділі «Мій обліковий запис». Повернення "
    "коштів відбувається протягом 14 робочих днів, комісія становить 12,50 грн. Неправильна "
    "адреса? Напишіть на допомога@магазин.example — відповімо в робочий день. Ми пам’ятаємо "
    "про м'ясо, їжу та йогурт; Київ, Львів, Запоріжжя.",
    "ca": "Pots afegir l'adjunt a la comanda des de «El meu compte». El reemborsament "
    "s'efectua en 14 dies laborables i la comissió és de 12,50 €. L’adreça és incorrecta? "
    "Escriu-nos a ajuda@botiga.example: el col·legi i els paral·lels responen l'endemà.",
}


@pytest.mark.parametrize("locale", sorted(SAMPLES))
def test_python_and_the_browser_agree(locale: str) -> None:
    if not shutil.which("node"):
        missing("node is not installed")
    rules = analyzer(locale)
    assert rules.generic and rules.stops == frozenset()
    words = rules.words(SAMPLES[locale])
    assert len(words) >= 25
    # Word for word (segmentation aside), then whole texts (the same segmentation).
    assert browser_terms(locale, words) == [rules.terms(word) for word in words]
    assert browser_terms(locale, [SAMPLES[locale]]) == [rules.terms(SAMPLES[locale])]


def test_segmentation_is_unicode_word_segmentation_as_intl_segmenter() -> None:
    if not shutil.which("node"):
        missing("node is not installed")
    script = (
        "const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const cut = new Intl.Segmenter('und', {granularity: 'word'});"
        "process.stdout.write(JSON.stringify("
        "texts.map(text => Array.from(cut.segment(text), piece => piece.segment))))"
    )
    texts = [*SAMPLES.values(), "can't U.S.A. 3.14 1,000 a_b col·legi 😀👍🏽 ŀl"]
    done = subprocess.run(
        ["node", "-e", script], input=json.dumps(texts), capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == [word_segments(text) for text in texts]


def test_accents_and_case_fold_so_words_typed_without_them_match() -> None:
    rules = analyzer("pl")
    assert rules.terms("Załącznik ŹLE Łódź") == rules.terms("zalacznik zle lodz")
    assert analyzer("ca").terms("col·legi") == analyzer("ca").terms("collegi") == ["collegi"]
    assert analyzer("cs").terms("Přílohu žluťoučký") == ["prilohu", "zlutoucky"]
    assert fold("їжак") == "іжак"
    # No stemming: inflected forms stay apart (no stemmer ships for these languages).
    assert rules.terms("zamówienie zamówienia") == ["zamowienie", "zamowienia"]


@pytest.mark.parametrize(
    ("tag", "language"), [("pt-BR", "pt"), ("fr-CA", "fr"), ("es-419", "es"), ("zh-TW", "zh")]
)
def test_regional_tags_use_their_base_language(tag: str, language: str) -> None:
    rules = analyzer(tag)
    assert not rules.generic and rules.language == language
    assert rules.stops == analyzer(language).stops


def test_a_regional_tag_of_a_language_without_rules_is_generic() -> None:
    assert analyzer("pl-PL").generic and analyzer("sr_Latn_RS").generic


POLISH = {
    "index.md": "# Centrum pomocy\n\nWitamy w centrum pomocy.\n",
    "zamowienia/załącznik.md": (
        "# Załącznik do zamówienia\n\nDodaj załącznik (fakturę lub zdjęcie) do zamówienia.\n"
    ),
    "zwroty/zwrot pieniędzy.md": "# Zwrot pieniędzy\n\nZwracamy pieniądze w ciągu 14 dni.\n",
}


def search(site: Path, locale: str, queries: list[str]) -> list[dict]:
    if not shutil.which("node"):
        missing("node is not installed")
    index = str(site / "search" / "helpcentre-index.json")
    request = {"mode": "search", "locale": locale, "index": index, "queries": queries}
    return run_in_node(request)["results"]


def locations(result: dict) -> list[str]:
    """Articles of the result groups, best first."""
    return [group[0]["location"].split("#")[0] for group in result["items"]]


def strict_build(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


def test_a_polish_site_builds_strict_and_finds_words_typed_without_accents(
    tmp_path: Path,
) -> None:
    for name, text in POLISH.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    config = {
        "site_name": "Pomoc",
        "theme": {"name": "material", "language": "pl", "font": False},
        "plugins": ["search", "helpcentre/search"],
    }
    (tmp_path / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    done = strict_build(tmp_path / "mkdocs.yml")
    assert done.returncode == 0, done.stderr
    line = (
        "INFO    -  helpcentre: search for 'pl' uses the generic rules (word segmentation, case"
        " and accent folding, no stemming): no stemmer ships for it"
    )
    assert done.stderr.count(line) == 1
    assert "WARNING" not in done.stderr
    site = tmp_path / "site"
    data = json.loads((site / "search/helpcentre-index.json").read_text("utf-8"))
    assert data["rules"] == "generic"
    libraries = (site / "assets/javascripts/helpcentre/search-libs.js").read_text("utf-8")
    assert "Intl.Segmenter" in libraries and "lunr.stemmer.support" not in libraries
    plain, accented, other = search(site, "pl", ["zalacznik", "Załącznik", "zwrot pieniedzy"])
    assert locations(plain)[0].startswith("zamowienia/")
    assert locations(plain) == locations(accented)
    assert locations(other)[0].startswith("zwroty/")


def i18n_config(locales: list[str]) -> str:
    """An mkdocs.yml (YAML reads JSON) of a help centre in ``locales``, the first the source."""
    i18n = {"default_locale": locales[0], "locales": [{"locale": code} for code in locales]}
    return json.dumps(
        {
            "site_name": "Help",
            "site_url": "https://help.example.com/",
            "theme": {"name": "material"},
            "plugins": ["search", "helpcentre/search", {"helpcentre/i18n": i18n}],
        }
    )


I18N_ARTICLES = {
    "en": {"index.md": "# Help\n\nWelcome.\n", "attachments.md": "# Attachments\n\nAdd files.\n"},
    "pl": {
        "index.md": "# Pomoc\n\nWitamy.\n",
        "attachments.md": "# Załączniki\n\nDodaj załącznik do zamówienia.\n",
    },
    "pt-BR": {
        "index.md": "# Ajuda\n\nBem-vindo.\n",
        "attachments.md": "# Anexos\n\nAs devoluções e os reembolsos dos pedidos.\n",
    },
}


def test_an_i18n_site_with_polish_and_brazilian_portuguese_builds_strict(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(i18n_config(list(I18N_ARTICLES)), "utf-8")
    for locale, articles in I18N_ARTICLES.items():
        for name, text in articles.items():
            (project / "docs" / locale).mkdir(exist_ok=True)
            (project / "docs" / locale / name).write_text(text, encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Docs", date="2026-11-01T10:00:00+00:00")
    done = strict_build(project / "mkdocs.yml")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("uses the generic rules") == 1  # Polish only, once
    assert "[pl] helpcentre: search for 'pl' uses the generic rules" in done.stderr
    site = project / "site"
    rules = {
        locale: json.loads((site / locale / "search/helpcentre-index.json").read_text("utf-8"))[
            "rules"
        ]
        for locale in I18N_ARTICLES
    }
    assert rules == {"en": "en", "pl": "generic", "pt-BR": "pt"}
    (polish,) = search(site / "pl", "pl", ["zalacznik"])
    assert locations(polish)[0].startswith("attachments/")
    # Brazilian Portuguese stems with the Portuguese rules: the singular finds the plural.
    (portuguese,) = search(site / "pt-BR", "pt-BR", ["reembolso"])
    assert locations(portuguese)[0].startswith("attachments/")
