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
import platform
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
DOC = ROOT / "docs" / "PERFORMANCE.md"


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
    parser.add_argument("--no-write", action="store_true", help="do not update PERFORMANCE.md")
    args = parser.parse_args()
    os.environ["STATKG_TUNDUK_SERVICES"] = f"asb={SERVICE}"
    data = records(args.records)
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
            started = time.perf_counter()
            result = BatchLoader(database, Pseudonymiser("bench")).run(adapter)
            seconds = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(10)
    rate = result.received / seconds
    line = (
        f"| {result.received:,} | {result.loaded:,} | {result.quarantined:,} | "
        f"{result.duplicates:,} | {seconds:.1f} | {rate:,.0f} |"
    )
    print(line)
    if args.no_write:
        return
    section = "\n".join(
        [
            "<!-- bench_tunduk:begin -->",
            "## Tunduk registration feed (`bench/bench_tunduk.py`)",
            "",
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{datetime.now(UTC).date().isoformat()}; simulated security server on loopback "
            "(its own process), pages of 5,000, SQLite file.",
            "",
            "| received | loaded | quarantined | duplicates | seconds | records/s |",
            "|---|---|---|---|---|---|",
            line,
            "",
            "End to end: HTTP fetch, JSON decode, HMAC of every ПИН, validation, crosswalks, "
            "de-duplication against the ledger, committed inserts. Target (issue 3): at least "
            f"20,000 records/s. Reproduce with `make bench` or "
            f"`.venv/bin/python bench/bench_tunduk.py --records {args.records}`.",
            "<!-- bench_tunduk:end -->",
        ]
    )
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    if "<!-- bench_tunduk:begin -->" in text:
        head, rest = text.split("<!-- bench_tunduk:begin -->", 1)
        text = head + section + rest.split("<!-- bench_tunduk:end -->", 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
