"""Translation status over real git repositories: every state, its reason and its basis."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import git
from helpcentre.history import read_history
from helpcentre.i18n.marker import body_hash, mark_translation
from helpcentre.i18n.status import Basis, TranslationState, translation_status
from helpcentre.site import load_site, site_settings

TRACK = "Find out where your parcel is.\n\n## Where is my parcel? {#where}\n\nOpen **Orders**.\n"


def article(title: str, body: str, **extra: object) -> str:
    keys = "".join(f"{key}: {value}\n" for key, value in extra.items())
    return f"---\ntitle: {title}\ncategory: orders\n{keys}---\n{body}"


def write(repo: Path, relative: str, text: str) -> Path:
    path = repo / "docs" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def commit(repo: Path, message: str, day: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=f"{day}T10:00:00+00:00")


def status_of(repo: Path, **kwargs: object):
    return translation_status(repo / "docs", locales=["fr", "ja"], **kwargs)


def test_marker_decides_translated_and_outdated(git_repo: Path):
    write(git_repo, "en/orders/track.md", article("Track", TRACK))
    write(git_repo, "fr/orders/track.md", article("Suivre", "Où est mon colis ?\n"))
    commit(git_repo, "Add tracking article", "2026-01-05")
    mark_translation(git_repo / "docs", "fr", "orders/track.md")
    commit(git_repo, "Mark French translation", "2026-01-06")

    entry = status_of(git_repo).get("fr", "orders/track.md")
    assert entry.state is TranslationState.TRANSLATED
    assert entry.basis is Basis.MARKER
    assert entry.recorded_hash == entry.source_hash

    write(git_repo, "en/orders/track.md", article("Track", TRACK.replace("Orders", "My orders")))
    commit(git_repo, "Rename the menu", "2026-02-10")
    entry = status_of(git_repo).get("fr", "orders/track.md")
    assert entry.state is TranslationState.OUTDATED
    assert entry.basis is Basis.MARKER
    assert entry.source_changed.date() == date(2026, 2, 10)
    assert "en/orders/track.md changed on 2026-02-10" in entry.reason
    assert "helpcentre translations mark fr orders/track.md" in entry.reason

    mark_translation(git_repo / "docs", "fr", "orders/track.md")
    assert status_of(git_repo).get("fr", "orders/track.md").state is TranslationState.TRANSLATED


def test_whitespace_and_front_matter_changes_do_not_outdate(git_repo: Path):
    write(git_repo, "en/orders/track.md", article("Track", TRACK))
    write(git_repo, "fr/orders/track.md", article("Suivre", "Où est mon colis ?\n"))
    write(git_repo, "ja/orders/track.md", article("追跡", "荷物はどこですか。\n"))
    commit(git_repo, "Add tracking article", "2026-01-05")
    mark_translation(git_repo / "docs", "fr", "orders/track.md")
    commit(git_repo, "Mark French translation", "2026-01-06")
    rewrapped = TRACK.replace("Find out where your", "Find out\nwhere  your") + "\n\n"
    write(git_repo, "en/orders/track.md", article("Track it", rewrapped, reviewed="2026-03-01"))
    commit(git_repo, "Rewrap and review", "2026-03-01")

    status = status_of(git_repo)
    marked = status.get("fr", "orders/track.md")
    assert marked.state is TranslationState.TRANSLATED and marked.basis is Basis.MARKER
    # The Japanese translation has no marker: git says the source changed after it, but only
    # in whitespace and front matter, so it stays up to date and the date is the real change.
    dated = status.get("ja", "orders/track.md")
    assert dated.state is TranslationState.TRANSLATED
    assert dated.basis is Basis.GIT_DATES
    assert dated.source_changed.date() == date(2026, 1, 5)


def test_without_marker_git_dates_decide_and_the_reason_says_so(git_repo: Path):
    write(git_repo, "en/orders/track.md", article("Track", TRACK))
    write(git_repo, "en/orders/cancel.md", article("Cancel", "Cancel an order.\n"))
    commit(git_repo, "Add orders articles", "2026-01-05")
    write(git_repo, "fr/orders/track.md", article("Suivre", "Où est mon colis ?\n"))
    write(git_repo, "fr/orders/cancel.md", article("Annuler", "Annuler une commande.\n"))
    commit(git_repo, "Translate orders articles", "2026-01-20")
    write(git_repo, "en/orders/cancel.md", article("Cancel", "Cancel an order within 1 hour.\n"))
    commit(git_repo, "Cancellation window", "2026-02-01")

    status = status_of(git_repo)
    behind = status.get("fr", "orders/cancel.md")
    assert behind.state is TranslationState.OUTDATED
    assert behind.basis is Basis.GIT_DATES
    assert "no source_hash marker" in behind.reason
    assert "by git dates en/orders/cancel.md changed on 2026-02-01" in behind.reason
    assert "2026-01-20" in behind.reason
    current = status.get("fr", "orders/track.md")
    assert current.state is TranslationState.TRANSLATED
    assert current.basis is Basis.GIT_DATES
    assert "by git dates" in current.reason


def test_uncommitted_source_change_outdates_marked_translation(git_repo: Path):
    write(git_repo, "en/orders/track.md", article("Track", TRACK))
    write(git_repo, "fr/orders/track.md", article("Suivre", "Où est mon colis ?\n"))
    mark_translation(git_repo / "docs", "fr", "orders/track.md")
    commit(git_repo, "Add tracking article", "2026-01-05")
    write(git_repo, "en/orders/track.md", article("Track", TRACK + "\nNew paragraph.\n"))
    entry = status_of(git_repo).get("fr", "orders/track.md")
    assert entry.state is TranslationState.OUTDATED
    assert "uncommitted changes" in entry.reason


def test_missing_articles_and_completeness(git_repo: Path):
    for slug in ("track", "cancel", "reorder", "status"):
        write(git_repo, f"en/orders/{slug}.md", article(slug, f"About {slug}.\n"))
    write(git_repo, "fr/orders/track.md", article("Suivre", "Suivi.\n"))
    commit(git_repo, "Add orders", "2026-01-05")

    status = status_of(git_repo)
    french = status.locales["fr"]
    assert french.count(TranslationState.MISSING) == 3
    assert french.completeness == 25.0
    missing = status.get("fr", "orders/cancel.md")
    assert missing.state is TranslationState.MISSING
    assert missing.reason == "fr/orders/cancel.md does not exist; translate en/orders/cancel.md"
    assert status.locales["ja"].completeness == 0.0
    assert status.to_dict()["locales"]["fr"]["counts"]["missing"] == 3


def test_orphans_and_locale_only_articles(git_repo: Path):
    write(git_repo, "en/orders/track.md", article("Track", TRACK))
    write(git_repo, "en/orders/old-offer.md", article("Offer", "A spring offer.\n"))
    write(git_repo, "en/orders/gone.md", article("Gone", "A retired page.\n"))
    write(git_repo, "fr/orders/track.md", article("Suivre", "Suivi.\n"))
    write(git_repo, "fr/orders/old-offer.md", article("Offre", "Une offre.\n"))
    write(git_repo, "fr/orders/gone.md", article("Parti", "Une page retirée.\n"))
    write(git_repo, "fr/orders/cheque.md", article("Chèque", "Payer par chèque.\n"))
    write(git_repo, "fr/orders/carte.md", article("Carte", "Carte cadeau.\n", locale_only="true"))
    commit(git_repo, "Add articles", "2026-01-05")
    mark_translation(git_repo / "docs", "fr", "orders/old-offer.md")
    commit(git_repo, "Mark", "2026-01-06")
    git(git_repo, "rm", "-q", "docs/en/orders/old-offer.md", "docs/en/orders/gone.md")
    commit(git_repo, "Retire two articles", "2026-03-01")

    status = status_of(git_repo)
    marked = status.get("fr", "orders/old-offer.md")
    assert marked.state is TranslationState.ORPHANED and marked.basis is Basis.MARKER
    assert "en/orders/old-offer.md no longer exists" in marked.reason
    by_history = status.get("fr", "orders/gone.md")
    assert by_history.state is TranslationState.ORPHANED and by_history.basis is Basis.GIT_DATES
    assert "deleted or moved on 2026-03-01" in by_history.reason
    declared = status.get("fr", "orders/carte.md")
    assert declared.state is TranslationState.LOCALE_ONLY
    assert "locale_only: true" in declared.reason
    undeclared = status.get("fr", "orders/cheque.md")
    assert undeclared.state is TranslationState.LOCALE_ONLY
    assert "add 'locale_only: true'" in undeclared.reason
    # Orphans and locale-only articles do not count towards completeness.
    assert status.locales["fr"].completeness == 100.0


def test_renames_moved_together_stay_translated_and_source_moved_alone_is_found(git_repo: Path):
    write(git_repo, "en/orders/track.md", article("Track", TRACK))
    write(git_repo, "en/orders/cancel.md", article("Cancel", "Cancel an order.\n"))
    write(git_repo, "fr/orders/track.md", article("Suivre", "Suivi.\n"))
    write(git_repo, "fr/orders/cancel.md", article("Annuler", "Annuler.\n"))
    write(git_repo, "ja/orders/cancel.md", article("キャンセル", "キャンセル。\n"))
    commit(git_repo, "Add articles", "2026-01-05")
    mark_translation(git_repo / "docs", "fr", "orders/track.md")
    commit(git_repo, "Mark", "2026-01-06")
    (git_repo / "docs/en/shipping").mkdir()
    (git_repo / "docs/fr/shipping").mkdir()
    (git_repo / "docs/ja/shipping").mkdir()
    git(git_repo, "mv", "docs/en/orders/track.md", "docs/en/shipping/track.md")
    git(git_repo, "mv", "docs/fr/orders/track.md", "docs/fr/shipping/track.md")
    git(git_repo, "mv", "docs/en/orders/cancel.md", "docs/en/shipping/cancel.md")
    git(git_repo, "mv", "docs/ja/orders/cancel.md", "docs/ja/shipping/cancel.md")
    commit(git_repo, "Move tracking to shipping", "2026-02-01")

    status = status_of(git_repo)
    assert status.get("fr", "shipping/track.md").state is TranslationState.TRANSLATED
    moved_with = status.get("ja", "shipping/cancel.md")
    assert moved_with.state is TranslationState.TRANSLATED
    assert moved_with.basis is Basis.GIT_DATES
    left = status.get("fr", "orders/cancel.md")
    assert left.state is TranslationState.ORPHANED
    assert left.moved_to == "shipping/cancel.md"
    assert "git mv it to fr/shipping/cancel.md" in left.reason
    assert status.get("fr", "shipping/cancel.md").state is TranslationState.MISSING


def test_body_change_before_a_rename_is_dated_through_the_rename(git_repo: Path):
    write(git_repo, "en/orders/track.md", article("Track", TRACK))
    write(git_repo, "ja/orders/track.md", article("追跡", "追跡。\n"))
    commit(git_repo, "Add", "2026-01-05")
    write(git_repo, "en/orders/track.md", article("Track", TRACK + "\nMore.\n"))
    commit(git_repo, "Expand", "2026-02-01")
    (git_repo / "docs/en/shipping").mkdir()
    (git_repo / "docs/ja/shipping").mkdir()
    git(git_repo, "mv", "docs/en/orders/track.md", "docs/en/shipping/track.md")
    git(git_repo, "mv", "docs/ja/orders/track.md", "docs/ja/shipping/track.md")
    commit(git_repo, "Move", "2026-03-01")
    write(git_repo, "en/shipping/track.md", article("Track", TRACK + "\n\nMore.\n"))
    commit(git_repo, "Blank line", "2026-03-05")
    # The last change to the words is the one made under the old name, before the move.
    entry = status_of(git_repo).get("ja", "shipping/track.md")
    assert entry.state is TranslationState.TRANSLATED
    assert entry.basis is Basis.GIT_DATES
    assert entry.source_changed.date() == date(2026, 2, 1)


def test_history_can_be_passed_in_and_read_once(git_repo: Path):
    write(git_repo, "en/orders/track.md", article("Track", TRACK))
    commit(git_repo, "Add", "2026-01-05")
    write(git_repo, "fr/orders/track.md", article("Suivre", "Suivi.\n"))
    commit(git_repo, "Translate", "2026-01-06")
    history = read_history(git_repo, under="docs")
    status = status_of(git_repo, history=history)
    assert status.history_used and not status.shallow
    assert status.get("fr", "orders/track.md").translation_updated.date() == date(2026, 1, 6)


def test_outside_git_an_unmarked_translation_is_unverified(tmp_path: Path):
    write(tmp_path, "en/orders/track.md", article("Track", TRACK))
    write(tmp_path, "fr/orders/track.md", article("Suivre", "Suivi.\n"))
    write(tmp_path, "fr/orders/cheque.md", article("Chèque", "Chèque.\n"))
    status = translation_status(tmp_path / "docs")
    assert list(status.locales) == ["fr"]
    entry = status.get("fr", "orders/track.md")
    assert entry.state is TranslationState.TRANSLATED and entry.basis is Basis.UNKNOWN
    assert "cannot be told" in entry.reason
    assert status.get("fr", "orders/cheque.md").state is TranslationState.LOCALE_ONLY


def test_a_broken_marker_names_the_file_and_line(tmp_path: Path):
    write(tmp_path, "en/orders/track.md", article("Track", TRACK))
    write(tmp_path, "fr/orders/track.md", article("Suivre", "Suivi.\n", source_hash="abc"))
    # The status judges the file by its dates; the site model's verdict names the marker.
    status = translation_status(tmp_path / "docs")
    assert status.get("fr", "orders/track.md") is not None
    model = load_site(site_settings(None, docs_root=tmp_path / "docs"))
    flag = next(flag for flag in model.problems if flag.rule == "front-matter")
    assert flag.path.endswith("fr/orders/track.md") and flag.line == 4
    assert "'source_hash' must be 12 lowercase hexadecimal digits" in flag.reason


def test_hash_recorded_by_mark_is_that_of_the_source_body(tmp_path: Path):
    source = write(tmp_path, "en/orders/track.md", article("Track", TRACK))
    translation = write(tmp_path, "fr/orders/track.md", article("Suivre", "Suivi.\n"))
    digest, changed = mark_translation(tmp_path / "docs", "fr", "orders/track.md")
    assert changed and digest == body_hash(source, source.read_text())
    assert f"source_hash: {digest}\n---\nSuivi.\n" in translation.read_text()
    assert mark_translation(tmp_path / "docs", "fr", "orders/track.md") == (digest, False)
