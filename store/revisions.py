"""Revisions: which published values a release changed against the release it revises.

In the store, beside the read layer, because everything that disseminates a release shows
it — ``flask release diff`` (:mod:`indicators.cli`) and the public release notes
(``web/releases.py``) — and the dissemination layers may not import the computations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Indicator, Observation
from store.observations import KEYS, dim_key, key_orders


@dataclass(frozen=True)
class Change:
    indicator: str
    period: str
    dim_key: str
    old: float | None
    new: float | None

    @property
    def difference(self) -> float | None:
        if self.old is None or self.new is None:
            return None
        return self.new - self.old

    @property
    def relative(self) -> float | None:
        if self.old in (None, 0) or self.new is None:
            return None
        return (self.new - self.old) / abs(self.old)


def diff(session: Session, old_id: str, new_id: str) -> list[Change]:
    """Every observation whose value differs between two releases (added and removed too)."""
    catalog = {row.id: tuple(row.dimensions or ()) for row in session.scalars(select(Indicator))}
    keys = [Observation.__table__.c[k] for k in KEYS]

    def values(release_id: str) -> dict[tuple[str, str, str], float | None]:
        # Each release's cells named in its own key order (the catalog may have changed it).
        dimensions = {**catalog, **key_orders(session.connection(), release_id)}
        rows = session.execute(
            select(Observation.indicator_id, Observation.period, Observation.value, *keys).where(
                Observation.release_id == release_id
            )
        )
        return {(i, p, dim_key(dimensions[i], codes)): v for i, p, v, *codes in rows}

    old, new = values(old_id), values(new_id)
    changes = []
    for key in sorted(old.keys() | new.keys()):
        before, after = old.get(key), new.get(key)
        if (
            key in old
            and key in new
            and (
                before == after
                or (before is not None and after is not None and abs(before - after) <= 1e-9)
            )
        ):
            continue
        changes.append(Change(*key, before, after))
    return changes


#: The largest changes a release's notes list per indicator (every changed cell is counted).
LISTED = 10


def _size(change: Change) -> float:
    relative = change.relative
    return abs(relative) if relative is not None else 0.0


def summarise(changes: list[Change], listed: int = LISTED) -> dict[str, dict[str, Any]]:
    """The revision by indicator, as JSON a release's notes keep: how many values changed,
    were added or withdrawn, and the ``listed`` largest relative changes (period, cell key,
    before, after).

    Written once when the release is computed (:mod:`indicators.release`), so that its
    public notes need not read both releases' observations again.
    """
    by_indicator: dict[str, list[Change]] = {}
    for change in changes:
        by_indicator.setdefault(change.indicator, []).append(change)
    out = {}
    for indicator_id, found in sorted(by_indicator.items()):
        both = [c for c in found if c.old is not None and c.new is not None]
        out[indicator_id] = {
            "changed": len(both),
            "added": sum(1 for c in found if c.old is None),
            "removed": sum(1 for c in found if c.new is None),
            "largest": [
                [c.period, c.dim_key, c.old, c.new]
                for c in sorted(both, key=_size, reverse=True)[:listed]
            ],
        }
    return out


def changes_of(indicator_id: str, summary: dict[str, Any]) -> list[Change]:
    """The listed changes of one indicator's summary, as :class:`Change` s again."""
    return [Change(indicator_id, *row) for row in summary.get("largest", [])]
