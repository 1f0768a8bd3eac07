"""Every output shows a cell the same way: one property, random cells, every output.

Hypothesis draws random values (halves, tiny values, negatives, zeros, NaN, infinity, none),
decimals, languages and flags; each *output* renders them and reads its own bytes back
(csv, json + the JSON-stat validator, openpyxl, pdftotext); every aspect an output carries
must equal the :func:`oracle` — the NSC rules restated here independently of ``l10n``:

- ``text``: what a reader sees in a table (the books, the PDF), in the locale's form;
- ``number``: the number a machine reads (half-up at the table's decimals, no ``-0``);
- ``plain``: the number's text in CSV and SDMX-CSV (no grouping; "." here, the CSV's own
  decimal comma is checked and turned back by its reader);
- ``symbol``: the NSC symbol beside it (x, –, …, or none);
- ``flags``: OBS_STATUS and CONF_STATUS, never dropped.

Adding an output (the API's answers, a new writer) is adding an :class:`Output` to
:data:`OUTPUTS`: a name, a function from a :class:`Case` to one :class:`Shown` per cell, and
how many examples it can afford.
"""

from __future__ import annotations

import csv
import io
import json
import math
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, TypedDict

import numpy as np
import openpyxl
import pytest
from babel.numbers import format_decimal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.table import Dimension, Table
from exports.writers import WRITERS, Options
from tests.jsonstat import assert_valid

LANGS = ("ky", "ru", "en")
SYMBOLS = ("x", "–", "…")


@dataclass(frozen=True)
class Cell:
    value: float | None
    status: str  # OBS_STATUS
    conf: str  # CONF_STATUS


@dataclass(frozen=True)
class Case:
    cells: tuple[Cell, ...]
    decimals: int
    lang: str
    separator: str  # of the CSV: "," with a decimal point, ";" with a decimal comma


class Shown(TypedDict, total=False):
    text: str
    number: Decimal | None
    plain: str
    symbol: str
    flags: tuple[str, str]


@dataclass(frozen=True)
class Output:
    name: str
    show: Callable[[Case], list[Shown]]
    examples: int = 100
    marks: tuple[Any, ...] = field(default=())
    spaces_read_as_spaces: bool = False  # a reader that turns no-break spaces into spaces


# ---------------------------------------------------------------- the oracle


def oracle(cell: Cell, decimals: int, lang: str) -> Shown:
    """The NSC rules, restated: symbols first, then half-up at the decimals, no minus zero."""
    value = cell.value
    finite = value is not None and math.isfinite(value)
    if cell.conf in ("C", "D"):
        mark = "x"
    elif cell.status == "L":
        mark = "–"
    elif cell.status == "M" or not finite:
        mark = "…"
    elif value == 0:
        mark = "–"
    else:
        mark = ""
    number = None
    if mark in ("", "–") and cell.status != "L":
        assert value is not None
        rounded = Decimal(repr(value)).quantize(Decimal(10) ** -decimals, ROUND_HALF_UP)
        number = rounded.copy_abs() if rounded == 0 else rounded
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = mark if number is None or mark else format_decimal(number, pattern, locale=lang)
    return {
        "text": text,
        "number": number,
        "plain": "" if number is None else format(number, "f"),
        "symbol": mark,
        "flags": (cell.status, cell.conf),
    }


# ---------------------------------------------------------------- the outputs


def _table(case: Case) -> Table:
    """One row per cell (``row00``, ``row01``, …) and one column: every writer can hold it."""
    rows = tuple(f"row{i:02d}" for i in range(len(case.cells)))
    names = {"ky": "Сап", "ru": "Строка", "en": "Row"}
    values = np.array([[np.nan if c.value is None else c.value] for c in case.cells])
    return Table(
        id="prop",
        title={lang: "Property" for lang in LANGS},
        unit="persons",
        release_id="2025-P1",
        synthetic=True,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        dims=(
            Dimension("row", "row", names, rows, dict.fromkeys(rows), {r: {"en": r} for r in rows}),
            Dimension("col", "col", {"en": "col"}, ("c0",), {"c0": None}, {"c0": {"en": "c0"}}),
        ),
        values=values,
        status=np.array([[c.status] for c in case.cells], dtype=object),
        conf=np.array([[c.conf] for c in case.cells], dtype=object),
        additive=False,
        decimals=case.decimals,
    )


def _write(fmt: str, case: Case) -> bytes:
    options = Options(language=case.lang, separator=case.separator, labels="codes")
    return WRITERS[fmt].write(_table(case), options)


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))


