"""What this worker knows is public, and the finished answers it may reuse.

Releases are immutable, so an answer computed from the public releases stays right until
that set changes: when a scheduled release reaches its publication time (known in advance,
:attr:`ReleaseState.valid_until`) or when someone publishes one early (another process:
noticed within ``STATKG_API_STATE_TTL`` seconds). Answers are therefore cached under the
fingerprint of the public set, and the embargo holds: a cached answer only ever holds
releases that were already public when it was made, and public releases stay public.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Generic, Protocol, TypeVar

from store import read
from store.db import Database


@dataclass(frozen=True)
class CachedAnswer:
    body: bytes
    mimetype: str
    etag: str
    last_modified: datetime | None
    immutable: bool


class PublicState:
    """The worker's view of :func:`store.read.release_state`, refreshed when it may be stale."""

    def __init__(self, database: Database, ttl: float) -> None:
        self._database, self._ttl = database, ttl
        self._state: read.ReleaseState | None = None
        self._latest_published: datetime | None = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def get(self, now: datetime) -> read.ReleaseState:
        state = self._state
        if (
            state is None
            or time.monotonic() - self._checked > self._ttl
            or (state.valid_until is not None and now >= state.valid_until)
        ):
            with self._lock:
                with self._database.session() as session:
                    state = read.release_state(session, now)
                self._state, self._checked = state, time.monotonic()
                self._latest_published = state.latest_published
        return state

    @property
    def latest_published(self) -> datetime | None:
        return self._latest_published

    def invalidate(self) -> None:
        self._state = None


class HasBody(Protocol):
    @property
    def body(self) -> bytes: ...


A = TypeVar("A", bound=HasBody)


class AnswerCache(Generic[A]):
    """A least-recently-used map of finished answers, bounded in bytes of their bodies.

    Used for the views' answers (:func:`api.http.public_answer`) and for the replayed
    WSGI answers (:mod:`api.fastpath`).
    """

    def __init__(self, max_bytes: int) -> None:
        self._items: OrderedDict[tuple[object, ...], A] = OrderedDict()
        self._bytes, self._max = 0, max_bytes
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> A | None:
        with self._lock:
            answer = self._items.get(key)
            if answer is not None:
                self._items.move_to_end(key)
            return answer

    def put(self, key: tuple[object, ...], answer: A) -> None:
        size = len(answer.body)
        if size > self._max // 4:
            return  # one huge answer must not evict everything else
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._items[key] = answer
            self._bytes += size
            while self._bytes > self._max and self._items:
                _, evicted = self._items.popitem(last=False)
                self._bytes -= len(evicted.body)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


class CompressedCache:
    """Storage for flask-compress: compressed bodies keyed by algorithm and ETag.

    Answers without an ETag get an empty key and are never stored.
    """

    def __init__(self, max_items: int = 2048) -> None:
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._max = max_items
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        if key.endswith(";"):
            return None
        with self._lock:
            return self._items.get(key)

    def set(self, key: str, value: bytes) -> None:
        if key.endswith(";"):
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._max:
                self._items.popitem(last=False)


def utcnow() -> datetime:
    return datetime.now(UTC)
