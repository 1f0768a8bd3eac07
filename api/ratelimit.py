"""Per-client rate limits, shared by the Flask views and the cached fast path.

Built on ``limits`` (the engine under flask-limiter) rather than on flask-limiter itself, so
that an answer served from the cache without entering Flask (:mod:`api.fastpath`) counts
against the very same budget, at a fraction of the cost. One budget per client address for
the whole public API; ``OPTIONS`` and ``/health`` are free, and so are 304s, which the client
already paid for. Headers: ``RateLimit-Limit``, ``-Remaining``, ``-Reset`` (seconds) and
``RateLimit-Policy``; a refusal is a 429 problem with ``Retry-After``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter


@dataclass(frozen=True)
class Budget:
    """What a client has left: whether it may ask, how much remains, when it resets."""

    allowed: bool
    remaining: int
    reset_in: int


class ClientLimiter:
    """A fixed-window budget per client, e.g. ``"300 per 10 seconds"``."""

    def __init__(self, limit: str, storage_uri: str) -> None:
        self.item = parse(limit)
        self._strategy = FixedWindowRateLimiter(storage_from_string(storage_uri))
        self.policy = f"{self.item.amount};w={self.item.get_expiry()}"

    def budget(self, client: str) -> Budget:
        stats = self._strategy.get_window_stats(self.item, client)
        reset_in = max(1, int(stats.reset_time - time.time() + 0.999))
        return Budget(stats.remaining > 0, stats.remaining, reset_in)

    def spend(self, client: str) -> Budget:
        """Count one answer and return the budget left after it."""
        self._strategy.hit(self.item, client)
        return self.budget(client)

    def headers(self, budget: Budget) -> list[tuple[str, str]]:
        return [
            ("RateLimit-Limit", str(self.item.amount)),
            ("RateLimit-Remaining", str(max(0, budget.remaining))),
            ("RateLimit-Reset", str(budget.reset_in)),
            ("RateLimit-Policy", self.policy),
        ]


def exempt(method: str, path: str) -> bool:
    return method == "OPTIONS" or not path.startswith("/api/")
