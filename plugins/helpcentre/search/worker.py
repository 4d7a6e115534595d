"""Assemble the search worker of a locale build: a small script and one file of libraries.

The worker's first statement starts the index download (or waits for the bytes the page that
started it fetched, see ``search-prewarm.html``); everything before it delays the first
results. The worker script is therefore small, and the libraries -- lunr.js, the locale's
lunr-languages files (read from the installed Material package at build time, never copied into
the repository) and ``search-core.js`` -- come as one more file, ``search-libs.js``, imported at
the worker's ``helpcentre:libraries`` marker while the index downloads. The worker fetches the
file's gzip copy and runs it from a blob: URL (see ``script`` in ``search-worker.js``). lunr.js
is read from the theme's source map with its comments (a hundred kilobytes); it is minified on
the way, as ``search-core.js`` and the worker are, which only removes comments and spaces, so
the browser runs the code the test-suite runs in node.
"""

from __future__ import annotations

import re
from importlib.resources import files

from rjsmin import jsmin

from helpcentre.search.languages import WORDCUT, analyzer, lunr_js_source, material_lunr_dir

MARKER = "/* helpcentre:libraries */"
#: Where the unbuilt worker's way of importing the libraries one by one ends.
END_MARKER = "/* helpcentre:libraries-end"

#: The libraries' file, next to the worker.
LIBRARIES_FILE = "search-libs.js"


def worker_libraries(locale: str) -> list[str]:
    """Sources the worker needs for ``locale``, in load order."""
    rules = analyzer(locale)
    language = rules.language
    sources = [jsmin(lunr_js_source())]
    lunr_dir = material_lunr_dir()
    # The generic rules are search-core.js's own; only a language with rules has files to load.
    if language != "en" and not rules.generic:
        sources.append((lunr_dir / "min" / "lunr.stemmer.support.min.js").read_text("utf-8"))
        if language == "ja":
            sources.append((lunr_dir / "tinyseg.js").read_text("utf-8"))
        if language in WORDCUT:
            sources.append((lunr_dir / "wordcut.js").read_text("utf-8"))
        sources.append((lunr_dir / "min" / f"lunr.{language}.min.js").read_text("utf-8"))
        if language == "tr":
            # Turkish's own rules around lunr.tr's (turkish.py), for Turkish alone.
            turkish = files("helpcentre.search") / "assets" / "search-turkish.js"
            sources.append(jsmin(turkish.read_text("utf-8")))
    # search-core.js too loses only its comments and spaces: the code the test-suite runs.
    core = files("helpcentre.search") / "assets" / "search-core.js"
    sources.append(jsmin(core.read_text("utf-8")))
    return sources


def bundle_worker(worker_source: str, locale: str) -> tuple[str, str]:
    """Return the worker, importing its libraries at the marker, and the libraries' script.

    Raises:
        ValueError: if the worker source has no marker.
    """
    if MARKER not in worker_source:
        raise ValueError(f"search worker has no {MARKER} marker")
    # Each library is wrapped so that a missing trailing semicolon cannot join two statements;
    # `this` stays the worker's global scope, which the libraries' loaders expect.
    libraries = "\n".join(
        f";(function () {{\n{source}\n}}).call(self);" for source in worker_libraries(locale)
    )
    # Sourcemap comments of the inlined files would point at the wrong place.
    libraries = re.sub(r"^//# sourceMappingURL=.*$", "", libraries, flags=re.MULTILINE)
    head, tail = worker_source.split(MARKER, 1)
    if END_MARKER in tail:
        # The built worker imports the libraries' file: the unbuilt way is dead code there.
        tail = tail.split(END_MARKER, 1)[1].split("*/", 1)[1]
    load = f'libraries = script(new URL("{LIBRARIES_FILE}", here).href)\n'
    # Minified too (comments and spaces only): the page fetches the worker as it is, on hosts
    # that do not compress it as well.
    return jsmin(f"{head}{load}{tail}"), libraries
