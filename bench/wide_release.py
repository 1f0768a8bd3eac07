"""A release at national-yearbook depth, for the serving benchmark: 20 years × rayon detail.

Why generated here and not by ``make run``: today's releases hold five years, and the
detailed cuts (cause of death by age, say) stop at the oblasts. The store must stay fast
when a release holds twenty years of every territory (country, oblasts, cities, rayons)
crossed with every other dimension; this builds such a release, with synthetic values, in
a store of its own:

- ``pop_jan1``: territory × urban/rural × sex × five-year age group;
- ``deaths``: territory × urban/rural × sex × age group × ICD-10 chapter (the largest);
- ``births``: territory × urban/rural × sex × mother's age × birth order.

Every code of each dimension's codelist (totals included) is crossed with every other,
for each of 20 years: about 6 million observations. The catalog entries are the real ones
(``indicators.catalog``), so the API answers them as it answers a computed release.

    python bench/wide_release.py --database sqlite:///var/bench-wide.sqlite3
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from classifiers.loader import load_classifiers  # noqa: E402
from indicators.catalog import all_specs  # noqa: E402
from indicators.release import sync_catalog  # noqa: E402
from indicators.spec import DIMENSIONS  # noqa: E402
from store import Database, schema  # noqa: E402
from store.models import Code, ObsStatus, Release, ReleaseStatus  # noqa: E402
from store.observations import NewObservation, insert_observations  # noqa: E402

RELEASE = "2025-P1"
INDICATORS = ("pop_jan1", "deaths", "births")
YEARS = tuple(str(y) for y in range(2006, 2026))


def _codes(session: Session, codelist: str) -> list[str]:
    rows = session.scalars(
        select(Code.code).where(Code.codelist_id == codelist).order_by(Code.sort_order, Code.code)
    )
    return list(dict.fromkeys(rows))


def _cells(
    indicator: str,
    dimensions: tuple[str, ...],
    first: str,
    rest: list[list[str]],
    years: tuple[str, ...],
    rng: random.Random,
    order: int,
) -> Iterator[NewObservation]:
    """Every cell whose first dimension is ``first``: the other axes' codes crossed, every
    year. ``sort_order`` is year-major, as a computed release lists its cells: ``order``
    is the cell's place within its year."""
    per_year = math.prod(len(axis) for axis in rest)
    for y, year in enumerate(years):
        for n, combination in enumerate(itertools.product(*rest)):
            yield NewObservation(
                indicator_id=indicator,
                period=year,
                dims=dict(zip(dimensions, (first, *combination), strict=True)),
                value=float(rng.randint(0, 5000)),
                status=ObsStatus.PROVISIONAL,
                sort_order=y * 10_000_000 + order * per_year + n,
            )


def build(url: str, years: tuple[str, ...] = YEARS, seed: int = 2026) -> int:
    """Create the store at ``url`` and write the release; returns the observations written."""
    database = Database(url)
    schema.upgrade(database.engine)
    rng = random.Random(seed)
    specs = {s.id: s for s in all_specs()}
    written = 0
    with database.transaction() as session:
        load_classifiers(session)
        sync_catalog(session, list(specs.values()))
        now = datetime.now(UTC)
        session.add(
            Release(
                id=RELEASE,
                reference_period=years[-1],
                status=ReleaseStatus.PROVISIONAL,
                created_at=now - timedelta(days=2),
                scheduled_at=now - timedelta(days=1),
                published_at=now - timedelta(days=1),
                synthetic=True,
                notes={"checks_passed": True, "checks": [], "years": [years[0], years[-1]]},
            )
        )
        session.flush()
        for indicator in INDICATORS:
            spec = specs[indicator]
            first, *rest = [_codes(session, DIMENSIONS[d]) for d in spec.dimensions]
            # One batch per code of the first dimension, all years in it: written in key
            # order, as a computed release is (which clusters it on PostgreSQL too).
            for order, code in enumerate(first):
                cells = list(_cells(spec.id, spec.dimensions, code, rest, years, rng, order))
                written += insert_observations(
                    session.connection(), RELEASE, cells, {indicator: spec.dimensions}
                )
    database.dispose()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", required=True)
    args = parser.parse_args()
    started = time.perf_counter()
    written = build(args.database)
    print(f"{written:,} observations in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
