"""Helper run in a subprocess by test_ingest_resilience: an ASB load killed by SIGKILL.

``python -m tests.ingest_killer <database url> <kill on page n | 0>`` serves the synthetic
ASB records from an in-process simulator and loads them; with n > 0 the process kills itself
with SIGKILL in the middle of page n's transaction (rows inserted, nothing committed). Pages
are committed in twos (``COMMIT_RECORDS``), as the loader groups them on a real feed.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.tunduk import Asb
from ingest.tunduk.client import XRoadClient
from ingest.tunduk.simulator import Dataset, Simulator, serving
from store import Database
from synth.simulate import Params
from synth.tunduk import native

PARAMS = Params(seed=7, scale=0.0005, first_year=2021, years=1)
SERVICE = "cs/GOV/1/asb/A"
PAGE_SIZE = 7
COMMIT_RECORDS = 2 * PAGE_SIZE


class Killing(BatchLoader):
    def __init__(self, database: Database, pseudonymiser: Pseudonymiser, kill_on: int) -> None:
        super().__init__(database, pseudonymiser, commit_records=COMMIT_RECORDS)
        self.kill_on, self.calls = kill_on, 0

    def _store(self, *args: Any, **kwargs: Any) -> None:
        super()._store(*args, **kwargs)
        self.calls += 1
        if self.calls == self.kill_on:
            os.kill(os.getpid(), signal.SIGKILL)


def main(url: str, kill_on: int) -> None:
    os.environ["STATKG_TUNDUK_SERVICES"] = f"asb={SERVICE}"
    app = Simulator({SERVICE: Dataset.of(native(PARAMS)["asb"])})
    with serving(app) as server:
        client = XRoadClient(server, "cs/GOV/2/nsc", timeout=5, backoff=0.001)
        adapter = Asb("2021-01-01", "2021-12-31", page_size=PAGE_SIZE, client=client)
        database = Database(url)
        result = Killing(database, Pseudonymiser("k"), kill_on=kill_on).run(adapter)
        print(result.received, result.loaded, result.quarantined, result.duplicates)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
