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
