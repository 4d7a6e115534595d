"""The source_hash marker: normalisation, and rewriting one front matter line byte for byte."""

from __future__ import annotations

import hashlib

import pytest

from helpcentre.content.frontmatter import ContentError
from helpcentre.i18n.marker import body_hash, normalised_body, read_marker, write_marker

SOURCE = """---
title: How do I track my order?
reviewed: 2026-03-01
---
Find out where your parcel is.

## Where is my parcel? {#where}

Open **Orders** and choose **Track**.
"""


def test_hash_is_the_first_12_hex_of_sha256_of_the_normalised_body():
    expected = hashlib.sha256(
        b"Find out where your parcel is. ## Where is my parcel? {#where} "
        b"Open **Orders** and choose **Track**."
    ).hexdigest()[:12]
    assert body_hash("en/a.md", SOURCE) == expected
    assert normalised_body("en/a.md", SOURCE).startswith("Find out where")


def test_whitespace_and_front_matter_changes_keep_the_hash():
    rewrapped = SOURCE.replace("Find out where your parcel is.", "Find out  where\nyour parcel is.")
    rewrapped = rewrapped.replace("\n\n## Where", "\n\n\n## Where").replace("\n", "\r\n")
    new_front = SOURCE.replace("reviewed: 2026-03-01", "reviewed: 2026-09-01\ntags: [tracking]")
    assert body_hash("a.md", rewrapped) == body_hash("a.md", SOURCE)
    assert body_hash("a.md", new_front) == body_hash("a.md", SOURCE)
    assert body_hash("a.md", SOURCE.replace("Track", "Follow")) != body_hash("a.md", SOURCE)


def test_marker_is_inserted_before_the_closing_fence_and_nothing_else_changes():
    translation = "---\ntitle: Suivre ma commande  # traduit\nreviewed: 2026-03-01\n---\nTexte.\n"
    marked = write_marker("fr/a.md", translation, "0123456789ab")
    assert marked == (
        "---\ntitle: Suivre ma commande  # traduit\nreviewed: 2026-03-01\n"
        "source_hash: 0123456789ab\n---\nTexte.\n"
    )
    assert read_marker("fr/a.md", marked) == "0123456789ab"


def test_existing_marker_line_is_replaced_in_place_keeping_crlf_and_trailing_comment():
    translation = (
        "---\r\ntitle: Suivi\r\nsource_hash: 0123456789ab   # set by mark\r\norder: 10\r\n---\r\n"
        "Texte  avec   espaces.\r\n\r\n"
    )
    marked = write_marker("fr/a.md", translation, "ba9876543210")
    assert marked == translation.replace("0123456789ab", "ba9876543210")
    assert read_marker("fr/a.md", marked) == "ba9876543210"


def test_insertion_uses_the_files_line_endings():
    marked = write_marker("fr/a.md", "---\r\ntitle: Suivi\r\n---\r\nTexte.\r\n", "0123456789ab")
    assert marked == "---\r\ntitle: Suivi\r\nsource_hash: 0123456789ab\r\n---\r\nTexte.\r\n"


def test_file_without_front_matter_gets_a_block_with_only_the_marker():
    marked = write_marker("fr/a.md", "Texte.\n", "0123456789ab")
    assert marked == "---\nsource_hash: 0123456789ab\n---\nTexte.\n"
    empty = write_marker("fr/b.md", "---\n---\nTexte.\n", "0123456789ab")
    assert empty == "---\nsource_hash: 0123456789ab\n---\nTexte.\n"


def test_a_hand_edited_marker_is_an_error_naming_the_line():
    text = "---\ntitle: Suivi\nsource_hash: latest\n---\nTexte.\n"
    with pytest.raises(ContentError) as caught:
        read_marker("docs/fr/a.md", text)
    assert caught.value.line == 3
    assert "helpcentre translations mark" in caught.value.fix
    assert caught.value.message.startswith("docs/fr/a.md:3: 'source_hash' must be 12")


def test_a_marker_spread_over_several_lines_is_not_rewritten():
    text = "---\ntitle: Suivi\nsource_hash:\n  0123456789ab\n---\nTexte.\n"
    with pytest.raises(ContentError) as caught:
        write_marker("docs/fr/a.md", text, "ba9876543210")
    assert caught.value.line == 3


def test_broken_front_matter_is_reported_not_overwritten():
    with pytest.raises(ContentError):
        write_marker("docs/fr/a.md", "---\ntitle: Suivi\nTexte.\n", "0123456789ab")
