"""Assemble the search worker of a locale build into one script.

Under a slow network each script a worker imports costs a round trip, one after the other; the
worker therefore ships as a single file: lunr.js, the locale's lunr-languages files (read from
the installed Material package at build time, never copied into the repository) and
``search-core.js``, inlined at the worker's ``helpcentre:libraries`` marker. lunr.js is read from
the theme's source map with its comments (a hundred kilobytes); it is minified on the way, which
only removes comments and spaces, so the browser runs the code the test-suite runs in node.
"""

from __future__ import annotations

import re
from importlib.resources import files

from rjsmin import jsmin

from helpcentre.search.languages import analyzer, lunr_js_source, material_lunr_dir

MARKER = "/* helpcentre:libraries */"


def worker_libraries(locale: str) -> list[str]:
    """Sources the worker needs for ``locale``, in load order."""
    language = analyzer(locale).language
    sources = [jsmin(lunr_js_source())]
    lunr_dir = material_lunr_dir()
    if language != "en":
        sources.append((lunr_dir / "min" / "lunr.stemmer.support.min.js").read_text("utf-8"))
        if language == "ja":
            sources.append((lunr_dir / "tinyseg.js").read_text("utf-8"))
        sources.append((lunr_dir / "min" / f"lunr.{language}.min.js").read_text("utf-8"))
    sources.append((files("helpcentre.search") / "assets" / "search-core.js").read_text("utf-8"))
    return sources


def bundle_worker(worker_source: str, locale: str) -> str:
    """Return the worker with its libraries inlined at the marker.

    Raises:
        ValueError: if the worker source has no marker.
    """
    if MARKER not in worker_source:
        raise ValueError(f"search worker has no {MARKER} marker")
    # Each library is wrapped so that a missing trailing semicolon cannot join two statements;
    # `this` stays the worker's global scope, which the libraries' loaders expect.
    inlined = "\n".join(
        f";(function () {{\n{source}\n}}).call(self);" for source in worker_libraries(locale)
    )
    head, tail = worker_source.split(MARKER, 1)
    # Sourcemap comments of the inlined files would point at the wrong place.
    inlined = re.sub(r"^//# sourceMappingURL=.*$", "", inlined, flags=re.MULTILINE)
    return head + inlined + "\n" + tail
