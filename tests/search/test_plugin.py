"""The MkDocs plugin builds a real locale site; the prebuilt index answers like the browser will."""

from __future__ import annotations

import json
import re
import shutil
from itertools import accumulate
from pathlib import Path

import pytest

from browser_code import run_in_node
from conftest import missing

from .sites import build, write_site


@pytest.fixture(scope="module")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("fr")
    done = build(write_site(base, "fr", synonyms="remboursement, argent rendu\ncolis, paquet\n"))
    assert done.returncode == 0, done.stderr
    return base / "site" / "fr"


def search(site: Path, locale: str, queries: list[str], mode: str = "search") -> list[dict]:
    if not shutil.which("node"):
        missing("node is not installed")
    index = str(site / "search" / "helpcentre-index.json")
    return run_in_node({"mode": mode, "locale": locale, "index": index, "queries": queries})[
        "results"
    ]


def test_index_replaces_material_documents(french_site: Path) -> None:
    material = json.loads((french_site / "search" / "search_index.json").read_text("utf-8"))
    assert material["docs"] == [] and material["config"]["lang"] == ["fr"]
    from helpcentre.search.index import read_index

    written = json.loads((french_site / "search" / "helpcentre-index.json").read_text("utf-8"))
    ours = read_index(written)
    assert ours["locale"] == "fr" and ours["format"] == 5
    articles = [location for location, *_ in ours["docs"] if not location.startswith("#")]
    assert set(articles) == {
        "",
        "orders/track-your-order/",
        "returns/refund-timeline/",
        "shipping/international-shipping-and-duties/",
    }
    assert "#when" in [location for location, *_ in ours["docs"]]  # a section, after its article
    for name in ("search-libs.js", "search-worker.js", "search-telemetry.js"):
        assert (french_site / "assets" / "javascripts" / "helpcentre" / name).is_file()
    page = (french_site / "index.html").read_text("utf-8")
    assert '"search": "assets/javascripts/helpcentre/search-worker.js?lang=fr"' in page
    # The page's search scripts wait for the worker's messages, not for the document: none
    # holds the theme's DOMContentLoaded back.
    scripts = re.findall(r"<script [^>]*helpcentre/(?:answer-card|search-\w+)\.js[^>]*>", page)
    assert len(scripts) == 3, scripts
    assert all(" async" in tag and " defer" not in tag for tag in scripts), scripts


def test_postings_live_in_shards_a_query_fetches_as_it_needs_them(tmp_path: Path) -> None:
    from helpcentre.search.index import build_index, read_index, shard_postings, write_index
    from helpcentre.search.languages import analyzer

    documents = [
        {"location": f"a/{word}/", "title": word, "text": f"<p>{word} " + "colis " * n + "</p>"}
        for n, word in enumerate(["abricot", "banane", "cerise", "datte", "figue", "goyave"])
    ]
    index = build_index(documents, "fr", inline_chars=0, inline_postings_chars=0)
    postings = [lists for shard in index.shards for lists in shard]
    assert len(postings) == len(index.payload["terms"]) == len(index.payload["df"])
    assert shard_postings(postings, size=1) == list(range(len(postings)))  # one term a shard
    small = type(index)(
        dict(index.payload, postings=dict(index.payload["postings"], starts=list(range(7)))),
        index.chunks,
        [[lists] for lists in postings],
    )
    write_index(tmp_path / "index.json", small)
    written = read_index(small.payload)
    terms = written["terms"]
    assert terms == sorted(terms) and "colis" in terms
    # Each term's document frequency and each document's field lengths, for the weights.
    assert small.payload["df"][terms.index("colis")] == 5
    assert written["lengths"][1] == [1, 2, 3, 4, 5, 6]  # text: the fruit and n colis
    answer = run_in_node(
        {"mode": "answer", "locale": "fr", "index": str(tmp_path / "index.json"),
         "queries": ["cerise"]}
    )  # fmt: skip
    assert answer["results"][0]["items"][0][0]["location"] == "a/cerise/"
    # "cerise" and the terms its prefix and near spellings expand to: not every shard.
    (cerise,) = analyzer("fr").terms("cerise")
    assert terms.index(cerise) in answer["shards"]
    assert terms.index("colis") not in answer["shards"]
    assert not (tmp_path / "helpcentre-postings" / f"{len(terms)}.json").exists()


