"""How uvicorn runs the collector: limits that make hostile HTTP cheap to refuse.

Most limits are uvicorn's own settings, set here once for the ``helpcentre collector`` command
and the tests alike (:func:`uvicorn_config`):

- ``http``: the pure-Python h11 parser, subclassed below. uvicorn would pick httptools when it is
  installed, and httptools reads a header of any size: a 100 MB header took 21.7 s and 120 MB.
- ``h11_max_incomplete_event_size``: uvicorn stops reading a head (request line and headers)
  still incomplete after :data:`MAX_HEADER_BYTES` and closes the connection, so a 100 MB header
  costs 16 KiB, not 100 MB; a head a little larger that arrives whole is refused with 431 by the
  application's header guard.
- ``limit_concurrency``: beyond this many connections and tasks, new requests get 503.
- ``timeout_keep_alive``: idle keep-alive connections are closed after a few seconds.
- ``proxy_headers`` / ``forwarded_allow_ips``: ``X-Forwarded-For`` and ``X-Forwarded-Proto`` are
  honoured only from the addresses the operator lists; none by default (uvicorn alone would
  trust loopback, so any local process, or a proxy on the same host that does not overwrite the
  header, could pick the client address the rate limits key on).

uvicorn has no deadline for a request that arrives slowly, so :class:`DeadlineH11Protocol` adds
one: from the first byte of a request until its last (head and body), at most
``request_timeout`` seconds; a request still incomplete then gets 408 and its connection is
closed. Without it a client sending one byte every few seconds kept a connection (and its
buffers) open indefinitely.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import h11
from uvicorn import Config
from uvicorn.protocols.http.h11_impl import H11Protocol

#: Longest request head (request line and every header) accepted, in bytes.
MAX_HEADER_BYTES = 16 * 1024
#: Connections and tasks served at once; more get 503 from uvicorn.
LIMIT_CONCURRENCY = 1000
#: Seconds an idle keep-alive connection stays open.
KEEP_ALIVE_SECONDS = 5
#: Default seconds a request may take to arrive, head and body together.
REQUEST_TIMEOUT = 10.0


def _timeout_response(seconds: float) -> bytes:
    body = json.dumps(
        {"detail": f"request not received within {seconds:g} seconds; send it at once"}
    ).encode()
    head = (
        "HTTP/1.1 408 Request Timeout\r\n"
        "content-type: application/json\r\n"
        f"content-length: {len(body)}\r\n"
        "connection: close\r\n\r\n"
    ).encode()
    return head + body


class DeadlineH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for receiving each whole request."""

    #: Set per server by :func:`uvicorn_config` (a subclass per timeout).
    request_timeout: float = REQUEST_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None

    def data_received(self, data: bytes) -> None:
        """Start the deadline at a request's first byte; stop it once the request is whole."""
        if self._deadline is None and self._receiving():
            self._deadline = self.loop.call_later(self.request_timeout, self._request_timed_out)
        super().data_received(data)
        if self._deadline is not None and not self._receiving():
            self._deadline.cancel()
            self._deadline = None

    def connection_lost(self, exc: Exception | None) -> None:
        """Drop the deadline with the connection."""
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        super().connection_lost(exc)

    def _receiving(self) -> bool:
        # IDLE: a request head is (or may be) under way; SEND_BODY: its body is.
        return self.conn.their_state in (h11.IDLE, h11.SEND_BODY)

    def _request_timed_out(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        if self.cycle is None or self.cycle.response_complete or not self.cycle.response_started:
            self.transport.write(_timeout_response(self.request_timeout))
        if self.cycle is not None and not self.cycle.response_complete:
            # The application may be waiting for the rest of the body: tell it the client left.
            self.cycle.disconnected = True
            self.cycle.message_event.set()
        self.transport.close()


def protocol_for(request_timeout: float) -> type[DeadlineH11Protocol]:
    """A :class:`DeadlineH11Protocol` class whose requests have ``request_timeout`` seconds."""
    return type("DeadlineH11Protocol", (DeadlineH11Protocol,), {"request_timeout": request_timeout})


def uvicorn_config(
    app: Any,
    *,
    forwarded_allow_ips: tuple[str, ...] = (),
    request_timeout: float = REQUEST_TIMEOUT,
    **options: Any,
) -> Config:
    """uvicorn's configuration for the collector ``app``; ``options`` go to :class:`Config`.

    Args:
        app: The ASGI application.
        forwarded_allow_ips: Proxy addresses (or networks) whose forwarded headers are honoured.
        request_timeout: Seconds a request may take to arrive.
        **options: ``host``, ``port``, ``log_level``, ``access_log`` ...
    """
    return Config(
        app,
        http=protocol_for(request_timeout),
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        limit_concurrency=LIMIT_CONCURRENCY,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        proxy_headers=bool(forwarded_allow_ips),
        forwarded_allow_ips=list(forwarded_allow_ips) or [],
        **options,
    )
