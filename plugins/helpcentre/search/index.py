"""Build a locale's search index at build time, in the form the browser loads directly.

Input: the search documents Material's search plugin prepares (one per page and per section:
``location``, ``title``, ``text`` with light HTML, optional ``tags``). Output: one JSON payload with
the documents to display, a lunr index serialised by lunr.py for ``lunr.Index.load`` in lunr.js, the
separator and the analysed synonym groups.

Terms are computed by :mod:`helpcentre.search.languages` and handed to lunr.py as ready lists, so
lunr.py's own pipeline (and its NLTK language support) is never involved. Documents are referenced
by their position in the list rather than by URL, which keeps the inverted index small.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from lunr.builder import Builder

from helpcentre.search.languages import SEPARATOR, analyzer

#: Format of the payload; the worker refuses other versions.
FORMAT = 1

#: Field weights: a word in a title or tag says more about a page than one in its body.
FIELD_BOOSTS = {"title": 5, "text": 1, "tags": 3}

_TAG = re.compile(r"<[^>]*>")


def plain_text(markup: str) -> str:
    """Text of the light HTML in Material's search documents, tags replaced by spaces."""
    return html.unescape(_TAG.sub(" ", markup or ""))


def _round(vector: list[Any]) -> list[Any]:
    # Alternating [term index, weight, ...]; four decimals keep ranking intact and the file small.
    return [value if i % 2 == 0 else round(value, 4) for i, value in enumerate(vector)]


def build_index(
    documents: Iterable[Mapping[str, Any]],
    locale: str,
    synonyms: list[list[list[str]]] | None = None,
) -> dict[str, Any]:
    """Return the payload the search worker loads for ``locale``.

    Args:
        documents: search documents (``location``, ``title``, ``text``, optional ``tags``).
        locale: the build's locale, e.g. ``fr``; decides tokenising, stop words and stemming.
        synonyms: analysed synonym groups from :func:`helpcentre.search.synonyms.synonym_terms`.

    Raises:
        helpcentre.search.languages.LanguageError: for a locale without search rules.
    """
    rules = analyzer(locale)
    documents = list(documents)
    docs: list[dict[str, Any]] = []
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("ref")
    # A field no document uses would still cost an empty vector per document.
    fields = [
        name for name in FIELD_BOOSTS if name != "tags" or any(d.get("tags") for d in documents)
    ]
    for name in fields:
        builder.field(name, boost=FIELD_BOOSTS[name])
    for number, document in enumerate(documents):
        doc = {"location": document["location"], "title": document.get("title", "")}
        doc["text"] = document.get("text", "")
        if document.get("tags"):
            doc["tags"] = list(document["tags"])
        docs.append(doc)
        fields_terms = {
            "ref": str(number),
            "title": rules.terms(plain_text(doc["title"])),
            "text": rules.terms(plain_text(doc["text"])),
            "tags": [term for tag in doc.get("tags", []) for term in rules.terms(tag)],
        }
        builder.add(
            {
                name: value
                for name, value in fields_terms.items()
                if name == "ref" or name in fields
            },
            attributes={"boost": document["boost"]} if document.get("boost") else None,
        )
    serialised = builder.build().serialize()
    serialised["fieldVectors"] = [
        [ref, _round(vector)] for ref, vector in serialised["fieldVectors"]
    ]
    return {
        "format": FORMAT,
        "locale": locale,
        "separator": SEPARATOR,
        "synonyms": synonyms or [],
        "docs": docs,
        "index": serialised,
    }


def dump_index(payload: Mapping[str, Any]) -> str:
    """Serialise the payload compactly (no spaces; the server compresses it)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
