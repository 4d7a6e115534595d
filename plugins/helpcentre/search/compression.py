"""Gzip copies of a site's text files, for any host.

Two readers use them. The search worker fetches the ``.gz`` copy of each search file (index,
postings shards, text chunks, libraries) and decompresses it itself with the browser's
``DecompressionStream``, so that search stays small on a host that compresses nothing (a bare
static server, an object store). And a host that serves precompressed files (nginx
``gzip_static``, Caddy ``precompressed gzip``, a CDN in front of an object store holding the
``.gz`` objects) sends the ``.gz`` sibling of any page, script or stylesheet to a browser that
accepts gzip, with no compression work per request.

Only gzip: it is what ``DecompressionStream`` reads in every current browser, and what every
precompressing server serves. Brotli would save about a sixth more on text, but its useful
quality levels cost tens of times gzip's time on a large site, and no browser decompresses it in
a worker.
"""

from __future__ import annotations

import gzip
import multiprocessing
import os
from collections.abc import Iterable
from functools import partial
from pathlib import Path

#: Suffixes of the text files that get a ``.gz`` sibling.
TEXT_SUFFIXES = frozenset({".html", ".js", ".css", ".json", ".xml", ".svg", ".txt", ".map"})

#: Files smaller than this are not worth a sibling: a response's headers weigh about as much.
MIN_BYTES = 256

#: zlib level of the copies: 9 is a few per cent smaller than 6 for about twice the time, which
#: the search files (fetched on every visit) are worth; pages and assets use 6.
SEARCH_LEVEL = 9
SITE_LEVEL = 6

#: Files per task of a compressing process: enough that handing them out costs little.
PATHS_PER_TASK = 64


def gzip_bytes(data: bytes, level: int = SEARCH_LEVEL) -> bytes:
    """``data`` gzip-compressed, byte for byte the same on every build (no time stamp)."""
    return gzip.compress(data, compresslevel=level, mtime=0)


def write_with_gzip(path: Path, text: str, level: int = SEARCH_LEVEL) -> None:
    """Write ``text`` to ``path`` (UTF-8) and its gzip copy to ``path.gz``."""
    data = text.encode("utf-8")
    path.write_bytes(data)
    Path(f"{path}.gz").write_bytes(gzip_bytes(data, level))


def text_files(folder: Path, suffixes: Iterable[str] = TEXT_SUFFIXES) -> Iterable[Path]:
    """Text files under ``folder`` (any depth) by suffix, in no particular order."""
    wanted = frozenset(suffixes)
    for directory, _, names in os.walk(folder):
        for name in names:
            if os.path.splitext(name)[1] in wanted:
                yield Path(directory, name)


def _write_sibling(path: str, level: int = SITE_LEVEL) -> None:
    Path(f"{path}.gz").write_bytes(gzip_bytes(Path(path).read_bytes(), level))


def _compress_all(paths: list[str], level: int) -> None:
    """Write the siblings of ``paths`` on every CPU when that pays for starting processes.

    Compression is most of the time: one process per CPU, each reading its files and writing
    their siblings itself, so no page crosses a process boundary. A worker process of a
    multi-locale build stays serial (its siblings already use the other CPUs, and a daemonic
    process may not start children); so does a small site, where starting processes would cost
    more than it saves.
    """
    workers = min(os.cpu_count() or 1, 8, len(paths) // PATHS_PER_TASK)
    if workers < 2 or multiprocessing.current_process().daemon:
        for path in paths:
            _write_sibling(path, level)
        return
    # Spawned, not forked: a fork of a large build would count (and, once the garbage collector
    # touches its objects, copy) the build's memory again, and is unsafe under mkdocs serve's
    # threads. A spawned process imports this module only.
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        tasks = pool.imap_unordered(
            partial(_write_sibling, level=level), paths, chunksize=PATHS_PER_TASK
        )
        for _ in tasks:
            pass


def precompress(folder: Path, level: int = SITE_LEVEL) -> int:
    """Write a ``.gz`` sibling of every text file under ``folder`` that lacks a current one.

    A sibling at least as new as its file is kept, so that the search files (written with their
    copies) and the locale folders of a multilingual build (compressed by their own build) are
    not compressed twice.

    Returns:
        How many siblings were written.
    """
    stale: list[str] = []
    for path in text_files(folder):
        stat = path.stat()
        if stat.st_size < MIN_BYTES:
            continue
        try:
            if os.stat(f"{path}.gz").st_mtime_ns >= stat.st_mtime_ns:
                continue
        except FileNotFoundError:
            pass
        stale.append(str(path))
    _compress_all(stale, level)
    return len(stale)
