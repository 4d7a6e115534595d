"""Reader keys: who voted, without storing who they are.

A reader key is an HMAC-SHA256 of the client address and user agent under a random salt that is
replaced every UTC day. The salt lives in the database (so several collector processes and restarts
agree on it during the day) and the previous days' salts are deleted, so yesterday's keys can no
longer be linked to an address, not even by someone holding the database. The raw address is
never written anywhere.

The contact page's random visit id is not stored as sent either: :meth:`ReaderKeys.session` keys it
under the same daily salt, so a visit can be followed through one day's events and no further.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
from collections.abc import Awaitable, Callable


class ReaderKeys:
    """Computes reader keys, fetching the salt of the day once per day."""

    def __init__(self, fetch_salt: Callable[[str], Awaitable[bytes]]) -> None:
        """Args:
        fetch_salt: Returns the salt of a ``YYYY-MM-DD`` day, deleting older ones.
        """
        self._fetch_salt = fetch_salt
        self._day = ""
        self._salt = b""
        self._lock = asyncio.Lock()

    async def salt(self, day: str) -> bytes:
        """Return the salt of ``day``."""
        if day != self._day:
            async with self._lock:
                if day != self._day:
                    self._salt = await self._fetch_salt(day)
                    self._day = day
        return self._salt

    async def reader(self, day: str, address: str, user_agent: str) -> str:
        """Return the key of the reader at ``address`` with ``user_agent`` on ``day``."""
        message = f"{address}\n{user_agent}".encode("utf-8", "surrogatepass")
        return hmac.new(await self.salt(day), message, hashlib.sha256).hexdigest()[:32]

    async def client(self, day: str, address: str) -> bytes:
        """Return a salted digest of ``address`` alone, to rate-limit without keeping addresses."""
        return hmac.new(await self.salt(day), address.encode(), hashlib.sha256).digest()[:16]

    async def session(self, day: str, visit: str) -> str:
        """Return the stored form of a contact-page visit id: a keyed hash valid for ``day``."""
        # The prefix keeps this key apart from reader keys computed under the same salt.
        message = f"contact-session\n{visit}".encode()
        return hmac.new(await self.salt(day), message, hashlib.sha256).hexdigest()[:32]
