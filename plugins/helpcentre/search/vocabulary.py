"""Everyday vocabulary shipped with helpcentre: per language, how customers say support things.

Two data files per language, in the package:

- ``lexicon/<language>.txt``: synonym groups in the format of a site's synonyms file
  (``refund, money back, reimbursement``), applied at query time like the site's own groups but
  with a lower weight (see ``search-core.js``). A site's groups win: a lexicon member that the
  site's synonyms file also names is left out of the lexicon, so the site decides what it means.
- ``filler/<language>.txt``: conversational phrases that carry no topic (``how do i``,
  ``quiero``, ``wie kann ich``), one per line. Their words still match, but weigh little and do
  not count towards how much of a query an article answers.

Both are analysed here with the locale's rules, so the browser receives ready terms and never
analyses them itself: what the build and the browser match stays identical. A regional locale
(``pt-BR``) uses its base language's files; a language without files gets none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

from helpcentre.search.languages import UNINDEXED, Analyzer
from helpcentre.search.synonyms import SynonymGroup, parse_synonyms

#: Languages the package ships a lexicon and filler phrases for.
LEXICON_LANGUAGES = ("ar", "de", "en", "es", "fr", "id", "it", "ja", "ko", "nl", "pl", "pt", "tr")


def base_language(locale: str) -> str:
    """``pt`` for ``pt-BR`` or ``pt_BR``: the language whose files a locale uses."""
    return re.split("[-_]", locale)[0].lower()


def _data(folder: str, language: str) -> tuple[str, str] | None:
    resource = files("helpcentre.search") / folder / f"{language}.txt"
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8"), f"helpcentre/search/{folder}/{language}.txt"


@cache
def lexicon_groups(locale: str) -> tuple[SynonymGroup, ...]:
    """The shipped synonym groups of the locale's language (none for other languages)."""
    found = _data("lexicon", base_language(locale))
    return tuple(parse_synonyms(*found)) if found else ()


@cache
def filler_phrases(locale: str) -> tuple[str, ...]:
    """The shipped filler phrases of the locale's language (none for other languages)."""
    found = _data("filler", base_language(locale))
    if not found:
        return ()
    lines = (" ".join(line.split()) for line in found[0].splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def lexicon_terms(
    groups: tuple[SynonymGroup, ...] | list[SynonymGroup],
    analyzer: Analyzer,
) -> list[list[list[str]]]:
    """Analyse lexicon groups into terms.

    A member the site's own synonyms also name is kept: it is what leads a customer's everyday
    word to the site's word. The site still decides what its own words mean: the browser does
    not widen a query word that is in one of the site's groups with the lexicon.

    Args:
        groups: lexicon groups, e.g. from :func:`lexicon_groups`.
        analyzer: the locale's rules.

    A member is its words' tokens (:meth:`Analyzer.tokens`): a stop word stays in it as
    ``~word``, so that "not working" matches that phrase in a query, not every "working". Members
    that consist of stop words only cannot match a query and are skipped (the shipped files are
    tested to have none).
    """
    analysed: list[list[list[str]]] = []
    for group in groups:
        members: list[list[str]] = []
        for member in group.members:
            tokens = analyzer.tokens(member)
            indexed = any(not token.startswith(UNINDEXED) for token in tokens)
            if indexed and tokens not in members:
                members.append(tokens)
        if len(members) > 1:
            analysed.append(members)
    return analysed


#: Words that negate, per language. Most analysers drop them as stop words, so a lexicon member
#: such as "not working" or "geht nicht durch" would otherwise stand for its other word alone
#: ("working", "geht") wherever it leads a query: such a member is looked for in queries only.
NEGATIONS = {
    "ar": "لا لم لن ما ليس مش مو",
    "de": "nicht kein keine keinen keinem keiner nie niemals nichts",
    # "can't", "don't" ... are cut at the apostrophe ("can" and "t"): only whole words negate.
    "en": "not no never nothing cannot",
    "es": "no nunca nada ni tampoco",
    "fr": "ne n pas jamais rien aucun aucune plus",
    "id": "tidak tak belum bukan gak nggak enggak",
    "it": "non mai niente nessun nessuno nessuna",
    "ko": "안 못",
    "nl": "niet geen nooit niets",
    "pl": "nie nigdy nic żaden",
    "pt": "não nao nunca nada nem",
    "tr": "değil yok hiç",
}


def negation_tokens(analyzer: Analyzer) -> list[str]:
    """The tokens (:meth:`Analyzer.tokens`) of the language's negating words that the index
    leaves out (``~not``): a lexicon member holding one leads no query to documents unless two
    of its words are indexed."""
    words = NEGATIONS.get(base_language(analyzer.locale), "").split()
    # A word the separator cuts ("can't" is "can" and "t") negates as a whole only.
    tokens = [analyzer.tokens(word) for word in words]
    return sorted({t[0] for t in tokens if len(t) == 1 and t[0].startswith(UNINDEXED)})


def filler_terms(phrases: tuple[str, ...] | list[str], analyzer: Analyzer) -> list[list[str]]:
    """Analyse filler phrases into term sequences; phrases of stop words only are left out (the
    analysis drops those words from every query anyway). Longest first, so that the browser
    marks ``how can i`` before ``can i``."""
    sequences: list[list[str]] = []
    for phrase in phrases:
        terms = analyzer.terms(phrase)
        if terms and terms not in sequences:
            sequences.append(terms)
    return sorted(sequences, key=len, reverse=True)


def member_words(groups: Iterable[SynonymGroup], analyzer: Analyzer) -> dict[str, str]:
    """Per term of the groups' members, the word it came from (the first one): what a reader is
    shown when a misspelled word is corrected to a term only the synonyms know."""
    words: dict[str, str] = {}
    for group in groups:
        for member in group.members:
            for word in analyzer.words(member):
                term = analyzer.term(word)
                if term is not None:
                    words.setdefault(term, word)
    return words
