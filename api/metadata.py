"""What every request needs besides its cells, read once per public state of one store.

Why: a data query's own cells come from one indexed read (:mod:`store.observations`); before
this cache, most of its time went to reading again, on every request, the same release, the
indicator's catalog entry, the codes and labels of its dimensions and the footnotes. All of
these change only when the set of public releases changes (releases are immutable, and the
catalog and classifiers are written before a release is published), so they are kept in a
:class:`Snapshot` per public-state fingerprint (:class:`store.read.ReleaseState`).

The snapshots of one store live in its app (``app.extensions``), never in module globals,
so two stores in one process — both with a ``2025-P1`` — never share an entry. Every cache
here is bounded: a few snapshots per store, and a memo of 4,096 entries in each (a
release's indicator takes three: its key order, the codes present, its dimensions).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import datetime
from functools import cached_property
from typing import Any, TypeVar

from store import read
from store.db import Database

T = TypeVar("T")


class Snapshot:
    """The metadata of the releases public at one fingerprint, read lazily, kept whole."""

    def __init__(self, database: Database, state: read.ReleaseState, now: datetime, size: int):
        self.fingerprint = state.fingerprint
        self._database, self._now = database, now
        self._memo: OrderedDict[Hashable, Any] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    # ------------------------------------------------------------ releases

    @cached_property
    def releases(self) -> tuple[read.ReleaseInfo, ...]:
        """Every public release, the newest reference period (then vintage) first."""
        with self._database.session() as session:
            return tuple(read.public_releases(session, self._now))

    @cached_property
    def _by_id(self) -> dict[str, read.ReleaseInfo]:
        return {r.id: r for r in self.releases}

    @property
    def latest(self) -> read.ReleaseInfo | None:
        """The newest public vintage of the newest reference period."""
        return self.releases[0] if self.releases else None

    def release(self, release_id: str) -> read.ReleaseInfo | None:
        """A public release by id; ``None`` for an unknown or embargoed one."""
        return self._by_id.get(release_id)

    # ------------------------------------------------------------ catalog

    @cached_property
    def indicators(self) -> dict[str, read.IndicatorInfo]:
        with self._database.session() as session:
            return {i.id: i for i in read.indicators(session)}

    @cached_property
    def public_indicators(self) -> frozenset[str]:
        """The indicators the public may know of: those a public release holds, and the
        discontinued ones. An indicator only an unpublished computation wrote is not among
        them (the embargo): every route answers for it as for an id that does not exist."""
        held = {i for release in self.releases for i in self.coverage(release.id)}
        return frozenset(i for i, info in self.indicators.items() if i in held or info.discontinued)

    @cached_property
    def codelists(self) -> dict[str, read.CodelistInfo]:
        with self._database.session() as session:
            return {c.id: c for c in read.codelists(session)}

    @cached_property
    def footnotes(self) -> dict[int, read.FootnoteInfo]:
        with self._database.session() as session:
            return read.all_footnotes(session)

    def codes(self, codelist_id: str) -> list[read.CodeInfo]:
        """A codelist's codes in display order (the latest version of each)."""
        return self.memo(("codes", codelist_id), lambda session: read.codes(session, codelist_id))

    def coverage(self, release_id: str) -> dict[str, read.Coverage]:
        return self.memo(
            ("coverage", release_id), lambda session: read.coverage(session, release_id)
        )

    # ------------------------------------------------------------ anything else

    def memo(self, key: Hashable, make: Callable[[Any], T]) -> T:
        """``make(session)``, computed once per snapshot for ``key`` (bounded, LRU)."""
        with self._lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]  # type: ignore[no-any-return]
        with self._database.session() as session:
            value = make(session)
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > self._size:
                self._memo.popitem(last=False)
        return value


class Metadata:
    """The snapshots of one store: the current one, and the previous few (bounded)."""

    def __init__(self, database: Database, snapshots: int = 3, entries: int = 4096) -> None:
        self._database = database
        self._snapshots: OrderedDict[str, Snapshot] = OrderedDict()
        self._keep, self._entries = snapshots, entries
        self._lock = threading.Lock()

    def get(self, state: read.ReleaseState, now: datetime) -> Snapshot:
        with self._lock:
            snapshot = self._snapshots.get(state.fingerprint)
            if snapshot is None:
                snapshot = Snapshot(self._database, state, now, self._entries)
                self._snapshots[state.fingerprint] = snapshot
                while len(self._snapshots) > self._keep:
                    self._snapshots.popitem(last=False)
            else:
                self._snapshots.move_to_end(state.fingerprint)
            return snapshot

    def clear(self) -> None:
        with self._lock:
            self._snapshots.clear()
