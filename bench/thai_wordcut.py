"""Speed of the build's Thai word cutting against lunr.th's own ``wordcut`` in node.

The build cuts every Thai chunk of a site with the Python twin of ``wordcut``
(``helpcentre.search.thai_wordcut``); the anchor is ``lunr.wordcut.cut`` from Material's
``wordcut.js``, run by node in the same run over the same text: the test-suite's help-centre
sample, repeated. Printed: words per second of each, the ratio, and what the analyser's
per-chunk cache leaves to cut on a site that repeats its vocabulary.

    python bench/thai_wordcut.py                 # the sample 20 times
    python bench/thai_wordcut.py --repeat 5
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from browser_code import run_in_node  # noqa: E402
from helpcentre.search.languages import (  # noqa: E402
    SEPARATOR,
    analyzer,
    material_lunr_dir,
    thai_wordcut,
)
from helpcentre.search.thai_wordcut import ThaiWordcut, dictionary_words  # noqa: E402

SAMPLE = HERE.parent / "tests" / "search" / "samples" / "th-help-centre.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the sample")
    args = parser.parse_args()
    text = SAMPLE.read_text("utf-8")

    start = time.perf_counter()
    cutter = ThaiWordcut(dictionary_words((material_lunr_dir() / "wordcut.js").read_text("utf-8")))
    loaded = time.perf_counter() - start
    words = len(cutter.cut(text))

    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        cutter.cut(text)
        best = min(best, time.perf_counter() - start)
    node = run_in_node({"mode": "wordcut", "locale": "th", "texts": [text], "repeat": args.repeat})
    node_s = node["ms"] / 1000

    chunks = [chunk for chunk in re.split(SEPARATOR, text) if chunk]
    rules = analyzer("th")
    thai_wordcut()  # the dictionary, loaded once per build
    passes = []
    for _ in range(2):
        start = time.perf_counter()
        rules.words(text)
        passes.append(time.perf_counter() - start)

    print(f"sample: {len(text)} characters, {words} pieces, {len(chunks)} chunks")
    print(f"dictionary: {cutter.size} words, loaded in {loaded * 1000:.0f} ms")
    print(f"python twin: {words / best:,.0f} words/s ({best * 1000:.1f} ms per sample)")
    print(f"lunr.wordcut (node, anchor): {words / node_s:,.0f} words/s ({node['ms']:.1f} ms)")
    print(f"ratio python/node time: {best / node_s:.1f}x")
    print(
        f"analyser over the sample: {passes[0] * 1000:.1f} ms with the chunk cache cold, "
        f"{passes[1] * 1000:.2f} ms warm"
    )


if __name__ == "__main__":
    main()
