"""AIS ASB population-base extract: the passports of each ПИН, and who was resident at the start.

Why a source of its own: the long-term migration rule reads crossings keyed by passport
(:mod:`indicators.residence`) and needs two things the crossings cannot say — who was
usually resident when the crossings held begin, and which passports are one person's
(:mod:`store.population_base`). The extract has one row per passport issued to a ПИН: the
ПИН, the passport number, the day it was issued, whether the person was registered as a
permanent resident of Kyrgyzstan on the reference date (``1``/``0``, ``да``/``нет``, …;
deregistered to abroad is ``0``) and that date.

Read like the border files (:mod:`ingest.sources.border`), not record by record: millions
of rows at national scale. The file is decoded a block at a time (any encoding
:func:`ingest.files.detect_encoding` names; bytes that do not decode become U+FFFD and
fail their check), each block parsed by Arrow and checked column-wise; the identifiers are
keyed once per distinct value. Neither the ПИН nor the passport number is stored: the file
of the delivery (:data:`store.population_base.SCHEMA`) holds their 64-bit keys, the
passport's being the key the border loader gives the same number; in the quarantine both
are pseudonymised like any identifier.

What is never lost: every data line is received and ends loaded, quarantined with its
reasons (a ПИН that is not 14 digits or a passport number that is not letters then digits:
``INVALID_IDENTIFIER``; an impossible or future date: ``INVALID_DATE``/``FUTURE_DATE``; a
residence flag that is neither yes nor no: ``INVALID_CODE``; an empty field:
``MISSING_FIELD``; the wrong number of fields: ``MALFORMED``), or counted as a duplicate
(the same passport of the same ПИН on the same reference date again: the first line
counts) — ``received = loaded + quarantined + duplicates``, as for every source.
"""

from __future__ import annotations

import codecs
import csv
import re
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from sqlalchemy import insert, select, update

from ingest.base import MapResult, SourceError, register
from ingest.context import Context
from ingest.files import (
    FileProblemsError,
    FileSource,
    Problem,
    detect_encoding,
    match_header,
    sniff_delimiter,
)
from ingest.loader import BatchLoader, BatchResult, Scrubber
from ingest.pseudonymise import Pseudonymiser
from ingest.reasons import Reason
from ingest.rules import FORMULA_PREFIXES, parse_date
from ingest.sources.border import FileStats, Rejected
from l10n import lazy_gettext
from store.crossings import DeliveryWriter, delivery_name
from store.models import IngestBatch, QuarantineRecord
from store.population_base import SCHEMA, SOURCE

BLOCK_BYTES = 8 << 20
MAX_VALUE = 200
EPOCH = date(1970, 1, 1)
EARLIEST = date(1991, 1, 1)  # no passport of the Kyrgyz Republic is older
COLUMNS: dict[str, tuple[str, ...]] = {
    "pin": ("pin", "пин", "инн"),
    "passport": ("passport", "passport_no", "паспорт", "номер_паспорта", "паспорттун_номери"),
    "issued": ("issued", "date_issued", "дата_выдачи", "берилген_күнү"),
    "resident": ("resident", "permanent_resident", "постоянный_житель", "туруктуу_жашоочу"),
    "reference_date": ("reference_date", "дата_учета", "эсепке_алуу_күнү"),
}
REQUIRED = list(COLUMNS)
RESIDENT = {"1": True, "ДА": True, "YES": True, "ООБА": True, "TRUE": True,
            "0": False, "НЕТ": False, "NO": False, "ЖОК": False, "FALSE": False}  # fmt: skip
PIN_PATTERN = r"^[0-9]{14}$"
PASSPORT_PATTERN = r"^[A-Z]{1,3}[0-9]{6,10}$"  # after spaces are removed and letters raised
# A passport number inside the text of a line that could not be parsed (the scrubber's own
# pattern knows the seven-digit numbers only).
_PASSPORT_IN_TEXT = re.compile(r"(?<![A-Za-zА-Яа-я0-9])[A-Za-zА-Яа-я]{1,3}\s?\d{6,10}(?!\d)")


