"""Border Service bulk files: crossings, streamed and counted at ingest.

Why not the record-by-record loader: a year of border records is tens of millions of rows
(37 million crossings in 2025), and the statistics only need the counts by date ×
checkpoint × direction × citizenship × sex × age group × purpose. So the file is streamed in
blocks of a few megabytes and never held whole; each block is parsed by Arrow's CSV reader,
and each column is dictionary-encoded, so validation and code mapping run in Python once per
*distinct value* in the block (a few dozen) rather than once per row. Valid rows become one
64-bit key each and are counted with numpy; the counts are written to ``border_crossing``
in the same transaction as the batch and its quarantine, so a killed load leaves nothing
behind and its re-run gives exactly the counts of an uninterrupted one.

What is never lost: every line after the header is a received record and ends counted in
a crossing or quarantined on its own with reason codes — a line with the wrong number of
fields, bytes that are not text in the file's encoding, a line too long to be a record,
an unknown code, a mis-keyed age. ``received = loaded + quarantined`` for each file; a file
sent again (same bytes) is recognised by its checksum and not counted twice. Row-level
duplicates cannot be told from two real crossings in a file without a stable record id,
so none are claimed.

Each counted crossing is also kept as microdata, one immutable Parquet file per delivery
(:mod:`store.crossings`), with the 64-bit HMAC key of its passport number — never the number
— so that travel histories can be linked (the 12/16-month rule, :mod:`indicators.residence`).
The keys are computed once per distinct number of a block, in a forked worker process while
this one reads the next block, so the HMACs mostly overlap the reading. The cells above are
counted exactly as before; the file holds the same rows as the cells, one per crossing. In
the quarantine the passport is pseudonymised as any identifier (:mod:`ingest.loader`'s
scrubber).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import multiprocessing
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, ClassVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from classifiers.reference import DATA_DIR as CLASSIFIER_DATA
from classifiers.reference import read_csv
from ingest.base import Loadable, MapResult, SourceError, register
from ingest.context import Context
from ingest.files import (
    FileProblemsError,
    FileSource,
    detect_encoding,
    match_header,
    sniff_delimiter,
)
from ingest.loader import BatchLoader, BatchResult, Scrubber
from ingest.pseudonymise import Pseudonymiser
from ingest.reasons import Reason
from ingest.rules import FORMULA_PREFIXES, SEXES, parse_date
from ingest.worker import can_fork
from l10n import lazy_gettext
from store.crossings import DeliveryWriter, delivery_name
from store.models import BorderCrossing, IngestBatch, QuarantineRecord

SOURCE = "border"
CHECKPOINTS_FILE = Path(__file__).resolve().parent.parent / "data" / "border_checkpoints.csv"
BLOCK_BYTES = 8 << 20  # bytes parsed at a time: big enough for Arrow's threads, small in RAM
MAX_LINE = 1 << 20  # a "line" longer than this is not a record (a broken file, a binary blob)
MAX_VALUE = 200  # characters of a value kept in the quarantine
MAX_AGE = 120
KEY_JOBS_AHEAD = 2  # blocks read while the worker keys the passports of earlier ones
EPOCH = date(1970, 1, 1)
EARLIEST = date(1991, 1, 1)

COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date", "crossing_date", "дата", "дата_пересечения"),
    "checkpoint": ("checkpoint", "кпп", "пункт_пропуска"),
    "direction": ("direction", "направление"),
    "citizenship": ("citizenship", "гражданство"),
    "sex": ("sex", "пол"),
    "age": ("age", "возраст"),
    "purpose": ("purpose", "цель_поездки", "цель"),
    "passport": ("passport", "passport_no", "паспорт", "номер_паспорта"),
    "record_id": ("record_id", "id", "номер_записи"),
    "time": ("time", "время"),
    "destination": ("destination", "country", "страна_следования", "страна"),
}
REQUIRED = ["date", "checkpoint", "direction", "citizenship", "sex", "age", "purpose"]
OPTIONAL = ["passport", "record_id", "time", "destination"]
KEYED = ("date", "checkpoint", "direction", "citizenship", "sex", "age", "purpose")

DIRECTIONS = ("ENTRY", "EXIT")
DIRECTION_SPELLINGS = {
    "ENTRY": "ENTRY", "IN": "ENTRY", "1": "ENTRY", "ВЪЕЗД": "ENTRY", "КИРҮҮ": "ENTRY",
    "EXIT": "EXIT", "OUT": "EXIT", "2": "EXIT", "ВЫЕЗД": "EXIT", "ЧЫГУУ": "EXIT",
}  # fmt: skip
SEX_CODES = ("M", "F")
SEX_SPELLINGS = {**SEXES, "МУЖ": "M", "ЖЕН": "F", "МУЖСКОЙ": "M", "ЖЕНСКИЙ": "F"}
# The Border Service's numeric purpose codes, in the order of its statistical form.
PURPOSE_NUMBERS = ("BUSINESS", "TOURISM", "PRIVATE", "STUDY", "WORK", "MEDICAL", "TRANSIT",
                   "PERMANENT", "OTHER")  # fmt: skip

# Bits of the 64-bit key of a crossing cell (see _Maps.key): wide enough for every code.
SHIFTS = {"purpose": 0, "age": 4, "sex": 9, "citizenship": 10, "direction": 20,
          "checkpoint": 21, "date": 29}  # fmt: skip
WIDTHS = {"purpose": 4, "age": 5, "sex": 1, "citizenship": 10, "direction": 1,
          "checkpoint": 8, "date": 20}  # fmt: skip


def _aliases() -> dict[str, str]:
    return {alias: key for key, names in COLUMNS.items() for alias in names}


@dataclass
class _Column:
    """Maps the distinct values of one column to an integer code, remembering why not."""

    parse: Any  # callable: str -> (int code, None) or (-1, reason code)
    cache: dict[str, tuple[int, str | None]] = field(default_factory=dict)

    def codes(self, values: list[str]) -> tuple[np.ndarray, list[str | None]]:
        out = np.empty(len(values), dtype=np.int64)
        reasons: list[str | None] = []
        for i, value in enumerate(values):
            hit = self.cache.get(value)
            if hit is None:
                hit = self.parse(value)
                if len(self.cache) < 100_000:
                    self.cache[value] = hit
            out[i] = hit[0]
            reasons.append(hit[1])
        return out, reasons


class _Maps:
    """Everything one file is validated against, read once: classifiers, crosswalks, today."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.checkpoints = [row["code"] for row in read_csv(CHECKPOINTS_FILE)]
        spellings = {}
        for index, row in enumerate(read_csv(CHECKPOINTS_FILE)):
            spellings[row["code"].upper()] = index
            spellings[row["label_ru"].upper()] = index
        self.checkpoint_spellings = spellings
        self.age_groups, self.age_bounds = _age_groups()
        purposes = [
            r for r in read_csv(CLASSIFIER_DATA / "purpose_of_trip.csv") if r["code"] != "_T"
        ]
        self.purposes = [r["code"] for r in purposes]
        self.purpose_spellings: dict[str, int] = {}
        for index, row in enumerate(purposes):
            for spelling in (row["code"], row["label_ky"], row["label_ru"], row["label_en"]):
                self.purpose_spellings[spelling.upper()] = index
        for number, code in enumerate(PURPOSE_NUMBERS, start=1):
            self.purpose_spellings[str(number)] = self.purposes.index(code)
            self.purpose_spellings[f"{number:02d}"] = self.purposes.index(code)
        self.columns = {
            "date": _Column(self._date),
            "checkpoint": _Column(self._checkpoint),
            "direction": _Column(lambda v: _choice(v, DIRECTION_SPELLINGS, DIRECTIONS)),
            "citizenship": _Column(self._citizenship),
            "sex": _Column(lambda v: _choice(v, SEX_SPELLINGS, SEX_CODES)),
            "age": _Column(self._age),
            "purpose": _Column(self._purpose),
        }

    def _date(self, value: str) -> tuple[int, str | None]:
        text = value.strip()
        problem = _blank_or_formula(text)
        if problem:
            return -1, problem
        parsed = parse_date(text)
        if parsed is None or parsed < EARLIEST:
            return -1, "INVALID_DATE"
        if parsed > self.ctx.today:
            return -1, "FUTURE_DATE"
        return (parsed - EPOCH).days, None

    def _checkpoint(self, value: str) -> tuple[int, str | None]:
        text = value.strip()
        problem = _blank_or_formula(text)
        if problem:
            return -1, problem
        index = self.checkpoint_spellings.get(text.upper())
        if index is None:
            mapped = self.ctx.crosswalk("border-checkpoint", text, None)
            if mapped in self.checkpoints:
                return self.checkpoints.index(mapped), None
            self.ctx.unmapped[("border-checkpoint", text[:40])] += 1
            return -1, "UNMAPPED_CODE"
        return index, None

    def _citizenship(self, value: str) -> tuple[int, str | None]:
        text = value.strip()
        problem = _blank_or_formula(text)
        if problem:
            return -1, problem
        code = self.ctx.country(text[:40], "border-country", None)
        if code is None or not code.isdigit():
            return -1, "UNMAPPED_CODE"
        return int(code), None

    def _age(self, value: str) -> tuple[int, str | None]:
        text = value.strip()
        problem = _blank_or_formula(text)
        if problem:
            return -1, problem
        if not (text.isascii() and text.isdigit()) or len(text) > 3:
            return -1, "INVALID_VALUE"
        age = int(text)
        if age > MAX_AGE:
            return -1, "IMPLAUSIBLE_AGE"
        return int(np.searchsorted(self.age_bounds, age, side="right") - 1), None

    def _purpose(self, value: str) -> tuple[int, str | None]:
        text = value.strip()
        problem = _blank_or_formula(text)
        if problem:
            return -1, problem
        index = self.purpose_spellings.get(text.upper())
        return (-1, "INVALID_CODE") if index is None else (index, None)


