"""Reading the files that people deliver: encodings, CSV dialects, XLSX, and their problems.

Why a module of its own: local governments, ministries, universities and UNHCR key reports
in whatever their office machine produces — UTF-8, Windows-1251 or UTF-16; comma, semicolon
or tab; CSV or an Excel workbook — and the Border Service copies CSV exports to a disk. Every
file source needs the same answers first (what encoding, what delimiter, which columns), and
the same promise: a bad file gives a clear message in the reader's language, never a traceback.

Encoding is decided from the bytes, not trusted from a name: a UTF-8 byte-order mark means
UTF-8; a UTF-16 byte-order mark (little- or big-endian) means UTF-16, which is what Excel's
"Unicode text" export writes on Windows (tab-separated) — accepted if what follows reads as
text; text that decodes as UTF-8 (allowing a few stray bytes) is UTF-8; text full of bytes
that are invalid UTF-8 is Windows-1251 (the Cyrillic code page of Excel on a Russian-language
Windows). Any other NUL bytes mean a binary file (or UTF-16 without its mark, which nothing
writes): refused with a clear message.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import click

from ingest.base import RawRecord, SourceAdapter, SourceError

SAMPLE_BYTES = 1 << 20  # 1 MiB decides the encoding
MAX_CELL = 1000  # longer cells are cut (and flagged) rather than kept whole
DELIMITERS = (";", ",", "\t", "|")
XLSX_MAGIC = b"PK\x03\x04"
CHECKSUM_BLOCK = 8 << 20  # bytes hashed at a time: a border file is gigabytes


def file_delivery_key(source: str, path: Path | None) -> str:
    """``{source}:sha256:{checksum}``: a file sent again with the same bytes is the same
    delivery, and is not loaded twice. ``None`` is the stand-in adapter of a resubmission."""
    if path is None:
        return f"{source}:resubmission"
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHECKSUM_BLOCK):
                digest.update(chunk)
    except OSError as error:
        raise SourceError(f"cannot read {path.name}: {error.strerror}") from error
    return f"{source}:sha256:{digest.hexdigest()}"


# The csv module refuses a field over 128 KiB with an exception; a pasted blob in a keyed
# report must be a cut cell, not a traceback (the whole text is in memory already).
csv.field_size_limit(1 << 30)

MESSAGES: dict[str, dict[str, str]] = {
    "empty_file": {
        "ky": "Файл бош",
        "ru": "Файл пуст",
        "en": "The file is empty",
    },
    "binary_file": {
        "ky": "Файл текст эмес: UTF-8, Windows-1251 же UTF-16 (BOM менен) коддоосундагы CSV, "
        "же XLSX керек",
        "ru": "Файл не текстовый: нужен CSV в кодировке UTF-8, Windows-1251 или UTF-16 (с BOM), "
        "либо XLSX",
        "en": "The file is not text: send CSV in UTF-8, Windows-1251 or UTF-16 (with its BOM), "
        "or XLSX",
    },
    "bad_xlsx": {
        "ky": "XLSX файлын ачууга болбойт: {detail}",
        "ru": "Не удаётся открыть файл XLSX: {detail}",
        "en": "The XLSX file cannot be opened: {detail}",
    },
    "missing_columns": {
        "ky": "Мамычалар жок: {columns}",
        "ru": "Отсутствуют столбцы: {columns}",
        "en": "Missing columns: {columns}",
    },
    "extra_columns": {
        "ky": "Белгисиз мамычалар: {columns}",
        "ru": "Лишние (неизвестные) столбцы: {columns}",
        "en": "Unknown extra columns: {columns}",
    },
    "duplicate_columns": {
        "ky": "Мамычалар кайталанат: {columns}",
        "ru": "Столбцы повторяются: {columns}",
        "en": "Columns appear twice: {columns}",
    },
    "no_header": {
        "ky": "Мамычалардын аталыштары табылган жок",
        "ru": "Не найдена строка заголовков столбцов",
        "en": "No header row with the column names was found",
    },
    "wrong_template": {
        "ky": "Бул «{found}» үлгүсү, «{expected}» үлгүсү күтүлгөн",
        "ru": "Это шаблон «{found}», а ожидается шаблон «{expected}»",
        "en": "This is the template '{found}', expected the template '{expected}'",
    },
    "old_template": {
        "ky": "Үлгүнүн версиясы {found} эскирген, {expected} версиясын колдонуңуз",
        "ru": "Версия шаблона {found} устарела, используйте версию {expected}",
        "en": "Template version {found} is out of date, use version {expected}",
    },
    "missing_meta": {
        "ky": "«{field}» толтурулган эмес",
        "ru": "Не заполнено поле «{field}»",
        "en": "'{field}' is not filled in",
    },
    "not_integer": {
        "ky": "{row}-сап, «{column}»: бүтүн терс эмес сан күтүлгөн, «{value}» жазылган",
        "ru": "Строка {row}, «{column}»: ожидается целое неотрицательное число, указано «{value}»",
        "en": "Row {row}, '{column}': expected a whole non-negative number, found '{value}'",
    },
    "required_cell": {
        "ky": "{row}-сап, «{column}» толтурулган эмес",
        "ru": "Строка {row}: не заполнен столбец «{column}»",
        "en": "Row {row}: '{column}' is empty",
    },
    "row_total": {
        "ky": "{row}-сап: жыйынтык {total}, бирок кошкондо {sum}",
        "ru": "Строка {row}: итого {total}, а сумма слагаемых {sum}",
        "en": "Row {row}: the total is {total} but the parts add up to {sum}",
    },
    "column_total": {
        "ky": "«{column}» мамычасынын жыйынтыгы {total}, бирок саптардын суммасы {sum}",
        "ru": "Итог по столбцу «{column}» равен {total}, а сумма строк {sum}",
        "en": "The total of '{column}' is {total} but the rows add up to {sum}",
    },
    "no_rows": {
        "ky": "Үлгүдө маалымат саптары жок",
        "ru": "В шаблоне нет строк с данными",
        "en": "The template has no data rows",
    },
    "bad_period": {
        "ky": "Отчеттук мезгил «{value}» туура эмес: {expected} күтүлгөн",
        "ru": "Неверный отчётный период «{value}»: ожидается {expected}",
        "en": "The reporting period '{value}' is not valid: expected {expected}",
    },
    "formula_meta": {
        "ky": "«{field}» формулага окшош текстти камтыйт (=, +, -, @ менен башталат)",
        "ru": "Поле «{field}» содержит текст, похожий на формулу (начинается с =, +, -, @)",
        "en": "'{field}' holds text that looks like a formula (starts with =, +, -, @)",
    },
    "meta_too_long": {
        "ky": "«{field}» өтө узун ({limit} белгиден ашпашы керек)",
        "ru": "Поле «{field}» слишком длинное (не более {limit} символов)",
        "en": "'{field}' is too long (at most {limit} characters)",
    },
    "bad_csv": {
        "ky": "CSV файлын окууга болбойт: {detail}",
        "ru": "Не удаётся прочитать файл CSV: {detail}",
        "en": "The CSV file cannot be read: {detail}",
    },
    "too_many_rows": {
        "ky": "Үлгүдө саптар өтө көп ({limit} ашык): файлды бөлүңүз",
        "ru": "В шаблоне слишком много строк (более {limit}): разделите файл",
        "en": "The template has too many rows (more than {limit}): split the file",
    },
    "too_many_problems": {
        "ky": "… жана дагы {count} ката",
        "ru": "… и ещё ошибок: {count}",
        "en": "… and {count} more problems",
    },
}


def message(code: str, lang: str, **params: Any) -> str:
    """The text of a file problem in ``lang`` (ky, ru or en)."""
    texts = MESSAGES[code]
    return texts.get(lang, texts["en"]).format(**params)


@dataclass(frozen=True)
class Problem:
    """One problem of a file, in no language yet: a code and its parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return message(self.code, lang, **self.params)


