"""The collector's ASGI application: "Did this help?" votes, failed searches, reformulations,
contact events.

Endpoints, under ``/api/v1``:

- ``POST /votes``: ``{"locale", "page", "helpful", "reason", "comment"}`` -> 202
- ``POST /searches``: ``{"locale", "query", "results", "clicked"}`` -> 202
- ``POST /reformulations``: ``{"locale", "query", "then_query", "page"}`` -> 202; a search
  that failed (``query``) followed in the same tab by ``then_query``, whose result ``page`` (a
  page id of the manifest; ``orders`` names ``orders/index`` when only that exists) the reader
  opened
- ``POST /contact-events``: ``{"locale", "event", "page", "query_length", "session", "context"}``
  -> 202;
  ``event`` is ``shown`` (articles were suggested), ``clicked`` (``page``, a suggested page, was
  opened) or ``contacted`` (a contact channel was used); ``session`` is the page's random
  per-visit id, stored only as a keyed hash under the day's salt (see :mod:`.readers`);
  ``context`` is sent by the help widget on a product's page (the page's context, ``billing``)
- ``GET /health``: status, storage backend, schema version, pages known
- ``GET /export?since=90d``: the :mod:`feedback summary <helpcentre.feedback.summary>`, with
  ``Authorization: Bearer <HELPCENTRE_EXPORT_TOKEN>``; 404 while no token is configured;
  at most :data:`EXPORT_RATE` requests per client, with or without the right token
- ``GET /openapi.json``: the OpenAPI document of this API (see :mod:`.openapi`)

Every refusal under ``/api/v1`` is a 4xx whose JSON body has a ``detail`` naming what is wrong;
refused requests store nothing. Query and comment text loses its personal identifiers before it
is stored (see :mod:`.personal_data`). Limits: :attr:`Settings.rate_limit` requests per client
address, :attr:`Settings.vote_limit` votes per address, page and day, at most
:data:`MAX_HEADERS` headers (the server adds size and time limits, see :mod:`.server`).

With a site directory the built site is served at ``/`` too, so one process serves pages and API
on the same origin.

Content types: ``application/json``, and also ``text/plain`` whose body is JSON. The widget sends
votes with ``navigator.sendBeacon`` so they survive the reader leaving the page; a beacon with a
``text/plain`` body is a CORS "simple request" sent without a preflight, whereas
``application/json`` would need one and beacons cannot wait for it. Accepting ``text/plain`` does
not weaken the origin check below, which does not rely on preflights.

Cross-origin posts: a browser sends ``Origin`` with every POST. Posts whose ``Origin`` is neither
this server's own origin nor one of ``HELPCENTRE_CORS_ORIGINS`` are refused with 403 (a simple
request is delivered even when the CORS answer would deny the page reading it, so CORS headers
alone would not stop a foreign page from voting). Requests without ``Origin`` come from
non-browser clients and are accepted. Foreign origins get no CORS headers.

Run it with any ASGI server::

    uvicorn --factory helpcentre.collector.app:create_app_from_env

or ``helpcentre collector --db URL --site SITE_DIR``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import math
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from helpcentre.collector import validation
from helpcentre.collector.openapi import openapi_document
from helpcentre.collector.pages import KnownPages
from helpcentre.collector.ratelimit import DailyVoteLimit, RateLimiter
from helpcentre.collector.readers import ReaderKeys
from helpcentre.collector.server import MAX_HEADER_BYTES
from helpcentre.collector.settings import RateLimit, Settings, SettingsError
from helpcentre.collector.site_files import SiteFiles
from helpcentre.collector.storage import FeedbackStore, now_ms, open_store
from helpcentre.collector.summaries import summarise_database
from helpcentre.collector.writer import BatchWriter, WriterBusy
from helpcentre.feedback.summary import normalise_query, parse_since
from helpcentre.records import (
    ContactRecord,
    Record,
    ReformulationRecord,
    SearchRecord,
    VoteRecord,
)

logger = logging.getLogger(__name__)

API = "/api/v1"
ACCEPTED = {"status": "accepted"}
_CONTENT_TYPES = {"application/json", "text/plain"}
#: Seconds between two runs of the storage's housekeeping (SQLite: WAL checkpoints).
MAINTENANCE_INTERVAL = 1.0
#: Exports per client address: each one reads the whole window from the database.
EXPORT_RATE = RateLimit(10, 60.0)
#: Most request headers accepted; browsers send about 20.
MAX_HEADERS = 100


@dataclass
class Collector:
    """What the endpoints share, created at start-up."""

    settings: Settings
    store: FeedbackStore
    writer: BatchWriter
    pages: KnownPages
    readers: ReaderKeys
    limiter: RateLimiter | None
    votes: DailyVoteLimit
    exports: RateLimiter


def _collector(request: Request) -> Collector:
    return request.app.state.collector


def _today(moment_ms: int) -> str:
    return datetime.fromtimestamp(moment_ms / 1000, timezone.utc).date().isoformat()


def check_origin(request: Request, settings: Settings) -> None:
    """Refuse a state-changing request sent by a page of a foreign origin.

    Raises:
        HTTPException: 403 naming the origin.
    """
    origin = request.headers.get("origin")
    if origin is None:
        return
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin == own or origin in settings.cors_origins or "*" in settings.cors_origins:
        return
    raise HTTPException(
        403,
        f"origin {origin[:100]!r} may not post feedback here; "
        "allow it with HELPCENTRE_CORS_ORIGINS",
    )


async def read_body(request: Request, limit: int) -> bytes:
    """Read a JSON (or beacon ``text/plain``) body of at most ``limit`` bytes.

    Raises:
        HTTPException: 415 for another content type, 413 for a larger body.
    """
    content_type = request.headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type not in _CONTENT_TYPES:
        raise HTTPException(
            415,
            f"Content-Type {content_type[:60]!r} is not accepted: send application/json "
            "(or text/plain containing JSON, as navigator.sendBeacon does)",
        )
    declared = request.headers.get("content-length")
    too_large = f"body larger than {limit} bytes"
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, too_large)
    body = bytearray()
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise HTTPException(413, too_large)
    except ClientDisconnect:
        # The server's request deadline closed the connection, or the client left.
        raise HTTPException(400, "the request body did not arrive whole") from None
    return bytes(body)


async def _client(request: Request, collector: Collector, moment: int) -> bytes:
    """The day's salted digest of the client address (the proxy's word only if it is trusted)."""
    address = request.client.host if request.client else ""
    return await collector.readers.client(_today(moment), address)


def _throttle(limiter: RateLimiter, client: bytes, what: str) -> None:
    wait = limiter.acquire(client)
    if wait > 0:
        raise HTTPException(
            429,
            f"too many {what} from this client; retry later",
            headers={"Retry-After": str(max(1, math.ceil(wait)))},
        )


async def _admit(request: Request, collector: Collector, moment: int) -> None:
    """Origin check and rate limit shared by the POST endpoints."""
    check_origin(request, collector.settings)
    if collector.limiter is not None:
        _throttle(collector.limiter, await _client(request, collector, moment), "requests")


def _seconds_to_midnight(moment_ms: int) -> int:
    return max(1, 86_400 - (moment_ms // 1000) % 86_400)


async def _store(collector: Collector, record: Record) -> Response:
    try:
        await collector.writer.submit(record)
    except WriterBusy as error:
        raise HTTPException(503, f"busy: {error}", headers={"Retry-After": "1"}) from None
    except Exception as error:
        logger.exception("could not store a record")
        raise HTTPException(503, f"could not store: {type(error).__name__}") from None
    return JSONResponse(ACCEPTED, status_code=202)


async def _reader(request: Request, collector: Collector, moment: int) -> str:
    address = request.client.host if request.client else ""
    user_agent = request.headers.get("user-agent", "")
    return await collector.readers.reader(_today(moment), address, user_agent)


Validator = Callable[[dict[str, Any], Mapping[str, frozenset[str]]], dict[str, Any]]


async def _accept(request: Request, validate: Validator) -> tuple[Collector, int, dict[str, Any]]:
    """What every POST does first: origin check, rate limit, body, validation.

    Returns:
        The collector, the request's moment (milliseconds) and the validated fields.
    """
    collector = _collector(request)
    moment = now_ms()
    await _admit(request, collector, moment)
    body = await read_body(request, collector.settings.max_body_bytes)
    return collector, moment, validate(validation.parse_object(body), collector.pages.locales)


async def post_vote(request: Request) -> Response:
    """Record a "Did this help?" vote; 202 once it is committed."""
    collector, moment, vote = await _accept(request, validation.validate_vote)
    client = await _client(request, collector, moment)
    if not collector.votes.admit(_today(moment), client, vote["locale"], vote["page"]):
        raise HTTPException(
            429,
            f"this address has cast {collector.votes.limit} votes on this page today; "
            "the limit is set with --vote-limit",
            headers={"Retry-After": str(_seconds_to_midnight(moment))},
        )
    record = VoteRecord(
        day=_today(moment),
        created_at=moment,
        reader=await _reader(request, collector, moment),
        **vote,
    )
    return await _store(collector, record)


async def post_search(request: Request) -> Response:
    """Record a search that found nothing useful; 202 once it is committed."""
    collector, moment, search = await _accept(request, validation.validate_search)
    record = SearchRecord(
        day=_today(moment),
        created_at=moment,
        reader=await _reader(request, collector, moment),
        normalised=normalise_query(search["query"]),
        **search,
    )
    return await _store(collector, record)


async def post_reformulation(request: Request) -> Response:
    """Record a failed search and the query whose result the reader then opened; 202 once it is
    committed."""
    collector, moment, pair = await _accept(request, validation.validate_reformulation)
    record = ReformulationRecord(
        day=_today(moment),
        created_at=moment,
        reader=await _reader(request, collector, moment),
        locale=pair["locale"],
        query=pair["query"],
        normalised=normalise_query(pair["query"]),
        then_query=pair["then_query"],
        then_normalised=normalise_query(pair["then_query"]),
        page=pair["page"],
    )
    return await _store(collector, record)


async def post_contact_event(request: Request) -> Response:
    """Record what happened on the contact page during a visit; 202 once it is committed."""
    collector, moment, event = await _accept(request, validation.validate_contact_event)
    day = _today(moment)
    record = ContactRecord(
        day=day,
        created_at=moment,
        session=await collector.readers.session(day, event["session"]),
        locale=event["locale"],
        event=event["event"],
        page=event["page"],
        query_length=event["query_length"],
        context=event["context"],
    )
    return await _store(collector, record)


async def health(request: Request) -> Response:
    """Report that the collector is up and what it serves."""
    collector = _collector(request)
    version = await collector.writer.call(collector.store.schema_version)
    return JSONResponse(
        {
            "status": "ok",
            "storage": collector.store.backend,
            "schema_version": version,
            "locales": sorted(collector.pages.locales),
            "pages": collector.pages.count(),
            "pending_writes": collector.writer.pending,
        }
    )


async def export(request: Request) -> Response:
    """Return the feedback summary of the last ``since`` days to a holder of the export token."""
    collector = _collector(request)
    settings = collector.settings
    # Before the token check, so guessing the token is throttled too.
    _throttle(collector.exports, await _client(request, collector, now_ms()), "exports")
    if not settings.export_token:
        raise HTTPException(404, "export is disabled: set HELPCENTRE_EXPORT_TOKEN to enable it")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), settings.export_token.encode()
    ):
        raise HTTPException(
            401,
            "send the export token as 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": 'Bearer realm="helpcentre export"'},
        )
    since = request.query_params.get("since", "90d")
    try:
        parse_since(since)
    except ValueError as error:
        raise HTTPException(400, str(error)) from None
    # A connection of its own, in a worker thread: the export must not hold up the writer.
    summary = await run_in_threadpool(summarise_database, settings.database_url, since=since)
    return Response(summary.to_json(), media_type="application/json")


async def openapi(request: Request) -> Response:
    """Return the OpenAPI document of the API, with this site's locales and pages."""
    return JSONResponse(openapi_document(_collector(request).pages.locales))


