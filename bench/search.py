"""Search benchmark: helpcentre's prebuilt per-locale index against Material's search and Pagefind.

Run: ``.venv/bin/python bench/search.py [--runs 5] [--throttled-runs 3] [--articles 2000]``

Sites, all built in a temporary folder in this run:
- the reference help centre (docs/<locale>), one build per locale, with helpcentre's search,
  with Material's own search, and with Pagefind 1.5 (default UI; pages indexed from
  ``article.md-content__inner``, the theme's content, so navigation does not pollute results),
  timed twice: on a page of its own (Pagefind's UI and nothing else) and at the top of the
  Material home page of a build without Material's search, as a site would have it;
- the same content as one Material + mkdocs-static-i18n site (all locales in one search index),
  timed on a French page;
- a generated locale of ``--articles`` articles (English), built the same ways.

Every Material build, helpcentre's and the anchors', uses the theme features of the help centre's
``mkdocs.yml`` (categories as tabs, pruned navigation), so the pages around the search box are the
same and the comparison is between search engines.

Served gzip-compressed over loopback; headless Chromium through Playwright, with and without a
throttled profile (CDP "Fast 3G" network and 4x CPU slowdown). Measured: time from navigation to
the first rendered results for a query typed as soon as the box exists (and, beside it, the time
until the page answers scripts once the box exists: the floor no engine in that page can beat),
bytes fetched until then, query latency (typing to rendered results, in the page), and MRR@10 /
success@3 per language and query set (bench/search_queries.yml: queries that share words with
titles; bench/search_queries_customers.yml: queries as customers type them), each engine queried
in the browser through its own code.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
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
LOCALES = ("en", "fr", "it", "es", "ja")
#: Labelled query sets: queries that share words with titles, and queries as customers type them.
QUERY_SETS = {"titles": "search_queries.yml", "customers": "search_queries_customers.yml"}
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


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (as a production server would)."""

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

    def handle(self) -> None:
        """Serve; a browser closing its context mid-download is not an error here."""
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet."""


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    handler = type("Handler", (GzipHandler,), {"cache": {}})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(handler, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# -- building -----------------------------------------------------------------------------------


def run_pagefind(site: Path, language: str, *, page: bool = True) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
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


def build_three(docs: Path, locale: str, work: Path) -> dict[str, Path]:
    """The same content with helpcentre's search, Material's, and Pagefind."""
    synonyms = str(ROOT / "locales" / "{locale}" / "synonyms.txt")
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
    in_material = build_locale_site(docs, locale, work, search="none", features=features)
    run_pagefind(in_material, locale, page=False)
    embed_pagefind(in_material / "index.html")
    return {
        "helpcentre": ours,
        "material": material,
        "pagefind": pagefind,
        PAGEFIND_IN_MATERIAL: in_material,
    }


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


def build_static_i18n(work: Path) -> Path:
    """Material + mkdocs-static-i18n: every locale in one site and one search index."""
    languages = [
        {"locale": code, "name": code, "build": True, "default": code == "en"} for code in LOCALES
    ]
    site = work / "site-static-i18n"
    config = {
        "site_name": "Help centre",
        "docs_dir": str(ROOT / "docs"),
        "site_dir": str(site),
        "theme": {"name": "material", "font": False, "features": theme_features()},
        "markdown_extensions": ["attr_list", "admonition", "toc"],
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": languages}}],
    }
    path = work / "mkdocs-static-i18n.yml"
    path.write_text(json.dumps(config), "utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(path)],
        check=True,
        capture_output=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    return site


def generate_locale(root: Path, articles: int) -> Path:
    """``articles`` English articles made from the reference articles' sentences, shuffled."""
    rng = random.Random(2000)
    sentences: list[str] = []
    for path in sorted((ROOT / "docs" / "en").rglob("*.md")):
        body = path.read_text("utf-8").split("---", 2)[-1]
        for line in body.splitlines():
            line = line.strip()
            if len(line) > 40 and not line.startswith(("#", "!", "|")):
                sentences.append(line)
    topics = "kettle teapot skillet blanket towel mug bowl knife toaster blender".split()
    docs = root / "generated" / "en"
    for number in range(articles):
        category = ("orders", "shipping", "returns", "billing", "account")[number % 5]
        topic = rng.choice(topics)
        folder = docs / category
        folder.mkdir(parents=True, exist_ok=True)
        sections = []
        for section in range(3):
            text = " ".join(rng.sample(sentences, 3))
            sections.append(
                f"## Question {section + 1} about the {topic} {{#q{section}}}\n\n{text}\n"
            )
        (folder / f"article-{number:04d}.md").write_text(
            f"---\ntitle: {topic.title()} help {number}\n---\n\n"
            + " ".join(rng.sample(sentences, 2))
            + "\n\n"
            + "\n".join(sections),
            "utf-8",
        )
    (docs / "index.md").write_text("# Help\n\nGenerated help centre.\n", "utf-8")
    return docs