def test_a_small_locale_carries_postings_and_texts_in_its_index(french_site: Path) -> None:
    from helpcentre.search.index import read_index

    ours = read_index(
        json.loads((french_site / "search" / "helpcentre-index.json").read_text("utf-8"))
    )
    assert set(ours["postings"]) == {"inline"} and set(ours["text"]) == {"inline"}
    assert len(ours["postings"]["inline"]) == len(ours["terms"])
    texts = ours["text"]["inline"]["texts"]
    assert len(texts) == len(ours["docs"])
    (refund,) = [n for n, (location, *_) in enumerate(ours["docs"]) if location.endswith("#when")]
    assert "moyen de paiement" in texts[refund]
    assert not (french_site / "search" / "helpcentre-text").exists()
    assert not (french_site / "search" / "helpcentre-postings").exists()
    # Answered with no request after the reader types: excerpts included.
    (result,) = search(french_site, "fr", ["remboursement"], mode="answer")
    assert any("<mark>" in doc["text"] for doc in result["items"][0])


SENTENCE = "Le transporteur livre le colis au point relais. "


def test_text_of_a_large_locale_lives_in_chunks_outside_the_index(tmp_path: Path) -> None:
    from helpcentre.search.index import INLINE_CHARS, build_index, write_index

    documents = [
        {"location": f"a/{n}/", "title": f"Article {n}", "text": f"<p>Colis {n}. " + SENTENCE * 30}
        for n in range(150)
    ]
    assert not build_index(documents[:10], "fr").chunks  # small: inside the index
    index = build_index(documents, "fr")
    assert len(json.dumps(documents)) > INLINE_CHARS and len(index.chunks) > 1
    # The postings are small enough to go inside the index file all the same.
    assert not index.shards and "inline" in index.payload["postings"]
    write_index(tmp_path / "index.json", index)
    raw = (tmp_path / "index.json").read_text("utf-8")
    assert SENTENCE not in raw  # article text is not part of what loads first
    ours = json.loads(raw)
    texts = []
    for number in range(len(ours["text"]["starts"])):
        chunk = json.loads((tmp_path / ours["text"]["url"].format(number)).read_text("utf-8"))
        texts += chunk["texts"]
    assert texts == [document["text"] for document in documents]
    # A rebuild into the same folder with a smaller index leaves no parts behind.
    write_index(tmp_path / "index.json", build_index(documents[:10], "fr"))
    assert not (tmp_path / "helpcentre-text").exists()


def test_inflections_synonyms_and_typos(french_site: Path) -> None:
    first = [
        r["items"][0][0]["location"].split("#")[0] if r["items"] else None
        for r in search(
            french_site, "fr", ["remboursés", "argent rendu", "remboursemnt", "paquets", "douanes"]
        )
    ]
    assert first == [
        "returns/refund-timeline/",
        "returns/refund-timeline/",
        "returns/refund-timeline/",
        "orders/track-your-order/",
        "shipping/international-shipping-and-duties/",
    ]


def test_highlight_and_missing_terms(french_site: Path) -> None:
    (result,) = search(french_site, "fr", ["remboursement licorne"], mode="answer")
    article = result["items"][0][0]
    assert "<mark>" in article["title"]
    assert article["terms"] == {"remboursement": True, "licorne": False}
    # The excerpts of the first results were fetched from their chunk and highlighted.
    assert any("<mark>" in doc["text"] for doc in result["items"][0])


def articles_of(answer: dict) -> list[str]:
    """The article of each result group of a worker's answer, in order."""
    return [group[0]["location"].split("#")[0] for group in answer["items"]]


