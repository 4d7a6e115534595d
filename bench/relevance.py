"""Relevance of the search on a labelled query set: MRR@10 and success@3.

The query file (``bench/search_queries.yml``) lists ``{locale, kind, query, answers}`` where answers
are article ids: the path inside the locale folder without ``.md`` (``orders/track-your-order``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

KINDS = {"inflection", "synonym", "typo", "question", "keyword", "symptom", "accents"}


class QueryFileError(ValueError):
    """The query file is malformed; the message names file and entry."""


@dataclass(frozen=True)
class LabelledQuery:
    """One reader's query and the articles that answer it."""

    locale: str
    kind: str
    query: str
    answers: tuple[str, ...]


def load_queries(path: Path) -> list[LabelledQuery]:
    """Read and check a labelled query file.

    Raises:
        QueryFileError: naming the entry (1-based) and what is wrong.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise QueryFileError(f"{path}: expected a list of queries")
    queries = []
    for number, entry in enumerate(data, start=1):
        where = f"{path}: entry {number}"
        if not isinstance(entry, dict) or not {"locale", "query", "answers"} <= set(entry):
            raise QueryFileError(f"{where}: needs locale, query and answers")
        kind = entry.get("kind", "keyword")
        if kind not in KINDS:
            raise QueryFileError(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
        answers = tuple(entry["answers"])
        if not answers or any(a.endswith(".md") or a.startswith("/") for a in answers):
            raise QueryFileError(f"{where}: answers are ids like 'orders/track-your-order'")
        queries.append(LabelledQuery(entry["locale"], kind, str(entry["query"]), answers))
    return queries


def article_id(location: str) -> str:
    """Article id of a site location: ``orders/a/#x`` gives ``orders/a``."""
    path = location.split("#")[0].strip("/")
    return path.removesuffix(".html").removesuffix("/index") or "index"


def reciprocal_rank(ranked: Sequence[str], answers: Iterable[str], depth: int = 10) -> float:
    """1/rank of the first answer among the first ``depth`` results, else 0."""
    wanted = set(answers)
    for rank, location in enumerate(ranked[:depth], start=1):
        if article_id(location) in wanted:
            return 1.0 / rank
    return 0.0


@dataclass(frozen=True)
class Relevance:
    """MRR@10 and success@3 over a number of queries."""

    queries: int
    mrr_at_10: float
    success_at_3: float


def relevance(rankings: Sequence[Sequence[str]], queries: Sequence[LabelledQuery]) -> Relevance:
    """Aggregate rankings (article locations, best first), one per labelled query."""
    if not queries:
        return Relevance(0, 0.0, 0.0)
    rr = [reciprocal_rank(r, q.answers) for r, q in zip(rankings, queries, strict=True)]
    success = [
        reciprocal_rank(r, q.answers, depth=3) > 0 for r, q in zip(rankings, queries, strict=True)
    ]
    return Relevance(len(queries), sum(rr) / len(rr), sum(success) / len(success))


def answerable(queries: Iterable[LabelledQuery], docs_root: Path) -> list[LabelledQuery]:
    """Queries whose answers all exist in ``docs_root/<locale>`` (translations may lag)."""
    return [
        q
        for q in queries
        if all((docs_root / q.locale / f"{answer}.md").is_file() for answer in q.answers)
    ]


def chosen_locales(value: str, known: Sequence[str]) -> tuple[str, ...]:
    """The locales a ``--locales a,b`` option asks for, in the order of ``known``.

    Args:
        value: Comma-separated locale codes, as typed on the command line.
        known: The locales the reference help centre ships.

    Returns:
        The asked locales, ordered as in ``known``.

    Raises:
        ValueError: A code is not in ``known``, or none is given; the message names them all.
    """
    asked = [code.strip() for code in value.split(",") if code.strip()]
    unknown = [code for code in asked if code not in known]
    if unknown or not asked:
        raise ValueError(
            f"--locales: unknown locale(s) {', '.join(unknown) or '(none given)'}; "
            f"choose among {', '.join(known)}"
        )
    return tuple(code for code in known if code in asked)


def build_locale_site(
    docs_dir: Path,
    locale: str,
    workdir: Path,
    *,
    search: str = "helpcentre",
    synonyms_file: str | None = None,
    features: list[str] | None = None,
) -> Path:
    """Build one locale with MkDocs (in a subprocess) and return its site folder.

    ``search`` is ``helpcentre`` (our index and worker), ``material`` (the theme's own search) or
    ``none`` (no search: a site that brings another search);
    ``features`` are the theme's features (``theme.features`` of ``mkdocs.yml``).
    """
    plugins: list[object] = [] if search == "none" else ["search"]
    theme: dict[str, object] = {
        "name": "material",
        "language": locale,
        "font": False,
        "features": list(features or []),
    }
    if search == "helpcentre":
        options: dict[str, str] = {}
        if synonyms_file:
            options["synonyms_file"] = synonyms_file
        plugins.append({"helpcentre/search": options})
    site = workdir / f"site-{search}-{locale}"
    config = {
        "site_name": "Help centre",
        "docs_dir": str(docs_dir.resolve()),
        "site_dir": str(site),
        "theme": theme,
        "markdown_extensions": ["attr_list", "admonition", "toc"],
        "plugins": plugins,
    }
    workdir.mkdir(parents=True, exist_ok=True)
    config_path = workdir / f"mkdocs-{search}-{locale}.yml"
    config_path.write_text(json.dumps(config), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_path)],
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    if done.returncode:
        raise RuntimeError(f"mkdocs build of {locale} failed:\n{done.stderr[-3000:]}")
    return site


@dataclass(frozen=True)
class CardMeasure:
    """How answer cards do on labelled queries.

    Attributes:
        queries: Labelled queries asked.
        cards: Queries that got a card.
        right: Cards whose article answers the query.
    """

    queries: int
    cards: int
    right: int

    @property
    def coverage(self) -> float:
        """Share of the queries that get a card."""
        return self.cards / self.queries if self.queries else 0.0

    @property
    def precision(self) -> float:
        """Share of the cards that answer their query (1.0 when no card was shown)."""
        return self.right / self.cards if self.cards else 1.0


def card_measure(
    cards: Sequence[dict[str, object] | None], queries: Sequence[LabelledQuery]
) -> CardMeasure:
    """Count the cards (``None``: no card) shown for labelled queries and the right ones."""
    shown = [(card, q) for card, q in zip(cards, queries, strict=True) if card]
    right = sum(article_id(str(card["article"])) in q.answers for card, q in shown)
    return CardMeasure(len(queries), len(shown), right)
