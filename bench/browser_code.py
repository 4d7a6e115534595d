"""Run the browser's search code (lunr.js, lunr-languages, ``search-core.js``) in node.

The test-suite uses it to check that the build and the browser analyse text the same way, and
to measure relevance with exactly the code readers run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib.resources import files
from pathlib import Path
from typing import Any

from helpcentre.search.languages import (
    SEPARATOR,
    WORDCUT,
    analyzer,
    lunr_js_source,
    material_lunr_dir,
)

ASSETS = Path(str(files("helpcentre.search") / "assets"))
DRIVER = Path(__file__).resolve().parent / "node_driver.js"


class NodeMissing(RuntimeError):
    """node is not installed."""


def run_in_node(request: dict[str, Any], timeout: float = 120) -> dict[str, Any]:
    """Send ``request`` to the node driver and return its answer.

    Raises:
        NodeMissing: if no ``node`` executable is on PATH.
        RuntimeError: if the driver fails, with its error output.
    """
    node = shutil.which("node")
    if not node:
        raise NodeMissing("node is not installed")
    payload = {
        "lunr_js": lunr_js_source(),
        "lunr_dir": str(material_lunr_dir()),
        "core": str(ASSETS / "search-core.js"),
        "separator": SEPARATOR,
        "generic": analyzer(request["locale"]).generic,
        "wordcut": analyzer(request["locale"]).language in WORDCUT,
        **request,
    }
    done = subprocess.run(
        [node, str(DRIVER)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"node driver failed: {done.stderr.strip()}")
    return json.loads(done.stdout)


def browser_terms(locale: str, texts: list[str]) -> list[list[str]]:
    """Index terms of each text as the browser computes them."""
    return run_in_node({"mode": "terms", "locale": locale, "texts": texts})["terms"]


def browser_tokens(locale: str, texts: list[str]) -> list[list[str]]:
    """Tokens of each text as the browser computes them: terms, and ``~word`` for the words the
    index leaves out."""
    return run_in_node({"mode": "terms", "locale": locale, "texts": texts})["tokens"]


def browser_wordcut(texts: list[str]) -> list[list[str]]:
    """Pieces of each text as ``lunr.wordcut.cut`` (lunr.th's tokenizer) cuts them."""
    return run_in_node({"mode": "wordcut", "locale": "th", "texts": texts})["pieces"]


def browser_ranks(locale: str, index_path: Path, queries: list[str]) -> list[list[str]]:
    """Article locations the browser ranks for each query, best first."""
    request = {"mode": "rank", "locale": locale, "index": str(index_path), "queries": queries}
    return run_in_node(request)["ranks"]


def browser_plans(locale: str, index_path: Path, queries: list[str]) -> dict[str, Any]:
    """How the browser plans each query (``plans``: per word its term, correction, whether it is
    filler, synonyms and lexicon terms) and the corrected query shown to readers
    (``corrections``, ``None`` when no word was corrected)."""
    request = {"mode": "plan", "locale": locale, "index": str(index_path), "queries": queries}
    return run_in_node(request)


def browser_cards(locale: str, index_path: Path, queries: list[str]) -> list[dict[str, Any] | None]:
    """The answer card the browser shows for each query (``None``: no card)."""
    request = {"mode": "cards", "locale": locale, "index": str(index_path), "queries": queries}
    return run_in_node(request)["cards"]
