"""The collector's OpenAPI 3.1 document, built from the same limits the validation applies.

``GET /api/v1/openapi.json`` serves it, with this site's locales and pages as enumerations, so a
client generator, or the property-based fuzz test in the test suite, knows what a valid body is
and can aim its invalid ones at the edges.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from helpcentre.collector import validation
from helpcentre.records import CONTACT_EVENTS, CONTEXT_PATTERN, REASONS

_ERROR = {"$ref": "#/components/schemas/Error"}


def _refusals(*codes: int) -> dict[str, Any]:
    reasons = {
        400: "the body is not a JSON object (or nested too deeply, or incomplete)",
        401: "missing or wrong export token",
        403: "posted from a foreign origin",
        404: "export disabled (no token configured)",
        408: "the request did not arrive in time",
        413: "body too large",
        415: "content type other than application/json or text/plain",
        422: "a field is missing, unexpected, of the wrong type or out of range",
        429: "rate or vote limit reached; see Retry-After",
        431: "too many or too large headers",
        503: "the database is busy; see Retry-After",
    }
    return {
        str(code): {
            "description": reasons[code],
            "content": {"application/json": {"schema": _ERROR}},
        }
        for code in codes
    }


def _post(summary: str, schema: str) -> dict[str, Any]:
    return {
        "post": {
            "summary": summary,
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}
                },
            },
            "responses": {
                "202": {
                    "description": "committed to the database",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                **_refusals(400, 403, 408, 413, 415, 422, 429, 431, 503),
            },
        }
    }


def openapi_document(locales: Mapping[str, frozenset[str]]) -> dict[str, Any]:
    """The OpenAPI document of ``/api/v1`` for a site with these ``locales`` and their pages."""
    locale_names = sorted(locales)
    pages = sorted({page for names in locales.values() for page in names})
    locale = {"type": "string", "enum": locale_names} if locale_names else {"type": "string"}
    page = {"type": "string", "enum": pages} if pages else {"type": "string"}
    query = {"type": "string", "minLength": 1, "maxLength": validation.MAX_QUERY}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "helpcentre feedback collector",
            "version": "1",
            "description": (
                "Did-this-help votes, failed searches, reformulations and contact-page events."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/votes": _post("Record a vote", "Vote"),
            "/searches": _post("Record a search that found nothing useful", "Search"),
            "/reformulations": _post(
                "Record a failed search and the query whose result was then opened",
                "Reformulation",
            ),
            "/contact-events": _post("Record a contact-page event", "ContactEvent"),
            "/health": {
                "get": {
                    "summary": "Status, storage backend and pages known",
                    "responses": {
                        "200": {
                            "description": "up",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
            "/export": {
                "get": {
                    "summary": "The feedback summary, for the holder of the export token",
                    "security": [{"exportToken": []}],
                    "parameters": [
                        {
                            "name": "since",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string", "default": "90d"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "the summary",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        **_refusals(400, 401, 404, 429),
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {"exportToken": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["detail"],
                    "properties": {"detail": {"type": "string"}},
                },
                "Vote": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["locale", "page", "helpful"],
                    "properties": {
                        "locale": locale,
                        "page": page,
                        "helpful": {"type": "boolean"},
                        "reason": {"enum": [*REASONS, None]},
                        "comment": {
                            "type": ["string", "null"],
                            "maxLength": validation.MAX_COMMENT,
                        },
                    },
                },
                "Search": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": list(validation.SEARCH_FIELDS),
                    "properties": {
                        "locale": locale,
                        "query": query,
                        "results": {
                            "type": "integer",
                            "minimum": 0,
                            "maximum": validation.MAX_RESULTS,
                        },
                        "clicked": {"type": "boolean"},
                    },
                },
                "Reformulation": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": list(validation.REFORMULATION_FIELDS),
                    "properties": {
                        "locale": locale,
                        "query": query,
                        "then_query": query,
                        "page": page,
                    },
                },
                "ContactEvent": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["locale", "event", "session"],
                    "properties": {
                        "locale": locale,
                        "event": {"enum": list(CONTACT_EVENTS)},
                        "page": {"type": ["string", "null"]},
                        "query_length": {
                            "type": ["integer", "null"],
                            "minimum": 0,
                            "maximum": validation.MAX_QUERY_LENGTH,
                        },
                        "session": {"type": "string", "pattern": "^[0-9A-Za-z_-]{4,64}$"},
                        "context": {
                            "type": ["string", "null"],
                            "pattern": f"^{CONTEXT_PATTERN}$",
                        },
                    },
                },
            },
        },
    }