def test_answer_fetches_only_the_chunks_of_shown_results(tmp_path: Path) -> None:
    from helpcentre.search.index import (
        SearchIndex,
        build_index,
        gaps,
        text_chunk,
        text_chunks,
        write_index,
    )

    documents = []
    for number in range(60):
        location = f"orders/article-{number}/"
        word = "parapluie" if number == 42 else "colis"
        documents.append({"location": location, "title": f"Article {number}", "text": ""})
        documents.append(
            {"location": location + "#a", "title": "Section", "text": f"<p>Le {word} {number}</p>"}
        )
    index = build_index(documents, "fr", inline_chars=0, inline_postings_chars=0)
    assert len(index.chunks) == 1  # small texts: one chunk
    starts = text_chunks(documents, size=10)
    assert starts == list(range(0, 120, 2))  # an article and its section never split
    chunks = [text_chunk(documents, start, start + 2, {}) for start in starts]
    payload = dict(index.payload, text={"url": "t/{}.json", "starts": gaps(starts)})
    path = tmp_path / "index.json"
    write_index(path, SearchIndex(payload, chunks, index.shards))
    answer = run_in_node(
        {"mode": "answer", "locale": "fr", "index": str(path), "queries": ["parapluie"]}
    )
    (result,) = answer["results"]
    assert answer["chunks"] == [42]
    section, article = result["items"][0]
    assert section["location"] == "orders/article-42/#a"
    assert article["location"] == "orders/article-42/"
    assert section["text"] == "Le <mark>parapluie</mark> 42"  # the block, as Material extracts it

    # Told to wait for them, the worker answers first with the excerpts of six results (one
    # round of requests), then again with the whole first page's.
    request_steps = {"mode": "steps", "locale": "fr", "index": str(path), "queries": ["colis"]}
    answer = run_in_node(dict(request_steps, excerpt_wait=2000))
    (posted,) = answer["results"]
    assert len(posted) == 2
    first, second = posted
    assert articles_of(first) == articles_of(second)
    with_text = [bool(group[0]["text"]) for group in first["items"][:10]]
    assert with_text == [True] * 6 + [False] * 4
    assert all(group[0]["text"] for group in second["items"][:10])
    assert len(answer["chunks"]) == 10
    # On a slow network (excerpts later than the wait), the titles come first, then the first
    # six excerpts, then the page's.
    slow = dict(request_steps, chunk_delay=300, excerpt_wait=50)
    (posted,) = run_in_node(slow)["results"]
    assert len(posted) == 3
    assert articles_of(posted[0]) == articles_of(second)
    assert not any(group[0]["text"] for group in posted[0]["items"])
    assert [bool(group[0]["text"]) for group in posted[1]["items"][:10]] == with_text
    assert posted[2] == second
    # Excerpts within the wait: no answer without them.
    (posted,) = run_in_node(dict(request_steps, chunk_delay=20, excerpt_wait=2000))["results"]
    assert len(posted) == 2 and posted[0]["items"][0][0]["text"]
    # By default the titles do not wait at all, even for a quick download: they are posted as
    # soon as they are ranked, and the excerpts follow.
    answer = run_in_node(dict(request_steps, chunk_delay=20))
    (posted,) = answer["results"]
    assert len(posted) == 3 and not any(group[0]["text"] for group in posted[0]["items"])
    assert posted[2] == second
    assert answer["posted_at"][0][0] < answer["posted_at"][0][1]
    # A query that a newer one superseded while its postings loaded is not ranked: nothing is
    # posted and no text is fetched, which the newer query's excerpts would wait behind.
    answer = run_in_node(dict(request_steps, superseded=True))
    assert answer["results"] == [[]] and answer["chunks"] == []
    # Once a download took longer than the wait, the next query's titles do not wait: they are
    # posted at once, well before the wait is over, and its excerpts follow.
    queries = ["colis", "parapluie"]
    slower = dict(request_steps, queries=queries, chunk_delay=1500, excerpt_wait=1000)
    answer = run_in_node(slower)
    colis, parapluie = answer["results"]
    assert not colis[0]["items"][0][0]["text"]  # the first download's time was not known yet
    assert answer["posted_at"][0][0] >= 900  # after the wait (timers may round down)
    assert len(parapluie) == 2
    assert not parapluie[0]["items"][0][0]["text"] and parapluie[1]["items"][0][0]["text"]
    assert answer["posted_at"][1][0] < 500 and answer["posted_at"][1][1] >= 1400
    # Once the chunks are at hand, the first answer has every excerpt of the first page; a
    # second follows for the groups past the twentieth, highlighted in the last answer only.
    answer = run_in_node(dict(request_steps, queries=["colis", "colis"], excerpt_wait=2000))
    assert [len(posted) for posted in answer["results"]] == [2, 2]
    assert answer["results"][1][0]["items"][:10] == second["items"][:10]