# -- measuring ----------------------------------------------------------------------------------

# In-page helpers: type a query the way the engine's UI listens, resolve when results render.
# A result counts once it shows its title: Pagefind's UI first draws each result as a loading
# placeholder (a grey bar where the title goes) and fills it in when the page's data arrives,
# so its results are counted by their links, which come with the titles.
TYPE_AND_WAIT = """async ([engine, query, anyAnswer]) => {
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
  box.focus()
  box.value = query
  box.dispatchEvent(new Event("input", { bubbles: true }))
  box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "e" }))
  return await new Promise(resolve => {
    const check = () => {
      if ((list() > 0 || anyAnswer) && seen() !== before)
        return resolve(performance.now() - start)
      if (performance.now() - start > 60000) return resolve(null)
      requestAnimationFrame(check)
    }
    check()
  })
}"""


def page_url(engine: str, base: str, path: str = "") -> str:
    return base + ("pagefind-search.html" if engine == "pagefind" else path)


#: Queries typed after the first results, to time queries in a loaded page; each finds articles
#: in its locale's reference content (a query that finds nothing waits for the time-out).
FOLLOW_UPS = {
    "en": ("return", "delivery", "password", "invoice", "refund"),
    "fr": ("retour", "livraison", "mot de passe", "facture", "remboursement"),
}