def _blank_or_formula(text: str) -> str | None:
    if not text:
        return "MISSING_FIELD"
    if text.startswith(FORMULA_PREFIXES) and not text.lstrip("+-").isdigit():
        return "FORMULA_TEXT"
    if len(text) > MAX_VALUE:
        return "INVALID_VALUE"
    return None


def _choice(
    value: str, spellings: dict[str, str], codes: tuple[str, ...]
) -> tuple[int, str | None]:
    text = value.strip()
    problem = _blank_or_formula(text)
    if problem:
        return -1, problem
    code = spellings.get(text.upper())
    return (-1, "INVALID_CODE") if code is None else (codes.index(code), None)


@dataclass
class _KeyJob:
    """One block's passport numbers: which distinct values are not blank, each row's index
    into them, and (once computed) the keys of the non-blank ones."""

    present: np.ndarray
    indices: np.ndarray
    keys: np.ndarray | None = None
    future: Future[bytes] | None = None

    def person_keys(self) -> pa.Array:
        assert self.keys is not None
        known = np.zeros(self.present.size, dtype=np.int64)
        known[self.present] = self.keys
        return pa.array(known[self.indices], pa.int64(), mask=~self.present[self.indices])


_WORKER_PSEUDONYMISER: Pseudonymiser | None = None