class FileProblemsError(Exception):
    """A file that cannot be accepted as it is, with every problem found (not just the first).

    ``str()`` gives the problems in English; :meth:`text` in the reader's language.
    """

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.text("en") for p in problems[:20]))
        self.problems = problems

    def text(self, lang: str, limit: int = 50) -> str:
        lines = [p.text(lang) for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(message("too_many_problems", lang, count=len(self.problems) - limit))
        return "\n".join(lines)


def detect_encoding(sample: bytes) -> str:
    """``utf-8-sig``, ``utf-16-le``, ``utf-16-be``, ``utf-8`` or ``cp1251`` for the first
    bytes of a text file. A UTF-16 text decoded with this name keeps its mark (U+FEFF) as its
    first character, for the reader to drop.

    Raises :class:`FileProblemsError` for an empty or binary (NUL-laden) sample.
    """
    if not sample.strip():
        raise FileProblemsError([Problem("empty_file")])
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for bom, encoding in UTF16_BOMS.items():
        if sample.startswith(bom):
            return _check_utf16(sample, encoding)
    if b"\x00" in sample[:4096]:
        raise FileProblemsError([Problem("binary_file")])
    high = sum(1 for byte in sample if byte >= 0x80)
    if high == 0:
        return "utf-8"
    # Cut at the last line end so that a character split by the sample is not an error.
    cut = sample.rfind(b"\n")
    text = sample[: cut + 1] if cut > 0 else sample
    bad = text.decode("utf-8", errors="replace").count("\ufffd")
    # In UTF-8 Cyrillic every letter is 2 high bytes; in Windows-1251 each high byte is a
    # letter and almost none forms valid UTF-8. Stray garbage in a UTF-8 file stays rare.
    return "utf-8" if bad * 20 < high else "cp1251"


UTF16_BOMS = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}
# Characters that no delimited text holds: NUL and the other C0 controls but tab, CR, LF and
# form feed, and what does not decode (an unpaired surrogate becomes U+FFFD).
_NOT_TEXT = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\r\n\f") | {"\ufffd"}