def first_results(
    browser,  # noqa: ANN001
    engine: str,
    url: str,
    query: str,
    throttled: bool,
    locale: str = "en",
) -> dict:
    """Navigate, type ``query`` as soon as the search box exists, wait for rendered results."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request))
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
    page.goto(url, wait_until="commit", timeout=180_000)
    page.wait_for_selector(selector, state="attached", timeout=180_000)
    # The page answers scripts again: the box exists and the theme's start-up work is done. No
    # engine in that page can show results sooner; what comes after is the search's own time.
    page.evaluate("0")
    ready = time.perf_counter() - start
    if page.evaluate(TYPE_AND_WAIT, [engine, query, False]) is None:
        raise RuntimeError(f"{engine} rendered no results for {query!r} at {url}")
    elapsed = time.perf_counter() - start
    total = 0
    for request in fetched:
        try:
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        except Exception:  # noqa: BLE001 - a request may be gone with its context
            pass
    latencies = []
    for follow_up in FOLLOW_UPS[locale]:
        # Any answer counts here, "no results" too: it is what the reader sees.
        latencies.append(page.evaluate(TYPE_AND_WAIT, [engine, follow_up, True]))
    context.close()
    return {
        "first": elapsed,
        "ready": ready,
        "bytes": total,
        "latency": statistics.median([x for x in latencies if x] or [float("nan")]),
    }


def time_engines(
    browser,  # noqa: ANN001
    sites: dict[str, Path],
    query: str,
    runs: int,
    throttled: bool,
    path: str = "",
    locale: str = "en",
) -> dict:
    results = {}
    for engine, site in sites.items():
        with serve(site) as base:
            samples = [
                first_results(
                    browser, engine, page_url(engine, base, path), query, throttled, locale
                )
                for _ in range(runs)
            ]
        results[engine] = {
            key: statistics.median(sample[key] for sample in samples)
            for key in ("first", "ready", "bytes", "latency")
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
        page.goto(page_url(engine, base) if engine.startswith("pagefind") else base)
        ranks = page.evaluate(RANK_WORKER, [base, engine, queries])
    context.close()
    return ranks


# -- report -------------------------------------------------------------------------------------


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "n/a"


def print_timing(title: str, timing: dict) -> None:
    print(f"\n{title}")
    print(
        f"  {'engine':<26}{'first results':>14}{'page ready':>12}{'bytes':>10}{'query latency':>15}"
    )
    for engine, value in timing.items():
        print(
            f"  {engine:<26}{value['first'] * 1000:>11.0f} ms{value['ready'] * 1000:>9.0f} ms"
            f"{value['bytes'] / 1024:>7.0f} KB{value['latency']:>12.0f} ms"
        )
    ours = timing["helpcentre"]
    for anchor in [name for name in timing if name != "helpcentre"]:
        other = timing[anchor]
        own = ratio(ours["first"] - ours["ready"], other["first"] - other["ready"])
        print(
            f"  helpcentre / {anchor}: first results {ratio(ours['first'], other['first'])},"
            f" after page ready {own},"
            f" bytes {ratio(ours['bytes'], other['bytes'])},"
            f" latency {ratio(ours['latency'], other['latency'])}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--throttled-runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    parser.add_argument("--relevance-only", action="store_true", help="skip the timings")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="search-bench-"))
    query_sets = {
        name: answerable(load_queries(ROOT / "bench" / file), ROOT / "docs")
        for name, file in QUERY_SETS.items()
    }
    print(f"building sites in {work} ...", flush=True)
    reference = {loc: build_three(ROOT / "docs" / loc, loc, work / loc) for loc in LOCALES}
    if not args.relevance_only:
        multi = build_static_i18n(work)
        generated = build_three(generate_locale(work, args.articles), "en", work / "generated")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        print("\n== Relevance (labelled queries whose articles exist): MRR@10, success@3 ==")
        for set_name, queries in query_sets.items():
            print(f"\n  set {set_name!r} ({QUERY_SETS[set_name]})")
            print(
                f"  {'locale':<8}{'n':>4}  "
                + "  ".join(f"{e:>24}" for e in reference["en"] if e != PAGEFIND_IN_MATERIAL)
            )
            for locale in LOCALES:
                local = [q for q in queries if q.locale == locale]
                if not local:
                    continue
                cells = []
                for engine, site in reference[locale].items():
                    if engine == PAGEFIND_IN_MATERIAL:  # the same index as the other Pagefind
                        continue
                    ranks = rank_in_browser(browser, engine, site, [q.query for q in local])
                    measured = relevance(ranks, local)
                    cells.append(f"MRR {measured.mrr_at_10:.3f} S@3 {measured.success_at_3:.3f}")
                print(f"  {locale:<8}{len(local):>4}  " + "  ".join(f"{c:>24}" for c in cells))

        print(
            "\n== Answer cards (helpcentre; a card is right when its article answers the query) =="
        )
        print(f"  {'locale':<8}{'n':>4}{'cards':>7}{'right':>7}{'coverage':>10}{'precision':>11}")
        rows = []
        for locale in LOCALES:
            local = [q for q in queries if q.locale == locale]
            if local:
                index = reference[locale]["helpcentre"] / "search" / "helpcentre-index.json"
                found = browser_cards(locale, index, [q.query for q in local])
                rows.append((locale, card_measure(found, local)))
        sums = [sum(getattr(m, name) for _, m in rows) for name in ("queries", "cards", "right")]
        rows.append(("all", CardMeasure(*sums)))
        for name, measured in rows:
            print(
                f"  {name:<8}{measured.queries:>4}{measured.cards:>7}{measured.right:>7}"
                f"{measured.coverage:>10.3f}{measured.precision:>11.3f}"
            )

        profiles = () if args.relevance_only else ((False, args.runs), (True, args.throttled_runs))
        for throttled, runs in profiles:
            profile = "Fast 3G + 4x CPU" if throttled else "loopback, no throttling"
            print(f"\n== Timing, {profile}, median of {runs} ==")
            for locale, query in (("en", "refund"), ("fr", "remboursement")):
                timing = time_engines(
                    browser, reference[locale], query, runs, throttled, locale=locale
                )
                if locale == "fr":
                    timing.update(
                        {
                            "material+static-i18n": time_engines(
                                browser, {"material": multi}, query, runs, throttled, "fr/", "fr"
                            )["material"]
                        }
                    )
                print_timing(f"reference site, {locale} ({query!r})", timing)
            timing = time_engines(browser, generated, "kettle refund", runs, throttled)
            print_timing(f"generated locale, {args.articles} articles ('kettle refund')", timing)
        browser.close()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