def show_l10n(case: Case) -> list[Shown]:
    from l10n import numbers

    out: list[Shown] = []
    for c in case.cells:
        number = numbers.shown(c.value, c.status, c.conf)
        out.append(
            {
                "text": numbers.cell_text(c.value, c.status, c.conf, case.decimals, case.lang),
                "number": None
                if number is None
                else _decimal(numbers.machine(number, case.decimals)),
                "symbol": numbers.symbol(c.value, c.status, c.conf),
            }
        )
    return out


def show_books(case: Case) -> list[Shown]:
    from publishing.data import Obs
    from publishing.tables import cell_text

    return [
        {"text": cell_text(Obs(c.value, c.status, c.conf, None), case.decimals, case.lang)}
        for c in case.cells
    ]


def show_csv(case: Case) -> list[Shown]:
    text = _write("csv", case).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=case.separator))
    point = "," if case.separator == ";" else "."  # Excel's pairing in the ky/ru locales
    assert all(("." if point == "," else ",") not in r["value"] for r in rows)
    return [
        {
            "number": _decimal(r["value"].replace(point, ".")),
            "plain": r["value"].replace(point, "."),
            "symbol": r["symbol"],
            "flags": (r["OBS_STATUS"], r["CONF_STATUS"]),
        }
        for r in rows
    ]


def show_sdmx_csv(case: Case) -> list[Shown]:
    rows = list(csv.DictReader(io.StringIO(_write("sdmx-csv", case).decode("utf-8"))))
    return [
        {
            "number": _decimal(r["OBS_VALUE"]),
            "plain": r["OBS_VALUE"],
            "flags": (r["OBS_STATUS"], r["CONF_STATUS"]),
        }
        for r in rows
    ]


def show_jsonstat(case: Case) -> list[Shown]:
    body = json.loads(_write("jsonstat", case))
    assert_valid(body)
    extension = body["extension"]
    out: list[Shown] = []
    for n, value in enumerate(body["value"]):
        mark = body["status"].get(str(n), "")
        out.append(
            {
                "number": _decimal(value),
                "symbol": mark if mark in SYMBOLS else "",
                "flags": (extension["OBS_STATUS"][n], extension["CONF_STATUS"][n]),
            }
        )
    return out


def show_xlsx(case: Case) -> list[Shown]:
    sheet: Any = openpyxl.load_workbook(io.BytesIO(_write("xlsx", case))).active
    rows = list(sheet.iter_rows(values_only=True))
    codes = ("row", "col", "value", "symbol", "OBS_STATUS", "CONF_STATUS")
    start = rows.index(codes) + 1
    out: list[Shown] = []
    for _row, _col, value, mark, status, conf in rows[start:]:
        number = None if isinstance(value, str) else _decimal(value)
        assert number is not None or value == mark  # the value column shows the symbol
        out.append({"number": number, "symbol": mark or "", "flags": (status, conf)})
    return out


def show_pdf(case: Case) -> list[Shown]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "table.pdf"
        path.write_bytes(_write("pdf", case))
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    cells = {}
    for line in text.splitlines():
        label, _space, rest = line.strip().partition(" ")
        if label.startswith("row") and label[3:].isdigit():
            cells[label] = rest.strip()
    return [{"text": cells[f"row{i:02d}"]} for i in range(len(case.cells))]


class _Api:
    """One store and app for the API outputs; each example is a new release of a new
    indicator (its decimals), asked for through the app as a phone would."""

    def __init__(self) -> None:
        from app import create_app
        from tests.conftest import _fresh

        self.folder = tempfile.mkdtemp(prefix="statkg-prop-")
        url = f"sqlite:///{self.folder}/api.sqlite3"
        _fresh(url).dispose()
        self.app = create_app({"DATABASE_URL": url, "TESTING": True})
        self.examples = 0

    def answer(self, case: Case, shape: str) -> Any:
        from store.models import ConfStatus, Indicator, ObsStatus, Release, ReleaseStatus
        from store.observations import NewObservation, insert_observations

        self.examples += 1
        indicator, release = f"prop{self.examples}", f"2025-P{self.examples}"
        now = datetime.now(UTC)
        with self.app.extensions["statkg.db"].transaction() as session:
            session.add(
                Indicator(
                    id=indicator,
                    topic="population",
                    name_ky="Сынак",
                    name_ru="Проверка",
                    name_en="Property",
                    unit="persons",
                    unit_base=1,
                    decimals=case.decimals,
                    dimensions=["row"],
                    source="test",
                    attributes={"codelists": {"row": "row"}},
                )
            )
            session.add(
                Release(
                    id=release,
                    reference_period="2025",
                    status=ReleaseStatus.PROVISIONAL,
                    created_at=now,
                    scheduled_at=now,
                    published_at=now,
                    synthetic=True,
                    notes={"checks_passed": True},
                )
            )
            session.flush()
            cells = [
                NewObservation(
                    indicator_id=indicator,
                    period="2025",
                    dims={"row": f"row{i:02d}"},
                    value=c.value,
                    status=ObsStatus(c.status),
                    conf=ConfStatus(c.conf),
                    sort_order=i,
                )
                for i, c in enumerate(case.cells)
            ]
            insert_observations(session.connection(), release, cells, {indicator: ("row",)})
        self.app.extensions["statkg.public_state"].invalidate()  # published just now
        query = f"release={release}&lang={case.lang}&format={shape}"
        response = self.app.test_client().get(f"/api/v1/data/{indicator}?{query}")
        assert response.status_code == 200, response.get_data()
        return json.loads(response.get_data())


