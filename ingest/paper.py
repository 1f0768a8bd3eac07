"""Paper reports keyed into templates: the one reader, rule set and template writer behind the
four ``paper-…`` adapters (absent population, foreign workers, foreign students, refugees).

Why shared: a local government, the Ministry of Labour, a university and UNHCR key their paper
forms into the same kind of template — a header block (a marker cell naming the template and
its version, a title, the reporting period, the reporter, instructions), one header row in
Kyrgyz, Russian or English, data rows, and optionally a "Total" row — saved as XLSX or as CSV in
UTF-8, Windows-1251 or UTF-16 (Excel's "Unicode text"). Recognising the template, matching its
columns in any of the three languages, refusing a wrong or unreadable file with a message in
the reader's language, and turning each data row into a record that the batch loader
validates, conserves and de-duplicates: each rule is written once here, and an adapter only
declares its columns and maps one row to its report table (:class:`ReportSpec`,
:class:`PaperAdapter`).

What is refused as a whole (:class:`PaperFileError`, every problem listed, localized): an
empty, binary or corrupt file, another report's template, an out-of-date template version,
missing, unknown or repeated columns, a missing or malformed reporting period or reporter,
no data rows, and a "Total" row that the rows do not add up to (a control sum that disagrees
means a row was mis-keyed, and nobody can tell which). What is quarantined row by row with
reason codes: negative or non-numeric counts, unknown country or territory codes and names,
unknown list values, a row total that is not the sum of its parts, formula-looking text, and
rows with more cells than the header.

A cell of a report is identified by (report, period, reporter, the row's key columns): the
same file sent twice is recognised by its checksum, and the same report keyed again into
another file counts its rows as duplicates, never twice. Formula-looking text never reaches a
table (it would run in Excel when the data is exported): such a row is quarantined as
``FORMULA_TEXT`` and such a header field refuses the file; the templates we write set every
cell as a value, never a formula.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import click
from babel.support import LazyProxy

from ingest.base import Loadable, MapResult, RawRecord, SourceAdapter, SourceError
from ingest.context import Context
from ingest.files import (
    DELIMITERS,
    FileProblemsError,
    Problem,
    file_delivery_key,
    is_xlsx,
    match_header,
    normalise_name,
    read_cells,
)
from ingest.loader import BatchLoader, BatchResult, digest
from ingest.reasons import Reason
from ingest.rules import FORMULA_PREFIXES, Checker, parse_date
from l10n import current_language
from store.models import Base

LANGS = ("ky", "ru", "en")
MARKER = "STATKG"  # first cell: "STATKG paper-workers v1 ru"
MAX_ROWS = 100_000  # a keyed report is thousands of rows; more is not a keyed report
MAX_COUNT = 10_000_000  # no cell of these reports comes near the population of the country
HEADER_SCAN = 40  # the header row is among the first rows
TOTAL_WORDS = frozenset({"итого", "всего", "бардыгы", "жыйынтык", "жыйынтыгы", "жалпы", "total"})
DASHES = frozenset({"", "-", "–", "—"})  # an empty or dashed count means none, as on paper forms
_MARKER = re.compile(r"^statkg\s+(\S+)\s+v(\d+)(?:\s+(ky|ru|en))?", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})(?:\.0)?\s*(?:год|г\.?|жыл|ж\.?|year)?$", re.IGNORECASE)
_ACADEMIC = re.compile(r"^(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$")

Labels = Mapping[str, str]  # {"ky": …, "ru": …, "en": …}


@dataclass(frozen=True)
class Column:
    """One column of a template: its key, its header in ky/ru/en and what it holds.

    ``kind``: ``text``, ``count`` (whole number ≥ 0), ``total`` (optional; checked against the
    report's parts), ``choice`` (a code of ``choices``, keyed as the code or its label in any
    language), ``country`` (ISO code or name), ``territory`` (СОАТЕ code or name), ``value``
    (a decimal number ≥ 0, with "," or "." — a rate, an amount, thousands) or ``se`` (the
    standard error of a survey's ``value``); the last two are read by :mod:`ingest.aggregate`.
    """

    key: str
    labels: Labels
    kind: str = "text"
    required: bool = True
    choices: Mapping[str, Labels] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    width: int = 16

    def label(self, lang: str) -> str:
        return self.labels.get(lang, self.key)

    def names(self) -> set[str]:
        """Every spelling of the header that is recognised (normalised)."""
        return {_norm(n) for n in (self.key, *self.labels.values(), *self.aliases)}

    def choice_lookup(self) -> dict[str, str]:
        lookup: dict[str, str] = {}
        for code, labels in self.choices.items():
            for name in (code, *labels.values()):
                lookup.setdefault(_norm(name), code)
        return lookup


PERIOD = Column(
    "period",
    {"ky": "Отчеттук мезгил", "ru": "Отчётный период", "en": "Reporting period"},
    aliases=("период", "мезгил", "period"),
)
REPORTER = Column(
    "reporter",
    {"ky": "Отчет берген уюм", "ru": "Отчитывающаяся организация", "en": "Reporting organisation"},
    aliases=("организация", "уюм", "reporter", "organisation", "organization"),
)
# The count columns most reports end with: men, women and an optional row total.
BY_SEX: tuple[Column, ...] = (
    Column("men", {"ky": "Эркектер", "ru": "Мужчины", "en": "Men"}, kind="count"),
    Column("women", {"ky": "Аялдар", "ru": "Женщины", "en": "Women"}, kind="count"),
    Column("total", {"ky": "Бардыгы", "ru": "Всего", "en": "Total"}, kind="total", required=False),
)
PERIOD_FORMATS: dict[str, Labels] = {
    "date": {"ky": "күн (КК.АА.ЖЖЖЖ)", "ru": "дата (ДД.ММ.ГГГГ)", "en": "a date (DD.MM.YYYY)"},
    "year": {"ky": "жыл (ЖЖЖЖ)", "ru": "год (ГГГГ)", "en": "a year (YYYY)"},
    "academic_year": {
        "ky": "окуу жылы (ЖЖЖЖ/ЖЖ)",
        "ru": "учебный год (ГГГГ/ГГ)",
        "en": "an academic year (YYYY/YY)",
    },
}
INSTRUCTIONS: Labels = {
    "ky": "Ар бир сапка бир уячаны толтуруңуз. Сандар — бүтүн, терс эмес; бош же «-» нөл "
    "дегенди билдирет. Өлкөнү ISO коду же аталышы менен, аймакты СОАТЕ коду же аталышы менен "
    "жазыңыз. Биринчи мамычасында «Бардыгы» деп жазылган сап саптардын суммасы менен "
    "текшерилет. Формулаларды колдонбоңуз.",
    "ru": "Одна строка — одна ячейка отчёта. Числа — целые неотрицательные; пусто или «-» "
    "означает ноль. Страну указывайте кодом ISO или названием, территорию — кодом СОАТЕ или "
    "названием. Строка со словом «Итого» в первом столбце сверяется с суммой строк. Не "
    "используйте формулы.",
    "en": "One row per cell of the report. Counts are whole numbers ≥ 0; empty or '-' means "
    "zero. Give the country as an ISO code or its name, the territory as a SOATE code or its "
    "name. A row with 'Total' in the first column is checked against the sum of the rows. Do "
    "not use formulas.",
}


@dataclass(frozen=True)
class ReportSpec:
    """A template: its name (the adapter's), version, title, period kind and columns.

    ``parts`` are the count columns whose sum the optional ``total`` column must equal.
    """

    name: str
    version: int
    title: Labels
    period: str  # date | year | academic_year
    columns: tuple[Column, ...]
    table: type[Base]
    parts: tuple[str, ...] = ("men", "women")
    # A row whose first cell says "Total" is the file's control sum (the paper reports); a
    # table that carries its own totals as rows of a category (the aggregates) has none.
    total_row: bool = True
    instructions: Labels | None = None  # the header block's text (default: INSTRUCTIONS)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def aliases(self) -> dict[str, str]:
        return {name: c.key for c in self.columns for name in c.names()}

    def marker(self, lang: str) -> str:
        return f"{MARKER} {self.name} v{self.version} {lang}"

    @property
    def counts(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.kind in ("count", "total"))

    def choice_values(self, column: Column, lang: str, countries: Sequence[str]) -> list[str]:
        """The values a template's column offers to pick from (its list in the workbook)."""
        if column.choices:
            return [labels[lang] for labels in column.choices.values()]
        return list(countries) if column.kind == "country" else []


SPECS: dict[str, ReportSpec] = {}
_Spec = TypeVar("_Spec", bound=ReportSpec)


def register_spec(spec: _Spec) -> _Spec:
    """Make a template known, so that a file of one report sent as another is recognised."""
    SPECS[spec.name] = spec
    return spec


def _discover() -> None:
    """Import every adapter module, so that every template is known (wrong-template check)."""
    from ingest.base import discover

    discover()


def _norm(name: str) -> str:
    return normalise_name(str(name).replace("ё", "е").replace("Ё", "Е").rstrip(":*").strip())


# -- periods -------------------------------------------------------------------------------


def parse_period(kind: str, value: str, today: date | None = None) -> str | None:
    """The canonical period (``2025-01-01``, ``2024``, ``2023/24``) or ``None`` if invalid."""
    text = value.strip()
    today = today or datetime.now(UTC).date()
    if kind == "date":
        parsed = parse_date(text)
        return parsed.isoformat() if parsed is not None and parsed <= today else None
    if kind == "year":
        match = _YEAR.match(text)
        year = int(match.group(1)) if match else 0
        return str(year) if 1991 <= year <= today.year else None
    match = _ACADEMIC.match(text)
    if match is None:
        return None
    start, end = int(match.group(1)), int(match.group(2))
    if end != (start + 1) % (100 if end < 100 else 10_000) or not 1991 <= start <= today.year:
        return None
    return f"{start}/{(start + 1) % 100:02d}"


# -- reading a file ------------------------------------------------------------------------


class PaperFileError(SourceError):
    """A template refused as a whole, with every problem; ``str()`` in the chosen language."""

    def __init__(self, problems: list[Problem], lang: str) -> None:
        self.error = FileProblemsError(problems)
        self.lang = lang
        super().__init__(self.error.text(lang))

    @property
    def problems(self) -> list[Problem]:
        return self.error.problems

    def text(self, lang: str) -> str:
        return self.error.text(lang)


@dataclass
class ParsedReport:
    """A template read and checked as a whole: its language, period, reporter and rows."""

    lang: str
    period: str
    reporter: str
    encoding: str
    records: list[RawRecord]


def read_report(
    path: Path,
    spec: ReportSpec,
    lang: str | None = None,
    prepare: Callable[[dict[str, str]], dict[str, str]] | None = None,
) -> ParsedReport:
    """Read and check one uploaded template; raise :class:`PaperFileError` if it is refused.

    ``prepare`` may move a row's values between fields before the row becomes a record (the
    workers' adapter moves a person's ПИН out of the TIN column, to be pseudonymised).
    """
    _discover()
    problems: list[Problem] = []
    try:
        encoding, rows = _rows(path)
        marker = _find_marker(rows)
        template_lang = lang or (marker[2] if marker else None)
        if marker and marker[0] != spec.name and marker[0] in SPECS:
            other = SPECS[marker[0]]
            raise _wrong(other, spec, template_lang or "en")
        if marker and marker[0] == spec.name and marker[1] < spec.version:
            problems.append(Problem("old_template", {"found": marker[1], "expected": spec.version}))
        at = _find_header(rows, spec)
        header = rows[at]
        template_lang = template_lang or _header_lang(header, spec)
        positions = _match(header, spec, template_lang)
    except FileProblemsError as error:
        raise PaperFileError(error.problems, lang or "en") from None
    except PaperFileError:
        raise
    meta = _meta(rows[:at])
    period = _check_meta(meta, spec, template_lang, problems)
    reporter = meta.get("reporter", "")
    records, totals = _records(rows, at, header, positions, spec, period, reporter, prepare)
    if not records:
        problems.append(Problem("no_rows"))
    problems += _check_totals(records, totals, spec, template_lang)
    if problems:
        raise PaperFileError(problems, template_lang)
    return ParsedReport(template_lang, period, reporter, encoding, records)


def _rows(path: Path) -> tuple[str, list[list[str]]]:
    """Every row of the file; for CSV the delimiter under which a template header appears."""
    try:
        if is_xlsx(path):
            encoding, rows = read_cells(path)
            return encoding, _limited(rows)
        delimiter = None
        for candidate in DELIMITERS:
            _encoding, rows = read_cells(path, delimiter=candidate)
            if _header_at(list(islice(rows, HEADER_SCAN))) is not None:
                delimiter = candidate
                break
        encoding, rows = read_cells(path, delimiter=delimiter)
        return encoding, _limited(rows)
    except csv.Error as error:
        raise FileProblemsError([Problem("bad_csv", {"detail": str(error)[:100]})]) from None
    except OSError as error:
        raise FileProblemsError([Problem("bad_csv", {"detail": error.strerror or ""})]) from None


def _limited(rows: Iterator[list[str]]) -> list[list[str]]:
    kept = list(islice(rows, MAX_ROWS + 1))
    if len(kept) > MAX_ROWS:
        raise FileProblemsError([Problem("too_many_rows", {"limit": MAX_ROWS})])
    return kept


def _find_marker(rows: list[list[str]]) -> tuple[str, int, str | None] | None:
    for row in rows[:10]:
        for cell in row[:3]:
            match = _MARKER.match(cell)
            if match:
                return match.group(1).lower(), int(match.group(2)), match.group(3)
    return None


def _score(row: list[str], spec: ReportSpec) -> int:
    aliases = spec.aliases()
    return len({aliases[n] for n in map(_norm, row) if n in aliases})


def _header_at(rows: list[list[str]]) -> int | None:
    """The first row that matches at least two columns of any template."""
    for index, row in enumerate(rows[:HEADER_SCAN]):
        if any(_score(row, spec) >= 2 for spec in SPECS.values()):
            return index
    return None


def _find_header(rows: list[list[str]], spec: ReportSpec) -> int:
    if not any(any(row) for row in rows):
        raise FileProblemsError([Problem("empty_file")])
    at = _header_at(rows)
    if at is None:
        raise FileProblemsError([Problem("no_header")])
    row = rows[at]
    required = {c.key for c in spec.columns if c.required}
    if not required <= _keys(row, spec):
        for other in SPECS.values():
            need = {c.key for c in other.columns if c.required}
            if other is not spec and need <= _keys(row, other):
                raise _wrong(other, spec, _header_lang(row, other))
    return at


def _keys(row: list[str], spec: ReportSpec) -> set[str]:
    aliases = spec.aliases()
    return {aliases[n] for n in map(_norm, row) if n in aliases}


def _wrong(found: ReportSpec, expected: ReportSpec, lang: str) -> PaperFileError:
    params = {"found": found.title[lang], "expected": expected.title[lang]}
    return PaperFileError([Problem("wrong_template", params)], lang)


def _header_lang(header: list[str], spec: ReportSpec) -> str:
    """The language whose column names the header uses most (Russian when undecided)."""
    cells = {_norm(c) for c in header}
    votes = {lang: sum(_norm(c.label(lang)) in cells for c in spec.columns) for lang in LANGS}
    best = max(votes.values())
    return "ru" if votes["ru"] == best else max(votes, key=lambda lang: votes[lang])


def _match(header: list[str], spec: ReportSpec, lang: str) -> dict[str, int]:
    required = [c.key for c in spec.columns if c.required]
    optional = [c.key for c in spec.columns if not c.required]
    try:
        return match_header(header, spec.aliases(), required, optional)
    except FileProblemsError as error:
        labels = {c.key: c.label(lang) for c in spec.columns}
        problems = [
            Problem(
                p.code,
                {"columns": ", ".join(labels.get(k, k) for k in p.params["columns"].split(", "))},
            )
            if p.code == "missing_columns"
            else p
            for p in error.problems
        ]
        raise FileProblemsError(problems) from None


def _meta(rows: list[list[str]]) -> dict[str, str]:
    """Header-block fields: a known label in the first cell, the value in the next filled one
    (the template's format hint beside an empty period is not a value)."""
    known = {n: c.key for c in (PERIOD, REPORTER) for n in c.names()}
    hints = {h for formats in PERIOD_FORMATS.values() for h in formats.values()}
    meta: dict[str, str] = {}
    for row in rows:
        cells = [c for c in row if c and c not in hints]
        if len(cells) >= 2 and _norm(cells[0]) in known:
            meta.setdefault(known[_norm(cells[0])], cells[1])
    return meta


def _check_meta(meta: dict[str, str], spec: ReportSpec, lang: str, problems: list[Problem]) -> str:
    period = ""
    for column in (PERIOD, REPORTER):
        value = meta.get(column.key, "")
        if not value:
            problems.append(Problem("missing_meta", {"field": column.label(lang)}))
        elif value.startswith(FORMULA_PREFIXES):
            problems.append(Problem("formula_meta", {"field": column.label(lang)}))
        elif len(value) > 200:
            problems.append(Problem("meta_too_long", {"field": column.label(lang), "limit": 200}))
        elif column is PERIOD:
            period = parse_period(spec.period, value) or ""
            if not period:
                expected = PERIOD_FORMATS[spec.period][lang]
                problems.append(Problem("bad_period", {"value": value[:40], "expected": expected}))
    return period


def _is_total(row: list[str]) -> bool:
    first = next((c for c in row if c), "")
    return _norm(first) in TOTAL_WORDS


def _records(
    rows: list[list[str]],
    at: int,
    header: list[str],
    positions: dict[str, int],
    spec: ReportSpec,
    period: str,
    reporter: str,
    prepare: Callable[[dict[str, str]], dict[str, str]] | None,
) -> tuple[list[RawRecord], list[tuple[int, dict[str, str]]]]:
    records: list[RawRecord] = []
    totals: list[tuple[int, dict[str, str]]] = []
    width = max(positions.values()) + 1
    for number, cells in enumerate(rows[at + 1 :], start=at + 2):
        if not any(cells):
            continue
        values = {key: cells[i] if i < len(cells) else "" for key, i in positions.items()}
        if spec.total_row and _is_total(cells):
            totals.append((number, values))
            continue
        if len(cells) > max(width, len(header)):
            text = ";".join(cells)
            records.append(RawRecord(f"row {number}", None, text, "MALFORMED"))
            continue
        # The id of a row that may be quarantined: its content (so a re-sent bad row is a
        # duplicate), computed before ``prepare`` and without anything it sets aside.
        if prepare is not None:
            values = prepare(values)
        content = "\x1f".join(f"{k}={values[k]}" for k in sorted(values) if k in positions)
        data = {
            "record_id": f"{spec.name}:{digest(period, reporter, content)}",
            "period": period,
            "reporter": reporter,
            **values,
        }
        records.append(RawRecord(f"row {number}", data))
    return records, totals


def count_value(text: Any) -> int | None:
    """A keyed count as an integer (``1 234``, ``12.0`` and dashes accepted), else ``None``."""
    cleaned = "".join(str(text if text is not None else "").split())
    if cleaned in DASHES:
        return 0
    match = re.fullmatch(r"(\d+)(?:[.,]0+)?", cleaned)
    return int(match.group(1)) if match else None


def _check_totals(
    records: list[RawRecord],
    totals: list[tuple[int, dict[str, str]]],
    spec: ReportSpec,
    lang: str,
) -> list[Problem]:
    """Compare each "Total" row with the sum of the rows, column by column, where it can be
    compared: a column with an unreadable cell is quarantined row by row instead."""
    problems: list[Problem] = []
    for _number, total in totals:
        for column in spec.counts:
            stated = count_value(total.get(column.key, ""))
            if stated is None or str(total.get(column.key, "")).strip() in DASHES:
                continue
            cells = [count_value(r.data.get(column.key)) for r in records if r.data is not None]
            if None in cells:
                continue
            added = sum(c for c in cells if c is not None)
            if added != stated:
                params = {"column": column.label(lang), "total": stated, "sum": added}
                problems.append(Problem("column_total", params))
    return problems


# -- validating a row ----------------------------------------------------------------------


class PaperChecker(Checker):
    """The rules of :mod:`ingest.rules` plus counts, periods, list values and names."""

    def count(self, key: str) -> int | None:
        value = self.data.get(key)
        text = "" if value is None else str(value).strip()
        number = count_value(text)
        if number is not None:
            if number > MAX_COUNT:
                self.fail("INVALID_VALUE", key, "implausibly large")
                return None
            return number
        if text.startswith(FORMULA_PREFIXES) and not re.fullmatch(r"[-+]\d+", text):
            self.fail("FORMULA_TEXT", key)
        elif re.fullmatch(r"-\s*\d+([.,]\d+)?", text):
            self.fail("INVALID_VALUE", key, "negative")
        else:
            self.fail("INVALID_VALUE", key, "not a whole number")
        return None

    def total(self, counts: dict[str, int | None], parts: Sequence[str], key: str) -> None:
        """The row's optional total must be the sum of its parts."""
        if str(self.data.get(key) or "").strip() == "":
            return
        stated = self.count(key)
        values = [counts.get(p) for p in parts]
        if stated is None or None in values:
            return
        added = sum(v for v in values if v is not None)
        if stated != added:
            self.fail("TOTAL_MISMATCH", key, f"{stated} ≠ {added}")

    def period(self, kind: str) -> str | None:
        text = self.text("period", max_length=40)
        if text is None:
            return None
        period = parse_period(kind, text, self.ctx.today)
        if period is None:
            self.fail("INVALID_VALUE", "period", text)
        return period

    def pick(self, column: Column) -> str | None:
        text = self.text(column.key, column.required, max_length=80)
        if text is None:
            return None
        code = column.choice_lookup().get(_norm(text))
        if code is None:
            self.fail("INVALID_CODE", column.key, text[:40])
        return code

    def place_country(self, key: str, reference_list: str) -> str | None:
        """An ISO numeric code for an ISO code, an alpha code or a name in ky/ru/en."""
        text = self.text(key, max_length=80)
        if text is None:
            return None
        code = self.ctx.country_by_name(text) or self.ctx.country(text, reference_list, None)
        if code is None:
            self.fail("UNMAPPED_CODE", key, text[:40])
        return code

    def place_territory(self, key: str, reference_list: str) -> str | None:
        """A СОАТЕ code for a code (full, significant or of an ayil aimak) or a unit's name."""
        text = self.text(key, max_length=80)
        if text is None:
            return None
        code = (
            self.ctx.territory(text, reference_list, None)
            if text.isdigit()
            else self.ctx.territory_by_name(text)
        )
        if code is None:
            if not text.isdigit():
                self.ctx.unmapped[(reference_list, text)] += 1
            self.fail("UNMAPPED_CODE", key, text[:40])
        return code


# -- the adapter ---------------------------------------------------------------------------


class PaperAdapter(SourceAdapter):
    """Base of the four ``paper-…`` adapters: reads the template, maps rows via :meth:`cells`."""

    spec: ClassVar[ReportSpec]
    kind = "file"
    code_fields = frozenset({"territory", "country", "destination", "record_id", "enterprise_tin"})
    page_size = 2000
    options = (
        click.Option(["--file", "path"], type=click.Path(dir_okay=False), required=True),
        click.Option(["--synthetic"], is_flag=True, help="Mark the batch as synthetic data."),
        click.Option(
            ["--lang"],
            type=click.Choice(LANGS),
            default=None,
            help="Language of error messages (default: the template's).",
        ),
    )

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """A report's table and its name are its template's (:class:`ReportSpec`), once."""
        super().__init_subclass__(**kwargs)
        if "spec" not in cls.__dict__:
            return  # an intermediate base (:class:`ingest.aggregate.AggregateAdapter`)
        cls.table = cls.spec.table
        cls.title = LazyProxy(lambda: cls.spec.title[current_language()], enable_cache=False)

    def __init__(self, path: str = "", synthetic: bool = False, lang: str | None = None) -> None:
        self.path = Path(path) if path else None
        self.synthetic = synthetic
        self.lang = lang
        self._parsed: ParsedReport | None = None

    def parsed(self) -> ParsedReport:
        """The file read and checked as a whole (once); :class:`PaperFileError` if refused."""
        if self._parsed is None:
            if self.path is None:
                raise SourceError("no file given")
            if not self.path.is_file():
                raise SourceError(f"cannot read {self.path.name}: no such file")
            self._parsed = read_report(self.path, self.spec, self.lang, self.prepare)
        return self._parsed

    def run(self, loader: BatchLoader, dry_run: bool = False) -> BatchResult:
        # Refuse a bad file before the loader opens a batch for it.
        if self.path is not None:
            self.parsed()
        return loader.run(self, dry_run=dry_run)

    def delivery_key(self) -> str:
        return file_delivery_key(self.name, self.path)

    def audit(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        report = self.parsed()
        return {
            "file": self.path.name,
            "template": self.spec.marker(report.lang),
            "encoding": report.encoding,
            "period": report.period,
            "reporter": report.reporter,
        }

    def records(self) -> Iterator[RawRecord]:
        if self.path is not None:
            yield from self.parsed().records

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        check = PaperChecker(data, ctx)
        period = check.period(self.spec.period)
        reporter = check.text("reporter", max_length=200)
        counts = {c.key: check.count(c.key) for c in self.spec.counts if c.kind == "count"}
        total = next((c.key for c in self.spec.columns if c.kind == "total"), None)
        if total is not None:
            check.total(counts, self.spec.parts, total)
        cells = self.cells(check, data)
        if not check.ok:
            return check.reasons
        if cells is None or period is None or reporter is None or None in counts.values():
            return [Reason("MISSING_FIELD")]
        row, key = cells
        # The table's period is the calendar year (the start year of an academic year), as
        # the indicators read it; the exact reference stays in the batch audit. One count per
        # report, reporter, year and cell: a second reference date in a year is a duplicate.
        year = period[:4]
        row = {**row, **counts, "period": year, "reporter": reporter}
        source_key = f"{self.name}:{digest(year, reporter, *key)}"
        return Loadable(self.table, row, source_key)

    def prepare(self, values: dict[str, str]) -> dict[str, str]:
        """Move a row's values between fields before it becomes a record (default: none)."""
        return values

    def cells(
        self, check: PaperChecker, data: dict[str, Any]
    ) -> tuple[dict[str, Any], tuple[Any, ...]] | None:
        """The report's own columns of one row, and the columns that identify its cell."""
        raise NotImplementedError


# -- writing templates ---------------------------------------------------------------------


def header_block(
    spec: ReportSpec, lang: str, period: str = "", reporter: str = ""
) -> list[list[str]]:
    """The rows above the column headers: marker, title, period, reporter, instructions."""
    return [
        [spec.marker(lang)],
        [spec.title[lang]],
        [PERIOD.label(lang), period, PERIOD_FORMATS[spec.period][lang]],
        [REPORTER.label(lang), reporter],
        [(spec.instructions or INSTRUCTIONS)[lang]],
        [],
    ]


def write_csv(
    spec: ReportSpec,
    lang: str,
    path: Path,
    rows: Sequence[Sequence[Any]] = (),
    period: str = "",
    reporter: str = "",
    total: Sequence[Any] | None = None,
    encoding: str = "utf-8-sig",
) -> Path:
    """The template (filled with ``rows`` if given) as a semicolon CSV, as Excel writes it."""
    width = len(spec.columns)
    lines = [*header_block(spec, lang, period, reporter), [c.label(lang) for c in spec.columns]]
    lines += [list(r) for r in rows] + ([list(total)] if total is not None else [])
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="", errors="replace") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        for line in lines:
            cells = ["" if v is None else str(v) for v in line]
            writer.writerow(cells + [""] * (width - len(cells)))
    return path


def write_xlsx(
    spec: ReportSpec,
    lang: str,
    path: Path,
    rows: Sequence[Sequence[Any]] = (),
    period: str = "",
    reporter: str = "",
    total: Sequence[Any] | None = None,
    countries: Sequence[str] = (),
    blank_rows: int = 500,
) -> Path:
    """The template as a workbook: header block, frozen header row, lists to pick values from.

    Every cell is written as a value (``data_type='s'`` for text), so keyed text starting with
    ``=`` is never turned into a formula by the writer.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = spec.name
    block = header_block(spec, lang, period, reporter)
    for line in block:
        sheet.append(line)
    sheet["A1"].font = Font(size=8, color="808080")
    sheet["A2"].font = Font(size=14, bold=True)
    for name in ("A3", "A4"):
        sheet[name].font = Font(bold=True)
    sheet["C3"].font = Font(italic=True, color="808080")
    width = len(spec.columns)
    last = get_column_letter(width)
    sheet.merge_cells(f"A5:{last}5")
    sheet["A5"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[5].height = 60
    header_row = len(block) + 1
    sheet.append([c.label(lang) for c in spec.columns])
    for index, column in enumerate(spec.columns, start=1):
        cell = sheet.cell(header_row, index)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for values in [*rows, *([total] if total is not None else [])]:
        sheet.append([_xlsx_cell(v) for v in values])
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    sheet.freeze_panes = f"A{header_row + 1}"
    first, end = header_row + 1, header_row + max(blank_rows, len(rows) + 1)
    lists = workbook.create_sheet("lists")
    lists.sheet_state = "hidden"
    list_column = 0
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        area = f"{letter}{first}:{letter}{end}"
        values = spec.choice_values(column, lang, countries)
        if column.kind in ("count", "total"):
            validation = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        elif column.kind in ("value", "se"):
            validation = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        elif values:
            list_column += 1
            list_letter = get_column_letter(list_column)
            lists.cell(1, list_column, column.key)
            for offset, value in enumerate(values, start=2):
                lists.cell(offset, list_column, value)
            reference = f"lists!${list_letter}$2:${list_letter}${len(values) + 1}"
            # A warning, not a stop: codes and other spellings are accepted too.
            validation = DataValidation(type="list", formula1=reference, errorStyle="warning")
        else:
            continue
        validation.allow_blank = True
        sheet.add_data_validation(validation)
        validation.add(area)
    path.parent.mkdir(parents=True, exist_ok=True)
    _save_reproducibly(workbook, path)
    return path


# The time stamped into a workbook (its properties and its zip entries): the zip format's
# first date, a clear "no date". openpyxl stamps the time of saving, so every regeneration
# of the same report had new bytes and was a new delivery (a batch of duplicates only).
XLSX_STAMP = datetime(1980, 1, 1, tzinfo=UTC)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _save_reproducibly(workbook: Any, path: Path) -> None:
    """Save ``workbook`` so that the same content always gives the same bytes."""
    import io
    import zipfile

    workbook.properties.created = XLSX_STAMP.replace(tzinfo=None)  # openpyxl: naive UTC
    buffer = io.BytesIO()
    workbook.save(buffer)
    stamp = XLSX_STAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(buffer) as saved, zipfile.ZipFile(path, "w") as out:
        for entry in saved.infolist():
            data = saved.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            fixed = zipfile.ZipInfo(entry.filename, date_time=XLSX_STAMP.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = entry.external_attr
            out.writestr(fixed, data)


def _xlsx_cell(value: Any) -> Any:
    if isinstance(value, str) and value.isdigit() and len(value) < 10 and not value.startswith("0"):
        return int(value)  # counts as numbers, codes with leading zeros as text
    return value


def write_templates(
    lang: str, out: Path, countries: Sequence[str] = (), names: Sequence[str] = ()
) -> list[Path]:
    """Blank templates of every paper report (or ``names``) in ``lang``: XLSX and CSV."""
    _discover()
    written: list[Path] = []
    for spec in SPECS.values():
        if names and spec.name not in names:
            continue
        written.append(
            write_xlsx(spec, lang, out / f"{spec.name}.{lang}.xlsx", countries=countries)
        )
        written.append(write_csv(spec, lang, out / f"{spec.name}.{lang}.csv"))
    return written
