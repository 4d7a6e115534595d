"""Scale benchmark: one locale of 1,000 and of 10,000 generated articles.

Run: ``.venv/bin/python bench/scale.py [--sizes 1000 10000] [--runs 3] [--no-browser]
[--without FEATURE ...] [--keep] [--reuse FOLDER]``

Per size, the locale (``bench/articles.py``: the reference articles' English recombined, 400 to
1,200 words an article, a product catalogue for the long tail of terms, sections of 25 articles)
is built with Material, helpcentre's search and helpcentre/i18n (one locale), in a subprocess:
wall time, CPU time and peak memory (RSS of the process tree) of the build, and the time
writing the ``.gz`` copies of the pages takes (``precompress``). Growth from the smallest to the
largest size is printed beside the growth of the article count: at most linear is a ratio of at
most 1.0. So is the mean size of a page: a page that links to a share of all pages (the theme's
``navigation.sections`` expands every section of the page's category) makes the bytes written
and compressed grow with the square of the site; ``--without navigation.sections`` measures the
build without it. CPU time is the steadier figure on a shared machine.

``--keep`` keeps the built sites; ``--reuse FOLDER`` times the browsers on the sites kept there
without building them again.

At the largest size, the same articles are also built without search and indexed by Pagefind
(1.6 from npm, see ``bench/search.py``), at the top of the Material home page and on its own
page, and first results, search bytes per visit and follow-up latency are timed on the
plain static server (no compression), loopback and Fast 3G + 4x CPU; on the throttled profile
it also checks that helpcentre's result titles show before their excerpts.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import search as search_bench  # noqa: E402
from articles import generate_locale  # noqa: E402
from build import measure  # noqa: E402
from helpcentre.search.compression import precompress  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def write_project(
    project: Path, articles: int, without: tuple[str, ...] = (), *, search: bool = True
) -> None:
    """A one-locale help centre of ``articles`` generated articles, built with helpcentre, with
    the help centre's theme features but those in ``without``; with no search at all (for
    Pagefind) unless ``search``."""
    generate_locale(project / "docs" / "en", "en", articles)
    config = {
        "site_name": "Help centre",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {
            "name": "material",
            "language": "en",
            "font": False,
            "features": [name for name in search_bench.theme_features() if name not in without],
        },
        "markdown_extensions": ["attr_list", "admonition", "toc"],
        # helpcentre/i18n renders each navigation branch once per folder (navigation_cache): with
        # the theme alone, every page renders the navigation again, which grows with the site.
        "plugins": [
            *(["search", "helpcentre/search"] if search else []),
            {"helpcentre/i18n": {"default_locale": "en", "locales": [{"locale": "en"}]}},
        ],
    }
    (project / "mkdocs.yml").write_text(json.dumps(config), "utf-8")


def precompress_seconds(site: Path) -> float:
    """Time ``precompress`` takes on the built site, the search files' own copies aside."""
    for copy in site.rglob("*.gz"):
        if "/search/" not in str(copy) and not copy.name.startswith("search-libs"):
            copy.unlink()
    start = time.perf_counter()
    precompress(site)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="timed visits per engine")
    parser.add_argument("--throttled-runs", type=int, default=1)
    parser.add_argument("--no-browser", action="store_true", help="builds only")
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    parser.add_argument(
        "--without",
        nargs="+",
        default=[],
        metavar="FEATURE",
        help="theme features to leave out, to measure their cost (e.g. navigation.sections)",
    )
    parser.add_argument(
        "--reuse",
        type=Path,
        metavar="FOLDER",
        help="the folder of an earlier run with --keep: sites built there are not built again",
    )
    args = parser.parse_args(argv)
    work = args.reuse or Path(tempfile.mkdtemp(prefix="scale-bench-"))
    print(f"building in {work} ...", flush=True)

    rows = []
    for size in sorted(args.sizes):
        project = work / str(size)
        if args.reuse and (project / "site" / "en" / "index.html").is_file():
            print(f"  reused the build of {size} articles", flush=True)
            continue
        write_project(project, size, tuple(args.without))
        wall, rss, _, cpu = measure(project)
        site = project / "site" / "en"
        index = site / "search" / "helpcentre-index.json"
        pages = [path.stat().st_size for path in site.rglob("*.html")]
        page_kb = sum(pages) / len(pages) / 1024
        rows.append((size, wall, cpu, rss, precompress_seconds(site), index, page_kb))
        print(
            f"  built {size} articles: {wall:.1f} s wall, {cpu:.1f} s CPU,"
            f" {rss / 2**20:.0f} MB peak RSS",
            flush=True,
        )

    if rows:
        print_builds(rows)
    if not args.no_browser:
        time_browsers(work, max(args.sizes), args)
    if not args.keep and not args.reuse:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def print_builds(rows: list[tuple]) -> None:
    """The build figures per size, and their growth from the smallest to the largest."""
    print("\n== Build, one locale (Material, helpcentre/search and helpcentre/i18n) ==")
    print(
        f"  {'articles':>9}{'wall':>9}{'CPU':>9}{'peak RSS':>11}{'gzip copies':>13}"
        f"{'index .gz':>11}{'s / 1k':>8}{'KB / page':>11}"
    )
    for size, wall, cpu, rss, gz, index, page_kb in rows:
        print(
            f"  {size:>9}{wall:>7.1f} s{cpu:>7.1f} s{rss / 2**20:>8.0f} MB{gz:>8.1f} s"
            f" ({gz / wall:.0%}){Path(f'{index}.gz').stat().st_size / 1024:>7.0f} KB"
            f"{wall / size * 1000:>8.1f}{page_kb:>11.0f}"
        )
    (small, *_), (large, *_) = rows[0], rows[-1]
    growth = large / small
    for name, position in (("wall time", 1), ("CPU time", 2), ("peak RSS", 3)):
        ratio = rows[-1][position] / rows[0][position]
        print(
            f"  {name}: x{ratio:.2f} for x{growth:.0f} articles"
            f" (growth / linear = {ratio / growth:.2f})"
        )
    # A page carrying links to a share of all pages makes the build grow with the square.
    print(f"  page size: x{rows[-1][6] / rows[0][6]:.2f} (a constant size is x1.00)")


