"""Per-client rate limit: a token bucket per (salted) client address, in memory.

Each client may send ``requests`` requests in a burst, then one more every ``period / requests``
seconds. Buckets live in this process only: behind several collector processes each applies the
limit on its own, which is still a flood guard, not an accounting system.
"""

from __future__ import annotations

import time

from helpcentre.collector.settings import RateLimit

# Buckets kept before idle (full) ones are dropped; bounds memory under a spoofed-address flood.
_PRUNE_ABOVE = 50_000


class RateLimiter:
    """Token buckets keyed by an opaque client key."""

    def __init__(self, limit: RateLimit, *, clock=time.monotonic) -> None:  # noqa: ANN001
        self.capacity = float(limit.requests)
        self.rate = limit.requests / limit.period
        self._clock = clock
        self._buckets: dict[bytes, tuple[float, float]] = {}

    def acquire(self, client: bytes) -> float:
        """Take one token for ``client``.

        Returns:
            0.0 if the request may proceed, else the seconds to wait before the next token.
        """
        now = self._clock()
        tokens, stamp = self._buckets.get(client, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - stamp) * self.rate)
        if tokens < 1.0:
            self._buckets[client] = (tokens, now)
            return (1.0 - tokens) / self.rate
        self._buckets[client] = (tokens - 1.0, now)
        if len(self._buckets) > _PRUNE_ABOVE:
            self._prune(now)
        return 0.0

    def _prune(self, now: float) -> None:
        full_after = self.capacity / self.rate
        self._buckets = {
            key: value for key, value in self._buckets.items() if now - value[1] < full_after
        }


class DailyVoteLimit:
    """At most ``limit`` votes per client key, locale and page in one UTC day, in memory.

    The reader key that decides which vote replaces which also hashes the User-Agent, so without
    this limit one address could cast any number of votes on a page by changing its User-Agent.
    The counts are per process, like the rate limit, and start again each day.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._day = ""
        self._counts: dict[tuple[bytes, str, str], int] = {}

    def admit(self, day: str, client: bytes, locale: str, page: str) -> bool:
        """Count one vote; False (and not counted) once ``client`` has cast ``limit`` today."""
        if day != self._day:
            self._day = day
            self._counts = {}
        key = (client, locale, page)
        cast = self._counts.get(key, 0)
        if cast >= self.limit:
            return False
        self._counts[key] = cast + 1
        return True
