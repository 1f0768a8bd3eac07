"""The mapping worker: items arrive in order, and every way it can fail is reported."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.base import SourceError
from ingest.worker import WorkerError, can_fork, in_worker

pytestmark = pytest.mark.skipif(not can_fork(), reason="the worker needs fork (Linux)")


def test_items_arrive_in_order_from_another_process():
    def produce() -> Iterator[tuple[int, int]]:
        for n in range(2000):
            yield n, os.getpid()

    items = list(in_worker(produce))
    assert [n for n, _pid in items] == list(range(2000))
    assert {pid for _n, pid in items} != {os.getpid()}


def test_a_source_error_in_the_worker_is_raised_as_itself():
    def produce() -> Iterator[int]:
        yield 1
        raise SourceError("cs/GOV/1/asb/A: gave up after 7 attempts: HTTP 503")

    received: list[int] = []
    with pytest.raises(SourceError, match="gave up after 7 attempts"):
        received.extend(in_worker(produce))
    assert received == [1]


def test_a_bug_in_the_worker_is_named():
    def produce() -> Iterator[int]:
        yield 1
        raise KeyError("addressCode")

    with pytest.raises(WorkerError, match="KeyError: 'addressCode'"):
        list(in_worker(produce))


def test_a_worker_that_dies_is_noticed():
    def produce() -> Iterator[int]:
        yield 1
        os.kill(os.getpid(), signal.SIGKILL)
        yield 2

    with pytest.raises(WorkerError, match="stopped without finishing"):
        list(in_worker(produce))


def test_a_consumer_that_stops_early_stops_the_worker():
    def produce() -> Iterator[int]:
        n = 0
        while True:  # never ends by itself
            yield n
            n += 1

    items = in_worker(produce)
    assert next(items) == 0
    started = time.monotonic()
    items.close()  # what a failing store or a KeyboardInterrupt does to the generator
    assert time.monotonic() - started < 5
    assert multiprocessing.active_children() == []


PARENT = """
import itertools, multiprocessing, os, signal, threading, time
from ingest import worker
from ingest.worker import in_worker

# The parent dies before the child first runs (a race CI once lost): the child must still
# know whose death to watch for, not adopt its new parent as the one to outlive.
_run = worker._run
worker._run = lambda *args: (time.sleep(0.5), _run(*args))

def produce():
    for n in itertools.count():
        time.sleep(3600)  # waits for a source that never answers
        yield n

threading.Thread(target=lambda: next(in_worker(produce)), daemon=True).start()
while not multiprocessing.active_children():
    time.sleep(0.05)
print(multiprocessing.active_children()[0].pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"  # a zombie has finished
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
@pytest.mark.slow
def test_a_worker_leaves_when_its_parent_is_killed():
    """Killed by SIGKILL, the loader must not leave its worker behind, waiting on a source."""
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run(
        [sys.executable, "-c", PARENT], cwd=root, capture_output=True, text=True, timeout=30
    )
    assert run.returncode == -signal.SIGKILL
    child = int(run.stdout.split()[0])
    deadline = time.monotonic() + 10
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(child)
