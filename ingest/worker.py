"""Run a generator in a forked worker process and receive its items in order.

Why: a Tunduk feed spends about as long mapping records (HTTP, JSON, HMAC of every ПИН,
validation) as storing them (SQLite), and both are CPU-bound Python under one GIL. With
the mapping in a child process the two overlap on two cores: the parent stores page N while
the child maps page N+1. A thread would not do: SQLite gives the GIL back around every row
of an ``executemany``, so a writer thread beside a busy mapper waits for the GIL after
every row and the load gets slower, not faster (measured).

The child is forked, so it starts with the parent's state as it was (the adapter and its
client, the classifiers, the pseudonymisation secret) and needs nothing pickled but its
items. It must never touch the parent's database connections: it only reads the source and
maps. Items travel through a pipe, sent by a feeder thread from an outbox of
``OUTBOX_ITEMS``: the child maps the next item while the last one waits for the parent, and
stops when the outbox is full, so only a few pages are ever in flight. What the child raises
comes back: a :class:`~ingest.base.SourceError` as itself (the server is down: a clear
message, the batch stays resumable), anything else as a :class:`WorkerError` naming the
exception. If the parent dies (even by SIGKILL) the child notices within
``PARENT_CHECK_SECONDS`` and exits; if the child dies, the parent's next receive says so.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
import traceback
from collections.abc import Callable, Generator, Iterator
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from ingest.base import SourceError

T = TypeVar("T")
_ITEM, _END, _SOURCE_ERROR, _CRASH = "item", "end", "source-error", "crash"
PARENT_CHECK_SECONDS = 0.2
OUTBOX_ITEMS = 2  # items produced ahead of the parent (a page is a few MB)


class WorkerError(RuntimeError):
    """The worker failed with something other than a :class:`SourceError` (a bug)."""


def can_fork() -> bool:
    """Whether this platform forks (Linux does; elsewhere the caller works in-process)."""
    return "fork" in multiprocessing.get_all_start_methods()


def in_worker(produce: Callable[[], Iterator[T]]) -> Generator[T, None, None]:
    """The items of ``produce()``, computed in a forked child process, in order."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    # The parent's pid is taken here, not by the child: killed before the child first runs,
    # the parent would already be gone and the child would watch its adopter instead.
    child = context.Process(target=_run, args=(produce, sending, os.getpid()), daemon=True)
    child.start()
    sending.close()  # the child holds the only writing end: its death is our EOF
    try:
        while True:
            try:
                kind, value = receiving.recv()
            except EOFError:
                raise WorkerError(
                    f"the mapping worker stopped without finishing (exit code {child.exitcode})"
                ) from None
            if kind == _ITEM:
                yield value
            elif kind == _END:
                return
            elif kind == _SOURCE_ERROR:
                raise SourceError(value)
            else:
                raise WorkerError(f"the mapping worker failed: {value}")
    finally:
        receiving.close()
        if child.is_alive():  # done, or stopped early (an error, a closed generator)
            child.terminate()  # nothing it could still do is wanted
        child.join()


def _run(produce: Callable[[], Iterator[Any]], sending: Connection, parent: int) -> None:
    """The child: produce every item, then the end or what went wrong, into the outbox."""
    _leave_with(parent)
    outbox: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=OUTBOX_ITEMS)
    feeder = threading.Thread(target=_feed, args=(outbox, sending), name="feeder", daemon=True)
    feeder.start()
    try:
        for item in produce():
            outbox.put((_ITEM, item))
        outbox.put((_END, None))
    except SourceError as error:
        outbox.put((_SOURCE_ERROR, str(error)))
    except BaseException as error:  # reported to the parent, which raises it
        traceback.print_exc()
        outbox.put((_CRASH, f"{type(error).__name__}: {error}"))
    feeder.join()
    # multiprocessing then leaves with os._exit: no atexit handler or finalizer of the
    # parent's objects (its database connections above all) runs in the child.


def _feed(outbox: queue.Queue[tuple[str, Any]], sending: Connection) -> None:
    """Send what the child produces, so that it maps the next item while this one waits for
    the parent to take it (a plain send kept the two processes in lockstep)."""
    while True:
        message = outbox.get()
        try:
            sending.send(message)
        except OSError:  # BrokenPipeError included: the parent is gone, nobody to tell
            os._exit(0)
        if message[0] != _ITEM:
            sending.close()
            return


def _leave_with(parent: int) -> None:
    """Exit as soon as the parent is gone (killed, even by SIGKILL).

    A broken pipe tells the child only when it next sends, and it may be waiting for the
    source long before that (for a server whose listening socket it inherited, forever).
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
