"""Benchmark: the Tunduk registration feed (AIS ASB) end to end into SQLite.

What is timed: the X-Road client fetching pages of 5,000 records from the simulated security
server over loopback HTTP, JSON decoding, pseudonymisation of every ПИН (HMAC-SHA-256),
validation and crosswalk mapping, de-duplication against the ledger, and the committed
inserts (events, ledger, quarantine, batch counters, cursor) — everything a real load does.
Records: the synthetic generator's ASB records with their defects, cloned with new ids and
ПИН up to ``--records``. Target (issue 3): at least 20,000 records/s.

    .venv/bin/python bench/bench_tunduk.py --records 200000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import machine, write_section
from classifiers.loader import load_classifiers
from ingest import crosswalks
from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.tunduk import Asb
from ingest.tunduk.client import XRoadClient
from store import Database, schema
from synth.simulate import Params
from synth.tunduk import native

SERVICE = "central-server/GOV/70000001/asb/SubjectFromTo"
ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(port: int) -> None:
    for _ in range(200):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("the simulated security server did not start")


def _cpu() -> float:
    """CPU seconds used by this process (the loader and its prefetch thread; the simulated
    security server runs in its own process): a figure the other jobs on a shared machine
    disturb less than the wall clock."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def records(n: int) -> list[tuple[str, object]]:
    base = native(Params(seed=2026, scale=0.02, first_year=2021, years=1))["asb"]
    out: list[tuple[str, object]] = []
    copy = 0
    while len(out) < n:
        for window, record in base:
            if isinstance(record, dict):
                pin = record.get("pin")
                record = {
                    **record,
                    "id": f"{record['id']}-{copy}",
                    "pin": f"{pin}"[:-4] + f"{(int(str(pin)[-4:]) + copy) % 10000:04d}"
                    if isinstance(pin, str) and len(pin) == 14
                    else pin,
                }
            out.append((window, record))
        copy += 1
    return out[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--write", action="store_true", help="update PERFORMANCE.md (default)")
    parser.add_argument("--no-write", action="store_true", help="do not update PERFORMANCE.md")
    args = parser.parse_args()
    os.environ["STATKG_TUNDUK_SERVICES"] = f"asb={SERVICE}"
    data = records(args.records)
    host = machine()
    with tempfile.TemporaryDirectory() as tmp:
        database = Database(f"sqlite:///{tmp}/bench.sqlite3")
        schema.upgrade(database.engine)
        with database.transaction() as session:
            load_classifiers(session)
            crosswalks.load(session)
        # The security server runs in its own process, as it would on its own machine.
        with (Path(tmp) / "asb.jsonl").open("w", encoding="utf-8") as out:
            for window, record in data:
                out.write(json.dumps({"window": window, "record": record}, ensure_ascii=False))
                out.write("\n")
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "ingest.tunduk.simulator", "--data", tmp, "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            _wait(port)
            client = XRoadClient(url, "central-server/GOV/70000002/nsc-statistics", timeout=60)
            adapter = Asb("2021-01-01", "2021-12-31", page_size=5000, client=client)
            started, cpu_started = time.perf_counter(), _cpu()
            result = BatchLoader(database, Pseudonymiser("bench")).run(adapter)
            seconds, cpu = time.perf_counter() - started, _cpu() - cpu_started
        finally:
            server.terminate()
            server.wait(10)
    rate = result.received / seconds
    line = (
        f"| {result.received:,} | {result.loaded:,} | {result.quarantined:,} | "
        f"{result.duplicates:,} | {seconds:.1f} | **{rate:,.0f}** | {cpu:.1f} | "
        f"{result.received / cpu:,.0f} |"
    )
    print(line)
    if args.no_write:
        return
    load_after = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    body = "\n".join(
        [
            "## Tunduk registration feed (`bench/bench_tunduk.py`)",
            "",
            f"{host}, load average {load_after} at the end; simulated security server on "
            "loopback (its own process), pages of 5,000, SQLite file.",
            "",
            "| received | loaded | quarantined | duplicates | seconds | records/s "
            "| loader CPU s | records per loader CPU s |",
            "|---|---|---|---|---|---|---|---|",
            line,
            "",
            "End to end: HTTP fetch, JSON decode, HMAC of every ПИН, validation, crosswalks, "
            "de-duplication against the ledger, committed inserts. Target (issue 3): at least "
            f"20,000 records/s. Reproduce with `make bench` or "
            f"`.venv/bin/python bench/bench_tunduk.py --records {args.records} --write`.",
            "",
            NOTES,
        ]
    )
    write_section("bench_tunduk", body)


NOTES = """\
**Below the 20,000 records/s target (best run 18,000).** The loader process needs 10.4–12.3
CPU-seconds for 200,000 records (16,300–19,300 records per CPU-second, the last column), so on
this 2-core machine, shared with other jobs, the wall-clock figure moved between 10,200 and
18,000 records/s over six runs of the same code on 25 November 2026 (load average 1.7–4).
Before this round the same benchmark gave 4,942 records/s at a load average of about 4.

Where the time goes (thread CPU time of the main thread, 200,000 records): mapping 3.1–3.4 s
(the AIS ASB fast path for plainly valid records — it defers every other record to the full
rules, which give the same row, and a test compares them —, pseudonymisation from a
precomputed HMAC state, one copy of each record, natural-key digests); storing 4.2–4.7 s, of
which the executemany of event rows and ledger entries as tuples 2.7 s and the ledger look-ups
for de-duplication 0.9 s; the remaining ~2.8 s of the process are commits (one per page, with
the cursor), the prefetch thread (HTTP, JSON decoding ~0.4 s, building records ~0.3 s) and
thread switching. Tried and dropped: a writer thread storing page N while the main thread maps
page N+1 (SQLite releases the GIL) was slower here, 13,400 against 15,900 records/s in
back-to-back runs (14.1 against 11.9 CPU-seconds: three threads contending for the GIL on two
cores). Next steps: fewer indexes written during a load (each record touches seven B-trees);
the mapping in fewer Python calls per field; orjson for the pages."""

if __name__ == "__main__":
    main()
