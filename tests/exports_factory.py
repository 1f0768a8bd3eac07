"""A store for the export tests: synthetic microdata, the catalog, and public, embargoed and
pending releases — so that every embargo path can be tried.

- ``2025-P1`` public since yesterday (reference 2025), with ``pop_test``/``cbr_test``;
- ``2026-P1`` embargoed until tomorrow (reference 2026, values ``EMBARGOED_VALUE``);
- ``2025-F1`` a final revision of 2025, embargoed until tomorrow: the 2025 microdata wait;
- synthetic events of 2024 and 2025 (scale 0.1): custom tables of 2024 may be made.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from sqlalchemy.orm import Session

from exports.table import Dimension, Table
from indicators.catalog import all_specs
from indicators.release import sync_catalog
from ingest.pseudonymise import Pseudonymiser
from store.models import Release, ReleaseStatus
from synth.load import generate
from synth.simulate import Params
from tests import release_factory as rf

YEAR = 2024
SCALE = 0.1
NOW = rf.NOW


def store(session: Session) -> None:
    rf.public_and_embargoed(session)
    sync_catalog(session, all_specs())
    generate(session, Params(seed=5, scale=SCALE, first_year=YEAR, years=2), Pseudonymiser("t"))
    session.add(
        Release(
            id="2025-F1",
            reference_period="2025",
            status=ReleaseStatus.FINAL,
            created_at=NOW,
            scheduled_at=NOW + timedelta(days=1),
            published_at=NOW + timedelta(days=1),
            revises_id="2025-P1",
            synthetic=True,
            notes={},
        )
    )
    session.commit()


def flat(dim_id: str, members: list[str], label: dict[str, str] | None = None) -> Dimension:
    codes = ("_T", *members)
    return Dimension(
        id=dim_id,
        codelist=dim_id,
        name={"en": dim_id, "ru": dim_id, "ky": dim_id},
        codes=codes,
        parents={c: None if c == "_T" else "_T" for c in codes},
        labels={c: ((label or {}).get(c) and {"en": (label or {})[c]}) or {"en": c} for c in codes},
    )


def table(inner: list[list[float]], labels: dict[str, str] | None = None) -> Table:
    """A two-way table rows × columns with both margins, from its inner cells."""
    cells = np.array(inner, dtype=float)
    values = np.zeros((cells.shape[0] + 1, cells.shape[1] + 1))
    values[1:, 1:] = cells
    values[0, 1:] = cells.sum(axis=0)
    values[1:, 0] = cells.sum(axis=1)
    values[0, 0] = cells.sum()
    dims = (
        flat("row", [f"r{i}" for i in range(cells.shape[0])], labels),
        flat("col", [f"c{j}" for j in range(cells.shape[1])]),
    )
    return Table(
        id="test",
        title={"en": "Test table", "ru": "Тест", "ky": "Тест"},
        unit="persons",
        release_id="2025-P1",
        synthetic=True,
        created_at=NOW,
        dims=dims,
        values=values,
        status=np.full(values.shape, "A", dtype=object),
        conf=np.full(values.shape, "F", dtype=object),
    )