class HeaderCountGuard:
    """Refuse too many headers, or headers larger than :data:`MAX_HEADER_BYTES`, with 431.

    uvicorn stops reading a head larger than its buffer limit while it is still incomplete; a
    slightly larger head that arrived in one piece is parsed whole, and refused here.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope["headers"]
        size = sum(len(name) + len(value) for name, value in headers)
        detail = None
        if len(headers) > MAX_HEADERS:
            detail = f"{len(headers)} headers; at most {MAX_HEADERS} are accepted"
        elif size > MAX_HEADER_BYTES:
            detail = f"headers of {size} bytes; at most {MAX_HEADER_BYTES} are accepted"
        if detail is not None:
            response = JSONResponse({"detail": detail}, 431, headers={"Connection": "close"})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code in {204, 304}:
        return Response(status_code=exc.status_code, headers=exc.headers)
    if request.url.path.startswith(API + "/") or request.url.path == API:
        return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)
    return PlainTextResponse(exc.detail, exc.status_code, headers=exc.headers)


def create_app(settings: Settings) -> Starlette:
    """Build the collector for ``settings``.

    The database is opened (and migrated) and the manifest loaded at start-up, in the lifespan.

    Raises:
        SettingsError: No manifest or site is configured, or the site directory does not exist.
    """
    manifest = settings.manifest_file
    routes: list[BaseRoute] = [
        Mount(
            API,
            routes=[
                Route("/votes", post_vote, methods=["POST"]),
                Route("/searches", post_search, methods=["POST"]),
                Route("/reformulations", post_reformulation, methods=["POST"]),
                Route("/contact-events", post_contact_event, methods=["POST"]),
                Route("/health", health, methods=["GET"]),
                Route("/export", export, methods=["GET"]),
                Route("/openapi.json", openapi, methods=["GET"]),
            ],
        )
    ]
    if settings.site_dir is not None and settings.serve_site:
        if not settings.site_dir.is_dir():
            raise SettingsError(
                f"{settings.site_dir}: site directory not found -- build the site first"
            )
        routes.append(Mount("/", app=SiteFiles(directory=settings.site_dir, html=True)))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pages = KnownPages(manifest)
        store = await run_in_threadpool(open_store, settings.database_url)
        writer = BatchWriter(
            store, batch_size=settings.batch_size, max_pending=settings.max_pending
        )
        writer.start()

        async def fetch_salt(day: str) -> bytes:
            return await writer.call(store.reader_salt, day)

        app.state.collector = Collector(
            settings=settings,
            store=store,
            writer=writer,
            pages=pages,
            readers=ReaderKeys(fetch_salt),
            limiter=RateLimiter(settings.rate_limit) if settings.rate_limit else None,
            votes=DailyVoteLimit(settings.vote_limit),
            exports=RateLimiter(EXPORT_RATE),
        )

        async def maintain() -> None:
            while True:
                await asyncio.sleep(MAINTENANCE_INTERVAL)
                try:
                    await run_in_threadpool(store.maintain)
                except Exception:
                    logger.exception("storage maintenance failed; retrying later")

        maintenance = asyncio.get_running_loop().create_task(maintain())
        try:
            yield
        finally:
            maintenance.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await maintenance
            await writer.stop()
            store.maintain()
            store.close()

    return Starlette(
        routes=routes,
        middleware=[
            Middleware(HeaderCountGuard),
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type"],
                max_age=86400,
            ),
        ],
        exception_handlers={HTTPException: _http_error},
        lifespan=lifespan,
    )


def create_app_from_env() -> Starlette:
    """Build the collector from ``HELPCENTRE_*`` environment variables (an ASGI app factory)."""
    return create_app(Settings.from_env())
