"""Our Arabic, Greek and Hebrew stemmers: their rules, and a clear error on a file they do not know.

Word for word agreement with lunr-languages in node is tested in test_lunr_languages_beyond.py.
"""

from __future__ import annotations

import pytest

from helpcentre.search import languages
from helpcentre.search.languages import LanguageError, analyzer, material_lunr_dir
from helpcentre.search.lunr_stemmers import (
    StemmerSourceError,
    arabic_stemmer,
    greek_stem,
    hebrew_stemmer,
)


def source(language: str) -> str:
    return (material_lunr_dir() / f"min/lunr.{language}.min.js").read_text(encoding="utf-8")


def test_arabic_strips_prefixes_suffixes_and_marks() -> None:
    stem = arabic_stemmer(source("ar"))
    # The definite article, the plural and a possessive go; so do harakat and tatweel.
    assert stem("الطلبات") == stem("طلبات") == "طلب"
    assert stem("شُكْرًا") == stem("شكرا")
    assert stem("تـجـربـة") == stem("تجربة")
    # Alef with hamza is written as bare alef, in the first place it occurs.
    assert stem("أسئلة") == stem("اسئلة")


def test_arabic_counts_letters_as_javascript_does() -> None:
    # A letter beyond the Basic Multilingual Plane is two UTF-16 units: the word is long enough
    # for the seven-letter rules in the browser, so here too.
    stem = arabic_stemmer(source("ar"))
    assert stem("وال\U0001d538بات") == "\U0001d538ب"


def test_greek_cuts_endings_and_keeps_listed_words() -> None:
    assert greek_stem("παραγγελιες") == greek_stem("παραγγελια") == "παραγγελ"
    assert greek_stem("δεματα") == greek_stem("δεματων") == "δεμ"
    # Words that are not all Greek letters, and the stemmer's kept words, only change case.
    assert greek_stem("email") == "email"
    assert greek_stem("επισης") == "επισης"
    assert greek_stem("καλυτερες") == "καλ"


def test_hebrew_drops_points_and_writes_final_letters_as_ordinary_ones() -> None:
    stem = hebrew_stemmer(source("he"))
    assert stem("הַזְמָנוֹת") == "הזמנות"
    assert stem("חשבון") == "חשבונ"
    # Only the first final letter of each kind, as String.replace with a string does.
    assert stem("ךךם") == "כךמ"
    # A word of the stemmer's own stop list stays as it is.
    assert stem("אותם") == "אותם"


@pytest.mark.parametrize("build", [arabic_stemmer, hebrew_stemmer])
def test_a_file_without_the_tables_is_named(build) -> None:  # noqa: ANN001
    with pytest.raises(StemmerSourceError, match=r"^lunr\.x\.js: cannot find the stemmer's"):
        build("!function(){}()", "lunr.x.js")


def test_the_analyzer_says_which_material_file_is_wrong(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "min").mkdir()
    # A file with the trimmer and the stop words, but not the stemmer's tables.
    text = 'e.he.wordCharacters="א-ת",e.generateStopWordFilter("אבל או".split(" "))'
    (tmp_path / "min" / "lunr.he.min.js").write_text(text, encoding="utf-8")
    monkeypatch.setattr(languages, "material_lunr_dir", lambda: tmp_path)
    cached = (analyzer, languages.stop_words, languages.word_characters)
    for function in cached:
        function.cache_clear()
    try:
        with pytest.raises(LanguageError, match=r"lunr\.he\.min\.js: cannot find the stemmer's"):
            analyzer("he")
    finally:
        for function in cached:
            function.cache_clear()
