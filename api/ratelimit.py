"""Per-client rate limits, shared by the Flask views and the cached fast path.

Built on ``limits`` (the engine under flask-limiter) rather than on flask-limiter itself, so
that an answer served from the cache without entering Flask (:mod:`api.fastpath`) counts
against the very same budget, at a fraction of the cost. ``OPTIONS`` and ``/health`` are
free, and so are 304s, which the client already paid for. Headers: ``RateLimit-Limit``,
``-Remaining``, ``-Reset`` (seconds) and ``RateLimit-Policy``; a refusal is a 429 problem
with ``Retry-After``.

Who a client is: the app key it sends (``STATKG_API_KEY_HEADER``, by default
``X-StatKG-App-Key``), else its address. Why: a mobile carrier's NAT puts thousands of
phones behind one address, which a per-address budget would starve; the StatKG app sends a
key of its installation instead. Since anyone can send any key, the address keeps a ceiling
of its own (``STATKG_API_ADDRESS_RATE_LIMIT``, much larger) that every key behind it shares:
rotating keys buys at most that. Behind a reverse proxy or load balancer the address is
the one the proxies report (``STATKG_PROXY_HOPS``, see :func:`api.register_api`).

Where the counters live: ``STATKG_API_RATE_STORAGE``. ``memory://`` counts per process; a
shared store (``redis://host:6379``) gives every gunicorn worker on every machine one
budget per client, which is what makes the API processes stateless.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import cast

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage, Storage, storage_from_string

#: What an app key may look like: 8–64 letters, digits, ``.``, ``_`` or ``-``.
APP_KEY = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class ProcessMemoryStorage(MemoryStorage):
    """limits' ``memory://`` storage without a new thread every 10 ms of traffic.

    Why: ``MemoryStorage`` sweeps expired counters from a ``threading.Timer`` that it starts
    again, after each sweep, on the next counted request — up to a hundred thread starts a
    second in a busy worker, which measured a tenth of a data query's time. Its counters are
    checked for expiry whenever they are read, so the sweep only frees memory: here it runs
    in the request that finds a second has passed since the last one.
    """

    def __init__(self, uri: str | None = None, **options: str) -> None:
        super().__init__(uri, **options)  # type: ignore[arg-type]
        self.timer.cancel()  # the one started by MemoryStorage.__init__
        self._swept = time.monotonic()

    def _MemoryStorage__schedule_expiry(self) -> None:  # noqa: N802  (the hook it replaces)
        now = time.monotonic()
        if now - self._swept >= 1.0:
            self._swept = now
            self._MemoryStorage__expire_events()  # type: ignore[attr-defined]


def _storage(uri: str) -> Storage:
    if uri.startswith("memory://"):
        return ProcessMemoryStorage(uri)
    return cast(Storage, storage_from_string(uri))


@dataclass(frozen=True)
class Client:
    """Whose budget a request spends: its app key (or address), and its address."""

    key: str
    address: str


def client_of(address: str | None, app_key: str | None) -> Client:
    """The client of a request from its (proxy-corrected) address and its app key header."""
    where = address or "unknown"
    if app_key and APP_KEY.match(app_key):
        return Client(f"key:{app_key}", f"ip:{where}")
    return Client(f"ip:{where}", f"ip:{where}")


@dataclass(frozen=True)
class Budget:
    """What a client has left: whether it may ask, how much remains, when it resets."""

    allowed: bool
    remaining: int
    reset_in: int


class ClientLimiter:
    """A fixed-window budget per client, e.g. ``"300 per 10 seconds"``, and per address.

    The fixed window of ``limits``' ``FixedWindowRateLimiter``, on its storage: a counter per
    key that expires at the end of its window.
    """

    def __init__(self, limit: str, storage_uri: str, address_limit: str = "") -> None:
        self.item = parse(limit)
        self.address_item: RateLimitItem | None = parse(address_limit) if address_limit else None
        self.storage = _storage(storage_uri)
        self.policy = f"{self.item.amount};w={self.item.get_expiry()}"

    # The storage's own counters, read and counted directly: each request reads its budget
    # and counts itself, and the strategy's calls (a read of the count and one of the
    # expiry for every question) made that three times the storage operations.

    def _reset_in(self, key: str) -> int:
        return max(1, int(self.storage.get_expiry(key) - time.time() + 0.999))

    def _ceiling(self, client: Client) -> str | None:
        """The key of the address's ceiling, when it applies to this client."""
        if self.address_item is None or client.key == client.address:
            return None
        return self.address_item.key_for(client.address)

    def allows(self, client: Client) -> bool:
        """Whether the client may ask now (its budget and its address's ceiling): the
        question every request asks first, without the reset time only a refusal needs."""
        if self.storage.get(self.item.key_for(client.key)) >= self.item.amount:
            return False
        ceiling = self._ceiling(client)
        return (
            ceiling is None
            or self.address_item is None
            or self.storage.get(ceiling) < self.address_item.amount
        )

    def budget(self, client: Client) -> Budget:
        """The client's own budget; refused too when its address has spent its ceiling."""
        key = self.item.key_for(client.key)
        remaining = self.item.amount - self.storage.get(key)
        ceiling = self._ceiling(client)
        if (
            ceiling is not None
            and self.address_item is not None
            and self.storage.get(ceiling) >= self.address_item.amount
        ):
            return Budget(False, 0, self._reset_in(ceiling))
        return Budget(remaining > 0, max(0, remaining), self._reset_in(key))

    def spend(self, client: Client) -> Budget:
        """Count one answer and return the budget left after it."""
        key = self.item.key_for(client.key)
        used = self.storage.incr(key, self.item.get_expiry())
        ceiling = self._ceiling(client)
        if ceiling is not None and self.address_item is not None:
            self.storage.incr(ceiling, self.address_item.get_expiry())
        remaining = max(0, self.item.amount - used)
        return Budget(remaining > 0, remaining, self._reset_in(key))

    def headers(self, budget: Budget) -> list[tuple[str, str]]:
        return [
            ("RateLimit-Limit", str(self.item.amount)),
            ("RateLimit-Remaining", str(max(0, budget.remaining))),
            ("RateLimit-Reset", str(budget.reset_in)),
            ("RateLimit-Policy", self.policy),
        ]


def exempt(method: str, path: str) -> bool:
    return method == "OPTIONS" or not path.startswith("/api/")
