"""The search in a real Chromium: Material's search box, our worker, the failed-search beacon."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .sites import build, many_articles, serve, write_site

pytestmark = pytest.mark.browser

RESULTS = ".md-search-result__list > li"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    built = {}
    for locale in ("fr", "ja", "pl"):
        base = tmp_path_factory.mktemp(f"site-{locale}")
        done = build(write_site(base, locale, endpoint="/collector/api/v1"))
        assert done.returncode == 0, done.stderr
        built[locale] = base / "site" / locale
    base = tmp_path_factory.mktemp("site-instant")
    done = build(write_site(base, "fr", features=["navigation.instant"]))
    assert done.returncode == 0, done.stderr
    built["instant"] = base / "site" / "fr"
    base = tmp_path_factory.mktemp("site-many")
    done = build(write_site(base, "fr", articles=many_articles(30)))
    assert done.returncode == 0, done.stderr
    built["many"] = base / "site" / "fr"
    return built


def search(page, query: str) -> None:  # noqa: ANN001 - Playwright page
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("")
    box.type(query, delay=10)
    # Characters typed through an input method produce no keyup, which is what the theme listens
    # to; a reader's IME confirms with a key, as this does.
    box.press("End")


def result_titles(page) -> list[str]:  # noqa: ANN001
    page.wait_for_selector(RESULTS, timeout=10_000)
    return page.locator(f"{RESULTS} article h1").all_inner_texts()


def test_french_inflected_query_finds_article_with_highlight(page, sites) -> None:  # noqa: ANN001
    with serve(sites["fr"]) as (url, _):
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(url)
        search(page, "remboursements")
        titles = result_titles(page)
        assert titles[0] == "Délai de remboursement"
        assert page.locator(f"{RESULTS} mark").count() > 0
        # Excerpts are highlighted (a mark outside the titles). A locale this small carries its
        # texts and postings in the index file: nothing is fetched after the reader types.
        excerpt_marks = page.locator(f"{RESULTS} article > mark, {RESULTS} article > p mark")
        assert excerpt_marks.count() > 0
        assert not any("/helpcentre-text/" in u or "/helpcentre-postings/" in u for u in requests)
        # The worker loaded the prebuilt index, as its gzip copy; Material's worker was never
        # fetched.
        assert any(u.endswith("search/helpcentre-index.json.gz") for u in requests)
        assert not any(u.endswith("search/helpcentre-index.json") for u in requests)
        assert not any("workers/search." in u for u in requests)
        # The libraries come as one gzip file: lunr.js and the French rules are not fetched one
        # by one.
        assert any(u.endswith("/search-libs.js.gz") for u in requests)
        assert not any(u.endswith("/search-libs.js") for u in requests)
        assert not any("/lunr/" in u or u.endswith("/lunr.js") for u in requests)
        # Keyboard: Enter opens the best result.
        page.keyboard.press("Enter")
        page.wait_for_url("**/returns/refund-timeline/**")


def test_worker_started_by_the_page_head_is_the_one_the_theme_uses(page, sites) -> None:  # noqa: ANN001
    html = (sites["instant"] / "index.html").read_text("utf-8")
    # The worker is started before the stylesheets, which would hold a script after them.
    assert html.index("search-worker.js") < html.index('rel="stylesheet"')
    with serve(sites["instant"]) as (url, _):
        workers: list[str] = []
        requests: list[str] = []
        page.on("worker", lambda worker: workers.append(worker.url))
        page.on("request", lambda request: requests.append(request.url))
        page.goto(url)
        search(page, "remboursements")
        assert result_titles(page)[0] == "Délai de remboursement"
        # One worker, one index download: the theme talks to the worker the head started, and
        # `Worker` is the browser's own again once it has been handed over.
        assert len(workers) == 1 and "search-worker.js?lang=fr" in workers[0], workers
        assert page.evaluate("Worker === window.__hcSearchWorker.constructor")
        assert page.evaluate("String(Worker).includes('[native code]')")
        assert sum(u.endswith("search/helpcentre-index.json.gz") for u in requests) == 1
        # The page's head fetched the index and the libraries for the worker, once each.
        assert "files=page" in workers[0]
        assert sum(u.endswith("/search-libs.js.gz") for u in requests) == 1
        # After an instant navigation the theme mounts its search again, with a worker of its
        # own (as it does with its own worker): search goes on working.
        page.locator(f"{RESULTS} a").first.click()
        page.wait_for_url("**/returns/refund-timeline/**")
        search(page, "colis")
        assert result_titles(page)[0] == "Comment suivre ma commande ?"


# Records how the page's head hands each file to the worker; without `streams`, handing a stream
# over fails as it does in a browser that cannot transfer one.
HANDING = """(streams) => {
  const post = Worker.prototype.postMessage
  window.handed = []
  Worker.prototype.postMessage = function (message, transfer) {
    if (message && message.type === "helpcentre:file") {
      if (!streams && message.data.body)
        throw new DOMException("streams cannot be transferred here", "DataCloneError")
      window.handed.push(message.data.body ? "stream" : "bytes")
    }
    return post.apply(this, arguments)
  }
}"""


@pytest.mark.parametrize("streams", [True, False])
def test_the_page_hands_the_worker_its_files_as_they_arrive(page, sites, streams) -> None:  # noqa: ANN001
    # The index and the libraries go to the worker as streams when their responses begin, so the
    # page's busy thread does not hold them up; where a stream cannot be handed over, as bytes.
    # Either way the worker searches with them and fetches neither itself.
    page.add_init_script(f"({HANDING})({json.dumps(streams)})")
    with serve(sites["fr"]) as (url, _):
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(url)
        search(page, "remboursements")
        assert result_titles(page)[0] == "Délai de remboursement"
        assert page.evaluate("window.handed") == ["stream" if streams else "bytes"] * 2
        assert sum(u.endswith("search/helpcentre-index.json.gz") for u in requests) == 1
        assert sum(u.endswith("/search-libs.js.gz") for u in requests) == 1


# Records the queries the theme sends the worker, and those of the answers it posts back.
ANSWERS = """() => {
  const add = Worker.prototype.addEventListener, post = Worker.prototype.postMessage
  window.answered = []
  window.asked = []
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2)
      window.asked.push(message.data)
    return post.apply(this, arguments)
  }
  Worker.prototype.addEventListener = function (type, listener, options) {
    if (type !== "message")
      return add.call(this, type, listener, options)
    return add.call(this, type, function (event) {
      const message = event.data || {}
      if (message.type === 3)
        window.answered.push(message.data.query)
      return listener.apply(this, arguments)
    }, options)
  }
}"""


def test_queries_typed_while_the_index_loads_wait_and_only_the_last_is_answered(
    page,  # noqa: ANN001
    sites,  # noqa: ANN001
) -> None:
    # The worker says READY at once, so the theme sends what the reader types while the index
    # is still on its way; when it has come, the last query is answered and no other.
    page.add_init_script(f"({ANSWERS})()")
    held: list = []
    with serve(sites["fr"]) as (url, _):
        page.route("**/helpcentre-index.json.gz", lambda route: held.append(route))
        page.goto(url)
        search(page, "remb")
        page.wait_for_timeout(300)
        search(page, "remboursements")
        page.wait_for_timeout(300)
        # Sent, not answered: there is nothing to answer with yet.
        assert "remboursements" in page.evaluate("window.asked")
        assert page.evaluate("window.answered") == []
        assert len(held) == 1
        held[0].continue_()
        assert result_titles(page)[0] == "Délai de remboursement"
        answered = page.evaluate("window.answered")
        assert answered and set(answered) == {"remboursements"}, answered


def test_the_worker_marks_where_a_query_spends_its_time(page, sites) -> None:  # noqa: ANN001
    # Developer tools show these marks, and bench/search.py prints them beside first results.
    with serve(sites["fr"]) as (url, _):
        page.goto(url)
        search(page, "remboursement")
        assert result_titles(page)[0] == "Délai de remboursement"
        page.wait_for_timeout(200)
        (worker,) = [worker for worker in page.workers if "search-worker" in worker.url]
        marks = worker.evaluate(
            """() => performance.getEntriesByType("mark")
              .filter(mark => mark.name.startsWith("helpcentre:"))
              .map(mark => [mark.name, mark.startTime])"""
        )
    first: dict[str, float] = {}
    for name, at in marks:
        first.setdefault(name, at)
    steps = ["index", "ready", "query", "postings", "ranked", "posted"]
    assert list(first) == [f"helpcentre:{step}" for step in steps], marks
    assert list(first.values()) == sorted(first.values())


def test_results_past_the_first_answer_are_highlighted_in_the_last(page, sites) -> None:  # noqa: ANN001
    # The worker answers first with the twenty groups a reader reaches without scrolling
    # highlighted, then with all of them: the list the reader scrolls through is the last one.
    with serve(sites["many"]) as (url, _):
        page.goto(url)
        page.evaluate(
            "() => { window.answers = []; window.__hcSearchWorker.addEventListener('message',"
            " e => { if (e.data.type === 3 && e.data.data.query === 'colis')"
            " window.answers.push(e.data.data.items) }) }"
        )
        search(page, "colis")
        page.wait_for_function("() => window.answers.length === 2")
        first, last = page.evaluate("window.answers")
        assert len(first) == len(last) == 30
        marked = ["<mark>" in group[0]["title"] for group in first]
        assert marked == [True] * 20 + [False] * 10
        assert all("<mark>" in group[0]["title"] for group in last)
        # What the theme shows is highlighted.
        titles = page.locator(f"{RESULTS} article h1")
        assert titles.count() >= 10
        assert page.locator(f"{RESULTS} article h1 mark").count() == titles.count()
        page.wait_for_timeout(300)
        assert page.evaluate("window.answers.length") == 2  # and nothing more


def test_japanese_query_finds_article(page, sites) -> None:  # noqa: ANN001
    with serve(sites["ja"]) as (url, _):
        page.goto(url)
        search(page, "返金")
        assert result_titles(page)[0] == "返金までの期間"
        search(page, "注文を追跡")
        assert "注文を追跡するには？" in result_titles(page)


def test_polish_query_typed_without_accents_finds_article(page, sites) -> None:  # noqa: ANN001
    with serve(sites["pl"]) as (url, _):
        page.goto(url)
        search(page, "zalacznik")
        assert result_titles(page)[0] == "Załącznik do zamówienia"
        assert page.locator(f"{RESULTS} mark").first.inner_text() == "Załącznik"


def test_generic_rules_in_chromium_give_the_build_terms(page, sites) -> None:  # noqa: ANN001
    # Intl.Segmenter of Chromium's own ICU, not node's: the worker's libraries run in the page.
    from helpcentre.search.languages import SEPARATOR, analyzer

    from .test_generic_languages import SAMPLES

    libraries = sites["pl"] / "assets/javascripts/helpcentre/search-libs.js"
    with serve(sites["pl"]) as (url, _):
        page.goto(url)
        page.add_script_tag(content=libraries.read_text("utf-8"))
        terms = page.evaluate(
            """([samples, separator]) => {
                const core = helpcentreSearch(lunr)
                return Object.entries(samples).map(([locale, text]) =>
                    new core.Analyzer(locale, separator, true).terms(text))
            }""",
            [SAMPLES, SEPARATOR],
        )
    assert terms == [analyzer(locale).terms(text) for locale, text in SAMPLES.items()]


@pytest.mark.parametrize(
    "query",
    ["+livraison -colis", "colis~2 ^3", "rem*", "title:colis", ":", "~", "^", "-", "x" * 600],
)
def test_lunr_syntax_long_and_odd_queries_never_break(page, sites, query: str) -> None:  # noqa: ANN001
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    # The worker answers a failing query with no results and a warning; there must be none.
    page.on(
        "worker",
        lambda worker: worker.on(
            "console", lambda m: errors.append(m.text) if m.type in {"error", "warning"} else None
        ),
    )
    with serve(sites["fr"]) as (url, _):
        page.goto(url)
        search(page, query)
        meta = page.locator(".md-search-result__meta")
        page.wait_for_function(
            "el => el.textContent.trim().length > 0 && !el.textContent.includes('Taper')",
            arg=meta.element_handle(),
            timeout=10_000,
        )
        # Empty query after a real one goes back to the placeholder without errors.
        page.locator("input[data-md-component=search-query]").fill("")
        page.wait_for_timeout(200)
    assert errors == []


def test_failed_search_is_reported_once_with_final_query(page, sites) -> None:  # noqa: ANN001
    with serve(sites["fr"]) as (url, posts):
        page.goto(url)
        search(page, "parapluie violet")
        page.wait_for_function(
            "() => document.querySelector('.md-search-result__meta').textContent.includes('Aucun')"
        )
        page.wait_for_timeout(2500)
        assert len(posts) == 1, posts
        path, content_type, body = posts[0]
        assert path == "/collector/api/v1/searches"
        assert content_type.startswith("text/plain")
        assert json.loads(body) == {
            "locale": "fr",
            "query": "parapluie violet",
            "results": 0,
            "clicked": False,
        }


def test_results_without_click_are_reported_when_search_closes(page, sites) -> None:  # noqa: ANN001
    with serve(sites["fr"]) as (url, posts):
        page.goto(url)
        search(page, "colis")
        result_titles(page)
        page.wait_for_timeout(1800)
        assert posts == []  # results found; the reader may still click
        page.keyboard.press("Escape")
        page.wait_for_timeout(500)
        assert len(posts) == 1
        sent = json.loads(posts[0][2])
        assert sent["query"] == "colis" and sent["results"] >= 1 and sent["clicked"] is False


def test_clicked_result_is_not_reported(page, sites) -> None:  # noqa: ANN001
    with serve(sites["fr"]) as (url, posts):
        page.goto(url)
        search(page, "colis")
        result_titles(page)
        page.wait_for_timeout(1800)
        page.locator(f"{RESULTS} a").first.click()
        page.wait_for_load_state()
        page.wait_for_timeout(500)
        assert posts == []


def test_answer_card_above_the_results(page, sites) -> None:  # noqa: ANN001
    with serve(sites["fr"]) as (url, _):
        page.goto(url)
        search(page, "quand serai-je remboursé")
        card = page.locator(".md-search-result .helpcentre-answer-card")
        card.wait_for(timeout=10_000)
        assert card.get_attribute("aria-label") == "Quand serai-je remboursé ?"
        assert "moyen de paiement d'origine" in card.inner_text()
        links = card.locator("a")
        assert links.first.get_attribute("href").endswith("/returns/refund-timeline/#when")
        assert links.nth(1).inner_text() == "Délai de remboursement"
        # It sits above the result list, which is as it was.
        assert page.evaluate(
            "() => document.querySelector('.helpcentre-answer-card').nextElementSibling"
            ".classList.contains('md-search-result__list')"
        )
        assert result_titles(page)[0] == "Délai de remboursement"
        # A query the questions do not closely match gets no card.
        search(page, "douane")
        page.wait_for_function(
            "() => document.querySelector('.md-search-result__list h1')?.textContent"
            ".includes('douane')"
        )
        card.wait_for(state="detached", timeout=5_000)


def test_corrected_typo_says_showing_results_for(page, tmp_path: Path) -> None:  # noqa: ANN001
    # The message comes translated from the package's catalogs: the site has none.
    done = build(write_site(tmp_path, "fr"))
    assert done.returncode == 0, done.stderr
    notice = ".helpcentre-search-correction"
    with serve(tmp_path / "site" / "fr") as (url, _):
        page.goto(url)
        search(page, "livrasion internationale")
        assert result_titles(page)[0] == "Livraison internationale et droits de douane"
        page.wait_for_selector(f"{notice}:not([hidden])", timeout=10_000)
        text = page.locator(notice).inner_text()
        assert text == "Résultats affichés pour livraison internationale"
        assert page.locator(f"{notice} strong").inner_text() == "livraison internationale"
        # A query the index holds word for word shows no notice.
        search(page, "douane")
        page.wait_for_function(
            "() => document.querySelector('.md-search-result__list h1')?.textContent"
            ".includes('douane')"
        )
        page.wait_for_selector(f"{notice}[hidden]", state="attached", timeout=10_000)
