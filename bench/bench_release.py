"""Benchmark: computing a full release from the synthetic national data.

Target (issue 4): at most 60 s for about 7 million people and five years of events, with
the aggregation done in SQL by the database. The data set is generated at run time into a
temporary SQLite file (never committed); the release is then computed exactly as
``flask release compute`` does, and the time of each step is reported.

    .venv/bin/python bench/bench_release.py              # scale 1.0: the national size
    .venv/bin/python bench/bench_release.py --scale 0.1  # a quick look
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import machine, write_section  # noqa: E402
from classifiers.loader import load_classifiers  # noqa: E402
from indicators.release import compute_release  # noqa: E402
from ingest.pseudonymise import Pseudonymiser  # noqa: E402
from store import Database, schema  # noqa: E402
from store.models import ReleaseStatus  # noqa: E402
from synth.load import generate  # noqa: E402
from synth.simulate import Params  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    header = machine()
    with tempfile.TemporaryDirectory(prefix="statkg-bench-") as folder:
        database = Database(f"sqlite:///{folder}/bench.sqlite3")
        schema.upgrade(database.engine)
        started = time.perf_counter()
        with database.transaction() as session:
            load_classifiers(session)
            outcome = generate(session, Params(scale=args.scale), Pseudonymiser("bench"))
        generated = time.perf_counter() - started
        rows = sum(outcome.rows.values())
        started = time.perf_counter()
        now = datetime.now(UTC)
        with database.transaction() as session:
            result = compute_release(session, 2025, ReleaseStatus.PROVISIONAL, now, now)
            checks = result.release.notes["checks_passed"]
        total = time.perf_counter() - started
        database.dispose()
    steps = " · ".join(f"{name} {seconds:.1f} s" for name, seconds in result.seconds.items())
    body = "\n".join(
        [
            "## Release computation (`bench/bench_release.py`)",
            "",
            f"{header}. Command: `make bench` or "
            f"`.venv/bin/python bench/bench_release.py --scale {args.scale:g}`.",
            "",
            f"Synthetic data at scale {args.scale:g}: population {outcome.population:,} on"
            f" 1 January 2021, {rows:,} microdata rows (generated and loaded in"
            f" {generated:.1f} s).",
            "",
            "| what | figure |",
            "|---|---|",
            f"| full release, 2021–2025, SQLite | **{total:.1f} s** (target ≤ 60 s) |",
            f"| observations written | {result.observations:,} |",
            f"| checks | {'all passed' if checks else 'FAILED'} |",
            f"| steps | {steps} |",
            "",
            "Aggregation: every GROUP BY runs in SQLite (`indicators/cubes.py`); Python places the "
            "grouped rows into numpy arrays and derives rates and life tables from them.",
        ]
    )
    print(body)
    if not args.no_write:
        write_section("bench_release", body)


if __name__ == "__main__":
    main()
