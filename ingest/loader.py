"""The batch loader: pseudonymise, validate, map, de-duplicate, load or quarantine — and count.

Why one loader for every source: the guarantees the NSC must be able to prove hold here once.

* **Nothing raw is stored.** Declared identifier fields are replaced by their keyed hash
  before anything else sees them, and any ПИН- or passport-like number left anywhere in a
  record (a garbage line, an unexpected field) is scrubbed before a quarantine entry is kept.
* **Conservation.** Every received record ends loaded, quarantined with reason codes, or
  counted as a duplicate; the batch row holds ``received = loaded + quarantined +
  duplicates`` after every commit.
* **Idempotence.** The ``ingest_record`` ledger remembers every source key and natural key
  (person + event + date) ever received from a source; a re-sent page, a re-run or an
  overlapping window counts its records as duplicates, never twice.
* **Resumability.** Pages' rows, quarantine entries, ledger entries, batch counters and the
  resume cursor are written in one transaction (pages are grouped until ``COMMIT_RECORDS``
  records). Killed at any moment (even SIGKILL), a batch is left at its last committed page
  and the next run continues from there, ending with exactly the counts of an uninterrupted
  run.

Only this process writes. An adapter may have its records mapped in a forked worker process
(``map_in_worker``, :mod:`ingest.worker`) so that mapping page N+1 overlaps storing page N;
what comes back is the same outcomes, and everything above happens here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from ingest.base import Loadable, RawRecord, SourceAdapter
from ingest.context import Context
from ingest.pseudonymise import Pseudonymiser, is_valid_pin
from ingest.reasons import Reason
from ingest.worker import can_fork, in_worker
from store import Database
from store.models import Base, IngestBatch, IngestCursor, IngestRecord, QuarantineRecord

log = logging.getLogger(__name__)

_KEY = re.compile(r"[0-9a-f]{32}")
# What a raw identifier looks like anywhere in free text: a 14-digit ПИН, or a passport
# (two letters, Latin or Cyrillic, and 7 digits; the ID card "ID1234567" included).
# A 14-digit number starting 417 is a full СОАТЕ code, which must stay readable for correction.
_PIN_LIKE = re.compile(r"(?<!\d)(?!417)\d{14}(?!\d)")
_PASSPORT_LIKE = re.compile(r"(?<![A-Za-zА-Яа-я])[A-Za-zА-Яа-я]{2}\s?\d{7}(?!\d)")


def looks_like_identifier(text: str) -> bool:
    """Whether ``text`` holds a ПИН- or passport-like number: what a field that must carry
    none (a survey's household number) is refused for, and what is scrubbed from quarantine."""
    return bool(_PIN_LIKE.search(text) or _PASSPORT_LIKE.search(text))


Unmapped = Counter[tuple[str, str]]  # (reference list, code) -> times seen
MAX_TEXT = 2000  # characters of an unparsable record kept in the quarantine
LOOKUP_CHUNK = 900  # keys per IN (...) query
# Records per transaction: pages are committed together (with the cursor of the last one)
# until this many records are stored. Why: a feed's keys are random, so each commit rewrites
# index pages all over the ledger; fewer, larger commits write each page fewer times. A crash
# loses at most this many records' work, which the next run fetches again.
COMMIT_RECORDS = 20_000


@dataclass
class BatchResult:
    """What one run did: the batch and its conservation counts."""

    source: str
    batch_id: int | None
    delivery_key: str
    received: int = 0
    loaded: int = 0
    quarantined: int = 0
    duplicates: int = 0
    already_loaded: bool = False
    resumed: bool = False
    dry_run: bool = False
    reasons: dict[str, int] = field(default_factory=dict)
    unmapped: dict[str, int] = field(default_factory=dict)

    @property
    def balanced(self) -> bool:
        return self.received == self.loaded + self.quarantined + self.duplicates

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "batch": self.batch_id,
            "delivery_key": self.delivery_key,
            "received": self.received,
            "loaded": self.loaded,
            "quarantined": self.quarantined,
            "duplicates": self.duplicates,
            "balanced": self.balanced,
            "already_loaded": self.already_loaded,
            "resumed": self.resumed,
            "dry_run": self.dry_run,
            "reasons": self.reasons,
            "unmapped": self.unmapped,
        }


