"""Build a locale's search index at build time, in a compact form the browser loads quickly.

Input: the search documents Material's search plugin prepares (one per page and per section:
``location``, ``title``, ``text`` with light HTML, optional ``tags``). Output: a small index file
the worker loads before the first query, the terms' postings in shards it fetches for the terms
a query needs, and the documents' text in chunks it fetches only for the results it shows (with
the answers of the FAQ questions among them, which only a result can show as a card). A
small locale ships its postings and texts inside the index file instead (``INLINE_CHARS``), a
mid-sized one its postings (``INLINE_POSTINGS_CHARS``). Every file has a gzip copy beside it,
which is what the worker fetches (:mod:`helpcentre.search.compression`).

The index file holds, per document, its location and an article's title (all the result list
needs besides an excerpt and the sections' titles, which come with the texts; a section that
follows its article is located by its anchor alone, any other location by what it adds to the
one before) and its field lengths (to four significant bits, a character each),
and per term (front-coded) its document frequency. The shards hold, per term, its postings --
document number and term frequency in each field, packed -- as lunr.py's builder counted them.
:func:`read_index` writes the compact parts out as the worker reads them. lunr's serialised index
would add a vector per document and field whose weights are a function of those counts; the
worker computes them as lunr.js's builder does (``search-core.js``), so the scores are lunr.js's
and what a query downloads is a fraction of the size.

Terms are computed by :mod:`helpcentre.search.languages` and handed to lunr.py as ready lists, so
lunr.py's own pipeline (and its NLTK language support) is never involved. Documents are referenced
by their position in the list rather than by URL, which keeps the postings small.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lunr.builder import Builder

from helpcentre.search.compression import write_with_gzip
from helpcentre.search.languages import SEPARATOR, analyzer
from helpcentre.search.spelling import real_words_near
from helpcentre.search.vocabulary import negation_tokens

#: Format of the index file; the worker refuses other versions.
FORMAT = 5

#: Field weights: a word in a title or tag says more about a page than one in its body. An
#: article's own document also carries the words its writer gave besides the title -- other names
#: (``aliases:``), its FAQ questions (headings that ask, or every heading of a ``type: faq``),
#: its ``description`` and its other headings -- each of which its sections' documents hold too
#: (a heading is a section's title), so an article found by them ranks as the article.
FIELD_BOOSTS = {
    "title": 5,
    "aliases": 4,
    "questions": 4,
    "tags": 3,
    "description": 2,
    "headings": 2,
    "text": 1,
}

#: What ends a heading that asks a question, in the scripts of the languages search knows.
QUESTION_MARKS = ("?", "？", "؟", "\u037e")

#: Folder of the text chunks, relative to the index file; ``{}`` is the chunk number.
TEXT_URL = "helpcentre-text/{}.json"

#: Folder of the postings shards, relative to the index file; ``{}`` is the shard number.
POSTINGS_URL = "helpcentre-postings/{}.json"

#: Uncompressed size after which a postings shard is closed. Terms are in sorted order, so the
#: expansions of a query word (its prefixes and near spellings) mostly fall in one or two shards.
#: A query needs few of a shard's terms, often one: at 10,000 articles, six queries of one to
#: three words fetched as many shards with 4,000 characters as with 16,000, and 17-30 % fewer
#: bytes of postings.
SHARD_CHARS = 4_000

#: Uncompressed size of postings and texts together under which a locale ships them inside the
#: index file: a small help centre then answers with no request after the reader types, which
#: costs less than the round trips (more than half a second each on a slow mobile network).
INLINE_CHARS = 128_000

#: Uncompressed size of the postings under which a locale whose texts are too large to go
#: inside the index file still ships its postings there (some 12 KB gzipped). Every page view
#: downloads the index file, whether the reader searches or not, so postings inside it cost every
#: visitor; in shards they cost only a reader who searches, one round trip after typing. At 130
#: articles a locale (150,000 characters of postings, 46 KB gzipped) read 0.33-0.35x Pagefind's
#: search bytes with shards and 0.47-0.50x with its postings inside, and its first results came
#: no later on a plain server (medians of 11: 0.89-0.91x Pagefind's, 0.95-0.99x inside).
INLINE_POSTINGS_CHARS = 40_000

#: Characters of the sections' titles (of sections that follow their article) above which they
#: go in the text chunks instead of the index file: at 10,000 articles they were two fifths of
#: its compressed size. Below it -- some 4,000 sections -- they stay, and the result list shows
#: every result's sections as Material does; above it, a result past the first page shows its
#: article until its text has come (see :func:`text_chunk`).
SECTION_TITLES_CHARS = 100_000

#: Uncompressed size after which a text chunk is closed (at the next article): most articles have
#: a chunk of their own, short ones share one. A page of results mostly shows articles that are
#: far apart in the index, so a chunk's other articles were bytes no one read: at 10,000 articles
#: a first page's texts came to some 40 KB gzipped with chunks of 8,000 characters, 20 KB now.
CHUNK_CHARS = 2_000

_TAG = re.compile(r"<[^>]*>")

#: Longest answer a card quotes, in characters; a longer first paragraph is cut at a word.
CARD_CHARS = 320

# A section heading that asks a question (Latin, CJK full-width and Arabic question marks): how
# FAQ articles write theirs (``## Can I pay by bank transfer? {#bank-transfer}``).
_QUESTION = re.compile(r"[?\uff1f\u061f]\s*$")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def plain_text(markup: str) -> str:
    """Text of the light HTML in Material's search documents, tags replaced by spaces."""
    return html.unescape(_TAG.sub(" ", markup or ""))