def articles_with_a_section(
    count: int, article: tuple[str, str, str], section: tuple[str, str, str]
) -> list[dict[str, str]]:
    """``count`` articles, each followed by one section: (location, title, text) templates
    whose ``{}`` is the article's number (a section's location is its anchor)."""
    documents = []
    for number in range(count):
        location = article[0].format(number)
        for anchor, title, text in (("", *article[1:]), section):
            documents.append(
                {
                    "location": location + anchor,
                    "title": title.format(number),
                    "text": text,
                }
            )
    return documents


def test_sections_of_a_large_locale_show_once_their_text_has_come(tmp_path: Path) -> None:
    from helpcentre.search.index import SearchIndex, build_index, gaps, text_chunk, write_index

    documents = articles_with_a_section(
        30, ("aide/article-{}/", "Article {}", ""), ("#a", "Parapluie {}", "<p>Oui</p>")
    )
    # A small locale keeps its sections' titles in the index file, a large one in its chunks.
    assert build_index(documents, "fr").payload["docs"][1][1] == "Parapluie 0"
    index = build_index(
        documents, "fr", inline_chars=0, inline_postings_chars=0, section_titles_chars=0
    )
    assert index.payload["docs"][1][1] == 0
    sections = range(1, 60, 2)
    chunks = [text_chunk(documents, start, start + 2, {}, sections) for start in range(0, 60, 2)]
    payload = dict(index.payload, text={"url": "t/{}.json", "starts": gaps(range(0, 60, 2))})
    path = tmp_path / "index.json"
    write_index(path, SearchIndex(payload, chunks, index.shards))
    assert "Parapluie" not in path.read_text("utf-8")  # the sections' titles are in the chunks
    answer = run_in_node(
        {"mode": "answer", "locale": "fr", "index": str(path), "queries": ["parapluie"]}
    )
    (result,) = answer["results"]
    groups = result["items"]
    assert len(groups) == 30 and len(answer["chunks"]) == 10  # the first page's texts
    for group in groups[:10]:
        section, article = group
        assert section["title"].startswith("<mark>Parapluie</mark> ")
        assert article["title"].startswith("Article ")
    # Past the first page, a result is its article until its text comes.
    assert all(
        [item["location"] for item in group] == [group[0]["location"]] for group in groups[10:]
    )
    assert all("#" not in group[0]["location"] for group in groups[10:])


def colis_answers(tmp_path: Path, count: int) -> list[dict]:
    """The worker's answers, in steps, to "colis" over ``count`` articles about a parcel, each
    with a section."""
    from helpcentre.search.index import build_index, write_index

    documents = articles_with_a_section(
        count,
        ("orders/colis-{}/", "Colis {}", "<p>Le colis</p>"),
        ("#suivi", "Suivi", "<p>Suivre un colis</p>"),
    )
    path = tmp_path / "index.json"
    write_index(path, build_index(documents, "fr"))
    request = {"mode": "steps", "locale": "fr", "index": str(path), "queries": ["colis"]}
    (answers,) = run_in_node(request)["results"]
    return answers


def test_the_last_answer_highlights_the_titles_of_the_first_two_hundred_groups(
    tmp_path: Path,
) -> None:
    # Past them, titles come plain: no reader scrolls that far, and highlighting ten thousand
    # titles held the next query up.
    answers = colis_answers(tmp_path, 230)
    last = answers[-1]["items"]
    assert len(last) == 230
    marked = ["<mark>" in group[0]["title"] for group in last]
    assert marked == [True] * 200 + [False] * 30
    assert all(group[0]["title"].startswith("Colis") for group in last[200:])