_API: list[_Api] = []


def _api(case: Case, shape: str) -> Any:
    if not _API:
        _API.append(_Api())
    return _API[0].answer(case, shape)


def show_api(case: Case) -> list[Shown]:
    """The compact JSON the phone reads: the number and the flags of every row."""
    body = _api(case, "json")
    at = {name: body["columns"].index(name) for name in ("value", "status", "conf")}
    return [
        {
            "number": _decimal(row[at["value"]]),
            "flags": (row[at["status"]], row[at["conf"]]),
        }
        for row in body["rows"]
    ]


def show_api_jsonstat(case: Case) -> list[Shown]:
    """The API's JSON-stat: a valid dataset whose values are the published numbers."""
    body = _api(case, "jsonstat")
    assert_valid(body)
    conf = body["extension"]["conf"]
    return [
        {"number": _decimal(value), "flags": (body["status"][n], conf.get(str(n), "F"))}
        for n, value in enumerate(body["value"])
    ]


OUTPUTS = [
    Output("l10n", show_l10n, examples=300),
    Output("api", show_api, examples=60),
    Output("api-jsonstat", show_api_jsonstat, examples=60),
    Output("books", show_books, examples=300),
    Output("csv", show_csv),
    Output("sdmx-csv", show_sdmx_csv),
    Output("jsonstat", show_jsonstat),
    Output("xlsx", show_xlsx, examples=40),
    Output("pdf", show_pdf, examples=8, marks=(pytest.mark.slow,), spaces_read_as_spaces=True),
]


# ---------------------------------------------------------------- the property

values = st.one_of(
    st.none(),
    st.sampled_from([0.0, -0.0, math.nan, math.inf, 0.5, -0.5, 2.675, 12345.5, -0.04]),
    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
    st.floats(-1e-2, 1e-2, allow_nan=False),  # smaller than half the unit shown
    st.builds(lambda n, d: (n + 0.5) / 10**d, st.integers(-(10**6), 10**6), st.integers(0, 3)),
    st.integers(-(10**7), 10**7).map(float),
)
cells = st.builds(
    Cell, values, st.sampled_from("APEBML"), st.sampled_from(["F", "F", "F", "C", "D"])
)
cases = st.builds(
    Case,
    st.lists(cells, min_size=1, max_size=12).map(tuple),
    st.integers(0, 3),
    st.sampled_from(LANGS),
    st.sampled_from([",", ";"]),
)


def _comparable(output: Output, shown: Shown, key: str) -> Any:
    value = shown[key]  # type: ignore[literal-required]
    if key == "number" and value is not None:
        return value, value.is_signed()  # -0.0 equals 0.0 as a number, not as a published one
    if key == "text" and output.spaces_read_as_spaces:
        # pdftotext gives the no-break space that groups ky/ru digits as a plain space
        return str(value).replace("\xa0", " ").replace("\u202f", " ")
    return value


@pytest.mark.parametrize("output", [pytest.param(o, id=o.name, marks=o.marks) for o in OUTPUTS])
def test_every_output_shows_every_cell_as_the_nsc_rules_say(output: Output) -> None:
    @settings(
        max_examples=output.examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(case=cases)
    def check(case: Case) -> None:
        got = output.show(case)
        assert len(got) == len(case.cells)
        for cell, shown in zip(case.cells, got, strict=True):
            want = oracle(cell, case.decimals, case.lang)
            for key in shown:
                got_, want_ = _comparable(output, shown, key), _comparable(output, want, key)
                assert got_ == want_, (key, cell, case)

    check()
