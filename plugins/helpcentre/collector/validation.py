"""Validation of posted votes, failed searches, reformulations and contact-page events.

Bodies are small JSON objects. Errors are ``HTTPException`` s whose ``detail`` names the field:
400 when the body is not a JSON object at all, 422 when a field is missing, unexpected, of the wrong
type, too long, or names a locale or page the site does not have. Text is kept as typed (it is
stored as data, never interpreted) except for personal identifiers, which
:func:`~helpcentre.collector.personal_data.redact` replaces by placeholders before the record
exists; characters a database cannot hold or that have no place in a comment (NUL and other
control characters, unpaired surrogates) are refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from starlette.exceptions import HTTPException

from helpcentre.collector.personal_data import redact
from helpcentre.feedback.summary import normalise_query
from helpcentre.records import CONTACT_EVENTS, CONTEXT_PATTERN, REASONS

MAX_COMMENT = 1000
MAX_QUERY = 200
MAX_RESULTS = 1_000_000
#: Longest question length a contact event may report; the textarea has no limit of its own.
MAX_QUERY_LENGTH = 100_000

VOTE_FIELDS = ("locale", "page", "helpful", "reason", "comment")
SEARCH_FIELDS = ("locale", "query", "results", "clicked")
REFORMULATION_FIELDS = ("locale", "query", "then_query", "page")
CONTACT_FIELDS = ("locale", "event", "page", "query_length", "session", "context")

# The contact page draws its visit id from Math.random as up to 16 hex digits; the representation
# may come out shorter, hence the low minimum. Letters, digits, ``-`` and ``_`` leave room for
# other random ids (UUIDs, base64url) without letting text through.
_SESSION = re.compile(r"[0-9A-Za-z_-]{4,64}")
_CONTEXT = re.compile(CONTEXT_PATTERN)

# Control characters other than tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")


#: Deepest nesting of arrays and objects a body may have; every field is a scalar, so 1 is enough,
#: and 2 lets a wrong-typed field still get its 422 naming the field.
MAX_DEPTH = 2
_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def nesting_depth(text: str) -> int:
    """Deepest nesting of ``[`` and ``{`` in JSON ``text``, outside strings, without parsing it.

    ``json.loads`` recurses once per level and a body of 990 nested arrays fits in 4 KB, so the
    depth is measured first, in one linear pass, and a deep body never reaches the parser.
    """
    depth = deepest = 0
    for token in _STRUCTURE.findall(text):
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def parse_object(body: bytes) -> dict[str, Any]:
    """Decode a UTF-8 JSON object.

    Raises:
        HTTPException: 400 naming what is wrong with the body.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "body is not UTF-8 text") from None
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise HTTPException(
            400, f"JSON nested {depth} levels deep; at most {MAX_DEPTH} levels are accepted"
        )
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise HTTPException(
            400, f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise HTTPException(400, "JSON nested too deeply") from None
    except ValueError as error:
        raise HTTPException(400, f"malformed JSON: {error}") from None
    if not isinstance(data, dict):
        raise HTTPException(400, f"body must be a JSON object, not {_json_type(data)}")
    return data


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _invalid(field: str, problem: str) -> HTTPException:
    return HTTPException(422, f"{field}: {problem}")


def _check_fields(data: Mapping[str, Any], allowed: tuple[str, ...], required: tuple[str, ...]):
    unexpected = [key for key in data if key not in allowed]
    if unexpected:
        raise _invalid(unexpected[0], f"unexpected field (allowed fields: {', '.join(allowed)})")
    for key in required:
        if key not in data:
            raise _invalid(key, "required field is missing")


def _text(value: Any, field: str, limit: int, *, allow_newlines: bool) -> str:
    if not isinstance(value, str):
        raise _invalid(field, f"must be a string, not {_json_type(value)}")
    text = value.strip()
    if len(text) > limit:
        raise _invalid(field, f"is {len(text)} characters long; the limit is {limit}")
    if _CONTROL.search(text) or (not allow_newlines and re.search(r"[\t\n\r]", text)):
        raise _invalid(field, "must not contain control characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _invalid(field, "contains an unpaired surrogate; send valid Unicode") from None
    return text


def _bool(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise _invalid(field, f"must be true or false, not {_json_type(value)}")
    return value


def _locale(value: Any, locales: Mapping[str, frozenset[str]]) -> str:
    if not isinstance(value, str):
        raise _invalid("locale", f"must be a string, not {_json_type(value)}")
    if value not in locales:
        raise _invalid("locale", f"{value[:40]!r} is not a locale of this site")
    return value


def validate_vote(data: Mapping[str, Any], locales: Mapping[str, frozenset[str]]) -> dict[str, Any]:
    """Check a vote body against the site's pages.

    Returns:
        ``locale``, ``page``, ``helpful``, ``reason`` (None unless not helpful) and ``comment``
        (stripped, personal identifiers replaced, None when empty).

    Raises:
        HTTPException: 422 naming the first field that is wrong.
    """
    _check_fields(data, VOTE_FIELDS, ("locale", "page", "helpful"))
    locale = _locale(data["locale"], locales)
    page = data["page"]
    if not isinstance(page, str):
        raise _invalid("page", f"must be a string, not {_json_type(page)}")
    if page not in locales[locale]:
        raise _invalid("page", f"{page[:200]!r} is not a page of locale {locale!r}")
    helpful = _bool(data["helpful"], "helpful")
    reason = data.get("reason")
    if reason is not None:
        if helpful:
            raise _invalid("reason", "only allowed with helpful=false")
        if reason not in REASONS:
            shown = reason[:40] if isinstance(reason, str) else reason
            raise _invalid("reason", f"{shown!r} is not one of {', '.join(REASONS)}")
    comment = data.get("comment")
    if comment is not None:
        comment = redact(_text(comment, "comment", MAX_COMMENT, allow_newlines=True)) or None
    return {
        "locale": locale,
        "page": page,
        "helpful": helpful,
        "reason": reason,
        "comment": comment,
    }


def validate_search(
    data: Mapping[str, Any], locales: Mapping[str, frozenset[str]]
) -> dict[str, Any]:
    """Check a failed-search body.

    Returns:
        ``locale``, ``query`` (trimmed, personal identifiers replaced), ``results`` and
        ``clicked``.

    Raises:
        HTTPException: 422 naming the first field that is wrong.
    """
    _check_fields(data, SEARCH_FIELDS, SEARCH_FIELDS)
    locale = _locale(data["locale"], locales)
    query = _text(data["query"], "query", MAX_QUERY, allow_newlines=False)
    if not query:
        raise _invalid("query", "must not be empty")
    results = data["results"]
    if isinstance(results, bool) or not isinstance(results, int):
        raise _invalid("results", f"must be an integer, not {_json_type(results)}")
    if not 0 <= results <= MAX_RESULTS:
        raise _invalid("results", f"must be between 0 and {MAX_RESULTS}")
    return {
        "locale": locale,
        "query": redact(query),
        "results": results,
        "clicked": _bool(data["clicked"], "clicked"),
    }


def _known_page(value: Any, locale: str, locales: Mapping[str, frozenset[str]]) -> str:
    """The page id ``value`` names in ``locale``.

    A folder's own page is ``<folder>/index`` in the manifest but ``<folder>/`` in its address, so
    ``orders`` names ``orders/index`` when only that one exists.
    """
    if not isinstance(value, str):
        raise _invalid("page", f"must be a string, not {_json_type(value)}")
    pages = locales[locale]
    if value in pages:
        return value
    folder_page = f"{value}/index" if value else "index"
    if folder_page in pages:
        return folder_page
    raise _invalid("page", f"{value[:200]!r} is not a page of locale {locale!r}")


def validate_reformulation(
    data: Mapping[str, Any], locales: Mapping[str, frozenset[str]]
) -> dict[str, Any]:
    """Check a reformulation body: a failed ``query``, then ``then_query`` whose result ``page``
    the reader opened.

    Returns:
        ``locale``, ``query`` and ``then_query`` (trimmed, personal identifiers replaced) and
        ``page`` (the manifest's page id).

    Raises:
        HTTPException: 422 naming the first field that is wrong, also when both queries are the
            same once normalised (that is no reformulation).
    """
    _check_fields(data, REFORMULATION_FIELDS, REFORMULATION_FIELDS)
    locale = _locale(data["locale"], locales)
    queries = {}
    for field in ("query", "then_query"):
        text = _text(data[field], field, MAX_QUERY, allow_newlines=False)
        if not text:
            raise _invalid(field, "must not be empty")
        queries[field] = redact(text)
    if _same_query(queries["query"], queries["then_query"]):
        raise _invalid("then_query", "is the failed query itself; send a different query")
    page = _known_page(data["page"], locale, locales)
    return {"locale": locale, **queries, "page": page}


def _same_query(first: str, second: str) -> bool:
    return normalise_query(first) == normalise_query(second)


def validate_contact_event(
    data: Mapping[str, Any], locales: Mapping[str, frozenset[str]]
) -> dict[str, Any]:
    """Check a contact-page event body.

    Returns:
        ``locale``, ``event``, ``page`` (the suggested page a ``clicked`` event opened, else None),
        ``query_length`` (None when not sent), ``session`` (the page's random visit id, to be
        hashed before it is stored) and ``context`` (the help widget's context; None for the
        contact page, which sends none).

    Raises:
        HTTPException: 422 naming the first field that is wrong.
    """
    _check_fields(data, CONTACT_FIELDS, ("locale", "event", "session"))
    locale = _locale(data["locale"], locales)
    event = data["event"]
    if event not in CONTACT_EVENTS:
        shown = event[:40] if isinstance(event, str) else event
        raise _invalid("event", f"{shown!r} is not one of {', '.join(CONTACT_EVENTS)}")
    session = data["session"]
    if not isinstance(session, str):
        raise _invalid("session", f"must be a string, not {_json_type(session)}")
    if not _SESSION.fullmatch(session):
        raise _invalid(
            "session",
            "must be a random id of 4 to 64 letters, digits, '-' or '_'",
        )
    page = data.get("page")
    if event == "clicked":
        if page is None:
            raise _invalid("page", "required with event=clicked (the suggested page opened)")
        if not isinstance(page, str):
            raise _invalid("page", f"must be a string, not {_json_type(page)}")
        if page not in locales[locale]:
            raise _invalid("page", f"{page[:200]!r} is not a page of locale {locale!r}")
    elif page is not None:
        raise _invalid("page", "only allowed with event=clicked")
    query_length = data.get("query_length")
    if query_length is not None:
        if isinstance(query_length, bool) or not isinstance(query_length, int):
            raise _invalid("query_length", f"must be an integer, not {_json_type(query_length)}")
        if not 0 <= query_length <= MAX_QUERY_LENGTH:
            raise _invalid("query_length", f"must be between 0 and {MAX_QUERY_LENGTH}")
    context = data.get("context")
    if context is not None:
        if not isinstance(context, str):
            raise _invalid("context", f"must be a string, not {_json_type(context)}")
        if not _CONTEXT.fullmatch(context):
            raise _invalid(
                "context",
                f"{context[:40]!r} is not a widget context: lowercase letters, digits, '-' or '_',"
                " at most 40",
            )
    return {
        "locale": locale,
        "event": event,
        "page": page,
        "query_length": query_length,
        "session": session,
        "context": context,
    }
