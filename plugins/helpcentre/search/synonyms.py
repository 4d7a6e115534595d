"""Synonym groups of a locale: ``locales/<locale>/synonyms.txt``.

One group per line, members separated by commas (``refund, money back, reimbursement``); blank lines
and lines starting with ``#`` are ignored. A member may be several words. Groups are applied at
query time by the browser (see ``search-core.js``): a member found in the query adds the other
members' terms with a lower weight than the words the reader typed. Expanding queries rather than
articles keeps the index the size of the content, keeps the typed word the strongest signal, and
lets a group match phrases ("money back") that index-time expansion of single terms cannot.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpcentre.search.languages import Analyzer


class SynonymError(ValueError):
    """A synonyms file an author must fix; the message reads ``path:line: problem -- fix``."""


@dataclass(frozen=True)
class SynonymGroup:
    """Words and phrases a reader may use for the same thing, with the line that defined them."""

    members: tuple[str, ...]
    line: int


def parse_synonyms(text: str, path: str | Path = "synonyms.txt") -> list[SynonymGroup]:
    """Parse the text of a synonyms file.

    Raises:
        SynonymError: for a line with fewer than two distinct members or an empty member.
    """
    groups: list[SynonymGroup] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        members = [" ".join(member.split()) for member in line.split(",")]
        if any(not member for member in members):
            raise SynonymError(
                f"{path}:{number}: empty member in {line!r} -- remove the extra comma"
            )
        unique = tuple(dict.fromkeys(member.lower() for member in members))
        if len(unique) < 2:
            raise SynonymError(
                f"{path}:{number}: a group needs at least two different members, got {line!r}"
                " -- write them comma-separated on one line, e.g. 'refund, money back'"
            )
        groups.append(SynonymGroup(unique, number))
    return groups


def load_synonyms(path: Path) -> list[SynonymGroup]:
    """Read and parse a synonyms file (UTF-8)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise SynonymError(f"{path}:1: not UTF-8 ({error.reason}) -- save it as UTF-8") from error
    return parse_synonyms(text, path)


def synonym_terms(
    groups: list[SynonymGroup], analyzer: Analyzer, path: str | Path = "synonyms.txt"
) -> list[list[list[str]]]:
    """Analyse each member into index terms, as the browser needs them.

    Raises:
        SynonymError: when a member consists only of stop words, so it could never match.
    """
    analysed: list[list[list[str]]] = []
    for group in groups:
        members: list[list[str]] = []
        for member in group.members:
            terms = analyzer.terms(member)
            if not terms:
                raise SynonymError(
                    f"{path}:{group.line}: {member!r} has only stop words for"
                    f" {analyzer.locale!r} -- use a more specific word or phrase"
                )
            if terms not in members:
                members.append(terms)
        if len(members) > 1:
            analysed.append(members)
    return analysed
