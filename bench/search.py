"""Search benchmark: helpcentre's per-locale search against Pagefind, on any host.

Run: ``.venv/bin/python bench/search.py [--runs 5] [--throttled-runs 2] [--articles 130]``

Sites, all built in a temporary folder in this run:
- the reference help centre (docs/<locale>), one build per locale, with helpcentre's search,
  with Material's own search, and with Pagefind (default UI; pages indexed from
  ``article.md-content__inner``, the theme's content, so navigation does not pollute results):
  the relevance and answer-card figures;
- for the timings, a generated locale of ``--articles`` articles (at least 100) in English and in
  French (``bench/articles.py``: the reference articles' sentences recombined, a product catalogue
  for the long tail of terms), each built with helpcentre's search and with Pagefind, timed on a
  page of its own (Pagefind's UI and nothing else) and at the top of the Material home page of a
  build without Material's search, as a site would have it.

Pagefind is the npm package ``pagefind@1.6`` installed into the work folder at set-up; where npm
cannot install it, the ``pagefind`` of the bench extras (PyPI, 1.5). The version used is printed.

Every Material build uses the theme features of the help centre's ``mkdocs.yml`` (categories as
tabs, pruned navigation), so the pages around the search box are the same.

Each case is served twice over loopback: by a plain static server that compresses nothing (a bare
server, an object store) and by one that gzips text responses. Headless Chromium through Playwright,
a fresh browser context per query (nothing cached), the query typed once the page's DOMContentLoaded
has fired, the engines' runs alternating. Measured: time from navigation to the first rendered
results, search bytes per visit (the engine's files: helpcentre's worker, libraries and index files,
Pagefind's UI, WebAssembly, index and fragments, those that come after the first results too; beside
them all bytes of the visit), and follow-up latency (a query typed after the first results, to
rendered results). Ratios are against Pagefind measured in the same run; the targets on the plain
server are first results at most 1.0x Pagefind's own page, search bytes at most 0.5x, follow-ups
under 100 ms median. A throttled profile (CDP "Fast 3G" and 4x CPU slowdown, plain server) checks
that titles show before excerpts.

Relevance: MRR@10 and success@3 per language and query set, each engine queried in the browser
through its own code. The sets: ``titles`` (bench/search_queries.yml: queries that share words
with titles) and ``customers`` (bench/search_queries_customers.yml: queries as customers type
them) and ``heldout`` (bench/search_queries_heldout.yml: customer queries kept out of any
tuning) over the reference help centre; ``arduino`` (bench/search_queries_arduino.yml) over a help
centre we did not write, the Arduino Help Center (bench/corpora/arduino, English, 407 articles),
built as a new user would: no synonyms file, no helpcentre front matter.
``--sets arduino`` measures one set alone (and builds only its sites).
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import multiprocessing
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import generate_locale  # noqa: E402
from browser_code import browser_cards  # noqa: E402
from relevance import (  # noqa: E402
    CardMeasure,
    answerable,
    build_locale_site,
    card_measure,
    load_queries,
    relevance,
)

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
LOCALES = ("en", "fr", "it", "es", "ja", "de", "pt-BR", "ko", "id", "tr", "ar", "pl")
CORPORA = ROOT / "bench" / "corpora"


@dataclass(frozen=True)
class QuerySet:
    """A labelled query file and the help centre it asks.

    Attributes:
        file: The query file, in bench/.
        content: The help centre's name (the sites are built once per content).
        docs: Its docs folder, one folder per locale.
        synonyms: Its synonyms file (``{locale}`` in the path), or ``None`` for none.
    """

    file: str
    content: str
    docs: Path
    synonyms: str | None


REFERENCE_SYNONYMS = str(ROOT / "locales" / "{locale}" / "synonyms.txt")
#: Labelled query sets: queries that share words with titles and queries as customers type them,
#: over the reference help centre; customers' queries over a help centre we did not write.
QUERY_SETS = {
    "titles": QuerySet("search_queries.yml", "reference", ROOT / "docs", REFERENCE_SYNONYMS),
    "customers": QuerySet(
        "search_queries_customers.yml", "reference", ROOT / "docs", REFERENCE_SYNONYMS
    ),
    # Never tuned on: a ranking change is kept only if it does not lower these figures.
    "heldout": QuerySet(
        "search_queries_heldout.yml", "reference", ROOT / "docs", REFERENCE_SYNONYMS
    ),
    "arduino": QuerySet(
        "search_queries_arduino.yml", "arduino", CORPORA / "arduino" / "docs", None
    ),
}
FAST_3G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1.6 * 1000 * 1000 / 8 * 0.9,
    "uploadThroughput": 750 * 1000 / 8 * 0.9,
}
COMPRESSIBLE = {".html", ".js", ".css", ".json", ".svg", ".txt", ".xml", ".map"}
#: The Pagefind anchor inside the Material page (the other Pagefind anchor is a page of its own).
PAGEFIND_IN_MATERIAL = "pagefind (Material page)"
PAGEFIND_UI = """<div id="{element}"></div><script>
window.addEventListener("DOMContentLoaded", () => new PagefindUI({{element: "#{element}"}}))
</script>"""
PAGEFIND_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<link href="pagefind/pagefind-ui.css" rel="stylesheet">
<script src="pagefind/pagefind-ui.js"></script></head><body><div id="search"></div>
<script>window.addEventListener("DOMContentLoaded", () => new PagefindUI({{element: "#search"}}))
</script></body></html>"""