def test_groups_past_the_twentieth_are_complete_in_the_last_answer(tmp_path: Path) -> None:
    first, last = colis_answers(tmp_path, 30)
    marked = ["<mark>" in group[0]["title"] for group in first["items"]]
    assert marked == [True] * 20 + [False] * 10
    assert all("<mark>" in group[0]["title"] for group in last["items"])
    assert first["items"][:20] == last["items"][:20]
    # The groups past the twentieth carry only their article in the first answer (the list
    # shows them after a scroll), and their sections in the last.
    assert [len(group) for group in first["items"]] == [2] * 20 + [1] * 10
    assert all(len(group) == 2 for group in last["items"])
    assert [group[0]["location"] for group in first["items"][20:]] == [
        next(doc["location"] for doc in group if "#" not in doc["location"])
        for group in last["items"][20:]
    ]
    # Twenty groups or fewer: one answer, all highlighted.
    (only,) = colis_answers(tmp_path, 12)
    assert all("<mark>" in group[0]["title"] for group in only["items"])


def test_scores_equal_lunr_js_own_index(french_site: Path) -> None:
    from helpcentre.search.index import read_index

    if not shutil.which("node"):
        missing("node is not installed")
    index = str(french_site / "search" / "helpcentre-index.json")
    queries = [
        "colis",
        "remboursement",
        "rembourser ma commande",
        "livraison retard",
        "comande",  # a typo: fuzzy clauses
        "liv",  # a prefix: wildcard clauses
        "mot de passe oublié",
        "facture paiement carte",
        "colis colis livraison",  # one term in several clauses
    ]
    answer = run_in_node({"mode": "compare", "locale": "fr", "index": index, "queries": queries})
    assert answer["hits"] > 0
    assert answer["different"] == []
    # ... with the lengths of the fields only articles have written for the articles alone.
    payload = read_index(json.loads(Path(index).read_text("utf-8")))
    articles = [location for location, *_ in payload["docs"] if "#" not in location]
    assert "questions" in payload["article_lengths"]
    (field,) = [n for n, (name, _) in enumerate(payload["fields"]) if name == "questions"]
    assert len(payload["lengths"][field]) == len(articles) < len(payload["docs"])


@pytest.mark.parametrize(
    "query",
    ["", "   ", "+", "-colis", "colis~", "col*", "title:colis", "^2", "x" * 5000, "a " * 500],
)
def test_odd_queries_never_throw(french_site: Path, query: str) -> None:
    (result,) = search(french_site, "fr", [query])
    assert isinstance(result["items"], list)
    (answered,) = search(french_site, "fr", [query], mode="answer")
    assert isinstance(answered["items"], list)


def test_missing_material_search_plugin_is_an_author_error(tmp_path: Path) -> None:
    mkdocs_yml = write_site(tmp_path, "fr")
    config = json.loads(mkdocs_yml.read_text("utf-8"))
    config["plugins"] = ["helpcentre/search"]
    mkdocs_yml.write_text(json.dumps(config), "utf-8")
    done = build(mkdocs_yml)
    assert done.returncode != 0
    assert "needs Material's search plugin" in done.stderr


def test_bad_synonyms_file_names_file_and_line(tmp_path: Path) -> None:
    done = build(write_site(tmp_path, "fr", synonyms="colis, paquet\nremboursement\n"))
    assert done.returncode != 0
    assert "synonyms.txt:2: a group needs at least two different members" in done.stderr


def test_a_locale_without_lunr_rules_builds_with_the_generic_rules(tmp_path: Path) -> None:
    # Once an author error; now any language builds (--strict) and its index searches.
    mkdocs_yml = write_site(tmp_path, "fr")
    config = json.loads(mkdocs_yml.read_text("utf-8"))
    config["theme"]["language"] = "pl"
    mkdocs_yml.write_text(json.dumps(config), "utf-8")
    done = build(mkdocs_yml)
    assert done.returncode == 0, done.stderr
    assert "no search rules" not in done.stderr
    site = tmp_path / "site" / "fr"
    data = json.loads((site / "search/helpcentre-index.json").read_text("utf-8"))
    assert (data["locale"], data["rules"]) == ("pl", "generic")
    # No French stemming any more, but accents fold: "remboursé" finds "remboursé".
    (result,) = search(site, "pl", ["rembourse"])
    assert result["items"][0][0]["location"].startswith("returns/refund-timeline/")