def _keys_in_worker(numbers: list[str]) -> bytes:
    """In the forked worker: the 64-bit keys of ``numbers``, as bytes (cheap to send)."""
    assert _WORKER_PSEUDONYMISER is not None
    return _WORKER_PSEUDONYMISER.person_keys("passport", numbers).tobytes()


def _exact_age(value: str) -> int | None:
    text = value.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 3 else None


def _age_groups() -> tuple[list[str], np.ndarray]:
    rows = [r for r in read_csv(CLASSIFIER_DATA / "age5.csv") if r["code"] != "_T"]
    return [r["code"] for r in rows], np.array([int(r["min_age"]) for r in rows])


@dataclass
class Counts:
    """Crossing cells: sorted unique 64-bit keys and their counts, merged as blocks arrive.

    Merging only when the pending part is as large as the merged one keeps the total work
    at O(n log n) and the memory at a few bytes per distinct cell.
    """

    keys: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    counts: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    pending: list[np.ndarray] = field(default_factory=list)
    pending_rows: int = 0

    def add(self, keys: np.ndarray) -> None:
        if keys.size:
            self.pending.append(keys)
            self.pending_rows += keys.size
            if self.pending_rows >= max(self.keys.size, 1_000_000):
                self._merge()

    def _merge(self) -> None:
        if not self.pending:
            return
        new_keys, new_counts = np.unique(np.concatenate(self.pending), return_counts=True)
        self.pending, self.pending_rows = [], 0
        if self.keys.size == 0:
            self.keys, self.counts = new_keys, new_counts.astype(np.int64)
            return
        # Both sides are sorted and unique: add the counts of cells already known in place,
        # and insert the new ones where they sort. About two copies of the cells at the peak
        # (concatenating and sorting the two sides took six, the load's largest allocation).
        at = np.searchsorted(self.keys, new_keys)
        known = at < self.keys.size
        known[known] = self.keys[at[known]] == new_keys[known]
        self.counts[at[known]] += new_counts[known]  # the positions are distinct: keys unique
        fresh = ~known
        self.keys = np.insert(self.keys, at[fresh], new_keys[fresh])
        self.counts = np.insert(self.counts, at[fresh], new_counts[fresh].astype(np.int64))

    def result(self) -> tuple[np.ndarray, np.ndarray]:
        self._merge()
        return self.keys, self.counts

    @property
    def total(self) -> int:
        return int(self.counts.sum()) + self.pending_rows


@dataclass
class Rejected:
    """A received line that could not be counted: where it was, what it said, and why."""

    line: int
    raw: dict[str, Any]
    reasons: list[str]


@dataclass
class FileStats:
    received: int = 0
    loaded: int = 0
    quarantined: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def reject(self, reasons: list[str]) -> None:
        self.quarantined += 1
        for reason in reasons:
            self.reasons[reason] = self.reasons.get(reason, 0) + 1