def digest(*parts: Any) -> str:
    """A 32-hex digest of key parts (dates and codes as text)."""
    text = "\x1f".join(["" if p is None else str(p) for p in parts])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Scrubber:
    """Pseudonymises declared identifier fields and scrubs identifier-like text elsewhere."""

    def __init__(
        self,
        pseudonymiser: Pseudonymiser,
        identifiers: dict[str, str],
        code_fields: frozenset[str] = frozenset(),
    ) -> None:
        self.pseudonymiser = pseudonymiser
        self.identifiers = identifiers
        # Fields declared to hold classifier codes (a 14-digit СОАТЕ looks like a ПИН).
        self.code_fields = code_fields
        self._codes_only = code_fields - identifiers.keys()

    def text(self, text: str) -> str:
        text = _PIN_LIKE.sub(lambda m: "pin:" + self.pseudonymiser.key("pin", m.group()), text)
        return _PASSPORT_LIKE.sub(
            lambda m: "passport:" + self.pseudonymiser.key("passport", m.group()), text
        )

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {str(k): self.value(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(v) for v in value]
        return value

    def record(
        self, data: dict[str, Any], scrub_all: bool = True
    ) -> tuple[dict[str, Any], list[Reason]]:
        """The record with identifiers replaced by keys, and any identifier-format problems.

        With ``scrub_all`` (the default) identifier-like text in every other field is scrubbed
        too; the batch loader turns it off on its hot path and scrubs what it quarantines.
        """
        reasons: list[Reason] = []
        if not scrub_all:
            return self._declared(data, reasons)
        clean: dict[str, Any] = {}
        for name, value in data.items():
            kind = self.identifiers.get(name)
            if kind is not None:
                clean[name] = self._identifier(name, kind, value, reasons)
            elif name in self.code_fields and isinstance(value, str) and value.isdigit():
                clean[name] = value
            else:
                clean[name] = self.value(value)
        return clean, reasons

    def _declared(
        self, data: dict[str, Any], reasons: list[Reason]
    ) -> tuple[dict[str, Any], list[Reason]]:
        """``record`` without ``scrub_all``, on the hot path: one C-level copy of the record,
        then only the declared identifier and code fields are touched."""
        clean = data.copy()
        if self._codes_only:
            for name in self._codes_only.intersection(clean):
                value = clean[name]
                if isinstance(value, str) and not value.isdigit():
                    clean[name] = self.value(value)
        for name, kind in self.identifiers.items():
            if name in clean:
                clean[name] = self._identifier(name, kind, clean[name], reasons)
        return clean, reasons

    def _identifier(self, name: str, kind: str, value: Any, reasons: list[Reason]) -> str | None:
        """The key of one declared identifier field (``None`` when empty); a malformed ПИН is
        still keyed, and reported in ``reasons``."""
        if value is None or value == "":
            return None
        text = value.strip() if isinstance(value, str) else str(value).strip()
        if kind == "pin" and is_valid_pin(text):  # the common case: no key looks like it
            return self.pseudonymiser.key(kind, text)
        if _KEY.fullmatch(text):  # already a key (a corrected quarantine record)
            return text
        if kind == "pin":
            reasons.append(Reason("INVALID_IDENTIFIER", name))
        return self.pseudonymiser.key(kind, text)


class _Outcome(NamedTuple):
    """What became of one record: a row to load, or what to quarantine and why.

    Only what storing needs, as tuples: pages of these cross a pipe from the mapping worker
    (:mod:`ingest.worker`), where dataclasses and dicts pickle at two to three times the
    cost. A loadable record carries its table, row and keys, not the record; a refused one
    its scrubbed fields, its position and the reasons.
    """

    source_key: str
    natural_key: str | None = None
    table: type[Base] | None = None
    columns: tuple[str, ...] = ()  # the row's column names: one shared tuple per shape
    values: tuple[Any, ...] = ()  # the row's values, in that order
    data: dict[str, Any] | None = None  # scrubbed, as kept in the quarantine
    position: str = ""
    reasons: list[Reason] | None = None


@dataclass(slots=True)
class _MappedPage:
    """A page's outcomes, with where to resume after it and its audit."""

    outcomes: list[_Outcome]
    position: str
    audit: dict[str, Any]


class BatchLoader:
    """Runs adapters into one store; see the module docstring for what it guarantees."""

    def __init__(
        self,
        database: Database,
        pseudonymiser: Pseudonymiser,
        ctx: Context | None = None,
        commit_records: int = COMMIT_RECORDS,
    ) -> None:
        self.database = database
        self.pseudonymiser = pseudonymiser
        self._ctx = ctx
        self.commit_records = commit_records
        self._shapes: dict[tuple[str, ...], tuple[str, ...]] = {}

    def context(self, session: Session) -> Context:
        if self._ctx is None:
            self._ctx = Context.load(session)
        return self._ctx

    # -- running a delivery ----------------------------------------------------------------

    def run(self, adapter: SourceAdapter, dry_run: bool = False) -> BatchResult:
        """Load one delivery (or resume it); with ``dry_run`` change nothing and report."""
        key = adapter.delivery_key()
        if dry_run:
            with self.database.session() as session, session.begin():
                result = self._run(session, adapter, key, commit=False)
                result.dry_run = True
                session.rollback()
            return result
        with self.database.session() as session:
            return self._run(session, adapter, key, commit=True)

    def run_resubmission(self, adapter: SourceAdapter, replaces: str | None) -> BatchResult:
        """Load a corrected record; its earlier ledger entry (``replaces``) is forgotten."""
        with self.database.session() as session:
            return self._run(session, adapter, adapter.delivery_key(), True, replaces)

    def _run(
        self,
        session: Session,
        adapter: SourceAdapter,
        key: str,
        commit: bool,
        replaces: str | None = None,
    ) -> BatchResult:
        ctx = self.context(session)
        _bulk_pragmas(session)
        batch = session.scalars(select(IngestBatch).where(IngestBatch.delivery_key == key)).first()
        result = BatchResult(adapter.name, None, key)
        if batch is not None and batch.status == "loaded":
            self._fill(result, batch)
            result.already_loaded = True
            return result
        if batch is None:
            batch = IngestBatch(
                source=adapter.name,
                delivery_key=key,
                started_at=datetime.now(UTC),
                status="running",
                synthetic=adapter.synthetic,
                audit={**adapter.audit(), "pages": []},
            )
            session.add(batch)
            session.flush()
            session.add(
                IngestCursor(batch_id=batch.id, source=adapter.name, updated_at=datetime.now(UTC))
            )
            session.flush()
            if commit:
                session.commit()
        else:
            result.resumed = True
        cursor = session.scalars(
            select(IngestCursor).where(IngestCursor.batch_id == batch.id)
        ).one()
        scrubber = Scrubber(self.pseudonymiser, dict(adapter.identifiers), adapter.code_fields)
        uncommitted = 0
        for page in self._mapped_pages(adapter, batch, cursor.position, scrubber, ctx):
            outcomes = page.outcomes
            self._store(session, adapter.name, batch, outcomes, replaces)
            cursor.position = page.position
            cursor.pages += 1
            cursor.updated_at = datetime.now(UTC)
            if page.audit:
                batch.audit = {**batch.audit, "pages": [*batch.audit.get("pages", []), page.audit]}
            session.flush()
            uncommitted += len(outcomes)
            if commit and uncommitted >= self.commit_records:
                session.commit()
                uncommitted = 0
        batch.status = "loaded"
        batch.finished_at = datetime.now(UTC)
        unmapped = {f"{lst}:{code}": n for (lst, code), n in ctx.unmapped.items()}
        batch.audit = {**batch.audit, "unmapped_seen": unmapped}
        session.flush()
        if commit:
            session.commit()
        self._fill(result, batch)
        result.batch_id = batch.id
        result.unmapped = unmapped
        result.reasons = self._reasons(session, batch.id)
        return result

    @staticmethod
    def _fill(result: BatchResult, batch: IngestBatch) -> None:
        result.batch_id = batch.id
        result.received = batch.received
        result.loaded = batch.loaded
        result.quarantined = batch.quarantined
        result.duplicates = batch.duplicates

    @staticmethod
    def _reasons(session: Session, batch_id: int) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for codes in session.scalars(
            select(QuarantineRecord.reason_codes).where(QuarantineRecord.batch_id == batch_id)
        ):
            for code in codes:
                counts[code] += 1
        return dict(sorted(counts.items()))

    # -- one page ---------------------------------------------------------------------------

    def _mapped_pages(
        self,
        adapter: SourceAdapter,
        batch: IngestBatch,
        position: str,
        scrubber: Scrubber,
        ctx: Context,
    ) -> Iterator[_MappedPage]:
        """The adapter's pages from ``position``, mapped: in a forked worker process when the
        adapter asks for it (a feed whose mapping costs as much as its storing, see
        :mod:`ingest.worker`), here otherwise."""
        worker = adapter.map_in_worker and can_fork()

        def produce() -> Iterator[_MappedPage]:
            for page in adapter.pages(position):
                outcomes = [self._map(adapter, batch, r, scrubber, ctx) for r in page.records]
                yield _MappedPage(outcomes, page.position, page.audit)

        if not worker:
            yield from produce()
            return

        def packed() -> Iterator[tuple[list[tuple[Any, ...]], str, dict[str, Any], Unmapped]]:
            # Plain tuples pickle without a Python call per record (named tuples need one).
            # The unmapped count is copied: the worker pickles an item while it maps the next.
            for page in produce():
                outcomes = [tuple(o) for o in page.outcomes]
                yield outcomes, page.position, page.audit, ctx.unmapped.copy()

        for outcomes, following, audit, unmapped in in_worker(packed):
            ctx.unmapped = unmapped  # counted in the worker: its count so far replaces ours
            yield _MappedPage([_Outcome._make(o) for o in outcomes], following, audit)

    def _map(
        self,
        adapter: SourceAdapter,
        batch: IngestBatch,
        record: RawRecord,
        scrubber: Scrubber,
        ctx: Context,
    ) -> _Outcome:
        if record.data is None:
            return _Outcome(
                _content_key(record),
                data={"_text": scrubber.text(record.text[:MAX_TEXT])},
                position=record.position,
                reasons=[Reason(record.problem or "MALFORMED", detail=record.position)],
            )
        # Other fields are scrubbed where they are kept as received (the quarantine); a loaded
        # row holds what the adapter validated and mapped.
        data, reasons = scrubber.record(record.data, scrub_all=False)
        try:
            mapped = adapter.map(data, ctx)
        except Exception as error:  # an adapter bug must not lose the record
            log.exception("adapter %s failed on a record at %s", adapter.name, record.position)
            mapped = [Reason("MALFORMED", detail=f"adapter error: {type(error).__name__}")]
        if isinstance(mapped, Loadable):
            if reasons:
                kept, where = scrubber.value(data), record.position
                return _Outcome(mapped.source_key, data=kept, position=where, reasons=reasons)
            natural = digest(*mapped.natural_key) if mapped.natural_key else None
            row = mapped.row
            columns = tuple(row)
            columns = self._shapes.setdefault(columns, columns)  # one tuple per shape
            return _Outcome(mapped.source_key, natural, mapped.table, columns, tuple(row.values()))
        source_key = _source_key(data) or _content_key(record)
        kept, reasons = scrubber.value(data), reasons + list(mapped)
        return _Outcome(source_key, data=kept, position=record.position, reasons=reasons)

    def _store(
        self,
        session: Session,
        source: str,
        batch: IngestBatch,
        outcomes: list[_Outcome],
        replaces: str | None = None,
    ) -> None:
        if replaces is not None:
            session.execute(
                delete(IngestRecord).where(
                    IngestRecord.source == source, IngestRecord.source_key == replaces
                )
            )
        seen_source = _existing(session, source, IngestRecord.source_key, outcomes, "source")
        seen_natural = _existing(session, source, IngestRecord.natural_key, outcomes, "natural")
        # Rows of one table and one shape (column names), as tuples ending in batch and key.
        rows: dict[tuple[type[Base], tuple[str, ...]], list[tuple[Any, ...]]] = defaultdict(list)
        ledger: list[tuple[Any, ...]] = []
        quarantine: list[dict[str, Any]] = []
        duplicates = 0
        now = datetime.now(UTC)
        for outcome in outcomes:
            if outcome.source_key in seen_source or (
                outcome.natural_key is not None and outcome.natural_key in seen_natural
            ):
                duplicates += 1
                continue
            seen_source.add(outcome.source_key)
            if outcome.natural_key is not None:
                seen_natural.add(outcome.natural_key)
            if outcome.table is not None:
                rows[outcome.table, outcome.columns].append(
                    (*outcome.values, batch.id, outcome.source_key)
                )
                ledger.append(_ledger(source, outcome, batch.id, "loaded"))
            else:
                reasons = outcome.reasons or []
                quarantine.append(
                    {
                        "batch_id": batch.id,
                        "source": source,
                        "raw": outcome.data,
                        "reason_codes": sorted({r.code for r in reasons}),
                        "detail": "; ".join(r.describe() for r in reasons)[:2000],
                        "created_at": now,
                        "source_key": outcome.source_key,
                        "position": outcome.position[:200],
                    }
                )
                ledger.append(_ledger(source, outcome, batch.id, "quarantined"))
        # Core executemany (not the ORM's bulk insert, which splits rows by their None values).
        connection = session.connection()
        for (model, columns), values in rows.items():
            names = (*columns, "batch_id", "source_key")
            insert_tuples(connection, core_table(model), names, values)
        if quarantine:
            connection.execute(insert(core_table(QuarantineRecord)), quarantine)
        if ledger:
            insert_tuples(connection, core_table(IngestRecord), LEDGER_COLUMNS, ledger)
        loaded = sum(len(chunk) for chunk in rows.values())
        session.execute(
            update(IngestBatch)
            .where(IngestBatch.id == batch.id)
            .values(
                received=IngestBatch.received + len(outcomes),
                loaded=IngestBatch.loaded + loaded,
                quarantined=IngestBatch.quarantined + len(quarantine),
                duplicates=IngestBatch.duplicates + duplicates,
            )
        )
        session.refresh(batch)


BULK_CACHE_KIB = 65_536  # SQLite page cache while loading: the indexes' pages stay in memory


def _bulk_pragmas(session: Session) -> None:
    """On SQLite, a page cache large enough for a feed's indexes (event and ledger keys are
    random, so each page of records touches pages all over them). Durability is unchanged:
    the store's WAL and ``synchronous`` settings stay as they are."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB:d}")


def core_table(model: type[Base]) -> Table:
    """The Core table of a model (typed: ``__table__`` is declared as a FromClause)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _content_key(record: RawRecord) -> str:
    """No id of its own: the content identifies it, so a re-sent broken record is a duplicate."""
    if record.data is None:
        return "content:" + digest(record.text)
    return "content:" + digest(json.dumps(record.data, sort_keys=True, default=str))


def _source_key(data: dict[str, Any]) -> str | None:
    for name in ("id", "recordId", "record_id", "source_key"):
        value = data.get(name)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()[:120]
    return None


LEDGER_COLUMNS = ("source", "source_key", "natural_key", "batch_id", "outcome")


def _ledger(source: str, outcome: _Outcome, batch_id: int, status: str) -> tuple[Any, ...]:
    return (source, outcome.source_key, outcome.natural_key, batch_id, status)


def insert_tuples(
    connection: Connection, table: Table, columns: tuple[str, ...], values: list[tuple[Any, ...]]
) -> None:
    """``INSERT INTO table (columns) VALUES (…)`` for every tuple, as one executemany.

    On SQLite the statement goes to the driver directly, each column's bind processor
    (dates to ISO text, as SQLAlchemy stores them) applied to the tuples first; elsewhere
    through SQLAlchemy Core.
    """
    if not values:
        return
    dialect = connection.dialect
    if dialect.name != "sqlite" or _needs_defaults(table, columns):
        connection.execute(insert(table), [dict(zip(columns, v, strict=True)) for v in values])
        return
    processors = [
        (i, proc)
        for i, name in enumerate(columns)
        if (proc := table.c[name].type.bind_processor(dialect)) is not None
    ]
    if processors:
        converted = []
        for value in values:
            row = list(value)
            for i, proc in processors:
                row[i] = proc(row[i])
            converted.append(tuple(row))
        values = converted
    # Names from the model's metadata, quoted by the dialect; values are bound parameters.
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "  # noqa: S608
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    connection.exec_driver_sql(sql, values)


def _needs_defaults(table: Table, columns: tuple[str, ...]) -> bool:
    """Whether a column left out has a Python-side default that only Core would apply."""
    for column in table.columns:
        default = column.default
        if column.name in columns or default is None:
            continue
        if not (getattr(default, "is_scalar", False) and getattr(default, "arg", 0) is None):
            return True
    return False


def _existing(
    session: Session, source: str, column: Any, outcomes: list[_Outcome], kind: str
) -> set[str]:
    """The keys of ``outcomes`` (source or natural) the ledger already holds for ``source``.

    On SQLite the query goes to the driver as it is (SQLAlchemy renders an expanding IN
    list value by value, which cost a loader a second per 200,000 records); elsewhere it is
    one Core statement with an expanding parameter, compiled once.
    """
    wanted = (o.source_key if kind == "source" else o.natural_key for o in outcomes)
    keys = sorted({k for k in wanted if k is not None})
    connection = session.connection()
    found: set[str] = set()
    for start in range(0, len(keys), LOOKUP_CHUNK):
        chunk = keys[start : start + LOOKUP_CHUNK]
        if connection.dialect.name == "sqlite":
            # Names from the model's metadata; the keys are bound parameters.
            sql = (
                f"SELECT {column.name} FROM {IngestRecord.__tablename__} "  # noqa: S608
                f"WHERE source = ? AND {column.name} IN ({', '.join('?' * len(chunk))})"
            )
            found.update(row[0] for row in connection.exec_driver_sql(sql, (source, *chunk)))
            continue
        statement = select(column).where(
            IngestRecord.source == bindparam("source"),
            column.in_(bindparam("keys", expanding=True)),
        )
        found.update(connection.scalars(statement, {"source": source, "keys": chunk}))
    return found