def _check_utf16(sample: bytes, encoding: str) -> str:
    """``encoding`` if the sample after its mark reads as text; a binary file that merely
    starts with the two bytes of a mark is refused (more than 1 % of it not text)."""
    body = sample[2 : len(sample) - len(sample) % 2]
    text = body.decode(encoding, errors="replace").removesuffix("\ufffd")  # a split pair
    if not text.strip():
        raise FileProblemsError([Problem("empty_file")])
    odd = sum(1 for char in text if char in _NOT_TEXT)
    if "\x00" in text or odd * 100 > len(text):
        raise FileProblemsError([Problem("binary_file")])
    return encoding


def sniff_delimiter(header: str) -> str:
    """The delimiter of a CSV header line: the most frequent of ``; , TAB |``."""
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def is_xlsx(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == XLSX_MAGIC


def read_cells(path: Path, delimiter: str | None = None) -> tuple[str, Iterator[list[str]]]:
    """The rows of a small CSV or XLSX file as lists of stripped strings, and the encoding.

    For reports keyed by people (thousands of rows at most); big files are streamed by their
    own readers. Cells longer than :data:`MAX_CELL` are cut so that a pasted blob cannot fill
    the quarantine. ``delimiter`` (CSV only) overrides the sniffed one.
    """
    if path.stat().st_size == 0:
        raise FileProblemsError([Problem("empty_file")])
    if is_xlsx(path):
        return "xlsx", _xlsx_rows(path)
    raw = path.read_bytes()
    encoding = detect_encoding(raw[:SAMPLE_BYTES])
    text = raw.decode(encoding, errors="replace").removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    # The template's first line holds one marker cell; sniff on the first line with several.
    sample_line = next((line for line in text.splitlines()[:10] if len(line) > 40), first_line)
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter or sniff_delimiter(sample_line)
    )
    return encoding, (_clean(row) for row in reader)


def _clean(row: list[Any]) -> list[str]:
    cells = ["" if cell is None else str(cell).replace("\x00", "").strip() for cell in row]
    cells = [c if len(c) <= MAX_CELL else c[:MAX_CELL] + "…" for c in cells]
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    # Opened from the bytes, not the name: a workbook sent as "report.csv" is still read.
    # A corrupt workbook makes openpyxl raise many kinds of errors, at opening or at any row;
    # each is the same clear problem for the sender.
    try:
        workbook = load_workbook(io.BytesIO(path.read_bytes()), read_only=True, data_only=False)
    except Exception as error:
        raise FileProblemsError([Problem("bad_xlsx", {"detail": type(error).__name__})]) from error
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield _clean([_xlsx_value(value) for value in row])
    except FileProblemsError:
        raise
    except Exception as error:
        raise FileProblemsError([Problem("bad_xlsx", {"detail": type(error).__name__})]) from error
    finally:
        workbook.close()


