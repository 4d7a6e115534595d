"""Synonym files: parsing, author errors with file and line, analysis into terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcentre.search.languages import analyzer
from helpcentre.search.synonyms import SynonymError, load_synonyms, parse_synonyms, synonym_terms

ROOT = Path(__file__).resolve().parents[2]


def test_groups_are_parsed_and_comments_skipped() -> None:
    groups = parse_synonyms("# money\nrefund, money back ,reimbursement\n\nparcel, package\n")
    assert [g.members for g in groups] == [
        ("refund", "money back", "reimbursement"),
        ("parcel", "package"),
    ]
    assert [g.line for g in groups] == [2, 4]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("parcel, package\nrefund\n", "s.txt:2: a group needs at least two"),
        ("refund,,money back\n", "s.txt:1: empty member"),
        ("Refund, refund\n", "s.txt:1: a group needs at least two"),
    ],
)
def test_bad_lines_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(SynonymError, match=message):
        parse_synonyms(text, "s.txt")


def test_stop_word_only_member_is_an_error() -> None:
    groups = parse_synonyms("the, parcel\n")
    with pytest.raises(SynonymError, match="s.txt:1: 'the' has only stop words"):
        synonym_terms(groups, analyzer("en"), "s.txt")


def test_members_become_term_sequences() -> None:
    groups = parse_synonyms("refund, money back, reimbursements\n")
    assert synonym_terms(groups, analyzer("en")) == [[["refund"], ["money", "back"], ["reimburs"]]]


@pytest.mark.parametrize("locale", ["en", "fr", "it", "es", "ja"])
def test_shipped_synonym_files_are_valid(locale: str) -> None:
    path = ROOT / "locales" / locale / "synonyms.txt"
    groups = load_synonyms(path)
    assert len(groups) >= 10
    assert len(synonym_terms(groups, analyzer(locale), path)) == len(groups)
