"""The widget in a real Chromium against the real collector: votes land in the database.

One en+fr help centre is built per module; every test starts its own collector (a subprocess
serving that site and the API on one origin, with a fresh SQLite database) and reads the votes
back with ``helpcentre feedback export``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import (
    HelpcentreProcess,
    copy_reference,
    feedback_export,
    free_port,
    mkdocs_build,
    reference_locales,
    wait_for_export,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTICLE = "orders/track-your-order"
OTHER = "orders/order-status-explained"
COMMENT = 'Le lien est mort <script>alert(1)</script> & "rien" ne marche'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The en+fr site built for the origin the collectors of this module serve it at.

    Material's instant navigation only takes over links when the site is served at its
    ``site_url`` (it reads the sitemaps of the language alternates there).
    """
    port = free_port()
    project = copy_reference(tmp_path_factory.mktemp("feedback-site") / "project")
    reference_locales(project, site_url=f"http://127.0.0.1:{port}/")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site", port


class Collector(HelpcentreProcess):
    """``helpcentre collector`` in a subprocess, on a fresh SQLite database."""

    def __init__(self, site: Path, port: int, work: Path) -> None:
        self.db = f"sqlite:///{work / 'f.db'}"
        args = ["collector", "--db", self.db, "--site", str(site), "--host", "127.0.0.1"]
        super().__init__([*args, "--port", str(port)], port, work / "collector.log")

    def export(self) -> dict:
        return feedback_export(self.db)

    def wait_for(self, key: str, check, timeout: float = 10.0) -> dict:  # noqa: ANN001
        """Export until the entry ``key`` satisfies ``check``; return it."""
        return wait_for_export(self.db, key, check, timeout)


@pytest.fixture
def collector(site: tuple[Path, int], tmp_path: Path) -> Iterator[Collector]:
    running = Collector(*site, tmp_path)
    yield running
    running.stop()


def open_article(page, collector: Collector, article: str = ARTICLE):  # noqa: ANN001, ANN201
    page.goto(f"{collector.url}/fr/{article}/")
    widget = page.locator("form[data-helpcentre-feedback]")
    widget.wait_for(state="visible")
    return widget


def no_alerts(page) -> list[str]:  # noqa: ANN001
    dialogs: list[str] = []

    def refuse(dialog) -> None:  # noqa: ANN001
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    return dialogs


def test_french_reader_says_no_with_reason_and_comment(page, collector: Collector) -> None:
    dialogs = no_alerts(page)
    widget = open_article(page, collector)
    assert widget.get_by_role("group", name="Cet article vous a-t-il été utile ?").is_visible()
    widget.get_by_role("button", name="Non").click()
    reasons = widget.get_by_role("group", name="Qu'est-ce qui n'allait pas ?")
    assert reasons.is_visible()
    # Focus moved into the reasons, to the first choice.
    assert page.evaluate("document.activeElement.value") == "outdated"
    reasons.get_by_role("radio", name="N'a pas résolu mon problème").check()
    comment = widget.get_by_label("Dites-nous en plus (facultatif)")
    comment.fill(COMMENT)
    counter = widget.locator(".helpcentre-feedback__counter")
    assert counter.inner_text() == f"Caractères restants : {1000 - len(COMMENT)}"
    widget.get_by_role("button", name="Envoyer").click()
    thanks = widget.get_by_role("status")
    assert thanks.inner_text() == "Merci ! Votre réponse nous aide à améliorer cet article."
    assert page.evaluate("document.activeElement.className") == "helpcentre-feedback__thanks"

    entry = collector.wait_for(f"fr/{ARTICLE}", lambda e: e["comments"])
    assert entry["locale"] == "fr" and entry["page"] == ARTICLE
    # "Non" was counted at once, then replaced by the vote with its reason and comment.
    assert entry["votes"] == 1 and entry["not_helpful"] == 1
    assert entry["reasons"]["not-solved"] == 1
    assert entry["comments"][0]["text"] == COMMENT
    assert entry["comments"][0]["reason"] == "not-solved"
    # The comment was data all the way: nothing ran, no cookie was set.
    assert dialogs == []
    assert page.context.cookies() == []


