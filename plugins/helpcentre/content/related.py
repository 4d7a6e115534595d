"""Related articles: what a reader may want to read after an article.

Candidates are ranked by three criteria, in this order: being in the same section, the number of
tags they share with the article, then the similarity of their text (cosine of term-frequency
vectors over title, description and body). A candidate with none of the three is not related.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")

#: Words too common to say that two articles are about the same thing (English; other languages
#: rely on the tag and section criteria first and on the rarity weighting below).
_COMMON = frozenset(
    "a an and are as at be by can do for from have how i if in is it my of on or our the this to "
    "we what when where which will with you your".split()
)


@dataclass(frozen=True)
class RelatedInput:
    """What related-article ranking needs to know about one article.

    Attributes:
        page_id: Stable id (path without ``.md``).
        section: ``category/section`` (an empty section never matches).
        tags: Front matter tags.
        text: Title, description and body as plain text.
    """

    page_id: str
    section: str
    tags: frozenset[str]
    text: str


def terms(text: str) -> Counter[str]:
    """Term frequencies of a text: lower-cased words; CJK text as character bigrams."""
    counts: Counter[str] = Counter()
    for word in _WORD.findall(text.casefold()):
        if _CJK.search(word):
            chars = [c for c in word if _CJK.match(c)]
            counts.update(a + b for a, b in zip(chars, chars[1:], strict=False))
            continue
        if len(word) > 1 and word not in _COMMON and not word.isdigit():
            counts[word] += 1
    return counts


def _weighted(
    counts: Counter[str], document_frequency: Counter[str], total: int
) -> dict[str, float]:
    return {
        term: count * math.log((1 + total) / (1 + document_frequency[term]))
        for term, count in counts.items()
    }


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(weight * b.get(term, 0.0) for term, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def related_articles(
    target: RelatedInput,
    candidates: Iterable[RelatedInput],
    *,
    limit: int = 5,
    min_similarity: float = 0.05,
) -> list[str]:
    """Rank ``candidates`` by relation to ``target``.

    Args:
        target: The article being read.
        candidates: The locale's articles (``target`` itself is ignored if present).
        limit: At most this many ids are returned.
        min_similarity: Text similarity below which a candidate without a shared section or tag
            is not related at all.

    Returns:
        Page ids, most related first: same section first, then more shared tags, then higher
        text similarity; ties by page id so that builds are reproducible.
    """
    pool = [c for c in candidates if c.page_id != target.page_id]
    vectors = {c.page_id: terms(c.text) for c in pool}
    own = terms(target.text)
    frequency: Counter[str] = Counter()
    for counts in (own, *vectors.values()):
        frequency.update(counts.keys())
    total = len(pool) + 1
    own_weighted = _weighted(own, frequency, total)
    ranked: list[tuple[tuple[int, int, float], str]] = []
    for candidate in pool:
        same_section = int(bool(target.section) and candidate.section == target.section)
        shared = len(target.tags & candidate.tags)
        similarity = _cosine(own_weighted, _weighted(vectors[candidate.page_id], frequency, total))
        if not same_section and not shared and similarity < min_similarity:
            continue
        ranked.append(((same_section, shared, similarity), candidate.page_id))
    ranked.sort(key=lambda item: (-item[0][0], -item[0][1], -item[0][2], item[1]))
    return [page_id for _, page_id in ranked[:limit]]
