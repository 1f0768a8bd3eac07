"""The export writers print what the books print: the defects found reading them side by side.

Each test reads the bytes back (csv, json, openpyxl, pdftotext) and compares them with the
NSC rule, not with the writer's own helper.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest

from exports.table import Table
from exports.writers import WRITERS, Options
from tests import exports_factory as ef
from tests.jsonstat import assert_valid

LANGS = ("ky", "ru", "en")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def one_cell(value: float, decimals: int, status: str = "A", **changes: Any) -> Table:
    """A 1 × 1 table (with its margins) whose every cell holds ``value``."""
    table = ef.table([[value]])
    values = np.full(table.values.shape, value)
    return dataclasses.replace(
        table,
        values=values,
        status=np.full(values.shape, status, dtype=object),
        decimals=decimals,
        **changes,
    )


def csv_values(data: bytes, separator: str = ",") -> list[str]:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=separator))
    return [r.get("value", r.get("OBS_VALUE", "")) for r in rows]


def pdf_cells(data: bytes, tmp_path: Path) -> list[str]:
    """The texts of the table's body cells (rows labelled ``_T``, ``r0``)."""
    path = tmp_path / "t.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.split() for line in text.splitlines()]
    return [" ".join(parts[1:]) for parts in lines if parts and parts[0] in ("_T", "r0")]


@pytest.mark.parametrize("fmt", ["csv", "sdmx-csv"])
def test_a_small_negative_value_is_not_minus_zero_in_plain_formats(fmt: str) -> None:
    data = WRITERS[fmt].write(one_cell(-0.04, 1), Options(language="en"))
    assert set(csv_values(data)) == {"0.0"}


@needs_poppler
@pytest.mark.parametrize(("lang", "zero"), [("ky", "0,0"), ("ru", "0,0"), ("en", "0.0")])
def test_a_small_negative_value_is_not_minus_zero_in_the_pdf(
    lang: str, zero: str, tmp_path: Path
) -> None:
    cells = pdf_cells(WRITERS["pdf"].write(one_cell(-0.04, 1), Options(language=lang)), tmp_path)
    assert cells == [f"{zero} {zero}", f"{zero} {zero}"]


def test_jsonstat_rounds_half_up_like_csv_and_does_not_truncate() -> None:
    table = one_cell(12345.5, 0)
    body = json.loads(WRITERS["jsonstat"].write(table, Options(language="en")))
    assert_valid(body)
    assert set(body["value"]) == {12346}
    assert set(csv_values(WRITERS["csv"].write(table, Options(language="en")))) == {"12346"}
    sheet: Any = openpyxl.load_workbook(
        io.BytesIO(WRITERS["xlsx"].write(table, Options(language="en")))
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    start = max(i for i, r in enumerate(rows) if r[0] == "row") + 1  # after the code row
    assert {r[2] for r in rows[start:]} == {12346}


@needs_poppler
@pytest.mark.parametrize("lang", LANGS)
def test_a_zero_prints_no_cases_in_the_pdf_as_in_the_books(lang: str, tmp_path: Path) -> None:
    cells = pdf_cells(WRITERS["pdf"].write(one_cell(0.0, 0), Options(language=lang)), tmp_path)
    assert cells == ["– –", "– –"]


@pytest.mark.parametrize(
    ("unit", "lang", "label"),
    [
        ("years", "ky", "жыл"),
        ("children_per_woman", "ru", "детей на одну женщину"),
        ("per_1000_live_births", "ru", "на 1000 родившихся живыми"),
        ("crossings", "ky", "өтүү"),
    ],
)
def test_the_xlsx_names_every_unit_in_the_requested_language(
    unit: str, lang: str, label: str
) -> None:
    table = dataclasses.replace(ef.table([[1, 2]]), unit=unit)
    sheet: Any = openpyxl.load_workbook(
        io.BytesIO(WRITERS["xlsx"].write(table, Options(language=lang)))
    ).active
    texts = {c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)}
    assert label in texts
    assert unit not in texts


@pytest.mark.parametrize("lang", LANGS)
def test_the_xlsx_explains_every_flag_as_the_api_does(lang: str) -> None:
    from api.vocabulary import flags
    from l10n import language

    sheet: Any = openpyxl.load_workbook(
        io.BytesIO(WRITERS["xlsx"].write(ef.table([[1, 2]]), Options(language=lang)))
    ).active
    texts = {c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)}
    with language(lang):
        words = flags()
    for attribute, codes in (("OBS_STATUS", "obs_status"), ("CONF_STATUS", "conf_status")):
        for code, text in words[codes].items():
            assert f"{attribute} {code}: {text}" in texts