def test_the_worker_knows_which_languages_have_lunr_rules() -> None:
    from importlib.resources import files

    from helpcentre.search.languages import LOCALES

    worker = (files("helpcentre.search") / "assets" / "search-worker.js").read_text("utf-8")
    listed = worker.split("var LUNR_LANGUAGES = [", 1)[1].split("]", 1)[0]
    assert sorted(re.findall(r'"(\w+)"', listed)) == sorted(LOCALES)


def test_worker_starts_the_download_then_imports_the_locale_rules(french_site: Path) -> None:
    folder = french_site / "assets/javascripts/helpcentre"
    worker = (folder / "search-worker.js").read_text("utf-8")
    assert len(worker) < 5_000  # small (and minified): it starts the index download at once
    assert worker.index("loadJSON(indexUrl.href)") < worker.index(
        'libraries=script(new URL("search-libs.js",here).href)'
    )
    assert "/* helpcentre:libraries */" not in worker
    assert "LUNR_LANGUAGES" not in worker  # the unbuilt worker's imports are left out
    libraries = (folder / "search-libs.js").read_text("utf-8")
    assert 'lunr.version="2.3.9"' in libraries and "e.fr.stemmer" in libraries
    assert "helpcentreSearch" in libraries  # search-core.js
    assert "@param" not in libraries  # lunr.js's documentation comments are not shipped
    assert len(libraries) < 100_000  # about 150 kB with the comments
    assert "this.BIAS__" not in libraries  # the Japanese segmenter model only where needed


def test_worker_without_marker_is_refused() -> None:
    from helpcentre.search.worker import bundle_worker

    with pytest.raises(ValueError, match="no /\\* helpcentre:libraries \\*/ marker"):
        bundle_worker("postMessage(1)", "fr")


def test_core_modules_import_without_mkdocs() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['mkdocs'] = None\n"
        "import helpcentre.search.languages, helpcentre.search.index, helpcentre.search.synonyms\n"
        "import helpcentre.search.porter, helpcentre.search.worker, helpcentre.search.vocabulary\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_warm_up_before_the_first_query_changes_no_answer(french_site: Path) -> None:
    if not shutil.which("node"):
        missing("node is not installed")
    index = str(french_site / "search" / "helpcentre-index.json")
    queries = ["remboursement", "colis livraison", "rembourser ma commande", "xyz"]
    request = {"mode": "steps", "locale": "fr", "index": index, "queries": queries}
    cold = run_in_node(request)
    warm = run_in_node(dict(request, warm=True))
    assert cold["warmed"] is None
    # The small locale carries its postings and texts: a query, the titles and the texts.
    assert warm["warmed"]["steps"] >= 3
    assert warm["warmed"]["remembered"] > 20
    assert warm["results"] == cold["results"]


def test_answer_cards_in_the_index_and_their_matching(french_site: Path) -> None:
    from browser_code import browser_cards
    from helpcentre.search.index import CARD_CHARS, answer_cards, read_index

    index_file = french_site / "search" / "helpcentre-index.json"
    payload = read_index(json.loads(index_file.read_text("utf-8")))
    chunk = payload["text"]["inline"]
    # A section's title comes with its text; an article's is in the index file.
    pairs = zip(chunk["titles"], payload["docs"], strict=True)
    titles = [title if title is not None else doc[1] for title, doc in pairs]
    answers = chunk["answers"]
    questions = {titles[number]: answer for number, answer in answers}
    # The index names the documents that have a card (against its questions, as gaps), the
    # chunk holds their answers.
    asked = set(accumulate(payload["questions"]))
    cards = asked - set(accumulate(payload["cards"]["except"]))
    cards |= set(accumulate(payload["cards"]["besides"]))
    assert sorted(cards) == [number for number, _ in answers]
    # Questions are the headings (and titles) that ask one; the answer is the first paragraph.
    assert questions["Où est mon colis ?"].startswith("Le numéro de suivi arrive par e-mail")
    assert questions["Comment suivre ma commande ?"] == "Suivez votre colis depuis votre compte."
    assert "Délai de remboursement" not in questions
    long = answer_cards(
        [{"location": "a/#q", "title": "Why?", "text": "<p>" + "word " * 200 + "</p><p>x</p>"}]
    )
    assert len(long[0][1]) <= CARD_CHARS + 1 and long[0][1].endswith("\u2026")
    if not shutil.which("node"):
        missing("node is not installed")
    queries = [
        "quand serai-je remboursé",  # the question itself
        "suivre sa commande",  # the article's title, a question too
        "remboursement",  # one word: too little to be sure
        "délai colis remboursement douane",  # spread over several articles
        "",
    ]
    cards = browser_cards("fr", index_file, queries)
    assert cards[0]["location"] == "returns/refund-timeline/#when"
    assert cards[0]["answer"].startswith("Le remboursement est effectué")
    assert cards[0]["article"] == "returns/refund-timeline/"
    assert cards[0]["title"] == "Délai de remboursement"
    assert cards[1] is not None and cards[1]["article"] == "orders/track-your-order/"
    assert cards[2:] == [None, None, None]


