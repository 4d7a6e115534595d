"""Gzip copies of the site: written by the build, decompressed by the worker on any host."""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
from pathlib import Path

import pytest

from helpcentre.search import compression
from helpcentre.search.compression import gzip_bytes, precompress

from .sites import build, serve, write_site

RESULTS = ".md-search-result__list > li"

WORDS = (
    "colis commande livraison retour remboursement facture adresse paiement carte compte "
    "transporteur délai entrepôt douane échange taille couleur garantie réparation produit "
    "bouilloire théière couverture serviette tasse couteau grille-pain mixeur casserole"
).split()


def test_precompress_writes_current_siblings_of_text_files(tmp_path: Path) -> None:
    page = tmp_path / "fr" / "page one" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>colis</p>" * 100, "utf-8")
    style = tmp_path / "assets" / "site.css"
    style.parent.mkdir()
    style.write_text("body { color: red }\n" * 50, "utf-8")
    (tmp_path / "tiny.js").write_text("x=1", "utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG" + bytes(1000))
    assert precompress(tmp_path) == 2
    assert gzip.decompress(Path(f"{page}.gz").read_bytes()) == page.read_bytes()
    assert gzip.decompress(Path(f"{style}.gz").read_bytes()) == style.read_bytes()
    # Too small to be worth it, and not text.
    assert not (tmp_path / "tiny.js.gz").exists() and not (tmp_path / "photo.png.gz").exists()
    # A current sibling is kept; one older than its file is written again.
    assert precompress(tmp_path) == 0
    page.write_text("<p>retour</p>" * 100, "utf-8")
    stamp = Path(f"{page}.gz").stat().st_mtime_ns - 1_000_000_000
    os.utime(f"{page}.gz", ns=(stamp, stamp))
    assert precompress(tmp_path) == 1
    assert gzip.decompress(Path(f"{page}.gz").read_bytes()) == page.read_bytes()