# -- serving ------------------------------------------------------------------------------------


class PlainHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as they are, no compression: a bare static server or an object store."""

    def handle(self) -> None:
        """Serve; a browser closing its context mid-download is not an error here."""
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet."""


class GzipHandler(PlainHandler):
    """Static files, gzip-compressed when the browser accepts it (as a production server would);
    ``.gz`` files are served as they are."""

    cache: dict[Path, bytes]

    def send_head(self):  # noqa: ANN201 - http.server's protocol
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or path.suffix not in COMPRESSIBLE or not accepts:
            return super().send_head()
        if path not in self.cache:
            self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


#: The two hosts every case is timed on.
SERVERS = {"plain": PlainHandler, "gzip": GzipHandler}


def _serve_forever(directory: str, server: str, ports) -> None:  # noqa: ANN001 - a Queue
    handler = type("Handler", (SERVERS[server],), {"cache": {}})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=directory))
    ports.put(httpd.server_address[1])
    httpd.serve_forever()


@contextmanager
def serve(directory: Path, server: str = "gzip") -> Iterator[str]:
    """Serve ``directory`` from a process of its own: in this one, Playwright's event loop would
    hold the server up (one interpreter lock), which a real static server does not do."""
    context = multiprocessing.get_context("fork")
    ports = context.Queue()
    process = context.Process(
        target=_serve_forever, args=(str(directory), server, ports), daemon=True
    )
    process.start()
    try:
        yield f"http://127.0.0.1:{ports.get(timeout=30)}/"
    finally:
        process.terminate()
        process.join()


# -- building -----------------------------------------------------------------------------------


#: The Pagefind the anchors are built with: the npm package of this version, where npm can
#: install it at set-up, else the PyPI package of the bench extras.
PAGEFIND_NPM = "pagefind@1.6"