def test_a_large_locale_s_answers_travel_with_their_question_s_text(tmp_path: Path) -> None:
    from browser_code import browser_cards
    from helpcentre.search.index import build_index, write_index

    answer = "Le remboursement arrive sous cinq jours ouvrés sur votre carte."
    documents = []
    for number in range(80):
        location = f"aide/article-{number}/"
        documents.append({"location": location, "title": f"Colis {number}", "text": SENTENCE})
        documents.append(
            {"location": f"{location}#q", "title": f"Question {number} ?", "text": SENTENCE}
        )
    documents[121]["title"] = "Quand serai-je remboursé ?"
    documents[121]["text"] = f"<p>{answer}</p><p>{SENTENCE}</p>"
    index = build_index(documents, "fr", inline_chars=0, inline_postings_chars=0)
    path = tmp_path / "index.json"
    write_index(path, index)
    raw = path.read_text("utf-8")
    assert "cinq jours" not in raw and "answers" not in json.loads(raw)
    (chunk,) = [c for c in index.chunks if any(n == 121 for n, _ in c["answers"])]
    assert [a for n, a in chunk["answers"] if n == 121] == [answer]
    if not shutil.which("node"):
        missing("node is not installed")
    (card,) = browser_cards("fr", path, ["quand serai-je remboursé"])
    assert card is not None and card["answer"] == answer
    assert card["location"] == "aide/article-60/#q" and card["title"] == "Colis 60"


def test_lengths_keep_four_significant_bits_and_grow_with_the_length() -> None:
    from helpcentre.search.index import length_code, length_of

    codes = [length_code(n) for n in range(100_000)]
    assert codes == sorted(codes)  # a longer field is never shorter for BM25
    assert [length_of(length_code(n)) for n in range(16)] == list(range(16))
    assert [length_of(length_code(n)) for n in (16, 17, 18, 31, 33, 34, 100)] == [
        16, 18, 18, 32, 32, 36, 104
    ]  # fmt: skip
    for n in range(1, 100_000):
        assert abs(length_of(length_code(n)) - n) <= n / 16


def test_terms_and_locations_are_front_coded_and_read_back(tmp_path: Path) -> None:
    from helpcentre.search.index import build_index, front_coded, read_index, write_index

    terms = ["colis", "colissimo", "commande", "x" * 80, "x" * 81 + "y", "é", "𠮷野", "𠮷野家"]
    assert front_coded(terms)[:3] == ["0colis", "5simo", "2mmande"]
    # Counted as the browser counts: "𠮷" is two UTF-16 code units.
    assert front_coded(terms)[-1] == "3家"
    assert read_index({"terms": front_coded(terms), "docs": [], "lengths": []})["terms"] == terms
    documents = [
        {"location": "aide/commandes/suivre/", "title": "Suivre", "text": "<p>colis</p>"},
        {"location": "aide/commandes/suivre/#quand", "title": "Quand", "text": "<p>jour</p>"},
        {"location": "aide/commandes/annuler/", "title": "Annuler", "text": "<p>colis</p>"},
        {"location": "aide/retours/#delai", "title": "Délai", "text": "<p>colis</p>"},
        {"location": "", "title": "Accueil", "text": "<p>colis</p>", "tags": ["t"]},
        {"location": "aide/😀-a/", "title": "Un", "text": "<p>colis</p>"},
        {"location": "aide/😀-b/", "title": "Deux", "text": "<p>colis</p>"},
    ]
    index = build_index(documents, "fr")
    assert index.payload["docs"][2] == [15, "annuler/", "Annuler"]
    read = read_index(index.payload)
    assert read["docs"] == [
        ["aide/commandes/suivre/", "Suivre"],
        ["#quand", "Quand"],
        ["aide/commandes/annuler/", "Annuler"],
        ["aide/retours/#delai", "Délai"],
        ["", "Accueil", ["t"]],
        ["aide/😀-a/", "Un"],
        ["aide/😀-b/", "Deux"],
    ]
    # The browser reads them the same way: each location is found.
    write_index(tmp_path / "index.json", index)
    written = run_in_node({"mode": "read", "locale": "fr", "index": str(tmp_path / "index.json")})
    assert written["docs"] == read["docs"] and written["terms"] == read["terms"]
    assert written["lengths"] == read["lengths"]
    answer = run_in_node(
        {"mode": "answer", "locale": "fr", "index": str(tmp_path / "index.json"),
         "queries": ["colis"]}
    )  # fmt: skip
    found = {doc["location"] for group in answer["results"][0]["items"] for doc in group}
    assert found == {
        "aide/commandes/suivre/",
        "aide/commandes/annuler/",
        "aide/retours/#delai",
        "",
        "aide/😀-a/",
        "aide/😀-b/",
    }