class ExtractFile:
    """Reads one extract: header, encoding, blocks → keyed rows and rejected lines.

    Without a database: the checks need only ``today`` and the keys the pseudonymiser, so
    the benchmark reads a synthetic extract exactly as the loader does.
    """

    def __init__(
        self,
        path: Path,
        pseudonymiser: Pseudonymiser,
        today: date | None = None,
        block_bytes: int = BLOCK_BYTES,
    ) -> None:
        self.path = path
        self.pseudonymiser = pseudonymiser
        self.today = today or datetime.now(UTC).date()
        self.block_bytes = block_bytes
        self.stats = FileStats()
        self.duplicates = 0
        self.encoding = "utf-8"
        self.positions: dict[str, int] = {}
        self.names: list[str] = []
        self.delimiter = ","
        self._dates: dict[str, tuple[int, str | None]] = {}
        self._parts: list[pa.Table] = []

    def blocks(self) -> Iterator[list[Rejected]]:
        """Check the file block by block; yield each block's rejected lines."""
        with self.path.open("rb") as raw:
            sample = raw.read(1 << 20)
            self.encoding = detect_encoding(sample)
            raw.seek(0)
            decoder = codecs.getincrementaldecoder(self.encoding)(errors="replace")
            carry, line, header = "", 2, False
            while True:
                data = raw.read(self.block_bytes)
                final = not data
                text = carry + decoder.decode(data, final=final)
                if not header:
                    cut = text.find("\n")
                    if cut < 0 and not final:
                        carry = text
                        continue
                    self._header(text if cut < 0 else text[:cut])
                    text, header = ("" if cut < 0 else text[cut + 1 :]), True
                cut = len(text) if final else text.rfind("\n") + 1
                block, carry = text[:cut], text[cut:]
                if block.strip():
                    yield self._block(block, line)
                line += block.count("\n")
                if final:
                    return

    def _header(self, first: str) -> None:
        header = first.strip("\r\n\ufeff")
        if not header.strip():
            raise FileProblemsError([Problem("no_header")])
        self.delimiter = sniff_delimiter(header)
        cells = next(csv.reader([header], delimiter=self.delimiter), [])
        aliases = {alias: key for key, names in COLUMNS.items() for alias in names}
        self.positions = match_header(cells, aliases, REQUIRED, [])
        self.names = [f"c{i}" for i in range(len(cells))]

    def _block(self, block: str, first_line: int) -> list[Rejected]:
        malformed: list[Any] = []

        def invalid_row(row: Any) -> str:
            malformed.append(row)
            return "skip"

        table = pacsv.read_csv(
            pa.BufferReader(block.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=self.names, block_size=1 << 26),
            parse_options=pacsv.ParseOptions(
                delimiter=self.delimiter,
                newlines_in_values=False,
                ignore_empty_lines=True,
                invalid_row_handler=invalid_row,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(self.names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        rejected: list[Rejected] = []
        for row in malformed:
            self.stats.received += 1
            self.stats.reject(["MALFORMED"])
            number = first_line + row.number - 1 if row.number and row.number > 0 else -1
            problem = f"{row.actual_columns} fields, expected {row.expected_columns}"
            raw = {"_text": str(row.text)[:MAX_VALUE], "_problem": problem}
            rejected.append(Rejected(number, raw, ["MALFORMED"]))
        return rejected + self._check(table, first_line, renumber=bool(malformed))

    def _check(self, table: pa.Table, first_line: int, renumber: bool) -> list[Rejected]:
        rows = table.num_rows
        if rows == 0:
            return []
        self.stats.received += rows

        def column(name: str) -> pa.Array:
            return pc.utf8_trim_whitespace(table.column(self.positions[name]).combine_chunks())

        pin, passport = column("pin"), column("passport")
        normalised = pc.utf8_upper(pc.replace_substring_regex(passport, r"\s+", ""))
        why: dict[str, list[str | None]] = {}
        problems: dict[str, np.ndarray] = {}
        for name, values, pattern in (("pin", pin, PIN_PATTERN),
                                      ("passport", normalised, PASSPORT_PATTERN)):  # fmt: skip
            empty = pc.equal(values, "").to_numpy(zero_copy_only=False)
            bad = ~pc.match_substring_regex(values, pattern).to_numpy(zero_copy_only=False)
            problems[name] = bad
            why[name] = ["MISSING_FIELD" if e else ("INVALID_IDENTIFIER" if b else None)
                         for e, b in zip(empty, bad, strict=True)] if bad.any() else []  # fmt: skip
        days: dict[str, np.ndarray] = {}
        for name in ("issued", "reference_date"):
            encoded = column(name).dictionary_encode()
            parsed = [self._date(v) for v in encoded.dictionary.to_pylist()]
            indices = encoded.indices.to_numpy(zero_copy_only=False)
            days[name] = np.array([p[0] for p in parsed], dtype=np.int32)[indices]
            problems[name] = days[name] < 0
            why[name] = [parsed[i][1] for i in indices] if problems[name].any() else []
        flags = column("resident").dictionary_encode()
        said = [RESIDENT.get(v.upper()) for v in flags.dictionary.to_pylist()]
        flag_index = flags.indices.to_numpy(zero_copy_only=False)
        known = np.array([s is not None for s in said], dtype=bool)[flag_index]
        resident = np.array([bool(s) for s in said], dtype=bool)[flag_index]
        problems["resident"] = ~known
        texts = flags.dictionary.to_pylist()
        unknown = ["MISSING_FIELD" if t == "" else "INVALID_CODE" for t in texts]
        why["resident"] = (
            [None if k else unknown[i] for i, k in zip(flag_index, known, strict=True)]
            if (~known).any()
            else []
        )
        bad = np.zeros(rows, dtype=bool)
        for flags_ in problems.values():
            bad |= flags_
        good = ~bad
        if good.any():
            keep = pa.array(good)
            self._parts.append(
                pa.table(
                    {
                        "person_key": self._keys("pin", pin.filter(keep)),
                        "passport_key": self._keys("passport", passport.filter(keep)),
                        "issued": pa.array(days["issued"][good]).cast(pa.date32()),
                        "resident": pa.array(resident[good]),
                        "reference_date": pa.array(days["reference_date"][good]).cast(pa.date32()),
                    }
                )
            )
        self.stats.loaded += int(good.sum())
        rejected = []
        for index in np.flatnonzero(bad).tolist():
            reasons = sorted({r for name, rs in why.items() if rs and (r := rs[index])})
            self.stats.reject(reasons)
            raw = {name: str(table.column(position)[index].as_py())[:MAX_VALUE]
                   for name, position in self.positions.items()}  # fmt: skip
            rejected.append(Rejected(-1 if renumber else first_line + index, raw, reasons))
        return rejected

    def _date(self, text: str) -> tuple[int, str | None]:
        hit = self._dates.get(text)
        if hit is None:
            if not text:
                hit = (-1, "MISSING_FIELD")
            elif text.startswith(FORMULA_PREFIXES):
                hit = (-1, "FORMULA_TEXT")
            else:
                parsed = parse_date(text)
                if parsed is None or parsed < EARLIEST:
                    hit = (-1, "INVALID_DATE")
                elif parsed > self.today:
                    hit = (-1, "FUTURE_DATE")
                else:
                    hit = ((parsed - EPOCH).days, None)
            if len(self._dates) < 100_000:
                self._dates[text] = hit
        return hit

    def _keys(self, kind: str, values: pa.Array) -> pa.Array:
        """The 64-bit keys of ``values``: each distinct identifier keyed once."""
        encoded = values.dictionary_encode()
        keys = self.pseudonymiser.person_keys(kind, encoded.dictionary.to_pylist())
        return pa.array(keys[encoded.indices.to_numpy(zero_copy_only=False)], pa.int64())

    def rows(self) -> pa.Table:
        """The loaded rows (:data:`store.population_base.SCHEMA`), duplicates taken out:
        a passport of a ПИН listed again for the same reference date counts once (the
        first line), and is counted in :attr:`duplicates`."""
        if not self._parts:
            return SCHEMA.empty_table()
        table = pa.concat_tables(self._parts)
        self._parts = []
        pin = table.column("person_key").to_numpy()
        passport = table.column("passport_key").to_numpy()
        reference = table.column("reference_date").cast(pa.int32()).to_numpy()
        order = np.lexsort((np.arange(pin.size), reference, passport, pin))
        repeated = np.zeros(pin.size, dtype=bool)
        sorted_ = (pin[order], passport[order], reference[order])
        repeated[order[1:]] = np.logical_and.reduce([s[1:] == s[:-1] for s in sorted_])
        self.duplicates = int(repeated.sum())
        self.stats.loaded -= self.duplicates
        return table.filter(pa.array(~repeated)).cast(SCHEMA)


@register
class AsbBase(FileSource):
    """``flask ingest asb-base --file extract.csv``: the AIS ASB population-base extract."""

    name = SOURCE
    help = (
        "AIS ASB population-base extract (CSV): the passports of each ПИН and permanent "
        "residence on the reference date; kept as microdata for long-term migration."
    )
    # Its rows are Parquet microdata (store.population_base), not a SQL table: in the store
    # it writes only its batch in the ledger, and the quarantine.
    table = IngestBatch
    title = lazy_gettext("AIS ASB: population base, passports of persons and permanent residence")
    identifiers: ClassVar[dict[str, str]] = {"pin": "pin", "passport": "passport"}

    def __init__(
        self, path: str = "", synthetic: bool = False, microdata_dir: Path | None = None
    ) -> None:
        super().__init__(path, synthetic)
        self.microdata_dir = microdata_dir  # None: STATKG_MICRODATA_DIR

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        """A corrected quarantined row cannot be added to an immutable delivery file: the
        ASB sends a corrected extract, which is a new delivery."""
        return [Reason("MALFORMED", detail="send a corrected extract")]

    def run(self, loader: BatchLoader, dry_run: bool = False) -> BatchResult:
        """Read the file into one Parquet delivery, in one batch transaction."""
        if self.path is None or not self.path.is_file():
            raise SourceError(f"no such file: {self.path}")
        key = self.delivery_key()
        writer: DeliveryWriter | None = None
        try:
            with loader.database.session() as session, session.begin():
                existing = session.scalars(
                    select(IngestBatch).where(IngestBatch.delivery_key == key)
                ).first()
                result = BatchResult(SOURCE, None, key, dry_run=dry_run)
                if existing is not None and existing.status == "loaded":
                    result.batch_id = existing.id
                    result.received, result.loaded = existing.received, existing.loaded
                    result.quarantined = existing.quarantined
                    result.duplicates = existing.duplicates
                    result.already_loaded = True
                    return result
                if existing is not None:  # left by an older, failed run: start afresh
                    session.delete(existing)
                    session.flush()
                ctx = loader.context(session)
                batch = IngestBatch(source=SOURCE, delivery_key=key, started_at=datetime.now(UTC),
                                    status="running", synthetic=self.synthetic,
                                    audit=self.audit())  # fmt: skip
                session.add(batch)
                session.flush()
                started = time.perf_counter()
                reader = ExtractFile(self.path, loader.pseudonymiser, ctx.today)
                scrubber = Scrubber(loader.pseudonymiser, dict(self.identifiers))
                try:
                    for rejected in reader.blocks():
                        _quarantine(session, batch.id, rejected, scrubber)
                except FileProblemsError as problems:
                    session.rollback()
                    raise SourceError(str(problems)) from None
                rows = reader.rows()
                name = delivery_name(SOURCE, batch.id, key, batch.started_at)
                if not dry_run:
                    writer = DeliveryWriter(name, self.microdata_dir, SCHEMA)
                    writer.write(rows)
                    writer.close()
                stats = reader.stats
                session.execute(
                    update(IngestBatch)
                    .where(IngestBatch.id == batch.id)
                    .values(
                        status="loaded",
                        finished_at=datetime.now(UTC),
                        received=stats.received,
                        loaded=stats.loaded,
                        quarantined=stats.quarantined,
                        duplicates=reader.duplicates,
                        audit={
                            **batch.audit,
                            "encoding": reader.encoding,
                            "seconds": round(time.perf_counter() - started, 3),
                            **({"microdata": name} if writer is not None else {}),
                        },
                    )
                )
                result.batch_id = batch.id
                result.received, result.loaded = stats.received, stats.loaded
                result.quarantined, result.duplicates = stats.quarantined, reader.duplicates
                result.reasons = dict(sorted(stats.reasons.items()))
                if dry_run:
                    session.rollback()
        except BaseException:  # nothing of a failed load may stay behind
            if writer is not None:
                writer.close()
                writer.discard()
            raise
        if writer is not None:  # the batch is committed: its microdata become visible
            writer.commit()
        return result


def _quarantine(session: Any, batch_id: int, rejected: list[Rejected], scrubber: Scrubber) -> None:
    if not rejected:
        return
    now = datetime.now(UTC)
    rows = []
    for entry in rejected:
        data = dict(entry.raw)
        if "_text" in data:
            data["_text"] = _PASSPORT_IN_TEXT.sub(
                lambda m: "passport:" + scrubber.pseudonymiser.key("passport", m.group()),
                data["_text"],
            )
        raw, _ = scrubber.record(data)
        rows.append(
            {
                "batch_id": batch_id,
                "source": SOURCE,
                "raw": raw,
                "reason_codes": entry.reasons,
                "detail": "; ".join(entry.reasons),
                "created_at": now,
                "source_key": None,
                "position": f"line {entry.line}" if entry.line > 0 else "block",
            }
        )
    session.execute(insert(QuarantineRecord), rows)
