"""Thai words: the build cuts them as lunr.th's ``wordcut`` does in the browser, piece for piece.

The sample is help-centre prose (accounts, passwords, orders, refunds, shipping, payments) with
numbers, Latin words, punctuation and mixed Thai and English; node runs Material's ``wordcut.js``.
"""

from __future__ import annotations

import random
import re
import shutil
from functools import cache
from itertools import zip_longest
from pathlib import Path

import pytest

from browser_code import browser_terms, browser_wordcut
from conftest import missing
from helpcentre.search import languages
from helpcentre.search.languages import SEPARATOR, LanguageError, analyzer, material_lunr_dir
from helpcentre.search.thai_wordcut import ThaiWordcut, dictionary_words

SAMPLE = (Path(__file__).parent / "samples" / "th-help-centre.md").read_text("utf-8")
THAI = re.compile("[\u0e01-\u0e4e]")


def needs_node() -> None:
    if not shutil.which("node"):
        missing("node is not installed")


@cache
def browser_dictionary() -> frozenset[str]:
    return dictionary_words((material_lunr_dir() / "wordcut.js").read_text("utf-8"))


@cache
def cutter(words: frozenset[str] | None = None) -> ThaiWordcut:
    return ThaiWordcut(browser_dictionary() if words is None else words)


def texts_of_the_sample() -> list[str]:
    """The whole sample, its lines, its space-separated runs and the analyser's chunks."""
    chunks = [chunk for chunk in re.split(SEPARATOR, SAMPLE) if chunk]
    return [SAMPLE, *filter(None, SAMPLE.splitlines()), *SAMPLE.split(), *chunks]


def first_difference(texts: list[str], ours: list[list[str]], theirs: list[list[str]]) -> str:
    for text, mine, browser in zip(texts, ours, theirs, strict=True):
        if mine != browser:
            pairs = enumerate(zip_longest(mine, browser))
            at = next(i for i, (a, b) in pairs if a != b)
            return f"{text[:60]!r}: piece {at}: {mine[at : at + 3]} != {browser[at : at + 3]}"
    return ""


def test_the_sample_is_real_thai_prose() -> None:
    pieces = cutter().cut(SAMPLE)
    assert len([piece for piece in pieces if THAI.search(piece)]) >= 300
    for word in ("PayPal", "SMS", "1,500", "2FA", "support@tidewell.example"):
        assert word in SAMPLE


def test_python_cuts_the_sample_as_lunr_wordcut_piece_for_piece() -> None:
    needs_node()
    texts = texts_of_the_sample()
    ours = [cutter().cut(text) for text in texts]
    theirs = browser_wordcut(texts)
    assert sum(map(len, theirs)) > 2000
    assert not first_difference(texts, ours, theirs)
    assert ours == theirs


def test_a_dictionary_one_word_short_is_caught() -> None:
    # The comparison above can fail: without one of its words the cut of the sample differs.
    needs_node()
    words = browser_dictionary()
    assert "บัญชี" in words
    (theirs,) = browser_wordcut([SAMPLE])
    assert cutter(words - {"บัญชี"}).cut(SAMPLE) != theirs


def generated_texts(count: int, seed: int) -> list[str]:
    """Dictionary words glued to stray Thai letters, tone marks, Latin, digits, symbols, emoji."""
    words = sorted(browser_dictionary())
    stray = [chr(code) for code in range(0x0E01, 0x0E5C)] + [*'abcXYZ019 .-@`()/,"', "😀"]
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = [
            rng.choice(words)
            if rng.random() < 0.6
            else "".join(rng.choice(stray) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(1, 8))
        ]
        texts.append("".join(parts))
    return texts


def test_python_cuts_generated_text_as_lunr_wordcut() -> None:
    # Unknown letters, lone tone marks, syllable parts and characters beyond the BMP take
    # wordcut's rarer paths.
    needs_node()
    texts = generated_texts(600, seed=14)
    ours = [cutter().cut(text) for text in texts]
    theirs = [[piece for piece in pieces if piece] for pieces in browser_wordcut(texts)]
    assert not first_difference(texts, ours, theirs)


def test_the_build_and_the_browser_index_the_sample_alike() -> None:
    needs_node()
    rules = analyzer("th")
    assert browser_terms("th", [SAMPLE]) == [rules.terms(SAMPLE)]


def test_a_wordcut_without_dictionary_is_an_error(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "min").mkdir()
    (tmp_path / "wordcut.js").write_text("/* not wordcut */", encoding="utf-8")
    monkeypatch.setattr(languages, "material_lunr_dir", lambda: tmp_path)
    languages.thai_wordcut.cache_clear()
    try:
        with pytest.raises(LanguageError, match="wordcut.js: no Thai dictionary found"):
            languages.thai_wordcut()
    finally:
        languages.thai_wordcut.cache_clear()
