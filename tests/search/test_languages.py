"""The build and the browser turn text into the same terms, for every locale the project ships."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser_code import browser_terms
from conftest import missing
from helpcentre.search import languages
from helpcentre.search.languages import LanguageError, analyzer

ROOT = Path(__file__).resolve().parents[2]

SAMPLES = {
    "en": "Tracking delayed deliveries: refunds, reimbursed payments, holidays, carefully "
    "replaced items, days, buying, the tidewell.example help centre at 09:00, EUR 60, café",
    "fr": "Les livraisons retardées, remboursements effectués, l'adresse de facturation, "
    "échanger un article défectueux, commandé le 3 mai, 60 €, nous remboursons",
    "it": "Spedizioni internazionali ritardate, rimborsi ricevuti, assistenza clienti, "
    "preferenze dell'account, differenza di prezzo, ordinato 60 euro",
    "es": "Devoluciones de pedidos, reembolsos recibidos, envíos internacionales retrasados, "
    "métodos de pago, cambiar la dirección de entrega, 60 €",
    "ja": "注文を追跡する方法。返金はいつ届きますか？配送先住所を変更したい。"
    "ギフトカードで支払う、パスワードを再設定、Klarnaの3回払い",
}


def corpus(locale: str) -> list[str]:
    """Every distinct word of the locale's reference articles, plus a fixed sample."""
    texts = [SAMPLES[locale]]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / locale).rglob("*.md"))]
    words = {word for text in texts for word in analyzer(locale).words(text)}
    return sorted(words)


@pytest.mark.parametrize("locale", ["en", "fr", "it", "es", "ja"])
def test_python_and_lunr_js_agree_word_for_word(locale: str) -> None:
    if not shutil.which("node"):
        missing("node is not installed")
    words = corpus(locale)
    assert len(words) > 30
    in_browser = browser_terms(locale, words)
    in_python = [analyzer(locale).terms(word) for word in words]
    differences = [
        (w, b, p) for w, b, p in zip(words, in_browser, in_python, strict=True) if b != p
    ]
    assert differences == []
    # Whole texts too: same splitting, same segmentation of Japanese.
    assert browser_terms(locale, [SAMPLES[locale]]) == [analyzer(locale).terms(SAMPLES[locale])]


@pytest.mark.parametrize(
    ("locale", "inflected", "base"),
    [
        ("en", "deliveries", "delivery"),
        ("fr", "remboursements", "remboursement"),
        ("it", "spedizioni", "spedizione"),
        ("es", "devoluciones", "devolución"),
    ],
)
def test_each_language_stems_and_filters_stop_words(locale: str, inflected: str, base: str) -> None:
    rules = analyzer(locale)
    assert rules.terms(inflected) == rules.terms(base) != []
    assert len(rules.stops) > 100  # the lunr-languages list, not NLTK's (absent here)
    assert all(rules.term(word) is None for word in list(rules.stops)[:20])


def test_english_has_a_stemmer() -> None:
    # Material's English search never stems its (wildcard) queries; ours does.
    assert analyzer("en").terms("refunds refunded refunding") == ["refund"] * 3


def test_japanese_is_segmented_and_filters_particles() -> None:
    assert analyzer("ja").terms("返金はいつ") == ["返金", "いつ"]


def test_regional_variants_use_their_language() -> None:
    assert analyzer("fr_CA").terms("livraisons") == analyzer("fr").terms("livraisons")


def test_unknown_locale_gets_the_generic_rules_not_english() -> None:
    rules = analyzer("xx")
    assert rules.generic and rules.stops == frozenset()
    assert rules.terms("The deliveries, délivrées") == ["the", "deliveries", "delivrees"]


def test_unreadable_lunr_languages_file_is_an_error(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "min").mkdir()
    (tmp_path / "min" / "lunr.fr.min.js").write_text("/* not lunr-languages */", encoding="utf-8")
    monkeypatch.setattr(languages, "material_lunr_dir", lambda: tmp_path)
    languages.stop_words.cache_clear()
    try:
        with pytest.raises(LanguageError, match="lunr.fr.min.js: cannot find"):
            languages.stop_words("fr")
    finally:
        languages.stop_words.cache_clear()


def test_lunr_py_alone_would_degrade_silently() -> None:
    # Why we do not use lunr.py's languages: without NLTK it quietly ignores `languages`.
    import lunr
    from lunr import languages as lunr_languages

    saved = lunr_languages.LANGUAGE_SUPPORT
    lunr_languages.LANGUAGE_SUPPORT = False
    try:
        builder = lunr.get_default_builder(["fr"])
    finally:
        lunr_languages.LANGUAGE_SUPPORT = saved
    labels = [fn.label for fn in builder.pipeline._stack]
    assert labels == ["trimmer", "stopWordFilter", "stemmer"]  # English, no warning
    # Ours never goes through that path: French rules come from lunr-languages files.
    assert "livraison" in analyzer("fr").terms("livraisons")