def time_browsers(work: Path, size: int, args: argparse.Namespace) -> None:
    """First results and search bytes of helpcentre and Pagefind on ``size`` articles."""
    docs = work / str(size) / "docs" / "en"
    search_bench.PAGEFIND[:], version = search_bench.pagefind_command(work)
    # The same pages without search, built through helpcentre/i18n as ours are (its navigation
    # cache leaves the pages as the theme writes them, and keeps a build of 10,000 in minutes).
    project = work / f"pagefind-{size}"
    pagefind = project / "site" / "en"
    if not (pagefind / "pagefind").is_dir():
        shutil.copytree(docs, project / "docs" / "en", dirs_exist_ok=True)
        write_project(project, 0, tuple(args.without), search=False)
        measure(project)
        start = time.perf_counter()
        search_bench.run_pagefind(pagefind, "en")
        print(f"\n{version}: indexed {size} articles in {time.perf_counter() - start:.1f} s")
        search_bench.embed_pagefind(pagefind / "index.html")
    sites = {
        "helpcentre": work / str(size) / "site" / "en",
        "pagefind": pagefind,
        search_bench.PAGEFIND_IN_MATERIAL: pagefind,
    }
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=search_bench.CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu"],
        )
        for throttled, runs in ((False, args.runs), (True, args.throttled_runs)):
            if not runs:
                continue
            profile = "Fast 3G + 4x CPU" if throttled else "loopback, no throttling"
            timing = search_bench.time_engines(
                browser, sites, "kettle refund", runs, throttled, "en", "plain"
            )
            search_bench.print_timing(
                f"{size} articles, plain server, {profile}, median of {runs}", timing
            )
        if args.throttled_runs:
            print_titles_first(browser, sites["helpcentre"])
        browser.close()


TITLES_THEN_EXCERPTS = (
    """async (query) => {
  const box = document.querySelector("input[data-md-component=search-query]")
  const start = performance.now()
  let titles = null, excerpts = null
"""
    + search_bench.TYPE_QUERY
    + """  return await new Promise(resolve => {
    const check = () => {
      const list = document.querySelector(".md-search-result__list")
      if (titles === null && list.querySelector("li article h1")) titles = performance.now()
      if (excerpts === null && list.querySelector("li article p"))
        excerpts = performance.now()
      if (titles !== null && excerpts !== null)
        return resolve([titles - start, excerpts - start])
      if (performance.now() - start > 60000) return resolve([titles, excerpts])
      requestAnimationFrame(check)
    }
    check()
  })
}"""
)


def print_titles_first(browser, site: Path) -> None:  # noqa: ANN001
    """On Fast 3G + 4x CPU: when the first result titles and the first excerpts render."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", search_bench.FAST_3G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    with search_bench.serve(site, "plain") as base:
        page.goto(base, wait_until="domcontentloaded", timeout=180_000)
        titles, excerpts = page.evaluate(TITLES_THEN_EXCERPTS, "kettle refund")
    context.close()
    print(
        f"  helpcentre, Fast 3G + 4x CPU, after typing: titles at {titles:.0f} ms,"
        f" excerpts at {excerpts:.0f} ms ({'titles first' if titles < excerpts else 'together'})"
    )


if __name__ == "__main__":
    sys.exit(main())