def tab_to(page, selector: str, limit: int = 60) -> None:  # noqa: ANN001
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({json.dumps(selector)})"):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_keyboard_only_and_revoting_replaces_the_vote(page, collector: Collector) -> None:
    open_article(page, collector)
    # Start from the article's last link, as a reader tabbing through the text would.
    page.locator("article a[href]").last.focus()
    tab_to(page, "button[data-helpful=true]")
    tab_to(page, "button[data-helpful=false]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.value") == "outdated"
    page.keyboard.press("ArrowDown")  # radio group: arrows move and select
    assert page.evaluate("document.activeElement.value") == "unclear"
    page.keyboard.press("Space")
    assert page.locator("input[name=reason]:checked").get_attribute("value") == "unclear"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "comment"
    page.keyboard.type("Trop vague")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.getAttribute('role')") == "status"
    entry = collector.wait_for(f"fr/{ARTICLE}", lambda e: e["comments"])
    assert entry["reasons"]["unclear"] == 1
    assert entry["comments"][0]["text"] == "Trop vague"

    # The same reader comes back and changes their mind: one vote, now helpful.
    open_article(page, collector)
    page.locator("article a[href]").last.focus()
    tab_to(page, "button[data-helpful=true]")
    page.keyboard.press("Enter")
    assert page.get_by_role("status").inner_text() == "Merci pour votre avis !"
    entry = collector.wait_for(f"fr/{ARTICLE}", lambda e: e["helpful"] == 1)
    assert entry["votes"] == 1 and entry["not_helpful"] == 0
    assert entry["comments"] == [] and sum(entry["reasons"].values()) == 0


def test_instant_navigation_sets_up_the_next_article_once(page, collector: Collector) -> None:
    votes: list[str] = []
    page.on(
        "request",
        lambda request: (
            votes.append(request.post_data or "") if request.url.endswith("/api/v1/votes") else None
        ),
    )
    open_article(page, collector)
    page.evaluate("window.stillTheSameDocument = true")
    # Material intercepts links once it has read the sitemap.
    page.wait_for_load_state("networkidle")
    page.locator("article").get_by_role(
        "link", name="Que signifie le statut de ma commande ?"
    ).first.click()
    page.wait_for_url(lambda url: f"/fr/{OTHER}/" in url)
    widget = page.locator("form[data-helpcentre-feedback]")
    widget.wait_for(state="visible")
    # Material swapped the page in place: no reload, the script was not run again.
    assert page.evaluate("window.stillTheSameDocument") is True
    assert widget.get_attribute("data-page") == OTHER
    # Back to the first article and forward again: still one set of listeners per widget.
    page.go_back()
    page.wait_for_url(lambda url: f"/fr/{ARTICLE}/" in url)
    page.go_forward()
    page.wait_for_url(lambda url: f"/fr/{OTHER}/" in url)
    widget = page.locator("form[data-helpcentre-feedback]")
    widget.wait_for(state="visible")
    assert page.evaluate("window.stillTheSameDocument") is True
    widget.get_by_role("button", name="Oui").click()
    assert widget.get_by_role("status").inner_text() == "Merci pour votre avis !"
    entry = collector.wait_for(f"fr/{OTHER}", lambda e: e["helpful"] == 1)
    assert entry["votes"] == 1
    page.wait_for_timeout(300)
    assert len(votes) == 1, votes
    assert json.loads(votes[0]) == {"locale": "fr", "page": OTHER, "helpful": True}


def test_failed_vote_waits_without_identifier_and_is_sent_later(page, collector: Collector) -> None:
    widget = open_article(page, collector)
    page.route("**/api/v1/votes", lambda route: route.abort())
    widget.get_by_role("button", name="Oui").click()
    # The reader is thanked at once; the vote waits in the tab, holding only what was sent.
    assert widget.get_by_role("status").inner_text() == "Merci pour votre avis !"
    page.wait_for_function("sessionStorage.getItem('helpcentre-feedback-queue') !== null")
    queued = json.loads(page.evaluate("sessionStorage.getItem('helpcentre-feedback-queue')"))
    assert [entry["vote"] for entry in queued] == [
        {"locale": "fr", "page": ARTICLE, "helpful": True}
    ]
    assert set(queued[0]) == {"url", "vote", "sent"}
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('feedback'))") == []
    assert collector.export()["pages"] == {}

    page.unroute("**/api/v1/votes")
    page.evaluate("window.dispatchEvent(new Event('online'))")
    entry = collector.wait_for(f"fr/{ARTICLE}", lambda e: e["helpful"] == 1)
    assert entry["votes"] == 1
    page.wait_for_function("sessionStorage.getItem('helpcentre-feedback-queue') === null")
    assert page.context.cookies() == []