class Utf8Stream:
    """A UTF-16 file read as UTF-8 bytes: ``read`` and ``readline`` as on a binary file.

    Why: the block reader (Arrow's CSV parser, the line cuts at ``\\n``) works on UTF-8 bytes;
    a UTF-16 file is transcoded on the way in, a block at a time, instead of having a second
    reader. It is the slower path (Python's codec touches every character); UTF-8 and
    Windows-1251 files never take it. What does not decode (an unpaired surrogate) becomes
    U+FFFD, so the value fails its code check and its line is quarantined, never lost.
    """

    def __init__(self, raw: IO[bytes], encoding: str) -> None:
        self.raw = raw
        self.decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self.pending = b""
        self.done = False

    def _fill(self, size: int) -> None:
        data = self.raw.read(size)
        self.done = not data
        self.pending += self.decoder.decode(data, final=self.done).encode("utf-8")

    def read(self, size: int) -> bytes:
        """Up to ``size`` bytes of UTF-8; ``b""`` only at the end of the file."""
        while len(self.pending) < size and not self.done:
            self._fill(size)
        data, self.pending = self.pending[:size], self.pending[size:]
        return data

    def readline(self, limit: int) -> bytes:
        """One line with its ``\\n`` (at most ``limit`` bytes), as ``IO.readline`` does."""
        while b"\n" not in self.pending and len(self.pending) < limit and not self.done:
            self._fill(1 << 16)
        cut = self.pending.find(b"\n", 0, limit)
        end = cut + 1 if cut >= 0 else min(limit, len(self.pending))
        line, self.pending = self.pending[:end], self.pending[end:]
        return line


