"""Words the search must not take for typos: common words of the language near the site's own.

The browser corrects a word the index lacks to the nearest word it holds ("reciept" to "receipt",
``search-core.js``). A customer's word is often a real word the articles never use, and one edit
from a word they do: "daily" is not a typo of "daisy", nor "impossible" of "possible", nor German
"Tasse" (cup) of "Kasse". This module lists, per site and language, the frequent words of the
language (from ``wordfreq``'s frequency lists, which ship inside that package) that are within
the browser's correction distance of a word of the site's vocabulary; the worker leaves them as
they are. A word that differs from the site's only by its accents ("telephone" for
"téléphone") is no such word: restoring its accents is what the correction is for.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from functools import cache

from helpcentre.search.languages import analyzer, fold
from helpcentre.search.vocabulary import base_language

#: A word at least this frequent (Zipf scale: 3 is once per million words) is taken for meant.
#: Common misspellings ("adress", "recieve") are rarer than that in the lists.
MIN_ZIPF = 3.0
#: Shortest word the browser corrects (``correctionDistance`` in search-core.js).
SHORTEST_CORRECTED = 5
#: Length from which the browser corrects two edits instead of one.
TWO_EDITS_FROM = 9


def correction_distance(word: str) -> int:
    """Edits a misspelled word may be from its correction (as ``correctionDistance`` in the
    browser): none under five letters, one from five, two from nine."""
    if len(word) >= TWO_EDITS_FROM:
        return 2
    return 1 if len(word) >= SHORTEST_CORRECTED else 0


@cache
def frequent_words(locale: str) -> tuple[str, ...]:
    """The language's words of at least :data:`MIN_ZIPF`, most frequent first; none for a
    language ``wordfreq`` has no list for."""
    from wordfreq import available_languages, get_frequency_list

    language = base_language(locale)
    # wordfreq would answer for the "nearest" language it has (English for Swahili).
    if language not in available_languages():
        return ()
    buckets = get_frequency_list(language)
    # Bucket i holds the words of frequency 10^(-i/100), that is Zipf 9 - i/100.
    last = round((9 - MIN_ZIPF) * 100)
    return tuple(word for bucket in buckets[: last + 1] for word in bucket)


def _deletions(word: str, edits: int) -> set[str]:
    # The word with up to `edits` letters left out: two words within that many edits (optimal
    # string alignment) share one of these.
    found, frontier = {word}, {word}
    for _ in range(edits):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def edit_distance(a: str, b: str) -> int:
    """Edits (insertions, deletions, substitutions, transpositions of neighbours) from ``a`` to
    ``b``, as ``editDistance`` in the browser."""
    before, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        before, previous = previous, current
    return previous[len(b)]


def _inflection(word: str, other: str) -> bool:
    # Words that differ in their last two letters at most ("platby", "platba"): without a
    # stemmer (the generic rules), correcting one to the other is what matches them.
    stem = min(len(word), len(other)) - 2
    return stem >= 3 and word[:stem] == other[:stem]


def real_words_near(
    vocabulary: Iterable[str], terms: Container[str], locale: str, limit: int = 1000
) -> list[str]:
    """Frequent words of the locale's language that the browser would otherwise correct to a
    word of ``vocabulary``, most frequent first (at most ``limit``).

    Args:
        vocabulary: the words the browser corrects to (the articles', synonyms' and lexicon's).
        terms: the terms the browser knows (the index's, synonyms' and lexicon's): a word whose
            term is one of them, or a stop word, is never corrected and needs no listing.
        locale: the site's locale; its base language picks the frequency list and the rules.
        limit: words kept at most, the most frequent (the likeliest to be typed).
    """
    rules = analyzer(locale)
    own = {word for word in vocabulary if word}
    own_folded = {fold(word) for word in own}
    near: dict[str, list[str]] = {}
    for word in own:
        if len(word) >= SHORTEST_CORRECTED - 2:
            for key in _deletions(word, 2 if len(word) >= TWO_EDITS_FROM - 1 else 1):
                near.setdefault(key, []).append(word)
    found: list[str] = []
    for word in frequent_words(locale):
        edits = correction_distance(word)
        if not edits or word in own or not word.isalpha():
            continue
        candidates = {c for key in _deletions(word, edits) for c in near.get(key, ())}
        if not candidates:
            continue
        folded = fold(word)
        if folded in own_folded or not any(
            fold(c) != folded
            and edit_distance(word, c) <= edits
            and not (rules.generic and _inflection(word, c))
            for c in sorted(candidates)
        ):
            continue
        term = rules.term(word)
        if term is not None and term not in terms:
            found.append(word)
            if len(found) >= limit:
                break
    return found