def test_a_large_site_is_compressed_by_processes_on_every_cpu(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two CPUs, as on the build machine: the siblings are the ones one process writes.
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    rng = random.Random(3)
    pages = []
    for number in range(3 * compression.PATHS_PER_TASK):
        page = tmp_path / f"section {number % 7}" / f"artículo-{number}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(" ".join(rng.choices(WORDS, k=400)), "utf-8")
        pages.append(page)
    assert precompress(tmp_path) == len(pages)
    for page in pages:
        data = page.read_bytes()
        assert Path(f"{page}.gz").read_bytes() == gzip_bytes(data, compression.SITE_LEVEL)
    assert precompress(tmp_path) == 0


def test_gzip_copies_are_the_same_on_every_build() -> None:
    assert gzip_bytes(b"colis " * 100) == gzip_bytes(b"colis " * 100)
    assert len(gzip_bytes(b"colis " * 100)) < 100


def large_locale(count: int = 120) -> dict[str, str]:
    """French articles with enough text and distinct words that postings and texts go in shards
    and chunks (a catalogue's long tail of product names does that to a real help centre)."""
    rng = random.Random(17)
    syllables = "ka lo mi ra ve sun dor ta li no vek zar bel tor fen ris ul mar".split()
    names = sorted({"".join(rng.sample(syllables, 3)) for _ in range(4000)})
    pages = {"index.md": "# Centre d'aide\n\nBienvenue.\n"}
    for number in range(count):
        body = "\n\n".join(
            " ".join(rng.choice(WORDS if rng.random() < 0.3 else names) for _ in range(100))
            + f" référence{number}x{paragraph}."
            for paragraph in range(6)
        )
        pages[f"orders/article-{number:03d}.md"] = (
            f"---\ntitle: Colis {rng.choice(WORDS)} {number}\n---\n\n{body}\n"
        )
    return pages


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("site-sharded")
    done = build(write_site(base, "fr", articles=large_locale()))
    assert done.returncode == 0, done.stderr
    site = base / "site" / "fr"
    index = json.loads((site / "search/helpcentre-index.json").read_text("utf-8"))
    assert "url" in index["postings"] and "url" in index["text"]  # not inline
    return site


def test_build_writes_gzip_copies_of_search_files_and_pages(sharded_site: Path) -> None:
    search = [
        sharded_site / "search/helpcentre-index.json",
        sharded_site / "assets/javascripts/helpcentre/search-libs.js",
        *sorted((sharded_site / "search/helpcentre-postings").glob("*.json")),
        *sorted((sharded_site / "search/helpcentre-text").glob("*.json")),
    ]
    pages = [sharded_site / "index.html", sharded_site / "orders/article-001/index.html"]
    for path in [*search, *pages, sharded_site / "sitemap.xml"]:
        copy = Path(f"{path}.gz")
        assert gzip.decompress(copy.read_bytes()) == path.read_bytes(), path
    index = sharded_site / "search/helpcentre-index.json"
    assert Path(f"{index}.gz").stat().st_size < index.stat().st_size / 2


def test_precompress_off_keeps_the_search_copies_only(tmp_path: Path) -> None:
    mkdocs_yml = write_site(tmp_path, "fr")
    config = json.loads(mkdocs_yml.read_text("utf-8"))
    config["plugins"][1] = {"helpcentre/search": {"precompress": False}}
    mkdocs_yml.write_text(json.dumps(config), "utf-8")
    done = build(mkdocs_yml)
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site" / "fr"
    assert (site / "search/helpcentre-index.json.gz").is_file()
    assert (site / "assets/javascripts/helpcentre/search-libs.js.gz").is_file()
    assert not (site / "index.html.gz").exists()
    assert not list(site.rglob("*.css.gz"))


def search_and_wait(page, query: str, first_ends: str = " 7") -> list[str]:  # noqa: ANN001
    """Type ``query``; the result titles once the first ends with ``first_ends``. Each keystroke
    is a query of its own: the results of a shorter one may be on screen for a moment."""
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.type(query, delay=10)
    box.press("End")
    page.wait_for_function(
        """([selector, ending]) => {
          const first = document.querySelector(selector + " article h1")
          return first !== null && first.textContent.trim().endsWith(ending)
        }""",
        arg=[RESULTS, first_ends],
        timeout=10_000,
    )
    return page.locator(f"{RESULTS} article h1").all_inner_texts()


@pytest.mark.browser
@pytest.mark.parametrize("gzip_encoded", [False, True], ids=["plain-host", "encoding-host"])
def test_worker_fetches_and_decompresses_the_copies(page, sharded_site, gzip_encoded) -> None:  # noqa: ANN001
    sizes: dict[str, int] = {}
    page.on(
        "requestfinished",
        lambda request: sizes.__setitem__(request.url, request.sizes()["responseBodySize"]),
    )
    with serve(sharded_site, gzip_encoded=gzip_encoded) as (url, _):
        page.goto(url)
        titles = search_and_wait(page, "référence7x3")
        assert titles[0].endswith(" 7"), titles
        page.wait_for_selector(f"{RESULTS} article p mark", timeout=10_000)
    fetched = [u.removeprefix(url) for u in sizes]
    assert "search/helpcentre-index.json.gz" in fetched
    assert "assets/javascripts/helpcentre/search-libs.js.gz" in fetched
    assert any(u.startswith("search/helpcentre-postings/") for u in fetched), fetched
    assert any(u.startswith("search/helpcentre-text/") for u in fetched), fetched
    assert all(u.endswith(".json.gz") for u in fetched if u.startswith("search/helpcentre-"))
    # What went over the wire is the copy's size, whatever the host says about it.
    copy = sharded_site / "search/helpcentre-index.json.gz"
    assert sizes[url + "search/helpcentre-index.json.gz"] == copy.stat().st_size


@pytest.mark.browser
@pytest.mark.parametrize("copies", ["missing", "truncated"])
def test_worker_loads_plain_files_where_copies_are_unusable(
    page,  # noqa: ANN001
    tmp_path: Path,
    sharded_site: Path,
    copies: str,
) -> None:
    site = tmp_path / "site"
    shutil.copytree(sharded_site, site)
    for copy in site.rglob("*.gz"):
        if copies == "missing":
            copy.unlink()
        else:
            # A gzip header and half the stream: decompressing fails after it has begun.
            data = copy.read_bytes()
            copy.write_bytes(data[: len(data) // 2])
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with serve(site) as (url, _):
        page.goto(url)
        assert search_and_wait(page, "référence7x3")[0].endswith(" 7")
    assert url + "search/helpcentre-index.json" in requests
    assert url + "assets/javascripts/helpcentre/search-libs.js" in requests


ASK_WITHOUT_DECOMPRESSION = """async (url) => {
  const source = "delete self.DecompressionStream;self.helpcentreWorkerUrl=" +
    JSON.stringify(url) + ";importScripts(" + JSON.stringify(url.split("?")[0]) + ")"
  const worker = new Worker(URL.createObjectURL(new Blob([source])))
  return await new Promise(resolve => {
    worker.onmessage = event => {
      if (event.data.type === 3) resolve(event.data.data.items.map(group => group[0].location))
    }
    worker.postMessage({ type: 2, data: "référence7x3" })
  })
}"""


@pytest.mark.browser
def test_worker_without_decompression_stream_loads_plain_files(page, sharded_site) -> None:  # noqa: ANN001
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with serve(sharded_site) as (url, _):
        # A page of the site's origin without the theme, whose own worker would fetch too.
        (sharded_site / "blank.html").write_text("<!doctype html><title>blank</title>", "utf-8")
        page.goto(url + "blank.html")
        worker = url + "assets/javascripts/helpcentre/search-worker.js?lang=fr"
        locations = page.evaluate(ASK_WITHOUT_DECOMPRESSION, worker)
    assert locations and locations[0].startswith("orders/article-007/")
    assert url + "search/helpcentre-index.json" in requests
    assert not any(u.endswith(".gz") for u in requests if "/search/" in u or "-libs" in u)
