"""Collector settings, read from the environment (the command line overrides them).

=============================  ===========================================================
``HELPCENTRE_DB``              database URL, default ``sqlite:///feedback.db``
``HELPCENTRE_SITE``            built site directory: its ``feedback-manifest.json`` lists the
                               pages that accept votes, and the site is served at ``/``
``HELPCENTRE_MANIFEST``        manifest file, when the collector runs apart from the site
``HELPCENTRE_SERVE_SITE``      ``0`` to serve only the API even though a site is given
``HELPCENTRE_CORS_ORIGINS``    comma-separated origins allowed to post from another origin,
                               e.g. ``https://help.example.com``; ``*`` allows any origin
``HELPCENTRE_EXPORT_TOKEN``    bearer token of ``GET /api/v1/export``; unset disables it
``HELPCENTRE_RATE_LIMIT``      requests per client address, ``60/minute`` by default
                               (``N/second``, ``N/minute``, ``N/hour``; ``off`` disables it)
``HELPCENTRE_VOTE_LIMIT``      votes one client address may cast on one page per UTC day,
                               whatever its User-Agent; ``10`` by default
``HELPCENTRE_FORWARDED_ALLOW_IPS``  comma-separated proxy addresses or networks whose
                               ``X-Forwarded-For`` is believed; empty (none) by default
``HELPCENTRE_REQUEST_TIMEOUT`` seconds a request may take to arrive (head and body), ``10``
=============================  ===========================================================
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.feedback.manifest import manifest_path

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour|s|m|h)\s*$")
_PERIODS = {"second": 1.0, "s": 1.0, "minute": 60.0, "m": 60.0, "hour": 3600.0, "h": 3600.0}


class SettingsError(ValueError):
    """A setting has a value the collector cannot use; the message names the setting."""


@dataclass(frozen=True)
class RateLimit:
    """At most ``requests`` per ``period`` seconds per client, with bursts up to ``requests``."""

    requests: int
    period: float

    @classmethod
    def parse(cls, text: str, *, setting: str = "HELPCENTRE_RATE_LIMIT") -> RateLimit | None:
        """Parse ``60/minute`` (``None`` for ``off``).

        Raises:
            SettingsError: The text is not ``N/second``, ``N/minute``, ``N/hour`` or ``off``.
        """
        if text.strip().lower() in {"off", "none", "0"}:
            return None
        match = _RATE.match(text.lower())
        if not match or int(match.group(1)) < 1:
            raise SettingsError(
                f"{setting}={text!r}: expected a limit such as '60/minute', '5/second', "
                "'1000/hour', or 'off'"
            )
        return cls(int(match.group(1)), _PERIODS[match.group(2)])


@dataclass(frozen=True)
class Settings:
    """Everything the collector application needs."""

    database_url: str = "sqlite:///feedback.db"
    site_dir: Path | None = None
    manifest: Path | None = None
    serve_site: bool = True
    cors_origins: tuple[str, ...] = ()
    export_token: str | None = None
    rate_limit: RateLimit | None = field(default_factory=lambda: RateLimit(60, 60.0))
    vote_limit: int = 10
    """Votes one client address may cast on one page per UTC day."""
    forwarded_allow_ips: tuple[str, ...] = ()
    """Proxies whose forwarded headers are honoured; empty: the connection's address counts."""
    request_timeout: float = 10.0
    """Seconds a request may take to arrive, head and body together."""
    max_body_bytes: int = 4096
    """Larger request bodies are refused with 413."""
    batch_size: int = 1000
    """Most records committed in one transaction."""
    max_pending: int = 20_000
    """Records waiting for the database beyond which new ones get 503."""

    @property
    def manifest_file(self) -> Path:
        """The manifest to load: ``manifest`` if set, else the site's own.

        Raises:
            SettingsError: Neither a manifest nor a site directory is configured.
        """
        if self.manifest is not None:
            return self.manifest
        if self.site_dir is not None:
            return manifest_path(self.site_dir)
        raise SettingsError(
            "no list of pages: give the built site (--site or HELPCENTRE_SITE) or its "
            "feedback-manifest.json (--manifest or HELPCENTRE_MANIFEST)"
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``environ`` (default: the process environment).

        Raises:
            SettingsError: A variable has an unusable value; the message names it.
        """
        env = os.environ if environ is None else environ
        site = env.get("HELPCENTRE_SITE") or None
        manifest = env.get("HELPCENTRE_MANIFEST") or None
        serve = env.get("HELPCENTRE_SERVE_SITE", "1").strip().lower()
        if serve not in {"1", "0", "true", "false", "yes", "no"}:
            raise SettingsError(f"HELPCENTRE_SERVE_SITE={serve!r}: expected 1 or 0")
        rate = env.get("HELPCENTRE_RATE_LIMIT")
        votes = env.get("HELPCENTRE_VOTE_LIMIT")
        timeout = env.get("HELPCENTRE_REQUEST_TIMEOUT")
        return cls(
            database_url=env.get("HELPCENTRE_DB") or cls.database_url,
            site_dir=Path(site) if site else None,
            manifest=Path(manifest) if manifest else None,
            serve_site=serve in {"1", "true", "yes"},
            cors_origins=parse_origins(env.get("HELPCENTRE_CORS_ORIGINS", "")),
            export_token=env.get("HELPCENTRE_EXPORT_TOKEN") or None,
            rate_limit=RateLimit(60, 60.0) if rate is None else RateLimit.parse(rate),
            vote_limit=cls.vote_limit if votes is None else parse_vote_limit(votes),
            forwarded_allow_ips=parse_forwarded_allow_ips(
                env.get("HELPCENTRE_FORWARDED_ALLOW_IPS", "")
            ),
            request_timeout=(
                cls.request_timeout if timeout is None else parse_request_timeout(timeout)
            ),
        )


def parse_vote_limit(text: str, *, setting: str = "HELPCENTRE_VOTE_LIMIT") -> int:
    """Parse the votes one address may cast on one page per day (a whole number, 1 or more).

    Raises:
        SettingsError: The text is not a positive whole number.
    """
    if not text.strip().isdigit() or int(text) < 1:
        raise SettingsError(f"{setting}={text!r}: expected a whole number of votes, e.g. 10")
    return int(text)


def parse_request_timeout(text: str, *, setting: str = "HELPCENTRE_REQUEST_TIMEOUT") -> float:
    """Parse the seconds a request may take to arrive (more than 0, at most 600).

    Raises:
        SettingsError: The text is not a number of seconds in that range.
    """
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 600:
        raise SettingsError(f"{setting}={text!r}: expected seconds between 0 and 600, e.g. 10")
    return seconds


def parse_forwarded_allow_ips(
    text: str, *, setting: str = "HELPCENTRE_FORWARDED_ALLOW_IPS"
) -> tuple[str, ...]:
    """Split a comma-separated list of proxy addresses or networks (``10.0.0.5``, ``10.0.0.0/8``).

    ``*`` (believe anyone) is refused: it would let every client choose its own address.

    Raises:
        SettingsError: An entry is not an IP address or network.
    """
    entries = []
    for item in text.split(","):
        entry = item.strip()
        if not entry:
            continue
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise SettingsError(
                f"{setting}: {entry!r} is not an IP address or network; list the proxies' "
                "addresses, e.g. 127.0.0.1 or 10.0.0.0/8"
            ) from None
        entries.append(entry)
    return tuple(entries)


def parse_origins(text: str, *, setting: str = "HELPCENTRE_CORS_ORIGINS") -> tuple[str, ...]:
    """Split a comma-separated list of origins (``scheme://host[:port]``, no path).

    Raises:
        SettingsError: An entry is not an origin.
    """
    origins = []
    for item in text.split(","):
        origin = item.strip().rstrip("/")
        if not origin:
            continue
        if origin != "*" and not re.match(r"^https?://[^/\s]+$", origin):
            raise SettingsError(
                f"{setting}: {item.strip()!r} is not an origin; write scheme://host[:port], "
                "e.g. https://help.example.com"
            )
        origins.append(origin)
    return tuple(origins)