def test_postings_are_packed_and_read_back() -> None:
    from helpcentre.search.index import packed, unpacked

    assert packed([0, 1, -2, 15, 16]) == "ACDegB"  # gaps doubled, frequencies odd
    lists = [[], [0], [3, -2, 1, 40_000, -300, 7]]
    assert [unpacked(packed(values)) for values in lists] == lists


def test_the_browser_reads_packed_postings_as_written(tmp_path: Path) -> None:
    from helpcentre.search.index import build_index, unpacked, write_index

    documents = [
        {"location": f"a/{n}/", "title": f"Colis {n}", "text": "<p>" + "colis " * n + "</p>"}
        for n in range(1, 40)
    ]
    index = build_index(documents, "fr", inline_chars=0, inline_postings_chars=0)
    write_index(tmp_path / "index.json", index)
    (colis,) = [n for n, term in enumerate(read_terms(index.payload)) if term == "colis"]
    shard = max(n for n, start in enumerate(index.payload["postings"]["starts"]) if start <= colis)
    title, text = index.shards[shard][colis - index.payload["postings"]["starts"][shard]]
    assert unpacked(text)[:5] == [0, 1, -2, 1, -3]  # documents 0, 1 (twice), 2 (three times)
    answer = run_in_node(
        {"mode": "answer", "locale": "fr", "index": str(tmp_path / "index.json"),
         "queries": ["colis"]}
    )  # fmt: skip
    # Every document is found through the packed lists.
    locations = [group[0]["location"] for group in answer["results"][0]["items"]]
    assert sorted(locations) == sorted(document["location"] for document in documents)


def read_terms(payload: dict) -> list[str]:
    from helpcentre.search.index import read_index

    return read_index(payload)["terms"]


@pytest.mark.parametrize("locale", ["fr", "ja"])
def test_the_terms_automaton_accepts_what_lunrs_does_in_the_same_order(
    tmp_path: Path, locale: str
) -> None:
    # Prefixes and near spellings of every term expand to the same terms, in the same order,
    # through the searcher's trie as through lunr.TokenSet.fromArray (which lunr.js builds).
    if not shutil.which("node"):
        missing("node is not installed")
    from helpcentre.search.index import build_index, write_index

    words = {
        "fr": "colis commande commander commandé livraison livrer retour rembourser remboursement",
        "ja": "注文 注文履歴 配送 配送料 返品 返金 払い戻し 領収書",
    }[locale].split()
    documents = [
        {"location": f"a/{n}/", "title": word, "text": f"<p>{' '.join(words[: n + 1])}</p>"}
        for n, word in enumerate(words)
    ]
    write_index(tmp_path / "index.json", build_index(documents, locale))
    answer = run_in_node(
        {"mode": "automata", "locale": locale, "index": str(tmp_path / "index.json")}
    )
    assert answer["all"] and answer["checked"] >= 15
    assert answer["different"] == []
