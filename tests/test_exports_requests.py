"""Data requests over HTTP: intake, review, background fulfilment, files that read back."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from flask import Flask
from flask.testing import FlaskClient
from pyjstat import pyjstat

from config import Config
from exports.sdc import Rules, protect
from exports.spec import TableSpec
from exports.table import Table
from exports.tables import build
from store import Database, schema
from tests import exports_factory as ef
from tests.jsonstat import assert_valid

STAFF = {"Authorization": "Bearer staff-token"}
READER = {"Authorization": "Bearer reader-token"}
SPEC = {
    "source": "microdata",
    "indicator": "mig_arrivals",
    "periods": [str(ef.YEAR)],
    "breakdowns": ["soate", "sex", "age5"],
    "territory": "41702",
}


def make_app(url: str, tmp: Path, **settings: Any) -> Flask:
    from app import create_app

    cfg = dataclasses.replace(
        Config(),
        api_tokens={"staff-token": frozenset({"requests"}), "reader-token": frozenset({"reader"})},
        exports_dir=tmp / "exports",
        **settings,
    )
    return create_app({"DATABASE_URL": url, "TESTING": True, "STATKG_CONFIG": cfg})


def ask(client: FlaskClient, **changes: Any) -> Any:
    body = {
        "contact": {"name": "A. Researcher", "email": "a@example.kg", "organisation": "AUCA"},
        "purpose": "Internal migration of young people by district for a study.",
        "table": SPEC,
        "language": "ru",
        "formats": ["csv", "xlsx", "jsonstat", "sdmx-csv", "pdf"],
        "options": {"csv_separator": ";", "title": '=HYPERLINK("http://x")'},
        **changes,
    }
    return client.post("/api/v1/requests", json=body)


def download(client: FlaskClient, url: str) -> bytes:
    response = client.get(url)
    try:
        assert response.status_code == 200, response.status_code
        return bytes(response.data)
    finally:
        response.close()


def fulfil(app: Flask, client: FlaskClient, answer: Any) -> dict[str, Any]:
    """Accept, queue, run the worker once; the requester's final status."""
    rid = answer.get_json()["id"]
    assert (
        client.post(
            f"/api/v1/staff/requests/{rid}/review", json={"action": "accept"}, headers=STAFF
        ).status_code
        == 200
    )
    assert client.post(f"/api/v1/staff/requests/{rid}/fulfil", headers=STAFF).status_code == 202
    assert app.test_cli_runner().invoke(args=["exports", "work", "--once"]).exit_code == 0
    return dict(client.get(answer.get_json()["status_url"]).get_json())


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, Path]]:
    tmp = tmp_path_factory.mktemp("requests")
    url = f"sqlite:///{tmp / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        ef.store(session)
    database.dispose()
    app = make_app(url, tmp)
    yield app, tmp
    app.extensions["statkg.db"].dispose()


@pytest.fixture(scope="module")
def delivered(served: tuple[Flask, Path]) -> dict[str, Any]:
    """One request made over HTTP, fulfilled; its statuses and its downloaded files."""
    app, _tmp = served
    client = app.test_client()
    answer = ask(client)
    assert answer.status_code == 202, answer.get_json()
    queued_id = answer.get_json()["id"]
    client.post(
        f"/api/v1/staff/requests/{queued_id}/review", json={"action": "accept"}, headers=STAFF
    )
    client.post(f"/api/v1/staff/requests/{queued_id}/fulfil", headers=STAFF)
    queued = client.get(answer.get_json()["status_url"]).get_json()
    app.test_cli_runner().invoke(args=["exports", "work", "--once"])
    status = client.get(answer.get_json()["status_url"]).get_json()
    files = {f["format"]: download(client, f["url"]) for f in status["files"]}
    with app.app_context(), app.extensions["statkg.db"].session() as session:
        table = protect(build(session, TableSpec.from_dict(SPEC), ef.NOW), Rules()).table
    return {"queued": queued, "status": status, "files": files, "table": table, "id": queued_id}


def expected(table: Table) -> dict[tuple[str, ...], float | None]:
    return {codes: value for codes, value, _s, _c in table.cells()}


@pytest.mark.slow
def test_the_request_goes_through_the_background_worker(delivered: dict[str, Any]) -> None:
    assert (delivered["queued"]["status"], delivered["queued"]["job"]) == ("in_work", "queued")
    assert delivered["queued"]["progress"] == 0
    assert "files" not in delivered["queued"]
    status = delivered["status"]
    assert (status["status"], status["job"], status["progress"]) == ("fulfilled", "done", 100)
    assert status["disclosure_control"]["passed"]
    assert status["disclosure_control"]["primary"] > 0
    assert sorted(delivered["files"]) == ["csv", "jsonstat", "pdf", "sdmx-csv", "xlsx"]


@pytest.mark.slow
def test_csv_reads_back_in_pandas_with_the_same_numbers(delivered: dict[str, Any]) -> None:
    data = delivered["files"]["csv"]
    assert data.startswith("\ufeff".encode())  # Excel opens UTF-8 with a BOM correctly
    frame = pd.read_csv(
        io.BytesIO(data), sep=";", decimal=",", dtype={"soate": str}, encoding="utf-8-sig"
    )
    got = {
        (str(r.period), r.soate, r.sex, r.age5): None if pd.isna(r.value) else float(r.value)
        for r in frame.itertuples()
    }
    assert got == expected(delivered["table"])
    assert set(frame.loc[frame.value.isna(), "symbol"]) == {"x"}


