"""Words the search never corrects: frequent words of the language near the site's own."""

from __future__ import annotations

from pathlib import Path

from browser_code import browser_plans
from helpcentre.search.spelling import edit_distance, frequent_words, real_words_near

from .sites import built_site


def test_frequent_words_near_the_sites_are_listed_typos_and_accents_are_not() -> None:
    vocabulary = ["daisy", "receipt", "possible", "téléphone", "kasse"]
    listed = real_words_near(vocabulary, {"daisi", "receipt", "possibl"}, "en")
    assert "daily" in listed  # one edit from "daisy", and a word of its own
    assert "reciept" not in listed and "recieve" not in listed  # misspellings are rare
    assert "impossible" in listed  # two edits from "possible", nine letters
    assert "telephone" not in listed  # only its accents differ from the site's word
    assert "receipts" not in listed  # its term is the site's: nothing to correct
    assert listed == sorted(listed, key=frequent_words("en").index)


def test_languages_without_a_frequency_list_list_nothing() -> None:
    assert real_words_near(["ยกเลิก"], set(), "th") == []
    assert frequent_words("th") == ()
    # Not English words instead, wordfreq's nearest match for Swahili.
    assert frequent_words("sw") == ()


def test_without_a_stemmer_other_endings_of_the_sites_words_are_still_corrected() -> None:
    # Czech has the generic rules: "platby" is corrected to the site's "platba", as a stemmer
    # would have matched them; "oprava" (repair) is a word of its own beside "doprava".
    listed = real_words_near(["platba", "doprava"], set(), "cs")
    assert "platby" not in listed and "platbu" not in listed
    assert "oprava" in listed


def test_edit_distance_counts_a_transposition_as_one_edit() -> None:
    assert edit_distance("reciept", "receipt") == 1
    assert edit_distance("daily", "daisy") == 1
    assert edit_distance("impossible", "possible") == 2


def test_the_browser_corrects_typos_but_not_real_words(tmp_path: Path) -> None:
    articles = {
        "index.md": "# Help\n\nWelcome.\n",
        "Boards/Chaining.md": "# Daisy chaining\n\nConnect the modules in a chain.\n",
        "Orders/Receipts.md": "# Your receipt\n\nDownload the receipt of an order.\n",
    }
    index = built_site(tmp_path, "en", articles) / "search" / "helpcentre-index.json"
    found = browser_plans("en", index, ["daily limit", "reciept"])
    assert found["corrections"] == [None, "receipt"]
    assert found["plans"][0][0]["term"] == "daili"
