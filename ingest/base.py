"""The one small interface every source adapter implements, and the registry of adapters.

Why one interface: the platform must prove for *every* source that nothing is lost
(received = loaded + quarantined + duplicates per batch), that raw identifiers never reach
the store, and that a crash mid-delivery can be re-run. Those guarantees live once, in
:class:`ingest.loader.BatchLoader`; an adapter only says how to read its source and how one
record maps to a row. Adding a source is adding one module to ``ingest/sources/``.

How to write an adapter (``ingest/sources/<name>.py``)::

    @register
    class Thing(SourceAdapter):
        name = "thing"                      # becomes ``flask ingest thing … [--dry-run]``
        help = "What the source is."
        kind = "file"                       # or "tunduk": how ``make data`` ingests it
        table = ThingEvent                  # the table its records are loaded into
        title = lazy_gettext("Thing register: things")  # its name on quality pages
        identifiers = {"pin": "pin", "passport_no": "passport"}  # field -> kind, pseudonymised
        options = (click.Option(["--file"], type=click.Path(exists=True), required=True),)

        def __init__(self, file: str = "") -> None: ...     # receives the CLI options
        def delivery_key(self) -> str: ...  # what identifies this delivery (checksum, window)
        def records(self) -> Iterator[RawRecord]: ...       # raw records with their position
        def map(self, data, ctx) -> Loadable | list[Reason]: ...  # validate + map one record

* ``records()`` yields :class:`RawRecord` — ``data`` is a dict of the fields as received
  (strings, numbers, ``None``), or ``None`` with ``problem`` set when the record could not
  even be parsed (its ``text`` is kept, scrubbed of identifiers, in the quarantine).
  A reader that cannot go on at all (unreadable file, server down) raises
  :class:`SourceError` with a clear message: the batch stays resumable.
* Paged sources override ``pages(resume_from)`` instead, yielding :class:`Page`s with a
  ``position`` to resume after and an ``audit`` dict (X-Road-Id, request hash); the default
  ``pages`` cuts ``records()`` into pages of ``page_size`` and resumes by skipping.
* Before ``map`` is called the loader has replaced every field named in ``identifiers`` by
  its keyed hash (and reported ``INVALID_IDENTIFIER`` for a malformed ПИН), so ``map`` never
  sees a raw identifier. ``map`` returns a :class:`Loadable` (the table, the row, the
  source's record id and the parts of the natural key: same person + event + date) or a list
  of :class:`~ingest.reasons.Reason`. Helpers for the usual rules are in :mod:`ingest.rules`;
  classifiers and versioned crosswalks are reached through ``ctx`` (:mod:`ingest.context`).
* The loader de-duplicates by source key and by natural key (within the delivery and against
  everything ever received from the source, via the ``ingest_record`` ledger), inserts rows
  and quarantine entries page by page in one transaction with the batch counters and the
  resume cursor, so a SIGKILL at any moment leaves a consistent, resumable batch.
* ``--dry-run`` does everything inside a transaction that is rolled back, and prints counts.
* An adapter must be constructible with its defaults (``cls()``) or override
  ``for_resubmission`` — corrected quarantine records are re-mapped that way.

Reason codes are the published list in :mod:`ingest.reasons` (texts in ky/ru/en).

What an adapter declares is the one list of sources: ``flask ingest sources --kind …`` (which
the Makefile loops over) and the quality report's names and event tables
(:func:`store.quality.register_source`, called by :func:`register`) are derived from it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import click
from babel.support import LazyProxy

from ingest.reasons import Reason
from store import quality
from store.models import Base

if TYPE_CHECKING:
    from ingest.context import Context
    from ingest.loader import BatchLoader, BatchResult


class SourceError(Exception):
    """The source cannot be read any further (server unreachable, file unreadable).

    The message is for operators and must not contain personal identifiers.
    """


# RawRecord and Loadable are made once per record on feeds of tens of thousands a second:
# plain slotted dataclasses, which build in a third of the time of frozen ones. Treat them
# as values all the same; nothing changes them after they are made.
@dataclass(slots=True)
class RawRecord:
    """One record as received, with where it came from (``page 3 #17``, ``line 1042``)."""

    position: str
    data: dict[str, Any] | None
    text: str = ""
    problem: str = ""  # a reason code when the record could not be parsed


@dataclass(frozen=True)
class Page:
    """Records committed together; ``position`` is where to resume after this page."""

    records: list[RawRecord]
    position: str
    audit: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Loadable:
    """A valid record mapped to one row of ``table``."""

    table: type[Base]
    row: dict[str, Any]
    source_key: str
    natural_key: tuple[Any, ...] | None = None  # (person key, event, date, …)


MapResult = Loadable | list[Reason]


KINDS = ("file", "tunduk")  # a delivered file (``--file``), or a Tunduk (X-Road) service


class SourceAdapter(ABC):
    """Base of every source adapter: see the module docstring for the contract."""

    name: ClassVar[str]
    help: ClassVar[str] = ""
    kind: ClassVar[str]  # one of KINDS
    table: ClassVar[type[Base]]  # the table the records are loaded into
    title: ClassVar[LazyProxy]  # the source's name on quality pages, in the current language
    identifiers: ClassVar[Mapping[str, str]] = {}
    # Fields that hold classifier codes, all digits (a 14-digit СОАТЕ code looks like a ПИН):
    # kept as they are instead of being scrubbed as identifier-like text.
    code_fields: ClassVar[frozenset[str]] = frozenset()
    options: ClassVar[tuple[click.Parameter, ...]] = ()
    page_size: ClassVar[int] = 5000
    # Map records in a forked worker process while the loader stores the previous page
    # (:mod:`ingest.worker`): for feeds where mapping costs about as much as storing.
    map_in_worker: ClassVar[bool] = False
    synthetic: bool = False

    @classmethod
    def for_resubmission(cls) -> SourceAdapter:
        """An instance good enough to ``map`` a corrected quarantine record."""
        return cls()

    @abstractmethod
    def delivery_key(self) -> str:
        """What identifies this delivery: the same key is never loaded twice."""

    def records(self) -> Iterator[RawRecord]:
        """The records of the delivery in order (file sources); paged sources override pages."""
        raise NotImplementedError

    def pages(self, resume_from: str) -> Iterator[Page]:
        """Pages of records; resuming skips the records already committed."""
        done = int(resume_from or 0)
        iterator = islice(self.records(), done, None)
        while chunk := list(islice(iterator, self.page_size)):
            done += len(chunk)
            yield Page(chunk, str(done))

    def run(self, loader: BatchLoader, dry_run: bool = False) -> BatchResult:
        """Load this delivery through ``loader``; a bulk source (the border files, tens of
        millions of rows counted at ingest) overrides this with its own streaming path."""
        return loader.run(self, dry_run=dry_run)

    def audit(self) -> dict[str, Any]:
        """What to keep about the delivery in the batch's audit (file name, window, …)."""
        return {}

    @abstractmethod
    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        """Validate one record (identifiers already pseudonymised) and map it to a row."""


ADAPTERS: dict[str, type[SourceAdapter]] = {}
A = TypeVar("A", bound=type[SourceAdapter])


def register(cls: A) -> A:
    """Class decorator: make the adapter available as ``flask ingest <name>``, and its name
    and table known to the quality report (which lives in the store, and may not import us)."""
    if cls.name in ADAPTERS and ADAPTERS[cls.name] is not cls:
        raise ValueError(f"two source adapters are named {cls.name!r}")
    if cls.kind not in KINDS:
        raise ValueError(f"source adapter {cls.name!r}: kind must be one of {KINDS}")
    ADAPTERS[cls.name] = cls
    quality.register_source(cls.name, cls.table, cls.title)
    return cls


def discover(kind: str | None = None) -> dict[str, type[SourceAdapter]]:
    """Import every module of ``ingest.sources`` (each registers its adapters); the adapters
    by name (of ``kind`` only, if given)."""
    import importlib
    import pkgutil

    import ingest.sources

    for module in pkgutil.iter_modules(ingest.sources.__path__):
        importlib.import_module(f"ingest.sources.{module.name}")
    return {n: a for n, a in sorted(ADAPTERS.items()) if kind is None or a.kind == kind}
