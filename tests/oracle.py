"""The oracle of the key index: a selection read the way the store read it before (0006).

Every cell of the indicator in the release's order, filtered in Python — with the same
signature and answer as :func:`store.observations.select_cells`, so tests can put it in
that function's place.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select

from store.models import Observation
from store.observations import KEYS


def scan_cells(
    connection: Connection,
    release_id: str,
    indicator_id: str,
    dimensions: Sequence[str],
    periods: Collection[str] | None = None,
    where: Mapping[str, Collection[str]] | None = None,
    ordered: bool = True,
    present: Mapping[str, int] | None = None,
) -> list[tuple[Any, ...]]:
    """The old algorithm: every cell of the indicator, in release order, filtered in Python."""
    table = Observation.__table__
    rows = connection.execute(
        select(
            *(table.c[k] for k in KEYS[: len(dimensions)]),
            table.c.period,
            table.c.value,
            table.c.status,
            table.c.conf,
            table.c.footnote_id,
            table.c.sort_order,
        )
        .where(table.c.release_id == release_id, table.c.indicator_id == indicator_id)
        .order_by(table.c.sort_order)
    )
    n = len(dimensions)
    keep = {d: set(codes) for d, codes in (where or {}).items()}
    out = []
    for row in rows:
        if periods is not None and row[n] not in set(periods):
            continue
        if any(row[k] not in keep[d] for k, d in enumerate(dimensions) if d in keep):
            continue
        status, conf = row[n + 2], row[n + 3]
        out.append((*row[: n + 2], str(status.value), str(conf.value), *row[n + 4 :]))
    return out