@dataclass(frozen=True)
class SearchIndex:
    """What the build writes for a locale: the index file and the text chunks it points to."""

    payload: dict[str, Any]
    chunks: list[dict[str, list[Any]]]
    shards: list[list[list[list[int]]]]


#: Character of the length code 0 (see :func:`length_code`): from here on no character needs
#: escaping in JSON, and the codes of fields up to some 100 terms long are one byte.
LENGTH_CODE_BASE = 0x5D

#: Character of "shares 0 characters with the previous term" (see :func:`front_coded`).
SHARED_BASE = 0x30

#: Longest prefix a term shares with the previous one, as one character (the next would be ``\``).
SHARED_MAX = 0x5B - SHARED_BASE


def length_code(length: int) -> int:
    """A field's length kept to four significant bits, rounded to the nearest: 0 to 15 as they
    are, then eight steps per doubling (16, 18 ... 30, 32, 36 ...), so within a sixteenth of the
    true length. BM25 weighs a term's frequency against the length relative to the average, by
    b = 0.75: no ranking of the relevance sets moved (three bits moved some by 0.01), and a
    locale's lengths are a quarter smaller once gzipped. Lucene keeps its norms in a byte the
    same way."""
    if length < 16:
        return length
    shift = length.bit_length() - 4
    mantissa = length >> shift
    if length - (mantissa << shift) >= 1 << (shift - 1):
        mantissa += 1
        if mantissa == 16:
            mantissa, shift = 8, shift + 1
    return 16 + (shift - 1) * 8 + mantissa - 8