@pytest.mark.slow
def test_xlsx_reads_back_in_openpyxl_with_the_same_numbers(delivered: dict[str, Any]) -> None:
    sheet: Any = openpyxl.load_workbook(io.BytesIO(delivered["files"]["xlsx"])).active
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "period") + 1
    assert sheet.freeze_panes == f"A{start + 1}"
    numbers = [r[4] for r in rows[start:]]
    want = [v for v in expected(delivered["table"]).values()]
    assert [n if isinstance(n, int | float) else None for n in numbers] == want
    assert all(isinstance(n, int) or n == "x" for n in numbers)
    assert "Легенда" in str(rows) or "x —" in str(rows)


@pytest.mark.filterwarnings("ignore:Shouldn't use this function:DeprecationWarning")
@pytest.mark.slow
def test_jsonstat_reads_back_in_pyjstat_with_the_same_numbers(delivered: dict[str, Any]) -> None:
    frame = pyjstat.Dataset.read(delivered["files"]["jsonstat"].decode()).write(
        "dataframe", naming="id"
    )
    got = [None if pd.isna(v) else float(v) for v in frame["value"]]
    assert got == list(expected(delivered["table"]).values())
    body = json.loads(delivered["files"]["jsonstat"])
    assert_valid(body)
    marks = {int(k): v for k, v in body["status"].items()}
    for n, value in enumerate(body["value"]):  # suppressed: x; a counted zero: – (no cases)
        assert marks.get(n) == ("x" if value is None else "–" if value == 0 else None), n
    assert "x" in marks.values()


@pytest.mark.slow
def test_sdmx_csv_reads_back_in_sdmx1_with_the_same_numbers(delivered: dict[str, Any]) -> None:
    import sdmx
    from sdmx.model import common, v30

    dsd = v30.DataStructureDefinition(id="DSD_MIG", maintainer=common.Agency(id="STATKG"))
    for concept in ("REF_AREA", "SEX", "AGE", "TIME_PERIOD"):
        dsd.dimensions.getdefault(concept)
    dsd.measures.getdefault("OBS_VALUE")
    for attribute in ("OBS_STATUS", "CONF_STATUS"):
        dsd.attributes.getdefault(attribute)
    data = io.BytesIO(delivered["files"]["sdmx-csv"])
    message: Any = sdmx.read_sdmx(data, format="CSV", structure=dsd)
    got = {}
    for obs in message.data[0].obs:
        key = obs.dimension.values
        codes = (
            key["TIME_PERIOD"].value,
            key["REF_AREA"].value,
            key["SEX"].value,
            key["AGE"].value,
        )
        got[codes] = float(obs.value) if obs.value else None
        assert (obs.value == "") == (obs.attached_attribute["CONF_STATUS"].value in "CD")
    assert got == expected(delivered["table"])


@pytest.mark.slow
def test_pdf_is_one_table_with_the_symbols(delivered: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "table.pdf"
    path.write_bytes(delivered["files"]["pdf"])
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
    assert delivered["files"]["pdf"].startswith(b"%PDF")
    assert "Прибывшие".encode() in text
    assert b" x " in text.replace(b"\n", b" ")


def test_formula_injection_is_neutralised_in_csv_and_xlsx() -> None:
    from exports.writers import WRITERS, Options

    table = ef.table([[5, 6], [7, 8]], labels={"r0": "=1+2", "r1": "@SUM(A1)"})
    options = Options(language="en", labels="both", title="+cmd|' /C calc'!A0")
    rows = list(csv.reader(io.StringIO(WRITERS["csv"].write(table, options).decode("utf-8-sig"))))
    assert {r[1] for r in rows[1:]} >= {"'=1+2", "'@SUM(A1)"}
    sheet: Any = openpyxl.load_workbook(io.BytesIO(WRITERS["xlsx"].write(table, options))).active
    texts = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(c.data_type == "s" for c in texts)
    assert not [c.value for c in texts if str(c.value).startswith(("=", "+", "-", "@"))]
    assert any(c.value == "'=1+2" for c in texts)


@pytest.mark.parametrize(
    ("bom", "separator", "labels", "header"),
    [
        (False, ",", "codes", ["row", "col", "value", "symbol", "OBS_STATUS", "CONF_STATUS"]),
        (True, ";", "labels", ["Строка", "col", "value", "symbol", "OBS_STATUS", "CONF_STATUS"]),
        (True, ",", "both", ["row", "Строка", "col", "col", "value", "symbol", "OBS_STATUS"]),
    ],
)
def test_csv_variants(bom: bool, separator: str, labels: str, header: list[str]) -> None:
    from exports.writers import WRITERS, Options

    plain = ef.table([[5, 6], [7, 8]])
    named = dataclasses.replace(plain.dims[0], name={"ru": "Строка"})
    table = dataclasses.replace(plain, dims=(named, plain.dims[1]))
    data = WRITERS["csv"].write(table, Options("ru", separator, bom, labels))
    assert data.startswith("\ufeff".encode()) == bom
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=separator))
    assert rows[0][: len(header)] == header
    assert len(rows) == 1 + 9
    assert rows[-1][-4] == "8"  # the inner cell r1 × c1, a number


@pytest.mark.parametrize(
    ("lang", "legend"),
    [
        ("ky", "x — купуя маалымат"),
        ("ru", "x — конфиденциальные данные"),
        ("en", "x — confidential data"),
    ],
)
def test_the_xlsx_header_block_speaks_the_requested_language(lang: str, legend: str) -> None:
    from exports.writers import WRITERS, Options

    protected = protect(ef.table([[1, 10], [20, 30]]), Rules()).table
    sheet: Any = openpyxl.load_workbook(
        io.BytesIO(WRITERS["xlsx"].write(protected, Options(language=lang)))
    ).active
    texts = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert legend in texts
    assert texts.count("x") >= 4 * 2  # value and symbol columns of every suppressed cell