def _xlsx_value(value: Any) -> Any:
    """Numbers typed as floats by Excel (``12.0``) come back as the integers people keyed."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return value


def match_header(
    header: list[str], aliases: dict[str, str], required: list[str], optional: list[str]
) -> dict[str, int]:
    """Positions of the known columns in ``header`` (matched through ``aliases``).

    ``aliases`` maps a normalised spelling (any language) to a column key. Raises
    :class:`FileProblemsError` naming every missing, unknown or repeated column.
    """
    positions: dict[str, int] = {}
    unknown: list[str] = []
    repeated: list[str] = []
    for index, name in enumerate(header):
        if not name:
            continue
        key = aliases.get(normalise_name(name))
        if key is None:
            unknown.append(name)
        elif key in positions:
            repeated.append(name)
        else:
            positions[key] = index
    problems = []
    missing = [key for key in required if key not in positions]
    if missing:
        problems.append(Problem("missing_columns", {"columns": ", ".join(missing)}))
    if unknown:
        problems.append(Problem("extra_columns", {"columns": ", ".join(unknown[:10])}))
    if repeated:
        problems.append(Problem("duplicate_columns", {"columns": ", ".join(repeated)}))
    if problems:
        raise FileProblemsError(problems)
    return positions


def normalise_name(name: str) -> str:
    """A column name as compared: lower case, spaces and dashes as underscores, no BOM."""
    cleaned = name.replace("\ufeff", "").strip().lower()
    for char in (" ", "-", "."):
        cleaned = cleaned.replace(char, "_")
    return cleaned.strip("_")


class FileSource(SourceAdapter):
    """Base of a source delivered as one file (``--file``, ``--synthetic``): the file's name
    in the batch's audit, its checksum as the delivery key (hashed once: a border file is
    gigabytes). ``path`` is ``None`` for the stand-in adapter of a resubmission."""

    kind = "file"
    options: ClassVar[tuple[click.Parameter, ...]] = (
        click.Option(["--file", "path"], type=click.Path(dir_okay=False), required=True),
        click.Option(["--synthetic"], is_flag=True, help="Mark the batch as synthetic data."),
    )

    def __init__(self, path: str = "", synthetic: bool = False) -> None:
        self.path = Path(path) if path else None
        self.synthetic = synthetic
        self._key: str | None = None

    def delivery_key(self) -> str:
        if self._key is None:
            self._key = file_delivery_key(self.name, self.path)
        return self._key

    def audit(self) -> dict[str, Any]:
        return {"file": self.path.name if self.path else None}


class HeaderRowFile(FileSource):
    """A file source of one record a line under a header row (CSV or XLSX, any encoding
    :func:`read_cells` reads): ``columns`` names each field's accepted spellings, ky/ru/en;
    a missing, unknown or repeated column refuses the file, a line longer than the header is
    ``MALFORMED`` and quarantined, a blank line is skipped."""

    columns: ClassVar[dict[str, tuple[str, ...]]]
    required: ClassVar[list[str]]
    optional: ClassVar[list[str]] = []

    def records(self) -> Iterator[RawRecord]:
        if self.path is None:
            return
        try:
            _encoding, rows = read_cells(self.path)
            header = next(rows, None)
            if header is None:
                raise SourceError("the file has no header row")
            aliases = {alias: key for key, names in self.columns.items() for alias in names}
            positions = match_header(header, aliases, self.required, self.optional)
        except FileProblemsError as problems:
            raise SourceError(str(problems)) from None
        for number, cells in enumerate(rows, start=2):
            if not any(cells):
                continue
            if len(cells) > len(header):
                yield RawRecord(f"line {number}", None, ";".join(cells), "MALFORMED")
                continue
            data = {key: cells[i] if i < len(cells) else "" for key, i in positions.items()}
            yield RawRecord(f"line {number}", data)
