"""Benchmark: ingesting a Border Service file, beside Arrow and DuckDB on the same file.

Why the comparison: "300,000 rows a second" means little on its own (it depends on the
machine); quoted beside what the fastest general-purpose engines do with the same bytes on
the same machine in the same run, the ratio says how much the platform's validation,
mapping, quarantine and store writes cost. Each contender runs in a fresh process, so its
peak memory (max RSS) is its own.

    .venv/bin/python bench/bench_border.py --rows 10000000   # the issue's target size
    .venv/bin/python bench/bench_border.py --rows 200000 --no-write   # a quick look

The file is generated at run time into a temporary folder (never committed) and removed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import write_section  # noqa: E402

GROUP = ["c0", "c1", "c2", "c3", "c4", "c5", "c6"]


def _statkg(path: str, db: str) -> dict[str, object]:
    from classifiers.loader import load_classifiers
    from ingest.loader import BatchLoader
    from ingest.pseudonymise import Pseudonymiser
    from ingest.sources.border import BorderAdapter
    from store import Database, schema

    database = Database(f"sqlite:///{db}")
    schema.upgrade(database.engine)
    with database.transaction() as session:
        load_classifiers(session)
    loader = BatchLoader(database, Pseudonymiser("bench"))
    started = time.perf_counter()
    result = BorderAdapter(path=path, microdata_dir=Path(db).parent / "microdata").run(loader)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "received": result.received, "quarantined": result.quarantined,
            "balanced": result.balanced}  # fmt: skip


def _pyarrow(path: str, _db: str) -> dict[str, object]:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    started = time.perf_counter()
    reader = pacsv.open_csv(
        path,
        # Latin-1: every byte is a character, so lines of garbage bytes reach the row handler
        # (Arrow cannot skip a line that is not UTF-8 otherwise).
        read_options=pacsv.ReadOptions(
            skip_rows=1, column_names=[f"c{i}" for i in range(8)], encoding="latin-1"
        ),
        parse_options=pacsv.ParseOptions(delimiter=";", invalid_row_handler=lambda _: "skip"),
        convert_options=pacsv.ConvertOptions(
            column_types={f"c{i}": pa.string() for i in range(8)}, include_columns=GROUP
        ),
    )
    parts = [pa.Table.from_batches([b]).group_by(GROUP).aggregate([([], "count_all")])
             for b in reader]  # fmt: skip
    total = pa.concat_tables(parts).group_by(GROUP).aggregate([("count_all", "sum")])
    return {"seconds": time.perf_counter() - started, "cells": total.num_rows}


def _duckdb(path: str, _db: str) -> dict[str, object]:
    import duckdb

    started = time.perf_counter()
    connection = duckdb.connect()
    cells = connection.execute(
        "SELECT count(*) FROM (SELECT column0, column1, column2, column3, column4, column5, "
        "column6, count(*) FROM read_csv(?, delim=';', header=true, all_varchar=true, "
        "ignore_errors=true, names=['column0','column1','column2','column3','column4',"
        "'column5','column6','column7']) GROUP BY ALL)",
        [path],
    ).fetchone()
    return {"seconds": time.perf_counter() - started, "cells": cells[0] if cells else 0}


CONTENDERS = {"statkg": _statkg, "pyarrow": _pyarrow, "duckdb": _duckdb}


def child(name: str, path: str, db: str) -> None:
    result = CONTENDERS[name](path, db)
    result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(name: str, path: Path, db: Path) -> dict[str, object]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", name, str(path), str(db)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--encoding", default="utf-8", choices=["utf-8", "cp1251"])
    parser.add_argument("--no-write", action="store_true", help="Do not update the docs.")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    from synth.files import write_border

    with tempfile.TemporaryDirectory(prefix="statkg-bench-") as tmp:
        path, db = Path(tmp) / "border.csv", Path(tmp) / "bench.sqlite3"
        started = time.perf_counter()
        manifest = write_border(path, args.rows, encoding=args.encoding)
        generated = time.perf_counter() - started
        size_mb = path.stat().st_size / 1e6
        results = {name: measure(name, path, db) for name in CONTENDERS}
    report = _report(args, manifest.records, manifest.bad, size_mb, generated, results)
    print(report)
    statkg = results["statkg"]
    if not statkg["balanced"] or statkg["received"] != manifest.records:
        raise SystemExit("conservation failed: received != rows written")
    if not args.no_write:
        write_section("bench_border", report)


def _report(
    args: argparse.Namespace,
    rows: int,
    bad: int,
    size_mb: float,
    generated: float,
    results: dict[str, dict[str, object]],
) -> str:
    def rate(name: str) -> float:
        return rows / float(str(results[name]["seconds"]))

    lines = [
        "## Border Service file (`bench/bench_border.py`)",
        "",
        f"{rows:,} rows ({bad:,} defective), {size_mb:,.0f} MB, {args.encoding}; "
        f"generated in {generated:.1f} s; {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}.",
        "",
        "| contender | what it does | seconds | rows/s | peak memory | vs StatKG |",
        "|---|---|---|---|---|---|",
    ]
    what = {
        "statkg": "parse, validate, map codes, quarantine bad rows, count, write to SQLite",
        "pyarrow": "stream-read (as Latin-1, bad rows skipped), group by 7 columns, count",
        "duckdb": "read_csv (bad rows skipped), group by 7 columns, count",
    }
    for name, result in results.items():
        ratio = rate(name) / rate("statkg")
        lines.append(
            f"| {name} | {what[name]} | {float(str(result['seconds'])):.1f} | "
            f"{rate(name):,.0f} | {float(str(result['max_rss_mb'])):,.0f} MB | {ratio:.2f}× |"
        )
    lines += [
        "",
        "Targets (issue 3): at least 300,000 rows/s and peak memory under 500 MB for a "
        "10-million-row file. Reproduce with `make bench` or "
        "`.venv/bin/python bench/bench_border.py --rows 10000000`.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