class BorderFile:
    """Reads one border file: header, encoding, blocks → crossing keys and rejected lines."""

    def __init__(
        self,
        path: Path,
        ctx: Context,
        block_bytes: int = BLOCK_BYTES,
        microdata: DeliveryWriter | None = None,
        pseudonymiser: Pseudonymiser | None = None,
    ) -> None:
        self.path = path
        self.maps = _Maps(ctx)
        self.microdata = microdata
        self.pseudonymiser = pseudonymiser
        self._waiting: deque[tuple[pa.Table, _KeyJob | None]] = deque()
        self._pool: ProcessPoolExecutor | None = None
        if microdata is not None and pseudonymiser is not None and can_fork():
            global _WORKER_PSEUDONYMISER
            _WORKER_PSEUDONYMISER = pseudonymiser  # the forked worker inherits it
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        self.ages: dict[str, int] = {}
        self.destinations: dict[str, str | None] = {}
        self.block_bytes = block_bytes
        self.stats = FileStats()
        self.counts = Counts()
        self.encoding = "utf-8"  # the file's, for the audit
        self.stream_encoding = "utf-8"  # of the bytes the blocks see (UTF-16 is transcoded)
        self.delimiter = ","
        self.names: list[str] = []
        self.positions: dict[str, int] = {}

    # -- the header -------------------------------------------------------------------------

    def _open(self, raw: IO[bytes]) -> IO[bytes] | Utf8Stream:
        """Read the header; return the stream of the data lines' bytes.

        A UTF-16 file (Excel's "Unicode text") is read through :class:`Utf8Stream`, so the
        blocks below see UTF-8 either way; UTF-8 and Windows-1251 files are read as they are.
        """
        sample = raw.read(1 << 20)
        self.encoding = detect_encoding(sample)
        raw.seek(0)
        handle: IO[bytes] | Utf8Stream = raw
        if self.encoding.startswith("utf-16"):
            handle, self.stream_encoding = Utf8Stream(raw, self.encoding), "utf-8"
        else:
            self.stream_encoding = self.encoding
        first = handle.readline(MAX_LINE)
        header = first.decode(self.stream_encoding, errors="replace").strip("\r\n\ufeff")
        self.delimiter = sniff_delimiter(header)
        cells = next(csv.reader([header], delimiter=self.delimiter), [])
        self.positions = match_header(cells, _aliases(), REQUIRED, OPTIONAL)
        self.names = [f"c{i}" for i in range(len(cells))]
        return handle

    # -- blocks -----------------------------------------------------------------------------

    def blocks(self) -> Iterator[list[Rejected]]:
        """Process the file block by block; yield each block's rejected lines."""
        try:
            yield from self._blocks()
            self._drain(wait=True)
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None

    def _blocks(self) -> Iterator[list[Rejected]]:
        with self.path.open("rb") as raw:
            handle = self._open(raw)
            line = 2
            carry = b""
            while True:
                data = handle.read(self.block_bytes)
                if not data:
                    if carry.strip():
                        yield self._block(carry, line)
                    return
                buffer = carry + data
                cut = buffer.rfind(b"\n")
                if cut < 0:
                    if len(buffer) > MAX_LINE:
                        overlong, carry = self._overlong(buffer, handle, line)
                        yield [overlong]
                        line += 1
                    else:
                        carry = buffer
                    continue
                block, carry = buffer[: cut + 1], buffer[cut + 1 :]
                rejected = self._block(block, line)
                line += block.count(b"\n")
                yield rejected

    def _overlong(
        self, buffer: bytes, handle: IO[bytes] | Utf8Stream, line: int
    ) -> tuple[Rejected, bytes]:
        """Skip to the end of a line too long to be a record; keep its start only.

        Returns the rejected line and the bytes read past its end (the next lines' start).
        """
        preview = buffer[:MAX_VALUE].decode(self.stream_encoding, errors="replace")
        rest = b""
        while data := handle.read(self.block_bytes):
            cut = data.find(b"\n")
            if cut >= 0:
                rest = data[cut + 1 :]
                break
        self.stats.received += 1
        self.stats.reject(["MALFORMED"])
        rejected = Rejected(line, {"_text": preview, "_problem": "line too long"}, ["MALFORMED"])
        return rejected, rest

    def _block(self, block: bytes, first_line: int) -> list[Rejected]:
        """Count one block of whole lines; return the lines that could not be counted."""
        rejected: list[Rejected] = []
        text = self._as_utf8(block, first_line, rejected)
        if text is None:
            return rejected
        malformed: list[Any] = []

        def invalid_row(row: Any) -> str:
            malformed.append(row)
            return "skip"

        try:
            table = self._parse(text, invalid_row)
        except (pa.ArrowInvalid, ValueError):
            return rejected + self._lines_one_by_one(text, first_line)
        for row in malformed:
            self.stats.received += 1
            self.stats.reject(["MALFORMED"])
            number = first_line + row.number - 1 if row.number else first_line
            detail = f"{row.actual_columns} fields, expected {row.expected_columns}"
            raw = {"_text": str(row.text)[:MAX_LINE], "_problem": detail}
            rejected.append(Rejected(number, raw, ["MALFORMED"]))
        rejected.extend(self._count(table, first_line, bool(malformed)))
        return rejected

    def _as_utf8(self, block: bytes, first_line: int, rejected: list[Rejected]) -> bytes | None:
        if self.stream_encoding == "cp1251":
            # Windows-1251 leaves one byte (0x98) undefined: it becomes U+FFFD and the value
            # fails its code check, so the line is quarantined rather than lost.
            return block.decode("cp1251", errors="replace").encode("utf-8")
        try:
            block.decode("utf-8")
        except UnicodeDecodeError:
            good: list[bytes] = []
            for offset, line in enumerate(block.splitlines(keepends=True)):
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    self.stats.received += 1
                    self.stats.reject(["MALFORMED"])
                    raw = {"_text": line.decode("utf-8", "replace")[:MAX_VALUE],
                           "_problem": "bytes that are not UTF-8 text"}  # fmt: skip
                    rejected.append(Rejected(first_line + offset, raw, ["MALFORMED"]))
                    good.append(b"\n")  # keep the line numbering of what follows
                else:
                    good.append(line)
            return b"".join(good)
        return block

    def _parse(self, text: bytes, invalid_row: Any) -> pa.Table:
        return pacsv.read_csv(
            pa.BufferReader(text),
            read_options=pacsv.ReadOptions(
                column_names=self.names, block_size=max(len(text) + 1, 1 << 20)
            ),
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

    def _lines_one_by_one(self, text: bytes, first_line: int) -> list[Rejected]:
        """The slow path for a block Arrow refuses whole: parse each line on its own."""
        rejected: list[Rejected] = []
        for offset, line in enumerate(text.splitlines()):
            if not line.strip():
                continue
            malformed: list[Any] = []

            def invalid_row(row: Any, malformed: list[Any] = malformed) -> str:
                malformed.append(row)
                return "skip"

            try:
                table = self._parse(line + b"\n", invalid_row)
            except (pa.ArrowInvalid, ValueError) as error:
                malformed.append(str(error)[:100])
                table = None
            if malformed or table is None:
                self.stats.received += 1
                self.stats.reject(["MALFORMED"])
                raw = {"_text": line.decode("utf-8", "replace")[:MAX_VALUE]}
                rejected.append(Rejected(first_line + offset, raw, ["MALFORMED"]))
                continue
            rejected.extend(self._count(table, first_line + offset, True))
        return rejected

    def _count(self, table: pa.Table, first_line: int, renumber: bool) -> list[Rejected]:
        rows = table.num_rows
        if rows == 0:
            return []
        self.stats.received += rows
        key = np.zeros(rows, dtype=np.int64)
        bad = np.zeros(rows, dtype=bool)
        why: dict[str, tuple[np.ndarray, list[str | None]]] = {}
        for name in KEYED:
            column = table.column(self.positions[name]).combine_chunks()
            encoded = column.dictionary_encode()
            indices = encoded.indices.to_numpy(zero_copy_only=False)
            codes, reasons = self.maps.columns[name].codes(encoded.dictionary.to_pylist())
            row_codes = codes[indices]
            bad |= row_codes < 0
            key |= np.where(row_codes < 0, 0, row_codes) << SHIFTS[name]
            why[name] = (indices, reasons)
        self.counts.add(key[~bad])
        self.stats.loaded += int(rows - bad.sum())
        if self.microdata is not None:
            self._keep(*self._crossings(table, key, bad))
        bad_rows = np.flatnonzero(bad)
        if bad_rows.size == 0:
            return []
        return [self._rejected(table, int(i), why, first_line, renumber) for i in bad_rows]

    def _rejected(
        self,
        table: pa.Table,
        index: int,
        why: dict[str, tuple[np.ndarray, list[str | None]]],
        first_line: int,
        renumber: bool,
    ) -> Rejected:
        raw = {
            name: str(table.column(position)[index].as_py())[:MAX_VALUE]
            for name, position in self.positions.items()
        }
        reasons = sorted(
            {r for name, (indices, rs) in why.items() if (r := rs[int(indices[index])])}
        )
        self.stats.reject(reasons)
        # Lines are exact unless Arrow skipped blank or malformed lines before this one.
        line = first_line + index
        return Rejected(line, raw, reasons) if not renumber else Rejected(-1, raw, reasons)

    # -- the microdata ----------------------------------------------------------------------

    def _crossings(
        self, table: pa.Table, key: np.ndarray, bad: np.ndarray
    ) -> tuple[pa.Table, _KeyJob | None]:
        """The counted rows of a block as crossings microdata (:data:`store.crossings.SCHEMA`).

        Decoded from the same 64-bit cell keys that are counted, so the file and the cells
        hold the same crossings; only the exact age, the passport key and the destination
        come from the columns, each once per distinct value.
        """
        good = ~bad
        k = key[good]
        maps = self.maps

        def field_(name: str) -> np.ndarray:
            values: np.ndarray = (k >> SHIFTS[name]) & ((1 << WIDTHS[name]) - 1)
            return values

        def coded(name: str, labels: list[str]) -> pa.DictionaryArray:
            return pa.DictionaryArray.from_arrays(
                pa.array(field_(name).astype(np.int8)), pa.array(labels)
            )

        citizenships, citizenship_index = np.unique(field_("citizenship"), return_inverse=True)
        job = self._person_keys(table, good)
        columns: dict[str, Any] = {
            "person_key": pa.nulls(int(good.sum()), pa.int64()),
            "crossing_date": pa.array(field_("date").astype(np.int32)).cast(pa.date32()),
            "direction": coded("direction", list(DIRECTIONS)),
            "checkpoint": coded("checkpoint", maps.checkpoints),
            "citizenship": pa.DictionaryArray.from_arrays(
                pa.array(citizenship_index.astype(np.int16)),
                pa.array([f"{c:03d}" for c in citizenships.tolist()], pa.string()),
            ),
            "sex": coded("sex", list(SEX_CODES)),
            "age": self._by_value(table, "age", good, self.ages, _exact_age, pa.int16()),
            "purpose": coded("purpose", maps.purposes),
            "destination": self._by_value(
                table, "destination", good, self.destinations, self._destination, pa.string()
            ),
        }
        return pa.table(columns), job

    def _by_value(
        self,
        table: pa.Table,
        name: str,
        good: np.ndarray,
        cache: dict[Any, Any],
        parse: Any,
        type_: pa.DataType,
    ) -> pa.Array:
        rows = int(good.sum())
        if name not in self.positions:
            return pa.nulls(rows, type_)
        encoded = table.column(self.positions[name]).combine_chunks().dictionary_encode()
        values = []
        for value in encoded.dictionary.to_pylist():
            if value not in cache:
                cache[value] = parse(value)
            values.append(cache[value])
        indices = encoded.indices.to_numpy(zero_copy_only=False)[good]
        return pa.array(values, type_).take(pa.array(indices))

    def _destination(self, value: str) -> str | None:
        text = value.strip()
        if not text or _blank_or_formula(text):
            return None
        code = self.maps.ctx.country(text[:40], "border-country", None)
        return code if code is not None and code.isdigit() else None

    def _person_keys(self, table: pa.Table, good: np.ndarray) -> _KeyJob | None:
        """The passport numbers of the counted rows, to be keyed (``None``: the file has
        none): each distinct number of the block once, in a forked worker while this
        process reads the next block; :meth:`_drain` puts the keys in."""
        if "passport" not in self.positions or self.pseudonymiser is None:
            return None
        column = table.column(self.positions["passport"]).combine_chunks()
        encoded = pc.utf8_trim_whitespace(column).dictionary_encode()
        present = pc.not_equal(encoded.dictionary, "").to_numpy(zero_copy_only=False)
        numbers = encoded.dictionary.filter(pa.array(present)).to_pylist()
        job = _KeyJob(present, encoded.indices.to_numpy(zero_copy_only=False)[good])
        if self._pool is not None:
            job.future = self._pool.submit(_keys_in_worker, numbers)
        else:
            job.keys = self.pseudonymiser.person_keys("passport", numbers)
        return job

    def _keep(self, crossings: pa.Table, job: _KeyJob | None) -> None:
        self._waiting.append((crossings, job))
        self._drain(wait=len(self._waiting) > KEY_JOBS_AHEAD)

    def _drain(self, wait: bool) -> None:
        """Write the blocks whose keys are ready, in order (all of them with ``wait``)."""
        while self._waiting and self.microdata is not None:
            crossings, job = self._waiting[0]
            if job is not None and job.future is not None:
                if not (wait or job.future.done()):
                    return
                job.keys = np.frombuffer(job.future.result(), dtype=np.int64)
                job.future = None
            self._waiting.popleft()
            if job is not None:
                crossings = crossings.set_column(0, "person_key", job.person_keys())
            self.microdata.write(crossings)

    # -- decoding cells ---------------------------------------------------------------------

    def cells(self, slice_rows: int = 100_000) -> Iterator[dict[str, Any]]:
        """The counted cells as rows of ``border_crossing`` (without the batch).

        Decoded a slice at a time: millions of cells as Python objects at once would cost
        more memory than the whole streamed read.
        """
        keys, counts = self.counts.result()
        maps = self.maps
        days: dict[int, date] = {}
        for start in range(0, keys.size, slice_rows):
            part = keys[start : start + slice_rows]
            fields = [
                ((part >> SHIFTS[name]) & ((1 << WIDTHS[name]) - 1)).tolist()
                for name in ("date", "checkpoint", "direction", "citizenship", "sex", "age",
                             "purpose")
            ]  # fmt: skip
            for day, checkpoint, direction, citizenship, sex, age, purpose, count in zip(
                *fields, counts[start : start + slice_rows].tolist(), strict=True
            ):
                if day not in days:
                    days[day] = EPOCH + timedelta(days=day)
                yield {
                    "crossing_date": days[day],
                    "checkpoint": maps.checkpoints[checkpoint],
                    "direction": DIRECTIONS[direction],
                    "citizenship": f"{citizenship:03d}",
                    "sex": SEX_CODES[sex],
                    "age_group": maps.age_groups[age],
                    "purpose": maps.purposes[purpose],
                    "crossings": count,
                }


def bulk_insert(session: Session, rows: Iterator[dict[str, Any]], chunk: int = 50_000) -> int:
    """Insert crossing cells in chunks (executemany on SQLite, COPY on PostgreSQL)."""
    table = BorderCrossing.__table__
    columns = [c.name for c in table.columns if c.name != "id"]
    connection = session.connection()
    total = 0
    if connection.dialect.name == "postgresql":
        raw = connection.connection.driver_connection
        cursor = raw.cursor()  # type: ignore[union-attr]
        with cursor.copy(f"COPY border_crossing ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
                total += 1
        return total
    # SQLite: the DBAPI's executemany with plain tuples, several times faster than going
    # through SQLAlchemy's per-row parameter processing for millions of cells.
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    # The column names are the model's own, never input.
    names, marks = ", ".join(columns), ", ".join("?" for _ in columns)
    sql = f"INSERT INTO border_crossing ({names}) VALUES ({marks})"  # noqa: S608
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(tuple(row[c] for c in columns))  # dates: store.db's adapter
        if len(batch) >= chunk:
            cursor.executemany(sql, batch)
            total += len(batch)
            batch = []
    if batch:
        cursor.executemany(sql, batch)
        total += len(batch)
    return total


@register
class BorderAdapter(FileSource):
    """``flask ingest border --file crossings.csv``: a Border Service file, counted."""

    name = SOURCE
    help = "Border Service crossings file (CSV: UTF-8, Windows-1251 or UTF-16), streamed, counted."
    table = BorderCrossing
    title = lazy_gettext("Border Service: crossings of the state border")
    identifiers: ClassVar[dict[str, str]] = {"passport": "passport"}

    def __init__(
        self, path: str = "", synthetic: bool = False, microdata_dir: Path | None = None
    ) -> None:
        super().__init__(path, synthetic)
        self.microdata_dir = microdata_dir  # None: STATKG_MICRODATA_DIR

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        """One corrected quarantined row becomes one crossing (a cell counted once)."""
        maps = _Maps(ctx)
        values: dict[str, int] = {}
        reasons: list[Reason] = []
        for name in KEYED:
            code, problem = maps.columns[name].parse(str(data.get(name) or ""))
            if problem:
                reasons.append(Reason(problem, name))
            values[name] = code
        if reasons:
            return reasons
        row = {
            "crossing_date": EPOCH + timedelta(days=values["date"]),
            "checkpoint": maps.checkpoints[values["checkpoint"]],
            "direction": DIRECTIONS[values["direction"]],
            "citizenship": f"{values['citizenship']:03d}",
            "sex": SEX_CODES[values["sex"]],
            "age_group": maps.age_groups[values["age"]],
            "purpose": maps.purposes[values["purpose"]],
            "crossings": 1,
        }
        key = "|".join(str(data.get(n, "")) for n in (*KEYED, "record_id"))
        return Loadable(
            self.table, row, source_key="row:" + hashlib.sha256(key.encode()).hexdigest()[:32]
        )

    def run(self, loader: BatchLoader, dry_run: bool = False) -> BatchResult:
        """Stream the file into ``border_crossing`` in one transaction (see the module doc)."""
        if self.path is None or not self.path.is_file():
            raise SourceError(f"no such file: {self.path}")
        key = self.delivery_key()
        database = loader.database
        writers: list[DeliveryWriter] = []
        try:
            with database.session() as session, session.begin():
                existing = session.scalars(
                    select(IngestBatch).where(IngestBatch.delivery_key == key)
                ).first()
                result = BatchResult(SOURCE, None, key, dry_run=dry_run)
                if existing is not None and existing.status == "loaded":
                    result.batch_id = existing.id
                    result.received, result.loaded = existing.received, existing.loaded
                    result.quarantined, result.duplicates = (
                        existing.quarantined,
                        existing.duplicates,
                    )
                    result.already_loaded = True
                    return result
                if existing is not None:  # a batch left by an older, failed run: start it afresh
                    session.delete(existing)
                    session.flush()
                ctx = loader.context(session)
                batch = IngestBatch(
                    source=SOURCE,
                    delivery_key=key,
                    started_at=datetime.now(UTC),
                    status="running",
                    synthetic=self.synthetic,
                    audit=self.audit(),
                )
                session.add(batch)
                session.flush()
                started = time.perf_counter()
                name = delivery_name(SOURCE, batch.id, key, batch.started_at)
                writer = None if dry_run else DeliveryWriter(name, self.microdata_dir)
                if writer is not None:
                    writers.append(writer)
                reader = BorderFile(
                    self.path, ctx, microdata=writer, pseudonymiser=loader.pseudonymiser
                )
                scrubber = Scrubber(loader.pseudonymiser, dict(self.identifiers))
                try:
                    for rejected in reader.blocks():
                        _quarantine(session, batch.id, rejected, scrubber)
                except FileProblemsError as problems:
                    session.rollback()
                    raise SourceError(str(problems)) from None
                if writer is not None:
                    writer.close()
                cells = bulk_insert(
                    session, ({**cell, "batch_id": batch.id} for cell in reader.cells())
                )
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
                        duplicates=0,
                        audit={
                            **batch.audit,
                            "encoding": reader.encoding,
                            "cells": cells,
                            "seconds": round(time.perf_counter() - started, 3),
                            **({"microdata": name} if writer is not None else {}),
                        },
                    )
                )
                result.batch_id = batch.id
                result.received, result.loaded = stats.received, stats.loaded
                result.quarantined = stats.quarantined
                result.reasons = dict(sorted(stats.reasons.items()))
                result.unmapped = {f"{lst}:{code}": n for (lst, code), n in ctx.unmapped.items()}
                if dry_run:
                    session.rollback()
        except BaseException:  # nothing of a failed load may stay behind, not even a part
            for partial in writers:
                partial.close()
                partial.discard()
            raise
        if writers:  # the batch is committed: its microdata become visible
            writers[0].commit()
        return result


def _quarantine(
    session: Session, batch_id: int, rejected: list[Rejected], scrubber: Scrubber
) -> None:
    if not rejected:
        return
    now = datetime.now(UTC)
    rows = []
    for entry in rejected:
        raw, _ = scrubber.record(entry.raw)
        position = f"line {entry.line}" if entry.line > 0 else "block"
        rows.append(
            {
                "batch_id": batch_id,
                "source": SOURCE,
                "raw": raw,
                "reason_codes": entry.reasons,
                "detail": "; ".join(entry.reasons),
                "created_at": now,
                "source_key": None,
                "position": position,
            }
        )
    session.execute(insert(QuarantineRecord), rows)
