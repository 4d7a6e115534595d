"""The health report in the reader's language: catalogs, Babel formats, right to left."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file

from helpcentre.catalogs import SHIPPED_LOCALES, catalog_problems, read_catalog
from helpcentre.cli import main
from helpcentre.report import html_page, language, markdown
from helpcentre.report.html_page import render_html
from helpcentre.report.language import report_language
from helpcentre.report.markdown import render_markdown

from .test_report import TODAY, report_of

#: The locales helpcentre ships catalogs for.
SHIPPED = sorted(path.name for path in SHIPPED_LOCALES.iterdir() if path.is_dir())


def page_strings() -> set[str]:
    """Every string the HTML page and the Markdown report ask the catalogs for (some are named
    once for both, in the language module), as the extractor finds them."""
    return {
        message
        for module in (html_page, markdown, language)
        for _, message, _, _ in extract_from_file(
            "python", module.__file__, keywords=DEFAULT_KEYWORDS
        )
    }


def test_every_shipped_locale_translates_the_whole_page() -> None:
    wanted = page_strings()
    assert len(wanted) > 120 and "Fix first" in wanted and "Reasons given: %(reasons)s." in wanted
    # The report's own catalog ships for these; other locales get the report in English.
    with_report = [
        code for code in SHIPPED if (SHIPPED_LOCALES / code / "LC_MESSAGES" / "report.po").is_file()
    ]
    assert with_report == ["es", "fr", "it", "ja"]
    for code in with_report:
        path = SHIPPED_LOCALES / code / "LC_MESSAGES" / "report.po"
        translated = {m.id for m in read_catalog(path, code) if m.id and m.string}
        assert wanted - translated == set(), code
    assert catalog_problems(SHIPPED_LOCALES, SHIPPED) == []


def test_french_report_in_french_words_numbers_and_dates(
    help_centre: Path, feedback_db: str
) -> None:
    page = render_html(report_of(help_centre, feedback_db), language=report_language("fr"))
    assert '<html lang="fr" dir="ltr">' in page
    assert "<h1>Santé du centre d&#x27;aide</h1>" in page
    for heading in ("À corriger en premier", "Par langue", "Retard des traductions"):
        assert f"<h2>{heading}</h2>" in page
    # Babel's French: a no-break space before % and a French date.
    assert "Votes utiles : 40 sur 83 (48\u00a0%, borne inférieure à 95 % :" in page
    assert re.search(r"Avis du \d{1,2} [a-zéû]+\.? 20\d\d au ", page)
    assert "Fix first" not in page and "Helpful votes" not in page


def test_markdown_report_in_italian(help_centre: Path, feedback_db: str) -> None:
    report = report_of(help_centre, feedback_db)
    english = render_markdown(report)
    italian = render_markdown(report, language=report_language("it"))
    assert english.startswith(f"# Help centre health, {TODAY.isoformat()}\n")
    assert italian.startswith(f"# Stato del centro assistenza, {TODAY.isoformat()}\n")
    assert "## Da correggere per primi" in italian and "## Ritardo delle traduzioni" in italian
    assert "Voti utili: 40 su 83 (48%" in italian
    assert "## Fix first" not in italian and "votes helpful" not in italian


def test_a_missing_string_falls_back_whole_to_english(
    help_centre: Path, feedback_db: str, tmp_path: Path
) -> None:
    # German ships no report catalog; the site translates one heading only.
    catalog = tmp_path / "locales" / "de" / "LC_MESSAGES" / "site.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
        'msgid "Fix first"\nmsgstr "Zuerst beheben"\n\n'
        'msgid "Pages flagged: %(flagged)s of %(checked)s (errors: %(errors)s, warnings: '
        '%(warnings)s)."\nmsgstr "Markierte Seiten: %(flagged)s von %(checked)s (Fehler: '
        '%(errors)s, Warnungen: %(warnings)s)."\n',
        encoding="utf-8",
    )
    german = report_language("de", locales_dir=tmp_path / "locales")
    page = render_html(report_of(help_centre, feedback_db), language=german)
    assert "<h2>Zuerst beheben</h2>" in page
    assert "Markierte Seiten:" in page
    # The untranslated sentence is English throughout, its share written the English way.
    assert "Helpful votes: 40 of 83 (48%, 95 % lower bound" in page
    assert "48\u00a0%" not in page.split("Helpful votes:")[1][:40]
    # A column of numbers is the reader's: German percent signs.
    assert re.search(r'<td class="num">\d+(,\d)?\u00a0%</td>', page)


def test_report_command_chooses_the_language(
    help_centre: Path, feedback_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ["report", "--config", str(help_centre / "mkdocs.yml"), "--today", TODAY.isoformat()]
    out = tmp_path / "report.html"
    args = [*common, "--feedback", feedback_db, "--format", "html", "--output", str(out)]
    assert main(args) == 0
    # The site's default locale (English) when none is asked for.
    assert '<html lang="en" dir="ltr">' in out.read_text("utf-8")
    assert main([*args, "--locale", "ja"]) == 0
    japanese = out.read_text("utf-8")
    assert '<html lang="ja" dir="ltr">' in japanese and "<h2>優先して修正</h2>" in japanese
    assert main([*args, "--locale", "ar"]) == 0
    arabic = out.read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic
    # Dates in Arabic order in the text; on a chart's left-to-right axis without the marks
    # that would reorder them.
    assert "\u200f/" in arabic.split("<main>")[0]
    charts = re.findall(r"<svg.*?</svg>", arabic)
    assert charts and not any("\u200f" in chart for chart in charts)
    capsys.readouterr()
    assert main([*args, "--locale", "xx-nope"]) == 2
    assert "--locale 'xx-nope' is not a locale code" in capsys.readouterr().err


def test_right_to_left_report_mirrors_in_chromium(  # noqa: ANN001 - Playwright fixture
    help_centre: Path, feedback_db: str, tmp_path: Path, page
) -> None:
    report = report_of(help_centre, feedback_db)
    page.set_viewport_size({"width": 1280, "height": 900})
    found = {}
    for code in ("ar", "en"):
        target = tmp_path / f"health-{code}.html"
        target.write_text(render_html(report, language=report_language(code)), encoding="utf-8")
        page.goto(target.as_uri())
        page.screenshot(path=str(tmp_path / f"health-{code}.png"), full_page=True)
        found[code] = page.evaluate(
            """() => {
              const text = (element) => {
                const range = document.createRange()
                range.selectNodeContents(element)
                return range.getBoundingClientRect()
              }
              const third = document.querySelector("#fix-first th:nth-child(3)")
              const cell = document.querySelector("#fix-first td:nth-child(3)")
              const row = cell.closest("tr").getBoundingClientRect()
              const firstColumn = document.querySelector("#fix-first th").getBoundingClientRect()
              const chart = document.querySelector("svg.chart text[text-anchor=end]")
              const svg = chart.closest("svg").getBoundingClientRect()
              return {
                dir: document.documentElement.dir,
                firstColumnAtRight: firstColumn.right > row.right - 60,
                headerTextAtRight: text(third).right > third.getBoundingClientRect().right - 12,
                chartLabelInside: text(chart).left >= svg.left - 1
                  && text(chart).right <= svg.right + 1,
                overflow: document.documentElement.scrollWidth - innerWidth,
              }
            }"""
        )
    ar, en = found["ar"], found["en"]
    assert ar["dir"] == "rtl" and ar["firstColumnAtRight"] and ar["headerTextAtRight"], ar
    assert ar["chartLabelInside"] and ar["overflow"] <= 0, ar
    # The same checks tell the directions apart.
    assert en["dir"] == "ltr" and not en["firstColumnAtRight"] and not en["headerTextAtRight"], en