def length_of(code: int) -> int:
    """The length a :func:`length_code` stands for."""
    if code < 16:
        return code
    return (8 + (code - 16) % 8) << ((code - 16) // 8 + 1)


def _units(text: str) -> int:
    # Length in UTF-16 code units, which is how the browser counts (and slices) a string.
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _prefix(text: str, units: int) -> str:
    # The first `units` UTF-16 code units of `text` (never half a character: see _shared).
    taken = 0
    for position, char in enumerate(text):
        if taken >= units:
            return text[:position]
        taken += 2 if ord(char) > 0xFFFF else 1
    return text


def _shared(text: str, last: str, most: int | None = None) -> tuple[int, str]:
    """How many UTF-16 code units ``text`` shares with ``last`` from the start (whole characters,
    at most ``most``), and the rest of ``text``."""
    shared = len(os.path.commonprefix([text, last]))
    while most is not None and _units(text[:shared]) > most:
        shared -= 1
    return _units(text[:shared]), text[shared:]


def front_coded(terms: Iterable[str]) -> list[str]:
    """Sorted ``terms``, each written as one character saying how many characters it shares with
    the one before (``chr(SHARED_BASE + n)``, counted as the browser counts them) and the rest:
    at 10,000 articles, the terms' list went from 29 KB to 9 KB gzipped."""
    written, last = [], ""
    for term in terms:
        shared, rest = _shared(term, last, SHARED_MAX)
        written.append(chr(SHARED_BASE + shared) + rest)
        last = term
    return written


def read_index(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The index file with its compact parts written out, as the worker reads it
    (``readIndex`` in ``search-core.js``): ``docs`` as ``[location, title, tags?]``, ``terms`` as
    words and ``lengths`` as numbers per field (rounded as :func:`length_code` rounds them)."""
    terms, last = [], ""
    for written in payload["terms"]:
        last = _prefix(last, ord(written[0]) - SHARED_BASE) + written[1:]
        terms.append(last)
    docs, location = [], ""
    for row in payload["docs"]:
        if isinstance(row[0], int):
            location = _prefix(location, row[0]) + row[1]
            docs.append([location, *row[2:]])
        else:
            docs.append(list(row))
    lengths = [
        [length_of(ord(code) - LENGTH_CODE_BASE) for code in values]
        for values in payload["lengths"]
    ]
    return {**payload, "terms": terms, "docs": docs, "lengths": lengths}


#: Digits of a packed postings list (see :func:`packed`): base 64, as source maps write theirs.
PACKED_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def packed(values: Iterable[int]) -> str:
    """A postings list (document gaps, each followed by ``-tf`` when its term frequency is not
    1) as text: each number doubled (a frequency ``2 tf - 1``, odd), then written five bits a
    digit, lowest first, a digit of 32 or more saying another follows (source maps' VLQ). Most
    gaps take one character instead of two or three with their comma; once gzipped, the
    postings a query fetches are some 11 % smaller."""
    digits = []
    for value in values:
        number = 2 * value if value >= 0 else -2 * value - 1
        while number >= 32:
            digits.append(PACKED_DIGITS[32 | (number & 31)])
            number >>= 5
        digits.append(PACKED_DIGITS[number])
    return "".join(digits)


def unpacked(text: str) -> list[int]:
    """The postings list :func:`packed` wrote as ``text``."""
    values, number, shift = [], 0, 0
    for digit in text:
        value = PACKED_DIGITS.index(digit)
        number |= (value & 31) << shift
        shift += 5
        if value < 32:
            values.append(number // 2 if number % 2 == 0 else -(number + 1) // 2)
            number, shift = 0, 0
    return values


def gaps(numbers: Iterable[int]) -> list[int]:
    """Increasing ``numbers`` written as differences from the previous one (the first from 0):
    small numbers, which cost a few characters each instead of five or six at 10,000 articles."""
    written, last = [], 0
    for number in numbers:
        written.append(number - last)
        last = number
    return written


def text_chunk(
    documents: list[Mapping[str, Any]],
    start: int,
    end: int,
    answers: Mapping[int, str],
    sections: Container[int] = (),
) -> dict[str, list[Any]]:
    """The chunk of ``documents[start:end]``: their texts, the titles of the ``sections`` among
    them (``None`` for the others, whose titles are in the index file: articles, and a section
    that does not follow its article) and the answers of the questions among them
    (``[document number, answer]``).

    Sections' titles and answers travel with their texts: the result list shows a section (and
    a card its answer) only for results whose text the worker fetched for their excerpts, the
    first page; past it, a result is its article's title, which the index file holds. At
    10,000 articles, sections are five documents in six.
    """
    return {
        "texts": [documents[n].get("text") or "" for n in range(start, end)],
        "titles": [
            documents[n].get("title", "") if n in sections else None for n in range(start, end)
        ],
        "answers": [[n, answers[n]] for n in range(start, end) if n in answers],
    }


def text_chunks(documents: list[Mapping[str, Any]], size: int = CHUNK_CHARS) -> list[int]:
    """Numbers of the documents that start a chunk; an article and its sections share one.

    Args:
        documents: search documents in index order (an article, then its sections).
        size: characters of text after which the chunk closes at the next article.
    """
    starts: list[int] = []
    filled = size
    for number, document in enumerate(documents):
        if filled >= size and "#" not in document["location"]:
            starts.append(number)
            filled = 0
        filled += len(document.get("text") or "")
    return starts or [0]


def answer_cards(documents: list[Mapping[str, Any]]) -> list[list[Any]]:
    """The answers a search can show as a card: ``[document number, answer]`` per question.

    A question is a page or section title that ends with a question mark (an FAQ's
    ``## Question? {#id}`` headings, an article titled as a question); its answer is the first
    paragraph under it as plain text, cut at a word after :data:`CARD_CHARS`. Whether a query is
    close enough to the question is decided in the browser (``answerCard`` in
    ``search-core.js``), with the same analyser as the search.
    """
    cards = []
    for number, document in enumerate(documents):
        if not _QUESTION.search(plain_text(document.get("title", ""))):
            continue
        markup = document.get("text") or ""
        paragraph = _PARAGRAPH.search(markup)
        answer = " ".join(plain_text(paragraph.group(1) if paragraph else markup).split())
        if not answer:
            continue
        if len(answer) > CARD_CHARS:
            answer = answer[:CARD_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
        cards.append([number, answer])
    return cards


def shard_postings(postings: list[list[list[int]]], size: int = SHARD_CHARS) -> list[int]:
    """Numbers of the terms that start a shard: a shard closes once its JSON passes ``size``."""
    starts: list[int] = []
    filled = size
    for number, lists in enumerate(postings):
        if filled >= size:
            starts.append(number)
            filled = 0
        filled += len(json.dumps(lists, separators=(",", ":")))
    return starts or [0]


def _postings(builder: Builder, fields: list[str], count: int) -> list[list[Any]]:
    # One entry per term: [term, postings of the first field, of the second, ...]. A postings list
    # holds document numbers as gaps from the previous one, each followed by its term frequency
    # written negative when it is not 1 (most are 1, so most documents cost one small number).
    per_term: dict[str, list[list[int]]] = {
        term: [[] for _ in fields] for term in builder.inverted_index
    }
    last: dict[str, list[int]] = {term: [0] * len(fields) for term in builder.inverted_index}
    for number in range(count):
        for position, name in enumerate(fields):
            for term, frequency in builder.field_term_frequencies[f"{name}/{number}"].items():
                entry = per_term[term][position]
                entry.append(number - last[term][position])
                if frequency != 1:
                    entry.append(-frequency)
                last[term][position] = number
    return [[term, *per_term[term]] for term in sorted(per_term)]


def article_fields(documents: list[Mapping[str, Any]]) -> list[dict[str, list[str]]]:
    """Per document, the texts of its fields besides ``title`` and ``text``.

    An article's document (a location without ``#``) gets its ``aliases``, ``description`` and
    ``tags`` and the titles of the sections that follow it: as ``questions`` when they end with a
    question mark or the article says ``faq: true``, else as ``headings``. A section gets its tags;
    a question's section also ``question: ["yes"]`` (see :func:`question_sections`).
    """
    fields: list[dict[str, list[str]]] = []
    article = None
    for document in documents:
        own: dict[str, list[str]] = {"tags": [str(tag) for tag in document.get("tags") or []]}
        if "#" not in document["location"]:
            aliases = document.get("aliases") or []
            own["aliases"] = [aliases] if isinstance(aliases, str) else [str(a) for a in aliases]
            own["description"] = [str(document.get("description") or "")]
            own["questions"], own["headings"] = [], []
            article = own, document.get("faq", False), document["location"]
        elif article and document["location"].split("#")[0] == article[2]:
            heading = plain_text(document.get("title", "")).strip()
            asks = article[1] or heading.endswith(QUESTION_MARKS)
            article[0]["questions" if asks else "headings"].append(heading)
            if asks:
                own["question"] = ["yes"]
        fields.append(own)
    return fields


def _surface_words(
    rules: Any, texts: Iterable[str], counts: dict[str, dict[str, int]]
) -> list[list[str]]:
    # Terms of each text, counting for each term the words it came from (what "showing results
    # for" shows for a corrected word is its term's most frequent word).
    analysed = []
    for text in texts:
        terms = []
        for word in rules.words(text):
            term = rules.term(word)
            if term is None:
                continue
            terms.append(term)
            per_term = counts.setdefault(term, {})
            per_term[word] = per_term.get(word, 0) + 1
        analysed.append(terms)
    return analysed


def build_index(
    documents: Iterable[Mapping[str, Any]],
    locale: str,
    synonyms: list[list[list[str]]] | None = None,
    *,
    lexicon: list[list[list[str]]] | None = None,
    filler: list[list[str]] | None = None,
    known_words: Mapping[str, str] | None = None,
    inline_chars: int = INLINE_CHARS,
    inline_postings_chars: int = INLINE_POSTINGS_CHARS,
    section_titles_chars: int = SECTION_TITLES_CHARS,
) -> SearchIndex:
    """Return the index file, postings shards and text chunks the worker loads for ``locale``.

    Args:
        documents: search documents (``location``, ``title``, ``text``, optional ``tags``; an
            article's document optionally ``aliases``, ``description`` and ``faq``).
        locale: the build's locale, e.g. ``fr``; decides tokenising, stop words and stemming.
        synonyms: analysed synonym groups from :func:`helpcentre.search.synonyms.synonym_terms`.
        lexicon: analysed shipped groups (:func:`helpcentre.search.vocabulary.lexicon_terms`).
        filler: analysed filler phrases (:func:`helpcentre.search.vocabulary.filler_terms`).
        known_words: the word of each synonym and lexicon term
            (:func:`helpcentre.search.vocabulary.member_words`), shown when a misspelled word
            is corrected to a term the articles do not hold.
        inline_chars: postings and texts under this size (JSON) go inside the index file
            (``{"inline": [...]}``) instead of shards and chunks.
        inline_postings_chars: postings under this size go inside the index file even when
            the texts do not.
        section_titles_chars: sections' titles longer than this in all go in the text chunks.

    Raises:
        helpcentre.search.languages.LanguageError: if Material's lunr files cannot be read.
    """
    rules = analyzer(locale)
    documents = list(documents)
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("ref")
    extra = article_fields(documents)
    # A field no document uses would still cost an empty posting list per term.
    fields = [
        name
        for name in FIELD_BOOSTS
        if name in ("title", "text") or any(any(own.get(name) or []) for own in extra)
    ]
    questions = [number for number, own in enumerate(extra) if own.pop("question", None)]
    counts: dict[str, dict[str, int]] = {}
    for name in fields:
        builder.field(name, boost=FIELD_BOOSTS[name])
    docs: list[list[Any]] = []
    sections: set[int] = set()
    boosts: dict[str, float] = {}
    article, previous = None, ""
    for number, document in enumerate(documents):
        location = document["location"]
        path, anchor = location.split("#", 1) if "#" in location else (location, None)
        # A section follows its article: its location is written as the anchor alone.
        short = f"#{anchor}" if anchor is not None and path == article else location
        if anchor is None:
            article = path
        if short.startswith("#"):
            sections.add(number)
            doc: list[Any] = [short, document.get("title", "")]
        else:
            # Any other location as the characters it shares with the last one and the rest:
            # a site's pages share their folders (25 KB gzipped at 10,000 articles, 3 KB now)
            shared, rest = _shared(short, previous)
            doc = [shared, rest, document.get("title", "")]
            previous = short
        if document.get("tags"):
            doc.append(list(document["tags"]))
        docs.append(doc)
        title, text = _surface_words(
            rules,
            [plain_text(document.get("title", "")), plain_text(document.get("text", ""))],
            counts,
        )
        fields_terms = {"title": title, "text": text}
        for name, texts in extra[number].items():
            fields_terms[name] = [term for part in texts for term in rules.terms(plain_text(part))]
        if document.get("boost"):
            boosts[str(number)] = document["boost"]
        builder.add(
            {"ref": str(number), **{name: fields_terms.get(name, []) for name in fields}},
            attributes={"boost": document["boost"]} if document.get("boost") else None,
        )
    # A large locale's sections (after their article) have their titles in their text chunks,
    # written 0 here (see text_chunk); a smaller one keeps them here and loses nothing for it.
    if sum(len(docs[number][1]) for number in sections) > section_titles_chars:
        for number in sections:
            docs[number][1] = 0
    else:
        sections.clear()
    starts = text_chunks(documents)
    ends = [*starts[1:], len(documents)]
    cards = dict(answer_cards(documents))
    chunks = [
        text_chunk(documents, start, end, cards, sections)
        for start, end in zip(starts, ends, strict=True)
    ]
    terms = _postings(builder, fields, len(documents))
    postings = [entry[1:] for entry in terms]
    shard_starts = shard_postings(postings)
    shard_ends = [*shard_starts[1:], len(postings)]
    # Field lengths (the sum of the terms' frequencies) and document frequencies (postings in
    # all fields, as lunr.idf counts them): what the weights need besides a term's own postings.
    lengths = [
        [sum(builder.field_term_frequencies[f"{name}/{n}"].values()) for n in range(len(docs))]
        for name in fields
    ]
    # A field only articles have (their other names, questions, headings, description) is 0
    # for every section: its lengths are written for the articles alone, in document order.
    articles = [n for n, document in enumerate(documents) if "#" not in document["location"]]
    others = sorted(set(range(len(documents))) - set(articles))
    article_lengths = []
    for position, name in enumerate(fields):
        values = lengths[position]
        if others and name != "title" and not any(values[n] for n in others):
            lengths[position] = [values[n] for n in articles]
            article_lengths.append(name)
    payload = {
        "format": FORMAT,
        "locale": locale,
        # The worker's analyser: lunr-languages' rules of the language, or the generic rules.
        "rules": "generic" if rules.generic else rules.language,
        "separator": SEPARATOR,
        "synonyms": synonyms or [],
        "lexicon": lexicon or [],
        "negations": negation_tokens(rules) if lexicon else [],
        "filler": filler or [],
        "fields": [[name, FIELD_BOOSTS[name]] for name in fields],
        "docs": docs,
        "boosts": boosts,
        # Sections that answer a question of an article: they rank as articles do (as gaps)
        "questions": gaps(questions),
        # Front-coded (see front_coded)
        "terms": front_coded(entry[0] for entry in terms),
        # The words readers see for each term, space-separated ("" when it is the term itself):
        # a corrected word is shown as the one nearest to what the reader typed
        "words": [_surface(entry[0], counts) for entry in terms],
        "lexicon_words": {
            term: word
            for term, word in sorted((known_words or {}).items())
            if term not in counts and word != term
        },
        # Frequent words of the language one edit from the site's: never "corrected"
        "real_words": real_words_near(
            [word for words in counts.values() for word in words]
            + [entry[0] for entry in terms]
            + list((known_words or {}).values()),
            {entry[0] for entry in terms} | set(known_words or {}),
            locale,
        ),
        "df": [sum(len(_documents_of(lists)) for lists in entry) for entry in postings],
        # One character per document (see length_code)
        "lengths": [
            "".join(chr(LENGTH_CODE_BASE + length_code(value)) for value in values)
            for values in lengths
        ],
        # Fields whose lengths are the articles' only (every section's is 0)
        "article_lengths": article_lengths,
        "postings": {"url": POSTINGS_URL, "starts": shard_starts},
        # Chunks by their first document (as gaps)
        "text": {"url": TEXT_URL, "starts": gaps(starts)},
        # Documents whose title asks a question that has an answer (the answers are in the text
        # chunks): mostly the questions above, so written as the documents besides them and the
        # questions except (as gaps)
        "cards": {
            "besides": gaps(sorted(set(cards) - set(questions))),
            "except": gaps(sorted(set(questions) - set(cards))),
        },
    }
    # Sizes are measured as lists of numbers, which the thresholds were set by; the files hold
    # them packed.
    postings_chars = len(dump_index(postings))
    postings = [[packed(values) for values in lists] for lists in postings]
    shards = [postings[start:end] for start, end in zip(shard_starts, shard_ends, strict=True)]
    # The texts are measured only when the postings leave them room.
    if postings_chars < inline_chars:
        whole = text_chunk(documents, 0, len(documents), cards, sections)
        if postings_chars + len(dump_index(whole)) <= inline_chars:
            payload["postings"] = {"inline": postings}
            payload["text"] = {"inline": whole}
            return SearchIndex(payload, [], [])
    if postings_chars <= inline_postings_chars:
        payload["postings"] = {"inline": postings}
        return SearchIndex(payload, chunks, [])
    return SearchIndex(payload, chunks, shards)


#: Words kept per term for "showing results for": the browser shows the one nearest to what
#: the reader typed.
SURFACE_WORDS = 8


def _surface(term: str, counts: dict[str, dict[str, int]]) -> str:
    words = counts.get(term)
    if not words:
        return ""
    # Most frequent first, then the shortest and alphabetical, so the choice is stable
    kept = sorted(words, key=lambda w: (-words[w], len(w), w))[:SURFACE_WORDS]
    return "" if kept == [term] else " ".join(kept)


def _documents_of(postings: list[int]) -> list[int]:
    # Gaps and negative frequencies (see _postings) back to document numbers.
    documents, number = [], 0
    for value in postings:
        if value >= 0:
            number += value
            documents.append(number)
    return documents


def dump_index(payload: Any) -> str:
    """Serialise an index file or a text chunk compactly (no spaces; a gzip copy goes beside it)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def write_index(index_file: Path, index: SearchIndex) -> None:
    """Write the index file, its postings shards and its text chunks (next to it, at the URLs
    the payload names), each with the gzip copy the worker fetches, replacing those of an
    earlier build."""
    index_file.parent.mkdir(parents=True, exist_ok=True)
    write_with_gzip(index_file, dump_index(index.payload))
    for url, parts in (
        (index.payload["postings"].get("url", POSTINGS_URL), index.shards),
        (index.payload["text"].get("url", TEXT_URL), index.chunks),
    ):
        folder = index_file.parent / url.split("/")[0]
        # A rebuild into the same site must not leave parts of a larger index behind.
        shutil.rmtree(folder, ignore_errors=True)
        if parts:
            folder.mkdir(parents=True)
        for number, part in enumerate(parts):
            write_with_gzip(index_file.parent / url.format(number), dump_index(part))