def pagefind_command(work: Path) -> tuple[list[str], str]:
    """The command that runs Pagefind, and its version."""
    npm = shutil.which("npm")
    if npm:
        folder = work / "npm"
        done = subprocess.run(
            [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", PAGEFIND_NPM],
            capture_output=True,
            text=True,
            check=False,
        )
        binary = folder / "node_modules" / ".bin" / "pagefind"
        if done.returncode == 0 and binary.exists():
            command = [str(binary)]
        else:
            print(f"npm could not install {PAGEFIND_NPM}; using the PyPI package", flush=True)
            command = [sys.executable, "-m", "pagefind"]
    else:
        command = [sys.executable, "-m", "pagefind"]
    version = subprocess.run(
        [*command, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    return command, version


#: Set by main: how Pagefind runs in this benchmark.
PAGEFIND: list[str] = [sys.executable, "-m", "pagefind"]


def run_pagefind(site: Path, language: str, *, page: bool = True) -> None:
    subprocess.run(
        [
            *PAGEFIND,
            "--site",
            str(site),
            "--root-selector",
            "article.md-content__inner",
            "--quiet",
        ],
        check=True,
        capture_output=True,
    )
    if page:
        (site / "pagefind-search.html").write_text(PAGEFIND_PAGE.format(lang=language), "utf-8")


def theme_features() -> list[str]:
    """The theme features of the help centre's ``mkdocs.yml`` (its ``!ENV`` tags read as text)."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=loader)  # noqa: S506
    return list(config["theme"].get("features") or [])


def build_three(
    docs: Path, locale: str, work: Path, synonyms: str | None = REFERENCE_SYNONYMS
) -> dict[str, Path]:
    """The same content with helpcentre's search, Material's, and Pagefind (its own page): the
    sites relevance is measured on."""
    if synonyms and not Path(synonyms.format(locale=locale)).is_file():
        synonyms = None  # a locale without a synonyms file yet is measured without one
    features = theme_features()
    ours = build_locale_site(
        docs,
        locale,
        work,
        synonyms_file=synonyms,
        features=features,
    )
    material = build_locale_site(docs, locale, work, search="material", features=features)
    pagefind = work / f"site-pagefind-{locale}"
    shutil.copytree(material, pagefind)
    run_pagefind(pagefind, locale)
    return {"helpcentre": ours, "material": material, "pagefind": pagefind}


def embed_pagefind(page: Path) -> None:
    """Pagefind's default UI at the top of a Material page built without Material's search, as a
    Material site that moves to Pagefind would have it."""
    html = page.read_text("utf-8")
    head = '<link href="pagefind/pagefind-ui.css" rel="stylesheet">'
    head += '<script src="pagefind/pagefind-ui.js"></script></head>'
    content = '<article class="md-content__inner md-typeset">'
    ui = content + PAGEFIND_UI.format(element="pagefind-search")
    assert html.count("</head>") == 1 and html.count(content) == 1, page
    page.write_text(html.replace("</head>", head).replace(content, ui), "utf-8")


def build_timed(docs: Path, locale: str, work: Path) -> dict[str, Path]:
    """The same content with helpcentre's search, and with Pagefind in both pages."""
    synonyms = str(ROOT / "locales" / "{locale}" / "synonyms.txt")
    features = theme_features()
    ours = build_locale_site(docs, locale, work, synonyms_file=synonyms, features=features)
    in_material = build_locale_site(docs, locale, work, search="none", features=features)
    run_pagefind(in_material, locale)
    embed_pagefind(in_material / "index.html")
    # Pagefind's own page and the Material page share one site: the same index and files.
    return {"helpcentre": ours, "pagefind": in_material, PAGEFIND_IN_MATERIAL: in_material}


# -- measuring ----------------------------------------------------------------------------------

#: Types ``query`` into ``box`` the way the engines' UIs listen (input and keyup events).
TYPE_QUERY = """  box.focus()
  box.value = query
  box.dispatchEvent(new Event("input", { bubbles: true }))
  box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "e" }))
"""

# In-page helpers: type a query the way the engine's UI listens, resolve when results render.
# A result counts once it shows its title: Pagefind's UI first draws each result as a loading
# placeholder (a grey bar where the title goes) and fills it in when the page's data arrives,
# so its results are counted by their links, which come with the titles.
TYPE_AND_WAIT = (
    """async ([engine, query, anyAnswer]) => {
  const pagefind = engine.startsWith("pagefind")
  const box = pagefind
    ? document.querySelector(".pagefind-ui__search-input")
    : document.querySelector("input[data-md-component=search-query]")
  const list = pagefind
    ? () => document.querySelectorAll(".pagefind-ui__result-link").length
    : () => document.querySelectorAll(".md-search-result__list > li").length
  const meta = pagefind
    ? () => (document.querySelector(".pagefind-ui__message") || {}).textContent || ""
    : () => document.querySelector(".md-search-result__meta").textContent
  const results = pagefind
    ? () => (document.querySelector(".pagefind-ui__results") || {}).innerHTML || ""
    : () => document.querySelector(".md-search-result__list").innerHTML
  /* What the reader sees: a new answer changes it (two answers with the same count differ in
     their results or highlighting) */
  const seen = () => meta() + "|" + list() + "|" + results()
  const before = seen()
  const start = performance.now()
"""
    + TYPE_QUERY
    + """  return await new Promise(resolve => {
    const check = () => {
      if ((list() > 0 || anyAnswer) && seen() !== before)
        return resolve(performance.now() - start)
      if (performance.now() - start > 60000) return resolve(null)
      requestAnimationFrame(check)
    }
    check()
  })
}"""
)


def page_url(engine: str, base: str, path: str = "") -> str:
    return base + ("pagefind-search.html" if engine == "pagefind" else path)


#: Queries typed after the first results, to time queries in a loaded page; each finds articles
#: in its locale's reference content (a query that finds nothing waits for the time-out).
FOLLOW_UPS = {
    "en": ("return", "delivery", "password", "invoice", "refund"),
    "fr": ("retour", "livraison", "mot de passe", "facture", "remboursement"),
}


#: Where an engine's files live in its site: what a visit downloads for search.
SEARCH_PATHS = ("/search/", "/assets/javascripts/helpcentre/", "/pagefind/")


def is_search_file(url: str) -> bool:
    path = urlsplit(url).path
    return any(part in path for part in SEARCH_PATHS)


def first_results(
    browser,  # noqa: ANN001
    engine: str,
    url: str,
    query: str,
    throttled: bool,
    locale: str = "en",
) -> dict:
    """Navigate in a fresh context, type ``query`` once DOMContentLoaded has fired, wait for
    rendered results; then time the follow-up queries."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    fetched, pending = [], set()
    page.on("request", lambda request: pending.add(request))
    page.on("requestfinished", lambda request: (pending.discard(request), fetched.append(request)))
    page.on("requestfailed", lambda request: pending.discard(request))
    if throttled:
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", FAST_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    selector = (
        ".pagefind-ui__search-input"
        if engine.startswith("pagefind")
        else "input[data-md-component=search-query]"
    )
    start = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded", timeout=180_000)
    # Pagefind's UI makes its box in a DOMContentLoaded listener: it exists by now.
    page.wait_for_selector(selector, state="attached", timeout=180_000)
    ready = time.perf_counter() - start
    if page.evaluate(TYPE_AND_WAIT, [engine, query, False]) is None:
        raise RuntimeError(f"{engine} rendered no results for {query!r} at {url}")
    elapsed = time.perf_counter() - start
    steps = worker_steps(page) if engine == "helpcentre" else {}
    # The bytes of the visit's search files include those the first results still wait for
    # (excerpts' chunks, Pagefind's fragments), for every engine alike.
    settled = time.perf_counter() + 10
    while time.perf_counter() < settled and any(is_search_file(r.url) for r in pending):
        page.wait_for_timeout(20)
    search_bytes = total = 0
    for request in list(fetched):
        try:
            sizes = request.sizes()
        except Exception:  # noqa: BLE001 - a request may be gone with its context
            continue
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        if is_search_file(request.url):
            search_bytes += size
    latencies = []
    for follow_up in FOLLOW_UPS[locale]:
        # Any answer counts here, "no results" too: it is what the reader sees.
        latencies.append(page.evaluate(TYPE_AND_WAIT, [engine, follow_up, True]))
    context.close()
    return {
        "first": elapsed,
        "ready": ready,
        "search": search_bytes,
        "bytes": total,
        "latencies": [x for x in latencies if x is not None],
        "steps": steps,
    }


#: The steps helpcentre's worker marks in its performance timeline ("helpcentre:" and the step),
#: in the order a first query takes them: its index downloaded and read, the searcher ready, the
#: query come, its postings at hand, the results ranked, the first answer posted to the page.
WORKER_STEPS = ("index", "ready", "query", "postings", "ranked", "posted")

WORKER_MARKS = """() => performance.getEntriesByType("mark")
  .filter(mark => mark.name.startsWith("helpcentre:"))
  .map(mark => [mark.name.slice(11), performance.timeOrigin + mark.startTime])"""


def worker_steps(page) -> dict[str, float]:  # noqa: ANN001 - Playwright page
    """Seconds from the navigation to each step's first mark in the search worker of ``page``."""
    origin = page.evaluate("performance.timeOrigin")
    for worker in page.workers:
        if "search-worker" in worker.url:
            steps: dict[str, float] = {}
            for name, at in worker.evaluate(WORKER_MARKS):
                steps.setdefault(name, (at - origin) / 1000)
            return steps
    return {}


def time_engines(
    browser,  # noqa: ANN001
    sites: dict[str, Path],
    query: str,
    runs: int,
    throttled: bool,
    locale: str,
    server: str,
) -> dict:
    """Median figures per engine; the engines take turns, one visit each per round."""
    samples: dict[str, list[dict]] = {engine: [] for engine in sites}
    with ExitStack() as stack:
        bases = {engine: stack.enter_context(serve(site, server)) for engine, site in sites.items()}
        engines = list(sites)
        for run in range(runs):
            # Rotate who goes first, so that no engine always follows the same one.
            for engine in engines[run % len(engines) :] + engines[: run % len(engines)]:
                url = page_url(engine, bases[engine])
                sample = first_results(browser, engine, url, query, throttled, locale)
                samples[engine].append(sample)
    results = {}
    for engine, values in samples.items():
        results[engine] = {
            key: statistics.median(sample[key] for sample in values)
            for key in ("first", "ready", "search", "bytes")
        }
        firsts = [sample["first"] for sample in values]
        results[engine]["range"] = (min(firsts), max(firsts))
        results[engine]["latency"] = statistics.median(
            [x for sample in values for x in sample["latencies"]] or [float("nan")]
        )
        results[engine]["steps"] = {
            step: statistics.median(marked)
            for step in WORKER_STEPS
            if (marked := [s["steps"][step] for s in values if step in s.get("steps", {})])
        }
    return results


RANK_WORKER = """async ([url, engine, queries]) => {
  if (engine.startsWith("pagefind")) {
    const pagefind = await import(url + "pagefind/pagefind.js")
    await pagefind.init()
    const ranks = []
    for (const query of queries) {
      const search = await pagefind.search(query)
      const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()))
      ranks.push(data.map(d => new URL(d.url, url).pathname.slice(1)))
    }
    return ranks
  }
  const config = JSON.parse(document.getElementById("__config").textContent)
  const worker = new Worker(new URL(config.search, location.href))
  const index = await (await fetch(url + "search/search_index.json")).json()
  /* helpcentre's worker may answer a query in several messages (excerpts and highlighting
     follow); each names its query, so a late message of the previous query is not taken for
     the next one's answer. The ranking is the same in all of them. */
  const ask = (message, query) => new Promise(resolve => {
    worker.onmessage = event => {
      const answered = event.data && event.data.data && event.data.data.query
      if (query === undefined || answered === undefined || answered === query)
        resolve(event.data)
    }
    worker.postMessage(message)
  })
  const options = { suggest: false }
  await ask({ type: 0, data: { config: index.config, docs: index.docs, options } })
  const ranks = []
  for (const query of queries) {
    const result = await ask({ type: 2, data: query }, query)
    ranks.push(result.data.items.map(group => {
      const article = group.find(item => !item.location.includes("#")) || group[0]
      return article.location
    }))
  }
  worker.terminate()
  return ranks
}"""


def rank_in_browser(browser, engine: str, site: Path, queries: list[str]) -> list[list[str]]:  # noqa: ANN001
    context = browser.new_context()
    page = context.new_page()
    with serve(site) as base:
        # A help centre without a home page (Markdown we did not write may have none) still has
        # the theme's 404 page, with the search's configuration.
        home = "" if (site / "index.html").is_file() else "404.html"
        page.goto(page_url(engine, base) if engine.startswith("pagefind") else base + home)
        ranks = page.evaluate(RANK_WORKER, [base, engine, queries])
    context.close()
    return ranks


# -- report -------------------------------------------------------------------------------------


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "n/a"


def print_timing(title: str, timing: dict) -> None:
    print(f"\n{title}")
    print(
        f"  {'engine':<26}{'first results (range)':>26}{'DOM ready':>11}{'search':>10}"
        f"{'all bytes':>11}{'follow-up':>11}"
    )
    for engine, value in timing.items():
        low, high = value["range"]
        print(
            f"  {engine:<26}{value['first'] * 1000:>9.0f} ms"
            f" ({low * 1000:.0f}-{high * 1000:.0f})".ljust(54)
            + f"{value['ready'] * 1000:>9.0f} ms{value['search'] / 1024:>7.0f} KB"
            f"{value['bytes'] / 1024:>8.0f} KB{value['latency']:>8.0f} ms"
        )
    ours = timing["helpcentre"]
    if ours.get("steps"):
        # Where helpcentre's first results wait: its worker's marks, after the navigation.
        print(
            "  helpcentre's worker: "
            + ", ".join(f"{step} {at * 1000:.0f} ms" for step, at in ours["steps"].items())
        )
    for anchor in [name for name in timing if name != "helpcentre"]:
        other = timing[anchor]
        print(
            f"  helpcentre / {anchor}: first results {ratio(ours['first'], other['first'])},"
            f" search bytes {ratio(ours['search'], other['search'])},"
            f" all bytes {ratio(ours['bytes'], other['bytes'])},"
            f" follow-up {ratio(ours['latency'], other['latency'])}"
        )


#: First query of each timed locale; the follow-ups are FOLLOW_UPS.
TIMED = (("en", "refund"), ("fr", "remboursement"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--throttled-runs", type=int, default=2)
    parser.add_argument("--articles", type=int, default=130, help="per timed locale")
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    parser.add_argument("--relevance-only", action="store_true", help="skip the timings")
    parser.add_argument("--timing-only", action="store_true", help="skip relevance and cards")
    parser.add_argument(
        "--sets",
        default=",".join(QUERY_SETS),
        help=f"query sets to measure, comma-separated (of {', '.join(QUERY_SETS)})",
    )
    parser.add_argument(
        "--locales",
        type=reference_locales,
        default=None,
        help="comma-separated locales to measure relevance on (default: every locale with queries)",
    )
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.sets.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in QUERY_SETS]
    if unknown:
        parser.error(f"unknown query set {', '.join(unknown)}: choose from {', '.join(QUERY_SETS)}")

    work = Path(tempfile.mkdtemp(prefix="search-bench-"))
    PAGEFIND[:], version = pagefind_command(work)
    print(f"{version}; building sites in {work} ...", flush=True)
    query_sets = {
        name: answerable(
            load_queries(ROOT / "bench" / QUERY_SETS[name].file), QUERY_SETS[name].docs
        )
        for name in chosen
    }
    sites = {} if args.timing_only else build_sets(chosen, query_sets, work, args.locales)
    timed = {}
    if not args.relevance_only:
        for locale, _ in TIMED:
            docs = generate_locale(work / "generated" / locale, locale, args.articles)
            timed[locale] = build_timed(docs, locale, work / f"timed-{locale}")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        if sites:
            print_relevance(browser, sites, query_sets)
        cases = [] if args.relevance_only else [(False, args.runs, server) for server in SERVERS]
        if args.throttled_runs and not args.relevance_only:
            cases.append((True, args.throttled_runs, "plain"))
        for throttled, runs, server in cases:
            profile = "Fast 3G + 4x CPU" if throttled else "loopback, no throttling"
            print(f"\n== Timing, {server} server, {profile}, median of {runs} ==")
            for locale, query in TIMED:
                timing = time_engines(
                    browser, timed[locale], query, runs, throttled, locale, server
                )
                print_timing(
                    f"generated {locale}, {args.articles} articles + home ({query!r})", timing
                )
        browser.close()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def build_sets(
    chosen: list[str],
    query_sets: dict[str, list],
    work: Path,
    only: tuple[str, ...] | None = None,
) -> dict[str, dict[str, dict[str, Path]]]:
    """Sites per content and locale (each engine's), built once for the sets that ask them: the
    locales that have queries (of ``only``, when given)."""
    sites: dict[str, dict[str, dict[str, Path]]] = {}
    for name in chosen:
        spec = QUERY_SETS[name]
        locales = sorted({q.locale for q in query_sets[name]}, key=_locale_order)
        locales = [locale for locale in locales if only is None or locale in only]
        built = sites.setdefault(spec.content, {})
        for locale in locales:
            if locale not in built:
                where = work / spec.content / locale
                built[locale] = build_three(spec.docs / locale, locale, where, spec.synonyms)
    return sites


def _locale_order(locale: str) -> tuple[int, str]:
    return (LOCALES.index(locale) if locale in LOCALES else len(LOCALES), locale)


def reference_locales(value: str) -> tuple[str, ...]:
    """The ``--locales`` argument: comma-separated locales of the reference help centre.

    Raises:
        argparse.ArgumentTypeError: naming every unknown locale and the known ones.
    """
    chosen = tuple(part.strip() for part in value.split(",") if part.strip())
    unknown = [loc for loc in chosen if loc not in LOCALES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown reference locale(s) {', '.join(unknown) or '(none given)'}; "
            f"choose from {', '.join(LOCALES)}"
        )
    return chosen


def print_relevance(browser, sites: dict, query_sets: dict) -> None:  # noqa: ANN001
    """MRR@10 and success@3 per query set, locale and engine, and helpcentre's answer cards
    per query set."""
    print("\n== Relevance (labelled queries whose articles exist): MRR@10, success@3 ==")
    for set_name, queries in query_sets.items():
        spec = QUERY_SETS[set_name]
        built = sites[spec.content]
        print(f"\n  set {set_name!r} ({spec.file}, {spec.content} help centre)")
        if not built:
            # --locales chose none of this set's locales (the Arduino set is English only).
            print("  (none of the chosen locales)")
            continue
        engines = list(next(iter(built.values())))
        print(f"  {'locale':<8}{'n':>4}  " + "  ".join(f"{e:>24}" for e in engines))
        for locale in built:
            local = [q for q in queries if q.locale == locale]
            if not local:
                continue
            cells = []
            for engine, site in built[locale].items():
                ranks = rank_in_browser(browser, engine, site, [q.query for q in local])
                measured = relevance(ranks, local)
                cells.append(f"MRR {measured.mrr_at_10:.3f} S@3 {measured.success_at_3:.3f}")
            print(f"  {locale:<8}{len(local):>4}  " + "  ".join(f"{c:>24}" for c in cells))

    print("\n== Answer cards (helpcentre; a card is right when its article answers the query) ==")
    for set_name, queries in query_sets.items():
        built = sites[QUERY_SETS[set_name].content]
        print(f"\n  set {set_name!r}")
        if not built:
            print("  (none of the chosen locales)")
            continue
        print(f"  {'locale':<8}{'n':>4}{'cards':>7}{'right':>7}{'coverage':>10}{'precision':>11}")
        rows = []
        for locale in built:
            local = [q for q in queries if q.locale == locale]
            if local:
                index = built[locale]["helpcentre"] / "search" / "helpcentre-index.json"
                found = browser_cards(locale, index, [q.query for q in local])
                rows.append((locale, card_measure(found, local)))
        sums = [sum(getattr(m, name) for _, m in rows) for name in ("queries", "cards", "right")]
        rows.append(("all", CardMeasure(*sums)))
        for name, measured in rows:
            print(
                f"  {name:<8}{measured.queries:>4}{measured.cards:>7}{measured.right:>7}"
                f"{measured.coverage:>10.3f}{measured.precision:>11.3f}"
            )


if __name__ == "__main__":
    sys.exit(main())
